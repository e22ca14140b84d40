"""The offline edition, unzipped and opened from file://, works with no network at all."""

import zipfile

import pytest

from tests.browser import PageWatch, search, short
from tests.site import PAGES

ZIP_NAME = "hyper-independence-guide-offline.zip"


@pytest.fixture(scope="module")
def offline_home(built_copy, tmp_path_factory):
    """file:// URL of index.html in the unzipped offline edition."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built_copy / "dist" / ZIP_NAME) as archive:
        archive.extractall(folder)
    (index,) = folder.glob("*/index.html")
    return index.as_uri()


def _offline_file(url_path: str) -> str:
    return (url_path.rstrip("/") or "index") + ".html"


def test_every_page_is_reached_through_the_navigation(context, offline_home):
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(offline_home)
    base = offline_home.removesuffix("index.html")
    for source, url_path in PAGES:
        page.locator(f"nav.md-nav--primary a.md-nav__link[href$='{_offline_file(url_path)}']").first.click()
        page.wait_for_load_state("load")
        assert page.url == base + _offline_file(url_path), source
        assert page.locator("h1").count() == 1
        # The theme's stylesheet is applied, not just linked.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"

    network = [url for url in watch.requests if not url.startswith(("file://", "data:"))]
    assert not network, f"the offline edition used the network: {network}"
    assert not watch.errors, f"console errors: {watch.errors}"


@pytest.mark.parametrize(("query", "expected"), [("EMDR", "healing.html"), ("alcohol", "get-help.html")])
def test_search_works_from_file(context, offline_home, query, expected):
    page = context.new_page()
    watch = PageWatch(page)
    groups = search(page, offline_home, query)
    assert groups, f"no offline results for {query!r}"
    base = offline_home.removesuffix("index.html")
    assert short(groups[0][0], base) == expected
    assert all(url.startswith(("file://", "data:")) for url in watch.requests)
    assert not watch.errors, watch.errors


def test_offline_edition_says_it_is_the_offline_copy(context, offline_home):
    page = context.new_page()
    page.goto(offline_home)
    assert "offline copy" in page.locator("article").inner_text()
    assert page.locator("a[href$='.zip']").count() == 0


def test_need_help_now_link_works_offline(context, offline_home):
    page = context.new_page()
    page.goto(offline_home.removesuffix("index.html") + "signs.html")
    page.get_by_role("link", name="Crisis lines and more help").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/get-help.html#if-you-are-in-danger-now")
    assert page.locator("#if-you-are-in-danger-now").is_visible()
