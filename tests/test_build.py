"""The real site builds strictly, with every page in the promised order."""

import re

import pytest

from tests.site import PAGES, ROOT, copy_project, mkdocs_build, page_html, soup


def test_strict_build_prints_no_warnings(tmp_path):
    result = mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_page_has_exactly_one_h1(site, source, url_path):
    headings = soup(site, url_path).find_all("h1")
    assert len(headings) == 1, f"{source}: {[h.get_text() for h in headings]}"
    assert headings[0].get_text(strip=True)


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_no_template_syntax_left_on_page(site, source, url_path):
    leftovers = re.findall(r"\{\{|\{%|\{#", page_html(site, url_path))
    assert not leftovers, f"{source} shows template syntax to readers"


def test_navigation_follows_the_reading_order(site):
    nav = soup(site, "").select("nav.md-nav--primary a.md-nav__link[href]")
    targets = []
    for link in nav:
        href = link["href"].removeprefix("./").split("#")[0]
        href = "" if href in {".", ""} else href
        if href not in targets:
            targets.append(href)
    assert targets == [url for _, url in PAGES]


@pytest.mark.parametrize(
    "bad_link",
    ["[gone](no-such-page.md)", "[gone](signs.md#no-such-anchor)", "[abs](/signs/)"],
)
def test_broken_links_fail_the_strict_build(tmp_path, bad_link):
    """Negative control for the validation block in mkdocs.yml."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about.md"
    page.write_text(page.read_text() + f"\n\n{bad_link}\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "about.md" in result.stdout + result.stderr


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_page_offers_edit_and_correction_links(site, source, url_path):
    links = {a.get_text(strip=True): a["href"] for a in soup(site, url_path).select(".page-actions a")}
    assert links["Edit this page"].endswith(f"/edit/main/docs/{source}")
    assert "/issues/new?template=correction.yml" in links["Suggest a correction"]


def test_a_page_left_out_of_the_nav_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    stray = "---\nreviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n# Stray\n"
    (project / "docs" / "stray.md").write_text(stray)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "stray.md" in result.stdout + result.stderr
