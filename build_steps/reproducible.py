"""Same commit, same bytes: every date the build writes comes from SOURCE_DATE_EPOCH,
the time of the last commit, never from the clock; the zip is byte-stable (repro-zipfile)."""

import os
import subprocess
from pathlib import Path
from zipfile import ZIP_DEFLATED

from repro_zipfile import ReproducibleZipFile


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time (the tests copy .git or set it)."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    log = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    if log.returncode or not log.stdout.strip():
        raise SystemExit("No date to build with: run in a git checkout, or set SOURCE_DATE_EPOCH.")
    return int(log.stdout)


def write_zip(folder: Path, zip_path: Path) -> None:
    """Zip `folder` under its own name; entries sorted, dated SOURCE_DATE_EPOCH (repro-zipfile reads it)."""
    with ReproducibleZipFile(zip_path, "w", compression=ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
