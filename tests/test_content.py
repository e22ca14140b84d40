"""The words of every page as a reader sees them: plain language, plain words, no more claimed than
the sources say. Each check has a negative control that proves it can fail."""

import re
from urllib.parse import urljoin

import pytest
import textstat
from bs4 import BeautifulSoup

from macros.pages import read_page
from tests.site import ALL_PAGES, CONFIG, DATA, LIST_PAGE, PAGES, ROOT, article, url_path, visible_sentences

# -- Plain language ------------------------------------------------------------------------

MAX_GRADE = 7.0  # Flesch–Kincaid grade
MAX_WORDS_PER_SENTENCE = 20  # on average


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_reading_grade_and_sentence_length_are_within_the_limits(site, source, path):
    text = " ".join(visible_sentences(site, path))
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, source
    assert textstat.avg_sentence_length(text) <= MAX_WORDS_PER_SENTENCE, source


def test_reading_measures_can_fail():
    dense = "Hyper-independence constitutes a maladaptive psychological configuration characterised by "
    dense += "comprehensive avoidance of interpersonal dependency and institutional assistance."
    long = "If you find that you say no every time a friend offers to help you carry the bags home "
    long += "from the shop on a busy day, it may be worth a thought."
    assert textstat.flesch_kincaid_grade(dense) > MAX_GRADE
    assert textstat.avg_sentence_length(long) > MAX_WORDS_PER_SENTENCE


# -- Abbreviations: in words at first use (a tooltip needs a mouse), and as tooltips --------

ABBREVIATED = [entry for entry in DATA["glossary"] if entry.abbreviation]


def _normalise(text: str) -> str:
    return " ".join(text.replace("-", " ").lower().split())


def unexplained_abbreviations(main, path: str) -> list[str]:
    """Abbreviations whose first use neither follows (or is in) their term nor links to its entry."""
    for hidden in main.select("script, style, .headerlink, .md-content__button, [hidden]"):
        hidden.decompose()
    pieces = main.find_all(string=True)
    problems = []
    for entry in ABBREVIATED:
        pattern, read = re.compile(rf"\b{re.escape(entry.abbreviation)}\b"), ""
        for piece in pieces:
            first = pattern.search(piece)
            read += " " + (piece[: first.end()] if first else piece)
            if first is None:
                continue
            link = piece.find_parent("a", href=True)
            target = urljoin(f"https://site/{path}", link["href"]) if link else ""
            glossary = f"https://site/{url_path('glossary.md')}#{entry.id}"
            if _normalise(entry.term) not in _normalise(read) and target != glossary:
                problems.append(f"{entry.abbreviation} (say '{entry.term} ({entry.abbreviation})')")
            break
    return problems


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_abbreviations_are_explained_in_words_at_first_use(site, source, path):
    assert not unexplained_abbreviations(article(site, path), path), source


ABBREVIATION_CASES = [
    ("<p>Talking therapies help with PTSD.</p>", False),
    ("<p>PTSD, or post-traumatic stress disorder, is a condition.</p>", False),
    ("<p>Post-traumatic stress disorder (PTSD) is a condition.</p>", True),
    ('<p>Some people have <a href="../glossary/#post-traumatic-stress-disorder">PTSD</a>.</p>', True),
]


@pytest.mark.parametrize(("html", "explained"), ABBREVIATION_CASES)
def test_abbreviation_check_can_fail(html, explained):
    main = BeautifulSoup(f"<article>{html}</article>", "html.parser")
    assert (not unexplained_abbreviations(main, "healing/")) is explained


def tooltip_problems(markdown: str, main) -> list[str]:
    """Each glossary abbreviation the page's words use is a tooltip (made by {{ page_sources() }}),
    and every tooltip says its term."""
    words = re.sub(r"\{\{.*?\}\}", "", markdown, flags=re.S)  # macro output is raw HTML
    terms = {entry.abbreviation: entry.term for entry in ABBREVIATED}
    tooltips = {abbr.get_text(): abbr.get("title") for abbr in main.find_all("abbr")}
    problems = [f"{a} has no tooltip" for a in terms if re.search(rf"\b{a}\b", words) and a not in tooltips]
    return problems + [f"{a}: '{title}'" for a, title in tooltips.items() if terms.get(a) != title]


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_abbreviations_are_tooltips_from_the_glossary(site, source, path):
    assert not tooltip_problems(read_page(ROOT / "docs" / source).body, article(site, path)), source


