"""Lighthouse (npm, pinned in package.json) in its default mobile mode, on one page."""

import json
import os
import subprocess
from pathlib import Path

from build_steps.pdf import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
}


def audit(url: str) -> dict:
    """Scores (0-100) per category and the four metrics, as Lighthouse displays them."""
    env = {**os.environ}
    if chromium_path():
        env["CHROME_PATH"] = chromium_path()
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {short: report["audits"][audit_id]["displayValue"] for short, audit_id in METRICS.items()}
    failing = [
        audit_id
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"])
        and (report["audits"][audit_id]["score"] or 0) < 1
        and report["audits"][audit_id]["scoreDisplayMode"] in {"binary", "numeric"}
    ]
    return {"scores": scores, "metrics": metrics, "failing": failing}
