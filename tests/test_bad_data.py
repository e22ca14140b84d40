"""Bad data stops `make build` with one clear message and leaves the last good site alone."""

import hashlib
from pathlib import Path

import pytest
import yaml

from tests.site import make_build


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _edit_record(file: str, position: int, change):
    """A case that changes one record (1-based position) of a flat list file."""

    def apply(data_dir: Path) -> str:
        path = data_dir / file
        records = yaml.safe_load(path.read_text())
        change(records[position - 1], records)
        path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True))
        return records[position - 1].get("id", "")

    return apply


def _malformed(data_dir: Path) -> str:
    path = data_dir / "signs.yml"
    path.write_text(path.read_text() + "- id: broken-record\n  label: [not closed\n")
    return ""  # the record cannot be parsed, so its id cannot be known


def _missing_file(data_dir: Path) -> str:
    (data_dir / "conditions.yml").unlink()
    return ""


def _crisis_line_without_source(data_dir: Path) -> str:
    path = data_dir / "crisis_lines.yml"
    data = yaml.safe_load(path.read_text())
    del data["crisis_lines"][1]["source"]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return data["crisis_lines"][1]["id"]


def _write_bytes(file: str, content: bytes):
    def apply(data_dir: Path) -> str:
        (data_dir / file).write_bytes(content)
        return ""

    return apply


def _set_in(file: str, section: str, position: int, field: str, value):
    """A case that changes one field of a record in a file of several lists."""

    def apply(data_dir: Path) -> str:
        path = data_dir / file
        data = yaml.safe_load(path.read_text())
        data[section][position - 1][field] = value
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
        return data[section][position - 1].get("id", "")

    return apply


def _set(field, value):
    return lambda record, _records: record.__setitem__(field, value)


CASES = {
    # case: (change, file named, record named, field named, what is wrong)
    "malformed YAML": (_malformed, "data/signs.yml", "record 15", "field 'label'", "not valid YAML"),
    "missing file": (_missing_file, "data/conditions.yml", "", "", "file is missing"),
    "missing field": (
        _edit_record("signs.yml", 2, lambda record, _: record.pop("explanation")),
        "data/signs.yml",
        "record 2",
        "field 'explanation'",
        "Field required",
    ),
    "empty field": (
        _edit_record("therapies.yml", 1, _set("how_it_helps", "   ")),
        "data/therapies.yml",
        "record 1",
        "field 'how_it_helps'",
        "at least 1 character",
    ),
    "unknown field": (
        _edit_record("self_care.yml", 3, _set("colour", "blue")),
        "data/self_care.yml",
        "record 3",
        "field 'colour'",
        "unknown field",
    ),
    "wrong type": (
        _edit_record("seek_help.yml", 4, _set("label", 42)),
        "data/seek_help.yml",
        "record 4",
        "field 'label'",
        "valid string",
    ),
    "duplicate id": (
        _edit_record("signs.yml", 3, lambda record, records: record.__setitem__("id", records[0]["id"])),
        "data/signs.yml",
        "record 3",
        "field 'id'",
        "duplicate of record 1",
    ),
    "id not kebab-case": (
        _edit_record("conditions.yml", 2, _set("id", "Not_Kebab")),
        "data/conditions.yml",
        "record 2",
        "field 'id'",
        "not kebab-case",
    ),
    "raw HTML": (
        _edit_record("signs.yml", 5, _set("explanation", "Some <b>bold</b> text.")),
        "data/signs.yml",
        "record 5",
        "field 'explanation'",
        "'<'",
    ),
    "Jinja expression": (
        _edit_record("therapies.yml", 2, _set("label", "{{ config.site_name }}")),
        "data/therapies.yml",
        "record 2",
        "field 'label'",
        "'{'",
    ),
    "Jinja statement": (
        _edit_record("seek_help.yml", 1, _set("explanation", "{% if x %}Hi{% endif %}")),
        "data/seek_help.yml",
        "record 1",
        "field 'explanation'",
        "'{'",
    ),
    # The audit of issue 11: markup, tricks and crashes that once got through.
    "javascript link in a text field": (
        _edit_record("signs.yml", 1, _set("explanation", "[call](javascript:alert(document.domain))")),
        "data/signs.yml",
        "record 1",
        "field 'explanation'",
        "'['",
    ),
    "attr_list handler": (
        _edit_record("self_care.yml", 2, _set("explanation", '*this*{ onmouseover="alert(1)" }')),
        "data/self_care.yml",
        "record 2",
        "field 'explanation'",
        "'{'",
    ),
    "URL breaking out of a link": (
        _edit_record(
            "sources.yml", 1, _set("url", "https://example.org/)![x](https://tracker.example/p.png")
        ),
        "data/sources.yml",
        "record 1",
        "field 'url'",
        "break out of a link",
    ),
    "heading injected through a label": (
        _edit_record("signs.yml", 2, _set("label", "Tired\n## Injected heading")),
        "data/signs.yml",
        "record 2",
        "field 'label'",
        "line break",
    ),
    "http source": (
        _edit_record("sources.yml", 3, _set("url", "http://example.org/")),
        "data/sources.yml",
        "record 3",
        "field 'url'",
        "https://",
    ),
    "right-to-left override in a number": (
        _set_in("crisis_lines.yml", "emergency", 2, "number", "9\u202e99"),
        "data/crisis_lines.yml",
        "record 2",
        "field 'number'",
        "invisible character (U+202E)",
    ),
    "zero-width space in a name": (
        _set_in("crisis_lines.yml", "crisis_lines", 3, "name", "Sama\u200britans"),
        "data/crisis_lines.yml",
        "record 3",
        "field 'name'",
        "invisible character (U+200B)",
    ),
    "not UTF-8": (
        _write_bytes("glossary.yml", "- id: cafe\n  term: caf\xe9\n  definition: x\n".encode("latin-1")),
        "data/glossary.yml",
        "",
        "",
        "not UTF-8",
    ),
    "complex YAML key": (
        _write_bytes("therapies.yml", b"- ? [a, b]\n  : c\n"),
        "data/therapies.yml",
        "",
        "",
        "keys must be plain field names",
    ),
    "one id in two lists on one page": (
        _edit_record("conditions.yml", 1, _set("id", "hard-to-trust")),
        "data/conditions.yml",
        "record 1",
        "field 'id'",
        "used 2 times",
    ),
    "record id equal to a heading's anchor": (
        _edit_record("signs.yml", 4, _set("id", "what-to-do-next")),
        "data/signs.yml",
        "record 4",
        "field 'id'",
        "used 2 times",
    ),
    "crisis line without source": (
        _crisis_line_without_source,
        "data/crisis_lines.yml",
        "record 2",
        "field 'source'",
        "Field required",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_data_fails_clearly_and_keeps_the_last_site(project_with_site, case):
    change, file, record, field, problem = CASES[case]
    site_before = _tree_digest(project_with_site / "site")

    record_id = change(project_with_site / "data")
    result = make_build(project_with_site)

    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build passed"
    error_lines = [line for line in output.splitlines() if file in line]
    assert error_lines, f"{case}: no message names {file}:\n{output}"
    message = "\n".join(error_lines)
    for expected in (record, field, problem):
        assert expected in message, f"{case}: {expected!r} missing from:\n{message}"
    if record_id:
        assert f"(id '{record_id}')" in message
    assert _tree_digest(project_with_site / "site") == site_before, f"{case}: site/ changed"
