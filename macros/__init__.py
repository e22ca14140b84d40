"""The macros pages call ({{ signs() }}, {{ cite("id") }}, ...), for MkDocs (mkdocs-macros)
and Zensical alike. No engine hooks: Zensical runs define_env() once per page, MkDocs once
per build; in both, env.page is the page being rendered. What `make` runs is in build_steps/."""

import posixpath
import sys
from functools import partial
from pathlib import Path

from jinja2 import Environment, StrictUndefined

# Zensical loads this file by its path and does not put the project on sys.path.
if (_PROJECT := str(Path(__file__).resolve().parent.parent)) not in sys.path:
    sys.path.insert(0, _PROJECT)

from macros import whole_guide as guide  # noqa: E402
from macros.citations import citations  # noqa: E402
from macros.load import LISTS, Refused, load_all  # noqa: E402
from macros.render import environment  # noqa: E402

# Macros that are one template each, by its name: {{ start_here() }} is start_here.html.j2.
ONE_TEMPLATE = ("page_sources.md.j2", "read_offline.md.j2", "start_here.html.j2", "self_check.html.j2")


def page_macros(project: Path, config, current_page) -> dict:
    """Every macro a page may call, by name. current_page() names the page being
    rendered ("signs.md"); config is the site's (mkdocs.yml as the engine read it)."""
    lists = load_all(project / "data")
    jinja = environment()
    cite, cited = citations(lists["sources"], jinja, current_page)

    def template(name: str, **context) -> str:
        return jinja.get_template(name).render(**context)

    def address(page: str) -> str:
        """signs.md -> "signs/" (or "signs.html" offline), from the site's root: the theme's
        rule (overrides/partials/urls.html), read from there so the two cannot disagree."""
        rule = jinja.get_template("partials/urls.html").module.address
        return str(rule(page.removesuffix(".md"), config.get("use_directory_urls", True))).strip()

    def file_link(path: str) -> str:
        """A path from the site's root ("downloads/guide.pdf", "signs/") as an href on the page
        being rendered, like the theme's `url` filter: macros write HTML, which no engine rewrites."""
        here = posixpath.dirname(address(current_page())) or "."
        return posixpath.relpath(path, here) + ("/" if path.endswith("/") else "")

    def page_link(target: str) -> str:
        """A link to a page ("get-help.md#x"); on the whole-guide page, a jump within it."""
        if current_page() == guide.PAGE:
            return guide.anchor(target)
        page, _, anchor = target.partition("#")
        return file_link(address(page)) + (f"#{anchor}" if anchor else "")

    def github_link(path: str, text: str) -> str:
        """A link into the repository ("issues/new?template=bug.yml"); plain words in a
        build with no real repository address, so no page links to a placeholder."""
        repo = config.get("repo_url")
        return f"[{text}]({repo.rstrip('/')}/{path})" if repo else text

    def whole_guide() -> str:
        """Every other page of the nav, in reading order (docs/whole-guide.md calls it)."""
        parts = [guide.part(project / "docs" / page, render) for page in guide.reading_order(config["nav"])]
        return template("whole_guide.md.j2", parts=parts)

    def render(markdown: str) -> str:
        """A page's Markdown with its macro calls run, as the engine would: our own Jinja,
        since Zensical's macros have no env.render (also used by the check step)."""
        return Environment(undefined=StrictUndefined).from_string(markdown).render(**macros, config=config)

    # What every template may use: any list (by its name in LISTS), the config's extra, links, citations.
    jinja.globals.update(lists=lists, extra=config["extra"], page_link=page_link, file_link=file_link)
    jinja.filters["url"] = file_link  # only so the theme's urls.html compiles: link_to() is the theme's
    jinja.globals.update(cite=cite, cited=cited)
    macros = {name: partial(template, spec.template, records=lists[name]) for name, spec in LISTS.items()}
    macros |= {name.split(".")[0]: partial(template, name) for name in ONE_TEMPLATE}
    macros |= dict(cite=cite, unsourced=jinja.globals["unsourced"], whole_guide=whole_guide)
    macros |= dict(github_link=github_link, render=render)
    return macros


def define_env(env) -> None:
    def current_page() -> str:  # "signs.md": MkDocs has page.file, Zensical page.path
        return env.page.file.src_uri if getattr(env.page, "file", None) is not None else env.page.path

    try:
        macros = page_macros(Path(env.project_dir), env.conf, current_page)
    except Refused as error:
        if "mkdocs" not in sys.modules:
            raise
        from mkdocs.exceptions import PluginError  # a clean failure under `mkdocs serve`

        raise PluginError(str(error)) from None
    for name, function in macros.items():
        if name != "render":
            env.macro(function, name)
