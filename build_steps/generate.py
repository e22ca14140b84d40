"""What is written from data/ and the record models, never by hand: the banner's emergency
numbers for the theme (which sees no data/), never committed, before every build and, as a
MkDocs hook, every `make serve` rebuild; and the JSON Schemas editors use, committed (each data
file's line 1 points at its own; `make lint` validates data/ with them; the check refuses stale ones).

    python -m build_steps.generate --schemas  # rewrite schemas/ (after changing macros/records.py)
"""

import json
import sys
from pathlib import Path
from typing import Annotated

from jinja2 import Environment, FileSystemLoader
from pydantic import ConfigDict, Field, TypeAdapter, create_model

if (_PROJECT := str(Path(__file__).resolve().parents[1])) not in sys.path:
    sys.path.insert(0, _PROJECT)  # MkDocs loads a hook by its path

from macros.load import LISTS, Problem, load_all  # noqa: E402

BANNER = Path("overrides/partials/generated/emergency-numbers.html")
REWRITE = "run `python -m build_steps.generate --schemas`"
# Every value from data/ is escaped.
_BANNER = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True)


def write_banner(root: Path) -> None:
    """Each emergency number once, in the order it first appears, with the regions that use it."""
    numbers: dict[str, list[str]] = {}
    for record in load_all(root / "data")["emergency_numbers"]:
        for number in record.call:
            numbers.setdefault(number, []).append(record.region)
    text = _BANNER.get_template("emergency-numbers.html.j2").render(numbers=numbers) + "\n"
    path = root / BANNER
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:  # live reload follows overrides/
        path.write_text(text, encoding="utf-8")


def on_pre_build(config, **kwargs) -> None:
    """`make serve`: the banner follows data/ on every rebuild (live reload)."""
    write_banner(Path(config.config_file_path).resolve().parent)


def schema_for(file: str) -> dict:
    """A flat list of records, or, for a file of several lists, a mapping of exactly those."""
    lists = {
        s.section: Annotated[list[s.record], Field(min_length=1)] for s in LISTS.values() if s.file == file
    }
    shape = lists.get(None) or create_model(
        f"data/{file}", __config__=ConfigDict(extra="forbid"), **{name: (t, ...) for name, t in lists.items()}
    )
    header = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"data/{file}"}
    return header | TypeAdapter(shape).json_schema() | {"$id": f"{file.removesuffix('.yml')}.schema.json"}


def schemas(root: Path) -> dict[Path, str]:
    """Schema path -> its text."""
    found = [schema_for(file) for file in sorted({spec.file for spec in LISTS.values()})]
    return {root / "schemas" / schema["$id"]: json.dumps(schema, indent=2) + "\n" for schema in found}


def stale_schemas(root: Path) -> list[Problem]:
    """A schema that differs from the models, or a data file whose line 1 does not point at it."""
    problems = []
    for path, text in schemas(root).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            problems.append(Problem(f"schemas/{path.name}", f"out of date with macros/records.py; {REWRITE}"))
        data = f"data/{path.name.removesuffix('.schema.json')}.yml"
        expected = f"# yaml-language-server: $schema=../schemas/{path.name}"
        if (root / data).read_text(encoding="utf-8").partition("\n")[0] != expected:
            problems.append(Problem(data, f"line 1 must be '{expected}'", 1))
    return problems


if __name__ == "__main__":
    if sys.argv[1:] != ["--schemas"]:
        sys.exit(f"usage: python -m build_steps.generate --schemas\n{__doc__}")
    for path, text in schemas(Path.cwd()).items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(Path.cwd())}")
