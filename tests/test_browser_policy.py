"""The browser enforces the privacy and script policy: a Content-Security-Policy and a
referrer policy on every page, with 0 violations while a reader uses the site."""

import pytest

from tests.browser import RECORD_CSP_VIOLATIONS, CspWatch, use_search_and_palette
from tests.site import PAGES

URL_PATHS = [url for _, url in PAGES]


@pytest.fixture
def watched(context):
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    return context


@pytest.mark.parametrize("url_path", URL_PATHS)
def test_no_policy_violations_while_a_reader_uses_the_site(watched, web_url, url_path):
    page = watched.new_page()
    csp = CspWatch(page)
    page.goto(web_url + url_path, wait_until="networkidle")
    use_search_and_palette(page)
    if url_path == "signs/":  # the self-check, ticked, writes its summary
        page.locator("form.self-check input[type=checkbox]").first.check()
        assert "You ticked" in page.locator(".self-check__summary").inner_text()
    page.wait_for_timeout(200)
    assert csp.violations() == []


def test_every_page_carries_both_policies(watched, web_url):
    page = watched.new_page()
    for url_path in [*URL_PATHS, "404.html"]:
        page.goto(web_url + url_path)
        csp = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
        assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp, url_path
        assert page.locator("meta[name=referrer]").get_attribute("content") == "no-referrer", url_path


def test_an_injected_inline_handler_is_blocked(watched, web_url):
    """Negative control: markup that slipped through would still not run."""
    page = watched.new_page()
    csp = CspWatch(page)
    page.goto(web_url + "signs/")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,\" onerror=\"window.__ran = 1\">')"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in violation for violation in csp.violations())


def test_an_injected_third_party_script_is_blocked(watched, web_url):
    page = watched.new_page()
    csp = CspWatch(page)
    page.goto(web_url)
    page.evaluate(
        "() => { const s = document.createElement('script'); s.src = 'https://tracker.example/t.js';"
        " document.head.append(s); }"
    )
    page.wait_for_timeout(300)
    assert any("tracker.example" in violation for violation in csp.violations())
