"""Builds take turns, and a build killed at any moment leaves the last complete site/
and dist/: never a partial one, never none. The next build clears what it left.

The build is reproducible (tests/test_reproducible.py), so "complete" is checked
strictly: every byte of site/, dist/'s offline edition and its zip is the same as
after the good build."""

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from scripts.atomic import exchange, publish
from tests.site import ENV, VENV, tree_digest

OFFLINE = Path("dist") / "hyper-independence-guide-offline"
ZIP = Path("dist") / "hyper-independence-guide-offline.zip"


def _state(project: Path) -> tuple:
    return (
        tree_digest(project / "site"),
        tree_digest(project / OFFLINE),
        (project / ZIP).read_bytes(),
    )


@pytest.fixture(scope="module")
def good_state(built_copy):
    state = _state(built_copy)
    # The known-good file list: pages, theme assets, sitemap and the offline zip.
    for path in [
        "index.html",
        "signs/index.html",
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
    ]:
        assert path in state[0]
    assert any(path.startswith("assets/") for path in state[0])
    assert "downloads/hyper-independence-guide-offline.zip" in state[0]
    return state


def _start_build(project: Path, web_url: str, **env: str) -> subprocess.Popen:
    """`make build` in its own process group, so a kill reaches every process of it."""
    return subprocess.Popen(
        ["make", "--no-print-directory", "build", f"VENV={VENV}"],
        cwd=project,
        env={**ENV, "SITE_URL": web_url, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for_line(build: subprocess.Popen, marker: str, timeout: float = 240) -> list[str]:
    """Read the build's stderr until a line contains `marker`; keep reading in the background."""
    seen, found = [], threading.Event()

    def read():
        for line in build.stderr:
            seen.append(line)
            if marker in line:
                found.set()

    threading.Thread(target=read, daemon=True).start()
    assert found.wait(timeout), f"never saw {marker!r}:\n{''.join(seen)}"
    return seen


def _kill(build: subprocess.Popen) -> None:
    os.killpg(build.pid, signal.SIGKILL)
    build.wait(timeout=30)


def _leftovers(project: Path) -> list[str]:
    return sorted(
        str(path.relative_to(project))
        for path in [*project.glob(".building-*"), *project.glob("dist/.building-*")]
    )


def _assert_a_later_build_recovers(project: Path, web_url: str, good_state) -> None:
    build = _start_build(project, web_url)
    _, stderr = build.communicate(timeout=300)
    assert build.returncode == 0, stderr
    assert _leftovers(project) == []
    assert _state(project) == good_state


# Pause points of scripts/build_site.py, in the order the build reaches them.
PAUSE_POINTS = [
    "offline-zip",  # the offline edition is built, its zip not yet written
    "offline-swap",  # right before the offline edition replaces dist/'s
    "after-swap:dist",  # right after the new dist/ is in place: the old one not yet deleted
    "web-mkdocs",  # right before the web build
    "web-swap",  # right before the new site/ replaces the old one
    "after-swap:site",  # right after: the old site/ not yet deleted
]

# After these, a later build also runs, clears the leftovers and ends complete.
RECOVER_AFTER = {"after-swap:dist", "after-swap:site"}


@pytest.mark.parametrize("point", PAUSE_POINTS)
def test_a_build_killed_at_a_step_leaves_the_last_complete_site(
    project_with_site, web_url, good_state, point
):
    assert _state(project_with_site) == good_state
    build = _start_build(project_with_site, web_url, BUILD_PAUSE_AT=point)
    _wait_for_line(build, f"BUILD PAUSED AT {point}")
    _kill(build)
    assert _state(project_with_site) == good_state, f"killed at {point}"
    if point in RECOVER_AFTER:
        _assert_a_later_build_recovers(project_with_site, web_url, good_state)


# Folders or files that exist only while a step is under way: killed as soon as one appears.
DURING = {
    "the offline mkdocs build": ".building-dist/hyper-independence-guide-offline/index.html",
    "the zip being written": ".building-dist/hyper-independence-guide-offline.zip",
    "the web mkdocs build": ".building-site/index.html",
}


@pytest.mark.parametrize("step", DURING)
def test_a_build_killed_during_a_step_leaves_the_last_complete_site(
    project_with_site, web_url, good_state, step
):
    appears = project_with_site / DURING[step]
    # The zip is written in a moment; a pause at the step before makes sure the kill lands in it.
    slow = {"BUILD_PAUSE_AT": "offline-zip", "BUILD_PAUSE_SECONDS": "1"} if "zip" in step else {}
    build = _start_build(project_with_site, web_url, **slow)
    deadline = time.monotonic() + 240
    while not appears.exists():
        assert build.poll() is None, f"the build ended before {step}"
        assert time.monotonic() < deadline, f"{step} never started"
        time.sleep(0.005)
    _kill(build)
    assert _state(project_with_site) == good_state, f"killed during {step}"
    _assert_a_later_build_recovers(project_with_site, web_url, good_state)


def test_two_builds_at_once_take_turns(project_with_site, web_url, good_state):
    # The first build waits a few seconds right before its swap; the second starts meanwhile.
    first = _start_build(project_with_site, web_url, BUILD_PAUSE_AT="web-swap", BUILD_PAUSE_SECONDS="3")
    _wait_for_line(first, "BUILD PAUSED AT web-swap")
    second = _start_build(project_with_site, web_url)
    _, second_err = second.communicate(timeout=300)
    first.wait(timeout=300)
    assert first.returncode == 0
    assert second.returncode == 0, second_err
    assert "Another build is running in this checkout: waiting for it to finish." in second_err
    assert _leftovers(project_with_site) == []
    assert _state(project_with_site) == good_state


def test_a_failed_build_leaves_no_temporary_folders(project_with_site, web_url, good_state):
    page = project_with_site / "docs" / "about.md"
    page.write_text(page.read_text() + "\n[gone](no-such-page.md)\n")
    build = _start_build(project_with_site, web_url)
    _, stderr = build.communicate(timeout=300)
    assert build.returncode != 0
    assert "mkdocs build failed" in stderr
    assert _leftovers(project_with_site) == []
    assert _state(project_with_site) == good_state


# -- The swap itself ----------------------------------------------------------------------------


def _folder(path: Path, text: str) -> Path:
    path.mkdir()
    (path / "index.html").write_text(text)
    return path


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    new, site = _folder(tmp_path / "new", "new"), _folder(tmp_path / "site", "old")
    exchange(new, site)
    assert (site / "index.html").read_text() == "new"
    assert (new / "index.html").read_text() == "old"


def test_publish_returns_the_old_folder_to_delete(tmp_path):
    first = _folder(tmp_path / ".building-site", "one")
    assert publish(first, tmp_path / "site") is None  # nothing to replace the first time
    second = _folder(tmp_path / ".building-site", "two")
    old = publish(second, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "two"
    assert (old / "index.html").read_text() == "one"
