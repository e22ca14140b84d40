"""Links a macro writes as HTML, which no engine rewrites: relative to the page being
rendered, as the built site lays pages out (signs/ on the web, signs.html offline)."""

import posixpath

# Where the "no source yet" marker leads: the About section that says what it means.
NO_SOURCE_YET = "docs/about.md#no-source-yet"


def _address(source: str, directory_urls: bool) -> str:
    """docs/signs.md -> "signs/" (or "signs.html"); docs/index.md -> "" (or "index.html")."""
    stem = source.removeprefix("docs/").removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_link(page: str, target: str, directory_urls: bool) -> str:
    """The address of target ("docs/x.md#anchor") as an href written on page ("docs/y.md")."""
    target_page, _, anchor = target.partition("#")
    here = _address(page, directory_urls)
    there = _address(target_page, directory_urls)
    folder = here.rsplit("/", 1)[0] if "/" in here else "."
    link = posixpath.relpath(there or ".", folder)
    if there.endswith("/") or not there:
        link += "/"
    return link + (f"#{anchor}" if anchor else "")


def relative_file(page: str, path: str, directory_urls: bool) -> str:
    """The address of a site file (e.g. "assets/javascripts/self-check.js") from page ("docs/y.md")."""
    here = _address(page, directory_urls)
    folder = here.rsplit("/", 1)[0] if "/" in here else "."
    return posixpath.relpath(path, folder)


class Links:
    """Links from the page being rendered, in either engine and either edition."""

    def __init__(self, env, page_path) -> None:
        self._env = env
        self._page_path = page_path  # page -> "docs/..." path

    def _context(self) -> tuple[str, bool]:
        return self._page_path(self._env.page), self._env.conf.get("use_directory_urls", True)

    def page(self, source: str, anchor: str = "") -> str:
        """A docs/ page by its Markdown name, e.g. page("get-help.md", "if-you-are-in-danger-now")."""
        here, directory_urls = self._context()
        return relative_link(here, f"docs/{source}" + (f"#{anchor}" if anchor else ""), directory_urls)

    def file(self, path: str) -> str:
        """A file of the site, e.g. file("assets/javascripts/self-check.js")."""
        return relative_file(*self._context()[:1], path, self._context()[1])
