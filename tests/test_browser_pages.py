"""Every page in Chromium as a reader uses it: axe-core in both palettes, and no policy violation, request
elsewhere, cookie or console error, with negative controls; then what every page shares, once."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import RECORD_CSP_VIOLATIONS, PageWatch, search, use_page
from tests.site import ALL_PAGES

pytestmark = pytest.mark.browser
# WCAG 2.2 AA, and axe's best practices (heading order, landmarks), as Lighthouse runs them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE = Axe()
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


def axe_violations(page) -> list[str]:
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']}: {node['target']}" for v in results.response["violations"] for node in v["nodes"]]


@pytest.fixture
def reader(browser):
    """A fresh profile recording policy violations; reduced motion, so axe reads the final colours."""
    context = browser.new_context(reduced_motion="reduce")
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url_path", [url for _, url in ALL_PAGES] + ["no-such-page/"])
def test_page_in_use_is_accessible_private_and_within_its_policy(reader, web_url, url_path):
    page, name, watch = reader, url_path or "home", PageWatch(reader)
    page.goto(web_url + url_path, wait_until="networkidle")
    page.wait_for_selector(".md-search[aria-label]", state="attached")  # our script named the dialog
    assert page.evaluate(SCHEME) == "default"
    assert (found := axe_violations(page)) == [], f"{name} (light): {found}"
    use_page(page)
    assert page.evaluate(SCHEME) == "slate"
    assert (found := axe_violations(page)) == [], f"{name} (dark, searched, self-check ticked): {found}"
    page.wait_for_timeout(200)
    assert watch.violations() == [], name
    elsewhere = [url for url in watch.requests if not url.startswith((web_url, "data:"))]
    assert watch.requests and not elsewhere, f"{name}: requests leave the site: {elsewhere}"
    errors = [e for e in watch.errors if not (url_path == "no-such-page/" and "404 (Not Found)" in e)]
    assert not errors, f"{name}: console errors: {errors}"
    assert page.context.cookies() == []
    policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert page.locator("meta[name=referrer]").get_attribute("content") == "no-referrer"


def test_the_checks_see_a_planted_image_inline_handler_tracker_and_request_elsewhere(reader, web_url):
    """Negative controls: axe, the policy and its watch, and the request watch each see what they must."""
    watch = PageWatch(reader)
    reader.goto(web_url + "signs/")
    reader.evaluate(
        """() => { document.querySelector('article').insertAdjacentHTML('beforeend',
          '<img src="data:," onerror="window.__ran = 1">');
        const s = document.createElement('script'); s.src = 'https://tracker.example/t.js';
        document.head.append(s); }"""
    )
    reader.wait_for_timeout(300)
    assert any(v.startswith("image-alt") for v in axe_violations(reader))
    assert reader.evaluate("window.__ran") is None
    violations = watch.violations()
    assert any("script-src" in v for v in violations) and any("tracker.example" in v for v in violations)
    # The policy blocks other sites' requests before they are made, but not leaving the page for one.
    reader.evaluate("setTimeout(() => { location.href = 'http://198.51.100.1/'; })")
    reader.wait_for_timeout(300)
    assert any(url.startswith("http://198.51.100.1") for url in watch.requests)


# -- What every page shares, checked once (keyboard and focus: test_browser_wcag.py) ----------
def test_print_drops_navigation_and_keeps_source_urls(context, web_url):
    page = context.new_page()
    page.goto(web_url + "healing/")
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"]:
        assert page.locator(chrome).is_hidden(), chrome
    source = page.locator(".page-sources a[href^='http']").first  # its address is printed after it
    assert source.evaluate("a => getComputedStyle(a, '::after').content.includes(a.href)")


def test_search_dialog_is_accessible_in_both_palettes_and_the_chosen_one_survives_a_reload(browser, web_url):
    page = browser.new_page(reduced_motion="reduce")
    page.goto(web_url)
    for scheme in ("default", "slate"):
        assert page.evaluate(SCHEME) == scheme
        assert search(page, "therapy")
        assert (found := axe_violations(page)) == [], f"search dialog ({scheme}): {found}"
        # It has a name: all that axe's aria-dialog-name (a best practice, not a WCAG tag) asks.
        assert page.get_by_role("dialog", name="Search this guide", include_hidden=True).count() == 1
        if scheme == "default":  # choose the dark palette, then reload
            page.keyboard.press("Escape")
            page.locator("form[data-md-component=palette] label:visible").first.click()
            page.reload()
    page.close()
