"""Files generated from data/, committed, for what no macro can reach:
`python -m macros.generate` writes them, `python -m macros.generate --check` fails
naming each one that is stale (a test runs it too).

- includes/abbreviations.md: the glossary's abbreviations, which pymdownx.snippets
  appends to every page (mkdocs.yml, auto_append), so both engines show them.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

from macros.data import load_all
from macros.render import Renderer


@dataclass(frozen=True)
class Generated:
    output: str  # path in the project
    template: str  # in macros/templates/
    list_name: str  # the data list it is made from (a key of macros.data.LISTS)


GENERATED = [
    Generated("includes/abbreviations.md", "abbreviations.md.j2", "glossary"),
]


def render(root: Path, item: Generated, lists: dict) -> str:
    header = "<!-- Generated from data/ by `python -m macros.generate`; do not edit. -->\n"
    body = Renderer().render_template(item.template, records=lists[item.list_name])
    return header + body


def stale(root: Path) -> list[str]:
    lists = load_all(root / "data")
    problems = []
    for item in GENERATED:
        path = root / item.output
        if not path.is_file() or path.read_text(encoding="utf-8") != render(root, item, lists):
            problems.append(f"{item.output}: out of date; run `python -m macros.generate`")
    return problems


def write(root: Path) -> None:
    lists = load_all(root / "data")
    for item in GENERATED:
        path = root / item.output
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(root, item, lists), encoding="utf-8")


def main() -> int:
    root = Path.cwd()
    if "--check" in sys.argv:
        problems = stale(root)
        for problem in problems:
            print(f"ERROR - {problem}", file=sys.stderr)
        return 1 if problems else 0
    write(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
