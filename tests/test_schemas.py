"""The JSON Schemas editors use are current, and refuse what the build refuses."""

import json

import pytest
import yaml
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from macros.data import LISTS
from macros.generate import stale
from macros.schema import Explained, Source
from macros.schemas import missing_schema_lines
from tests.site import ROOT, copy_project

FILES = sorted({spec.file for spec in LISTS.values()})


def _validator(file: str) -> Draft202012Validator:
    path = ROOT / "schemas" / f"{file.removesuffix('.yml')}.schema.json"
    return Draft202012Validator(json.loads(path.read_text()))


def test_schemas_are_current_and_every_data_file_points_at_its_own():
    assert stale(ROOT) == []
    assert missing_schema_lines(ROOT) == []


def test_a_stale_schema_is_reported(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "schemas").mkdir(exist_ok=True)
    (project / "schemas" / "signs.schema.json").write_text("{}\n")
    (project / "data" / "glossary.yml").write_text("- id: x\n  term: X\n  definition: Y\n")
    assert any(p.startswith("schemas/signs.schema.json: out of date") for p in stale(project))
    assert any(p.startswith("data/glossary.yml: line 1 must be") for p in missing_schema_lines(project))


@pytest.mark.parametrize("file", FILES)
def test_every_data_file_is_valid_against_its_schema(file):
    document = yaml.safe_load((ROOT / "data" / file).read_text())
    assert list(_validator(file).iter_errors(document)) == []


GOOD = {"id": "a-sign", "label": "A sign", "explanation": "Some words."}


@pytest.mark.parametrize(
    "change",
    [
        {"id": "Not_Kebab"},
        {"label": "Tired\n## Injected"},
        {"label": "9\u202e99"},
        {"explanation": "[call](javascript:alert(1))"},
        {"explanation": '*this*{ onmouseover="x" }'},
        {"explanation": "zero\u200bwidth"},
    ],
)
def test_editor_and_build_refuse_the_same_values(change):
    record = {**GOOD, **change}
    assert list(_validator("signs.yml").iter_errors([record])), f"the schema accepts {change}"
    with pytest.raises(ValidationError):
        Explained.model_validate(record)


def test_editor_refuses_an_http_source():
    source = {"id": "s", "title": "T", "publisher": "P", "url": "http://example.org/", "supports": ["x"]}
    assert list(_validator("sources.yml").iter_errors([source]))
    with pytest.raises(ValidationError):
        Source.model_validate(source)
    assert not list(_validator("sources.yml").iter_errors([{**source, "url": "https://example.org/"}]))
