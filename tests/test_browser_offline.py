"""The offline edition, unzipped and opened from file://, works with no network at all."""

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.browser import (
    RECORD_CSP_VIOLATIONS,
    CspWatch,
    PageWatch,
    use_search_and_palette,
)
from tests.site import ALL_PAGES, PAGES

pytestmark = pytest.mark.browser

ZIP_NAME = "hyper-independence-guide-offline.zip"


@pytest.fixture(scope="module")
def offline_home(built, tmp_path_factory):
    """file:// URL of index.html in the unzipped offline edition."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(built / "dist" / ZIP_NAME) as archive:
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


@pytest.mark.parametrize(("source", "url_path"), ALL_PAGES)
def test_the_policy_holds_from_file_with_no_violations(context, offline_home, source, url_path):
    """The offline policy works from file://, search worker frame included: no other site."""
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    csp = CspWatch(page)
    page.goto(offline_home.removesuffix("index.html") + _offline_file(url_path))
    policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "default-src 'self'" in policy and "script-src 'self' 'unsafe-inline';" in policy
    use_search_and_palette(page)
    page.wait_for_timeout(200)
    assert csp.violations() == [], source


def test_tel_links_and_the_pdf_work_offline(context, offline_home):
    from tests.test_browser_act import EMERGENCY

    page = context.new_page()
    page.goto(offline_home.removesuffix("index.html") + "get-help.html")
    banner = page.eval_on_selector_all(
        ".md-banner a[href^='tel:']", "links => links.map(l => l.getAttribute('href'))"
    )
    assert banner == [f"tel:{n}" for n in dict.fromkeys(EMERGENCY)]
    assert page.locator("article a[href^='tel:']").count() >= len(EMERGENCY)
    pdf = page.locator(".page-actions a[href$='.pdf']")
    assert pdf.get_attribute("href") == "downloads/hyper-independence-guide.pdf"
    target = Path(unquote(urlparse(page.url).path)).parent / "downloads" / "hyper-independence-guide.pdf"
    assert target.read_bytes().startswith(b"%PDF")


def test_self_check_works_offline_and_keeps_nothing(context, offline_home):
    from tests.test_browser_act import SIGNS, WATCH_JS, _kept, _ticked

    context.add_init_script(WATCH_JS)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(offline_home.removesuffix("index.html") + "signs.html")
    page.wait_for_load_state("networkidle")
    before, kept = len(watch.requests), _kept(page)
    for sign in SIGNS[:2]:
        page.get_by_role("checkbox", name=sign.label, exact=True).check()
    assert _ticked(page) == [sign.label for sign in SIGNS[:2]]
    assert watch.requests[before:] == []
    assert _kept(page) == kept
    assert not watch.errors, watch.errors
