"""Everything `make` runs, none of it called by a page. Every refusal is a Problem (file,
line, message), reported by report(): one line each, and inside GitHub Actions an
annotation on that file and line plus the job summary."""

import os
import sys
from pathlib import Path

from macros.load import Problem


def line_holding(path: Path, needle: str) -> int | None:
    """The first line of a file that holds `needle` (case-insensitive), to point at."""
    lines = path.read_text(encoding="utf-8").lower().splitlines() if needle and path.is_file() else []
    return next((number for number, line in enumerate(lines, start=1) if needle.lower() in line), None)


def _escape(value: str, properties: bool = False) -> str:
    """GitHub's workflow-command escaping (its toolkit's escapeData and escapeProperty)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if properties else value


def report(problems: list[Problem], step: str) -> int:
    """Print every problem; 1 if there were any. `step` says what stopped, in plain words."""
    for problem in problems:
        print(f"ERROR - {problem}", file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            where = f"file={_escape(problem.file, True)}" + (f",line={problem.line}" if problem.line else "")
            print(f"::error {where},title={_escape(step, True)}::{_escape(problem.message)}", flush=True)
        if problems and (summary := os.environ.get("GITHUB_STEP_SUMMARY")):
            items = "".join(f"- {problem}\n" for problem in problems)  # "- data/signs.yml: line 3: ..."
            with open(summary, "a", encoding="utf-8") as out:
                out.write(f"### {step}: {len(problems)} problem(s) to fix\n\n{items}\n")
    return 1 if problems else 0
