"""The content review of 2026-12-01 (issue 17) on the built pages: each test fails on the old wording."""

import itertools
import re

import pytest

from tests.site import PAGES, article, visible_sentences

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
LEWIS = "#source-lewis-2020-psychological-therapies-ptsd"


def sentences(site, url_path: str) -> list[str]:
    return [s for block in visible_sentences(site, url_path) for s in re.split(r"(?<=[.!?])\s+", block)]


def section_text(site, url_path: str, heading_id: str) -> str:
    """The words under a heading, up to the next heading of the same or a higher level."""
    heading = article(site, url_path).find(id=heading_id)
    assert heading is not None, f"{url_path}#{heading_id}"
    siblings = heading.find_next_siblings()
    under = itertools.takewhile(lambda e: e.name not in HEADINGS or e.name > heading.name, siblings)
    return " ".join(" ".join(e.get_text(" ") for e in under).split())


def cited_blocks(site, url_path: str):
    """Each paragraph or list item that carries a citation, with the ids it cites."""
    for block in article(site, url_path).find_all(["p", "li"]):
        cites = {a["href"] for a in block.select("sup.citation a")}
        if cites and not block.find(["p", "li"]):
            yield " ".join(block.get_text(" ").split()), cites


@pytest.mark.parametrize("url_path", ["healing/", "talking-to-a-doctor/"])
def test_medicine_is_for_a_diagnosed_condition_and_talking_therapy_comes_first(site, url_path):
    """D-M3: there is no medicine for hyper-independence itself; therapy is first for PTSD."""
    said = sentences(site, url_path)
    assert any("no medicine" in s and "hyper-independence itself" in s for s in said), url_path
    assert any("medicine (medication)" in s for s in said), url_path
    assert any("first choice" in text and LEWIS in cites for text, cites in cited_blocks(site, url_path))
    assert not any("also talk to you about medicine" in s for s in said)


# (page, paragraph words, a source it must not carry): the claim is the article's, not the source's.
NOT_UNDER = [
    ("signs/", "listed below", "#source-verywell-hyper-independence-trauma"),
    ("effects/", "every problem", "#source-bmc-2010-help-seeking-barriers"),
]
# (page, record, words the source does not back): they must not sit in that cited record.
NOT_IN_RECORD = [
    ("signs/", "ocd", "hyper-independence"),
    ("signs/", "overwhelmed", "burnout"),
    ("signs/", "substance-use", "sign to get help"),
    ("healing/", "cbt", "better ways to cope"),
    ("healing/", "emdr", "step by step"),
    ("healing/", "healthy-habits", "stress"),
]


def test_each_citation_covers_only_what_its_source_says(site):
    """D-M4 (no source vouches for this guide), D-M5 and item 6 (m1, m8, m9, m11, m12, m30)."""
    for _, url_path in PAGES:
        for text, _ in cited_blocks(site, url_path):
            assert "this guide" not in text.lower(), f"{url_path}: {text}"
    for url_path, words, source in NOT_UNDER:
        for text, cites in cited_blocks(site, url_path):
            assert not (words in text and source in cites), f"{url_path}: {text}"
    for url_path, record, words in NOT_IN_RECORD:
        assert words not in section_text(site, url_path, record).lower(), f"{url_path}#{record}"


def test_family_page_does_not_diagnose_the_loved_one(site):
    """D-M6: PTSD advice is for 'if they have PTSD'; hyper-independence is not a diagnosis."""
    said = sentences(site, "someone-close/")
    about_them = [s for s in said if re.search(r"\bhas PTSD\b|\bPTSD is something\b", s)]
    assert about_them and all(re.match(r"If\b", s) for s in about_them), about_them
    assert not any("who went through trauma" in s for s in said)
    assert any("hyper-independence is not a diagnosis" in s.lower() for s in said)


def test_about_describes_the_kinds_of_sources_used(site):
    """D-M9: the sources most cited are health websites; About must say so, as Sources does."""
    blocks = [b for b in visible_sentences(site, "about/") if re.search(r"trusted source (is|can)", b, re.I)]
    assert blocks and all("website" in b and "study" in b for b in blocks), blocks


def test_urgent_help_names_suicidal_thoughts_and_self_harm(site):
    """m19: readers with these thoughts may not see themselves as 'in danger'."""
    urgent = section_text(site, "get-help/", "if-you-are-in-danger-now").lower()
    assert "suicidal thoughts" in urgent and "self-harm" in urgent
