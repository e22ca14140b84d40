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
  const inkless = (c) => c === "none" || c === canvas || /^rgba\(.*, 0\)$/.test(c);
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
