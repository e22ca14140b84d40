"""Links from the page being built to another page or file, right in both editions:
the web build uses folders (get-help/), the offline edition plain files (get-help.html)."""

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url


class Links:
    def __init__(self, env) -> None:
        self._env = env

    def _here(self) -> str:
        return self._env.page.url

    def page(self, source: str, anchor: str = "") -> str:
        """A docs/ page by its Markdown name, e.g. page("get-help.md", "if-you-are-in-danger-now")."""
        url = File(source, "", "", self._env.conf["use_directory_urls"]).url
        return get_relative_url(url, self._here()) + (f"#{anchor}" if anchor else "")

    def file(self, path: str) -> str:
        """A file of the site, e.g. file("assets/javascripts/self-check.js")."""
        return get_relative_url(path, self._here())