def test_tooltip_check_can_fail():
    words = "Post-traumatic stress disorder (PTSD) is common."
    missing = BeautifulSoup(f"<article><p>{words}</p></article>", "html.parser")
    wrong = BeautifulSoup('<article><p><abbr title="Post-truth">PTSD</abbr></p></article>', "html.parser")
    assert tooltip_problems(words, missing) == ["PTSD has no tooltip"]
    assert tooltip_problems(words, wrong) == ["PTSD: 'Post-truth'"]


# -- "Select" or "tap", never "click" -------------------------------------------------------

CLICK = re.compile(r"\bclick", re.I)


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_pages_never_say_click(site, source, path):
    assert not CLICK.search(article(site, path).get_text(" ")), f"{source}: say 'select' or 'tap'"


def test_click_check_can_fail():
    assert CLICK.search("Click the number to see the source.")


# -- One name per page: nav label, title, heading and the words of every link to it ----------

NAV_NAME = {file: label for item in CONFIG["nav"] for label, file in item.items()}
NAME_OF_URL = {f"https://site/{path}": NAV_NAME[source] for source, path in PAGES}


@pytest.mark.parametrize(("source", "path"), PAGES)
def test_nav_label_title_and_heading_are_one_name(site, source, path):
    heading = article(site, path).find("h1").get_text(" ", strip=True)
    assert NAV_NAME[source] == read_page(ROOT / "docs" / source).meta["title"] == heading


def misnamed_links(main, path: str) -> list[str]:
    """Links to a whole page whose words do not start with its name (a card may add a line)."""
    problems = []
    for link in main.find_all("a", href=True):
        name = NAME_OF_URL.get(urljoin(f"https://site/{path}", link["href"]))
        # find_all(string=True), not get_text(): it also reads a link inside a <template>
        # (the self-check's summary), which get_text() leaves out.
        words = " ".join(" ".join(link.find_all(string=True)).split())
        if name is not None and not (words == name or words.startswith(f"{name} ")):
            problems.append(f"'{words}' links to '{name}'")
    return problems


@pytest.mark.parametrize(("source", "path"), PAGES)
def test_links_to_a_page_use_its_name(site, source, path):
    assert not misnamed_links(article(site, path), path), source


def test_link_name_check_can_fail():
    """The old name of the balance page is caught."""
    old = f'<article><a href="../{url_path("balance.md")}">Balancing independence and closeness</a></article>'
    assert misnamed_links(BeautifulSoup(old, "html.parser"), url_path("healing.md"))


# -- No invented framing or typed disclaimers, in what contributors write ---------------------

INVENTED_OR_TYPED = [
    r"\bpeople (with hyper-independence )?(often )?(say|describe|report|tell)\b",
    r"\bsay about themselves\b",
    r"\bhave not (yet )?found a (trusted )?source\b",
    r"\btrusted source (for this|that tests)\b",
    r"\(no source yet\)",  # the marker's own text, which only its template may write
    r"\[no source yet\]\(",  # the marker's link, made by hand
    r'class="unsourced"',
]


def invented_or_typed(text: str) -> list[str]:
    return [match.group(0) for rule in INVENTED_OR_TYPED for match in re.finditer(rule, text, re.I)]


