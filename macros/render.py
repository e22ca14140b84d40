"""Turn checked records into Markdown through the Jinja templates in templates/."""

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup

from macros import contacts
from macros.records import Record

TEMPLATES_DIR = Path(__file__).parent / "templates"
# The theme's partials that pages share with the theme (dates.html: how a date is written).
THEME_PARTIALS = Path(__file__).resolve().parents[1] / "overrides" / "partials"

# Macro name -> its template. Several lists share the same shape.
TEMPLATE_FOR = {
    "signs": "explained.md.j2",
    "conditions": "explained.md.j2",
    "self_care": "explained.md.j2",
    "seek_help": "explained.md.j2",
    "therapies": "therapies.md.j2",
    "emergency_numbers": "emergency_numbers.md.j2",
    "crisis_lines": "crisis_lines.md.j2",
    "helpline_directories": "helpline_directories.md.j2",
    "sources": "sources.md.j2",
    "glossary": "glossary.md.j2",
    "care_levels": "care_levels.html.j2",
}


class Renderer:
    def __init__(self) -> None:
        loader = ChoiceLoader(
            [FileSystemLoader(TEMPLATES_DIR), PrefixLoader({"partials": FileSystemLoader(THEME_PARTIALS)})]
        )
        self._jinja = Environment(
            loader=loader,
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            # Every value from data/ is escaped: the list templates write HTML, so a
            # record reaches the page as text, never as HTML or Markdown.
            autoescape=True,
        )
        # HTML links from data (escaped inside): tel:, sms: and numbers in readable text.
        self._jinja.globals.update(link=contacts.link, with_tel_links=contacts.with_tel_links)

    def add_global(self, name: str, function) -> None:
        """Make a function callable from every template, e.g. cite() and unsourced()."""
        self._jinja.globals[name] = function

    def render_template(self, template: str, **context) -> str:
        return self._jinja.get_template(template).render(**context)

    def unsourced(self, about: str) -> Markup:
        """The one marker for a point with no verified source yet, linking to `about`,
        the About section that explains it."""
        return Markup(" " + self.render_template("unsourced.html.j2", about=about).strip())

    def macro(self, name: str, records: list[Record]):
        """A zero-argument function a page can call, e.g. {{ signs() }}."""

        def render_list() -> str:
            return self.render_template(TEMPLATE_FOR[name], records=records)

        render_list.__name__ = name
        return render_list
