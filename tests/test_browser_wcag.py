"""WCAG 2.2 AA checks axe cannot make, in Chromium: on every page where the page's words matter."""

import pytest

from tests.site import PAGES

URLS = [url for _, url in PAGES]

# The JavaScript checks return lists of problems (empty = pass); `desc` names an element.
DESC = "const desc = el => `${el.tagName}.${el.getAttribute('class')} ${el.textContent.trim().slice(0, 30)}`;"
TAB_STOPS = """() => [...document.querySelectorAll("a[href], button, input, summary, [tabindex]")]
  .filter((el) => el.tabIndex >= 0 && !el.disabled && el.type !== "hidden"
    && (el.type !== "radio" || el.checked) && el.checkVisibility({visibilityProperty: true}))"""

# 2.4.7: Tab stops a reader cannot see: zero-size, off-screen (the closed drawer), clipped away.
# A visually hidden radio shows its focus on its label (Material's palette toggle).
HIDDEN_STOPS = f"""() => {{ {DESC} const width = document.documentElement.scrollWidth;
  return ({TAB_STOPS})().flatMap((el) => {{
    const r = (el.getBoundingClientRect().width < 1 && el.labels?.[0] || el).getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return [`zero-size ${{desc(el)}}`];
    if (r.right + scrollX <= 0 || r.left + scrollX >= width || r.bottom + scrollY <= 0)
      return [`off-screen ${{desc(el)}}`];
    if (el.closest("[aria-hidden=true]")) return [`aria-hidden ${{desc(el)}}`];
    for (let box = el.parentElement; box; box = box.parentElement) {{
      const s = getComputedStyle(box), b = box.getBoundingClientRect();
      if (s.overflowX + s.overflowY !== "visiblevisible" && (b.width < 1 || b.height < 1))
        return [`clipped ${{desc(el)}}`];
    }}
    return [];
  }}); }}"""

# 2.5.8: a target under 24 x 24 px needs a 24 px circle on its centre clear of other targets
# (and of their circles, if small too). Targets in a sentence are exempt.
TARGETS = f"""() => {{ {DESC}
  const isTarget = (n) => n.closest("a[href], button, input, label[for], summary, [tabindex]");
  const inSentence = (el) => {{
    let block = el.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let words = "";
    while (walk.nextNode()) if (!isTarget(walk.currentNode.parentElement)) words += walk.currentNode.data;
    return /\\p{{L}}{{2,}}/u.test(words);
  }};
  const targets = [...({TAB_STOPS})(), ...document.querySelectorAll("label[for]")]
    .filter((el) => el.checkVisibility({{visibilityProperty: true}}) && el.getBoundingClientRect().width)
    .filter((el) => !el.matches(".md-skip, .md-overlay") && !inSentence(el))
    .map((el) => {{ const r = el.getBoundingClientRect();
      const small = r.width < 23.5 || r.height < 23.5;
      return {{el, r, x: r.x + r.width / 2, y: r.y + r.height / 2, small}}; }});
  const gap = (t, r) => Math.hypot(Math.max(r.left - t.x, 0, t.x - r.right),
    Math.max(r.top - t.y, 0, t.y - r.bottom));
  return targets.filter((t) => t.small).flatMap((t) => targets
    .filter((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el))
    .filter((o) => (o.small ? Math.hypot(o.x - t.x, o.y - t.y) < 24 : gap(t, o.r) < 12))
    .map((o) => `${{desc(t.el)}} ${{t.r.width | 0}}x${{t.r.height | 0}} near ${{desc(o.el)}}`)); }}"""

