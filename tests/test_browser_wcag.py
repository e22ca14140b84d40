"""WCAG 2.2 AA checks axe cannot make, in real Chromium: hidden and zero-size Tab stops,
keyboard toggles, focus under the sticky header, target size, reflow, text spacing,
text resize, forced colours, reduced motion and the 404 page. Each check has a negative
control: the same check on a page broken on purpose must fail."""

import pytest
import yaml

from tests.site import ROOT

# The JavaScript helpers below return lists of problems (empty = pass); `desc` names an element.
DESC = "const desc = (el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''} '${el.textContent.trim().slice(0, 30)}'`;"

TAB_STOPS = """() => [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")]
  .filter((el) => el.tabIndex >= 0 && !el.disabled && el.type !== "hidden" && (el.type !== "radio" || el.checked)
    && el.checkVisibility({visibilityProperty: true}))"""

# Tab stops a reader cannot see: zero-size, off-screen (the closed drawer), clipped to nothing.
HIDDEN_STOPS = f"""() => {{ {DESC} const width = document.documentElement.scrollWidth;
  return ({TAB_STOPS})().flatMap((el) => {{
    // A visually hidden radio or checkbox shows its focus on its label (Material's palette).
    const shown = el.getBoundingClientRect().width < 1 && el.labels?.length ? el.labels[0] : el;
    const r = shown.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return [`zero-size ${{desc(el)}}`];
    if (r.right + scrollX <= 0 || r.left + scrollX >= width || r.bottom + scrollY <= 0) return [`off-screen ${{desc(el)}}`];
    if (el.closest("[aria-hidden=true]")) return [`aria-hidden ${{desc(el)}}`];
    for (let box = el.parentElement; box; box = box.parentElement) {{
      const s = getComputedStyle(box), b = box.getBoundingClientRect();
      if (s.overflowX + s.overflowY !== "visiblevisible" && (b.width < 1 || b.height < 1)) return [`clipped ${{desc(el)}}`];
    }}
    return [];
  }}); }}"""

# 2.5.8: a target under 24 by 24 px needs a 24 px circle around its centre clear of other
# targets (and of their circles, if small too); targets inside a sentence are exempt.
TARGETS = f"""() => {{ {DESC}
  const isTarget = (n) => n.closest && n.closest("a[href], button, input, label[for], summary, [tabindex]");
  const inSentence = (el) => {{
    let block = el.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let words = "";
    while (walk.nextNode()) if (!isTarget(walk.currentNode.parentElement)) words += walk.currentNode.data;
    return /\\p{{L}}{{2,}}/u.test(words);
  }};
  const targets = [...({TAB_STOPS})(), ...document.querySelectorAll("label[for]")]
    .filter((el) => el.checkVisibility({{visibilityProperty: true}}) && el.getBoundingClientRect().width >= 1)
    .filter((el) => !el.matches(".md-skip, .md-overlay") && !inSentence(el))
    .map((el) => {{ const r = el.getBoundingClientRect();
      return {{el, r, x: r.x + r.width / 2, y: r.y + r.height / 2, small: r.width < 23.5 || r.height < 23.5}}; }});
  const gap = (t, r) => Math.hypot(Math.max(r.left - t.x, 0, t.x - r.right), Math.max(r.top - t.y, 0, t.y - r.bottom));
  return targets.filter((t) => t.small).flatMap((t) => targets
    .filter((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el))
    .filter((o) => (o.small ? Math.hypot(o.x - t.x, o.y - t.y) < 24 : gap(t, o.r) < 12))
    .map((o) => `${{desc(t.el)}} (${{Math.round(t.r.width)}}x${{Math.round(t.r.height)}}) too near ${{desc(o.el)}}`));
}}"""

# Content text cut off by a box that hides its overflow (not the header: the h1 repeats it).
CLIPPED = f"""() => {{ {DESC}
  return [...document.querySelectorAll(".md-banner *, .md-content *, .md-footer *, .footer-links *")]
    .filter((el) => el.checkVisibility() && el.textContent.trim() && el.clientWidth > 1)
    .filter((el) => {{ const s = getComputedStyle(el);
      return /hidden|clip/.test(s.overflowX + s.overflowY) || s.textOverflow === "ellipsis"; }})
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .map(desc); }}"""

