"""Plain words on every device: abbreviations explained in words at first use (a tooltip
needs a mouse), "select" or "tap" rather than "click", and one name for each page."""

import re
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.data import load_all
from tests.site import PAGES, ROOT, article

GLOSSARY = load_all(ROOT / "data")["glossary"]
ABBREVIATED = [entry for entry in GLOSSARY if entry.abbreviation]


def _reading_order_text(main):
    """Each piece of visible text in the page's main content, in reading order."""
    for hidden in main.select("script, style, .headerlink, .md-content__button, [hidden]"):
        hidden.decompose()
    yield from main.find_all(string=True)


def _normalise(text: str) -> str:
    return " ".join(text.replace("-", " ").lower().split())


def unexplained_abbreviations(main, url_path: str) -> list[str]:
    """Abbreviations whose first use is neither after (or inside) their full term in words
    nor a link to their glossary entry."""
    problems = []
    for entry in ABBREVIATED:
        pattern = re.compile(rf"\b{re.escape(entry.abbreviation)}\b")
        read = ""
        for piece in _reading_order_text(BeautifulSoup(str(main), "html.parser")):
            first = pattern.search(piece)
            if first is None:
                read += " " + piece
                continue
            read += " " + piece[: first.end()]
            link = piece.find_parent("a", href=True)
            target = urljoin(f"https://site/{url_path}", link["href"]) if link else ""
            if _normalise(entry.term) not in _normalise(read) and target != (
                f"https://site/glossary/#{entry.id}"
            ):
                problems.append(f"{entry.abbreviation} (say '{entry.term} ({entry.abbreviation})')")
            break
    return problems


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_abbreviations_are_explained_in_words_at_first_use(site, source, url_path):
    assert not unexplained_abbreviations(article(site, url_path), url_path), source


@pytest.mark.parametrize(
    ("html", "explained"),
    [
        ("<p>Talking therapies help with PTSD.</p>", False),
        ("<p>PTSD, or post-traumatic stress disorder, is a condition.</p>", False),
        ("<p>Post-traumatic stress disorder (PTSD) is a condition.</p>", True),
        ('<p>Some people have <a href="../glossary/#post-traumatic-stress-disorder">PTSD</a>.</p>', True),
    ],
)
def test_abbreviation_check_can_fail(html, explained):
    """Negative control: an unexplained first use is caught; the two good forms pass."""
    main = BeautifulSoup(f"<article>{html}</article>", "html.parser")
    assert (not unexplained_abbreviations(main, "healing/")) is explained


def test_flashbacks_are_in_the_glossary():
    assert "flashbacks" in {entry.id for entry in GLOSSARY}


# -- "Select" or "tap", never "click" ---------------------------------------------------

CLICK = re.compile(r"\bclick", re.I)


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_pages_never_say_click(site, source, url_path):
    assert not CLICK.search(article(site, url_path).get_text(" ")), f"{source}: say 'select' or 'tap'"


def test_click_check_can_fail():
    assert CLICK.search("Click the number to see the source.")


# -- One name per page --------------------------------------------------------------------


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !ENV tags; only the nav matters here."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_names() -> dict[str, str]:
    """Markdown file -> its label in mkdocs.yml's nav."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    return {file: label for item in config["nav"] for label, file in item.items()}


def _front_matter_title(source: str) -> str:
    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])["title"]


NAMES = _nav_names()
NAME_OF_URL = {f"https://site/{url_path}": NAMES[source] for source, url_path in PAGES}


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_nav_label_title_and_heading_are_one_name(site, source, url_path):
    heading = article(site, url_path).find("h1").get_text(" ", strip=True)
    assert NAMES[source] == _front_matter_title(source) == heading


def misnamed_links(main, url_path: str) -> list[str]:
    """Links to a whole page (no #section) whose words are not that page's name."""
    problems = []
    for link in main.find_all("a", href=True):
        target = urljoin(f"https://site/{url_path}", link["href"])
        name = NAME_OF_URL.get(target)
        # find_all(string=True), not get_text(): it also reads the words of a link in a
        # <template> (the self-check's summary), which get_text() leaves out.
        words = " ".join(" ".join(link.find_all(string=True)).split())
        if name is not None and words != name:
            problems.append(f"'{words}' links to '{name}'")
    return problems


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_links_to_a_page_use_its_name(site, source, url_path):
    assert not misnamed_links(article(site, url_path), url_path), source


def test_link_name_check_can_fail():
    """Negative control: the old names of the balance page are caught."""
    old = '<article><a href="../balance/">Balancing independence and closeness</a></article>'
    assert misnamed_links(BeautifulSoup(old, "html.parser"), "healing/")