# 1.4.10: a page that scrolls sideways, or content text cut off by a box that hides its overflow
# (not the header: the h1 repeats it).
CUT_OFF = f"""() => {{ {DESC} const sideways = document.documentElement.scrollWidth - innerWidth;
  return [...(sideways > 0 ? [`sideways ${{sideways}} px`] : []),
    ...[...document.querySelectorAll(".md-banner *, .md-content *, .md-footer *, .footer-links *")]
    .filter((el) => el.checkVisibility() && el.textContent.trim() && el.clientWidth > 1)
    .filter((el) => {{ const s = getComputedStyle(el);
      return /hidden|clip/.test(s.overflowX + s.overflowY) || s.textOverflow === "ellipsis"; }})
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .map((el) => `clipped ${{desc(el)}}`)]; }}"""
# 1.4.4: text at 200% by the browser's setting (16 px to 32 px) doubles the h1 and cuts nothing off.
TEXT_200 = f"""() => [...({CUT_OFF})(), ...(parseFloat(getComputedStyle(document.querySelector("article h1"))
  .fontSize) >= 2 * 32 * 0.95 ? [] : ["h1 not twice its usual 32 px"])]"""
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""  # WCAG 1.4.12's numbers

# 2.4.11: from the bottom, focus each link of the content backwards, as Shift+Tab does.
UNDER_HEADER = f"""() => {{ {DESC}
  scrollTo(0, document.body.scrollHeight);
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  return ({TAB_STOPS})().filter((el) => el.closest(".md-content, .md-footer")).reverse()
    .filter((el) => {{ el.focus(); return el.getBoundingClientRect().top < header - 1; }}).map(desc); }}"""

# Forced colours: boxes keep an edge on all four sides; icons keep ink unlike the canvas.
FORCED = f"""() => {{ {DESC}
  const canvas = getComputedStyle(document.body).backgroundColor;
  const edged = (s) => ["Top", "Right", "Bottom", "Left"].every((side) =>
    s[`border${{side}}Style`] !== "none" && parseFloat(s[`border${{side}}Width`]) > 0)
    || (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0);
  const inkless = (c) => c === "none" || c === canvas || /^rgba\\(.*, 0\\)$/.test(c);
  const seen = [...document.querySelectorAll("*")].filter((el) => el.checkVisibility());
  return [
    ...seen.filter((el) => el.matches(".md-banner, .md-search__input, [class*=card], .admonition, details")
      && !edged(getComputedStyle(el))).map((el) => `no edge: ${{desc(el)}}`),
    ...seen.filter((el) => el.matches("svg") && el.getBoundingClientRect().width > 1
      && inkless(getComputedStyle(el).fill)).map((el) => `no ink: ${{desc(el.parentElement)}}`),
    ...seen.filter((el) => ["::before", "::after"].some((p) => {{ const s = getComputedStyle(el, p);
      return s.maskImage !== "none" && s.content !== "none" && inkless(s.backgroundColor); }}))
      .map((el) => `mask icon: ${{desc(el)}}`)]; }}"""

# Anything that moves: a transition or animation longer than the 0.01 ms the guide allows.
MOTION = f"""() => {{ {DESC}
  const ms = (v) => Math.max(...v.split(",").map((t) => parseFloat(t) * (t.endsWith("ms") ? 1 : 1000)));
  return [...document.querySelectorAll("*")].flatMap((el) => [null, "::before", "::after"].filter((p) => {{
    const s = getComputedStyle(el, p);
    return ms(s.transitionDuration) > 0.01 || (s.animationName !== "none" && ms(s.animationDuration) > 0.01);
  }}).map((p) => desc(el) + (p || ""))); }}"""

PHONE, DESKTOP = {"width": 360, "height": 640}, {"width": 1280, "height": 800}
VIEWS = {
    "phone": {"viewport": PHONE},
    "desktop": {"viewport": DESKTOP},
    "narrow": {"viewport": {"width": 320, "height": 640}},
    "big-text": {"viewport": DESKTOP},  # the browser's font setting at 200%: see tab()
    "forced-phone": {"viewport": PHONE, "forced_colors": "active"},
    "forced-desktop": {"viewport": DESKTOP, "forced_colors": "active"},
    "still": {"viewport": PHONE, "reduced_motion": "reduce"},
}
DRAWER, SEARCH = "__drawer.checked", "__search.checked"


