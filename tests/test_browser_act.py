"""In Chromium: the banner on a phone, the private self-check, printing (the banner in print: test_pdf.py)."""

import re

import pytest
from pypdf import PdfReader

from tests.browser import PHONE, PageWatch
from tests.site import DATA

pytestmark = pytest.mark.browser
SIGNS = DATA["signs"]

# The lines of text an element takes: the distinct middles of its line boxes (a few px apart on one line).
LINES = """selector => { const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector));
  const middles = [...range.getClientRects()].filter(r => r.width > 0).map(r => (r.top + r.bottom) / 2);
  return middles.sort((a, b) => a - b).filter((middle, i, all) => i === 0 || middle - all[i - 1] > 10).length;
}"""


@pytest.mark.parametrize("url_path", ["", "signs/"])
def test_banner_is_two_lines_at_most_at_360_by_640_and_leaves_the_title_visible(browser, web_url, url_path):
    page = browser.new_page(**PHONE)
    page.goto(web_url + url_path)
    assert 1 <= page.evaluate(LINES, ".md-banner .urgent-help") <= 2
    assert page.evaluate("document.querySelector('.md-banner').getBoundingClientRect().height") <= 80
    title = page.locator("article h1").bounding_box()
    assert title["y"] >= 0 and title["y"] + title["height"] <= 640
    # The title is not under the banner or the header: it is what the page shows at its centre.
    x, y = title["x"] + 10, title["y"] + title["height"] / 2
    assert page.evaluate(f"document.elementFromPoint({x}, {y})?.closest('h1') !== null")
    # Negative control: a banner that wraps to three lines is counted so.
    page.evaluate("document.querySelector('.urgent-help strong').textContent = 'Need help now? '.repeat(6)")
    assert page.evaluate(LINES, ".md-banner .urgent-help") > 2
    page.close()


# -- The self-check ------------------------------------------------------------
@pytest.fixture
def signs_page(context, web_url):
    page = context.new_page()
    page.goto(web_url + "signs/", wait_until="networkidle")
    return page


def kept(page) -> dict:
    return page.evaluate(
        "async () => ({local: {...localStorage}, session: {...sessionStorage}, cookie: document.cookie,"
        " databases: (await indexedDB.databases()).map((database) => database.name)})"
    )


def ticked(page) -> list[str]:
    return page.locator(".self-check__summary [data-ticked] li").all_inner_texts()


def test_self_check_has_one_named_box_per_sign_in_a_fieldset_and_works_by_keyboard(signs_page):
    page = signs_page
    form = page.locator("form.self-check")
    assert form.locator("fieldset > legend").count() == 1
    labels = [label.strip() for label in form.locator("fieldset label").all_inner_texts()]
    assert labels == [sign.label for sign in SIGNS]
    boxes = [page.get_by_role("checkbox", name=sign.label, exact=True) for sign in SIGNS]
    assert all(box.count() == 1 for box in boxes)  # each named by its sign, for screen readers
    assert "Nothing is sent or saved" in form.inner_text()
    boxes[0].focus()
    for key in ("Space", "Tab", "Space"):
        page.keyboard.press(key)
    assert ticked(page) == [sign.label for sign in SIGNS[:2]]


def test_ticking_signs_lists_them_with_no_score_and_sends_and_keeps_nothing(signs_page):
    page, watch = signs_page, PageWatch(signs_page)
    summary, status = page.locator(".self-check__summary"), page.locator(".self-check__status")
    assert status.get_attribute("aria-live") == "polite" and summary.get_attribute("aria-live") is None
    assert summary.inner_text().strip() == "" and status.inner_text().strip() == ""
    before = kept(page)
    for sign in SIGNS[:3]:
        page.get_by_role("checkbox", name=sign.label, exact=True).check()
    assert ticked(page) == [sign.label for sign in SIGNS[:3]]
    text = " ".join(summary.inner_text().split())
    assert "not a diagnosis" in text and summary.locator("a[href^='../get-help/']").count() >= 1
    # One short complete sentence is announced, not the whole block.
    announced = status.inner_text().strip()
    assert announced.endswith(".") and announced.count(".") == 1 and len(announced.split()) <= 15
    page.get_by_role("checkbox", name=SIGNS[0].label, exact=True).uncheck()
    assert ticked(page) == [sign.label for sign in SIGNS[1:3]]
    # No score: no count of the ticks, no "N of M", no threshold or label.
    assert not any(str(n) in summary.inner_text() for n in range(len(SIGNS) + 1))
    assert not re.search(r"\b(score|high|low|likely|risk)\b", text.lower()), text
    page.wait_for_timeout(300)
    assert watch.requests == [] and kept(page) == before
    assert page.context.cookies() == [] and not watch.errors, watch.errors
    # Negative control: the watches see something kept of each kind, and a request, when there are some.
    page.evaluate(
        "() => { localStorage.setItem('x', '1'); sessionStorage.setItem('x', '1'); document.cookie = 'y=1';"
        " indexedDB.open('z'); fetch('/planted').catch(() => null); }"
    )
    page.wait_for_timeout(300)
    after = kept(page)
    assert all(after[kind] != before[kind] for kind in after), after
    assert any(url.endswith("/planted") for url in watch.requests)


