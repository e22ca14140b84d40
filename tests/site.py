"""The site's shape (pages from the nav, records from data/), building a copy of it, reading built pages."""

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from filelock import FileLock
from mkdocs.utils.yaml import yaml_load

from macros.load import LISTS, load_all
from macros.whole_guide import PAGE as WHOLE_GUIDE
from macros.whole_guide import reading_order

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CONFIG = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def url_path(source: str) -> str:
    """The built address of a page, from the site root: signs.md -> signs/, index.md -> ""."""
    return "" if source == "index.md" else source.removesuffix(".md") + "/"


# Every page of the nav in reading order, as (Markdown source, URL path in the built site).
PAGES = [(source, url_path(source)) for source in reading_order(CONFIG["nav"])]
# The nav's pages and the whole guide on one page (left out of the nav).
ALL_PAGES = [*PAGES, (WHOLE_GUIDE, url_path(WHOLE_GUIDE))]
DATA = load_all(ROOT / "data")


def list_page(name: str) -> str:
    """The URL path of the page whose Markdown calls the list's macro, e.g. signs/."""
    call = re.compile(rf"\{{\{{\s*{name}\(\)")
    return next(
        url for source, url in PAGES if call.search((ROOT / "docs" / source).read_text(encoding="utf-8"))
    )


# Each list that has ids, and the page that shows it.
LIST_PAGE = {name: list_page(name) for name, records in DATA.items() if hasattr(records[0], "id")}
LIST_FILE = {name: spec.file for name, spec in LISTS.items()}

# What a copy of the project leaves out: what a build or install makes.
NOT_COPIED = shutil.ignore_patterns(
    ".venv", "site", "dist", "node_modules", "__pycache__", ".pytest_cache", ".building-*"
)


def copy_project(destination: Path) -> Path:
    """The project as a contributor has it, its git history included (dates, first commits)."""
    shutil.copytree(ROOT, destination, ignore=NOT_COPIED, symlinks=True)
    return destination


def make(project: Path, target: str = "build", **env: str) -> subprocess.CompletedProcess:
    """Run the project's own `make <target>`, reusing this checkout's virtual environment."""
    return subprocess.run(
        ["make", "--no-print-directory", target, f"VENV={VENV}"],
        cwd=project,
        env={**ENV, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def build_once(tmp_path_factory, worker_id: str, name: str, **env: str) -> tuple[Path, str]:
    """`make build` of a copy of the project once per run, shared by xdist's workers: (project, output)."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    project, output = shared / name, shared / f"{name}-output.txt"
    with FileLock(str(shared / f"{name}.lock")):
        if not output.is_file():
            result = make(copy_project(project), **env)
            assert result.returncode == 0, result.stdout + result.stderr
            output.write_text(result.stdout + result.stderr, encoding="utf-8")
    return project, output.read_text(encoding="utf-8")


def built_files(project: Path) -> dict[str, str]:
    """Each file of site/ and dist/ -> the sha256 of its bytes, to compare builds byte for byte."""
    files = sorted([*(project / "site").rglob("*"), *(project / "dist").rglob("*")])
    return {
        path.relative_to(project).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
        if path.is_file()
    }


def page_html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup(page_html(site, path), "html.parser")


def article(site: Path, path: str):
    """The page's main content, without the theme's chrome."""
    return soup(site, path).select_one("article.md-content__inner")


# Elements a reader reads as one unit; a heading or list item is a sentence of its own.
TEXT_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "figcaption"]


def visible_sentences(site: Path, path: str) -> list[str]:
    """The main text as a reader sees it: one string per innermost text block, ending in punctuation."""
    main = article(site, path)
    for hidden in main.select("script, style, template, .headerlink, .md-content__button, [hidden]"):
        hidden.decompose()
    sentences = []
    for block in main.find_all(TEXT_BLOCKS):
        if block.find(TEXT_BLOCKS):
            continue  # its inner blocks are counted on their own
        text = " ".join(block.get_text().split())  # inline tags (abbr, a) are not word breaks
        if text:
            sentences.append(text if text[-1] in ".!?:" else text + ".")
    return sentences
