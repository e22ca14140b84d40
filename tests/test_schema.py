"""Unit tests of the record schemas and the loader's messages."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.data import DataError, DataList, load_all, read_yaml, validate
from macros.schema import CrisisLine, EmergencyNumber, Explained, Therapy
from tests.site import ROOT

GOOD = {"id": "never-asks", "label": "Never asking", "explanation": "You do it all yourself."}


def test_the_project_data_is_valid():
    lists = load_all(ROOT / "data")
    assert len(lists["signs"]) == 14
    assert len(lists["seek_help"]) == 6
    assert {t.id for t in lists["therapies"]} == {"cbt", "attachment-based-therapy", "emdr"}


def test_a_good_record_passes_and_is_stripped():
    record = Explained.model_validate({**GOOD, "label": "  Never asking  "})
    assert record.label == "Never asking"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"label": ""}, "label"),
        ({"label": 3}, "label"),
        ({"label": True}, "label"),
        ({"id": "Never Asks"}, "id"),
        ({"id": "never--asks"}, "id"),
        ({"explanation": "a <i>b</i>"}, "explanation"),
        ({"explanation": "{# note #}"}, "explanation"),
        ({"extra": "x"}, "extra"),
    ],
)
def test_bad_records_are_refused_on_the_right_field(change, field):
    with pytest.raises(ValidationError) as error:
        Explained.model_validate({**GOOD, **change})
    assert error.value.errors()[0]["loc"] == (field,)


def test_therapy_needs_both_explanations():
    with pytest.raises(ValidationError):
        Therapy.model_validate({"id": "cbt", "label": "CBT", "what_it_is": "A talking therapy."})


LINE = {
    "id": "x",
    "region": "R",
    "name": "N",
    "contact": "Call or text +44 116 123",
    "call": "+44 116 123",
    "hours": "24/7",
    "source": "https://example.org/",
}


def test_a_good_crisis_line_passes():
    assert (
        CrisisLine.model_validate({**LINE, "text": "+44 116 123", "chat": "https://example.org/"}).call
        == "+44 116 123"
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"source": "not a url"}, "source"),
        ({"call": "116-123"}, "call"),
        ({"call": "call 116"}, "call"),
        ({"call": "116  123"}, "call"),
        ({"call": "44+116"}, "call"),
        ({"call": "999"}, "call"),  # not a number the readable text gives
        ({"text": "(116) 123"}, "text"),
        ({"chat": "http://example.org/"}, "chat"),
        ({"chat": "javascript:alert(1)"}, "chat"),
        ({"call": None}, "call"),
    ],
)
def test_bad_crisis_line_contacts_are_refused_on_the_right_field(change, field):
    with pytest.raises(ValidationError) as error:
        CrisisLine.model_validate({**LINE, **change})
    assert error.value.errors()[0]["loc"] == (field,)


@pytest.mark.parametrize(
    ("call", "ok"),
    [
        (["999", "112"], True),
        (["112"], True),
        ([], False),
        (["911"], False),
        (["9 9 9"], False),
        ("999", False),
    ],
)
def test_emergency_numbers_must_be_dialable_and_in_the_text(call, ok):
    record = {"region": "United Kingdom", "number": "999 or 112", "call": call}
    if ok:
        assert EmergencyNumber.model_validate(record).call == call
    else:
        with pytest.raises(ValidationError):
            EmergencyNumber.model_validate(record)


def test_message_names_file_record_id_and_field(tmp_path):
    path = tmp_path / "data" / "signs.yml"
    bad = [GOOD, {**GOOD, "id": "second", "label": ""}]
    with pytest.raises(DataError) as error:
        validate(bad, DataList("signs.yml", Explained), path)
    assert "data/signs.yml: record 2 (id 'second'): field 'label'" in str(error.value)


def test_duplicate_keys_in_yaml_are_refused(tmp_path):
    path = tmp_path / "data" / "signs.yml"
    path.parent.mkdir()
    path.write_text("- id: a\n  label: One\n  label: Two\n  explanation: x\n")
    with pytest.raises(DataError, match="key 'label' appears twice at line 3"):
        read_yaml(path)


def test_empty_file_is_refused(tmp_path):
    with pytest.raises(DataError, match="non-empty YAML list"):
        validate(None, DataList("signs.yml", Explained), Path("data/signs.yml"))
