"""The offline edition, unzipped and opened from file://, works with no network at all."""

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.browser import RECORD_CSP_VIOLATIONS, CspWatch, PageWatch, use_search_and_palette
from tests.site import ALL_PAGES, PAGES
from tests.test_browser_act import SIGNS, WATCH_JS, kept, ticked

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_home(built, tmp_path_factory):
    """file:// URL of index.html in the unzipped offline edition."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built / "dist" / "hyper-independence-guide-offline.zip") as archive:
        archive.extractall(folder)
    (index,) = folder.glob("*/index.html")
    return index.as_uri()


def _offline_url(home: str, url_path: str) -> str:
    return home.removesuffix("index.html") + (url_path.rstrip("/") or "index") + ".html"


def _offline_only(watch: PageWatch) -> None:
    network = [url for url in watch.requests if not url.startswith(("file://", "data:"))]
    assert not network, f"the offline edition used the network: {network}"
    assert not watch.errors, f"console errors: {watch.errors}"


def test_every_page_is_reached_through_the_navigation(context, offline_home):
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(offline_home)
    for source, url_path in PAGES:
        file = _offline_url("", url_path)
        page.locator(f"nav.md-nav--primary a.md-nav__link[href$='{file}']").first.click()
        page.wait_for_load_state("load")
        assert page.url == _offline_url(offline_home, url_path), source
        assert page.locator("h1").count() == 1
        # The theme's stylesheet is applied, not just linked.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    _offline_only(watch)


def test_offline_edition_says_so_and_its_pdf_link_works(context, offline_home):
    page = context.new_page()
    page.goto(offline_home)
    assert "offline copy" in page.locator("article").inner_text()
    assert page.locator("a[href$='.zip']").count() == 0
    href = page.locator(".page-actions a[href$='.pdf']").get_attribute("href")
    assert href == "downloads/hyper-independence-guide.pdf"
    assert (Path(unquote(urlparse(page.url).path)).parent / href).read_bytes().startswith(b"%PDF")


def test_need_help_now_link_works_offline(context, offline_home):
    page = context.new_page()
    page.goto(_offline_url(offline_home, "signs/"))
    page.get_by_role("link", name="Crisis lines and more help").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/get-help.html#if-you-are-in-danger-now")
    assert page.locator("#if-you-are-in-danger-now").is_visible()


@pytest.mark.parametrize(("source", "url_path"), ALL_PAGES)
def test_the_policy_holds_from_file_with_no_violations(context, offline_home, source, url_path):
    """Search (worker frame included) and the palette from file://: no violation, no network."""
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    csp, watch = CspWatch(page), PageWatch(page)
    page.goto(_offline_url(offline_home, url_path))
    policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "default-src 'self'" in policy and "script-src 'self' 'unsafe-inline';" in policy
    use_search_and_palette(page)
    page.wait_for_timeout(200)
    assert csp.violations() == [], source
    _offline_only(watch)


def test_self_check_works_offline_and_keeps_nothing(context, offline_home):
    context.add_init_script(WATCH_JS)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(_offline_url(offline_home, "signs/"), wait_until="networkidle")
    before, nothing = len(watch.requests), kept(page)
    for sign in SIGNS[:2]:
        page.get_by_role("checkbox", name=sign.label, exact=True).check()
    assert ticked(page) == [sign.label for sign in SIGNS[:2]]
    assert watch.requests[before:] == [] and kept(page) == nothing
    _offline_only(watch)
