"""Search knows readers' own words, in the web edition and the offline one from file://: right page first."""

import pytest

from tests.browser import offline_file, search, short, unzip_offline

pytestmark = pytest.mark.browser

# Where the first result must land -> what readers type (Material lists the page first, then
# its best-matching sections): the guide's own name, formal and everyday words, UK and US spellings.
WHERE = {
    "what-it-is/": "hyper-independence|hyper independence|hyperindependence|what is hyper-independence",
    "healing/#emdr": "EMDR",
    "healing/#cbt": "CBT",
    "healing/": "therapy|medicine|counseling",
    "talking-to-a-doctor/": "medication|counselling|therapist|see a doctor|GP|family doctor|appointment"
    "|refer myself|free therapy|NHS Talking Therapies",
    "signs/#cannot-delegate": "delegate",
    "signs/#never-asks-for-help": "can't ask for help",
    "signs/#hard-to-trust": "trust issues",
    "signs/#overwhelmed": "burnout",
    "signs/#isolated": "lonely",
    "signs/#ptsd": "PTSD",
    "signs/": "OCD|substance use",
    "signs/#depression": "depression",
    "where-it-comes-from/": "childhood trauma|neglect|is it my fault",
    "healing/#breathing": "breathing",
    "healing/#mindfulness-meditation-yoga": "yoga",
    "healing/#exercise": "exercise",
    "healing/#support-groups": "support group",
    "balance/": "relationship|boundaries",
    "someone-close/": "partner|husband|wife|mum|mom|dad|friend|loved one",
    "get-help/": "suicidal|suicidal thoughts|suicide|self harm",
    "get-help/#trauma-symptoms": "flashbacks",
    "get-help/#drugs-alcohol": "alcohol",
    "get-help/#crisis-lines": "crisis",
    "get-help/#if-you-are-in-danger-now": "emergency",
    "get-help/#uk-ie-samaritans": "samaritans",
}
QUERIES = {query: where for where, queries in WHERE.items() for query in queries.split("|")}


@pytest.fixture(scope="module", params=["web", "offline"])
def edition(request, browser, web_url, built, tmp_path_factory):
    """(page, base URL, the edition's address for a URL path); the page's search box takes every query."""
    if request.param == "web":
        base, address = web_url, (lambda url_path: url_path)
    else:
        base, address = unzip_offline(built, tmp_path_factory.mktemp("search")), offline_file
    page = browser.new_page()
    page.goto(base + address(""))
    yield page, base, address
    page.close()


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_first_result_is_where_the_reader_needs_to_go(edition, query, expected):
    page, base, address = edition
    groups = search(page, query)
    assert groups, f"no results for {query!r}"
    first = [short(href, base) for href in groups[0]]
    path, _, section = expected.partition("#")
    want = [address(path)] + ([f"{address(path)}#{section}"] if section else [])
    assert first[: len(want)] == want, f"{query!r}: first result is {first}"


def test_search_finds_nothing_for_gibberish(edition):
    """Negative control: the helper really reads results, not just any page state."""
    assert search(edition[0], "zzqxj") == []
