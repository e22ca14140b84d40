"""A contributor's change is one file (issue 16): edits pass and reach the site; bad ones are annotated."""

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
    """Each change: (file, old text or None to append, new text or a symbolic link's target)."""
    for file, old, new in changes:
        path = root / file
        if isinstance(new, Path):
            path.symlink_to(new)
            continue
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


BAD_LABEL = 'label: "[Keeping busy](javascript:alert(1)) so you never have to ask"'
BAD_SIGN = NEW_SIGN.replace("label: Keeping busy so you never have to ask", BAD_LABEL)
UNKNOWN_CITE = 'keeps you safe.{{ cite("no-such-source") }}'
UNDATED_PAGE = NEW_PAGE.replace("reviewed: 2026-12-01\n", "")
# Each bad edit: the file named, its line (the text on it, or its number), words of the message, the changes.
BAD_EDITS = {
    "markup in a label": ("data/signs.yml", BAD_LABEL, ["keeps-busy", "'label'"],
                          ("data/signs.yml", None, BAD_SIGN)),
    "an unknown source": ("docs/balance.md", "no-such-source", ["no-such-source"],
                          ("docs/balance.md", "keeps you safe.", UNKNOWN_CITE)),
    "a page without review dates": ("docs/at-work.md", 1, ["'reviewed'"],
                                    ("docs/at-work.md", None, UNDATED_PAGE),
                                    ("mkdocs.yml", NAV_END, NAV_END + "  - At work: at-work.md\n")),
    "a stray symbolic link": ("docs/notes.md", None, ["symbolic link"],
                              ("docs/notes.md", None, Path("/etc/hostname"))),
}  # fmt: skip


def _check(root: Path, **env: str) -> subprocess.CompletedProcess:
    """The check step, as `make` runs it, outside GitHub Actions unless env says so."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"} | env
    command = [sys.executable, "-m", "build_steps.check"]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)


@pytest.mark.parametrize("bad_edit", BAD_EDITS)
def test_a_bad_edit_is_annotated_on_its_file_and_line_in_github_actions_only(tmp_path, bad_edit):
    root = copy_project(tmp_path / "project")
    file, line, words, *changes = BAD_EDITS[bad_edit]
    _change(root, *changes)
    if isinstance(line, str):
        line = next(n for n, text in enumerate((root / file).read_text().splitlines(), 1) if line in text)
    summary = tmp_path / "summary.md"
    result = _check(root, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    where = f"::error file={file}" + (f",line={line}" if line else "")
    annotations = [out for out in result.stdout.splitlines() if out.startswith(where)]
    assert result.returncode == 1 and annotations, result.stdout + result.stderr
    assert all(word in annotations[0] and word in summary.read_text() for word in [file, *words]), annotations
    plain = _check(root)  # the negative control: outside GitHub Actions, a plain message and no annotation
    assert plain.returncode == 1 and "::error" not in plain.stdout, plain.stdout
    assert f"ERROR - {file}: " + (f"line {line}: " if line else "") in plain.stderr, plain.stderr
    assert all(word in plain.stderr for word in words), plain.stderr
