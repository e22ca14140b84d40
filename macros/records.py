"""The shape of every record in data/. Strict: no type coercion, no unknown fields.

Data is text, never markup. Each text rule is one regular expression, used twice:
here, to refuse a bad value with a message that names the character, and in the
JSON Schemas exported for editors (`python -m build_steps.generate`), so an editor
flags the same values while a contributor types.
"""

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator

# Invisible characters that can disguise text: bidirectional controls (a
# right-to-left override can make "999" read as "666") and zero-width characters.
INVISIBLE = "\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff"
CONTROL = "\\u0000-\\u001f\\u007f"
# Characters that would reach Markdown or Jinja as syntax: HTML, links and images
# ([ ]), attribute lists and Jinja ({ }), code (`) and escapes (\).
MARKUP = "<>{}\\[\\]`\\\\"
# Labels, names and numbers also refuse emphasis (* _), headings (#) and tables (|).
LABEL_MARKUP = MARKUP + "*_#|"

TEXT_PATTERN = f"^[^{CONTROL}{INVISIBLE}{MARKUP}]*$"
LABEL_PATTERN = f"^[^{CONTROL}{INVISIBLE}{LABEL_MARKUP}]*$"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
# https only; no characters that could end a Markdown link or an HTML attribute
# early (spaces, quotes, brackets, parentheses, < >).
URL_PATTERN = "^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&*+,;=:@/?#-]*)?$"


def _describe_character(character: str) -> str:
    if re.fullmatch(f"[{INVISIBLE}]", character):
        return f"an invisible character (U+{ord(character):04X})"
    if re.fullmatch(f"[{CONTROL}]", character):
        return "a line break or control character" if character in "\r\n" else f"U+{ord(character):04X}"
    return repr(character)


def _matching(pattern: str, what: str):
    """A validator that refuses the first character the pattern does not allow."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if compiled.fullmatch(value):
            return value
        allowed = re.compile(pattern.replace("^[", "[").replace("]*$", "]"))
        bad = next((c for c in value if not allowed.fullmatch(c)), None)
        found = _describe_character(bad) if bad else "something else"
        raise ValueError(f"must be {what}, but contains {found}")

    return check


def _kebab_case(value: str) -> str:
    if not re.fullmatch(ID_PATTERN, value):
        raise ValueError(
            f"{value!r} is not kebab-case: use lower-case letters and digits joined by single hyphens, "
            "e.g. 'never-asks-for-help'"
        )
    return value


def _https_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https":
        raise ValueError(f"must be an https:// address, got scheme {parts.scheme or 'none'!r}")
    if not parts.hostname or parts.username or parts.password:
        raise ValueError("must name a host, with no user name or password")
    if not re.fullmatch(URL_PATTERN, value):
        bad = next((c for c in value if c in " \"'()<>[]{}`\\|^" or not c.isprintable()), None)
        raise ValueError(
            f"contains {_describe_character(bad) if bad else 'a character'} that could break out of a link"
        )
    return value


def _plain(pattern: str, what: str, max_length: int):
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_matching(pattern, what)),
        Field(json_schema_extra={"pattern": pattern}),
    ]


# Sentences: explanations, definitions, what a source supports.
Text = _plain(TEXT_PATTERN, "plain text (no HTML, Markdown links, Jinja or invisible characters)", 600)
# One line: labels, names, regions, titles, numbers.
Label = _plain(LABEL_PATTERN, "one line of plain text (no Markdown, HTML or invisible characters)", 200)
Id = Annotated[
    str,
    StringConstraints(max_length=64),
    AfterValidator(_kebab_case),
    Field(json_schema_extra={"pattern": ID_PATTERN}),
]
Url = Annotated[
    str,
    StringConstraints(max_length=300),
    AfterValidator(_https_url),
    Field(json_schema_extra={"pattern": URL_PATTERN, "format": "uri"}),
]
# A number a phone can dial: digits in groups, an optional leading +. No letters,
# dashes or brackets (and so no invisible characters).
PHONE_PATTERN = "^\\+?[0-9]+( [0-9]+)*$"
PhoneNumber = Annotated[str, StringConstraints(max_length=20, pattern=PHONE_PATTERN)]


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Entry(Record):
    """A record with a stable id: the id is its HTML anchor, so it must stay kebab-case."""

    id: Id
    label: Label


class Explained(Entry):
    """A sign, condition, self-care strategy or reason to seek help."""

    explanation: Text
    sources: list[Id] | None = None  # ids in data/sources.yml that support it


class Therapy(Entry):
    what_it_is: Text
    how_it_helps: Text
    sources: list[Id] | None = None


def _shown_in(info, field: str, numbers: list) -> None:
    """A dialable number must be one the readable text (`field`) already gives, so the two
    cannot drift. Skipped when that text was itself refused: one problem, not two."""
    text = info.data.get(field)
    for number in numbers if text is not None else []:
        if number is not None and number not in text:
            raise ValueError(f"{number!r} is not in the readable text {field!r}: {text!r}")


class EmergencyNumber(Record):
    region: Label
    number: Label  # the readable text, e.g. "999 or 112"
    call: list[PhoneNumber] = Field(min_length=1)  # each number in it that a phone can dial

    @field_validator("call")
    @classmethod
    def _numbers_in_text(cls, call, info):
        _shown_in(info, "number", call)
        return call


class CrisisLine(Record):
    id: Id
    region: Label
    name: Label
    contact: Label  # the readable text, e.g. "Call or text 988"
    call: PhoneNumber
    text: PhoneNumber | None = None  # for a line that also takes text messages
    chat: Url | None = None  # for a line with a chat on its web site
    hours: Label
    source: Url

    @field_validator("call", "text")
    @classmethod
    def _number_in_text(cls, number, info):
        _shown_in(info, "contact", [number])
        return number


class HelplineDirectory(Record):
    id: Id
    name: Label
    description: Text
    url: Url


class Source(Record):
    """A verified source. Cite it only for what its `supports` list says."""

    id: Id
    title: Label
    publisher: Label
    authors: list[Label] | None = None
    year: int | None = None
    url: Url
    # Where `url` is not character for character the verified list's: that list's address
    # and why this one differs (e.g. https for http), so a reviewer can compare the two.
    url_differs: Text | None = None
    supports: list[Text]


class GlossaryTerm(Record):
    id: Id
    term: Label
    abbreviation: Label | None = None  # shown as a tooltip wherever the page uses it
    definition: Text


class CareLevel(Record):
    """A care card: who it is for and what to do, with the numbers or page to use."""

    id: Id
    icon: Label  # a symbol beside the title, never instead of it
    title: Label
    when: Text
    action: Text
    emergency_numbers: bool = False  # show data/crisis_lines.yml's emergency numbers
    crisis_lines: list[Id] = []  # ids of lines in data/crisis_lines.yml
    page: Id | None = None  # a page of the guide, e.g. talking-to-a-doctor
    page_words: Label | None = None  # the words of its link
    sources: list[Id] | None = None
