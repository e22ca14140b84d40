"""{{ whole_guide() }}: every other page of the nav on one page, in reading order, with its
review dates, headings one level down and anchors prefixed with its name
("get-help--if-you-are-in-danger-now"), so the PDF can turn links into jumps. Its
citations are numbered across the guide and listed once, at the end."""

import re
from pathlib import Path

from markdown.extensions.toc import slugify
from markupsafe import Markup

from macros.pages import read_page

PAGE = "whole-guide.md"
HEADING = re.compile(r"^(#{1,5}) (.+?)(?: \{ #([\w-]+)[^}]*\})?$", re.MULTILINE)
TITLE = re.compile(r"^# (.+)\n", re.MULTILINE)
# A list record's heading, '<h3 id="cbt">': two lists may share an id (a therapy and a
# glossary term), so on one page each part prefixes its own.
RECORD_ANCHOR = re.compile(r'(<h[1-6] id=")([A-Za-z0-9_-]+)')
# A Markdown link to a section of the same page, "[Get help now](#if-you-are-in-danger-now)".
IN_PAGE_LINK = re.compile(r"\]\(#([\w-]+)\)")
# Each page lists its sources at its foot; the whole guide lists them once, at its end.
PAGE_SOURCES = re.compile(r"^\{\{ page_sources\(\) \}\}.*$", re.MULTILINE)


def reading_order(nav: list) -> list[str]:
    """The Markdown files of the nav, in order (an engine may hand over titles and links too)."""
    files = []
    for entry in nav:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            files.extend(reading_order(value) if isinstance(value, list) else [value])
    return [file for file in files if isinstance(file, str) and file.endswith(".md") and file != PAGE]


def anchor(target: str) -> str:
    """Where a link to target ("get-help.md#x") lands on the whole-guide page."""
    page, _, section = target.partition("#")
    slug = page.removesuffix(".md")
    return f"#{slug}--{section}" if section else f"#part-{slug}"


def _heading(slug: str, match: re.Match) -> str:
    level, text, explicit = match.groups()
    return f"#{level} {text} {{ #{slug}--{explicit or slugify(text, '-')} }}"


def part(source: Path, render) -> dict:
    """One page, ready to go under the whole guide's title: its h1 becomes an h2."""
    page = read_page(source)
    title = TITLE.search(page.body)
    if not title:
        raise ValueError(f"docs/{source.name}: the whole guide needs a '# Title' line")
    body = PAGE_SOURCES.sub("", page.body[: title.start()] + page.body[title.end() :])
    body = HEADING.sub(lambda match: _heading(source.stem, match), render(body))
    body = IN_PAGE_LINK.sub(rf"](#{source.stem}--\1)", body)
    return {
        "slug": source.stem,
        "title": title.group(1).strip(),
        "body": Markup(RECORD_ANCHOR.sub(rf"\1{source.stem}--\2", body)),
        "reviewed": page.meta.get("reviewed"),
        "next_review": page.meta.get("next_review"),
    }
