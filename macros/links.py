"""Links a macro writes as HTML, which no engine rewrites: relative to the page being
rendered. How a page's address is written in each edition is the theme's rule
(overrides/partials/urls.html), read from there, so the two cannot disagree."""

import posixpath

from jinja2 import Environment, FileSystemLoader

from macros.render import PARTIALS

_THEME = Environment(loader=FileSystemLoader(PARTIALS))
_THEME.filters["url"] = str  # the theme's own filter; link_to() is never called from here
_ADDRESS = _THEME.get_template("urls.html").module.address


def file_link(page: str, path: str, directory_urls: bool) -> str:
    """A file of the site (e.g. "downloads/guide.pdf") as an href written on page ("signs.md")."""
    folder = posixpath.dirname(_address(page, directory_urls)) or "."
    return posixpath.relpath(path, folder)


def page_link(page: str, target: str, directory_urls: bool) -> str:
    """target ("get-help.md#anchor") as an href written on page ("signs.md")."""
    target_page, _, anchor = target.partition("#")
    there = _address(target_page, directory_urls)
    link = file_link(page, there, directory_urls)
    return link + ("/" if there.endswith("/") else "") + (f"#{anchor}" if anchor else "")


def _address(source: str, directory_urls: bool) -> str:
    """signs.md -> "signs/" (or "signs.html"), the page's address from the site's root."""
    return str(_ADDRESS(source.removesuffix(".md"), directory_urls)).strip()
