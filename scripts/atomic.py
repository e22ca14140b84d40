"""One build at a time, and a new site/ that replaces the old one in a single step."""

import ctypes
import errno
import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

AT_FDCWD = -100  # renameat2: paths relative to the current folder
RENAME_EXCHANGE = 2  # Linux: swap the two paths atomically
RENAME_SWAP = 0x2  # macOS renamex_np: the same


@contextmanager
def build_lock(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_file` for the whole build. A second build in the
    same checkout says so and waits. The kernel lets go of the lock when the process
    ends, however it ends, so a killed build never leaves the checkout locked."""
    with open(lock_file, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                "Another build is running in this checkout: waiting for it to finish.",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def exchange(first: Path, second: Path) -> None:
    """Swap two existing paths in one step: anyone looking sees one or the other, never neither."""
    libc = ctypes.CDLL(None, use_errno=True)
    a, b = os.fsencode(first), os.fsencode(second)
    if sys.platform.startswith("linux"):
        result = libc.renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)
    elif sys.platform == "darwin":
        result = libc.renamex_np(a, b, RENAME_SWAP)
    else:
        raise OSError(errno.ENOSYS, f"no atomic swap on {sys.platform}")
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), f"{first} <-> {second}")


def publish(new: Path, target: Path) -> Path | None:
    """Put the folder `new` in place of the folder `target` atomically. Returns where
    the old `target` now is (it has swapped places with `new`), for the caller to
    delete, or None when there was no old target."""
    if not target.exists():
        os.rename(new, target)
        return None
    try:
        exchange(new, target)
        return new
    except (OSError, AttributeError) as error:  # a system or file system with no swap
        old = new.with_name(new.name + "-old")
        print(f"Note: no atomic swap here ({error}); replacing {target.name} in two steps.", file=sys.stderr)
        os.rename(target, old)
        os.rename(new, target)
        return old
