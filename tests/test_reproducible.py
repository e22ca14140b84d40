"""Same commit, same bytes; a killed build leaves the last complete site/, and builds take turns."""

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from build_steps.reproducible import source_date_epoch, write_zip
from tests.site import ENV, copy_project, make
from tests.tree import tree

ZIP = "dist/hyper-independence-guide-offline.zip"


def _git(project: Path, *args: str, **env: str) -> str:
    command = ["git", "-C", str(project), *args]
    return subprocess.run(
        command, env={**os.environ, **env}, capture_output=True, text=True, check=True
    ).stdout


def test_two_builds_of_one_commit_at_different_times_are_byte_identical(tmp_path, monkeypatch):
    """`make build`, then again seconds later in another folder: every file of site/ and
    dist/ (the PDF and both zips included) is the same bytes, dated by the last commit."""
    monkeypatch.setattr("tests.site.ENV", {k: v for k, v in ENV.items() if k != "SOURCE_DATE_EPOCH"})
    first = copy_project(tmp_path / "first")
    assert make(first).returncode == 0
    time.sleep(1.5)  # a later clock: anything dated by the clock would differ
    second = shutil.copytree(first, tmp_path / "second", ignore=shutil.ignore_patterns("site", "dist"))
    result = make(second)
    assert result.returncode == 0, result.stdout + result.stderr
    one, two = tree(first / "site", first / "dist"), tree(second / "site", second / "dist")
    assert one == two, [path for path in one.keys() | two.keys() if one.get(path) != two.get(path)]
    assert {f"site/downloads/{Path(ZIP).name}", ZIP} <= set(one)
    assert (
        f"Build date (SOURCE_DATE_EPOCH={_git(first, 'log', '-1', '--format=%ct').strip()})" in result.stderr
    )


@pytest.mark.skipif("SOURCE_DATE_EPOCH" in os.environ, reason="the date would come from the environment")
def test_the_offline_zip_is_dated_by_the_last_commit(built):
    day = dt.datetime.fromtimestamp(int(_git(built, "log", "-1", "--format=%ct")), dt.UTC).timetuple()[:3]
    with zipfile.ZipFile(built / ZIP) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {day}


def _folder(root: Path, mtime: int, mode: int) -> Path:
    folder = root / "edition"
    (folder / "b").mkdir(parents=True)
    for name in ("z.html", "a.html", "b/c.txt"):
        (folder / name).write_text(name)
        (folder / name).chmod(mode)
    for path in [*folder.rglob("*"), folder]:
        os.utime(path, (mtime, mtime))
    return folder


def _plain_zip(folder: Path, target: Path) -> None:
    """What the build wrote before repro-zipfile: the same entries, by the standard library."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")


@pytest.mark.parametrize(("writer", "same"), [(write_zip, True), (_plain_zip, False)], ids=["build", "plain"])
def test_the_zip_depends_only_on_the_files(tmp_path, monkeypatch, writer, same):
    epoch = dt.datetime(2026, 11, 25, 23, 53, 8, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(epoch.timestamp())))
    for name, mtime, mode in [("one", 1_000_000_000, 0o600), ("two", 1_700_000_000, 0o644)]:
        writer(_folder(tmp_path / name, mtime, mode), tmp_path / f"{name}.zip")
    assert ((tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()) is same
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        names = [info.filename for info in archive.infolist()]
        assert names == sorted(names) and archive.read("edition/b/c.txt") == b"b/c.txt"
        dates = {info.date_time for info in archive.infolist()}
        assert (dates == {epoch.timetuple()[:6]}) is same


def test_the_build_date_is_the_last_commit_and_source_date_epoch_wins(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    committed = dt.datetime(2027, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
    who = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    who |= {"GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": committed.isoformat()}
    (tmp_path / "index.md").write_text("# Hi\n")
    for command in (["init", "--quiet"], ["add", "."], ["commit", "--quiet", "-m", "one"]):
        _git(tmp_path, *command, **who)
    (tmp_path / "index.md").write_text("# Changed later\n")  # the clock moves on; the date does not
    assert source_date_epoch(tmp_path) == int(committed.timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert source_date_epoch(tmp_path) == 1234567890


# -- A killed build leaves the last complete site/; builds started at once take turns ------------
# (build_steps/build.py: a `.building-*` folder renamed into place, under a file lock)


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
