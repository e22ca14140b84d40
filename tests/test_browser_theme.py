"""What every page shares, checked once in Chromium: the keyboard path to urgent help,
the focus ring, print, the search dialog, the colour toggle, the 404 page and the offline
download (text zoom and reduced motion: test_browser_wcag.py)."""

import pytest

from tests.browser import search
from tests.test_browser_pages import AXE, SCHEME, axe_violations

pytestmark = pytest.mark.browser


def test_first_tab_reaches_skip_to_content_then_urgent_help(context, web_url):
    page = context.new_page()
    page.goto(web_url + "signs/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("tel:")
    while not page.evaluate(
        "document.activeElement.closest('.md-banner') && !document.activeElement.href.startsWith('tel:')"
    ):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/get-help/#if-you-are-in-danger-now")


def test_focus_is_always_visible(context, web_url):
    page = context.new_page()
    page.goto(web_url + "healing/")
    for _ in range(25):
        page.keyboard.press("Tab")
        element, outline, ring = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.outerHTML.slice(0, 80),"
            " `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, s.boxShadow]; })()"
        )
        # Our two-tone ring, not the browser's default (which can be faint on the banner).
        assert outline == "solid 3px rgb(255, 221, 0)", f"focus outline {outline!r} on {element}"
        assert "rgb(11, 12, 12)" in ring, f"focus ring {ring!r} on {element}"


def test_print_drops_navigation_and_keeps_urgent_help_and_source_urls(context, web_url):
    page = context.new_page()
    page.goto(web_url + "healing/")
    page.emulate_media(media="print")
    display = "selector => getComputedStyle(document.querySelector(selector)).display"
    for chrome in [".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"]:
        assert page.evaluate(display, chrome) == "none", chrome
    assert page.get_by_text("Need help now?").is_visible()
    source = ".page-sources a[href^='http']"
    after = page.evaluate(f"getComputedStyle(document.querySelector(\"{source}\"), '::after').content")
    assert page.evaluate(f'document.querySelector("{source}").href') in after


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_search_dialog_is_accessible_and_named(browser, web_url, scheme):
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    page.goto(web_url)
    assert search(page, "therapy")
    assert not axe_violations(page), f"search dialog ({scheme}): {axe_violations(page)}"
    # axe's aria-dialog-name rule is a best practice, outside the WCAG tags above.
    named = AXE.run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert named.response["violations"] == []
    assert page.get_by_role("dialog", name="Search this guide", include_hidden=True).count() == 1
    context.close()


def test_colour_toggle_switches_and_survives_a_reload(context, web_url):
    page = context.new_page()
    page.goto(web_url)
    before = page.evaluate(SCHEME)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate(SCHEME)
    assert {before, after} == {"default", "slate"}
    page.reload()
    assert page.evaluate(SCHEME) == after


def test_missing_page_shows_the_404_page_with_a_way_back(context, web_url):
    page = context.new_page()
    response = page.goto(web_url + "no-such-page/")
    assert response.status == 404
    page.get_by_role("link", name="Go to the start of the guide").click()
    assert page.url.removesuffix("index.html") == web_url


def test_home_page_offers_the_offline_zip(context, web_url):
    page = context.new_page()
    page.goto(web_url)
    link = page.get_by_role("link", name="Read offline: download")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.body()[:2] == b"PK"  # a zip file
