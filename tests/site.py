"""Helpers shared by the tests: the project layout, building, reading built pages."""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"

# The reading order the guide promises: (Markdown source, URL path in the built site).
PAGES = [
    ("index.md", ""),
    ("what-it-is.md", "what-it-is/"),
    ("where-it-comes-from.md", "where-it-comes-from/"),
    ("signs.md", "signs/"),
    ("effects.md", "effects/"),
    ("healing.md", "healing/"),
    ("balance.md", "balance/"),
    ("someone-close.md", "someone-close/"),
    ("talking-to-a-doctor.md", "talking-to-a-doctor/"),
    ("get-help.md", "get-help/"),
    ("about.md", "about/"),
    ("accessibility.md", "accessibility/"),
    ("glossary.md", "glossary/"),
    ("sources.md", "sources/"),
]

# Which page shows each list that has ids.
LIST_PAGE = {
    "signs": "signs/",
    "conditions": "signs/",
    "therapies": "healing/",
    "self_care": "healing/",
    "seek_help": "get-help/",
    "crisis_lines": "get-help/",
    "glossary": "glossary/",
    "sources": "sources/",
}

# What a project copy needs to build (no .venv, site or caches).
PROJECT_PARTS = [
    "mkdocs.yml",
    "Makefile",
    "requirements-pip.txt",
    "requirements.txt",
    "docs",
    "data",
    "includes",
    "schemas",
    "macros",
    "overrides",
    "scripts",
]

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, destination / part)  # copy2 keeps mtimes, so make does not reinstall
    return destination


def make_build(project: Path, site_url: str | None = None, **env: str) -> subprocess.CompletedProcess:
    """Run the project's own `make build`, reusing this checkout's virtual environment;
    `env` adds environment variables (e.g. SOURCE_DATE_EPOCH)."""
    return subprocess.run(
        ["make", "--no-print-directory", "build", f"VENV={VENV}"],
        cwd=project,
        env={**ENV, **({"SITE_URL": site_url} if site_url else {}), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (by relative path) and the sha256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def page_html(site: Path, url_path: str) -> str:
    return (site / url_path / "index.html").read_text(encoding="utf-8")


def soup(site: Path, url_path: str) -> BeautifulSoup:
    return BeautifulSoup(page_html(site, url_path), "html.parser")


def article(site: Path, url_path: str):
    """The page's main content, without the theme's chrome."""
    return soup(site, url_path).select_one("article.md-content__inner")


# Elements a reader reads as one unit; a heading or list item is a sentence of its own.
TEXT_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "figcaption"]


def visible_sentences(site: Path, url_path: str) -> list[str]:
    """The main text as a reader sees it: one string per innermost text block,
    ending in punctuation so a heading never runs into the next sentence."""
    main = article(site, url_path)
    for hidden in main.select("script, style, .headerlink, .md-content__button, [hidden]"):
        hidden.decompose()
    sentences = []
    for block in main.find_all(TEXT_BLOCKS):
        if block.find(TEXT_BLOCKS):
            continue  # its inner blocks are counted on their own
        text = " ".join(block.get_text().split())  # inline tags (abbr, a) are not word breaks
        if text:
            sentences.append(text if text[-1] in ".!?:" else text + ".")
    return sentences
