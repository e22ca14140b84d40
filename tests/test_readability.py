"""Plain language, measured on what a reader sees in the built pages."""

import pytest
import textstat

from tests.site import PAGES, visible_sentences

MAX_GRADE = 7.0  # Flesch–Kincaid grade
MAX_WORDS_PER_SENTENCE = 20  # on average

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


def test_grade_measure_can_fail():
    """Negative control: a dense sentence scores far above the limit."""
    dense = (
        "Hyper-independence constitutes a maladaptive psychological configuration characterised by "
        "comprehensive avoidance of interpersonal dependency and institutional assistance."
    )
    assert textstat.flesch_kincaid_grade(dense) > MAX_GRADE