SIDEWAYS = "document.documentElement.scrollWidth - innerWidth"

# WCAG 1.4.12's own numbers.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""

# 2.4.11: from the bottom, focus each link of the content backwards (what Shift+Tab does).
UNDER_HEADER = f"""() => {{ {DESC}
  scrollTo(0, document.body.scrollHeight);
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  return ({TAB_STOPS})().filter((el) => el.closest(".md-content, .md-footer")).reverse().flatMap((el) => {{
    el.focus();
    return el.getBoundingClientRect().top < header - 1 ? [desc(el)] : [];
  }}); }}"""

# Forced colours: boxes keep an edge on all four sides, icons keep ink unlike the canvas.
FORCED = f"""() => {{ {DESC}
  const canvas = getComputedStyle(document.body).backgroundColor;
  const edged = (s) => ["Top", "Right", "Bottom", "Left"].every((side) =>
    s[`border${{side}}Style`] !== "none" && parseFloat(s[`border${{side}}Width`]) > 0)
    || (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0);
  const boxes = [...document.querySelectorAll(".md-banner, .md-search__input, [class*=card], .admonition, details")]
    .filter((el) => el.checkVisibility() && !edged(getComputedStyle(el))).map((el) => `no edge: ${{desc(el)}}`);
  const inkless = (c) => c === "none" || c === canvas || /^rgba\\(.*, 0\\)$/.test(c);
  const icons = [...document.querySelectorAll("svg")].filter((svg) => svg.checkVisibility()
    && svg.getBoundingClientRect().width > 1 && inkless(getComputedStyle(svg).fill)).map(desc);
  const masks = [...document.querySelectorAll("*")].filter((el) => el.checkVisibility()).flatMap((el) =>
    ["::before", "::after"].map((p) => getComputedStyle(el, p)).filter((s) => s.maskImage !== "none"
      && s.content !== "none" && inkless(s.backgroundColor)).map(() => `mask icon ${{desc(el)}}`));
  return [...boxes, ...icons.map((i) => `no ink: ${{i}}`), ...masks]; }}"""

# Anything that moves: a transition or animation longer than the 0.01 ms the guide allows.
MOTION = f"""() => {{ {DESC} const ms = (v) => Math.max(...v.split(",").map((t) => parseFloat(t) * (t.endsWith("ms") ? 1 : 1000)));
  return [...document.querySelectorAll("*")].flatMap((el) => [null, "::before", "::after"].flatMap((p) => {{
    const s = getComputedStyle(el, p);
    return ms(s.transitionDuration) > 0.01 || (s.animationName !== "none" && ms(s.animationDuration) > 0.01)
      ? [`${{desc(el)}}${{p || ""}}`] : [];
  }})).concat(document.getAnimations().filter((a) => a.playState === "running").map((a) => `running ${{a.animationName}}`)); }}"""


