"""The one reader of a page's front matter: the YAML between its opening '---' lines."""

import re
from pathlib import Path
from typing import NamedTuple

import yaml

from macros.load import Problem, Refused

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


class Page(NamedTuple):
    meta: dict
    body: str  # the Markdown after the front matter
    body_line: int  # the line of the file the body starts on


def read_page(path: Path) -> Page:
    shown = f"docs/{path.name}" if path.parent.name == "docs" else path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise Refused([Problem(shown, "is not UTF-8 text; save it as UTF-8")]) from None
    match = _FRONT_MATTER.match(text)
    if not match:
        return Page({}, text, 1)
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise Refused([Problem(shown, "front matter is not valid YAML", mark and mark.line + 2)]) from None
    if not isinstance(meta, dict):
        raise Refused([Problem(shown, "front matter must be a mapping of fields", 2)])
    return Page(meta, text[match.end() :], text[: match.end()].count("\n") + 1)
