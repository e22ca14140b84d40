"""JSON Schemas of the data files, for editors: `python -m macros.schemas [--check]`.

Each data/<file>.yml starts with a `# yaml-language-server: $schema=...` line that
points at schemas/<file>.schema.json, so VS Code (with the YAML extension) and
other editors complete field names and flag a bad value while a contributor
types. The schemas come from the same models the build checks with
(macros/schema.py), so the two cannot disagree; --check fails when one is stale.
"""

import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from macros.data import LISTS

SCHEMAS_DIR = "schemas"


def schema_for(file: str) -> dict:
    """A flat list of records, or, for a file of several lists, a mapping of them."""
    specs = [spec for spec in LISTS.values() if spec.file == file]
    if specs[0].section is None:
        schema = TypeAdapter(list[specs[0].record]).json_schema()
        schema["minItems"] = 1
    else:
        lists = {spec.section: TypeAdapter(list[spec.record]).json_schema() for spec in specs}
        definitions = {}
        for each in lists.values():
            definitions.update(each.pop("$defs", {}))
            each["minItems"] = 1
        schema = {
            "$defs": definitions,
            "type": "object",
            "properties": lists,
            "required": sorted(lists),
            "additionalProperties": False,
        }
    title = file.removesuffix(".yml")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"data/{file}", **schema} | {
        "$id": f"{title}.schema.json"
    }


def rendered(file: str) -> str:
    return json.dumps(schema_for(file), indent=2, ensure_ascii=False) + "\n"


def schema_path(root: Path, file: str) -> Path:
    return root / SCHEMAS_DIR / f"{file.removesuffix('.yml')}.schema.json"


def stale(root: Path) -> list[str]:
    """Schemas that differ from the models, or data files that do not point at theirs."""
    problems = []
    for file in sorted({spec.file for spec in LISTS.values()}):
        path = schema_path(root, file)
        if not path.is_file() or path.read_text(encoding="utf-8") != rendered(file):
            problems.append(f"{path.relative_to(root)}: out of date; run `python -m macros.schemas`")
        first_line = (root / "data" / file).read_text(encoding="utf-8").partition("\n")[0]
        expected = f"# yaml-language-server: $schema=../{SCHEMAS_DIR}/{path.name}"
        if first_line != expected:
            problems.append(f"data/{file}: line 1 must be '{expected}'")
    return problems


def write(root: Path) -> None:
    (root / SCHEMAS_DIR).mkdir(exist_ok=True)
    for file in sorted({spec.file for spec in LISTS.values()}):
        schema_path(root, file).write_text(rendered(file), encoding="utf-8")


def main() -> int:
    root = Path.cwd()
    if "--check" in sys.argv:
        problems = stale(root)
        for problem in problems:
            print(f"ERROR - {problem}", file=sys.stderr)
        return 1 if problems else 0
    write(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
