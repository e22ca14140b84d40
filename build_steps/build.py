"""`make build`: the check, then the web edition (site/, with the offline zip and the PDF in its
downloads/) and the offline edition (dist/, which opens from file://), built strictly by one
engine (`python -m build_steps.build [--engine zensical]`). Chromium prints the PDF from the
web build; without one, no page links to a PDF. All is built in a `.building-*` folder renamed
into place, so a failed or killed build leaves the last complete site/ and dist/; builds in one
checkout take turns (filelock)."""

import argparse
import datetime as dt
import logging
import os
import re
import shutil
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from functools import partial
from pathlib import Path

from filelock import FileLock

from build_steps import generate, line_holding, pdf, report
from build_steps.check import check_project
from build_steps.engines import ENGINES, start_build
from build_steps.finish import finish, write_pdf_size
from build_steps.reproducible import source_date_epoch, write_zip
from macros.load import Problem, Refused

OFFLINE_NAME = "hyper-independence-guide-offline"
PDF_NAME = "hyper-independence-guide.pdf"
log = logging.getLogger("build_steps.build")


def engine_problems(output: str, root: Path) -> list[Problem]:
    """The engine's warnings and errors (with their indented lines), each on the page it
    names, on the line that holds the link it names; else on mkdocs.yml."""
    messages: list[str] = []
    for line in re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines():  # without Zensical's colours
        if re.match(r"\s*(WARNING|ERROR|Warning:|\w*Error\b|Aborted)", line):
            messages.append(re.sub(r"^\s*(WARNING|ERROR)\s*-\s*", "", line).strip())
        elif messages and line.startswith((" ", "\t")) and line.strip():
            messages[-1] += " " + line.strip()
    problems = []
    for message in messages or [(output.strip() or "the engine failed").splitlines()[-1]]:
        page = re.search(r"Doc file '([^']+)'.*?'([^']+)'", message)  # the page, and the link on it
        file = f"docs/{page[1]}" if page else "mkdocs.yml"
        problems.append(Problem(file, message, page and line_holding(root / file, page[2])))
    return problems


def build(root: Path, engine: str, env: dict, staging: Path) -> tuple[str, list[Problem]]:
    """(the step that stopped, its problems), or ("", []) when site/ and dist/ are new."""
    web, offline = staging / "site", staging / "dist" / OFFLINE_NAME
    pdf_file = web / "downloads" / PDF_NAME if env["PDF_EDITION"] == "true" else None
    try:
        generate.write_banner(root)
    except Refused as error:  # bad data: the check names every problem
        return "The check before the build", check_project(root) or error.problems
    # Both editions at once (one core each), but Zensical's one after the other: each empties the
    # project's one .cache (--clean) as it starts. Meanwhile the check runs here, and Chromium starts
    # in a thread to print the PDF as soon as the web edition is built.
    start_offline = partial(start_build, engine, root, offline, {**env, "OFFLINE": "true"})
    web_built, problems = Future(), []
    with ExitStack() as running, ThreadPoolExecutor(1) as thread:  # on the way out, both engines end
        web_build = running.enter_context(start_build(engine, root, web, env))
        offline_build = engine == "mkdocs" and running.enter_context(start_offline())
        if pdf_file:
            printing = thread.submit(pdf.make_pdf, web, pdf_file, root / "data", web_built.result)
        try:
            problems = check_project(root, render=False)  # the engines render the pages
            outputs = [web_build.communicate()[0]]
        finally:
            web_built.set_result(not problems and web_build.returncode == 0)
        offline_build = offline_build or running.enter_context(start_offline())
        finished = finish(web, root) if web_built.result() else []  # while the offline edition builds
        outputs.append(offline_build.communicate()[0])
        if failed := web_build.returncode or offline_build.returncode:
            problems = check_project(root)  # the whole check, which names a bad macro call's line
        if problems:
            return "The check before the build", problems
        if failed:
            return "The build", engine_problems("\n".join(outputs), root)
        problems = finished + finish(offline, root, offline=True)
        if pdf_file:
            printing.result()
    if problems:
        return "The build", problems
    # A smaller download: readers need no source maps, and search needs no other-language
    # packs (the guide is in English). Three-quarters of the zip.
    for source_map in offline.rglob("*.map"):
        source_map.unlink()
    shutil.rmtree(offline / "assets" / "javascripts" / "lunr", ignore_errors=True)
    if pdf_file:
        write_pdf_size(staging, pdf_file.stat().st_size)  # in both editions
        (offline / "downloads").mkdir(exist_ok=True)
        shutil.copyfile(pdf_file, offline / "downloads" / PDF_NAME)
        shutil.copyfile(pdf_file, offline.parent / PDF_NAME)
    write_zip(offline, offline.parent / f"{OFFLINE_NAME}.zip")
    (web / "downloads").mkdir(exist_ok=True)
    shutil.copyfile(offline.parent / f"{OFFLINE_NAME}.zip", web / "downloads" / f"{OFFLINE_NAME}.zip")
    for new, target in ((offline.parent, root / "dist"), (web, root / "site")):
        if target.exists():
            os.rename(target, staging / f"old-{target.name}")
        os.rename(new, target)
    return "", []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs", help="the engine that builds the site")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)s - %(message)s")
    logging.getLogger("build_steps").setLevel(logging.INFO)  # the check's notices, e.g. a review due
    root = Path.cwd()
    with FileLock(root / ".build.lock"):
        for leftover in root.glob(".building-*"):  # from a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        epoch = source_date_epoch(root)
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # also for the zip and the PDF, made in this process
        day = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
        # BUILD_DATE: extra.build_date in both engines; " UTC" keeps YAML from reading it as a
        # date, which Zensical's config cannot hold.
        env = {**os.environ, "BUILD_DATE": f"{day} UTC", "PDF_EDITION": str(pdf.available()).lower()}
        log.info(f"Build date (SOURCE_DATE_EPOCH={epoch}): {day}")
        if env["PDF_EDITION"] == "false":
            log.info("PDF edition skipped: no Chromium to print it with (set CHROMIUM=/path/to/chromium).")
        if missing := [name for name in ("SITE_URL", "REPO_URL") if not env.get(name)]:
            log.info(f"No {' or '.join(missing)}: the build writes no absolute link to itself.")
        if env.get("REPO_URL"):
            env.setdefault("EDIT_URI", "edit/main/docs/")
        staging = Path(tempfile.mkdtemp(prefix=".building-", dir=root))
        try:
            step, problems = build(root, args.engine, env, staging)
        except Exception as error:  # anything else: its problems, or what it was, on the config
            step, problems = "The build", getattr(error, "problems", [Problem("mkdocs.yml", f"{error!r}")])
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        if report(problems, step):
            print("The build failed; site/ and dist/ were not changed.", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
