"""Load the lists in data/ and check them when the build starts.

Every problem becomes one DataError that names the file, the record (by id or
position) and the field, so a contributor knows exactly what to fix.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from macros.schema import (
    CrisisLine,
    EmergencyNumber,
    Explained,
    GlossaryTerm,
    HelplineDirectory,
    Record,
    Source,
    Therapy,
)


class DataError(Exception):
    """Bad data in data/ or docs/: stops the build with a message a contributor can act on.

    A plain exception, so the checks run without MkDocs (python -m macros.check);
    the mkdocs-macros entry point turns it into MkDocs' PluginError."""


@dataclass(frozen=True)
class DataList:
    file: str  # file name in data/
    record: type[Record]
    section: str | None = None  # key of the list when one file holds several lists


# Macro name -> where its records live. Pages call each name as a macro.
LISTS = {
    "signs": DataList("signs.yml", Explained),
    "conditions": DataList("conditions.yml", Explained),
    "therapies": DataList("therapies.yml", Therapy),
    "self_care": DataList("self_care.yml", Explained),
    "seek_help": DataList("seek_help.yml", Explained),
    "emergency_numbers": DataList("crisis_lines.yml", EmergencyNumber, "emergency"),
    "crisis_lines": DataList("crisis_lines.yml", CrisisLine, "crisis_lines"),
    "helpline_directories": DataList("crisis_lines.yml", HelplineDirectory, "directories"),
    "sources": DataList("sources.yml", Source),
    "glossary": DataList("glossary.yml", GlossaryTerm),
}


# LibYAML's C parser when PyYAML has it (it does in the wheels): the same safe
# loader, several times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):
    """Safe loader that refuses a key given twice, which YAML would silently drop."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            mark = key_node.start_mark
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataError(
                    f"a key at line {mark.line + 1}, column {mark.column + 1} is a list or mapping; "
                    "keys must be plain field names"
                )
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DataError(
                    f"key {key!r} appears twice at line {mark.line + 1}, column {mark.column + 1}"
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


def read_yaml(path: Path):
    if not path.is_file():
        raise DataError(f"{_shown(path)}: file is missing (expected a YAML list of records)")
    if path.is_symlink():
        raise DataError(f"{_shown(path)}: is a symbolic link; data files must be real files in data/")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            f"{_shown(path)}: is not UTF-8 text (byte {error.object[error.start]:#04x} at position "
            f"{error.start}); save it as UTF-8"
        ) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except DataError as error:
        raise DataError(f"{_shown(path)}: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        where = _locate(path, mark.line) if mark else ""
        raise DataError(f"{_shown(path)}: not valid YAML{where}: {problem}") from None
    except (TypeError, ValueError, RecursionError) as error:  # anything else the loader trips on
        raise DataError(f"{_shown(path)}: could not be read as YAML: {error}") from None


def _locate(path: Path, line_index: int) -> str:
    """Name the record and field around a YAML syntax error, as far as the text shows them."""
    lines = path.read_text(encoding="utf-8").splitlines()[: line_index + 1]
    records = sum(1 for line in lines if line.startswith("- "))
    last = lines[-1] if lines else ""
    field = re.match(r"^[\s-]*([A-Za-z_]\w*)\s*:", last)
    parts = [f" at line {line_index + 1}"]
    if records:
        parts.append(f"record {records}")
    if field:
        parts.append(f"field '{field.group(1)}'")
    return ", ".join(parts)


def load_all(data_dir: Path) -> dict[str, list[Record]]:
    """Read and check every list; return macro name -> records."""
    documents = {}
    for spec in LISTS.values():
        if spec.file not in documents:
            documents[spec.file] = read_yaml(data_dir / spec.file)
    _check_sections(data_dir, documents)
    return {name: validate(documents[spec.file], spec, data_dir / spec.file) for name, spec in LISTS.items()}


def _check_sections(data_dir: Path, documents: dict) -> None:
    """A file that holds several lists must be a mapping with exactly those keys."""
    for file, document in documents.items():
        sections = {spec.section for spec in LISTS.values() if spec.file == file} - {None}
        if not sections:
            continue
        path = _shown(data_dir / file)
        if not isinstance(document, dict):
            raise DataError(f"{path}: expected a mapping with the lists {sorted(sections)}")
        if unknown := set(document) - sections:
            raise DataError(f"{path}: unknown list(s) {sorted(unknown)}; expected {sorted(sections)}")
        if missing := sections - set(document):
            raise DataError(f"{path}: missing list(s) {sorted(missing)}")


def validate(document, spec: DataList, path: Path) -> list[Record]:
    """Check one list against its record schema, then check ids are unique."""
    raw = document[spec.section] if spec.section else document
    where = f"{_shown(path)}" + (f", list '{spec.section}'" if spec.section else "")
    if not isinstance(raw, list) or not raw:
        raise DataError(f"{where}: expected a non-empty YAML list of records, got {type(raw).__name__}")
    try:
        records = TypeAdapter(list[spec.record]).validate_python(raw)
    except ValidationError as error:
        raise DataError("\n".join(_describe(where, raw, e) for e in error.errors())) from None
    _check_unique_ids(where, records)
    return records


def _describe(where: str, raw: list, error: dict) -> str:
    """One line per problem: file, record (position and id), field, what is wrong."""
    index, *field = error["loc"]
    item = raw[index]
    record = f"record {index + 1}"
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        record += f" (id '{item['id']}')"
    if not field:
        return f"{where}: {record}: expected a mapping of fields, got {type(item).__name__}"
    name = ".".join(str(part) for part in field)
    message = "unknown field (not in the schema)" if error["type"] == "extra_forbidden" else error["msg"]
    return f"{where}: {record}: field '{name}': {message}"


def _check_unique_ids(where: str, records: list[Record]) -> None:
    first_seen: dict[str, int] = {}
    for position, record in enumerate(records, start=1):
        record_id = getattr(record, "id", None)
        if record_id is None:
            continue
        if record_id in first_seen:
            raise DataError(
                f"{where}: record {position} (id '{record_id}'): field 'id': "
                f"duplicate of record {first_seen[record_id]}"
            )
        first_seen[record_id] = position


def _shown(path: Path) -> str:
    """data/<file>, as a contributor sees it in the repository."""
    return f"{path.parent.name}/{path.name}"
