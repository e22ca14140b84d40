"""Bad data and unsafe pages are refused before anything ships, each problem naming file, record and line;
the JSON Schemas editors use refuse the same data."""

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from build_steps.check import check_project
from macros.load import LISTS, Problem, Refused, load_all
from tests.site import DATA, LIST_PAGE, PAGES, ROOT, built_files, make, soup

DELETE = object()


def _records(text: str, section: str | None) -> list:
    node = yaml.compose(text)
    return next(value for key, value in node.value if key.value == section).value if section else node.value


def _insert(path: Path, section: str | None, index: int, line: str) -> int:
    """Add a line (at the record's indentation) after record `index`'s last field; its line number."""
    text = path.read_text(encoding="utf-8")
    record = _records(text, section)[index]
    first_key, (_, last_value) = record.value[0][0], record.value[-1]
    at = text.index("\n", last_value.end_mark.index) + 1
    path.write_text(text[:at] + " " * first_key.start_mark.column + line + "\n" + text[at:], encoding="utf-8")
    return text[:at].count("\n") + 1


def edit(data_dir: Path, name: str, index: int, field: str, value) -> tuple[int, int, str | None]:
    """Set (or DELETE, or change by a function of the old value) one field of one record in the YAML
    text, as a contributor would: (the line a refusal should name, the record's position, its id)."""
    spec, path = LISTS[name], data_dir / LISTS[name].file
    text = path.read_text(encoding="utf-8")
    records = _records(text, spec.section)
    position, record = range(1, len(records) + 1)[index], records[index]
    fields = {key.value: (key, value) for key, value in record.value}
    record_id = fields["id"][1].value if "id" in fields else None
    if field not in fields:
        return _insert(path, spec.section, index, f"{field}: {json.dumps(value)}"), position, record_id
    key, old = fields[field]
    value = value(old.value) if callable(value) else value
    if value is DELETE:
        start = text.rindex("\n", 0, key.start_mark.index) + 1
        path.write_text(text[:start] + text[text.index("\n", old.end_mark.index) + 1 :], encoding="utf-8")
        return record.start_mark.line + 1, position, record_id  # the record's line (not its first field)
    path.write_text(text[: old.start_mark.index] + json.dumps(value) + text[old.end_mark.index :])
    return key.start_mark.line + 1, position, value if field == "id" else record_id


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return shutil.copytree(ROOT / "data", tmp_path / "data")


def _refusals(data_dir: Path) -> list[Problem]:
    with pytest.raises(Refused) as error:
        load_all(data_dir)
    return error.value.problems


LONG, NOWHERE = "word " * 100, "12345678901234"  # longer than a label; a number no text gives
BREAKOUT = "https://example.org/)![x](https://tracker.example/p.png"
# (list, record index, field, new value or DELETE, what the message says)
FIELD_CASES = {
    "missing field": ("signs", 1, "explanation", DELETE, "Field required"),
    "crisis line without a source": ("crisis_lines", 1, "source", DELETE, "Field required"),
    "empty field": ("therapies", 0, "how_it_helps", "   ", "at least 1 character"),
    "unknown field": ("self_care", -1, "colour", "blue", "unknown field"),
    "wrong type": ("seek_help", 0, "label", 42, "valid string"),
    "id not kebab-case": ("conditions", 1, "id", "Not_Kebab", "hyphens, but contains 'N'"),
    "too long": ("glossary", 0, "term", LONG, "at most"),
    "raw HTML": ("signs", 0, "explanation", "Some <b>bold</b> text.", "'<'"),
    "Jinja": ("therapies", 1, "label", "{{ config.site_name }}", "'{'"),
    "markup in a label": ("signs", 2, "label", "[x](javascript:alert(1))", "'['"),
    "javascript link": ("conditions", 0, "explanation", "[call](javascript:alert(1))", "'['"),
    "attribute list": ("self_care", 0, "explanation", '*this*{ onmouseover="alert(1)" }', "'{'"),
    "link breakout": ("sources", 0, "url", BREAKOUT, "break out of a link"),
    "newline in a label": ("signs", 1, "label", "Tired\n## Injected heading", "line break"),
    "http source": ("sources", -1, "url", "http://example.org/", "https://"),
    "javascript chat": ("crisis_lines", 0, "chat", "javascript:alert(1)", "https://"),
    "U+202E": ("emergency_numbers", 1, "number", "\u202e".__add__, "invisible character (U+202E)"),
    "U+202E in a contact": ("crisis_lines", 0, "contact", "\u202e".__add__, "invisible character (U+202E)"),
    "U+200B": ("crisis_lines", -1, "name", "Sama\u200britans", "invisible character (U+200B)"),
    "not dialable": ("crisis_lines", 0, "call", "116-123", "should match pattern"),
    "not in the text": ("crisis_lines", 0, "call", NOWHERE, "not in the readable text"),
    "emergency not in the text": ("emergency_numbers", 0, "call", [NOWHERE], "not in the readable text"),
    "http directory": ("helpline_directories", 0, "url", "http://example.org/", "https://"),
    "duplicate id": ("signs", -1, "id", DATA["signs"][0].id, "duplicate of record 1"),
    "nothing to call": ("emergency_numbers", 0, "call", [], "at least 1 item"),
    "unknown crisis line": (
        "care_levels",
        1,
        "crisis_lines",
        ["no-such-line"],
        "unknown ids ['no-such-line']",
    ),
    "unknown source": ("signs", 0, "sources", ["no-such-source"], "unknown ids ['no-such-source']"),
}
# What a JSON Schema cannot say: a value blank once stripped, a number in the text, an id used once
# or known in another list.
SCHEMA_CANNOT = {"empty field", "not in the text", "emergency not in the text", "duplicate id"}
SCHEMA_CANNOT |= {"unknown crisis line", "unknown source"}


