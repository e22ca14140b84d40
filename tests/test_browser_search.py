"""Search knows readers' own words: what a reader types into the real search box, in the
web edition and in the offline edition from file://, opens the right page first."""

import zipfile

import pytest

from tests.browser import search, short

pytestmark = pytest.mark.browser

# What a reader types -> where the first result must land (a page, or page#section:
# Material lists the page first, then its best-matching sections).
QUERIES = {
    # The guide's own name, however it is typed.
    "hyper-independence": "what-it-is/",
    "hyper independence": "what-it-is/",
    "hyperindependence": "what-it-is/",
    "what is hyper-independence": "what-it-is/",
    # Formal words and the everyday words beside them, UK and US spellings.
    "EMDR": "healing/#emdr",
    "CBT": "healing/#cbt",
    "therapy": "healing/",
    "medicine": "healing/",
    "medication": "talking-to-a-doctor/",
    "counselling": "talking-to-a-doctor/",
    "counseling": "healing/",
    "therapist": "talking-to-a-doctor/",
    "see a doctor": "talking-to-a-doctor/",
    "GP": "talking-to-a-doctor/",
    "family doctor": "talking-to-a-doctor/",
    "appointment": "talking-to-a-doctor/",
    "refer myself": "talking-to-a-doctor/",
    "free therapy": "talking-to-a-doctor/",
    "NHS Talking Therapies": "talking-to-a-doctor/",
    # Signs and conditions in readers' words.
    "delegate": "signs/#cannot-delegate",
    "can't ask for help": "signs/#never-asks-for-help",
    "trust issues": "signs/#hard-to-trust",
    "burnout": "signs/#overwhelmed",
    "lonely": "signs/#isolated",
    "PTSD": "signs/#ptsd",
    "OCD": "signs/",
    "depression": "signs/#depression",
    "substance use": "signs/",
    "childhood trauma": "where-it-comes-from/",
    "neglect": "where-it-comes-from/",
    "is it my fault": "where-it-comes-from/",
    # Self-care and relationships.
    "breathing": "healing/#breathing",
    "yoga": "healing/#mindfulness-meditation-yoga",
    "exercise": "healing/#exercise",
    "support group": "healing/#support-groups",
    "relationship": "balance/",
    "boundaries": "balance/",
    # Someone close.
    "partner": "someone-close/",
    "husband": "someone-close/",
    "wife": "someone-close/",
    "mum": "someone-close/",
    "mom": "someone-close/",
    "dad": "someone-close/",
    "friend": "someone-close/",
    "loved one": "someone-close/",
    # Crisis words.
    "suicidal": "get-help/",
    "suicidal thoughts": "get-help/",
    "suicide": "get-help/",
    "self harm": "get-help/",
    "flashbacks": "get-help/#trauma-symptoms",
    "alcohol": "get-help/#drugs-alcohol",
    "crisis": "get-help/#crisis-lines",
    "emergency": "get-help/#if-you-are-in-danger-now",
    "samaritans": "get-help/#uk-ie-samaritans",
}


@pytest.fixture(scope="module")
def web_search(browser, web_url):
    """One page of the web edition, its search box used for every query."""
    page = browser.new_page()
    page.goto(web_url)
    yield page, web_url, lambda path: path
    page.close()


@pytest.fixture(scope="module")
def offline_search(browser, built, tmp_path_factory):
    """The same in the offline edition: the zip, unzipped, opened from file://."""
    folder = tmp_path_factory.mktemp("search-offline")
    with zipfile.ZipFile(built / "dist" / "hyper-independence-guide-offline.zip") as archive:
        archive.extractall(folder)
    base = next(folder.glob("*/index.html")).parent.as_uri() + "/"
    page = browser.new_page()
    page.goto(base + "index.html")
    yield page, base, lambda path: (path.rstrip("/") or "index") + ".html"
    page.close()


@pytest.fixture(params=["web", "offline"])
def edition(request):
    """(page, base URL, the edition's address for a URL path)."""
    return request.getfixturevalue(f"{request.param}_search")


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_first_result_is_where_the_reader_needs_to_go(edition, query, expected):
    page, base, address = edition
    groups = search(page, query)
    assert groups, f"no results for {query!r}"
    first = [short(href, base) for href in groups[0]]
    path, _, section = expected.partition("#")
    assert first[0] == address(path), f"{query!r}: first result is {first}"
    if section:
        assert first[1:2] == [f"{address(path)}#{section}"], f"{query!r}: first result is {first}"


def test_search_finds_nothing_for_gibberish(edition):
    """Negative control: the helper really reads results, not just any page state."""
    assert search(edition[0], "zzqxj") == []