@pytest.fixture(scope="module")
def tab(browser):
    """One tab per view, reused by every test here: it opens a URL, then may add CSS and run a script."""
    tabs = {}

    def open_tab(view: str, url: str, css: str = "", script: str = ""):
        if view not in tabs:
            tabs[view] = browser.new_page(bypass_csp=True, **VIEWS[view])  # so the controls can add CSS
            if view == "big-text":  # 16 px to 32 px, as in the browser's settings
                cdp = tabs[view].context.new_cdp_session(tabs[view])
                cdp.send("Page.enable")
                cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        tabs[view].goto(url)
        if css:
            tabs[view].add_style_tag(content=css)
        if script:
            tabs[view].evaluate(script)
        return tabs[view]

    yield open_tab
    for page in tabs.values():
        page.close()


# -- On every page, as each result depends on its words ------------------------------------
EVERY_PAGE = {  # criterion: (view, CSS to add, script to run, the check that must find nothing)
    "2.4.7 Tab stops seen, phone": ("phone", "", "", HIDDEN_STOPS),
    "2.4.7 Tab stops seen, desktop": ("desktop", "", "", HIDDEN_STOPS),
    "2.4.11 focus not under the header, phone": ("phone", "", "", UNDER_HEADER),
    "2.4.11 focus not under the header, desktop": ("desktop", "", "", UNDER_HEADER),
    "2.5.8 targets at 360 px": ("phone", "", "", TARGETS),
    "1.4.10 reflow at 320 px": ("narrow", "", "", CUT_OFF),
    "1.4.12 text spacing": ("narrow", TEXT_SPACING, "", CUT_OFF),
    "1.4.4 text at 200%": ("big-text", "", "", TEXT_200),
    "forced colours, desktop": ("forced-desktop", "", "", FORCED),
    "forced colours, phone menu": ("forced-phone", "", "__drawer.click()", FORCED),
    "nothing moves with reduced motion, menu open": ("still", "", "__drawer.click()", MOTION),
}


@pytest.mark.parametrize("criterion", EVERY_PAGE)
@pytest.mark.parametrize("url_path", URLS)
def test_every_page_meets_the_criterion(tab, web_url, url_path, criterion):
    view, css, script, check = EVERY_PAGE[criterion]
    assert tab(view, web_url + url_path, css, script).evaluate(check) == []


# -- Once: template features ---------------------------------------------------------------
def _tab_to(page, selector: str, presses: int = 12) -> bool:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return True
    return False


