"""WCAG 2.2 AA in a real browser: axe-core on every page in both palettes, keyboard use,
text zoom, reduced motion and print."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import search
from tests.site import PAGES

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
URL_PATHS = [url for _, url in PAGES] + ["no-such-page/"]  # the 404 page too
AXE = Axe()


@pytest.fixture
def settled_page(browser, scheme):
    """A page in the test's palette, with reduced motion so axe reads final colours,
    not a palette transition half-way."""
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    yield context.new_page()
    context.close()


def _axe_violations(page) -> list[str]:
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url_path", URL_PATHS)
def test_axe_finds_no_violations(settled_page, web_url, url_path, scheme):
    settled_page.goto(web_url + url_path)
    expected = "slate" if scheme == "dark" else "default"
    assert settled_page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    violations = _axe_violations(settled_page)
    assert not violations, f"{url_path or 'home'} ({scheme}): {violations}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_ticked_self_check_and_the_whole_guide(settled_page, web_url, scheme):
    settled_page.goto(web_url + "signs/")
    settled_page.locator(".self-check input[type=checkbox]").first.check()
    assert settled_page.locator(".self-check__summary a").count() >= 1  # the summary is showing
    violations = _axe_violations(settled_page)
    assert not violations, f"self-check ({scheme}): {violations}"
    settled_page.goto(web_url + "whole-guide/")
    violations = _axe_violations(settled_page)
    assert not violations, f"whole guide ({scheme}): {violations}"


def test_axe_reports_a_planted_violation(context, web_url):
    """Negative control: an image without alt text must be reported."""
    page = context.new_page()
    page.goto(web_url)
    page.evaluate("document.querySelector('article').append(Object.assign(new Image(), {src: 'x.png'}))")
    assert any(v.startswith("image-alt") for v in _axe_violations(page))


def test_first_tab_reaches_skip_to_content_then_urgent_help(context, web_url):
    page = context.new_page()
    page.goto(web_url + "signs/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Tab")
    # The banner's first emergency number, then the others, then the crisis lines.
    assert page.evaluate("document.activeElement.getAttribute('href')") == "tel:911"
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


def test_urgent_help_is_visible_on_a_phone_without_scrolling(browser, web_url):
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.goto(web_url + "effects/")
    link = page.get_by_role("link", name="Crisis lines and more help")
    box = link.bounding_box()
    context.close()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 640


@pytest.mark.parametrize("url_path", ["", "signs/", "get-help/"])
def test_text_zoom_200_percent_needs_no_sideways_scrolling(context, web_url, url_path):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(web_url + url_path)
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert page.locator("article h1").is_visible()


def test_reduced_motion_turns_transitions_off(browser, web_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(web_url)
    duration = page.evaluate("getComputedStyle(document.querySelector('.md-header')).transitionDuration")
    context.close()
    assert all(float(part.rstrip("s")) <= 0.0001 for part in duration.split(","))


def test_print_drops_navigation_and_keeps_urgent_help_and_source_urls(context, web_url):
    page = context.new_page()
    page.goto(web_url + "healing/")
    page.emulate_media(media="print")
    display = "selector => getComputedStyle(document.querySelector(selector)).display"
    for chrome in [".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"]:
        assert page.evaluate(display, chrome) == "none", chrome
    assert page.get_by_text("Need help now?").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.page-sources a[href^=\"http\"]'), '::after').content"
    )
    href = page.evaluate("document.querySelector('.page-sources a[href^=\"http\"]').href")
    assert href in after


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_open_search_dialog(settled_page, web_url, scheme):
    assert search(settled_page, web_url, "therapy")
    violations = _axe_violations(settled_page)
    assert not violations, f"search dialog ({scheme}): {violations}"


def test_search_dialog_has_a_name(context, web_url):
    """axe's aria-dialog-name rule is a best practice, outside the WCAG tags above."""
    page = context.new_page()
    page.goto(web_url)
    results = AXE.run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert results.response["violations"] == []
    assert page.get_by_role("dialog", name="Search this guide", include_hidden=True).count() == 1
