"""What a page's built article may hold: one allow-list policy of justhtml's sanitizer, in
report-only mode. A little HTML (<span>, <abbr>, <time>) is fine; scripts, frames, event
handlers, inline styles and `javascript:` links are refused, naming the page, the element
or attribute, and the Markdown line they most likely came from."""

import re
from pathlib import Path

from justhtml import JustHTML, SanitizationPolicy, UrlPolicy, UrlRule

from build_steps import line_holding
from macros.load import Problem

TAGS = {
    "a", "abbr", "b", "br", "cite", "code", "dd", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd",
    "li", "mark", "nav", "ol", "p", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "th", "thead", "time", "tr", "ul",
    # The self-check and the print button (macros/templates, overrides/partials).
    "button", "fieldset", "form", "input", "label", "legend", "template",
}  # fmt: skip
ATTRIBUTES = {  # "*": on every tag, besides its own
    "*": {
        "class", "id", "lang", "title", "hidden", "tabindex", "aria-label", "aria-labelledby", "aria-live",
        "aria-describedby", "aria-hidden",
        "data-search-exclude", "data-self-check", "data-count", "data-pdf-size", "data-ticked",
    },
    "a": {"href", "download"},
    "img": {"src", "alt", "width", "height"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "details": {"open"},
    "input": {"type", "name", "value"},
    "button": {"type"},
    "form": {"autocomplete"},
}  # fmt: skip
POLICY = SanitizationPolicy(
    allowed_tags=TAGS,
    allowed_attributes=ATTRIBUTES,
    url_policy=UrlPolicy(
        allow_rules={
            ("a", "href"): UrlRule(allowed_schemes={"https", "mailto", "tel", "sms"}),
            ("img", "src"): UrlRule(allowed_schemes=set()),  # this site's own images only
        }
    ),
    drop_comments=False,
    unsafe_handling="collect",
)
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL)
_NAMED = re.compile(r"'([\w:-]+)'")


def page_problems(html: str, source: Path, shown: str) -> list[Problem]:
    """What the policy would remove from the page's article; `source` is its Markdown."""
    article = found[1] if (found := _ARTICLE.search(html)) else ""
    document = JustHTML(article, fragment=True, policy=POLICY, collect_errors=True, track_node_locations=True)
    lines = article.splitlines()
    problems = []
    for finding in (error for error in document.errors if error.category == "security"):
        line = lines[finding.line - 1] if finding.line else ""
        built = line[max((finding.column or 1) - 1, 0) :].strip()[:60]
        # What to look for in the Markdown: a refused address, else the refused name.
        address = re.search(r'(?:href|src)="?([^" >]+)', built) if "URL" in finding.message else None
        named = address or _NAMED.search(finding.message)
        where = line_holding(source, named.group(1)[:12] if named else built[:20])
        problems.append(Problem(shown, f"{finding.message} in a page (built HTML: {built!r})", where))
    return problems
