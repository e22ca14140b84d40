"""Load the lists in data/ and check them: one Problem per mistake, naming the file,
the line, the record (by id or position) and the field, so a contributor knows what to fix."""

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import TypeAdapter, ValidationError

from macros import records
from macros.records import Record


@dataclass(frozen=True)
class Problem:
    """One mistake, where the contributor made it: file as in the repository, line from 1."""

    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}: " + (f"line {self.line}: " if self.line else "") + self.message


class Refused(Exception):
    """What stops the build: bad data, a page's bad front matter or macro call. Each
    Problem names its file; a plain exception, so it needs no MkDocs."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass(frozen=True)
class DataList:
    file: str  # file name in data/
    record: type[Record]
    template: str  # in macros/templates/: how the page shows it
    words: str  # what the file holds, for its edit link: "Edit the list of <words>"
    section: str | None = None  # key of the list when one file holds several lists


CRISIS = "emergency numbers and crisis lines"
# Macro name -> where its records live and how they are shown. Pages call each name as a macro.
LISTS = {
    "signs": DataList("signs.yml", records.Explained, "explained.md.j2", "signs"),
    "conditions": DataList("conditions.yml", records.Explained, "explained.md.j2", "conditions"),
    "therapies": DataList("therapies.yml", records.Therapy, "therapies.md.j2", "therapies"),
    "self_care": DataList("self_care.yml", records.Explained, "explained.md.j2", "self-care ideas"),
    "seek_help": DataList("seek_help.yml", records.Explained, "explained.md.j2", "reasons to get help"),
    "emergency_numbers": DataList(
        "crisis_lines.yml", records.EmergencyNumber, "emergency_numbers.md.j2", CRISIS, "emergency"
    ),
    "crisis_lines": DataList(
        "crisis_lines.yml", records.CrisisLine, "crisis_lines.md.j2", CRISIS, "crisis_lines"
    ),
    "helpline_directories": DataList(
        "crisis_lines.yml", records.HelplineDirectory, "helpline_directories.md.j2", CRISIS, "directories"
    ),
    "sources": DataList("sources.yml", records.Source, "sources.md.j2", "sources"),
    "glossary": DataList("glossary.yml", records.GlossaryTerm, "glossary.md.j2", "glossary words"),
    "care_levels": DataList("care_levels.yml", records.CareLevel, "care_levels.html.j2", "care levels"),
}

# Fields that hold ids of another list's records: a care card's crisis lines, any record's sources.
REFERENCES = {"crisis_lines", "sources"}


# LibYAML's C parser when PyYAML has it: the same safe loader, several times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    """The document and its node tree (which knows each value's line). A key given twice is
    yamllint's to refuse (`make lint`), a symbolic link the check's."""
    shown = f"data/{path.name}"
    try:
        loader = LOADER(path.read_text(encoding="utf-8"))
        node = loader.get_single_node()
        return (loader.construct_document(node) if node else None), node
    except UnicodeDecodeError as error:
        where = f"byte {error.object[error.start]:#04x} at position {error.start}"
        raise Refused([Problem(shown, f"is not UTF-8 text ({where}); save it as UTF-8")]) from None
    except OSError as error:
        raise Refused(
            [Problem(shown, f"must be a real file (a YAML list of records): {error.strerror}")]
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise Refused([Problem(shown, f"not valid YAML: {problem}", mark and mark.line + 1)]) from None
    except (TypeError, ValueError, RecursionError) as error:  # anything else the loader trips on
        raise Refused([Problem(shown, f"could not be read as YAML: {error}")]) from None


def load_all(data_dir: Path) -> dict[str, list[Record]]:
    """Read and check every list; return macro name -> records."""
    files = {spec.file: read_yaml(data_dir / spec.file) for spec in LISTS.values()}
    problems, lists, nodes = [], {}, {}
    for name, spec in LISTS.items():
        document, node = files[spec.file]
        if spec.section:  # a file of several lists: exactly those, by name
            sections = sorted(s.section for s in LISTS.values() if s.file == spec.file)
            found = sorted(document) if isinstance(document, dict) else type(document).__name__
            if found != sections:
                problems.append(
                    Problem(f"data/{spec.file}", f"expected exactly the lists {sections}, got {found}")
                )
                continue
            document, node = document[spec.section], next(v for k, v in node.value if k.value == spec.section)
        try:
            lists[name], nodes[name] = validate(document, spec, node), node
        except Refused as error:
            problems += error.problems
    # A file's wrong lists once, not per list; ids in other lists once every list is good.
    problems = list(dict.fromkeys(problems)) or unknown_ids(lists, nodes)
    if problems:
        raise Refused(problems)
    return lists


def unknown_ids(lists: dict[str, list[Record]], nodes: dict[str, yaml.Node]) -> list[Problem]:
    """A field named after a list (REFERENCES) must hold ids of that list's records."""
    problems = []
    for name, checked in lists.items():
        for index, record in enumerate(checked):
            for field in REFERENCES & set(type(record).model_fields):
                known = {other.id for other in lists[field]}
                if unknown := [i for i in getattr(record, field) or [] if i not in known]:
                    message = f"record {index + 1} (id '{record.id}'): field '{field}': unknown ids {unknown}"
                    message += f" (not in {LISTS[field].file})"
                    problems.append(
                        Problem(f"data/{LISTS[name].file}", message, _line(nodes[name], index, field))
                    )
    return problems


def _line(records: yaml.Node, index: int, field: str | None = None) -> int:
    """The line record `index` (or its field) starts on, from YAML's own node marks."""
    record = records.value[index]
    keys = (
        [key for key, _ in record.value if key.value == field] if isinstance(record, yaml.MappingNode) else []
    )
    return (keys[0] if keys else record).start_mark.line + 1


def validate(raw, spec: DataList, node: yaml.Node) -> list[Record]:
    """Check one list against its record model, then check that ids are unique."""
    shown = f"data/{spec.file}"
    where = f"list '{spec.section}': " if spec.section else ""
    if not isinstance(raw, list) or not raw:
        raise Refused([Problem(shown, f"{where}expected a non-empty YAML list of records")])
    try:
        records = TypeAdapter(list[spec.record]).validate_python(raw)
    except ValidationError as error:
        raise Refused([_describe(shown, where, raw, e, node) for e in error.errors()]) from None
    ids = [getattr(record, "id", None) for record in records]
    for position, record_id in enumerate(ids):
        if record_id and ids.index(record_id) < position:
            message = f"{where}record {position + 1} (id '{record_id}'): field 'id': duplicate of record "
            raise Refused(
                [Problem(shown, message + str(ids.index(record_id) + 1), _line(node, position, "id"))]
            )
    return records


def _describe(shown: str, where: str, raw: list, error: dict, node: yaml.Node) -> Problem:
    """File, line, record (position and id), field and what is wrong."""
    index, *field = error["loc"]
    record = f"record {index + 1}"
    if isinstance(raw[index], dict) and isinstance(raw[index].get("id"), str):
        record += f" (id '{raw[index]['id']}')"
    if not field:
        return Problem(shown, f"{where}{record}: expected a mapping of fields", _line(node, index))
    name = ".".join(str(part) for part in field)
    message = "unknown field (not in the schema)" if error["type"] == "extra_forbidden" else error["msg"]
    return Problem(shown, f"{where}{record}: field '{name}': {message}", _line(node, index, str(field[0])))
