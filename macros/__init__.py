"""mkdocs-macros entry point: check the data when the build starts, then offer
one macro per list (e.g. {{ signs() }}) so pages never repeat a list by hand."""

from pathlib import Path

from macros.data import load_all
from macros.render import Renderer


def define_env(env) -> None:
    """Called by mkdocs-macros once, when the build starts."""
    lists = load_all(Path(env.project_dir) / "data")
    renderer = Renderer()
    for name, records in lists.items():
        env.macro(renderer.macro(name, records), name)

    extra = env.conf["extra"]

    @env.macro
    def read_offline() -> str:
        """The home page's download link, or a note when this is the offline copy."""
        return renderer.render_template(
            "read_offline.md.j2", offline=extra["offline"], zip=extra["offline_zip"]
        )
