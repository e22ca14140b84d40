"""Every page says when it was last reviewed and when its next review is due."""

import datetime as dt
import logging
import os

from macros.data import DataError

MAX_REVIEW_INTERVAL_DAYS = 3 * 365 + 1  # three years, leap day included
log = logging.getLogger("mkdocs.plugins.macros.review_dates")


def build_date() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH (the last commit, set by `make build`), else today.
    The page's "due for review" note uses the same date (build_date_utc in the theme)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else dt.date.today()


def check_review_dates(page_path: str, meta: dict, today: dt.date | None = None) -> None:
    """Missing or badly spaced dates stop the build. An overdue review is only a
    notice (an INFO line, which `mkdocs build --strict` lets pass): a late review must
    never block a build or a deploy, such as an urgent fix to a crisis number. The page
    itself tells readers it is due (overrides/partials/review-dates.html), and a weekly
    workflow lists due pages in one issue (macros/due_reviews.py)."""
    today = today or build_date()
    dates = {}
    for field in ("reviewed", "next_review"):
        value = meta.get(field)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise DataError(
                f"{page_path}: front matter field '{field}' must be a date like 2026-11-25, got {value!r}"
            )
        dates[field] = value
    reviewed, next_review = dates["reviewed"], dates["next_review"]
    if next_review <= reviewed:
        raise DataError(f"{page_path}: 'next_review' ({next_review}) must come after 'reviewed' ({reviewed})")
    if (next_review - reviewed).days > MAX_REVIEW_INTERVAL_DAYS:
        raise DataError(
            f"{page_path}: 'next_review' ({next_review}) is more than 3 years after 'reviewed' ({reviewed})"
        )
    if next_review <= today:
        log.info(f"{page_path}: review due since {next_review}; review the page and update its dates")
