"""Load the lists in data/ and check them: one Problem per mistake, naming the file,
the line, the record (by id or position) and the field, so a contributor knows what to fix."""

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from macros.records import (
    CareLevel,
    CrisisLine,
    EmergencyNumber,
    Explained,
    GlossaryTerm,
    HelplineDirectory,
    Record,
    Source,
    Therapy,
)


@dataclass(frozen=True)
class Problem:
    """One mistake, where the contributor made it: file as in the repository, line from 1."""

    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}: " + (f"line {self.line}: " if self.line else "") + self.message


class DataError(Exception):
    """Bad data in data/: stops the build. A plain exception, so it needs no MkDocs."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass(frozen=True)
class DataList:
    file: str  # file name in data/
    record: type[Record]
    words: str  # what the file holds, for its edit link: "Edit the list of <words>"
    section: str | None = None  # key of the list when one file holds several lists


CRISIS = "emergency numbers and crisis lines"
# Macro name -> where its records live. Pages call each name as a macro.
LISTS = {
    "signs": DataList("signs.yml", Explained, "signs"),
    "conditions": DataList("conditions.yml", Explained, "conditions"),
    "therapies": DataList("therapies.yml", Therapy, "therapies"),
    "self_care": DataList("self_care.yml", Explained, "self-care ideas"),
    "seek_help": DataList("seek_help.yml", Explained, "reasons to get help"),
    "emergency_numbers": DataList("crisis_lines.yml", EmergencyNumber, CRISIS, "emergency"),
    "crisis_lines": DataList("crisis_lines.yml", CrisisLine, CRISIS, "crisis_lines"),
    "helpline_directories": DataList("crisis_lines.yml", HelplineDirectory, CRISIS, "directories"),
    "sources": DataList("sources.yml", Source, "sources"),
    "glossary": DataList("glossary.yml", GlossaryTerm, "glossary words"),
    "care_levels": DataList("care_levels.yml", CareLevel, "care levels"),
}

# LibYAML's C parser when PyYAML has it: the same safe loader, several times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):
    """Safe loader that refuses a key given twice (YAML would silently keep the last)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(line, "a key is a list or mapping; keys must be plain field names")
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _Refused(line, f"key {key!r} appears twice")
            seen.add(key)
        return super().construct_mapping(node, deep)


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


def read_yaml(path: Path):
    shown = f"{path.parent.name}/{path.name}"
    if path.is_symlink() or not path.is_file():
        raise DataError(
            [Problem(shown, "must be a real file (a YAML list of records), not missing or a link")]
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        where = f"byte {error.object[error.start]:#04x} at position {error.start}"
        raise DataError([Problem(shown, f"is not UTF-8 text ({where}); save it as UTF-8")]) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except _Refused as error:
        raise DataError([Problem(shown, error.message, error.line)]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise DataError([Problem(shown, f"not valid YAML: {problem}", mark and mark.line + 1)]) from None
    except (TypeError, ValueError, RecursionError) as error:  # anything else the loader trips on
        raise DataError([Problem(shown, f"could not be read as YAML: {error}")]) from None


def load_all(data_dir: Path) -> dict[str, list[Record]]:
    """Read and check every list; return macro name -> records."""
    documents = {spec.file: read_yaml(data_dir / spec.file) for spec in LISTS.values()}
    problems = []
    for file, document in documents.items():
        sections = {spec.section for spec in LISTS.values() if spec.file == file} - {None}
        if sections and (not isinstance(document, dict) or set(document) != sections):
            found = sorted(document) if isinstance(document, dict) else type(document).__name__
            problems.append(
                Problem(f"data/{file}", f"expected exactly the lists {sorted(sections)}, got {found}")
            )
    if problems:
        raise DataError(problems)
    lists = {}
    for name, spec in LISTS.items():
        try:
            lists[name] = validate(documents[spec.file], spec, data_dir / spec.file)
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    return lists


def validate(document, spec: DataList, path: Path) -> list[Record]:
    """Check one list against its record model, then check that ids are unique."""
    raw = document[spec.section] if spec.section else document
    shown = f"data/{spec.file}"
    where = f"list '{spec.section}': " if spec.section else ""
    if not isinstance(raw, list) or not raw:
        raise DataError([Problem(shown, f"{where}expected a non-empty YAML list of records")])
    lines = RecordLines(path, spec.section)
    try:
        records = TypeAdapter(list[spec.record]).validate_python(raw)
    except ValidationError as error:
        raise DataError([_describe(shown, where, raw, e, lines) for e in error.errors()]) from None
    first_seen: dict[str, int] = {}
    for position, record in enumerate(records):
        record_id = getattr(record, "id", None)
        if record_id in first_seen:
            message = f"{where}record {position + 1} (id '{record_id}'): field 'id': duplicate of record "
            raise DataError(
                [Problem(shown, message + str(first_seen[record_id] + 1), lines.of(position, "id"))]
            )
        if record_id:
            first_seen[record_id] = position
    return records


def _describe(shown: str, where: str, raw: list, error: dict, lines: "RecordLines") -> Problem:
    """File, line, record (position and id), field and what is wrong."""
    index, *field = error["loc"]
    item = raw[index]
    record = f"record {index + 1}"
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        record += f" (id '{item['id']}')"
    if not field:
        return Problem(shown, f"{where}{record}: expected a mapping of fields", lines.of(index))
    name = ".".join(str(part) for part in field)
    message = "unknown field (not in the schema)" if error["type"] == "extra_forbidden" else error["msg"]
    return Problem(shown, f"{where}{record}: field '{name}': {message}", lines.of(index, str(field[0])))


class RecordLines:
    """The line each record, and each of its fields, starts on (from YAML's own node marks)."""

    def __init__(self, path: Path, section: str | None) -> None:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_SafeLoader)
        if section:
            node = next(value for key, value in node.value if key.value == section)
        self._records = node.value

    def of(self, index: int, field: str | None = None) -> int:
        record = self._records[index]
        for key, _ in record.value if isinstance(record, yaml.MappingNode) else []:
            if key.value == field:
                return key.start_mark.line + 1
        return record.start_mark.line + 1
