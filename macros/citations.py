"""Numbered citations: {{ cite("id") }} in a page, the page's sources at its foot."""

from markupsafe import Markup

from macros.data import DataError
from macros.render import Renderer
from macros.schema import Source


class Citations:
    def __init__(self, sources: list[Source], renderer: Renderer, current_page=None) -> None:
        self._sources = {source.id: source for source in sources}
        self._renderer = renderer
        self._current_page = current_page  # () -> path of the page being rendered
        self._page = "?"
        self._cited: list[str] = []

    def _follow_page(self) -> None:
        """Numbering starts again when the page being rendered changes: no page hook needed."""
        if self._current_page is not None and (page := self._current_page()) != self._page:
            self.start_page(page)

    def start_page(self, page_path: str) -> None:
        """Numbering starts again on every page."""
        self._page = page_path
        self._cited = []

    def cite(self, *source_ids: str) -> Markup:
        """Numbered markers linking to the entries at the foot of the page."""
        self._follow_page()
        if not source_ids:
            raise DataError(f"{self._page}: cite() needs at least one source id")
        numbered = []
        for source_id in source_ids:
            if source_id not in self._sources:
                raise DataError(
                    f"{self._page}: cites unknown source id '{source_id}' (not in data/sources.yml)"
                )
            if source_id not in self._cited:
                self._cited.append(source_id)
            numbered.append((self._cited.index(source_id) + 1, source_id))
        # Ascending, each number once: [1][3], never [3][1] or [1][1].
        numbered = sorted(set(numbered))
        # Markup: the markers are our own escaped HTML, safe inside the list templates.
        return Markup(self._renderer.render_template("cite.html.j2", citations=numbered).strip())

    def page_sources(self) -> str:
        """The list of this page's sources, in citation order; empty if it cites none.
        Every page ends with {{ page_sources() }}."""
        self._follow_page()
        if not self._cited:
            return ""
        cited = [(number, self._sources[source_id]) for number, source_id in enumerate(self._cited, start=1)]
        return self._renderer.render_template("page_sources.md.j2", cited=cited)
