"""The banner's emergency numbers for the theme (which sees no data/), from
data/crisis_lines.yml, before every build and every `make serve` rebuild; never committed.

    python -m build_steps.generate            # the banner partial
    python -m build_steps.generate --schemas  # also rewrite schemas/ (after changing macros/records.py)
"""

import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from build_steps import json_schemas, report
from macros import contacts
from macros.load import Refused, load_all

BANNER = Path("overrides/partials/generated/emergency-numbers.html")


def write_banner(root: Path) -> None:
    templates = FileSystemLoader(Path(__file__).with_name("templates"))
    # Every value from data/ is escaped.
    jinja = Environment(
        loader=templates, undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True
    )
    numbers = contacts.by_number(load_all(root / "data")["emergency_numbers"])
    text = jinja.get_template("emergency-numbers.html.j2").render(
        numbers=numbers, source="data/crisis_lines.yml"
    )
    path = root / BANNER
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:  # live reload follows overrides/
        path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    root = Path.cwd()
    try:
        write_banner(root)
    except Refused as error:
        return report(error.problems, "Writing the banner")
    if argv == ["--schemas"]:
        for path, text in json_schemas.render_all(root).items():
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