def _schema_errors(data_dir: Path, name: str) -> list:
    file = LISTS[name].file
    schema = json.loads((ROOT / "schemas" / file.replace(".yml", ".schema.json")).read_text(encoding="utf-8"))
    document = yaml.safe_load((data_dir / file).read_text(encoding="utf-8"))
    return list(Draft202012Validator(schema).iter_errors(document))


@pytest.mark.parametrize("case", FIELD_CASES)
def test_a_bad_field_is_refused_naming_file_record_field_and_line_and_by_the_schema(data_dir, case):
    name, index, field, value, complaint = FIELD_CASES[case]
    assert _schema_errors(data_dir, name) == []  # the negative control: the file as it is
    line, position, record_id = edit(data_dir, name, index, field, value)
    assert _schema_errors(data_dir, name) or case in SCHEMA_CANNOT, f"the schema accepts {value!r}"
    (problem,) = _refusals(data_dir)  # one clear message: a refused number is not also "not in the text"
    record = f"record {position}" + (f" (id '{record_id}')" if record_id else "") + f": field '{field}'"
    assert problem.file == f"data/{LISTS[name].file}" and record in problem.message, problem
    assert complaint in problem.message and problem.line == line, problem


def _append(file: str, content: bytes):
    def change(data_dir: Path) -> int:
        lines = (data_dir / file).read_bytes().count(b"\n")
        (data_dir / file).write_bytes((data_dir / file).read_bytes() + content)
        return lines + 1  # the first added line

    return change


def _inserting(name: str, line: str):
    return lambda data_dir: _insert(data_dir / LISTS[name].file, LISTS[name].section, 0, line)


# (file named, change -> the first line it added, what the message says, the lines it may name from
# there: none for a reader error (NUL, not UTF-8), a few for an unclosed bracket, noticed later).
FILE_CASES = {
    "malformed YAML": ("signs", _append("signs.yml", b"- id: x\n  label: [not closed\n"), "not valid", 3),
    "complex key": ("self_care", _inserting("self_care", "? [a, b]"), "unhashable key", 1),
    "NUL byte": ("glossary", _append("glossary.yml", b"- id: x\n  term: a\x00b\n"), "control characters", 0),
    "not UTF-8": ("glossary", _append("glossary.yml", b"# caf\xe9\n"), "not UTF-8 text (byte 0xe9", 0),
    "missing file": ("conditions", lambda data: (data / "conditions.yml").unlink(), "must be a real file", 0),
    "a list missing": ("crisis_lines", lambda data: (data / "crisis_lines.yml").write_text("emergency: []\n"),
                       "expected exactly the lists", 0),
}  # fmt: skip


@pytest.mark.parametrize("case", FILE_CASES)
def test_an_unreadable_file_is_refused_naming_it(data_dir, case):
    file, change, complaint, lines = FILE_CASES[case]
    added = change(data_dir)
    (problem,) = _refusals(data_dir)
    assert problem.file == f"data/{file}.yml" and complaint in problem.message, problem
    assert problem.line - added in range(lines) if lines else problem.line is None, problem


