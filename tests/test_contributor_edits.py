"""A contributor's change is one file (issue 16): the edits CONTRIBUTING.md describes,
each made only in the files it names, pass the real check and build, and their words
reach the built site; bad edits fail with an annotation on the right file and line
when run inside GitHub Actions."""

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


def _replace(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(root: Path, file: str, text: str) -> None:
    with (root / file).open("a", encoding="utf-8") as out:
        out.write(text)


# Each edit: the files it touches, and the words a reader must then find, on which page.
EDITS = {
    "a new sign": (
        lambda root: _append(root, "data/signs.yml", NEW_SIGN),
        "signs/",
        "Keeping busy so you never",
    ),
    "a reworded glossary definition": (
        lambda root: _replace(
            root,
            "data/glossary.yml",
            GLOSSARY_TERM.definition,
            f"{GLOSSARY_TERM.term} is a kind of help, put simply.",
        ),
        "glossary/",
        "is a kind of help, put simply.",
    ),
    "a reworded emergency region": (
        lambda root: _replace(
            root, "data/crisis_lines.yml", f"region: {EMERGENCY.region}", "region: Nowhere Land"
        ),
        "get-help/",
        "Nowhere Land",
    ),
    "a typo fixed in prose": (
        lambda root: _replace(root, "docs/balance.md", "keeps you safe", "keeps you safe and sound"),
        "balance/",
        "keeps you safe and sound",
    ),
    "a new page": (
        lambda root: (
            (root / "docs" / "at-work.md").write_text(NEW_PAGE, encoding="utf-8"),
            _replace(
                root,
                "mkdocs.yml",
                "  - Sources: sources.md\n",
                "  - Sources: sources.md\n  - Hyper-independence at work: at-work.md\n",
            ),
        ),
        "at-work/",
        "you may take on every task yourself",
    ),
    "a new source cited from a page": (
        lambda root: (
            _append(root, "data/sources.yml", NEW_SOURCE),
            _replace(root, "docs/balance.md", "guard up.", 'guard up.{{ cite("example-work-study") }}'),
        ),
        "balance/",
        "A study of help at work",
    ),
}


@pytest.mark.parametrize("edit", EDITS)
def test_each_edit_alone_passes_the_check(tmp_path, edit):
    root = copy_project(tmp_path / "project")
    EDITS[edit][0](root)
    assert check_project(root) == []


@pytest.mark.builds
def test_the_edits_build_and_their_words_reach_the_site(tmp_path):
    root = copy_project(tmp_path / "project")
    for change, _, _ in EDITS.values():
        change(root)
    result = make(root)
    assert result.returncode == 0, result.stdout + result.stderr
    for edit, (_, page, words) in EDITS.items():
        assert words in " ".join(page_html(root / "site", page).split()), edit


def _line(root: Path, file: str, text: str) -> int:
    return next(n for n, line in enumerate((root / file).read_text().splitlines(), start=1) if text in line)


def _markup_in_a_label(root):
    label = 'label: "[Keeping busy](javascript:alert(1)) so you never have to ask"'
    _append(root, "data/signs.yml", NEW_SIGN.replace("label: Keeping busy so you never have to ask", label))
    return "data/signs.yml", _line(root, "data/signs.yml", label), ["keeps-busy", "'label'"]


def _unknown_source(root):
    _replace(root, "docs/balance.md", "keeps you safe.", 'keeps you safe.{{ cite("no-such-source") }}')
    return "docs/balance.md", _line(root, "docs/balance.md", "no-such-source"), ["no-such-source"]


def _page_without_review_dates(root):
    (root / "docs" / "at-work.md").write_text(
        NEW_PAGE.replace("reviewed: 2026-12-01\n", ""), encoding="utf-8"
    )
    _replace(
        root, "mkdocs.yml", "  - Sources: sources.md\n", "  - Sources: sources.md\n  - At work: at-work.md\n"
    )
    return "docs/at-work.md", 1, ["'reviewed'"]


def _stray_symlink(root):
    (root / "docs" / "notes.md").symlink_to("/etc/hostname")
    return "docs/notes.md", None, ["symbolic link"]


@pytest.mark.parametrize(
    "bad_edit", [_markup_in_a_label, _unknown_source, _page_without_review_dates, _stray_symlink]
)
def test_a_bad_edit_is_annotated_on_its_file_and_line_in_github_actions(tmp_path, bad_edit):
    root = copy_project(tmp_path / "project")
    file, line, words = bad_edit(root)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [sys.executable, "-m", "build_steps.check"], cwd=root, env=env, capture_output=True, text=True
    )
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
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    result = subprocess.run(
        [sys.executable, "-m", "build_steps.check"], cwd=root, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1 and "::error" not in result.stdout
    assert f"ERROR - {file}: line {line}: " in result.stderr and "keeps-busy" in result.stderr
