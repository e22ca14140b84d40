"""The whole guide on one page: every page in reading order, each with its review dates.

A macro, not a plugin: {{ whole_guide() }} in docs/whole-guide.md renders every other
page of the nav, macros and citations included, with its headings one level down.
Its citations are numbered across the whole guide and listed once, at the end.
"""

import re
from pathlib import Path

import yaml
from markupsafe import Markup

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
HEADING = re.compile(r"^(#{1,5})(?= )", re.MULTILINE)
TITLE = re.compile(r"^# (.+)\n", re.MULTILINE)
# An explicit heading anchor, "### CBT { #cbt }", or a list record's heading,
# '<h3 id="cbt">': two lists may share an id (a therapy and a glossary term), so on
# one page each part prefixes its own.
ANCHOR = re.compile(r"(\{ #|<h[1-6] id=\")([A-Za-z0-9_-]+)")
# Each page lists its sources at its foot; the whole guide lists them once, at its end.
PAGE_SOURCES = re.compile(r"^\{\{ page_sources\(\) \}\}\s*$", re.MULTILINE)


def reading_order(nav: list, skip: str) -> list[str]:
    """The Markdown files of the nav, in order, without the whole-guide page itself."""
    files = []
    for entry in nav:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            files.extend(reading_order(value, skip) if isinstance(value, list) else [value])
    # Only Markdown files: an engine may hand over titles and links in the nav too.
    return [file for file in files if isinstance(file, str) and file.endswith(".md") and file != skip]


def part(source: Path, render) -> dict:
    """One page, ready to go under the whole guide's title: its h1 becomes an h2."""
    text = source.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    meta = yaml.safe_load(match.group(1)) if match else {}
    body = text[match.end() :] if match else text
    title = TITLE.search(body)
    if not title:
        raise ValueError(f"docs/{source.name}: the whole guide needs a '# Title' line")
    body = PAGE_SOURCES.sub("", body[: title.start()] + body[title.end() :])
    return {
        "slug": source.stem,
        "title": title.group(1).strip(),
        "body": Markup(ANCHOR.sub(rf"\1{source.stem}--\2", HEADING.sub(r"#\1", render(body)))),
        "reviewed": meta.get("reviewed"),
        "next_review": meta.get("next_review"),
    }
