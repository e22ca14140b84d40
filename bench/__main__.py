"""`make bench`: measure what readers download and wait for, and how long builds take.

Prints a Markdown report and writes it to bench/RESULTS.md. A benchmark, not a test:
it reports PASS/FAIL against the budgets and always exits 0 once it has measured.
"""

import datetime as dt
import os
import platform
import shutil
import subprocess
import tempfile
from importlib.metadata import version
from pathlib import Path

from bench import against_baseline, build_time, engines, lighthouse
from bench.page_weight import chromium, first_visit, next_page
from bench.server import Ledger, handler_for
from build_steps.pdf import chromium_path
from tests.browser import serve
from tests.site import PAGES, ROOT

KIB = 1024
BUDGETS = {
    "first": 60 * KIB,  # first visit, any page, gzip
    "next": 8 * KIB,  # next page, warm cache
    "lighthouse": 100,  # every category, every page
    "build_ratio": 1.3,  # our build / plain Material build
    "scale_ratio": 12.0,  # 1,000 pages / 100 pages
}


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _kib(size: float) -> str:
    return f"{size / KIB:.1f} KiB"


def measure_pages(browser, site: Path) -> list[dict]:
    ledger = Ledger()
    rows = []
    with serve(site, handler_for(ledger)) as url:
        for index, (source, path) in enumerate(PAGES):
            previous = PAGES[index - 1][1] if index else PAGES[1][1]
            rows.append(
                {
                    "page": source,
                    "first": first_visit(browser, ledger, url + path),
                    "next": next_page(browser, ledger, url + previous, url + path),
                    "lighthouse": lighthouse.audit(url + path),
                }
            )
    return rows


def measure_stock(browser, workdir: Path) -> dict:
    """The same Markdown built with the stock Material config, home page, first visit."""
    project = build_time.plain_project(workdir)
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--quiet", "--site-dir", "_site"],
        cwd=project,
        env=build_time.ENV,
        check=True,
        capture_output=True,
    )
    ledger = Ledger()
    with serve(project / "_site", handler_for(ledger)) as url:
        weight = first_visit(browser, ledger, url)
        scores = lighthouse.audit(url)
    return {"first": weight, "lighthouse": scores}


def tool_versions() -> dict:
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    browser = subprocess.run([chromium_path() or "chromium", "--version"], capture_output=True, text=True)
    return {
        "Python": platform.python_version(),
        "MkDocs": version("mkdocs"),
        "Material for MkDocs": version("mkdocs-material"),
        "mkdocs-macros-plugin": version("mkdocs-macros-plugin"),
        "Playwright": version("playwright"),
        "Chromium": browser.stdout.strip().split("\n")[0],
        "Node.js": node,
        "Lighthouse": subprocess.run(
            [str(lighthouse.LIGHTHOUSE), "--version"], capture_output=True, text=True
        ).stdout.strip(),
    }


def _scores(scores: dict) -> str:
    return " / ".join(str(scores.get(name, "?")) for name in lighthouse_categories())


def lighthouse_categories() -> list[str]:
    return ["performance", "accessibility", "best-practices", "seo"]


def report(rows, stock, builds, scale, engine_results, baseline) -> str:
    worst_first = max(row["first"]["bytes"] for row in rows)
    worst_next = max(row["next"]["bytes"] for row in rows)
    lowest_score = min(min(row["lighthouse"]["scores"].values()) for row in rows)
    stock_scores = " / ".join(str(v) for v in stock["lighthouse"]["scores"].values())
    lines = [
        "# Benchmark results",
        "",
        f"Measured {dt.date.today()} by `make bench` on {os.cpu_count()} CPUs ({platform.machine()}). "
        "Page weight is counted at the wire by a loopback server that gzips like GitHub Pages "
        "(level 6, `Cache-Control: max-age=600`); Lighthouse runs in its default mobile mode.",
        "",
        "## Budgets",
        "",
        "| measure | budget | this site (worst page) | verdict | stock Material, same text |",
        "|---|---|---|---|---|",
        f"| first visit, any page, gzip | ≤ {_kib(BUDGETS['first'])} | {_kib(worst_first)} | "
        f"{_verdict(worst_first <= BUDGETS['first'])} | {_kib(stock['first']['bytes'])} "
        f"({stock['first']['requests']} requests answered, {stock['first']['third_party']} third-party) |",
        f"| next page, warm cache, gzip | ≤ {_kib(BUDGETS['next'])} | {_kib(worst_next)} | "
        f"{_verdict(worst_next <= BUDGETS['next'])} | — |",
        f"| Lighthouse mobile, every page | 100 in all four | lowest score {lowest_score} | "
        f"{_verdict(lowest_score >= BUDGETS['lighthouse'])} | {stock_scores} (home) |",
        f"| build time vs plain Material | ≤ {BUDGETS['build_ratio']}× | {builds['ratio']:.2f}× "
        f"({builds['ours']:.2f} s vs {builds['plain']:.2f} s, median of 5) | "
        f"{_verdict(builds['ratio'] <= BUDGETS['build_ratio'])} | 1.0× |",
        f"| 1,000 pages vs 100 pages | ≤ {BUDGETS['scale_ratio']:.0f}× | {scale['ratio']:.1f}× "
        f"({scale['1000']:.1f} s vs {scale['100']:.1f} s) | "
        f"{_verdict(scale['ratio'] <= BUDGETS['scale_ratio'])} | — |",
        "",
        *against_baseline.report(baseline),
        "## Every page",
        "",
        "| page | first visit | requests | next page (warm) | performance | accessibility "
        "| best practices | SEO | FCP | LCP | TBT | CLS |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        scores, metrics = row["lighthouse"]["scores"], row["lighthouse"]["metrics"]
        lines.append(
            f"| {row['page']} | {_kib(row['first']['bytes'])} | {row['first']['requests']} "
            f"| {_kib(row['next']['bytes'])} | {scores['performance']} | {scores['accessibility']} "
            f"| {scores['best-practices']} | {scores['seo']} | {metrics['FCP']} | {metrics['LCP']} "
            f"| {metrics['TBT']} | {metrics['CLS']} |"
        )
    failing = sorted({audit for row in rows for audit in row["lighthouse"]["failing"]})
    lines += ["", f"Lighthouse audits below full marks on some page: {', '.join(failing) or 'none'}.", ""]
    lines += engines.report(engine_results)
    lines += ["## Tools", ""] + [f"- {name}: {value}" for name, value in tool_versions().items()]
    return "\n".join(lines).replace("\xa0", " ") + "\n"


def main() -> None:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        raise SystemExit("Build the site first: make build")
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        with chromium() as browser:
            rows = measure_pages(browser, site)
            stock = measure_stock(browser, workdir / "stock")
            engine_results = engines.compare(browser, workdir / "engines")
            baseline = against_baseline.compare(browser)
        builds = build_time.ours_vs_plain(workdir / "builds")
        scale = build_time.scale(workdir / "scale")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    text = report(rows, stock, builds, scale, engine_results, baseline)
    Path(__file__).with_name("RESULTS.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
