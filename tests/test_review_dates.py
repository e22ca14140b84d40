"""The review-date rules (build_steps/review_dates.py) and the weekly review issue's list of due pages."""

import datetime as dt
import logging

import pytest

from build_steps import review_dates
from build_steps.review_dates import due_pages, main, report
from macros.pages import read_page
from tests.site import ALL_PAGES, ROOT

DAY = dt.timedelta(days=1)
TODAY = dt.date(2026, 11, 25)
LATEST = TODAY + dt.timedelta(days=review_dates.MAX_REVIEW_INTERVAL_DAYS)


def _problems(meta, first_commit=None):
    return review_dates.problems("docs/a.md", meta, first_commit, TODAY)


def test_good_dates_pass_quietly_up_to_the_longest_interval(caplog):
    with caplog.at_level(logging.INFO):
        assert _problems({"reviewed": TODAY, "next_review": LATEST}, first_commit=TODAY) == []
    assert not caplog.records


@pytest.mark.parametrize(
    ("meta", "first_commit", "complaint"),
    [
        ({}, None, "'reviewed' must be a date"),
        ({"reviewed": TODAY}, None, "'next_review' must be a date"),
        ({"reviewed": "2026-11-25", "next_review": LATEST}, None, "must be a date like"),
        ({"reviewed": dt.datetime(2026, 11, 25), "next_review": LATEST}, None, "must be a date like"),
        ({"reviewed": TODAY, "next_review": TODAY}, None, "must come after"),
        ({"reviewed": TODAY, "next_review": LATEST + DAY}, None, "more than 3 years"),
        ({"reviewed": TODAY, "next_review": LATEST}, TODAY + DAY, "before the page existed"),
    ],
)
def test_bad_dates_are_refused_on_the_front_matter(meta, first_commit, complaint):
    (problem,) = _problems(meta, first_commit)
    assert (problem.file, problem.line) == ("docs/a.md", 1) and complaint in problem.message, problem


def test_an_overdue_review_is_a_notice_not_a_warning(caplog):
    """A warning would fail a strict build, and so an urgent fix to a crisis number."""
    with caplog.at_level(logging.DEBUG):
        assert _problems({"reviewed": TODAY - 2 * DAY, "next_review": TODAY - DAY}) == []
    assert [record.levelno for record in caplog.records] == [logging.INFO]
    assert f"docs/a.md: review due since {TODAY - DAY}" in caplog.text


# -- The weekly review's list (python -m build_steps.review_dates, weekly-review.yml) ---------

LIST_DAY = dt.date(2027, 11, 1)


def _docs(tmp_path, pages: dict[str, str | None]):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, next_review in pages.items():
        front = f"---\nreviewed: 2026-01-01\nnext_review: {next_review}\n---\n" if next_review else ""
        (docs / name).write_text(front + "# Page\n")
    return docs


def test_lists_overdue_and_soon_due_pages_soonest_first(tmp_path):
    pages = {"later.md": "2027-11-25", "overdue.md": "2027-10-01", "today.md": "2027-11-01"}
    due = due_pages(_docs(tmp_path, {**pages, "far.md": "2028-06-01", "undated.md": None}), LIST_DAY, 30)
    assert [page for page, _ in due] == [
        f"docs/{name}.md" for name in ("undated", "overdue", "today", "later")
    ]
    text = report(due, LIST_DAY)
    assert "| `docs/overdue.md` | 2027-10-01 | **overdue** by 31 days |" in text
    assert "| `docs/today.md` | 2027-11-01 | **due today** |" in text
    assert "| `docs/later.md` | 2027-11-25 | due in 24 days |" in text
    assert "| `docs/undated.md` | - | no `next_review` date |" in text
    assert "far.md" not in text  # beyond 30 days


def test_nothing_due_says_so(tmp_path):
    assert due_pages(_docs(tmp_path, {"a.md": "2028-06-01"}), LIST_DAY) == []
    assert "No page is overdue or due within 30 days of 2027-11-01." in report([], LIST_DAY)


def test_command_line_prints_markdown_and_count(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(_docs(tmp_path, {"a.md": "2027-10-01", "b.md": "2028-06-01"}).parent)
    main(["--today", "2027-11-01"])
    out = capsys.readouterr().out
    assert "| `docs/a.md` |" in out and "docs/b.md" not in out
    main(["--today", "2027-11-01", "--count"])
    assert capsys.readouterr().out == "1\n"


def test_every_real_page_is_dated_and_listed_once_due():
    dates = {f"docs/{s}": read_page(ROOT / "docs" / s).meta["next_review"] for s, _ in ALL_PAGES}
    assert due_pages(ROOT / "docs", min(dates.values()) - dt.timedelta(days=31)) == []
    due = sorted(dates.items(), key=lambda item: (item[1], item[0]))
    assert due_pages(ROOT / "docs", max(dates.values()), within_days=0) == due
