"""Search finds what readers type, in a real browser, on the web build."""

import pytest

from tests.browser import search, short

# What a reader types -> where the first result must land (page, or page#anchor).
QUERIES = {
    "hyper-independence": "what-it-is/",
    "hyper independence": "what-it-is/",
    "hyperindependence": "what-it-is/",
    "EMDR": "healing/#emdr",
    "CBT": "healing/#cbt",
    "delegate": "signs/#cannot-delegate",
    "alcohol": "get-help/#drugs-alcohol",
    "can't ask for help": "signs/#never-asks-for-help",
    "trust issues": "signs/#hard-to-trust",
    "burnout": "signs/#overwhelmed",
    "lonely": "signs/#isolated",
    "childhood trauma": "where-it-comes-from/",
    "neglect": "where-it-comes-from/",
    "therapy": "healing/",
    "therapist": "talking-to-a-doctor/",
    "breathing": "healing/#breathing",
    "yoga": "healing/#mindfulness-meditation-yoga",
    "exercise": "healing/#exercise",
    "support group": "healing/#support-groups",
    "relationship": "balance/",
    "boundaries": "balance/",
    "PTSD": "signs/#ptsd",
    "depression": "signs/#depression",
    "flashbacks": "get-help/#trauma-symptoms",
    "crisis": "get-help/#crisis-lines",
    "emergency": "get-help/#if-you-are-in-danger-now",
    "samaritans": "get-help/#uk-ie-samaritans",
}


@pytest.fixture(scope="module")
def search_page(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_first_result_is_where_the_reader_needs_to_go(search_page, web_url, query, expected):
    groups = search(search_page, web_url, query)
    assert groups, f"no results for {query!r}"
    first = [short(href, web_url) for href in groups[0]]
    page, _, anchor = expected.partition("#")
    assert first[0] == page, f"{query!r}: first result is {first}"
    if anchor:
        # Material lists the page first, then its best-matching sections.
        assert first[1:2] == [expected], f"{query!r}: first result is {first}"


def test_search_finds_nothing_for_gibberish(search_page, web_url):
    """Negative control: the helper really reads results, not just any page state."""
    assert search(search_page, web_url, "zzqxj") == []
