"""The weekly review issue's list (python -m build_steps.review_dates, run by
.github/workflows/weekly-review.yml): pages overdue or due soon, soonest first, as
Markdown or as a count. The note on a due page is checked in tests/test_template.py."""

import datetime as dt

from build_steps.review_dates import due_pages, main, report
from macros.pages import read_page
from tests.site import ALL_PAGES, ROOT

TODAY = dt.date(2027, 11, 1)


def _docs(tmp_path, pages: dict[str, str | None]):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, next_review in pages.items():
        front = f"---\nreviewed: 2026-01-01\nnext_review: {next_review}\n---\n" if next_review else ""
        (docs / name).write_text(front + "# Page\n")
    return docs


def test_lists_overdue_and_soon_due_pages_soonest_first(tmp_path):
    docs = _docs(
        tmp_path,
        {
            "later.md": "2027-11-25",  # in 24 days
            "overdue.md": "2027-10-01",
            "today.md": "2027-11-01",
            "far.md": "2028-06-01",  # beyond 30 days: not listed
            "undated.md": None,
        },
    )
    due = due_pages(docs, TODAY, within_days=30)
    assert [page for page, _ in due] == [
        "docs/undated.md",
        "docs/overdue.md",
        "docs/today.md",
        "docs/later.md",
    ]
    text = report(due, TODAY)
    assert "| `docs/overdue.md` | 2027-10-01 | **overdue** by 31 days |" in text
    assert "| `docs/today.md` | 2027-11-01 | **due today** |" in text
    assert "| `docs/later.md` | 2027-11-25 | due in 24 days |" in text
    assert "| `docs/undated.md` | - | no `next_review` date |" in text
    assert "far.md" not in text


def test_nothing_due_says_so(tmp_path):
    assert due_pages(_docs(tmp_path, {"a.md": "2028-06-01"}), TODAY) == []
    assert "No page is overdue or due within 30 days of 2027-11-01." in report([], TODAY)


def test_command_line_prints_markdown_and_count(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(_docs(tmp_path, {"a.md": "2027-10-01", "b.md": "2028-06-01"}).parent)
    main(["--today", "2027-11-01"])
    out = capsys.readouterr().out
    assert "| `docs/a.md` |" in out and "docs/b.md" not in out
    main(["--today", "2027-11-01", "--count"])
    assert capsys.readouterr().out == "1\n"


def test_every_real_page_is_dated_and_listed_once_due():
    dates = {
        f"docs/{source}": read_page(ROOT / "docs" / source).meta["next_review"] for source, _ in ALL_PAGES
    }
    first, last = min(dates.values()), max(dates.values())
    assert due_pages(ROOT / "docs", first - dt.timedelta(days=31)) == []
    assert due_pages(ROOT / "docs", last, within_days=0) == sorted(
        dates.items(), key=lambda item: (item[1], item[0])
    )
