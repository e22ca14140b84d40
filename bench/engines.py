"""MkDocs and Zensical side by side, on the same run: build time and first-visit bytes.

Both build the same copy of the project with the one table of engine commands
(build_steps/engines.py), then the same finishing step, as `make build` does.
"""

import statistics
import time
from pathlib import Path

from bench.page_weight import first_visit
from bench.server import Ledger, handler_for
from build_steps.engines import ENGINES, start_build
from build_steps.finish import finish
from build_steps.generate import write_banner
from tests.browser import serve
from tests.site import ENV, copy_project

PAGES = [("index.md", ""), ("signs.md", "signs/")]


def _build(project: Path, engine: str, site_dir: Path) -> float:
    start = time.perf_counter()
    build = start_build(engine, project, site_dir, ENV)
    build.communicate()
    assert build.returncode == 0, engine
    assert finish(site_dir, project) == [], engine
    return time.perf_counter() - start


def compare(browser, workdir: Path, runs: int = 5) -> dict:
    """engine -> median build seconds (engine + finishing step) and first-visit bytes per page."""
    project = copy_project(workdir / "engines")
    write_banner(project)
    results = {}
    for engine in ENGINES:
        site_dir = project / f"_site-{engine}"
        seconds = statistics.median(_build(project, engine, site_dir) for _ in range(runs))
        ledger = Ledger()
        with serve(site_dir, handler_for(ledger)) as url:
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
