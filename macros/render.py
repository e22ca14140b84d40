"""Turn checked records into HTML through the Jinja templates in templates/."""

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup

from macros import contacts
from macros.load import LISTS

TEMPLATES_DIR = Path(__file__).parent / "templates"
# The theme's partials that pages share with the theme (dates.html: how a date is written).
THEME_PARTIALS = Path(__file__).resolve().parents[1] / "overrides" / "partials"


class Renderer:
    def __init__(self) -> None:
        loader = ChoiceLoader(
            [FileSystemLoader(TEMPLATES_DIR), PrefixLoader({"partials": FileSystemLoader(THEME_PARTIALS)})]
        )
        # Every value from data/ is escaped: a record reaches the page as text, never as HTML or Markdown.
        self._jinja = Environment(
            loader=loader, undefined=StrictUndefined, keep_trailing_newline=True, autoescape=True
        )
        # HTML links from data (escaped inside): tel:, sms: and numbers in readable text.
        self._jinja.globals.update(link=contacts.link, with_tel_links=contacts.with_tel_links)

    def add_global(self, name: str, function) -> None:
        """Make a function callable from every template, e.g. cite() and unsourced()."""
        self._jinja.globals[name] = function

    def render_template(self, template: str, **context) -> str:
        return self._jinja.get_template(template).render(**context)

    def unsourced(self, about: str) -> Markup:
        """The one marker for a point with no verified source yet, linking to `about`."""
        return Markup(" " + self.render_template("unsourced.html.j2", about=about).strip())

    def macro(self, name: str, records: list):
        """A zero-argument function a page can call, e.g. {{ signs() }}."""
        return lambda: self.render_template(LISTS[name].template, records=records)
