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

from build_steps import build as build_step
from build_steps.engines import start_build
from build_steps.reproducible import source_date_epoch, write_zip
from tests.site import ENV, NOT_COPIED, built_files, make

ZIP = "dist/hyper-independence-guide-offline.zip"


@pytest.fixture(scope="module")
def rebuilt(built, tmp_path_factory):
    """The session's built project, copied without site/ and dist/ and built again, later and elsewhere."""
    folder = tmp_path_factory.mktemp("rebuilt") / "project"
    project = shutil.copytree(built, folder, ignore=NOT_COPIED, symlinks=True)
    result = make(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, built_files(project), result.stderr


def test_two_builds_of_one_commit_at_different_times_are_byte_identical(built, rebuilt):
    """Every file of site/ and dist/ (the PDF and both zips too), dated by the last commit, not the clock."""
    _, two, output = rebuilt
    one = built_files(built)
    assert one == two, [path for path in one.keys() | two.keys() if one.get(path) != two.get(path)]
    assert {f"site/downloads/{Path(ZIP).name}", ZIP} <= set(one)
    epoch = source_date_epoch(built)  # the last commit's time, unless SOURCE_DATE_EPOCH is set (see below)
    assert f"Build date (SOURCE_DATE_EPOCH={epoch})" in output
    with zipfile.ZipFile(built / ZIP) as archive:
        day = dt.datetime.fromtimestamp(epoch, dt.UTC).timetuple()[:3]
        assert {info.date_time[:3] for info in archive.infolist()} == {day}


def test_the_build_date_is_the_last_commit_and_source_date_epoch_wins(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    committed = dt.datetime(2027, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
    who = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    who |= {"GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": committed.isoformat()}
    (tmp_path / "index.md").write_text("# Hi\n")
    for command in (["init", "--quiet"], ["add", "."], ["commit", "--quiet", "-m", "one"]):
        subprocess.run(["git", "-C", str(tmp_path), *command], env={**os.environ, **who}, check=True)
    (tmp_path / "index.md").write_text("# Changed later\n")  # the clock moves on; the date does not
    assert source_date_epoch(tmp_path) == int(committed.timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert source_date_epoch(tmp_path) == 1234567890


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
        assert ({info.date_time for info in archive.infolist()} == {epoch.timetuple()[:6]}) is same


# -- A killed build leaves the last site/, builds take turns (a .building-* folder, under a lock) --
def _start(project: Path) -> subprocess.Popen:
    """The build step itself, in its own process group; its errors kept for the test's message."""
    command = [sys.executable, "-m", "build_steps.build"]
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "text": True}
    return subprocess.Popen(command, cwd=project, env=ENV, start_new_session=True, **streams)


def test_a_build_killed_part_way_leaves_the_last_complete_site(rebuilt):
    project, good, _ = rebuilt
    build = _start(project)
    deadline = time.monotonic() + 120
    while not any(folder.is_dir() for folder in project.glob(".building-*/site")):
        assert build.poll() is None, "the build ended before it wrote a site"
        assert time.monotonic() < deadline, "no .building-*/site appeared"
        time.sleep(0.01)
    os.killpg(build.pid, signal.SIGKILL)  # the build, its engine and its Chromium
    build.wait(timeout=30)
    assert built_files(project) == good


def test_two_builds_at_once_end_with_one_complete_site(rebuilt):
    project, good, _ = rebuilt
    builds = [_start(project), _start(project)]
    for build in builds:
        _, stderr = build.communicate(timeout=300)
        assert build.returncode == 0, stderr
    assert built_files(project) == good and not list(project.glob(".building-*"))


def test_a_step_that_raises_leaves_the_last_site_and_no_engine_running(rebuilt, monkeypatch):
    """Zensical's offline edition is still building when the web edition's finishing step raises."""
    project, good, _ = rebuilt
    started = []
    monkeypatch.setattr(
        build_step, "start_build", lambda *args: started.append(start_build(*args)) or started[-1]
    )
    monkeypatch.setattr(build_step, "finish", lambda *args, **kwargs: 1 / 0)
    monkeypatch.setattr(build_step.pdf, "available", lambda: False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(source_date_epoch(project)))
    monkeypatch.chdir(project)
    assert build_step.main(["--engine", "zensical"]) == 1 and len(started) == 2
    assert [engine.poll() is None for engine in started] == [False, False]
    assert built_files(project) == good and not list(project.glob(".building-*"))