def test_first_tab_reaches_skip_to_content_then_urgent_help(tab, web_url):
    page = tab("desktop", web_url + "signs/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("tel:")
    assert _tab_to(page, ".md-banner a:not([href^='tel:'])")
    page.keyboard.press("Enter")
    page.wait_for_url("**/get-help/#if-you-are-in-danger-now")


def test_focus_is_always_our_two_tone_ring_not_the_browsers_faint_default(tab, web_url):
    page = tab("desktop", web_url + "healing/")
    for _ in range(25):
        page.keyboard.press("Tab")
        element, outline, ring = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [document.activeElement.outerHTML.slice(0, 80),"
            " `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, s.boxShadow]; })()"
        )
        assert outline == "solid 3px rgb(255, 221, 0)", f"focus outline {outline!r} on {element}"
        assert "rgb(11, 12, 12)" in ring, f"focus ring {ring!r} on {element}"


def test_menu_and_search_work_from_the_keyboard_and_escape_returns_focus(tab, web_url):
    page = tab("phone", web_url + URLS[-1])
    assert _tab_to(page, ".md-header__button[for=__drawer] [role=button][aria-label]")
    for key in ["Enter", " "]:
        page.keyboard.press(key)
        assert page.evaluate(f"{DRAWER} && !!document.activeElement.closest('.md-sidebar--primary')")
        page.keyboard.press("Escape")
        page.wait_for_function(f"!{DRAWER} && document.activeElement.matches('[for=__drawer] *')")
    search_button = ".md-header__button[for=__search]"
    assert _tab_to(page, f"{search_button} [role=button]")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{SEARCH} && document.activeElement.matches('.md-search__input')")
    page.keyboard.press("Escape")
    page.wait_for_function(f"!{SEARCH} && document.activeElement.matches('{search_button} *')")
    page = tab("desktop", web_url)  # on a desktop, Escape leaves focus in the search field
    page.locator(".md-search__input").click()
    page.wait_for_function(SEARCH)  # Material opens it a moment after the click
    page.keyboard.press("Escape")
    page.wait_for_function(f"!{SEARCH} && document.activeElement.closest('.md-search__form')")


def _not_found_problems(page) -> list[str]:
    problems = [] if "not found" in page.title().lower() else [f"title {page.title()!r}"]
    page.keyboard.press("Tab")
    if not page.evaluate("document.activeElement.matches('.md-skip')"):
        return [*problems, "first Tab is not a skip link"]
    page.keyboard.press("Enter")
    in_main = page.evaluate("!!document.activeElement.closest('main')")
    return problems + ([] if in_main else ["skip goes nowhere"])


def test_the_404_page_says_not_found_has_a_skip_link_and_a_way_back(tab, web_url):
    page = tab("desktop", web_url)
    assert page.goto(web_url + "no-such-page/").status == 404
    assert _not_found_problems(page) == []
    page.get_by_role("link", name="Go to the start of the guide").click()
    assert page.url.removesuffix("index.html") == web_url


# -- Negative controls: each check fails on a page broken the way the old site was --------
OLD_PAGE_ACTIONS = """document.querySelector(".page-actions").outerHTML = `<p class="page-actions">
  <button type="button" class="md-button">Print this page</button> <a href="#">Whole guide (PDF, 632.5 kB)</a>
  · <a href="#">Edit this page</a> · <a href="#">Suggest a correction</a></p>`"""
OLD_ACTIONS_CSS = ".md-typeset p.page-actions a { display: inline; line-height: inherit }"
DRAWER_SHOWN = ".md-sidebar--primary { visibility: visible !important; transition: none !important }"
BOX_SHOWN = ".md-search__scrollwrap { visibility: visible !important }"
NO_CARD_EDGE = ".md-typeset .care-card { border: 0 !important }"
NO_EDGES = ".md-banner { border: 0 !important } .md-nav__icon::after { forced-color-adjust: auto !important }"
FIXED_BANNER = TEXT_SPACING + ".md-banner p { max-height: 1.2rem; overflow: hidden }"
NO_BUTTONS = "document.querySelectorAll('.md-header [role=button]').forEach((b) => b.remove())"


def _found(check: str, kind: str):
    return lambda page: any(problem.startswith(kind) for problem in page.evaluate(check))


BROKEN = {  # check: (view, page, CSS to add, script to run, what must now find a problem)
    "drawer": ("phone", "signs/", DRAWER_SHOWN, "", _found(HIDDEN_STOPS, "off-screen")),
    "results box": ("desktop", "signs/", BOX_SHOWN, "", _found(HIDDEN_STOPS, "zero-size")),
    "header": ("phone", "signs/", "html { scroll-padding-top: 0 !important }", "", _found(UNDER_HEADER, "")),
    "targets": ("phone", "", OLD_ACTIONS_CSS, OLD_PAGE_ACTIONS, _found(TARGETS, "")),
    "reflow": ("narrow", "", "article { min-width: 400px }", "", _found(CUT_OFF, "sideways")),
    "spacing": ("narrow", "", FIXED_BANNER, "", _found(CUT_OFF, "clipped")),
    "text size": ("big-text", "", "html { font-size: 20px !important }", "", _found(TEXT_200, "h1")),
    "edges": ("forced-phone", "", NO_EDGES, "__drawer.click()", _found(FORCED, "no edge")),
    "card edge": ("forced-desktop", "get-help/", NO_CARD_EDGE, "", _found(FORCED, "no edge: SECTION.care")),
    "ink": ("forced-phone", "", NO_EDGES, "__drawer.click()", _found(FORCED, "mask icon")),
    "motion": ("phone", "", "", "", _found(MOTION, "")),  # no reduced-motion preference
    "toggles": ("phone", "", "", NO_BUTTONS, lambda page: not _tab_to(page, "[for=__drawer] *", presses=20)),
    "404": ("desktop", "signs/", "", "", lambda page: len(_not_found_problems(page)) == 2),
}


@pytest.mark.parametrize("check", BROKEN)
def test_each_check_fails_on_a_page_broken_on_purpose(tab, web_url, check):
    view, url_path, css, script, finds_a_problem = BROKEN[check]
    assert finds_a_problem(tab(view, web_url + url_path, css, script))
