"""MkDocs and Zensical side by side, on the same run: build time and first-visit bytes.

Both build the same copy of the project through the same finishing step
(macros/finish.py), as `make build` and `make build ENGINE=zensical` do.
"""

import statistics
import subprocess
import time
from pathlib import Path

from bench.build_time import ENV
from bench.page_weight import first_visit
from bench.server import Ledger, handler_for
from tests.browser import serve
from tests.site import VENV, copy_project

ENGINES = {
    "MkDocs": [str(VENV / "bin" / "mkdocs"), "build", "--strict", "--quiet"],
    "Zensical": [str(VENV / "bin" / "zensical"), "build", "--clean", "--strict"],
}
PAGES = [("index.md", ""), ("signs.md", "signs/")]


def _build(project: Path, command: list[str], site_dir: str) -> float:
    start = time.perf_counter()
    for step in (command, [str(VENV / "bin" / "python"), "-m", "macros.finish", site_dir]):
        subprocess.run(step, cwd=project, env={**ENV, "SITE_DIR": site_dir}, check=True, capture_output=True)
    return time.perf_counter() - start


def compare(browser, workdir: Path, runs: int = 5) -> dict:
    """engine -> median build seconds (engine + finishing step) and first-visit bytes per page."""
    project = copy_project(workdir / "engines")
    results = {}
    for engine, command in ENGINES.items():
        site_dir = f"_site-{engine.lower()}"
        seconds = statistics.median(_build(project, command, site_dir) for _ in range(runs))
        ledger = Ledger()
        with serve(project / site_dir, handler_for(ledger)) as url:
            weights = {source: first_visit(browser, ledger, url + path)["bytes"] for source, path in PAGES}
        results[engine] = {"seconds": seconds, "first": weights}
    return results


def report(results: dict) -> list[str]:
    lines = [
        "## MkDocs and Zensical, same run",
        "",
        "Each engine builds the same copy of the project, then the same finishing step runs "
        "(median of 5 builds; first visit gzipped, empty cache).",
        "",
        "| engine | build time | " + " | ".join(f"first visit, {source}" for source, _ in PAGES) + " |",
        "|---|---|" + "---|" * len(PAGES),
    ]
    for engine, result in results.items():
        weights = " | ".join(f"{result['first'][source] / 1024:.1f} KiB" for source, _ in PAGES)
        lines.append(f"| {engine} | {result['seconds']:.2f} s | {weights} |")
    return lines + [""]
