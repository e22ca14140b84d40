"""Growth budgets: how much each page's first visit has grown since a recorded baseline.

bench/baseline.json holds the first-visit bytes (gzip) of every page at one commit,
measured by the same gzip server, and that run's Lighthouse scores. Issue 10 (tap to
call, the self-check, the PDF, print, sharing) may add at most 3 KiB to the Signs page
and 1 KiB to any other page, and no Lighthouse score may drop.
"""

import json
from pathlib import Path

KIB = 1024
BASELINE = Path(__file__).with_name("baseline.json")
BUDGET = {"signs.md": 3 * KIB}  # the self-check lives there
DEFAULT_BUDGET = 1 * KIB


def growth(rows: list[dict]) -> tuple[dict, list[dict]]:
    """The baseline, and one row per page: baseline, now, growth, budget, within budget."""
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    table = []
    for row in rows:
        before = baseline["first_visit_bytes"].get(row["page"])
        if before is None:
            continue
        now = row["first"]["bytes"]
        budget = BUDGET.get(row["page"], DEFAULT_BUDGET)
        table.append(
            {
                "page": row["page"],
                "before": before,
                "now": now,
                "growth": now - before,
                "budget": budget,
                "scores_before": baseline.get("lighthouse", {}).get(row["page"], {}),
                "scores_now": row["lighthouse"]["scores"],
            }
        )
    return baseline, table


def measure_baseline(site: Path, commit: str) -> dict:
    """First-visit bytes of every page of a site built from commit (to write bench/baseline.json)."""
    from bench.page_weight import chromium, first_visit
    from bench.server import Ledger, handler_for
    from tests.browser import serve
    from tests.site import PAGES

    ledger = Ledger()
    with chromium() as browser, serve(site, handler_for(ledger)) as url:
        sizes = {source: first_visit(browser, ledger, url + path)["bytes"] for source, path in PAGES}
    return {"commit": commit, "first_visit_bytes": sizes}  # add "lighthouse" from that commit's RESULTS.md


if __name__ == "__main__":  # python -m bench.growth SITE_DIR COMMIT > bench/baseline.json
    import sys

    print(json.dumps(measure_baseline(Path(sys.argv[1]), sys.argv[2]), indent=2))
