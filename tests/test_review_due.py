"""No calendar cliff: a page past its review date still builds strictly and deploys;
the page tells readers it is due, the build prints a notice, and the weekly review
issue lists it (macros/due_reviews.py, .github/workflows/weekly-review.yml)."""

import datetime as dt
import re
from pathlib import Path

import pytest

from macros.due_reviews import due_pages, main, next_reviews, report
from tests.site import PAGES, ROOT, copy_project, make_build, soup

DUE_NOTE = "This page is due for review."


def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp()))


def _first_due() -> dt.date:
    return min(date for date in next_reviews(ROOT / "docs").values() if date)


def _dated_build(tmp_path_factory, day: dt.date):
    project = copy_project(tmp_path_factory.mktemp("dated") / "project")
    return project, make_build(project, SOURCE_DATE_EPOCH=_epoch(day))


@pytest.fixture(scope="module")
def overdue_build(tmp_path_factory):
    """The real `make build`, dated a day after the first page's review falls due."""
    return _dated_build(tmp_path_factory, _first_due() + dt.timedelta(days=1))


@pytest.fixture(scope="module")
def timely_build(tmp_path_factory):
    """The same, dated the day before: nothing is due yet."""
    return _dated_build(tmp_path_factory, _first_due() - dt.timedelta(days=1))


def test_an_overdue_review_does_not_fail_the_strict_build(overdue_build):
    _, result = overdue_build
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    assert re.search(r"INFO\s+-\s+.*docs/signs\.md: review due since", output), output


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_a_page_past_its_review_date_says_so(overdue_build, source, url_path):
    project, _ = overdue_build
    note = soup(project / "site", url_path).select_one("p.review-due")
    assert note is not None and DUE_NOTE in note.get_text(), source


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_a_page_not_yet_due_has_no_note(timely_build, source, url_path):
    project, result = timely_build
    assert result.returncode == 0, result.stdout + result.stderr
    assert "review due since" not in result.stdout + result.stderr
    assert soup(project / "site", url_path).select_one("p.review-due") is None, source


# -- The weekly list ---------------------------------------------------------------------------


def _docs(tmp_path: Path, pages: dict[str, str | None]) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, next_review in pages.items():
        front = f"---\nreviewed: 2026-01-01\nnext_review: {next_review}\n---\n" if next_review else ""
        (docs / name).write_text(front + "# Page\n")
    return docs


TODAY = dt.date(2027, 11, 1)


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
    expected = ["docs/undated.md", "docs/overdue.md", "docs/today.md", "docs/later.md"]
    assert [page for page, _ in due] == expected
    text = report(due, TODAY)
    assert "| `docs/overdue.md` | 2027-10-01 | **overdue** by 31 days |" in text
    assert "| `docs/today.md` | 2027-11-01 | **due today** |" in text
    assert "| `docs/later.md` | 2027-11-25 | due in 24 days |" in text
    assert "no `next_review` date" in text
    assert "far.md" not in text


def test_nothing_due_says_so(tmp_path):
    docs = _docs(tmp_path, {"a.md": "2028-06-01"})
    assert due_pages(docs, TODAY) == []
    assert "No page is overdue or due within 30 days of 2027-11-01." in report([], TODAY)


def test_command_line_prints_markdown_and_count(tmp_path, capsys):
    docs = _docs(tmp_path, {"a.md": "2027-10-01", "b.md": "2028-06-01"})
    main(["--docs", str(docs), "--today", "2027-11-01"])
    assert "| `docs/a.md` |" in capsys.readouterr().out
    main(["--docs", str(docs), "--today", "2027-11-01", "--count"])
    assert capsys.readouterr().out == "1\n"


def test_the_real_pages_are_read(capsys):
    dates = next_reviews(ROOT / "docs")
    assert set(dates) == {f"docs/{source}" for source, _ in PAGES} | {"docs/whole-guide.md"}
    assert all(isinstance(date, dt.date) for date in dates.values())
    first = _first_due()
    assert [page for page, _ in due_pages(ROOT / "docs", first - dt.timedelta(days=31))] == []
    assert len(due_pages(ROOT / "docs", first - dt.timedelta(days=30))) >= 1
