"""Every page says when it was last reviewed and when its next review is due.

    python -m build_steps.review_dates [--within 30] [--today 2027-11-01] [--count]

prints the pages due for review as Markdown, for the weekly review issue
(.github/workflows/weekly-review.yml); `--count` prints only how many.

Hand-written, because these are this guide's own rules: both dates present, the next
review after the last and within 3 years of it, and no page reviewed before it existed
(its first commit, when the git history is there).
"""

import argparse
import datetime as dt
import logging
import os
import subprocess
import sys
from pathlib import Path

from macros.load import Problem
from macros.pages import read_page

MAX_REVIEW_INTERVAL_DAYS = 3 * 365 + 1  # three years, leap day included
WITHIN_DAYS = 30
log = logging.getLogger("build_steps.review_dates")


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH (the last commit, set by `make build`), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch.isdigit() else dt.date.today()


def first_commits(root: Path) -> dict[str, dt.date]:
    """docs/<page>.md -> the date of the commit that added it; {} without git history."""
    log = ["log", "--diff-filter=A", "--format=%x00%cs", "--name-only", "--", "docs/*.md"]
    log_output = subprocess.run(["git", "-C", str(root), *log], capture_output=True, text=True)
    if log_output.returncode:
        log.info("No git history here: review dates are not compared with the pages' first commits.")
        return {}
    added = {}
    for entry in log_output.stdout.split("\0")[1:]:  # newest first, so the oldest date wins
        date, *files = entry.split()
        added |= {file: dt.date.fromisoformat(date) for file in files}
    return added


def problems(
    page: str, meta: dict, first_commit: dt.date | None, today: dt.date | None = None
) -> list[Problem]:
    """Missing, badly spaced or untrue dates stop the build. An overdue review is only a
    notice: a late review must never block a build or a deploy, such as an urgent fix to
    a crisis number. The page itself tells readers it is due (overrides/partials/review-dates.html)."""
    dates = {}
    for field in ("reviewed", "next_review"):
        value = meta.get(field)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            message = f"front matter field '{field}' must be a date like 2026-11-25, got {value!r}"
            return [Problem(page, message, 1)]
        dates[field] = value
    reviewed, next_review = dates["reviewed"], dates["next_review"]
    if next_review <= reviewed:
        return [Problem(page, f"'next_review' ({next_review}) must come after 'reviewed' ({reviewed})", 1)]
    if (next_review - reviewed).days > MAX_REVIEW_INTERVAL_DAYS:
        message = f"'next_review' ({next_review}) is more than 3 years after 'reviewed' ({reviewed})"
        return [Problem(page, message, 1)]
    if first_commit and reviewed < first_commit:
        message = f"'reviewed' ({reviewed}) is before the page existed (first commit {first_commit})"
        return [Problem(page, message, 1)]
    if next_review <= (today or build_date()):
        log.info(f"{page}: review due since {next_review}; review the page and update its dates")
    return []


def due_pages(docs: Path, today: dt.date, within_days: int = WITHIN_DAYS) -> list[tuple[str, dt.date | None]]:
    """Pages due by `today` + `within_days` (or with no date), soonest first."""
    horizon = today + dt.timedelta(days=within_days)
    due = []
    for path in sorted(docs.glob("*.md")):
        date = read_page(path).meta.get("next_review")
        date = date if isinstance(date, dt.date) else None
        if date is None or date <= horizon:
            due.append((f"docs/{path.name}", date))
    return sorted(due, key=lambda item: (item[1] or dt.date.min, item[0]))


def _status(date: dt.date | None, today: dt.date) -> str:
    if date is None:
        return "no `next_review` date"
    if date == today:
        return "**due today**"
    return (
        f"**overdue** by {(today - date).days} days" if date < today else f"due in {(date - today).days} days"
    )


def report(due: list[tuple[str, dt.date | None]], today: dt.date, within_days: int = WITHIN_DAYS) -> str:
    when = f"overdue or due within {within_days} days of {today}"
    if not due:
        return f"## Pages due for review\n\nNo page is {when}.\n"
    rows = "".join(f"| `{page}` | {date or '-'} | {_status(date, today)} |\n" for page, date in due)
    return (
        f"## Pages due for review\n\nPages whose review is {when}.\n"
        "Review each page, then update `reviewed` and `next_review` in its front matter.\n\n"
        f"| Page | Next review | Status |\n|---|---|---|\n{rows}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List pages due for review, as Markdown.")
    parser.add_argument("--within", type=int, default=WITHIN_DAYS, help="days ahead to look (default 30)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    parser.add_argument("--count", action="store_true", help="print only how many pages are due")
    args = parser.parse_args(argv)
    due = due_pages(Path("docs"), args.today, args.within)
    sys.stdout.write(f"{len(due)}\n" if args.count else report(due, args.today, args.within))
    return 0


if __name__ == "__main__":
    sys.exit(main())
