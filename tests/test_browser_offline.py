"""The offline edition, unzipped and opened from file://, works with no network at all."""

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.browser import RECORD_CSP_VIOLATIONS, PageWatch, offline_file, unzip_offline, use_page
from tests.site import ALL_PAGES, PAGES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline(built, tmp_path_factory) -> str:
    return unzip_offline(built, tmp_path_factory.mktemp("offline"))


def _offline_only(watch: PageWatch) -> None:
    network = [url for url in watch.requests if not url.startswith(("file://", "data:"))]
    assert not network, f"the offline edition used the network: {network}"
    assert not watch.errors, f"console errors: {watch.errors}"


def test_the_zip_the_web_home_offers_reaches_every_page_from_file(context, web_url, built, offline):
    home = context.new_page()
    home.goto(web_url)
    link = home.get_by_role("link", name="Read offline: download").evaluate("a => a.href")
    zip_file = built / "dist" / "hyper-independence-guide-offline.zip"
    assert home.request.get(link).body() == zip_file.read_bytes()  # the one unzipped here
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(offline + "index.html")
    assert "offline copy" in page.locator("article").inner_text()
    assert page.locator("a[href$='.zip']").count() == 0
    href = page.locator(".page-actions a[href$='.pdf']").get_attribute("href")
    assert href == "downloads/hyper-independence-guide.pdf"
    assert (Path(unquote(urlparse(offline).path)) / href).read_bytes().startswith(b"%PDF")
    for source, url_path in PAGES:
        page.locator(f"nav.md-nav--primary a.md-nav__link[href$='{offline_file(url_path)}']").first.click()
        page.wait_for_load_state("load")
        assert page.url == offline + offline_file(url_path), source
        # The theme's stylesheet is applied, not just linked.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.get_by_role("link", name="Crisis lines and more help").click()
    page.wait_for_load_state("load")
    assert page.url == offline + "get-help.html#if-you-are-in-danger-now"
    assert page.locator("#if-you-are-in-danger-now").is_visible()
    _offline_only(watch)


@pytest.mark.parametrize(("source", "url_path"), ALL_PAGES)
def test_the_policy_holds_from_file_with_no_violations(context, offline, source, url_path):
    """Search (its worker frame too), the palette and the self-check from file://: no violation or request."""
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(offline + offline_file(url_path))
    policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "default-src 'self'" in policy and "script-src 'self' 'unsafe-inline';" in policy
    use_page(page)
    page.wait_for_timeout(200)
    assert watch.violations() == [], source
    _offline_only(watch)
