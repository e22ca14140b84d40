"""The one reader of a page's front matter: the YAML between its opening '---' lines."""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


class PageError(Exception):
    """A page's front matter cannot be read: names the page (as docs/...) and the line."""

    def __init__(self, page: str, message: str, line: int | None = None) -> None:
        self.page, self.message, self.line = page, message, line
        super().__init__(f"{page}: " + (f"line {line}: " if line else "") + message)


@dataclass(frozen=True)
class Page:
    meta: dict
    body: str  # the Markdown after the front matter
    body_line: int  # the line of the file the body starts on


def read_page(path: Path) -> Page:
    shown = f"docs/{path.name}" if path.parent.name == "docs" else path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PageError(shown, "is not UTF-8 text; save it as UTF-8") from None
    match = _FRONT_MATTER.match(text)
    if not match:
        return Page({}, text, 1)
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise PageError(shown, "front matter is not valid YAML", mark and mark.line + 2) from None
    if not isinstance(meta, dict):
        raise PageError(shown, "front matter must be a mapping of fields", 2)
    return Page(meta, text[match.end() :], text[: match.end()].count("\n") + 1)
