"""Same commit, same bytes: the build's date and a zip that depends only on its files.

Every date the build writes (the sitemap's, the "due for review" note's) comes from
SOURCE_DATE_EPOCH, the time of the last commit, never from the clock."""

import os
import subprocess
import time
import zipfile
from pathlib import Path

# What the site is built from: with no git history, the newest of these dates the build.
SOURCE_PARTS = ["mkdocs.yml", "docs", "data", "macros", "overrides"]
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH if it is set; else the last commit's time when `root` is a
    git checkout; else the newest modification time of the site's sources."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    commit_time = _last_commit_time(root)
    if commit_time is not None:
        return commit_time
    return _newest_source_mtime(root)


def _last_commit_time(root: Path) -> int | None:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        # Only this project's own history: a copy inside another repository is not a checkout.
        if Path(git("rev-parse", "--show-toplevel")).resolve() != root.resolve():
            return None
        return int(git("log", "-1", "--format=%ct"))
    except (OSError, ValueError, subprocess.CalledProcessError):
        return None


def _newest_source_mtime(root: Path) -> int:
    newest = 0.0
    for part in SOURCE_PARTS:
        path = root / part
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        newest = max([newest, *(file.stat().st_mtime for file in files)])
    return int(newest)


def write_zip(folder: Path, zip_path: Path, epoch: int) -> None:
    """Zip `folder`, under its own name, so that the same files always give the same
    bytes: entries in sorted order, all dated `epoch`, with fixed permissions."""
    date_time = max(time.gmtime(epoch)[:6], ZIP_EPOCH)
    paths = sorted(folder.rglob("*"), key=lambda path: path.relative_to(folder).as_posix())
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        _add(archive, f"{folder.name}/", None, date_time)
        for path in paths:
            name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            if path.is_dir():
                _add(archive, name + "/", None, date_time)
            else:
                _add(archive, name, path.read_bytes(), date_time)


def _add(archive: zipfile.ZipFile, name: str, data: bytes | None, date_time: tuple) -> None:
    info = zipfile.ZipInfo(name, date_time)
    info.create_system = 3  # Unix, so the permissions below are read everywhere
    if data is None:
        info.external_attr = (0o40755 << 16) | 0x10  # a folder: drwxr-xr-x, and the MS-DOS folder flag
        archive.writestr(info, b"")
    else:
        info.external_attr = 0o100644 << 16  # a file: -rw-r--r--
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, data)
