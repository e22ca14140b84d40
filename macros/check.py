"""The one check step, shared by every engine: `python -m macros.check`.

`make` runs it before any build, MkDocs or Zensical, so neither can publish what
it refuses: symbolic links, bad data, stale generated files, pages with
disallowed HTML or links, and missing or badly spaced review dates. Every problem is printed, one per line,
naming the file (and the record and field, or the line); the exit code is 1.
"""

import logging
import os
import sys
from pathlib import Path

import yaml

from macros import generate
from macros.data import DataError, load_all
from macros.page_policy import check_page
from macros.review_dates import check_review_dates

# Folders whose files reach the site or shape it.
CHECKED_FOLDERS = ("docs", "data", "overrides", "macros")


def symlink_problems(root: Path) -> list[str]:
    """A symbolic link could publish any file the build can read (even /proc/self/environ)."""
    problems = []
    for folder in CHECKED_FOLDERS:
        for directory, subfolders, files in os.walk(root / folder):
            for name in sorted(subfolders + files):
                path = Path(directory) / name
                if path.is_symlink():
                    shown = path.relative_to(root).as_posix()
                    problems.append(f"{shown}: is a symbolic link; only real files may be in {folder}/")
    return problems


def front_matter(shown: str, text: str) -> dict:
    """The YAML between the opening '---' lines of a page, as MkDocs reads it."""
    if not text.startswith("---\n"):
        return {}
    block, separator, _ = text[4:].partition("\n---")
    if not separator:
        raise DataError(f"{shown}: front matter has no closing '---' line")
    try:
        meta = yaml.safe_load(block) or {}
    except yaml.YAMLError as error:
        raise DataError(f"{shown}: front matter is not valid YAML: {error}".splitlines()[0]) from None
    if not isinstance(meta, dict):
        raise DataError(f"{shown}: front matter must be a mapping of fields")
    return meta


def page_problems(root: Path) -> list[str]:
    problems = []
    for path in sorted((root / "docs").rglob("*.md")):
        shown = path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
            check_review_dates(shown, front_matter(shown, text))
            check_page(shown, text)
        except UnicodeDecodeError:
            problems.append(f"{shown}: is not UTF-8 text; save it as UTF-8")
        except DataError as error:
            problems.append(str(error))
    return problems


def check_project(root: Path) -> list[str]:
    """Every problem found, one message each; empty when all is well."""
    problems = symlink_problems(root)
    if problems:  # do not read through a link
        return problems
    try:
        load_all(root / "data")
        problems += generate.stale(root)
    except DataError as error:
        problems.append(str(error))
    return problems + page_problems(root)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    problems = check_project(root)
    for problem in problems:
        print(f"ERROR - {problem}", file=sys.stderr)
    if problems:
        print(f"macros.check: {len(problems)} problem(s); nothing was built.", file=sys.stderr)
        return 1
    print("macros.check: data, pages, review dates and links are fine.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
