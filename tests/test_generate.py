"""The files made from data/ and the record models (build_steps/generate.py,
build_steps/json_schemas.py): the banner's numbers, written before every build, and the
JSON Schemas editors use, committed, current, and refusing what the build refuses."""

import copy
import json
import shutil

import pytest
import yaml
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from build_steps import json_schemas
from build_steps.generate import BANNER, write_banner
from macros.load import LISTS, load_all
from tests.site import ROOT


@pytest.fixture
def root(tmp_path):
    """A project of only what the generated files are made from."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    return tmp_path


def test_the_banner_has_every_emergency_number_once_as_a_tel_link_with_its_regions(root):
    write_banner(root)
    text = (root / BANNER).read_text(encoding="utf-8")
    records = load_all(root / "data")["emergency_numbers"]
    for number in {number for record in records for number in record.call}:
        regions = ", ".join(record.region for record in records if number in record.call)
        assert text.count(f'href="tel:{number.replace(" ", "")}" data-regions="{regions}"') == 1, number


def test_the_banner_escapes_data_and_is_rewritten_only_when_it_changes(root):
    """`make serve` rewrites it on every rebuild; an unchanged file must not start another."""
    path = root / "data" / "crisis_lines.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["emergency"][0]["region"] = 'Here & "there"'
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    write_banner(root)
    banner = root / BANNER
    assert 'data-regions="Here &amp; &#34;there&#34;' in banner.read_text(encoding="utf-8")
    written = banner.stat().st_mtime_ns
    write_banner(root)
    assert banner.stat().st_mtime_ns == written


def test_the_schemas_are_current_and_a_stale_one_is_reported(root):
    assert json_schemas.stale(ROOT) == []
    assert {path.name for path in json_schemas.render_all(ROOT)} == {
        p.name for p in (ROOT / "schemas").iterdir()
    }
    # Negative controls: a schema unlike the models; a data file no longer pointing at its own.
    first = sorted({spec.file for spec in LISTS.values()})[0]
    (root / "schemas" / first.replace(".yml", ".schema.json")).write_text("{}\n")
    data = root / "data" / first
    data.write_text(data.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    problems = json_schemas.stale(root)
    schema = f"schemas/{first.removesuffix('.yml')}.schema.json"
    assert [(p.file, p.line) for p in problems] == [(schema, None), (f"data/{first}", 1)]


# -- The editor refuses what the build refuses --------------------------------------------

# list -> (field, a value both must refuse)
REFUSED = {
    "signs": [("id", "Not_Kebab"), ("label", "Tired\n## Injected"), ("label", "9\u202e99"), ("colour", "x"),
              ("explanation", "[call](javascript:alert(1))"), ("explanation", '*this*{ onmouseover="x" }'),
              ("explanation", "zero\u200bwidth"), ("explanation", "Some <b>bold</b>.")],
    "seek_help": [("label", 42)],
    "glossary": [("term", "word " * 100)],
    "sources": [("url", "http://example.org/"), ("url", "https://example.org/)![x](https://tracker.example/p.png")],
    "crisis_lines": [("call", "116-123"), ("chat", "javascript:alert(1)")],
    "emergency_numbers": [("call", [])],
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "field", "value"), [(n, *case) for n, cases in REFUSED.items() for case in cases]
)
def test_editor_and_build_refuse_the_same_values(name, field, value):
    spec = LISTS[name]
    document = yaml.safe_load((ROOT / "data" / spec.file).read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / spec.file.replace(".yml", ".schema.json")).read_text())
    bad_document = copy.deepcopy(document)
    good, bad = ((d[spec.section] if spec.section else d)[0] for d in (document, bad_document))
    bad[field] = value
    # Negative control: the file as it is passes both.
    assert not list(Draft202012Validator(schema).iter_errors(document))
    spec.record.model_validate(good)
    assert list(Draft202012Validator(schema).iter_errors(bad_document)), f"the schema accepts {value!r}"
    with pytest.raises(ValidationError):
        spec.record.model_validate(bad)
