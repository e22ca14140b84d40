"""The one table of engine commands: `make build`, the tests and the bench all read it.
Both build from mkdocs.yml; Zensical has no --site-dir, so both read SITE_DIR (inside the project)."""

import sys
from pathlib import Path
from subprocess import PIPE, STDOUT, Popen

BIN = Path(sys.executable).parent
ENGINES = {
    "mkdocs": [str(BIN / "mkdocs"), "build", "--strict"],
    "zensical": [str(BIN / "zensical"), "build", "--clean", "--strict"],
}


def start_build(engine: str, project: Path, site_dir: Path, env: dict) -> Popen:
    """Start a strict build of `project` into `site_dir` (inside it) by `engine`, output captured."""
    relative = str(site_dir.resolve().relative_to(project.resolve()))
    env = {**env, "SITE_DIR": relative, "NO_MKDOCS_2_WARNING": "1"}
    return Popen(ENGINES[engine], cwd=project, env=env, stdout=PIPE, stderr=STDOUT, text=True)
