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
        """The one marker for a point with no verified source yet ({{ unsourced() }} in a page, and
        in each list record without sources). It links to the About page's section that says what it
        means, with the page_link global that page_macros adds."""
        about = jinja.globals["page_link"]("about.md#no-source-yet")
        return Markup(' <small class="unsourced">(<a href="{}">no source yet</a>)</small>').format(about)

    # HTML links from data (escaped inside): tel:, sms: and numbers in readable text.
    jinja.globals.update(link=contacts.link, with_tel_links=contacts.with_tel_links, unsourced=unsourced)
    return jinja
