"""One project, two engines: MkDocs and Zensical build the same guide.

Both builds run the same finishing step (macros/finish.py), then each page is
compared on what a reader gets: the main text, every heading and its anchor,
citations that resolve on the page, review dates, the urgent-help banner, the
JSON-LD and the Content-Security-Policy.

Theme chrome may differ and is not compared. The differences known today
(also in CONTRIBUTING.md, "MkDocs and Zensical"):
"""

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from tests.site import ENV, PAGES, ROOT, VENV, copy_project

ALLOWED_DIFFERENCES = {
    "generator meta": "names the engine",
    "theme bundle": "Zensical ships its own build of the theme's JavaScript and CSS",
    "search index": "search.json instead of search/search_index.json",
    "sitemap.xml.gz": "Zensical writes only sitemap.xml",
    "inline script hashes": "the themes' inline scripts differ; each page's policy lists its own",
}

# Every page, and the whole guide on one page (out of the nav).
PARITY_PAGES = [*PAGES, ("whole-guide.md", "whole-guide/")]

ENGINES = {
    "mkdocs": [str(VENV / "bin" / "mkdocs"), "build", "--strict"],
    "zensical": [str(VENV / "bin" / "zensical"), "build", "--clean"],
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("parity") / "project")
    built = {}
    for engine, command in ENGINES.items():
        site_dir = f".site-{engine}"
        for step in (command, [str(VENV / "bin" / "python"), "-m", "macros.finish", site_dir]):
            result = subprocess.run(
                step,
                cwd=project,
                env={**ENV, "SITE_DIR": site_dir},
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert result.returncode == 0, f"{engine}: {' '.join(step)}\n{result.stdout}{result.stderr}"
        built[engine] = project / site_dir
    return built


def _page(site, url_path) -> BeautifulSoup:
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _article(page):
    return page.select_one("article")


def _words(element) -> str:
    return " ".join(element.get_text(" ").split())


def _headings(page):
    return [(h.name, h.get("id"), _words(h)) for h in _article(page).find_all(re.compile("^h[1-6]$"))]


def _policy_without_hashes(page) -> str:
    policy = page.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    return re.sub(r" 'sha256-[^']+'", "", policy)


def _json_ld(page):
    block = page.select_one("script[type='application/ld+json']")
    return json.loads(block.string) if block else None


def _banner(page):
    banner = page.select_one(".md-banner")
    return _words(banner), [a["href"] for a in banner.select("a[href^='tel:'], a[href^='sms:']")]


@pytest.mark.parametrize(("source", "url_path"), PARITY_PAGES)
def test_both_engines_give_the_reader_the_same_page(sites, source, url_path):
    mkdocs, zensical = (_page(sites[engine], url_path) for engine in ENGINES)
    assert _words(_article(zensical)) == _words(_article(mkdocs)), f"{source}: main text differs"
    assert _headings(zensical) == _headings(mkdocs), f"{source}: headings or anchors differ"
    assert _words(zensical.select_one(".review-dates")) == _words(mkdocs.select_one(".review-dates"))
    assert _banner(zensical) == _banner(mkdocs), f"{source}: urgent-help banner differs"
    assert _json_ld(zensical) == _json_ld(mkdocs), f"{source}: JSON-LD differs"
    assert _policy_without_hashes(zensical) == _policy_without_hashes(mkdocs)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("source", "url_path"), PARITY_PAGES)
def test_every_citation_resolves_on_its_own_page(sites, engine, source, url_path):
    page = _page(sites[engine], url_path)
    markers = [a["href"] for a in _article(page).select("sup.citation a")]
    for href in markers:
        assert page.select_one(href), f"{engine} {source}: {href} has no entry on the page"
    if "cite(" in (ROOT / "docs" / source).read_text():
        assert markers, f"{engine} {source}: the page cites sources but shows no markers"


def test_make_build_with_zensical_builds_both_editions(tmp_path):
    project = copy_project(tmp_path / "project")
    result = subprocess.run(
        ["make", "--no-print-directory", "build", "ENGINE=zensical", f"VENV={VENV}"],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "zensical-" in home and "Content-Security-Policy" in home
    assert (project / "site" / "downloads" / "hyper-independence-guide-offline.zip").is_file()
    offline_home = project / "dist" / "hyper-independence-guide-offline" / "index.html"
    assert "Content-Security-Policy" in offline_home.read_text(encoding="utf-8")