class _Config(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV) read as nothing: only the nav is needed."""


_Config.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_files(entries) -> list[str]:
    files = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        files += _nav_files(value) if isinstance(value, list) else [value]
    return [f for f in files if f.endswith(".md")]


NAV = _nav_files(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _Config)["nav"])

def _url(md: str) -> str:
    """The built URL of a page: x.md is x/, index.md is the folder itself."""
    folder, _, name = md.rpartition("/")
    path = folder + "/" if folder else ""
    return path if name == "index.md" else f"{path}{name.removesuffix('.md')}/"


URLS = [_url(f) for f in NAV]

# A stand-in for "Whole guide (PDF …)", which the quick build leaves out: the test build has it.
OLD_PAGE_ACTIONS = """() => document.querySelector(".page-actions").outerHTML = `<p class="page-actions">
  <span class="print-page"><button type="button" class="md-button md-button--primary">Print this page</button></span>
  <a href="#">Whole guide (PDF, 632.5 kB)</a> · <a href="#">Edit this page</a> · <a href="#">Suggest a correction</a></p>`"""


@pytest.fixture(scope="module")
def tab(browser):
    """One tab per way of viewing, reused by every test in this module. Styles may be
    injected (bypass_csp) so the negative controls can break a page on purpose."""
    options = {
        "phone": {"viewport": {"width": 360, "height": 640}},
        "desktop": {"viewport": {"width": 1280, "height": 800}},
        "narrow": {"viewport": {"width": 320, "height": 640}},
        "forced-phone": {"viewport": {"width": 360, "height": 640}, "forced_colors": "active"},
        "forced-desktop": {"viewport": {"width": 1280, "height": 800}, "forced_colors": "active"},
        "still": {"viewport": {"width": 360, "height": 640}, "reduced_motion": "reduce"},
    }
    tabs, contexts = {}, []

    def open_tab(name: str):
        if name not in tabs:
            contexts.append(browser.new_context(bypass_csp=True, **options.get(name, options["desktop"])))
            tabs[name] = contexts[-1].new_page()
            if name == "big-text":  # the browser's own font setting at 200% (16 px to 32 px)
                cdp = contexts[-1].new_cdp_session(tabs[name])
                cdp.send("Page.enable")
                cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        return tabs[name]

    yield open_tab
    for context in contexts:
        context.close()


def _on(tab, name: str, url: str):
    page = tab(name)
    page.goto(url)
    return page


# -- Every page: results depend on its content ------------------------------------------


@pytest.mark.parametrize("view", ["phone", "desktop"])
@pytest.mark.parametrize("url_path", URLS)
def test_every_tab_stop_is_seen_and_never_under_the_header(tab, web_url, url_path, view):
    page = _on(tab, view, web_url + url_path)
    assert page.evaluate(HIDDEN_STOPS) == [], "2.4.7: Tab stops a reader cannot see"
    assert page.evaluate(UNDER_HEADER) == [], "2.4.11: focus hidden under the sticky header"


@pytest.mark.parametrize("url_path", URLS)
def test_targets_at_360_are_24_px_or_spaced(tab, web_url, url_path):
    assert _on(tab, "phone", web_url + url_path).evaluate(TARGETS) == []


@pytest.mark.parametrize("url_path", URLS)
def test_reflow_at_320_px_and_text_spacing_cut_nothing(tab, web_url, url_path):
    page = _on(tab, "narrow", web_url + url_path)
    assert page.evaluate(SIDEWAYS) <= 0 and page.evaluate(CLIPPED) == []
    page.add_style_tag(content=TEXT_SPACING)
    assert page.evaluate(SIDEWAYS) <= 0 and page.evaluate(CLIPPED) == [], "1.4.12 text spacing"


def _text_resize_problems(page) -> list[str]:
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article h1')).fontSize)")
    grew = [] if size >= 2 * 32 * 0.95 else [f"h1 is {size} px, not twice its usual 32 px"]
    return grew + page.evaluate(CLIPPED) + ([f"{page.evaluate(SIDEWAYS)} px sideways"] if page.evaluate(SIDEWAYS) > 0 else [])


@pytest.mark.parametrize("url_path", URLS)
def test_text_at_200_percent_by_the_browser_setting_cuts_nothing(tab, web_url, url_path):
    assert _text_resize_problems(_on(tab, "big-text", web_url + url_path)) == []


@pytest.mark.parametrize("url_path", URLS)
def test_forced_colours_keep_boxes_and_icons(tab, web_url, url_path):
    assert _on(tab, "forced-desktop", web_url + url_path).evaluate(FORCED) == []
    page = _on(tab, "forced-phone", web_url + url_path)
    page.evaluate("document.getElementById('__drawer').click()")  # the menu's icons too
    assert page.evaluate(FORCED) == []


# -- Once: template features ---------------------------------------------------------


def _tab_to(page, selector: str, presses: int = 12) -> bool:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return True
    return False


def test_menu_and_search_buttons_work_from_the_keyboard(tab, web_url):
    page = _on(tab, "phone", web_url + URLS[-1])
    drawer, search = "document.getElementById('__drawer').checked", "document.getElementById('__search').checked"
    assert _tab_to(page, ".md-header__button[for=__drawer] [role=button][aria-label]")
    for key in ["Enter", " "]:
        page.keyboard.press(key)
        assert page.evaluate(drawer) and page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
        page.keyboard.press("Escape")
        page.wait_for_function(f"!{drawer} && document.activeElement.matches('[for=__drawer] *')")
    assert _tab_to(page, ".md-header__button[for=__search] [role=button]")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{search} && document.activeElement.matches('.md-search__input')")
    page.keyboard.press("Escape")
    page.wait_for_function(f"!{search} && document.activeElement.matches('.md-header__button[for=__search] *')")


def test_escape_returns_focus_to_the_search_field_on_a_desktop(tab, web_url):
    page = _on(tab, "desktop", web_url)
    page.locator(".md-search__input").click()
    page.wait_for_function("document.getElementById('__search').checked")  # Material opens it a tick later
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked && document.activeElement.closest('.md-search__form')")


def test_nothing_moves_with_reduced_motion(tab, web_url):
    page = _on(tab, "still", web_url)
    page.evaluate("document.getElementById('__drawer').click()")
    assert page.evaluate(MOTION) == []


def _not_found_problems(page) -> list[str]:
    problems = [] if "not found" in page.title().lower() else [f"title {page.title()!r}"]
    page.keyboard.press("Tab")
    if not page.evaluate("document.activeElement.matches('.md-skip')"):
        return problems + ["first Tab is not a skip link"]
    page.keyboard.press("Enter")
    return problems + ([] if page.evaluate("!!document.activeElement.closest('main')") else ["skip link goes nowhere"])


def test_the_404_page_says_not_found_and_has_a_skip_link(tab, web_url):
    assert _not_found_problems(_on(tab, "desktop", web_url + "no-such-page/")) == []


# -- Negative controls: each check above fails on a page broken on purpose ---------------


def test_negative_controls_each_check_fails_on_a_broken_page(tab, web_url):
    page = _on(tab, "phone", web_url + "signs/")
    page.add_style_tag(content=".md-sidebar--primary, .md-search__scrollwrap { visibility: visible !important; transition: none !important }")
    assert any(p.startswith("off-screen") for p in page.evaluate(HIDDEN_STOPS))
    assert any(p.startswith("zero-size") for p in page.evaluate(HIDDEN_STOPS))
    page.add_style_tag(content="html { scroll-padding-top: 0 !important }")
    assert page.evaluate(UNDER_HEADER)
    page.evaluate(OLD_PAGE_ACTIONS)
    page.add_style_tag(content=".md-typeset p.page-actions a { display: inline; line-height: inherit }")
    assert page.evaluate(TARGETS)

    page = _on(tab, "narrow", web_url + "signs/")
    page.evaluate("document.querySelector('article').append(Object.assign(document.createElement('pre'), {textContent: 'x'.repeat(80)}))")
    assert page.evaluate(SIDEWAYS) > 0
    page.add_style_tag(content=TEXT_SPACING + ".md-banner .urgent-help { max-height: 1.2rem; overflow: hidden }")
    assert page.evaluate(CLIPPED)

    page = _on(tab, "big-text", web_url + "signs/")
    page.add_style_tag(content="html { font-size: 20px !important }")  # a page that ignores the setting
    assert _text_resize_problems(page)

    page = _on(tab, "forced-phone", web_url + "signs/")
    page.add_style_tag(content=".md-banner { border: 0 !important } .md-nav__icon::after { forced-color-adjust: auto !important }")
    page.evaluate("document.getElementById('__drawer').click()")
    problems = page.evaluate(FORCED)
    assert any(p.startswith("no edge") for p in problems) and any(p.startswith("mask icon") for p in problems)

    page = _on(tab, "phone", web_url)  # moving: no reduced-motion preference
    assert page.evaluate(MOTION)
    page.evaluate("for (const b of document.querySelectorAll('.md-header [role=button]')) b.removeAttribute('tabindex')")
    assert not _tab_to(page, "[for=__drawer] *", presses=20)
    assert len(_not_found_problems(_on(tab, "desktop", web_url + "signs/"))) == 2
