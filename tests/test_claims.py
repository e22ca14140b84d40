"""Claim no more than the sources: points with no verified source carry one generated
"no source yet" marker (never a hand-typed disclaimer or an invented "people say"), and
the four-week advice stays with recent events, away from flashbacks."""

import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from macros.data import load_all
from tests.site import LIST_PAGE, PAGES, ROOT, article

LISTS = load_all(ROOT / "data")
MARKER = ".unsourced"
MARKER_TARGET = "https://site/about/#no-source-yet"
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]

# Reports nobody made, and disclaimers typed by hand instead of the generated marker.
INVENTED_OR_TYPED = [
    r"\bpeople (with hyper-independence )?(often )?(say|describe|report|tell)\b",
    r"\bsay about themselves\b",
    r"\bhave not (yet )?found a (trusted )?source\b",
    r"\btrusted source (for this|that tests)\b",
    r"\(no source yet\)",  # the marker's own text, which only its template may write
    r"\[no source yet\]\(",  # the marker's link, made by hand
    r'class="unsourced"',
]


def _author_text(path) -> str:
    """What contributors write: a page, or a data file. The About section that explains
    the marker is left out: it is where the marker's meaning is written down."""
    text = path.read_text(encoding="utf-8")
    if path.name == "about.md":
        text = re.sub(r"## [^\n]*\{ #no-source-yet \}.*?(?=\n## )", "", text, flags=re.S)
    return text


def invented_or_typed(text: str) -> list[str]:
    return [match.group(0) for rule in INVENTED_OR_TYPED for match in re.finditer(rule, text, re.I)]


def test_no_invented_framing_or_typed_disclaimers():
    files = sorted((ROOT / "docs").glob("*.md")) + sorted((ROOT / "data").glob("*.yml"))
    found = {f.name: hits for f in files if (hits := invented_or_typed(_author_text(f)))}
    assert not found, f"write the claim plainly and mark it with {{{{ unsourced() }}}}: {found}"


@pytest.mark.parametrize(
    "bad",
    [
        "Many people with hyper-independence say clear boundaries help.",
        "Some people with hyper-independence describe feeling annoyed.",
        "We have not found a trusted source for this yet.",
        'You feel it. <small class="unsourced">([no source yet](about.md#no-source-yet))</small>',
    ],
)
def test_invented_framing_check_can_fail(bad):
    """Negative control: the sentences this issue removed are caught."""
    assert invented_or_typed(bad)


# -- The generated marker, on the built pages ----------------------------------------


def _section_after(heading) -> list:
    """The elements after a heading, up to the next heading of any level."""
    section = []
    for sibling in heading.find_next_siblings():
        if sibling.name in HEADINGS:
            break
        section.append(sibling)
    return section


def markers_in_record(main, record_id: str) -> int:
    heading = main.find(id=record_id)
    return sum(len(element.select(MARKER)) for element in _section_after(heading))


def _records():
    for name, url_path in LIST_PAGE.items():
        for record in LISTS[name]:
            if hasattr(record, "sources"):
                yield url_path, record


@pytest.mark.parametrize(("url_path", "record"), list(_records()), ids=lambda v: getattr(v, "id", v))
def test_record_without_sources_shows_exactly_one_marker(site, url_path, record):
    expected = 0 if record.sources else 1
    assert markers_in_record(article(site, url_path), record.id) == expected


def test_marker_count_in_a_record_can_fail():
    """Negative control: a record whose marker went missing, or was doubled, is counted right."""
    html = (
        '<article><h3 id="a">A</h3><p>Text.</p><h3 id="b">B</h3><p>Text. '
        '<small class="unsourced">x</small><small class="unsourced">x</small></p></article>'
    )
    main = BeautifulSoup(html, "html.parser")
    assert markers_in_record(main, "a") == 0 and markers_in_record(main, "b") == 2


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_markers_appear_only_where_generated(site, source, url_path):
    """Each marker on a page comes from a record with no sources or an {{ unsourced() }} call,
    and links to the About section that explains it."""
    main = article(site, url_path)
    calls = (ROOT / "docs" / source).read_text(encoding="utf-8").count("{{ unsourced() }}")
    records = sum(
        1
        for name, page in LIST_PAGE.items()
        if page == url_path
        for record in LISTS[name]
        if hasattr(record, "sources") and not record.sources
    )
    markers = main.select(MARKER)
    assert len(markers) == calls + records, source
    for marker in markers:
        links = marker.find_all("a", href=True)
        assert len(links) == 1 and urljoin(f"https://site/{url_path}", links[0]["href"]) == MARKER_TARGET
        assert marker.get_text(strip=True) == "(no source yet)"


def test_about_page_explains_the_marker(site):
    section = article(site, "about/").find(id="no-source-yet")
    assert section is not None and section.name == "h2"
    assert "no source yet" in " ".join(e.get_text() for e in _section_after(section))


# -- The four-week advice ---------------------------------------------------------------

FOUR_WEEKS = re.compile(r"\b(four|4) weeks\b", re.I)


def _h2_sections(main) -> list[str]:
    """The text of each part of a page, split at its h2 headings."""
    sections, current = [], []
    for element in main.find_all(["h2", "p", "li", "h3", "dd", "td"]):
        if element.name == "h2":
            sections.append(" ".join(current))
            current = []
        current.append(element.get_text(" "))
    sections.append(" ".join(current))
    return sections


def four_week_problems(main) -> list[str]:
    problems = []
    for section in _h2_sections(main):
        if not FOUR_WEEKS.search(section):
            continue
        if not re.search(r"\brecent(ly)?\b", section, re.I):
            problems.append("four-week advice without saying it is about a recent event")
        if re.search(r"flashback", section, re.I):
            problems.append("four-week advice in the same part of the page as flashbacks")
    return problems


def test_four_week_advice_is_about_recent_events_and_away_from_flashbacks(site):
    found = 0
    for source, url_path in PAGES:
        main = article(site, url_path)
        found += sum(bool(FOUR_WEEKS.search(s)) for s in _h2_sections(main))
        assert not four_week_problems(main), source
    assert found, "the four-week advice (nidirect) must stay on the site"


def test_four_week_check_can_fail():
    """Negative control: the old wording, in the list with flashbacks and with no 'recent'."""
    old = (
        "<article><h2>When to see a doctor</h2><h3>You have flashbacks</h3><p>You have flashbacks. "
        "If you are still struggling about four weeks after a traumatic event, see a doctor.</p></article>"
    )
    problems = four_week_problems(BeautifulSoup(old, "html.parser"))
    assert len(problems) == 2
