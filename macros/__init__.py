"""mkdocs-macros entry point.

When the build starts, every data file is loaded and checked; pages then call one
macro per list (e.g. {{ signs() }}) and cite sources with {{ cite("id") }}; the
Signs page calls {{ self_check() }}, docs/whole-guide.md {{ whole_guide() }}.
Per page, the front matter's review dates are checked, and the page's sources and
the glossary's abbreviation tooltips are appended to its Markdown.
"""

from pathlib import Path

from macros.citations import Citations
from macros.data import load_all
from macros.links import Links
from macros.render import Renderer
from macros.review_dates import check_review_dates
from macros.whole_guide import part, reading_order


def define_env(env) -> None:
    """Called by mkdocs-macros once, when the build starts."""
    lists = load_all(Path(env.project_dir) / "data")
    renderer = Renderer()
    citations = Citations(lists["sources"], renderer)
    renderer.add_global("cite", citations.cite)
    env.macro(citations.cite, "cite")
    for name, records in lists.items():
        env.macro(renderer.macro(name, records), name)

    extra = env.conf["extra"]
    links = Links(env)

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
        docs = Path(env.conf["docs_dir"])

        def render(markdown: str) -> str:  # its macros and citations, as on its own page
            return env.render(markdown, force_rendering=True)

        sources = reading_order(env.conf["nav"], skip=env.page.file.src_uri)
        parts = [part(docs / source, render) for source in sources]
        return renderer.render_template("whole_guide.md.j2", parts=parts)

    # Kept for the per-page and post-build hooks below.
    env.guide = {
        "renderer": renderer,
        "citations": citations,
        "abbreviations": renderer.render_template("abbreviations.md.j2", records=lists["glossary"]),
    }


def on_pre_page_macros(env) -> None:
    page_path = f"docs/{env.page.file.src_uri}"
    check_review_dates(page_path, env.page.meta)
    env.guide["citations"].start_page(page_path)


def on_post_page_macros(env) -> None:
    env.markdown += env.guide["citations"].page_sources() + env.guide["abbreviations"]


def on_post_build(env) -> None:
    """robots.txt, pointing crawlers at the sitemap of the published address."""
    site_url = env.conf["site_url"] or ""
    robots = env.guide["renderer"].render_template("robots.txt.j2", site_url=site_url)
    (Path(env.conf["site_dir"]) / "robots.txt").write_text(robots, encoding="utf-8")
