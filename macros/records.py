"""The shape of every record in data/: strict (no coercion, no unknown fields), and text,
never markup. Each text rule is one regular expression, used here and in the JSON Schemas
for editors (`python -m build_steps.generate --schemas`), so both refuse the same values."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

# Invisible characters that can disguise text: bidirectional controls (a
# right-to-left override can make "999" read as "666") and zero-width characters.
INVISIBLE = "\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff"
CONTROL = "\\u0000-\\u001f\\u007f"
# Characters that would reach Markdown or Jinja as syntax: HTML, links and images
# ([ ]), attribute lists and Jinja ({ }), code (`) and escapes (\).
MARKUP = "<>{}\\[\\]`\\\\"

TEXT_PATTERN = f"^[^{CONTROL}{INVISIBLE}{MARKUP}]*$"
# Labels, names and numbers also refuse emphasis (* _), headings (#) and tables (|).
LABEL_PATTERN = f"^[^{CONTROL}{INVISIBLE}{MARKUP}*_#|]*$"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
ID_REFUSED = "[^a-z0-9-]|--"  # what a refusal names: a character an id may not hold, or "--"
# https only; no characters that could end a Markdown link or an HTML attribute
# early (spaces, quotes, brackets, parentheses, < >).
URL_PATTERN = "^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&*+,;=:@/?#-]*)?$"
URL_REFUSED = "[^\\w.~%!$&*+,;=:@/?#-]"  # what a refusal names: a character an address may not hold


def _describe(character: str) -> str:
    if character in "\r\n":
        return "a line break"
    return repr(character) if character.isprintable() else f"an invisible character (U+{ord(character):04X})"


def _text(pattern: str, what: str, max_length: int, bad_characters: str | None = None, **schema):
    """A string type that refuses a value, naming the first character it may not hold
    (by default, those the pattern's one character class refuses)."""
    bad = bad_characters or pattern.replace("^[^", "[").replace("]*$", "]")

    def check(value: str) -> str:
        if re.fullmatch(pattern, value):
            return value
        found = re.search(bad, value)
        raise ValueError(f"must be {what}" + (f", but contains {_describe(found[0])}" if found else ""))

    constraints = StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length)
    return Annotated[
        str, constraints, AfterValidator(check), Field(json_schema_extra={"pattern": pattern, **schema})
    ]


# Sentences: explanations, definitions, what a source supports.
Text = _text(TEXT_PATTERN, "plain text (no HTML, Markdown links, Jinja or invisible characters)", 600)
# One line: labels, names, regions, titles, numbers.
Label = _text(LABEL_PATTERN, "one line of plain text (no Markdown, HTML or invisible characters)", 200)
# The id is an HTML anchor: "never-asks-for-help".
Id = _text(ID_PATTERN, "kebab-case: lower-case letters and digits joined by single hyphens", 64, ID_REFUSED)
Url = _text(
    URL_PATTERN, "an https:// address that cannot break out of a link", 300, URL_REFUSED, format="uri"
)
# A number a phone can dial: digits in groups, an optional leading +. No letters,
# dashes or brackets (and so no invisible characters).
PhoneNumber = Annotated[str, StringConstraints(max_length=20, pattern="^\\+?[0-9]+( [0-9]+)*$")]


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Listed(Record):  # a record other records and links name by its id
    id: Id


class Explained(Listed):
    """A sign, condition, self-care strategy or reason to seek help."""

    label: Label
    explanation: Text
    sources: list[Id] | None = None  # ids in data/sources.yml that support it


class Therapy(Listed):
    label: Label
    what_it_is: Text
    how_it_helps: Text
    sources: list[Id] | None = None


def _in_text(field: str) -> AfterValidator:
    """Each dialable number must be one the readable text (`field`) gives, so the two
    cannot drift. Skipped when that text was itself refused: one problem, not two."""

    def check(numbers, info):
        text = info.data.get(field)
        for number in [numbers] if isinstance(numbers, str) else numbers:
            if text is not None and number not in text:
                raise ValueError(f"{number!r} is not in the readable text {field!r}: {text!r}")
        return numbers

    return AfterValidator(check)


class EmergencyNumber(Record):
    region: Label
    number: Label  # the readable text, e.g. "999 or 112"
    call: Annotated[list[PhoneNumber], Field(min_length=1), _in_text("number")]  # what a phone can dial


class CrisisLine(Listed):
    region: Label
    name: Label
    contact: Label  # the readable text, e.g. "Call or text 988"
    call: Annotated[PhoneNumber, _in_text("contact")]
    text: Annotated[PhoneNumber, _in_text("contact")] | None = None  # for a line that also takes texts
    chat: Url | None = None  # for a line with a chat on its web site
    hours: Label
    source: Url


class HelplineDirectory(Listed):
    name: Label
    description: Text
    url: Url


class Source(Listed):
    """A verified source. Cite it only for what its `supports` list says."""

    title: Label
    publisher: Label
    authors: list[Label] | None = None
    year: int | None = None
    url: Url
    # Where `url` is not character for character the verified list's: that list's address
    # and why this one differs (e.g. https for http), so a reviewer can compare the two.
    url_differs: Text | None = None
    supports: list[Text]


class GlossaryTerm(Listed):
    term: Label
    abbreviation: Label | None = None  # shown as a tooltip wherever the page uses it
    definition: Text


class CareLevel(Listed):
    """A care card: who it is for and what to do, with the numbers or page to use."""

    icon: Label  # a symbol beside the title, never instead of it
    title: Label
    when: Text
    action: Text
    emergency_numbers: bool = False  # show data/crisis_lines.yml's emergency numbers
    crisis_lines: list[Id] = []  # ids of lines in data/crisis_lines.yml
    page: Id | None = None  # a page of the guide, e.g. talking-to-a-doctor
    page_words: Label | None = None  # the words of its link
    sources: list[Id] | None = None
