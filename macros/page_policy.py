"""What a page in docs/ may contain besides Markdown: an allow-list of HTML.

Contributors may use a little HTML (a <span>, an <abbr>, a <time>), but never
scripts, frames, inline event handlers, inline styles or `javascript:` links.
Each refusal names the file and the line.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from macros.data import DataError

ALLOWED_TAGS = {
    "a", "abbr", "b", "br", "cite", "code", "dd", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd",
    "li", "mark", "ol", "p", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "th", "thead", "time", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "alt", "class", "colspan", "datetime", "download", "height", "href", "id", "lang",
    "markdown", "open", "rowspan", "scope", "src", "title", "width",
}  # fmt: skip
# Families of attributes that carry no behaviour.
ALLOWED_PREFIXES = ("aria-", "data-")
URL_ATTRIBUTES = {"href", "src"}
ALLOWED_SCHEMES = {"", "https", "mailto", "tel", "sms"}

# Markdown link destinations: [text](destination) and [label]: destination.
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]+)")
_REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)")
# attr_list blocks, e.g. { #anchor .class }; they may not add handlers or styles.
_ATTR_LIST = re.compile(r"\{:?\s*([^{}]*)\}")
_BEHAVIOUR_ATTRIBUTE = re.compile(r"(?:^|\s)(on\w+|style)\s*=", re.IGNORECASE)


def url_problem(url: str) -> str | None:
    """Why a link address is refused, or None. Browsers ignore blanks and control
    characters inside a scheme ("java\tscript:"), so they are removed first."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    scheme = urlsplit(cleaned).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"a {scheme}: address (only https:, mailto:, tel:, sms: and links within the guide)"
    return None


class _TagScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if not re.fullmatch(r"[a-z][a-z0-9-]*", tag):
            return  # not a tag: an autolink such as <https://...> or a stray "<"
        if tag not in ALLOWED_TAGS:
            self.problems.append((line, f"<{tag}> is not allowed in a page"))
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value and (problem := url_problem(value)):
                self.problems.append((line, f"<{tag} {name}> is {problem}"))
            elif name not in ALLOWED_ATTRIBUTES and not name.startswith(ALLOWED_PREFIXES):
                self.problems.append((line, f"attribute '{name}' on <{tag}> is not allowed"))


def check_page(shown_path: str, text: str) -> None:
    """Refuse disallowed HTML, handlers and link schemes; one line per problem."""
    scanner = _TagScanner()
    scanner.feed(text)
    scanner.close()
    problems = list(scanner.problems)
    for number, line in enumerate(text.splitlines(), start=1):
        destinations = [m.group(1) for m in _INLINE_LINK.finditer(line)]
        if reference := _REFERENCE_LINK.match(line):
            destinations.append(reference.group(1))
        problems += [(number, f"link to {p}") for d in destinations if (p := url_problem(d))]
        for attributes in _ATTR_LIST.findall(line):
            if found := _BEHAVIOUR_ATTRIBUTE.search(attributes):
                problems.append((number, f"attribute list sets '{found.group(1)}', which is not allowed"))
    if problems:
        raise DataError("\n".join(f"{shown_path}: line {line}: {what}" for line, what in sorted(problems)))
