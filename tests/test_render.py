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
    assert "<p>You do it all.</p>" in html


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
