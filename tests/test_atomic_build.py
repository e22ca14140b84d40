"""A build that is killed never leaves a partial site/, and builds started at once take
turns (build_steps/build.py: a temporary `.building-*` folder renamed into place, under a
file lock). The build is reproducible, so "complete" is checked strictly: every byte of
site/ and dist/ is the same as after a good build."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.site import ENV, copy_project, make
from tests.tree import tree


def _state(project: Path) -> dict[str, str]:
    return tree(project / "site", project / "dist")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("atomic") / "project")
    result = make(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, _state(project)


def _start(project: Path) -> subprocess.Popen:
    """The build step itself (the check has passed), in its own process group."""
    return subprocess.Popen(
        [sys.executable, "-m", "build_steps.build"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_a_build_killed_part_way_leaves_the_last_complete_site(project):
    project, good = project
    assert _state(project) == good
    build = _start(project)
    deadline = time.monotonic() + 120
    while not any(folder.is_dir() for folder in project.glob(".building-*/site")):
        assert build.poll() is None, "the build ended before it wrote a site"
        assert time.monotonic() < deadline, "no .building-*/site appeared"
        time.sleep(0.01)
    os.killpg(build.pid, signal.SIGKILL)  # the build, its engine and its Chromium
    build.wait(timeout=30)
    assert _state(project) == good


def test_two_builds_at_once_end_with_one_complete_site(project):
    project, good = project
    builds = [_start(project), _start(project)]
    for build in builds:
        _, stderr = build.communicate(timeout=300)
        assert build.returncode == 0, stderr
    assert _state(project) == good
    assert not list(project.glob(".building-*"))
