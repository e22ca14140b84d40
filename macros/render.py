"""The Jinja that turns checked records into HTML, through the templates in templates/ and
the theme's partials they share (dates.html: how a date is written). Every value from data/
is escaped: a record reaches the page as text, never as HTML or Markdown, which is why the
templates write HTML wherever a value goes. Besides the marker, templates get tel: and sms:
links: the text is the readable number ("116 123"), the address the dialable one ("tel:116123")."""

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent


def link(scheme: str, number: str, text: str) -> Markup:
    """A tel: or sms: link; the address is the number as a phone dials it, with no spaces."""
    return Markup('<a class="tap" href="{}:{}">{}</a>').format(scheme, number.replace(" ", ""), text)


def with_tel_links(text: str, numbers: list[str]) -> Markup:
    """The readable text, with each dialable number in it turned into a tel: link."""
    alternatives = "|".join(re.escape(number) for number in sorted(numbers, key=len, reverse=True))
    # A whole number only: not the 988 of "988lifeline.org" or the 11 of "111".
    parts = re.split(rf"(?<![\w.])({alternatives})(?![\w])", text)
    return Markup("").join(link("tel", part, part) if part in numbers else escape(part) for part in parts)


def environment() -> Environment:
    loader = FileSystemLoader([HERE / "templates", HERE.parent / "overrides"])  # ours, then "partials/…"
    jinja = Environment(loader=loader, undefined=StrictUndefined, keep_trailing_newline=True, autoescape=True)

    def unsourced() -> Markup:
        """The marker for a point with no verified source yet; it links to the About page's
        section that says what it means (page_link: a global that page_macros adds)."""
        return Markup(" " + jinja.get_template("unsourced.html.j2").render().strip())

    # HTML links from data (escaped inside): tel:, sms: and numbers in readable text.
    jinja.globals.update(link=link, with_tel_links=with_tel_links, unsourced=unsourced)
    return jinja
