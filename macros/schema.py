"""The shape of every record in data/. Strict: no type coercion, no unknown fields."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator

KEBAB_CASE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

# Text that would reach the page as markup instead of words.
MARKUP_TOKENS = ("<", "{{", "{%", "{#")


def _plain_text(value: str) -> str:
    for token in MARKUP_TOKENS:
        if token in value:
            raise ValueError(f"must be plain text, but contains {token!r} (no HTML or Jinja in data)")
    return value


def _kebab_case(value: str) -> str:
    if not KEBAB_CASE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not kebab-case: use lower-case letters and digits joined by single hyphens, "
            "e.g. 'never-asks-for-help'"
        )
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_plain_text)]
Id = Annotated[str, AfterValidator(_kebab_case)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"]+$")]
# A number a phone can dial: digits in groups, an optional leading +. No letters, dashes or brackets.
PhoneNumber = Annotated[str, StringConstraints(pattern=r"^\+?[0-9]+( [0-9]+)*$")]
# A chat address opens a conversation with a stranger: https only.
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"]+$")]


class Record(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Entry(Record):
    """A record with a stable id: the id is its HTML anchor, so it must stay kebab-case."""

    id: Id
    label: Text


class Explained(Entry):
    """A sign, condition, self-care strategy or reason to seek help."""

    explanation: Text
    sources: list[Id] | None = None  # ids in data/sources.yml that support it


class Therapy(Entry):
    what_it_is: Text
    how_it_helps: Text
    sources: list[Id] | None = None


def _shown_in(text: str, number: str, field: str) -> None:
    """A dialable number must be one the readable text already gives, so the two cannot drift."""
    if number not in text:
        raise ValueError(f"{number!r} is not in the readable text {field!r}: {text!r}")


class EmergencyNumber(Record):
    region: Text
    number: Text  # the readable text, e.g. "999 or 112"
    call: list[PhoneNumber] = Field(min_length=1)  # each number in it that a phone can dial

    @field_validator("call")
    @classmethod
    def _numbers_in_text(cls, call, info):
        for number in call:
            _shown_in(info.data.get("number", ""), number, "number")
        return call


class CrisisLine(Record):
    id: Id
    region: Text
    name: Text
    contact: Text  # the readable text, e.g. "Call or text 988"
    call: PhoneNumber
    text: PhoneNumber | None = None  # for a line that also takes text messages
    chat: HttpsUrl | None = None  # for a line with a chat on its web site
    hours: Text
    source: Url

    @field_validator("call", "text")
    @classmethod
    def _number_in_text(cls, number, info):
        if number is not None:
            _shown_in(info.data.get("contact", ""), number, "contact")
        return number


class HelplineDirectory(Record):
    id: Id
    name: Text
    description: Text
    url: Url


class Source(Record):
    """A verified source. Cite it only for what its `supports` list says."""

    id: Id
    title: Text
    publisher: Text
    authors: list[Text] | None = None
    year: int | None = None
    url: Url
    supports: list[Text]


class GlossaryTerm(Record):
    id: Id
    term: Text
    abbreviation: Text | None = None  # shown as a tooltip wherever the page uses it
    definition: Text
