"""What is made from data/: the banner, the JSON Schemas editors use, and the macros pages call
(the banner's numbers on the built pages: test_template.py; what the schemas refuse: test_bad_data.py)."""

import shutil

import pytest
import yaml

from build_steps import generate
from build_steps.generate import BANNER, write_banner
from macros import page_macros
from macros.load import LISTS, Refused
from macros.records import CareLevel, EmergencyNumber, Explained
from macros.render import environment, with_tel_links
from tests.site import CONFIG, DATA, ROOT


@pytest.fixture
def root(tmp_path):
    """A project of only what the generated files are made from."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    return tmp_path


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
    assert generate.stale_schemas(ROOT) == []
    assert {p.name for p in generate.schemas(ROOT)} == {p.name for p in (ROOT / "schemas").iterdir()}
    # Negative controls: a schema unlike the models; a data file no longer pointing at its own.
    first = sorted({spec.file for spec in LISTS.values()})[0]
    (root / "schemas" / first.replace(".yml", ".schema.json")).write_text("{}\n")
    data = root / "data" / first
    data.write_text(data.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    problems = generate.stale_schemas(root)
    schema = f"schemas/{first.removesuffix('.yml')}.schema.json"
    assert [(p.file, p.line) for p in problems] == [(schema, None), (f"data/{first}", 1)]


# -- The macros pages call: escaped records, the marker, citations, tel: links, links -------------
def _render(name: str, records: list) -> str:
    """A list's template, with the real marker and a stand-in citation (the real ones: below)."""
    jinja = environment()
    jinja.globals.update(cite=lambda *ids: "[cited]", page_link=lambda target: "ABOUT")
    return jinja.get_template(LISTS[name].template).render(records=records)


def test_data_is_escaped_in_order_and_only_a_record_without_sources_gets_the_marker():
    plain = Explained(id="r-0", label='Here & "there"', explanation="A & B.")
    records = [plain, *(plain.model_copy(update={"id": f"r-{n}", "sources": ["s"]}) for n in (1, 2))]
    html = _render("signs", records)
    assert "Here &amp; &#34;there&#34;" in html and "A &amp; B." in html and '"there"' not in html
    assert html.index('id="r-0"') < html.index('id="r-1"') < html.index('id="r-2"')
    assert html.count('<small class="unsourced">(<a href="ABOUT">no source yet</a>)</small>') == 1
    assert html.count("A &amp; B.[cited]") == 2


def test_tel_links_only_for_whole_numbers():
    assert with_tel_links("Call or text 988, or chat at 988lifeline.org", ["988"]) == (
        'Call or text <a class="tap" href="tel:988">988</a>, or chat at 988lifeline.org'
    )
    assert with_tel_links("Call 1111 or 111", ["111"]) == 'Call 1111 or <a class="tap" href="tel:111">111</a>'
    record = EmergencyNumber(region="A", number="999 or 112", call=["999"])
    html = _render("emergency_numbers", [record])
    assert 'call <a class="tap" href="tel:999">999</a> or 112</li>' in html  # 112 is not in `call`


@pytest.fixture
def macros():
    """The real macros over the real data, on a page the test chooses."""
    page = ["signs.md"]
    macros = page_macros(ROOT, CONFIG, lambda: page[0])
    macros["on"] = page.__setitem__
    return macros


def test_citations_are_numbered_per_page_ascending_never_repeated_and_known(macros):
    first, second = (source.id for source in DATA["sources"][:2])
    macros["on"](0, "one.md")
    assert "[1]" in macros["cite"](second)
    both = macros["cite"](first, second, first)
    assert both.count("<sup") == 2 and both.index("[1]") < both.index("[2]")
    foot = macros["page_sources"]()
    assert foot.index(f'id="source-{second}"') < foot.index(f'id="source-{first}"')
    macros["on"](0, "two.md")
    assert "[1]" in macros["cite"](first) and f"source-{second}" not in macros["page_sources"]()
    macros["on"](0, "three.md")
    assert "page-sources" not in macros["page_sources"]()
    with pytest.raises(Refused, match="docs/three.md: cites unknown source id 'zzz'"):
        macros["cite"]("zzz")
    with pytest.raises(Refused, match="at least one source id"):
        macros["cite"]()


@pytest.mark.parametrize(
    ("page", "directory_urls", "about", "zip", "home"),
    [("signs.md", True, "../about/#no-source-yet", "../downloads/x.zip", "../"),
     ("index.md", True, "about/#no-source-yet", "downloads/x.zip", "./"),
     ("signs.md", False, "about.html#no-source-yet", "downloads/x.zip", "index.html"),
     ("index.md", False, "about.html#no-source-yet", "downloads/x.zip", "index.html")],
)  # fmt: skip
def test_links_between_pages_in_both_editions(page, directory_urls, about, zip, home):
    extra = CONFIG["extra"] | {"offline_zip": "downloads/x.zip"}
    macros = page_macros(ROOT, CONFIG | {"use_directory_urls": directory_urls, "extra": extra}, lambda: page)
    assert f'href="{about}"' in macros["unsourced"]() and f'href="{zip}"' in macros["read_offline"]()
    card = CareLevel(id="home", icon="!", title="Home", when="W.", action="A.", page="index", page_words="Go")
    assert f'<a href="{home}">Go</a>' in macros["care_levels"](records=[card])
