"""The macros pages call: records rendered as escaped HTML, the one "no source yet" marker,
numbered citations, tel: links for whole numbers only, and links between pages in both editions."""

import pytest

from macros import page_macros
from macros.contacts import with_tel_links
from macros.links import NO_SOURCE_YET, file_link, page_link
from macros.load import LISTS
from macros.pages import PageError
from macros.records import EmergencyNumber, Explained
from macros.render import TEMPLATE_FOR, Renderer
from tests.site import CONFIG, DATA, ROOT


def _renderer() -> Renderer:
    renderer = Renderer()
    renderer.add_global("cite", lambda *ids: "[cited]")
    renderer.add_global("unsourced", lambda: renderer.unsourced("ABOUT"))
    return renderer


def test_every_list_has_a_template():
    assert set(LISTS) == set(TEMPLATE_FOR)


def test_data_is_escaped_and_records_keep_their_order():
    records = [Explained(id=f"r-{n}", label=f'Here & "there" {n}', explanation="A & B.") for n in range(3)]
    html = _renderer().macro("signs", records)()
    assert "Here &amp; &#34;there&#34; 0" in html and "A &amp; B." in html and '"there"' not in html
    assert html.index('id="r-0"') < html.index('id="r-1"') < html.index('id="r-2"')


def test_a_record_without_sources_gets_the_one_marker_and_a_sourced_one_none():
    plain = Explained(id="x", label="X", explanation="Words.")
    html = _renderer().macro("signs", [plain, plain.model_copy(update={"sources": ["s"]})])()
    assert html.count('<small class="unsourced">(<a href="ABOUT">no source yet</a>)</small>') == 1
    assert "Words.[cited]" in html


def test_tel_links_only_for_whole_numbers():
    assert with_tel_links("Call or text 988, or chat at 988lifeline.org", ["988"]) == (
        'Call or text <a class="tap" href="tel:988">988</a>, or chat at 988lifeline.org'
    )
    assert with_tel_links("Call 1111 or 111", ["111"]) == 'Call 1111 or <a class="tap" href="tel:111">111</a>'
    html = _renderer().macro(
        "emergency_numbers", [EmergencyNumber(region="A", number="999 or 112", call=["999"])]
    )()
    assert 'call <a class="tap" href="tel:999">999</a> or 112</li>' in html  # 112 is not in `call`


@pytest.fixture
def macros():
    """The real macros over the real data, on a page the test chooses."""
    page = ["signs.md"]
    macros = page_macros(ROOT, CONFIG, lambda: page[0])
    macros["on"] = page.__setitem__
    return macros


def test_citations_are_numbered_per_page_ascending_and_never_repeated(macros):
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


def test_an_unknown_source_names_the_page(macros):
    with pytest.raises(PageError, match="docs/signs.md: cites unknown source id 'zzz'"):
        macros["cite"]("zzz")
    with pytest.raises(PageError, match="at least one source id"):
        macros["cite"]()


@pytest.mark.parametrize(
    ("page", "directory_urls", "about", "pdf"),
    [
        ("signs.md", True, "../about/#no-source-yet", "../downloads/x.pdf"),
        ("index.md", True, "about/#no-source-yet", "downloads/x.pdf"),
        ("signs.md", False, "about.html#no-source-yet", "downloads/x.pdf"),
        ("index.md", False, "about.html#no-source-yet", "downloads/x.pdf"),
    ],
)
def test_links_between_pages_in_both_editions(page, directory_urls, about, pdf):
    assert page_link(page, NO_SOURCE_YET, directory_urls) == about
    assert file_link(page, "downloads/x.pdf", directory_urls) == pdf
    home = "../" if directory_urls and page != "index.md" else ("./" if directory_urls else "index.html")
    assert page_link(page, "index.md", directory_urls) == home
