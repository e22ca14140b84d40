"""`make serve` only: rewrite the banner's numbers whenever data/ changes (live reload)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # MkDocs loads hooks by path

from build_steps.generate import write_banner  # noqa: E402


def on_pre_build(config, **kwargs) -> None:
    write_banner(Path(config.config_file_path).resolve().parent)
