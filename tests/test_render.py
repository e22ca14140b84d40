"""Unit tests of the templates that turn records into Markdown."""

import markdown
import pytest

from macros.render import TEMPLATE_FOR, Renderer
from macros.schema import CrisisLine, EmergencyNumber, Explained, Therapy

RENDERER = Renderer()


def _html(name, records):
    return markdown.markdown(RENDERER.render(name, records), extensions=["attr_list"])


def test_explained_record_is_a_heading_with_its_anchor():
    record = Explained(id="cannot-delegate", label="Not delegating", explanation="You do it all.")
    html = _html("signs", [record])
    assert '<h3 id="cannot-delegate">Not delegating</h3>' in html
    assert "<p>You do it all." in html


def test_record_without_sources_gets_the_one_marker():
    record = Explained(id="x", label="X", explanation="You do it all.")
    html = _html("signs", [record])
    assert '<small class="unsourced">(<a href="../about/#no-source-yet">no source yet</a>)</small>' in html
    assert html.count("unsourced") == 1


def test_record_with_sources_gets_no_marker():
    record = Explained(id="x", label="X", explanation="You do it all.", sources=["a-source"])
    renderer = Renderer()
    renderer.add_global("cite", lambda *ids: "[1]")
    text = renderer.render("signs", [record])
    assert "unsourced" not in text and "You do it all.[1]" in text


def test_therapy_shows_what_it_is_and_how_it_helps():
    therapy = Therapy(id="emdr", label="EMDR", what_it_is="A therapy.", how_it_helps="It helps.")
    html = _html("therapies", [therapy])
    assert '<h3 id="emdr">EMDR</h3>' in html
    assert "A therapy." in html and "It helps." in html


def test_crisis_line_links_its_source():
    line = CrisisLine(
        id="x-line",
        region="Nowhere",
        name="Line",
        contact="Call 1",
        call="1",
        hours="24/7",
        source="https://example.org/",
    )
    html = _html("crisis_lines", [line])
    assert 'id="x-line"' in html and 'href="https://example.org/"' in html


def test_crisis_line_has_call_text_and_chat_links_with_readable_numbers():
    line = CrisisLine(
        id="x-line",
        region="Nowhere",
        name="Line",
        contact="Call or text 116 123, or chat online",
        call="116 123",
        text="116 123",
        chat="https://example.org/chat?a=1&b=2",
        hours="24/7",
        source="https://example.org/",
    )
    html = _html("crisis_lines", [line])
    assert 'Call or text <a class="tap" href="tel:116123">116 123</a>, or chat online.' in html
    assert '<a class="tap" href="sms:116123">Text 116 123</a>' in html
    assert '<a class="tap" href="https://example.org/chat?a=1&amp;b=2">Chat online</a>' in html


def test_a_line_without_text_or_chat_gets_only_a_call_link():
    line = CrisisLine(
        id="y", region="R", name="N", contact="Call 111", call="111", hours="24/7", source="https://a.org/"
    )
    html = _html("crisis_lines", [line])
    assert 'Call <a class="tap" href="tel:111">111</a>.' in html and "sms:" not in html and "Chat" not in html


def test_only_whole_numbers_in_the_text_become_links():
    from macros.contacts import with_tel_links

    assert with_tel_links("Call or text 988, or chat at 988lifeline.org", ["988"]) == (
        'Call or text <a class="tap" href="tel:988">988</a>, or chat at 988lifeline.org'
    )
    assert with_tel_links("Call 1111 or 111", ["111"]) == 'Call 1111 or <a class="tap" href="tel:111">111</a>'


def test_emergency_numbers_are_a_list_of_tel_links_in_the_readable_text():
    html = _html(
        "emergency_numbers",
        [EmergencyNumber(region="Here & there", number="999 or 112", call=["999", "112"])],
    )
    assert (
        '<li><strong>Here &amp; there:</strong> call <a class="tap" href="tel:999">999</a>'
        ' or <a class="tap" href="tel:112">112</a></li>'
    ) in html


def test_records_keep_their_order():
    records = [Explained(id=f"r-{n}", label=f"L{n}", explanation="x") for n in range(3)]
    html = _html("signs", records)
    assert html.index('id="r-0"') < html.index('id="r-1"') < html.index('id="r-2"')


def test_every_list_has_a_template():
    from macros.data import LISTS

    assert set(LISTS) == set(TEMPLATE_FOR)


def test_unknown_list_is_refused():
    with pytest.raises(KeyError):
        RENDERER.render("nope", [])


def test_citation_markers_are_ascending_and_never_repeated():
    from macros.citations import Citations
    from macros.schema import Source

    sources = [
        Source(id=i, title="T", publisher="P", url="https://example.org/", supports=["x"]) for i in "ab"
    ]
    citations = Citations(sources, Renderer())
    citations.start_page("docs/x.md")
    citations.cite("a")
    assert citations.cite("b", "a", "b").count("[") == 2
    assert citations.cite("b", "a").index("[1]") < citations.cite("b", "a").index("[2]")


@pytest.mark.parametrize(
    ("page", "directory_urls", "expected"),
    [
        ("docs/signs.md", True, "../about/#no-source-yet"),
        ("docs/index.md", True, "about/#no-source-yet"),
        ("docs/signs.md", False, "about.html#no-source-yet"),
        ("docs/index.md", False, "about.html#no-source-yet"),
    ],
)
def test_marker_links_to_the_about_section_from_any_page(page, directory_urls, expected):
    from macros.links import NO_SOURCE_YET, relative_link

    assert relative_link(page, NO_SOURCE_YET, directory_urls) == expected
