"""Every page says when it was last reviewed and when its next review is due. Hand-written,
as these are this guide's own rules: both dates, the next review after the last and within
3 years of it, and no page reviewed before it existed (its first commit). A review due by
the build's date is a notice; `make due` lists those due within 30 days."""

import datetime as dt
import logging
import os
import subprocess
from pathlib import Path

from macros.load import Problem

MAX_REVIEW_INTERVAL_DAYS = 3 * 365 + 1  # three years, leap day included
log = logging.getLogger("build_steps.review_dates")


def first_commits(root: Path) -> dict[str, dt.date]:
    """docs/<page>.md -> the date of the commit that added it; {} without git history."""
    added_pages = ["log", "--diff-filter=A", "--format=%x00%cs", "--name-only", "--", "docs/*.md"]
    log_output = subprocess.run(["git", "-C", str(root), *added_pages], capture_output=True, text=True)
    if log_output.returncode:
        log.info("No git history here: review dates are not compared with the pages' first commits.")
        return {}
    entries = [entry.split() for entry in log_output.stdout.split("\0")[1:]]  # newest first: the oldest wins
    return {file: dt.date.fromisoformat(date) for date, *files in entries for file in files}


def problems(
    page: str, meta: dict, first_commit: dt.date | None, today: dt.date | None = None
) -> list[Problem]:
    """Missing, badly spaced or untrue dates stop the build. An overdue review is only a
    notice: a late review must never block a build or a deploy, such as an urgent fix to
    a crisis number. The page itself tells readers it is due (overrides/main.html)."""
    for field in ("reviewed", "next_review"):
        if not isinstance(value := meta.get(field), dt.date) or isinstance(value, dt.datetime):
            message = f"front matter field '{field}' must be a date like 2026-11-25, got {value!r}"
            return [Problem(page, message, 1)]
    reviewed, next_review = meta["reviewed"], meta["next_review"]
    if next_review <= reviewed:
        return [Problem(page, f"'next_review' ({next_review}) must come after 'reviewed' ({reviewed})", 1)]
    if (next_review - reviewed).days > MAX_REVIEW_INTERVAL_DAYS:
        message = f"'next_review' ({next_review}) is more than 3 years after 'reviewed' ({reviewed})"
        return [Problem(page, message, 1)]
    if first_commit and reviewed < first_commit:
        message = f"'reviewed' ({reviewed}) is before the page existed (first commit {first_commit})"
        return [Problem(page, message, 1)]
    if not today:  # the build's date: SOURCE_DATE_EPOCH (the last commit, set by `make build`), else today
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        today = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else dt.date.today()
    if next_review <= today:
        log.info(f"{page}: review due on {next_review}; review the page and update its dates")
    return []
