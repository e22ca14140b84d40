"""A contributor's change is one file (issue 16): the edits CONTRIBUTING.md describes pass the check and
the build and reach the site; bad edits are annotated on their file and line in GitHub Actions."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_steps.check import check_project
from tests.site import DATA, copy_project, make, page_html

NEW_SIGN = """\
- id: keeps-busy
  label: Keeping busy so you never have to ask
  explanation: You may fill every hour with jobs, so there is never a moment to ask anyone for help.
"""
NEW_PAGE = """\
---
title: Hyper-independence at work
description: How hyper-independence can show up at work.
reviewed: 2026-12-01
next_review: 2027-12-01
---

# Hyper-independence at work

At work, you may take on every task yourself.{{ unsourced() }}

{{ page_sources() }}
"""
NEW_SOURCE = """\
- id: example-work-study
  title: A study of help at work
  publisher: Example Health
  url: https://example.org/work-study
  supports:
    - people at work may find it hard to ask for help
"""
GLOSSARY_TERM = next(term for term in DATA["glossary"] if term.abbreviation)
EMERGENCY = DATA["emergency_numbers"][0]
NAV_END, WORK = "  - Sources: sources.md\n", "Hyper-independence at work"


def _change(root: Path, *changes: tuple[str, str | None, str]) -> None:
    """Each change: (file, old text or None to append, new text); a file that is not there is made."""
    for file, old, new in changes:
        path = root / file
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        assert old is None or old in text, f"{old!r} is not in {file}"
        path.write_text(text + new if old is None else text.replace(old, new, 1), encoding="utf-8")


CITE = '{{ cite("example-work-study") }}'
GLOSSARY_WORDS = f"{GLOSSARY_TERM.term} is a kind of help, put simply."
# Each edit: the page and the words a reader must then find there, and its changes.
EDITS = {
    "a new sign": ("signs/", "Keeping busy so you never", ("data/signs.yml", None, NEW_SIGN)),
    "a reworded glossary definition": ("glossary/", "is a kind of help, put simply.",
                                       ("data/glossary.yml", GLOSSARY_TERM.definition, GLOSSARY_WORDS)),
    "a reworded emergency region": ("get-help/", "Nowhere Land", ("data/crisis_lines.yml",
                                    f"region: {EMERGENCY.region}", "region: Nowhere Land")),
    "a typo fixed in prose": ("balance/", "keeps you safe and sound",
                              ("docs/balance.md", "keeps you safe", "keeps you safe and sound")),
    "a new page": ("at-work/", "you may take on every task yourself", ("docs/at-work.md", None, NEW_PAGE),
                   ("mkdocs.yml", NAV_END, NAV_END + f"  - {WORK}: at-work.md\n")),
    "a new source cited from a page": ("balance/", "A study of help at work",
                                       ("data/sources.yml", None, NEW_SOURCE),
                                       ("docs/balance.md", "guard up.", f"guard up.{CITE}")),
}  # fmt: skip


@pytest.mark.parametrize("edit", EDITS)
def test_each_edit_alone_passes_the_check(tmp_path, edit):
    root = copy_project(tmp_path / "project")
    _change(root, *EDITS[edit][2:])
    assert check_project(root) == []


@pytest.mark.builds
def test_the_edits_build_and_their_words_reach_the_site(tmp_path):
    root = copy_project(tmp_path / "project")
    for _, _, *changes in EDITS.values():
        _change(root, *changes)
    result = make(root)
    assert result.returncode == 0, result.stdout + result.stderr
    for edit, (page, words, *_) in EDITS.items():
        assert words in " ".join(page_html(root / "site", page).split()), edit


def _line(root: Path, file: str, text: str) -> int:
    return next(n for n, line in enumerate((root / file).read_text().splitlines(), start=1) if text in line)


def _markup_in_a_label(root):
    label = 'label: "[Keeping busy](javascript:alert(1)) so you never have to ask"'
    _change(
        root,
        ("data/signs.yml", None, NEW_SIGN.replace("label: Keeping busy so you never have to ask", label)),
    )
    return "data/signs.yml", _line(root, "data/signs.yml", label), ["keeps-busy", "'label'"]


def _unknown_source(root):
    _change(root, ("docs/balance.md", "keeps you safe.", 'keeps you safe.{{ cite("no-such-source") }}'))
    return "docs/balance.md", _line(root, "docs/balance.md", "no-such-source"), ["no-such-source"]


def _page_without_review_dates(root):
    page = ("docs/at-work.md", None, NEW_PAGE.replace("reviewed: 2026-12-01\n", ""))
    _change(root, page, ("mkdocs.yml", NAV_END, NAV_END + "  - At work: at-work.md\n"))
    return "docs/at-work.md", 1, ["'reviewed'"]


def _stray_symlink(root):
    (root / "docs" / "notes.md").symlink_to("/etc/hostname")
    return "docs/notes.md", None, ["symbolic link"]


def _check(root: Path, **env: str) -> subprocess.CompletedProcess:
    """The check step, as `make` runs it, in an environment of os.environ without GITHUB_ACTIONS plus env."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"} | env
    return subprocess.run(
        [sys.executable, "-m", "build_steps.check"], cwd=root, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "bad_edit", [_markup_in_a_label, _unknown_source, _page_without_review_dates, _stray_symlink]
)
def test_a_bad_edit_is_annotated_on_its_file_and_line_in_github_actions(tmp_path, bad_edit):
    root = copy_project(tmp_path / "project")
    file, line, words = bad_edit(root)
    summary = tmp_path / "summary.md"
    result = _check(root, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1
    where = f"::error file={file}" + (f",line={line}" if line else "")
    annotations = [out for out in result.stdout.splitlines() if out.startswith(where)]
    assert annotations, result.stdout + result.stderr
    assert all(word in annotations[0] for word in words), annotations[0]
    assert file in summary.read_text() and all(word in summary.read_text() for word in words)


def test_outside_github_actions_the_message_stays_plain(tmp_path):
    """Negative control: the same bad edit without GITHUB_ACTIONS prints no annotation."""
    root = copy_project(tmp_path / "project")
    file, line, _ = _markup_in_a_label(root)
    result = _check(root)
    assert result.returncode == 1 and "::error" not in result.stdout
    assert f"ERROR - {file}: line {line}: " in result.stderr and "keeps-busy" in result.stderr
