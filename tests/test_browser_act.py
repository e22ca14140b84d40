"""In Chromium: the banner on a phone and in print, the private self-check, printing (tap targets: wcag)."""

import re
from pathlib import Path

import pytest

from tests.browser import PageWatch
from tests.site import DATA

pytestmark = pytest.mark.browser
EMERGENCY = [number for record in DATA["emergency_numbers"] for number in record.call]
SIGNS = DATA["signs"]
WATCH_JS = Path(__file__).with_name("watch.js").read_text()
PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True}

# The number of lines of text an element takes: the distinct tops of its text's line boxes.
LINES = """selector => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector));
  const middles = [...range.getClientRects()].filter(r => r.width > 0).map(r => (r.top + r.bottom) / 2);
  // Boxes on one line (text and inline-block links) have middles a few px apart at most.
  return middles.sort((a, b) => a - b).filter((middle, i, all) => i === 0 || middle - all[i - 1] > 10).length;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


# -- The banner on a phone and in print ------------------------------------------------------


@pytest.mark.parametrize("url_path", ["", "signs/"])
def test_banner_takes_at_most_two_lines_at_360_by_640_and_leaves_the_title_visible(phone, web_url, url_path):
    phone.goto(web_url + url_path)
    assert 1 <= phone.evaluate(LINES, ".md-banner .urgent-help") <= 2
    assert phone.evaluate("document.querySelector('.md-banner').getBoundingClientRect().height") <= 80
    title = phone.locator("article h1").bounding_box()
    assert title["y"] >= 0 and title["y"] + title["height"] <= 640
    # The title is not under the banner or the header: it is what the page shows at its centre.
    assert phone.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.closest('h1') !== null",
        [title["x"] + 10, title["y"] + title["height"] / 2],
    )


def test_line_count_sees_a_banner_that_wraps_to_three_lines(phone, web_url):
    """Negative control for the line count above."""
    phone.goto(web_url)
    phone.evaluate(
        "document.querySelector('.md-banner .urgent-help strong').textContent = 'Need help now? '.repeat(6)"
    )
    assert phone.evaluate(LINES, ".md-banner .urgent-help") > 2


def test_banner_prints_the_numbers_and_where_they_work(context, web_url):
    page = context.new_page()
    page.goto(web_url + "healing/")
    page.emulate_media(media="print")
    banner = page.locator(".md-banner")
    assert banner.is_visible() and all(number in banner.inner_text() for number in EMERGENCY)
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.md-banner a[href=\"tel:000\"]'), '::after').content"
    )
    assert "Australia" in after


# -- The self-check ------------------------------------------------------------


@pytest.fixture
def signs_page(context, web_url):
    context.add_init_script(WATCH_JS)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(web_url + "signs/", wait_until="networkidle")
    return page, watch


def kept(page) -> dict:
    """Everything the page could have kept: storage contents, cookies, IndexedDB writes."""
    return page.evaluate(
        "() => ({writes: [...window.__writes], local: {...localStorage}, session: {...sessionStorage},"
        " cookie: document.cookie})"
    )


def ticked(page) -> list[str]:
    return page.locator(".self-check__summary [data-ticked] li").all_inner_texts()


def _box(page, sign):
    return page.get_by_role("checkbox", name=sign.label, exact=True)


def _leave_and_come_back(page) -> None:
    """Leave by a link, come back with Back: the page may come from the back/forward cache."""
    page.get_by_role("link", name="Talking to a doctor or therapist").first.click()
    page.wait_for_load_state("load")
    page.go_back()
    page.wait_for_load_state("load")


def test_self_check_has_one_box_per_sign_in_a_fieldset_with_a_legend(signs_page):
    page, _ = signs_page
    form = page.locator("form.self-check")
    assert form.locator("fieldset > legend").count() == 1
    assert [label.strip() for label in form.locator("fieldset label").all_inner_texts()] == [
        sign.label for sign in SIGNS
    ]
    assert all(_box(page, sign).count() == 1 for sign in SIGNS)  # named by its sign, for screen readers
    assert "Nothing is sent or saved" in form.inner_text()


def test_ticking_signs_lists_them_with_no_score_and_sends_and_keeps_nothing(signs_page):
    page, watch = signs_page
    summary, status = page.locator(".self-check__summary"), page.locator(".self-check__status")
    assert status.get_attribute("aria-live") == "polite" and summary.get_attribute("aria-live") is None
    assert summary.inner_text().strip() == "" and status.inner_text().strip() == ""
    before_requests, before_kept = len(watch.requests), kept(page)

    for sign in SIGNS[:3]:
        _box(page, sign).check()
    assert ticked(page) == [sign.label for sign in SIGNS[:3]]
    text = " ".join(summary.inner_text().split())
    assert "not a diagnosis" in text and summary.locator("a[href^='../get-help/']").count() >= 1
    # One short complete sentence is announced, not the whole block.
    announced = status.inner_text().strip()
    assert announced.endswith(".") and announced.count(".") == 1 and len(announced.split()) <= 15
    _box(page, SIGNS[0]).uncheck()
    assert ticked(page) == [sign.label for sign in SIGNS[1:3]]
    # No score: no count of the ticks, no "N of M", no threshold or label.
    assert not any(str(n) in summary.inner_text() for n in range(len(SIGNS) + 1))
    assert not re.search(r"\b(score|high|low|likely|risk)\b", text.lower()), text

    page.wait_for_timeout(300)
    assert watch.requests[before_requests:] == [] and kept(page) == before_kept
    assert page.context.cookies() == [] and not watch.errors, watch.errors


def test_no_tick_survives_a_reload_or_going_back(signs_page):
    page, _ = signs_page
    assert page.locator("form.self-check").get_attribute("autocomplete") == "off"
    for come_back in (page.reload, lambda: _leave_and_come_back(page)):
        for sign in SIGNS[:3]:
            _box(page, sign).check()
        come_back()
        assert page.locator(".self-check input:checked").count() == 0 and ticked(page) == [], come_back


def test_without_the_clearing_back_brings_the_ticks_back(context, web_url):
    """Negative control: with no pageshow reset and no autocomplete="off", Chromium
    brings the ticks back after Back, so the test above can fail."""
    context.add_init_script(
        "const add = EventTarget.prototype.addEventListener;"
        " EventTarget.prototype.addEventListener = function (type, ...rest) {"
        " if (type !== 'pageshow') return add.call(this, type, ...rest); };"
    )
    context.route(
        "**/signs/",
        lambda route: route.fulfill(
            response=(response := route.fetch()),
            body=response.text().replace("<form autocomplete=off", "<form"),
        ),
    )
    page = context.new_page()
    page.goto(web_url + "signs/")
    for sign in SIGNS[:3]:
        _box(page, sign).check()
    _leave_and_come_back(page)
    assert page.locator(".self-check input:checked").count() == 3


def test_the_request_and_storage_watch_sees_a_planted_write_and_request(signs_page):
    """Negative control: the watch above records writes and requests when there are some."""
    page, watch = signs_page
    before_requests, before_kept = len(watch.requests), kept(page)
    page.evaluate(
        "() => { localStorage.setItem('x', '1'); document.cookie = 'y=1'; indexedDB.open('z');"
        " fetch('/planted').catch(() => null); }"
    )
    page.wait_for_timeout(300)
    after = kept(page)
    assert after != before_kept
    assert {"localStorage.setItem(x)", "document.cookie=y=1", "indexedDB.open(z)"} <= set(after["writes"])
    assert any(url.endswith("/planted") for url in watch.requests[before_requests:])


def test_self_check_works_by_keyboard(signs_page):
    page, _ = signs_page
    _box(page, SIGNS[0]).focus()
    for key in ("Space", "Tab", "Space"):
        page.keyboard.press(key)
    assert page.locator(".self-check input:checked").count() == 2
    assert ticked(page) == [sign.label for sign in SIGNS[:2]]


def test_without_javascript_the_self_check_is_a_plain_list_and_print_is_hidden(browser, web_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(web_url + "signs/")
    assert page.locator(".self-check input[type=checkbox]").count() == len(SIGNS)
    assert page.locator(".self-check__summary").inner_text().strip() == ""
    assert not page.locator(".print-page button").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".self-check__signs li:visible").count() == len(SIGNS)  # all, to tick by hand
    context.close()


def test_printing_the_ticked_self_check_gives_one_page_with_the_date(signs_page, tmp_path):
    from pypdf import PdfReader

    page, _ = signs_page
    ticked_sign, unticked, also = SIGNS[0], SIGNS[1], SIGNS[-1]
    _box(page, ticked_sign).check()
    _box(page, also).check()

    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".self-check__signs li:visible").count() == 2
    assert page.locator(".self-check__date").is_visible()
    assert not page.locator("#signs-to-look-out-for").is_visible()  # the rest of the page is left off

    page.pdf(path=tmp_path / "self-check.pdf")
    reader = PdfReader(tmp_path / "self-check.pdf")
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert ticked_sign.label in text and also.label in text and unticked.label not in text
    # The sheet keeps what the summary says: not a diagnosis, and where to get help.
    assert "not a diagnosis" in text and "If you are in danger now" in text
    today = page.evaluate(
        "new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})"
    )
    assert f"Date: {today}" in text
    assert all(number in text for number in EMERGENCY), text  # the banner prints too

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
