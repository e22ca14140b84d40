"""Same commit, same bytes: two builds at different times give identical site/ and zip."""

import datetime as dt
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from scripts.reproducible import source_date_epoch, write_zip
from tests.site import copy_project, make_build, tree_digest

ZIP = Path("dist") / "hyper-independence-guide-offline.zip"


def test_two_builds_at_different_times_are_byte_identical(built_copy, web_url, tmp_path):
    """`make build` again, seconds later and in another folder: every file of site/
    (sitemap.xml and .gz included) and the offline zip are the same bytes."""
    project = copy_project(tmp_path / "again")
    time.sleep(2)  # a later wall-clock time: a build that dates anything by the clock differs
    result = make_build(project, site_url=web_url)
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = tree_digest(built_copy / "site"), tree_digest(project / "site")
    assert {"sitemap.xml", "sitemap.xml.gz", "downloads/hyper-independence-guide-offline.zip"} <= set(first)
    assert first == second, [path for path in first if first[path] != second.get(path)]
    assert (built_copy / ZIP).read_bytes() == (project / ZIP).read_bytes()


def test_the_sitemap_is_dated_by_the_build_date_not_the_clock(built_copy):
    stderr_epoch = source_date_epoch(built_copy)
    build_day = dt.datetime.fromtimestamp(stderr_epoch, dt.UTC).date().isoformat()
    sitemap = (built_copy / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{build_day}</lastmod>" in sitemap
    assert dt.date.today().isoformat() == build_day or dt.date.today().isoformat() not in sitemap


# -- The zip --------------------------------------------------------------------------------


def _folder(root: Path, mtime: float) -> Path:
    folder = root / "edition"
    (folder / "b").mkdir(parents=True)
    for name, text in [("z.html", "z"), ("a.html", "a"), ("b/c.txt", "c")]:
        (folder / name).write_text(text)
    for path in [*folder.rglob("*"), folder]:
        os.utime(path, (mtime, mtime))
    (folder / "a.html").chmod(0o600)
    return folder


def test_zip_depends_only_on_the_files(tmp_path):
    one = _folder(tmp_path / "one", 1_000_000_000)
    two = _folder(tmp_path / "two", 1_700_000_000)
    write_zip(one, tmp_path / "one.zip", 1_795_650_788)
    write_zip(two, tmp_path / "two.zip", 1_795_650_788)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        infos = archive.infolist()
        assert [info.filename for info in infos] == [
            "edition/",
            "edition/a.html",
            "edition/b/",
            "edition/b/c.txt",
            "edition/z.html",
        ]
        assert {info.date_time for info in infos} == {(2026, 11, 25, 23, 53, 8)}
        assert {info.external_attr >> 16 for info in infos if not info.is_dir()} == {0o100644}
        assert archive.read("edition/b/c.txt") == b"c"


def test_zip_dates_before_1980_become_1980(tmp_path):
    write_zip(_folder(tmp_path, 0), tmp_path / "old.zip", 0)
    with zipfile.ZipFile(tmp_path / "old.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_negative_control_the_old_zip_command_depends_on_file_times(tmp_path):
    """What the Makefile used to run: same files, other times, other bytes."""
    zips = []
    for name, mtime in [("one", 1_000_000_000), ("two", 1_700_000_000)]:
        folder = _folder(tmp_path / name, mtime)
        target = tmp_path / f"{name}.zip"
        subprocess.run([sys.executable, "-m", "zipfile", "-c", str(target), str(folder)], check=True)
        zips.append(target.read_bytes())
    assert zips[0] != zips[1]


# -- The build date -------------------------------------------------------------------------


def _git(project: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_COMMITTER_DATE": "2027-03-04T05:06:07Z",
    }
    return subprocess.run(
        ["git", "-C", str(project), *args], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture
def no_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_build_date_is_the_last_commit_in_a_checkout(tmp_path, no_epoch):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Hi\n")
    _git(project, "init", "--quiet")
    _git(project, "add", ".")
    _git(project, "commit", "--quiet", "-m", "one")
    (project / "docs" / "index.md").write_text("# Changed later\n")  # the clock moves on; the date does not
    assert source_date_epoch(project) == int(dt.datetime(2027, 3, 4, 5, 6, 7, tzinfo=dt.UTC).timestamp())


def test_build_date_without_git_is_the_newest_source_file(tmp_path, no_epoch):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "data").mkdir()
    for path, mtime in [
        (project / "docs" / "a.md", 1_700_000_000),
        (project / "data" / "b.yml", 1_700_000_500),
    ]:
        path.write_text("x")
        os.utime(path, (mtime, mtime))
    (project / "site.txt").write_text("not a source")  # newer, but not what the site is built from
    assert source_date_epoch(project) == 1_700_000_500


def test_a_copy_inside_another_repository_does_not_take_its_date(tmp_path, no_epoch):
    outer = tmp_path / "outer"
    outer.mkdir()
    (outer / "readme").write_text("x")
    _git(outer, "init", "--quiet")
    _git(outer, "add", ".")
    _git(outer, "commit", "--quiet", "-m", "outer")
    project = outer / "project" / "docs"
    project.mkdir(parents=True)
    (project / "a.md").write_text("x")
    os.utime(project / "a.md", (1_600_000_000, 1_600_000_000))
    assert source_date_epoch(outer / "project") == 1_600_000_000


def test_source_date_epoch_from_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert source_date_epoch(tmp_path) == 1234567890
