"""The review-date rules (build_steps/check.py) and the list of due pages (`make due`)."""

import datetime as dt
import logging
import re

import pytest

from build_steps.check import MAX_REVIEW_INTERVAL_DAYS, check_project, review_problems
from macros.pages import read_page
from tests.site import ALL_PAGES, ROOT

DAY = dt.timedelta(days=1)
TODAY = dt.date(2026, 11, 25)
LATEST = TODAY + dt.timedelta(days=MAX_REVIEW_INTERVAL_DAYS)


def _problems(meta, first_commit=None):
    return review_problems("docs/a.md", meta, first_commit, TODAY)


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


@pytest.mark.parametrize(
    ("reviewed", "next_review", "notice"),
    [(TODAY, LATEST, None), (TODAY - 2 * DAY, TODAY - DAY, f"docs/a.md: review due on {TODAY - DAY}")],
    ids=["good, up to the longest interval", "overdue"],
)
def test_good_dates_pass_quietly_and_overdue_is_a_notice_not_a_warning(caplog, reviewed, next_review, notice):
    """A warning would fail a strict build, and so an urgent fix to a crisis number."""
    with caplog.at_level(logging.DEBUG):
        assert _problems({"reviewed": reviewed, "next_review": next_review}, first_commit=reviewed) == []
    logged = [(record.levelno, record.getMessage().split(";")[0]) for record in caplog.records]
    assert logged == ([(logging.INFO, notice)] if notice else [])


# -- `make due`, for the weekly review issue: the check's notices, its date moved on ----------
def test_the_check_notes_every_page_due_by_its_date_and_no_other(monkeypatch, caplog):
    dates = {f"docs/{s}": read_page(ROOT / "docs" / s).meta["next_review"] for s, _ in ALL_PAGES}
    first = min(dates.values())
    for day, due in ((first - DAY, set()), (first, {page for page, date in dates.items() if date == first})):
        epoch = dt.datetime.combine(day, dt.time(), dt.UTC).timestamp()
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(epoch)))
        caplog.clear()
        with caplog.at_level(logging.INFO, "build_steps"):
            assert check_project(ROOT) == []
        assert set(re.findall(r"(docs/\S+): review due on", caplog.text)) == due, day
