"""`make build` and `make offline`: build the guide strictly, one build at a time,
and replace the last good site/ and dist/ only with a complete new one.

    python -m scripts.build_site            # the offline edition into dist/, then site/
    python -m scripts.build_site --offline  # only the offline edition, into dist/

Everything is built beside its target under a temporary `.building-*` name, then
swapped in with one atomic rename. A build that fails, or is killed at any moment,
leaves the last complete site/ and dist/ as they were; the next build removes the
temporary folders it left behind. Two builds in one checkout take turns.
"""

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scripts.atomic import build_lock, publish
from scripts.reproducible import source_date_epoch, write_zip

ROOT = Path.cwd()
SITE = ROOT / "site"
DIST = ROOT / "dist"
OFFLINE_NAME = "hyper-independence-guide-offline"
PDF_NAME = "hyper-independence-guide.pdf"
TEMP = ".building-"  # prefix of every temporary folder or file; a leftover is always stale
LOCK_FILE = ROOT / ".build.lock"


class BuildFailed(Exception):
    pass


# The engines, from one mkdocs.yml. Zensical has no --site-dir option: both read
# the folder from SITE_DIR (mkdocs.yml, site_dir), which must be inside the project.
ENGINES = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict"],
    "zensical": [str(Path(sys.executable).parent / "zensical"), "build", "--clean", "--strict"],
}


def engine_build(site_dir: Path, env: dict) -> None:
    """A strict build of the site into `site_dir` by env["ENGINE"], then the finishing
    step every engine's output goes through (macros/finish.py: minify, policies)."""
    engine = env["ENGINE"]
    steps = [ENGINES[engine], [sys.executable, "-m", "macros.finish", str(site_dir)]]
    for step in steps:
        if subprocess.run(step, env={**env, "SITE_DIR": str(site_dir.relative_to(ROOT))}).returncode != 0:
            raise BuildFailed(f"{engine} build failed; {site_dir.relative_to(ROOT)} was not published")


def build_pdf(env: dict) -> Path | None:
    """The PDF edition: Chromium prints the whole-guide page of a first web build. That
    build links to no PDF (its size is not known yet), so the PDF never names its own
    size; the real builds then link to it with its size (PDF_SIZE). Without a Chromium,
    macros.pdf says so and makes none: the site builds without it (None)."""
    folder, output = ROOT / f"{TEMP}pdf-site", ROOT / f"{TEMP}pdf" / PDF_NAME
    engine_build(folder, {**env, "PDF_SIZE": "0"})
    output.parent.mkdir()
    checkpoint("pdf-print")
    if subprocess.run([sys.executable, "-m", "macros.pdf", str(folder), str(output)], env=env).returncode:
        raise BuildFailed("the PDF edition could not be made; nothing was published")
    _remove(folder)
    return output if output.is_file() else None


def _add_pdf(folder: Path, pdf: Path | None) -> None:
    if pdf is not None:
        (folder / "downloads").mkdir(exist_ok=True)
        shutil.copyfile(pdf, folder / "downloads" / pdf.name)


def build_offline(env: dict, pdf: Path | None) -> Path:
    """The offline edition (opens from file://, search included) and its zip, into a
    new dist/ that replaces the old one whole, so the folder and the zip always match.
    Returns the zip."""
    staging = ROOT / f"{TEMP}dist"
    folder, zip_path = staging / OFFLINE_NAME, staging / f"{OFFLINE_NAME}.zip"
    engine_build(folder, {**env, "OFFLINE": "true"})
    _add_pdf(folder, pdf)
    # A smaller download: readers need no source maps, and search needs no
    # other-language packs (the guide is in English). Three-quarters of the zip.
    for source_map in folder.rglob("*.map"):
        source_map.unlink()
    shutil.rmtree(folder / "assets" / "javascripts" / "lunr", ignore_errors=True)
    checkpoint("offline-zip")
    write_zip(folder, zip_path, int(env["SOURCE_DATE_EPOCH"]))
    if pdf is not None:
        shutil.copyfile(pdf, staging / pdf.name)
    checkpoint("offline-swap")
    _publish(staging, DIST)
    return DIST / zip_path.name


def build_web(env: dict, offline_zip: Path, pdf: Path | None) -> None:
    """The web site into site/, with the offline zip and the PDF in its downloads/."""
    folder = ROOT / f"{TEMP}site"
    checkpoint("web-mkdocs")
    engine_build(folder, env)
    (folder / "downloads").mkdir(exist_ok=True)
    shutil.copyfile(offline_zip, folder / "downloads" / offline_zip.name)
    _add_pdf(folder, pdf)
    checkpoint("web-swap")
    _publish(folder, SITE)


def _publish(new: Path, target: Path) -> None:
    old = publish(new, target)
    checkpoint(f"after-swap:{target.name}")
    if old is not None:
        _remove(old)


def remove_leftovers() -> None:
    """Temporary folders and files a killed or failed build left behind."""
    for leftover in ROOT.glob(f"{TEMP}*"):
        _remove(leftover)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def checkpoint(name: str) -> None:
    """Test-only pause point: with BUILD_PAUSE_AT=name the build waits here
    (BUILD_PAUSE_SECONDS, default 600), so a test can kill it, or start a second
    build, at a known step (tests/test_atomic_build.py)."""
    if os.environ.get("BUILD_PAUSE_AT") == name:
        print(f"BUILD PAUSED AT {name}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("BUILD_PAUSE_SECONDS", "600")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offline", action="store_true", help="build only the offline edition")
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs", help="the engine that builds the site")
    args = parser.parse_args(argv)
    with build_lock(LOCK_FILE):
        remove_leftovers()
        epoch = source_date_epoch(ROOT)
        build_date = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
        print(f"Build date (SOURCE_DATE_EPOCH={epoch}): {build_date}", file=sys.stderr, flush=True)
        # BUILD_DATE: mkdocs.yml hands it to the templates (extra.build_date) in both engines.
        # " UTC" keeps YAML from reading it as a date, which Zensical's config cannot hold.
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "BUILD_DATE": f"{build_date.isoformat()} UTC"}
        env["ENGINE"] = args.engine
        try:
            pdf = build_pdf(env)
            env["PDF_SIZE"] = str(pdf.stat().st_size if pdf else 0)
            offline_zip = build_offline(env, pdf)
            if not args.offline:
                build_web(env, offline_zip, pdf)
            remove_leftovers()  # the PDF's own staging folder
        except BuildFailed as error:
            remove_leftovers()
            print(error, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
