"""Files generated from data/ and committed, for what no macro can reach:

- overrides/partials/generated/emergency-numbers.html: the banner's numbers (the
  theme's templates see no data/ files);
- includes/abbreviations.md: the glossary's abbreviations, which pymdownx.snippets
  appends to every page (mkdocs.yml, auto_append), so both engines show them;
- schemas/*.schema.json: the data files' JSON Schemas, for editors (macros/schemas.py).

    python -m macros.generate          # write every generated file
    python -m macros.generate --check  # exit 1, naming each file that is out of date

The check step (python -m macros.check) refuses to build while one is stale.
"""

import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from macros import contacts, schemas
from macros.data import LISTS, load_all

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).with_name("templates") / "generated"

# (template in macros/templates/generated/, list in data/, output in the project)
GENERATED = [
    ("emergency-numbers.html.j2", "emergency_numbers", "overrides/partials/generated/emergency-numbers.html"),
    ("abbreviations.md.j2", "glossary", "includes/abbreviations.md"),
]


def _jinja() -> Environment:
    jinja = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,  # every value from data/ is escaped
        keep_trailing_newline=True,
    )
    jinja.globals.update(link=contacts.link, by_number=contacts.by_number)
    return jinja


def render_all(root: Path = ROOT) -> dict[Path, str]:
    """Output path -> the text it should have."""
    lists = load_all(root / "data")
    jinja = _jinja()
    files = {
        root / output: jinja.get_template(template).render(
            records=lists[name], source=f"data/{LISTS[name].file}"
        )
        for template, name, output in GENERATED
    }
    return files | schemas.render_all(root)


def stale(root: Path = ROOT) -> list[str]:
    """One message per generated file whose committed text differs from what data/ gives now."""
    return [
        f"{path.relative_to(root)}: out of date with data/; run `python -m macros.generate`"
        for path, text in render_all(root).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        problems = stale()
        for problem in problems:
            print(f"ERROR - {problem}", file=sys.stderr)
        return 1 if problems else 0
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
