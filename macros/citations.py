"""Numbered citations: {{ cite("id") }} in a page, the page's sources at its foot."""

from markupsafe import Markup

from macros.load import Problem, Refused
from macros.records import Source


def citations(sources: list[Source], jinja, current_page) -> tuple:
    """cite() and cited() for the page being rendered: current_page() names it ("signs.md"),
    so each page numbers its own sources and no page hook is needed."""
    by_id = {source.id: source for source in sources}
    pages: dict[str, list[str]] = {}  # page -> its source ids, in citation order

    def cite(*source_ids: str) -> Markup:
        """Numbered markers linking to the entries at the foot of the page."""
        page = current_page()
        if not source_ids:
            raise Refused([Problem(f"docs/{page}", "cite() needs at least one source id")])
        if unknown := [source_id for source_id in source_ids if source_id not in by_id]:
            message = f"cites unknown source id '{unknown[0]}' (not in data/sources.yml)"
            raise Refused([Problem(f"docs/{page}", message)])
        cited = pages.setdefault(page, [])
        cited += [source_id for source_id in dict.fromkeys(source_ids) if source_id not in cited]
        # Ascending, each number once: [1][3], never [3][1]; Markup, as the template escaped them.
        numbered = sorted({(cited.index(source_id) + 1, source_id) for source_id in source_ids})
        return Markup(jinja.get_template("cite.html.j2").render(citations=numbered).strip())

    def cited() -> list[tuple[int, Source]]:
        """This page's sources so far, numbered in citation order."""
        ids = pages.get(current_page(), [])
        return [(number, by_id[source_id]) for number, source_id in enumerate(ids, start=1)]

    return cite, cited