def test_a_byte_order_mark_loads_fine(data_dir):
    path = data_dir / "glossary.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_all(data_dir) == DATA


# -- The whole check, on a copy of the built project (its git history included) ---------
@pytest.fixture
def project(built, tmp_path) -> Path:
    """A copy of the built project, site/ and dist/ included (it passes the check: the build ran it)."""
    return shutil.copytree(built, tmp_path / "project", symlinks=True)


@pytest.mark.parametrize("link", ["includes/x", "docs/environ.md", "data/signs.yml"])
def test_a_symbolic_link_anywhere_is_refused_by_name(project, link):
    (project / link).parent.mkdir(exist_ok=True)
    (project / link).unlink(missing_ok=True)
    (project / link).symlink_to("/etc/hostname")
    assert [(p.file, "symbolic link" in p.message) for p in check_project(project)] == [(link, True)]


@pytest.mark.parametrize("blank", [False, True], ids=["in a paragraph", "its own paragraph"])
def test_a_snippet_line_in_a_page_is_refused_with_its_line(project, blank):
    """An unknown source id in a page: test_contributor_edits.py."""
    shown = f"docs/{PAGES[-1][0]}"
    text = (project / shown).read_text(encoding="utf-8").rstrip("\n") + ("\n\n" if blank else "\n")
    (project / shown).write_text(text + '--8<-- "/etc/hostname"\n', encoding="utf-8")
    number = text.count("\n") + 1
    first, *others = check_project(project)
    assert (first.file, first.line) == (shown, number) and "snippet lines (--8<--)" in first.message, first
    assert {other.file for other in others} <= {"docs/whole-guide.md"}  # it shows every page


def test_a_page_reviewed_before_its_first_commit_is_refused(project):
    shown = f"docs/{PAGES[0][0]}"
    path = project / shown
    log = ["git", "-C", str(project), "log", "--diff-filter=A", "--format=%cs", "--", shown]
    added = subprocess.run(log, capture_output=True, text=True, check=True).stdout.split()[-1]
    too_early = dt.date.fromisoformat(added) - dt.timedelta(days=1)
    path.write_text(re.sub(r"(?m)^reviewed: .*$", f"reviewed: {too_early}", path.read_text()))
    (problem,) = check_project(project)
    message = f"'reviewed' ({too_early}) is before the page existed (first commit {added})"
    assert problem == Problem(shown, message, 1)


def test_make_build_refuses_bad_data_and_keeps_the_last_site(project):
    """Refused by the finishing step (an id twice on a page), the engines, the check: site/ is unchanged."""
    before, data = built_files(project), project / "data"
    ids = {getattr(r, "id", None) for records in DATA.values() for r in records}
    headings = soup(project / "site", LIST_PAGE["signs"]).select("article h2[id]")
    heading = next(h["id"] for h in headings if h["id"] not in ids)
    shared = DATA["signs"][0].id
    edit(data, "conditions", 0, "id", shared)  # one id in two lists (both on the whole guide)
    _, position, _ = edit(data, "signs", -1, "id", heading)  # a record id equal to a heading's anchor
    late = make(project)
    output = late.stdout + late.stderr
    assert late.returncode != 0 and "site/ and dist/ were not changed" in output
    owners = [f"conditions.yml record 1 (id '{shared}')", f"signs.yml record 1 (id '{shared}')"]
    for owner in [*owners, f"signs.yml record {position} (id '{heading}')"]:
        assert re.search(rf"ERROR - docs/\S+: id '[^']+' is used 2 times .*{re.escape(owner)}", output)

    page = project / "docs" / PAGES[0][0]  # an unknown source: the engines fail, the check names the line
    page.write_text(page.read_text(encoding="utf-8") + '{{ cite("no-such-source") }}\n', encoding="utf-8")
    dated = project / "docs" / PAGES[1][0]  # and a review date, which the check refuses before the engines
    dated.write_text(re.sub(r"(?m)^next_review: .*$", "next_review: 2000-01-01", dated.read_text()))
    cited = make(project)
    line = page.read_text(encoding="utf-8").count("\n")
    assert cited.returncode != 0 and f"docs/{PAGES[0][0]}: line {line}: cites unknown" in cited.stderr
    assert f"docs/{PAGES[1][0]}: line 1: 'next_review' (2000-01-01) must come after" in cited.stderr

    edit(data, "glossary", 0, "term", "zero\u200bwidth")
    early = make(project)
    assert early.returncode != 0 and "data/glossary.yml: line" in early.stderr, early.stderr
    assert built_files(project) == before
