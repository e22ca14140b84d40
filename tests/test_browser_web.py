"""The web build in Chromium: no third-party requests, no cookies, no console errors,
a working colour toggle, a helpful 404 page and the offline download."""

import pytest

from tests.browser import PageWatch
from tests.site import PAGES

URL_PATHS = [url for _, url in PAGES]


@pytest.mark.parametrize("url_path", URL_PATHS)
def test_page_stays_on_its_own_origin_without_errors(context, web_url, url_path):
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(web_url + url_path, wait_until="networkidle")

    assert watch.requests, "no requests were recorded"
    elsewhere = [url for url in watch.requests if not url.startswith(web_url) and not url.startswith("data:")]
    assert not elsewhere, f"{url_path or 'home'}: requests leave the site: {elsewhere}"
    assert not watch.errors, f"{url_path or 'home'}: console errors: {watch.errors}"
    assert context.cookies() == []


def test_request_watch_sees_third_party_requests(browser, web_url):
    """Negative control: a request to another origin is recorded, so the check above can fail.
    The page's own policy would block the request before it is made, so bypass it here."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(web_url)
    page.evaluate("fetch('http://198.51.100.1/', {mode: 'no-cors'}).catch(() => null)")
    page.wait_for_timeout(300)
    assert any(url.startswith("http://198.51.100.1") for url in watch.requests)
    context.close()


def test_colour_toggle_switches_and_survives_a_reload(context, web_url):
    page = context.new_page()
    page.goto(web_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate(scheme)
    assert {before, after} == {"default", "slate"}
    page.reload()
    assert page.evaluate(scheme) == after


def test_missing_page_shows_the_404_page_with_a_way_back(context, web_url):
    page = context.new_page()
    response = page.goto(web_url + "no-such-page/")
    assert response.status == 404
    assert page.locator("h1").first.inner_text().strip()
    nav_links = page.locator("nav.md-nav--primary a.md-nav__link")
    assert nav_links.count() >= len(PAGES)
    page.locator(".md-header__button.md-logo").click()
    assert page.url == web_url


def test_home_page_offers_the_offline_zip(context, web_url):
    page = context.new_page()
    page.goto(web_url)
    link = page.get_by_role("link", name="Read offline: download")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok
    assert response.body()[:2] == b"PK"  # a zip file
