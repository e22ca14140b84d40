"""JSON Schemas of the data files, from the record models (macros/records.py): each data file's
first line points editors at its schema, so they flag a bad value while a contributor types;
`make lint` validates data/ with them. Committed; the check refuses one that is out of date."""

import json
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, Field, TypeAdapter, create_model

from macros.load import LISTS, Problem

REWRITE = "run `python -m build_steps.generate --schemas`"


def schema_for(file: str) -> dict:
    """A flat list of records, or, for a file of several lists, a mapping of exactly those."""
    specs = [spec for spec in LISTS.values() if spec.file == file]
    lists = {spec.section: Annotated[list[spec.record], Field(min_length=1)] for spec in specs}
    shape = lists.get(None) or create_model(
        f"data/{file}", __config__=ConfigDict(extra="forbid"), **{name: (t, ...) for name, t in lists.items()}
    )
    header = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"data/{file}"}
    return header | TypeAdapter(shape).json_schema() | {"$id": f"{file.removesuffix('.yml')}.schema.json"}


def render_all(root: Path) -> dict[Path, str]:
    """Schema path -> its text."""
    files = sorted({spec.file for spec in LISTS.values()})
    texts = {
        f"{file.removesuffix('.yml')}.schema.json": json.dumps(schema_for(file), indent=2) for file in files
    }
    return {root / "schemas" / name: text + "\n" for name, text in texts.items()}


def stale(root: Path) -> list[Problem]:
    """A schema that differs from the models, or a data file that does not point editors at its schema."""
    problems = []
    for path, text in render_all(root).items():
        shown = path.relative_to(root).as_posix()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            problems.append(Problem(shown, f"out of date with macros/records.py; {REWRITE}"))
        data = f"data/{path.name.removesuffix('.schema.json')}.yml"
        expected = f"# yaml-language-server: $schema=../schemas/{path.name}"
        if (root / data).read_text(encoding="utf-8").partition("\n")[0] != expected:
            problems.append(Problem(data, f"line 1 must be '{expected}'", 1))
    return problems
