"""This commit against earlier ones, in the same run: build time, lines of code and the
first visit of every page. bench/baseline.json names the commits and how each was built.

Each earlier commit is checked out as a temporary git worktree and built there with its
own build steps, using this checkout's virtual environment (a superset of theirs).
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench.page_weight import first_visit
from bench.server import Ledger, handler_for
from tests.browser import serve
from tests.site import ENV, PAGES, ROOT

BASELINE = json.loads(Path(__file__).with_name("baseline.json").read_text(encoding="utf-8"))
CURRENT_BUILD = [["-m", "build_steps.build"]]  # the check included
# What counts as code (issue 15): everything outside tests/, bench/, docs/ and data/
# that is Python, a script, a template or a theme override.
CODE = (".py", ".j2", ".html", ".js", ".css")


@contextmanager
def checkout(commit: str):
    folder = Path(tempfile.mkdtemp(prefix="bench-baseline-")) / "project"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(folder), commit], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)], check=True)


def build_seconds(project: Path, steps: list[list[str]], runs: int = 3) -> float:
    """Median wall time of the whole build (check, engines, PDF, zip) in project."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for step in steps:
            subprocess.run([sys.executable, *step], cwd=project, env=ENV, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def lines_of(commit: str) -> dict:
    """Lines of code and of tests at a commit, as `git ls-files … | xargs wc -l` counts them."""
    files = subprocess.run(
        ["git", "-C", str(ROOT), "ls-tree", "-r", "--name-only", commit],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()

    def count(names):
        return sum(
            subprocess.run(
                ["git", "-C", str(ROOT), "show", f"{commit}:{name}"], capture_output=True
            ).stdout.count(b"\n")
            for name in names
        )

    code = [
        f
        for f in files
        if not f.startswith(("tests/", "bench/", "docs/", "data/"))
        and (f.endswith(CODE) or f.startswith(("scripts/", "build_steps/", "overrides/")))
    ]
    return {"code": count(code), "tests": count([f for f in files if f.startswith("tests/")])}


def first_visits(browser, site: Path) -> dict[str, int]:
    ledger = Ledger()
    with serve(site, handler_for(ledger)) as url:
        return {source: first_visit(browser, ledger, url + path)["bytes"] for source, path in PAGES}


def compare(browser) -> dict:
    """For each baseline commit, and for this one: build seconds, lines, first visits."""
    results = {"now": {"build": build_seconds(ROOT, CURRENT_BUILD), **lines_of("HEAD")}}
    results["now"]["first"] = first_visits(browser, ROOT / "site")
    for name, baseline in BASELINE["commits"].items():
        with checkout(baseline["commit"]) as project:
            row = {"build": build_seconds(project, baseline["build"]), **lines_of(baseline["commit"])}
            row["first"] = first_visits(browser, project / "site")
        results[name] = row | {"commit": baseline["commit"], "why": baseline["why"]}
    return results


def report(results: dict) -> list[str]:
    now = results["now"]
    lines = ["## Against earlier commits, same run", ""]
    for name, budget in BASELINE["budgets"].items():
        before = results[budget["against"]]
        if name == "build_time_ratio":
            value = now["build"] / before["build"]
            shown = f"{now['build']:.1f} s vs {before['build']:.1f} s ({value:.2f}×, median of 3)"
        elif name in ("code_lines", "test_lines"):
            key = {"code_lines": "code", "test_lines": "tests"}[name]
            value = now[key]
            shown = f"{before[key]:,} → {value:,} lines"
        else:  # first-visit growth, worst page
            growths = {
                page: now["first"][page] - before["first"].get(page, now["first"][page])
                for page in now["first"]
            }
            worst = max(growths, key=growths.get)
            value = growths[worst]
            shown = f"{value:+,} B on {worst} (gzip)"
        verdict = "PASS" if value <= budget["max"] else "FAIL"
        lines.append(
            f"- {budget['what']} (≤ {budget['max']:,}, against {before['commit']}): {shown}: {verdict}"
        )
    return [*lines, ""]
