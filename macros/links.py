"""Links a macro writes as HTML, which no engine rewrites: relative to the page being
rendered. How a page's address is written in each edition is the theme's rule
(overrides/partials/urls.html), read from there, so the two cannot disagree."""

import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

_PARTIALS = Path(__file__).resolve().parents[1] / "overrides" / "partials"
_THEME = Environment(loader=FileSystemLoader(_PARTIALS))
_THEME.filters["url"] = str  # the theme's own filter; link_to() is never called from here
_ADDRESS = _THEME.get_template("urls.html").module.address

# Where the "no source yet" marker leads: the About section that says what it means.
NO_SOURCE_YET = "about.md#no-source-yet"


def _address(source: str, directory_urls: bool) -> str:
    """signs.md -> "signs/" (or "signs.html"), the page's address from the site's root."""
    return str(_ADDRESS(source.removesuffix(".md"), directory_urls)).strip()


def _folder(page: str, directory_urls: bool) -> str:
    return posixpath.dirname(_address(page, directory_urls).removesuffix("./")) or "."


def page_link(page: str, target: str, directory_urls: bool) -> str:
    """target ("get-help.md#anchor") as an href written on page ("signs.md")."""
    target_page, _, anchor = target.partition("#")
    there = _address(target_page, directory_urls)
    link = posixpath.relpath(there.removesuffix("./") or ".", _folder(page, directory_urls))
    if there.endswith("/"):
        link += "/"
    return link + (f"#{anchor}" if anchor else "")


def file_link(page: str, path: str, directory_urls: bool) -> str:
    """A file of the site (e.g. "downloads/guide.pdf") as an href written on page ("signs.md")."""
    return posixpath.relpath(path, _folder(page, directory_urls))
