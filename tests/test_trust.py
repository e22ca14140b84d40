"""Trust signals in the built pages: urgent help everywhere, tiered help, sources,
review dates, glossary tooltips and the metadata search engines and browsers read."""

import json
import subprocess
from urllib.parse import urljoin

import pytest
import yaml

from macros.data import load_all
from tests.site import PAGES, ROOT, VENV, article, mkdocs_build, soup

SOURCES = {source.id: source for source in load_all(ROOT / "data")["sources"]}


def _front_matter(source: str) -> dict:
    text = (ROOT / "docs" / source).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_every_page_links_to_urgent_help_before_its_content(site, source, url_path):
    page = soup(site, url_path)
    banner = page.select_one(".md-banner")
    assert banner is not None and "Need help now?" in banner.get_text(), source
    targets = {urljoin(f"https://site/{url_path}", a["href"]) for a in banner.find_all("a")}
    assert "https://site/get-help/#if-you-are-in-danger-now" in targets, source
    # Before the header and the content, so it comes first on a phone and for a screen reader.
    assert page.find_all(["aside", "header", "article"])[0] is banner


def test_help_page_is_tiered_emergency_then_crisis_then_non_urgent(site):
    headings = [h.get("id") for h in article(site, "get-help/").find_all("h2")]
    order = ["if-you-are-in-danger-now", "crisis-lines", "when-to-see-a-doctor-or-therapist"]
    assert [h for h in headings if h in order] == order


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_page_shows_its_review_dates(site, source, url_path):
    meta = _front_matter(source)
    dates = soup(site, url_path).select_one(".review-dates")
    assert dates is not None, source
    times = [t["datetime"] for t in dates.find_all("time")]
    assert times == [meta["reviewed"].isoformat(), meta["next_review"].isoformat()]
    assert "Page last reviewed" in dates.get_text() and "Next review due" in dates.get_text()


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_page_metadata(site, source, url_path):
    meta = _front_matter(source)
    page = soup(site, url_path)
    assert page.html["lang"] == "en"
    assert page.select_one("meta[name=description]")["content"] == meta["description"]
    assert page.select_one("meta[property='og:description']")["content"] == meta["description"]
    assert page.select_one("meta[property='og:title']")["content"]
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == meta["reviewed"].isoformat()


def test_robots_txt_and_sitemap(built_copy):
    site = built_copy / "site"  # robots.txt comes from the finishing step of `make build`
    robots = (site / "robots.txt").read_text()
    assert "User-agent: *" in robots and "sitemap.xml" in robots
    assert (site / "sitemap.xml").is_file()


def test_404_page_helps_the_reader_back(site):
    html = (site / "404.html").read_text()
    assert "We cannot find that page" in html
    assert "get-help/#if-you-are-in-danger-now" in html


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_citations_link_to_the_page_sources(site, source, url_path):
    main = article(site, url_path)
    markers = main.select("sup.citation a")
    listed = {li["id"].removeprefix("source-") for li in main.select("ol.page-sources li")}
    cited = {a["href"].removeprefix("#source-") for a in markers}
    assert cited == listed, source
    assert listed <= set(SOURCES), source


def test_content_pages_cite_sources(site):
    uncited = [
        src
        for src, url in PAGES
        if src not in {"about.md", "accessibility.md", "glossary.md", "sources.md"}
        and not article(site, url).select("sup.citation")
    ]
    assert not uncited, f"pages without any source: {uncited}"


def test_sources_page_lists_every_source_in_full(site):
    main = article(site, "sources/")
    for source in SOURCES.values():
        entry = main.find(id=source.id)
        assert entry is not None, source.id
        text = entry.get_text(" ")
        assert source.title in text and source.publisher in text
        assert entry.find("a", href=source.url)
        if source.year:
            assert str(source.year) in text
        for author in source.authors or []:
            assert author in text


def test_every_listed_source_is_cited_somewhere(site):
    cited = set()
    for _, url_path in PAGES:
        cited |= {
            li["id"].removeprefix("source-") for li in article(site, url_path).select("ol.page-sources li")
        }
    assert set(SOURCES) == cited, f"listed but never cited: {set(SOURCES) - cited}"


def test_abbreviations_get_tooltips_from_the_glossary(site):
    glossary = load_all(ROOT / "data")["glossary"]
    abbreviations = {entry.abbreviation: entry.term for entry in glossary if entry.abbreviation}
    tooltips = [abbr for _, url_path in PAGES for abbr in article(site, url_path).find_all("abbr")]
    assert len({abbr.get_text() for abbr in tooltips}) >= 2, "the glossary's abbreviations reach the pages"
    for tooltip in tooltips:
        assert tooltip["title"] == abbreviations[tooltip.get_text()]


# -- Failing builds: negative controls on a copy of the project ---------------------------


def _build_with_page_change(project_copy, tmp_path, change):
    """As `make build` does: the check step (python -m macros.check), then the engine."""
    page = project_copy / "docs" / "balance.md"
    page.write_text(change(page.read_text()))
    check = subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "macros.check"], cwd=project_copy, capture_output=True, text=True
    )
    return check if check.returncode != 0 else mkdocs_build(project_copy, tmp_path / "out")


@pytest.fixture
def project_copy(tmp_path):
    from tests.site import copy_project

    return copy_project(tmp_path / "project")


def test_unknown_source_id_fails_naming_page_and_id(project_copy, tmp_path):
    result = _build_with_page_change(
        project_copy, tmp_path, lambda t: t + '\nMore.{{ cite("no-such-source") }}\n'
    )
    assert result.returncode != 0
    assert "docs/balance.md: cites unknown source id 'no-such-source'" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("next_review: 2027-11-25\n", ""), "'next_review' must be a date"),
        (lambda t: t.replace("reviewed: 2026-11-25\n", ""), "'reviewed' must be a date"),
        (lambda t: t.replace("next_review: 2027-11-25", "next_review: 2030-01-01"), "more than 3 years"),
    ],
)
def test_bad_review_dates_fail_the_build(project_copy, tmp_path, change, message):
    result = _build_with_page_change(project_copy, tmp_path, change)
    assert result.returncode != 0
    assert "docs/balance.md" in result.stdout + result.stderr and message in result.stdout + result.stderr
