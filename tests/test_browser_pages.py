"""Every page in Chromium, as a reader uses it: axe-core in both palettes, search and the
palette toggle in use, with no Content-Security-Policy violation, no request to another
site, no cookie and no console error. Then the checks' negative controls."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import RECORD_CSP_VIOLATIONS, CspWatch, PageWatch, use_search_and_palette
from tests.site import ALL_PAGES

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


def axe_violations(page) -> list[str]:
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']}: {node['target']}" for v in results.response["violations"] for node in v["nodes"]]


@pytest.fixture
def reader(browser):
    """A fresh profile that records policy violations; reduced motion so axe reads the
    final colours, not a palette transition half-way."""
    context = browser.new_context(reduced_motion="reduce")
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url_path", [url for _, url in ALL_PAGES] + ["no-such-page/"])
def test_page_in_use_is_accessible_private_and_within_its_policy(reader, web_url, url_path):
    page, name = reader, url_path or "home"
    watch, csp = PageWatch(page), CspWatch(page)
    page.goto(web_url + url_path, wait_until="networkidle")
    assert page.evaluate(SCHEME) == "default"
    assert not axe_violations(page), f"{name} (light): {axe_violations(page)}"
    use_search_and_palette(page)
    assert page.evaluate(SCHEME) == "slate"
    assert not axe_violations(page), f"{name} (dark): {axe_violations(page)}"
    if page.locator("form.self-check").count():  # the self-check, ticked, writes its summary
        page.locator("form.self-check input[type=checkbox]").first.check()
        assert page.locator(".self-check__summary [data-ticked] li").count() == 1
        assert not axe_violations(page), f"{name} (ticked self-check): {axe_violations(page)}"
    page.wait_for_timeout(200)
    assert csp.violations() == [], name
    elsewhere = [url for url in watch.requests if not url.startswith((web_url, "data:"))]
    assert watch.requests and not elsewhere, f"{name}: requests leave the site: {elsewhere}"
    errors = [e for e in watch.errors if not (url_path == "no-such-page/" and "404 (Not Found)" in e)]
    assert not errors, f"{name}: console errors: {errors}"
    assert page.context.cookies() == []
    policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
    assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert page.locator("meta[name=referrer]").get_attribute("content") == "no-referrer"


def test_axe_reports_a_planted_violation(reader, web_url):
    """Negative control: an image without alt text must be reported."""
    reader.goto(web_url)
    reader.evaluate("document.querySelector('article').append(Object.assign(new Image(), {src: 'x.png'}))")
    assert any(v.startswith("image-alt") for v in axe_violations(reader))


def test_an_injected_inline_handler_and_third_party_script_are_blocked(reader, web_url):
    """Negative control: markup that slipped through would still not run, and the watch sees it."""
    csp = CspWatch(reader)
    reader.goto(web_url + "signs/")
    reader.evaluate(
        "() => { document.body.insertAdjacentHTML('beforeend',"
        ' \'<img src="data:," onerror="window.__ran = 1">\');'
        " const s = document.createElement('script'); s.src = 'https://tracker.example/t.js';"
        " document.head.append(s); }"
    )
    reader.wait_for_timeout(300)
    assert reader.evaluate("window.__ran") is None
    violations = csp.violations()
    assert any("script-src" in v for v in violations) and any("tracker.example" in v for v in violations)


def test_request_watch_sees_third_party_requests(browser, web_url):
    """Negative control: a request to another origin is recorded, so the check above can fail.
    The page's own policy would block it before it is made, so bypass it here."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(web_url)
    page.evaluate("fetch('http://198.51.100.1/', {mode: 'no-cors'}).catch(() => null)")
    page.wait_for_timeout(300)
    context.close()
    assert any(url.startswith("http://198.51.100.1") for url in watch.requests)
