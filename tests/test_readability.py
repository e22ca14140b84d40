"""Plain language, measured on what a reader sees in the built pages."""

import re

import pytest
import textstat

from tests.site import PAGES, visible_sentences

MAX_GRADE = 7.0  # Flesch–Kincaid grade
MAX_WORDS_PER_SENTENCE = 20  # on average

# Abbreviations a reader may not know: the first use on each page must be spelled out.
ABBREVIATIONS = ["CBT", "EMDR", "PTSD", "OCD", "GP"]  # NHS: a service name, explained by its tooltip

# Every page, and the whole guide on one page (out of the nav, but read the same way).
READ_PAGES = [*PAGES, ("whole-guide.md", "whole-guide/")]


@pytest.mark.parametrize(("source", "url_path"), READ_PAGES)
def test_flesch_kincaid_grade_is_at_most_7(site, source, url_path):
    text = " ".join(visible_sentences(site, url_path))
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, f"{source}: Flesch–Kincaid grade {grade}"


@pytest.mark.parametrize(("source", "url_path"), READ_PAGES)
def test_sentences_are_short_on_average(site, source, url_path):
    text = " ".join(visible_sentences(site, url_path))
    assert textstat.avg_sentence_length(text) <= MAX_WORDS_PER_SENTENCE, source


@pytest.mark.parametrize(("source", "url_path"), READ_PAGES)
def test_abbreviations_are_spelled_out_at_first_use(site, source, url_path):
    text = " ".join(visible_sentences(site, url_path))
    for abbreviation in ABBREVIATIONS:
        first = re.search(rf"\b{abbreviation}\b", text)
        if first is None:
            continue
        before = text[max(0, first.start() - 60) : first.start()]
        assert before.endswith("(") and re.search(r"[a-z]{3,}", before), (
            f"{source}: first '{abbreviation}' is not explained, e.g. 'long name ({abbreviation})'"
        )


def test_grade_measure_can_fail():
    """Negative control: a dense sentence scores far above the limit."""
    dense = (
        "Hyper-independence constitutes a maladaptive psychological configuration characterised by "
        "comprehensive avoidance of interpersonal dependency and institutional assistance."
    )
    assert textstat.flesch_kincaid_grade(dense) > MAX_GRADE
