"""Pages whose review is overdue or due soon, as Markdown for the weekly review issue.

    python -m macros.due_reviews [--within 30] [--today 2027-11-01] [--count]

Reads the front matter of docs/*.md (no network). The weekly workflow
(.github/workflows/weekly-review.yml) puts the output in one GitHub issue; `--count`
prints only how many pages are listed, so the workflow knows whether to open it."""

import argparse
import datetime as dt
import sys
from pathlib import Path

from mkdocs.utils.meta import get_data

DOCS = Path(__file__).resolve().parents[1] / "docs"
WITHIN_DAYS = 30


def next_reviews(docs: Path) -> dict[str, dt.date | None]:
    """Each page (as docs/name.md) and its next_review date, or None if it has none."""
    dates = {}
    for page in sorted(docs.rglob("*.md")):
        _, meta = get_data(page.read_text(encoding="utf-8"))
        value = meta.get("next_review")
        is_date = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        dates[f"docs/{page.relative_to(docs).as_posix()}"] = value if is_date else None
    return dates


def due_pages(docs: Path, today: dt.date, within_days: int = WITHIN_DAYS) -> list[tuple[str, dt.date | None]]:
    """Pages due by `today` + `within_days` (or with no date), soonest first."""
    horizon = today + dt.timedelta(days=within_days)
    due = [(page, date) for page, date in next_reviews(docs).items() if date is None or date <= horizon]
    return sorted(due, key=lambda item: (item[1] or dt.date.min, item[0]))


def report(due: list[tuple[str, dt.date | None]], today: dt.date, within_days: int = WITHIN_DAYS) -> str:
    lines = ["## Pages due for review", ""]
    if not due:
        return "\n".join([*lines, f"No page is overdue or due within {within_days} days of {today}.", ""])
    lines += [
        f"Pages whose review is overdue or due within {within_days} days of {today}.",
        "Review each page, then update `reviewed` and `next_review` in its front matter.",
        "",
        "| Page | Next review | Status |",
        "|---|---|---|",
    ]
    for page, date in due:
        if date is None:
            status = "no `next_review` date"
        elif date <= today:
            status = f"**overdue** by {(today - date).days} days" if date < today else "**due today**"
        else:
            status = f"due in {(date - today).days} days"
        lines.append(f"| `{page}` | {date or '-'} | {status} |")
    return "\n".join([*lines, ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="List pages due for review, as Markdown.")
    parser.add_argument("--within", type=int, default=WITHIN_DAYS, help="days ahead to look (default 30)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the pages' folder")
    parser.add_argument("--count", action="store_true", help="print only how many pages are due")
    args = parser.parse_args(argv)
    due = due_pages(args.docs, args.today, args.within)
    sys.stdout.write(f"{len(due)}\n" if args.count else report(due, args.today, args.within))
    return 0


if __name__ == "__main__":
    sys.exit(main())
