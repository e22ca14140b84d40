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
        hours="24/7",
        source="https://example.org/",
    )
    html = _html("crisis_lines", [line])
    assert 'id="x-line"' in html and 'href="https://example.org/"' in html


def test_emergency_numbers_are_a_list():
    html = _html("emergency_numbers", [EmergencyNumber(region="Here", number="123")])
    assert "<li><strong>Here:</strong> call 123</li>" in html


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
