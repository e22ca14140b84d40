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


def part(source: Path, render) -> dict:
    """One page, ready to go under the whole guide's title: its h1 becomes an h2, its other
    headings one level down, each anchor prefixed with the page's name (its slug)."""
    page, slug = read_page(source), source.stem
    title = TITLE.search(page.body)
    if not title:
        raise ValueError(f"docs/{source.name}: the whole guide needs a '# Title' line")

    def heading(match: re.Match) -> str:
        level, text, explicit = match.groups()
        return f"#{level} {text} {{ #{slug}--{explicit or slugify(text, '-')} }}"

    body = PAGE_SOURCES.sub("", page.body[: title.start()] + page.body[title.end() :])
    body = IN_PAGE_LINK.sub(rf"](#{slug}--\1)", HEADING.sub(heading, render(body)))
    body = Markup(RECORD_ANCHOR.sub(rf"\1{slug}--\2", body))
    return {"slug": slug, "title": title.group(1).strip(), "body": body, "meta": page.meta}
