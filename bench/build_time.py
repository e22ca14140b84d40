"""Build times: our site against a plain Material build of the same Markdown, and at scale."""

import os
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from tests.site import ROOT, VENV, copy_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

PLAIN_CONFIG = """\
site_name: Hyper-independence guide
theme:
  name: material
plugins:
  - search
"""


def _timed_build(project: Path, runs: int) -> float:
    """Median wall time of `mkdocs build` in project, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(VENV / "bin" / "mkdocs"), "build", "--quiet", "--site-dir", str(project / "_site")],
            cwd=project,
            env=ENV,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_project(folder: Path) -> Path:
    """The same Markdown with the stock Material config: no macros, no data, no overrides."""
    shutil.copytree(ROOT / "docs", folder / "docs")
    (folder / "mkdocs.yml").write_text(PLAIN_CONFIG)
    return folder


def ours_vs_plain(workdir: Path, runs: int = 5) -> dict:
    ours = _timed_build(copy_project(workdir / "ours"), runs)
    stock = _timed_build(plain_project(workdir / "plain"), runs)
    return {"ours": ours, "plain": stock, "ratio": ours / stock}


SYNTHETIC_PAGE = """\
---
title: Synthetic page {n}
description: A generated page for the scale benchmark.
reviewed: 2026-11-25
next_review: 2027-11-25
---

# Synthetic page {n}

Some plain text for page {n}. {{{{ cite("verywell-hyper-independence-trauma") }}}}

## Signs

{{{{ signs() }}}}

## Self-care

{{{{ self_care() }}}}
"""


def synthetic(workdir: Path, pages: int) -> float:
    """Build time of the project plus `pages` generated pages, each rendering data lists."""
    project = copy_project(workdir / f"scale-{pages}")
    # The generated pages stay out of the navigation: a nav of 1,000 entries is
    # rendered into every page, which measures the theme, not our data machinery.
    with (project / "mkdocs.yml").open("a") as config:
        config.write("\nnot_in_nav: |\n  synthetic/\n")
    folder = project / "docs" / "synthetic"
    folder.mkdir()
    for n in range(pages):
        (folder / f"page-{n:04d}.md").write_text(SYNTHETIC_PAGE.format(n=n))
    return _timed_build(project, runs=1)


def scale(workdir: Path) -> dict:
    small, large = synthetic(workdir, 100), synthetic(workdir, 1000)
    return {"100": small, "1000": large, "ratio": large / small}
