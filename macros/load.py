"""Load the lists in data/ and check them: one Problem per mistake, naming the file,
the line, the record (by id or position) and the field, so a contributor knows what to fix."""

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import NamedTuple

import yaml
from pydantic import TypeAdapter, ValidationError

from macros import records


class Problem(NamedTuple):
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


class DataList(NamedTuple):
    file: str  # file name in data/
    record: type[records.Record]
    template: str  # in macros/templates/: how the page shows it
    words: str  # what the file holds, for its edit link: "Edit the list of <words>"
    section: str | None = None  # key of the list when one file holds several lists


# The three lists of crisis_lines.yml, each under its own key.
crisis = partial(DataList, "crisis_lines.yml", words="emergency numbers and crisis lines")
# Macro name -> where its records live and how they are shown. Pages call each name as a macro.
LISTS = {
    "signs": DataList("signs.yml", records.Explained, "explained.md.j2", "signs"),
    "conditions": DataList("conditions.yml", records.Explained, "explained.md.j2", "conditions"),
    "therapies": DataList("therapies.yml", records.Therapy, "therapies.md.j2", "therapies"),
    "self_care": DataList("self_care.yml", records.Explained, "explained.md.j2", "self-care ideas"),
    "seek_help": DataList("seek_help.yml", records.Explained, "explained.md.j2", "reasons to get help"),
    "emergency_numbers": crisis(records.EmergencyNumber, "emergency_numbers.md.j2", section="emergency"),
    "crisis_lines": crisis(records.CrisisLine, "crisis_lines.md.j2", section="crisis_lines"),
    "helpline_directories": crisis(
        records.HelplineDirectory, "helpline_directories.md.j2", section="directories"
    ),
    "sources": DataList("sources.yml", records.Source, "sources.md.j2", "sources"),
    "glossary": DataList("glossary.yml", records.GlossaryTerm, "glossary.md.j2", "glossary words"),
    "care_levels": DataList("care_levels.yml", records.CareLevel, "care_levels.html.j2", "care levels"),
}


def read_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    """The document and its node tree (which knows each value's line). A key given twice is
    yamllint's to refuse (`make lint`), a symbolic link the check's."""
    mark = None
    try:
        # LibYAML's C parser when PyYAML has it: the same safe loader, several times faster.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(path.read_text(encoding="utf-8"))
        node = loader.get_single_node()
        return (loader.construct_document(node) if node else None), node
    except UnicodeDecodeError as error:
        where = f"byte {error.object[error.start]:#04x} at position {error.start}"
        message = f"is not UTF-8 text ({where}); save it as UTF-8"
    except OSError as error:
        message = f"must be a real file (a YAML list of records): {error.strerror}"
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        message = f"not valid YAML: {getattr(error, 'problem', None) or str(error).splitlines()[0]}"
    except (TypeError, ValueError, RecursionError) as error:  # anything else the loader trips on
        message = f"could not be read as YAML: {error}"
    raise Refused([Problem(f"data/{path.name}", message, mark and mark.line + 1)])


def load_all(data_dir: Path) -> dict[str, list[records.Record]]:
    """Read and check every list; return macro name -> records."""
    files = {spec.file: read_yaml(data_dir / spec.file) for spec in LISTS.values()}
    problems, checked = [], {}
    for name, spec in LISTS.items():
        try:
            checked[name] = validate(*files[spec.file], spec)
        except Refused as error:
            problems += error.problems
    # A file's wrong lists once, not per list; ids in other lists once every list is good.
    problems = list(dict.fromkeys(problems)) or list(unknown_ids(checked))
    if problems:
        raise Refused(problems)
    return {name: found for name, (found, _) in checked.items()}


def validate(document, node: yaml.Node | None, spec: DataList) -> tuple[list[records.Record], yaml.Node]:
    """Check one list against its record model, then check that ids are unique; return the
    records and the list's node (for the lines of later problems)."""
    shown = f"data/{spec.file}"
    where = f"list '{spec.section}': " if spec.section else ""
    if spec.section:  # a file of several lists: exactly those, by name
        sections = sorted(s.section for s in LISTS.values() if s.file == spec.file)
        found = sorted(document) if isinstance(document, dict) else type(document).__name__
        if found != sections:
            raise Refused([Problem(shown, f"expected exactly the lists {sections}, got {found}")])
        document, node = document[spec.section], next(v for k, v in node.value if k.value == spec.section)
    if not isinstance(document, list) or not document:
        raise Refused([Problem(shown, f"{where}expected a non-empty YAML list of records")])
    try:
        checked = TypeAdapter(list[spec.record]).validate_python(document)
    except ValidationError as error:
        problems = []
        for e in error.errors():
            index, *field = e["loc"]
            record_id = document[index].get("id") if isinstance(document[index], dict) else None
            message = "unknown field (not in the schema)" if e["type"] == "extra_forbidden" else e["msg"]
            message = message if field else "expected a mapping of fields"  # no field: not a mapping
            problems.append(_problem(spec, node, index, record_id, message, *field))
        raise Refused(problems) from None
    ids = [getattr(record, "id", None) for record in checked]
    for position, record_id in enumerate(ids):
        if record_id and ids.index(record_id) < position:
            message = f"duplicate of record {ids.index(record_id) + 1}"
            raise Refused([_problem(spec, node, position, record_id, message, "id")])
    return checked, node


def unknown_ids(checked: dict[str, tuple[list[records.Record], yaml.Node]]) -> Iterator[Problem]:
    """A field named after a list (a care card's crisis lines, any record's sources) must hold
    ids of that list's records."""
    for name, (found, node) in checked.items():
        for index, record in enumerate(found):
            for field in sorted(type(record).model_fields.keys() & {"crisis_lines", "sources"}):
                known = {other.id for other in checked[field][0]}
                if unknown := [i for i in getattr(record, field) or [] if i not in known]:
                    message = f"unknown ids {unknown} (not in {LISTS[field].file})"
                    yield _problem(LISTS[name], node, index, record.id, message, field)


def _problem(spec: DataList, node: yaml.Node, index: int, record_id, message: str, *field) -> Problem:
    """File, line, list, record (position and id), field and what is wrong. The line is from
    YAML's own node marks: the field's key, else the record's first line."""
    where = (f"list '{spec.section}': " if spec.section else "") + f"record {index + 1}"
    where += f" (id '{record_id}')" if isinstance(record_id, str) else ""
    start = node.value[index]
    if field:  # a field's problem: the record is a mapping
        where += f": field '{'.'.join(map(str, field))}'"
        start = next((key for key, _ in start.value if key.value == str(field[0])), start)
    return Problem(f"data/{spec.file}", f"{where}: {message}", start.start_mark.line + 1)
