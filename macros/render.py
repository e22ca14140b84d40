"""The Jinja that turns checked records into HTML, through the templates in templates/."""

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup

from macros import contacts

TEMPLATES_DIR = Path(__file__).parent / "templates"
# The theme's partials that pages share with the theme (dates.html: how a date is written).
THEME_PARTIALS = Path(__file__).resolve().parents[1] / "overrides" / "partials"


def environment(**functions) -> Environment:
    """Every value from data/ is escaped: a record reaches the page as text, never as HTML or
    Markdown. `functions` are callable from every template, e.g. cite() and unsourced()."""
    loader = ChoiceLoader(
        [FileSystemLoader(TEMPLATES_DIR), PrefixLoader({"partials": FileSystemLoader(THEME_PARTIALS)})]
    )
    jinja = Environment(loader=loader, undefined=StrictUndefined, keep_trailing_newline=True, autoescape=True)
    # HTML links from data (escaped inside): tel:, sms: and numbers in readable text.
    jinja.globals.update(link=contacts.link, with_tel_links=contacts.with_tel_links, **functions)
    return jinja


def unsourced_marker(jinja: Environment, about: str) -> Markup:
    """The one marker for a point with no verified source yet, linking to `about`."""
    return Markup(" " + jinja.get_template("unsourced.html.j2").render(about=about).strip())
