"""The check before any build, by either engine (`python -m build_steps.check`; `make build`
runs it too). It refuses a symbolic link anywhere in the repository, bad data, stale JSON
Schemas, a snippet line in a page, a macro call that fails and missing or untrue review
dates, each with its file and line. A review due is a notice (`make due` lists them)."""

import datetime as dt
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from build_steps import generate, line_holding, report
from macros import page_macros
from macros.load import Problem, Refused
from macros.pages import read_page

# pymdownx.snippets would paste any file the build can read into the page.
SNIPPET = re.compile(r"^[ \t]*-+8<-+", re.MULTILINE)
log = logging.getLogger("build_steps.check")
MAX_REVIEW_INTERVAL_DAYS = 3 * 365 + 1  # three years, leap day included


def symlink_problems(root: Path) -> list[Problem]:
    """A symbolic link could publish any file the build can read (even /proc/self/environ).
    Every file git tracks or would track is checked (not what .gitignore leaves out)."""
    listed = ["git", "-C", str(root), "ls-files", "--cached", "--others", "--exclude-standard", "-z"]
    names = sorted(set(subprocess.run(listed, capture_output=True, text=True, check=True).stdout.split("\0")))
    message = "is a symbolic link; only real files may be in the repository"
    return [Problem(name, message) for name in names if name and (root / name).is_symlink()]


def first_commits(root: Path) -> dict[str, dt.date]:
    """docs/<page>.md -> the date of the commit that added it; {} without git history."""
    added_pages = ["log", "--diff-filter=A", "--format=%x00%cs", "--name-only", "--", "docs/*.md"]
    log_output = subprocess.run(["git", "-C", str(root), *added_pages], capture_output=True, text=True)
    if log_output.returncode:
        log.info("No git history here: review dates are not compared with the pages' first commits.")
        return {}
    entries = [entry.split() for entry in log_output.stdout.split("\0")[1:]]  # newest first: the oldest wins
    return {file: dt.date.fromisoformat(date) for date, *files in entries for file in files}


def review_problems(
    page: str, meta: dict, first_commit: dt.date | None, today: dt.date | None = None
) -> list[Problem]:
    """This guide's own rules, hand-written: both dates, the next review after the last and
    within 3 years of it, and no page reviewed before it existed (its first commit). An overdue
    review is only a notice: a late review must never block a build or a deploy, such as an
    urgent fix to a crisis number. The page itself tells readers it is due (overrides/main.html)."""
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


def page_problems(root: Path, config: dict, render: bool) -> list[Problem]:
    """Each page's front matter, review dates and (if `render`) macro calls, run as the engine will."""
    problems, current = [], [""]  # current[0]: the page being rendered
    macros = page_macros(root, config, lambda: current[0]) if render else {"render": str}
    added = first_commits(root)
    for path in sorted((root / "docs").glob("*.md")):
        shown = f"docs/{path.name}"
        current[0] = path.name
        try:
            page = read_page(path)
            problems += review_problems(shown, page.meta, added.get(shown))
            if snippet := SNIPPET.search(page.body):
                line = page.body_line + page.body[: snippet.start()].count("\n")
                problems.append(Problem(shown, "snippet lines (--8<--) are not allowed in a page", line))
            macros["render"](page.body)
        except Refused as error:  # its line, or the one holding what it names (an unknown source id)
            for problem in error.problems:
                quoted = re.search(r"'([^']+)'", problem.message)
                line = problem.line or line_holding(root / problem.file, quoted and quoted[1])
                problems.append(Problem(problem.file, problem.message, line))
        except Exception as error:  # a Jinja syntax error or an unknown macro name
            line = getattr(error, "lineno", None) and error.lineno + page.body_line - 1
            problems.append(Problem(shown, f"{type(error).__name__}: {error}", line))
    return problems


def check_project(root: Path, render: bool = True) -> list[Problem]:
    """Every problem; `make build` leaves rendering the pages to the engines, unless one fails."""
    if problems := symlink_problems(root):  # read nothing through a link
        return problems
    problems = generate.stale_schemas(root)
    config = yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8"))  # with its !ENV tags
    try:
        return problems + page_problems(root, config, render)
    except Refused as error:  # bad data: no page can be rendered
        return problems + error.problems


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")
    if problems := check_project(Path.cwd()):
        report(problems, "The check before the build")
        sys.exit(f"build_steps.check: {len(problems)} problem(s); nothing was built.")
    print("build_steps.check: the repository, data, pages and review dates are fine.")
