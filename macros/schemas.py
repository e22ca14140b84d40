"""JSON Schemas of the data files, for editors (written by `python -m macros.generate`).

Each data/<file>.yml starts with a `# yaml-language-server: $schema=...` line that
points at schemas/<file>.schema.json, so VS Code (with the YAML extension) and
other editors complete field names and flag a bad value while a contributor
types. The schemas come from the same models the build checks with
(macros/schema.py), so the two cannot disagree; the check step fails when one is stale.
"""

import json
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


def data_files() -> list[str]:
    return sorted({spec.file for spec in LISTS.values()})


def render_all(root: Path) -> dict[Path, str]:
    """Schema path -> its text (written and checked by python -m macros.generate)."""
    return {schema_path(root, file): rendered(file) for file in data_files()}


def missing_schema_lines(root: Path) -> list[str]:
    """Data files whose first line does not point editors at their schema."""
    problems = []
    for file in data_files():
        expected = f"# yaml-language-server: $schema=../{SCHEMAS_DIR}/{schema_path(root, file).name}"
        if (root / "data" / file).read_text(encoding="utf-8").partition("\n")[0] != expected:
            problems.append(f"data/{file}: line 1 must be '{expected}'")
    return problems
