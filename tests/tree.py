"""A built tree, file by file, for the tests that compare builds byte for byte."""

import hashlib
from pathlib import Path


def tree(*folders: Path) -> dict[str, str]:
    """Each file's path (from its folder's parent) -> the sha256 of its bytes."""
    return {
        path.relative_to(folder.parent).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
