"""The start-here cards (home) and care cards (Get help) in Chromium (forced colours: test_browser_wcag)."""

import re

import pytest

from tests.browser import PHONE
from tests.site import DATA

pytestmark = pytest.mark.browser
# The start-here cards (each an <li>) whose link does not fill the card, or is under 44 px tall.
UNFILLED = """() => [...document.querySelectorAll('.start-here li')].filter(card => {
  const a = card.querySelector('a').getBoundingClientRect(), c = card.getBoundingClientRect();
  return Math.abs(a.width - c.width) >= 1 || Math.abs(a.height - c.height) >= 1 || a.height < 44;
}).map(card => card.textContent.trim())"""
# Per card: the size of its smallest number, and the largest size of any other text in it.
SIZES = """card => {
  const size = e => parseFloat(getComputedStyle(e).fontSize), numbers = [], others = [];
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) if (walker.currentNode.textContent.trim()) {
    const e = walker.currentNode.parentElement;
    (e.closest('.care-number') ? numbers : others).push(size(e)); }
  return [Math.min(...numbers), Math.max(...others)]; }"""
FONT_SIZE = "e => parseFloat(getComputedStyle(e).fontSize)"
# What each level's words must say, most urgent first (issue 18): never colour alone.
LEVEL_WORDS = {"emergency": r"\bemergency\b", "urgent": r"^\W*urgent\b", "non-urgent": r"\bnot urgent\b"}


def tabbed_to_cards(page, presses: int = 60) -> list[str]:
    reached = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('.start-here') && document.activeElement.href")
        if href:
            reached.append(href)
        elif reached:
            break  # past the cards
    return reached


@pytest.mark.parametrize("javascript", [True, False])
def test_each_start_here_card_is_one_link_filling_the_card_reached_by_tab(browser, web_url, javascript):
    page = browser.new_page(**PHONE, java_script_enabled=javascript, bypass_csp=True)
    page.goto(web_url)
    assert page.evaluate(UNFILLED) == []
    assert page.locator(".start-here li").count() == page.locator(".start-here a").count()  # one link each
    hrefs = page.eval_on_selector_all(".start-here a", "links => links.map(a => a.href)")
    assert tabbed_to_cards(page) == hrefs
    page.locator(".start-here a").last.click()
    page.wait_for_url("**/get-help/#if-you-are-in-danger-now")
    if javascript:  # negative controls (add_style_tag needs scripts): an inline link, links Tab skips
        page.goto(web_url)
        page.add_style_tag(content=".md-typeset .start-here__card { display: inline; }")
        assert page.evaluate(UNFILLED) != []
        page.evaluate("document.querySelectorAll('.start-here a').forEach(a => a.tabIndex = -1)")
        assert tabbed_to_cards(page) == []
    page.close()


def care_card_problems(page) -> list[str]:
    problems = []
    ids = page.eval_on_selector_all(".care-card", "cards => cards.map(c => c.id || c.querySelector('h3').id)")
    if ids != [level.id for level in DATA["care_levels"]]:
        problems.append(f"cards {ids} are not data/care_levels.yml's records in order")
    for level in DATA["care_levels"]:
        card = page.locator(f".care-card:has(h3[id='{level.id}'])")
        words = card.locator("h3").inner_text()
        if level.title not in words or not re.search(LEVEL_WORDS.get(level.id, "$^"), words, re.I | re.M):
            problems.append(f"{level.id}: '{words}' does not name its level")
        number, other = card.evaluate(SIZES)
        if not number > other:
            problems.append(f"{level.id}: the number ({number}px) is not its largest text ({other}px)")
        dials = card.locator(".care-number a[href^='tel:']").count()
        if (level.emergency_numbers or level.crisis_lines) and not dials:
            problems.append(f"{level.id}: no tel: link")
        for item in card.locator(".care-numbers li:has(small a)").all():
            dial, source = item.locator(".care-number"), item.locator("small a")
            below = source.bounding_box()["y"] > dial.bounding_box()["y"]
            if not (below and source.evaluate(FONT_SIZE) < dial.evaluate(FONT_SIZE)):
                problems.append(f"{level.id}: a source is not smaller, below its number")
    return problems


def test_care_cards_name_their_level_in_order_with_the_number_largest(browser, web_url):
    assert [level.id for level in DATA["care_levels"]] == list(LEVEL_WORDS)  # issue 18's order
    page = browser.new_page(bypass_csp=True)
    page.goto(web_url + "get-help/")
    assert not care_card_problems(page)
    # Negative controls: the number no bigger than the text, and the last card moved first.
    page.add_style_tag(content=".md-typeset .care-card .care-number { font-size: 0.6rem; }")
    page.evaluate("(c => c.parentNode.prepend(c))(document.querySelector('.care-card:last-child'))")
    found = " ".join(care_card_problems(page))
    assert all(words in found for words in ("not its largest text", "not smaller, below", "in order"))
    page.close()
