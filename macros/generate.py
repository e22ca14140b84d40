"""Files generated from data/ and committed, for the places that cannot read data/ at build time.

The theme's templates (overrides/) see no data/ files, so what they show from data/
is rendered here, once, into a committed partial:

    python -m macros.generate          # write every generated file
    python -m macros.generate --check  # exit 1, naming each file that is out of date

`make build` and `make offline` run the check; a test fails when a file is stale.
Each entry of GENERATED is (template in macros/templates/generated/, list in data/, output).
"""

import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from macros import contacts
from macros.data import LISTS, load_all

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).with_name("templates") / "generated"

GENERATED = [
    ("emergency-numbers.html.j2", "emergency_numbers", "overrides/partials/generated/emergency-numbers.html"),
]


def _jinja() -> Environment:
    jinja = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,  # generated files are HTML: every value from data/ is escaped
        keep_trailing_newline=True,
    )
    jinja.globals.update(link=contacts.link, by_number=contacts.by_number)
    return jinja


def render_all(root: Path = ROOT) -> dict[Path, str]:
    """Output path -> the text it should have."""
    lists = load_all(root / "data")
    jinja = _jinja()
    return {
        root / output: jinja.get_template(template).render(
            records=lists[name], source=f"data/{LISTS[name].file}"
        )
        for template, name, output in GENERATED
    }


def stale(root: Path = ROOT) -> list[Path]:
    """The generated files whose committed text differs from what data/ gives now."""
    return [
        path
        for path, text in render_all(root).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        out_of_date = stale()
        for path in out_of_date:
            print(
                f"{path.relative_to(ROOT)} is out of date with data/: run `python -m macros.generate`",
                file=sys.stderr,
            )
        return 1 if out_of_date else 0
    if argv:
        print("usage: python -m macros.generate [--check]", file=sys.stderr)
        return 2
    for path, text in render_all().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
