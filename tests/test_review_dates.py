"""The review-date rules (build_steps/review_dates.py): both dates, in order, at most three
years apart, never before the page existed; an overdue review is a notice, never a failure.
The check step runs them on every page (tests/test_bad_data.py: reviewed before its first
commit); the weekly review's list is tests/test_review_due.py."""

import datetime as dt
import logging

import pytest

from build_steps import review_dates

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
