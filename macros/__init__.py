"""The macros pages call, for MkDocs (mkdocs-macros) and Zensical alike.

Pages call one macro per list (e.g. {{ signs() }}), cite sources with
{{ cite("id") }} and end with {{ page_sources() }}. Nothing relies on an engine's
hooks: Zensical runs define_env() once per page and no on_* hook, MkDocs runs it
once per build; in both, env.page is the page being rendered. The checks both
engines rely on run before either builds (python -m macros.check).
"""

import sys
from pathlib import Path

# Zensical loads this file by its path and does not put the project on sys.path.
_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from macros.citations import Citations  # noqa: E402
from macros.data import DataError, load_all  # noqa: E402
from macros.links import NO_SOURCE_YET, relative_link  # noqa: E402
from macros.render import Renderer  # noqa: E402


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

    @env.macro
    def read_offline() -> str:
        """The home page's download link, or a note when this is the offline copy."""
        return renderer.render_template(
            "read_offline.md.j2", offline=extra["offline"], zip=extra["offline_zip"]
        )
