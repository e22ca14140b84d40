"""The Jinja that turns checked records into HTML, through the templates in templates/ and
the theme's partials they share (dates.html: how a date is written). Every value from data/
is escaped: a record reaches the page as text, never as HTML or Markdown, which is why the
templates write HTML wherever a value goes."""

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from macros import contacts

HERE = Path(__file__).resolve().parent
PARTIALS = HERE.parent / "overrides" / "partials"


def environment() -> Environment:
    loader = FileSystemLoader([HERE / "templates", PARTIALS.parent])  # ours, then "partials/dates.html"
    jinja = Environment(loader=loader, undefined=StrictUndefined, keep_trailing_newline=True, autoescape=True)

    def unsourced() -> Markup:
        """The marker for a point with no verified source yet; it links to the About page's
        section that says what it means (page_link: a global that page_macros adds)."""
        return Markup(" " + jinja.get_template("unsourced.html.j2").render().strip())

    # HTML links from data (escaped inside): tel:, sms: and numbers in readable text.
    jinja.globals.update(link=contacts.link, with_tel_links=contacts.with_tel_links, unsourced=unsourced)
    return jinja
