"""The shape of every record in data/. Strict: no type coercion, no unknown fields."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

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


class EmergencyNumber(Record):
    region: Text
    number: Text


class CrisisLine(Record):
    id: Id
    region: Text
    name: Text
    contact: Text
    hours: Text
    source: Url


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
