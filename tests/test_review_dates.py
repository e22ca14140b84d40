"""Unit tests of the review-date rules and the citation numbering."""

import datetime as dt
import logging

import pytest

from macros.citations import Citations
from macros.data import DataError
from macros.render import Renderer
from macros.review_dates import check_review_dates
from macros.schema import Source

TODAY = dt.date(2026, 11, 25)


def test_good_dates_pass_quietly(caplog):
    check_review_dates("docs/a.md", {"reviewed": TODAY, "next_review": dt.date(2027, 11, 25)}, TODAY)
    assert not caplog.records


def test_exactly_three_years_is_allowed():
    check_review_dates("docs/a.md", {"reviewed": TODAY, "next_review": dt.date(2029, 11, 25)}, TODAY)


@pytest.mark.parametrize(
    "meta",
    [
        {},
        {"reviewed": TODAY},
        {"reviewed": "2026-11-25", "next_review": dt.date(2027, 1, 1)},
        {"reviewed": TODAY, "next_review": TODAY},
        {"reviewed": TODAY, "next_review": dt.date(2029, 11, 26)},
    ],
)
def test_bad_dates_stop_the_build(meta):
    with pytest.raises(DataError, match="docs/a.md"):
        check_review_dates("docs/a.md", meta, TODAY)


def test_overdue_review_is_a_notice_not_a_warning(caplog):
    """A warning would fail `mkdocs build --strict`, and so every deploy; a notice does not."""
    with caplog.at_level(logging.DEBUG):
        check_review_dates(
            "docs/a.md", {"reviewed": dt.date(2025, 1, 1), "next_review": dt.date(2026, 1, 1)}, TODAY
        )
    assert [record.levelno for record in caplog.records] == [logging.INFO]
    assert "docs/a.md: review due since 2026-01-01" in caplog.text


def _citations():
    sources = [
        Source(id=name, title=f"T {name}", publisher="P", url="https://example.org/", supports=["x"])
        for name in ("a", "b")
    ]
    return Citations(sources, Renderer())


def test_citations_are_numbered_per_page_in_order_of_first_use():
    citations = _citations()
    citations.start_page("docs/one.md")
    assert "[1]" in citations.cite("b") and "[2]" in citations.cite("a") and "[1]" in citations.cite("b")
    foot = citations.page_sources()
    assert foot.index('id="source-b"') < foot.index('id="source-a"')
    citations.start_page("docs/two.md")
    assert "[1]" in citations.cite("a")


def test_page_without_citations_has_no_sources_section():
    citations = _citations()
    citations.start_page("docs/one.md")
    assert citations.page_sources() == ""


def test_unknown_source_names_page_and_id():
    citations = _citations()
    citations.start_page("docs/one.md")
    with pytest.raises(DataError, match="docs/one.md: cites unknown source id 'zzz'"):
        citations.cite("zzz")