# Undoes the clearing: no pageshow reset and no autocomplete="off" (a negative control).
UNDO_CLEARING = (
    "const add = EventTarget.prototype.addEventListener; EventTarget.prototype.addEventListener ="
    " function (type, ...rest) { if (type !== 'pageshow') return add.call(this, type, ...rest); };"
    " addEventListener('DOMContentLoaded',"
    " () => document.querySelector('form.self-check').removeAttribute('autocomplete'));"
)


@pytest.mark.parametrize("undo", ["", UNDO_CLEARING], ids=["as built", "clearing undone"])
def test_no_tick_survives_going_back(context, web_url, undo):
    """A reload is not tried: Chromium restores no ticks after one even without the clearing."""
    context.add_init_script(undo)
    page = context.new_page()
    page.goto(web_url + "signs/")
    for sign in SIGNS[:3]:
        page.get_by_role("checkbox", name=sign.label, exact=True).check()
    page.get_by_role("link", name="Talking to a doctor or therapist").first.click()
    page.wait_for_load_state("load")
    page.go_back()  # the page may come from the back/forward cache
    page.wait_for_load_state("load")
    checked = page.locator(".self-check input:checked").count()
    assert (checked == 3) if undo else (checked == 0 and ticked(page) == [])


def test_without_javascript_the_self_check_is_a_plain_list_and_print_is_hidden(browser, web_url):
    page = browser.new_page(java_script_enabled=False)
    page.goto(web_url + "signs/")
    assert page.locator(".self-check input[type=checkbox]").count() == len(SIGNS)
    assert page.locator(".self-check__summary").inner_text().strip() == ""
    assert not page.locator(".print-page button").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".self-check__signs li:visible").count() == len(SIGNS)  # all, to tick by hand
    page.close()


def test_printing_the_ticked_self_check_gives_one_page_with_the_date(signs_page, tmp_path):
    page = signs_page
    for sign in (SIGNS[0], SIGNS[-1]):
        page.get_by_role("checkbox", name=sign.label, exact=True).check()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not page.locator("#signs-to-look-out-for").is_visible()  # the rest of the page is left off
    page.pdf(path=tmp_path / "self-check.pdf")
    reader = PdfReader(tmp_path / "self-check.pdf")
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert [sign.label for sign in SIGNS if sign.label in text] == [SIGNS[0].label, SIGNS[-1].label]
    # The sheet keeps what the summary says: not a diagnosis, and where to get help.
    assert "not a diagnosis" in text and "If you are in danger now" in text
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {dateStyle: 'long'})")  # 2 May 2026
    assert f"Date: {today}" in text
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.locator(".self-check__signs li:visible").count() == len(SIGNS)
    assert page.locator("#signs-to-look-out-for").is_visible()


# -- Print this page: it calls the browser's print, and is hidden where there is none ---------
PRINTS = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


@pytest.mark.parametrize("init", [PRINTS, "delete window.print; window.print = undefined;"])
def test_print_this_page_calls_the_browsers_print_or_is_hidden(context, web_url, init):
    context.add_init_script(init)
    page = context.new_page()
    page.goto(web_url + "effects/")
    button = page.locator(".print-page button")
    assert button.count() == 1 and button.is_visible() is (init == PRINTS)
    if init == PRINTS:
        page.get_by_role("button", name="Print this page").click()
        assert page.evaluate("window.__printed") == 1
