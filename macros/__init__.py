"""The macros pages call, for MkDocs (mkdocs-macros) and Zensical alike.

Pages call one macro per list (e.g. {{ signs() }}), cite sources with
{{ cite("id") }} and end with {{ page_sources() }}; the Signs page calls
{{ self_check() }}, docs/whole-guide.md {{ whole_guide() }}. Nothing relies on an engine's
hooks: Zensical runs define_env() once per page and no on_* hook, MkDocs runs it
once per build; in both, env.page is the page being rendered. The checks both
engines rely on run before either builds (python -m macros.check).
"""

import sys
from pathlib import Path

from jinja2 import Environment, StrictUndefined

# Zensical loads this file by its path and does not put the project on sys.path.
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from macros.citations import Citations  # noqa: E402
from macros.data import DataError, load_all  # noqa: E402
from macros.links import NO_SOURCE_YET, Links, relative_link  # noqa: E402
from macros.render import Renderer  # noqa: E402
from macros.whole_guide import part, reading_order  # noqa: E402


def page_path(page) -> str:
    """docs/... path of the page being rendered: MkDocs has page.file, Zensical page.path."""
    file = getattr(page, "file", None)
    return f"docs/{file.src_uri if file is not None else page.path}"


def define_env(env) -> None:
    try:
        lists = load_all(Path(env.project_dir) / "data")
    except DataError as error:
        if "mkdocs" not in sys.modules:
            raise
        from mkdocs.exceptions import PluginError  # a clean one-line failure under MkDocs

        raise PluginError(str(error)) from None
    renderer = Renderer()
    citations = Citations(lists["sources"], renderer, current_page=lambda: page_path(env.page))
    renderer.add_global("cite", citations.cite)
    env.macro(citations.cite, "cite")
    env.macro(citations.page_sources, "page_sources")

    def unsourced():
        """{{ unsourced() }}: right after a point with no verified source yet. Records
        without `sources` get the same marker from their template."""
        about = relative_link(page_path(env.page), NO_SOURCE_YET, env.conf.get("use_directory_urls", True))
        return renderer.unsourced(about)

    renderer.add_global("unsourced", unsourced)
    env.macro(unsourced, "unsourced")
    for name, records in lists.items():
        env.macro(renderer.macro(name, records), name)

    extra = env.conf["extra"]
    links = Links(env, page_path)

    @env.macro
    def read_offline() -> str:
        """The home page's downloads (zip, PDF), or a note when this is the offline copy."""
        return renderer.render_template(
            "read_offline.md.j2",
            offline=extra["offline"],
            zip=links.file(extra["offline_zip"]),
            pdf=links.file(extra["pdf"]),
            pdf_size=int(extra["pdf_size"]),
        )

    @env.macro
    def self_check() -> str:
        """The Signs page's private self-check: one box per sign in data/signs.yml."""
        return renderer.render_template("self_check.html.j2", signs=lists["signs"], links=links)

    @env.macro
    def whole_guide() -> str:
        """Every other page of the nav, in reading order (docs/whole-guide.md calls it)."""
        docs = Path(env.project_dir) / "docs"

        def render(markdown: str) -> str:
            """A page's Markdown with its macro calls run, as on its own page. Our own
            Jinja, not the engine's: Zensical's macros have no env.render."""
            return Environment(undefined=StrictUndefined).from_string(markdown).render(**pages_call)

        sources = reading_order(env.conf["nav"], skip=page_path(env.page).removeprefix("docs/"))
        parts = [part(docs / source, render) for source in sources]
        return renderer.render_template("whole_guide.md.j2", parts=parts)

    # Every macro and variable a page may use, by name (whole_guide() runs the other pages' calls).
    pages_call = {"cite": citations.cite, "page_sources": citations.page_sources, "unsourced": unsourced}
    pages_call |= {name: renderer.macro(name, records) for name, records in lists.items()}
    pages_call |= {"read_offline": read_offline, "self_check": self_check, "config": env.conf}