def _author_text(path) -> str:
    """A page or a data file; the About section that explains the marker is left out."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"## [^\n]*\{ #no-source-yet \}.*?(?=\n## )", "", text, flags=re.S)


def test_no_invented_framing_or_typed_disclaimers():
    files = sorted((ROOT / "docs").glob("*.md")) + sorted((ROOT / "data").glob("*.yml"))
    found = {f.name: hits for f in files if (hits := invented_or_typed(_author_text(f)))}
    assert not found, f"write the claim plainly and mark it with {{{{ unsourced() }}}}: {found}"


def test_invented_framing_check_can_fail():
    bad = [
        "Many people with hyper-independence say clear boundaries help.",
        "Some people with hyper-independence describe feeling annoyed.",
        "We have not found a trusted source for this yet.",
        'You feel it. <small class="unsourced">([no source yet](about.md#no-source-yet))</small>',
    ]
    assert all(map(invented_or_typed, bad))


# -- The generated "no source yet" marker, on the built pages ----------------------------------

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
MARKER_TARGET = f"https://site/{url_path('about.md')}#no-source-yet"


def _section_after(heading) -> list:
    """The elements after a heading, up to the next heading of any level."""
    section = []
    for sibling in heading.find_next_siblings():
        if sibling.name in HEADINGS:
            break
        section.append(sibling)
    return section


def markers_in_record(main, record_id: str) -> int:
    return sum(len(element.select(".unsourced")) for element in _section_after(main.find(id=record_id)))


SOURCED_LISTS = [(name, path) for name, path in LIST_PAGE.items() if hasattr(DATA[name][0], "sources")]


@pytest.mark.parametrize(("name", "path"), SOURCED_LISTS)
def test_each_record_without_sources_shows_exactly_one_marker(site, name, path):
    main = article(site, path)
    wrong = [r.id for r in DATA[name] if markers_in_record(main, r.id) != (0 if r.sources else 1)]
    assert not wrong, f"{name} on {path}"


def test_marker_count_in_a_record_can_fail():
    html = '<article><h3 id="a">A</h3><p>Text.</p><h3 id="b">B</h3><p>Text. <small class="unsourced">x'
    main = BeautifulSoup(html + '</small><small class="unsourced">x</small></p></article>', "html.parser")
    assert markers_in_record(main, "a") == 0 and markers_in_record(main, "b") == 2


@pytest.mark.parametrize(("source", "path"), PAGES)
def test_markers_appear_only_where_generated_and_link_to_their_explanation(site, source, path):
    """One marker per {{ unsourced() }} call and per shown record with no sources."""
    calls = (ROOT / "docs" / source).read_text(encoding="utf-8").count("{{ unsourced() }}")
    records = sum(not r.sources for name, page in SOURCED_LISTS if page == path for r in DATA[name])
    markers = article(site, path).select(".unsourced")
    assert len(markers) == calls + records, source
    for marker in markers:
        assert [urljoin(f"https://site/{path}", a["href"]) for a in marker.find_all("a")] == [MARKER_TARGET]
        assert marker.get_text(strip=True) == "(no source yet)"


def test_about_page_explains_the_marker(site):
    section = article(site, url_path("about.md")).find(id="no-source-yet")
    assert section is not None and section.name == "h2"
    assert "no source yet" in " ".join(e.get_text() for e in _section_after(section))


# -- The four-week advice: about recent events, away from flashbacks ---------------------------

FOUR_WEEKS = re.compile(r"\b(four|4) weeks\b", re.I)


def _h2_sections(main) -> list[str]:
    """The text of each part of a page, split at its h2 headings."""
    sections, current = [], []
    for element in main.find_all(["h2", "p", "li", "h3", "dd", "td"]):
        if element.name == "h2":
            sections.append(" ".join(current))
            current = []
        current.append(element.get_text(" "))
    return [*sections, " ".join(current)]


def four_week_problems(main) -> list[str]:
    problems = []
    for section in filter(FOUR_WEEKS.search, _h2_sections(main)):
        if not re.search(r"\brecent(ly)?\b", section, re.I):
            problems.append("four-week advice without saying it is about a recent event")
        if re.search(r"flashback", section, re.I):
            problems.append("four-week advice in the same part of the page as flashbacks")
    return problems


def test_four_week_advice_is_about_recent_events_and_away_from_flashbacks(site):
    found = 0
    for source, path in PAGES:
        main = article(site, path)
        found += sum(bool(FOUR_WEEKS.search(s)) for s in _h2_sections(main))
        assert not four_week_problems(main), source
    assert found, "the four-week advice (nidirect) must stay on the site"


def test_four_week_check_can_fail():
    """The old wording: in the list with flashbacks, and no 'recent'."""
    old = "<article><h2>When to see a doctor</h2><h3>You have flashbacks</h3><p>You have flashbacks. "
    old += "If you are still struggling about four weeks after a traumatic event, see a doctor.</p></article>"
    assert len(four_week_problems(BeautifulSoup(old, "html.parser"))) == 2
