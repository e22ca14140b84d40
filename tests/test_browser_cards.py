"""The home page's start-here cards and the care cards on When to get help, in Chromium:
whole-card targets, urgency in words and order, the number first, and edges in forced colours."""

import pytest

from tests.site import DATA

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True}
# Each start-here link against its card (the <li>): the link must fill it.
CARD_BOXES = """() => [...document.querySelectorAll('.start-here li')].map(card => {
  const a = card.querySelector('a').getBoundingClientRect(), c = card.getBoundingClientRect();
  return [a.width - c.width, a.height - c.height, a.height]; })"""
BORDERS = """selector => [...document.querySelectorAll(selector)].map(card => {
  const s = getComputedStyle(card);
  return parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none'; })"""
FONT_SIZES = (
    "card => [...card.querySelectorAll('p, li, small')].map(e => parseFloat(getComputedStyle(e).fontSize))"
)


@pytest.mark.parametrize("javascript", [True, False])
def test_each_start_here_card_is_one_link_filling_the_card(browser, web_url, javascript):
    context = browser.new_context(**PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(web_url)
    boxes = page.evaluate(CARD_BOXES)
    assert boxes and all(abs(dw) < 1 and abs(dh) < 1 and h >= 44 for dw, dh, h in boxes), boxes
    assert page.locator(".start-here li").count() == page.locator(".start-here a").count()
    page.locator(".start-here a").last.click()
    page.wait_for_url("**/get-help/#if-you-are-in-danger-now")
    context.close()


def test_card_check_sees_a_link_that_does_not_fill_its_card(browser, web_url):
    """Negative control: an inline link inside a card is caught (the CSP is bypassed to break the page)."""
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(web_url)
    page.add_style_tag(content=".md-typeset .start-here__card { display: inline; }")
    assert not all(abs(dw) < 1 and abs(dh) < 1 for dw, dh, _ in page.evaluate(CARD_BOXES))


def test_care_cards_say_their_level_in_order_with_the_number_first(context, web_url):
    page = context.new_page()
    page.goto(web_url + "get-help/")
    titles = [t.strip() for t in page.locator(".care-card h3").all_inner_texts()]
    assert titles == [f"{level.icon} {level.title}" for level in DATA["care_levels"]]
    for level in DATA["care_levels"]:
        card = page.locator(f".care-card--{level.id}")
        sizes = card.evaluate(FONT_SIZES)
        number = card.locator(".care-card__number").first
        biggest = number.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert biggest > max(s for s in sizes if s != biggest), level.id
        if level.emergency_numbers or level.crisis_lines:
            assert number.locator("a[href^='tel:']").count() >= 1, level.id
        for source in card.locator("li small a").all():  # a source is small text, below its number
            assert source.bounding_box()["y"] > number.bounding_box()["y"]


def test_cards_keep_their_edges_in_forced_colours(browser, web_url):
    context = browser.new_context(forced_colors="active", bypass_csp=True)  # for the control
    page = context.new_page()
    for path, cards in (("", ".start-here__card"), ("get-help/", ".care-card")):
        page.goto(web_url + path)
        assert all(page.evaluate(BORDERS, cards)), path
    page.add_style_tag(content=".md-typeset .care-card { border: 0 !important; }")  # negative control
    assert not any(page.evaluate(BORDERS, ".care-card"))
    context.close()
