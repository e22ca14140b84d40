"""Numbered citations: {{ cite("id") }} in a page, the page's sources at its foot."""

from markupsafe import Markup

from macros.load import Problem, Refused
from macros.records import Source


class Citations:
    def __init__(self, sources: list[Source], jinja, current_page) -> None:
        self._sources = {source.id: source for source in sources}
        self._markers = jinja.get_template("cite.html.j2")
        self._current_page = current_page  # () -> the page being rendered, e.g. "signs.md"
        self._page, self._cited = None, []

    def _here(self) -> list[str]:
        """This page's source ids in citation order; a new list when the page being rendered
        changes, so no page hook is needed."""
        if (page := self._current_page()) != self._page:
            self._page, self._cited = page, []
        return self._cited

    def cite(self, *source_ids: str) -> Markup:
        """Numbered markers linking to the entries at the foot of the page."""
        cited = self._here()
        if not source_ids:
            raise Refused([Problem(f"docs/{self._page}", "cite() needs at least one source id")])
        for source_id in source_ids:
            if source_id not in self._sources:
                message = f"cites unknown source id '{source_id}' (not in data/sources.yml)"
                raise Refused([Problem(f"docs/{self._page}", message)])
            if source_id not in cited:
                cited.append(source_id)
        # Ascending, each number once: [1][3], never [3][1] or [1][1].
        numbered = sorted({(cited.index(source_id) + 1, source_id) for source_id in source_ids})
        # Markup: the markers are our own escaped HTML, safe inside the list templates.
        return Markup(self._markers.render(citations=numbered).strip())

    def cited(self) -> list[tuple[int, Source]]:
        """This page's sources so far, numbered in citation order."""
        return [(number, self._sources[source_id]) for number, source_id in enumerate(self._here(), start=1)]
