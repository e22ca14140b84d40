"""The words of every page as a reader sees them: plain, and claiming no more than the sources say.
Each check has a negative control that proves it can fail."""

import itertools
import re
from urllib.parse import urljoin

import pytest
import textstat
from bs4 import BeautifulSoup

from macros.pages import read_page
from tests.site import ALL_PAGES, CONFIG, DATA, LIST_PAGE, PAGES, ROOT, article, url_path, visible_sentences

MAX_GRADE = 7.0  # Flesch–Kincaid grade
MAX_WORDS_PER_SENTENCE = 20  # on average
CLICK = re.compile(r"\bclick", re.I)  # say "select" or "tap"


def html(markup: str) -> BeautifulSoup:
    return BeautifulSoup(f"<article>{markup}</article>", "html.parser")


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_plain_language_within_the_limits_and_never_click(site, source, path):
    text = " ".join(visible_sentences(site, path))
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, source
    assert textstat.avg_sentence_length(text) <= MAX_WORDS_PER_SENTENCE, source
    assert not CLICK.search(article(site, path).get_text(" ")), f"{source}: say 'select' or 'tap'"


def test_plain_language_checks_can_fail():
    dense = "Hyper-independence constitutes a maladaptive psychological configuration."
    long = "If you find that you say no every time a friend offers to help you carry the bags home "
    long += "from the shop on a busy day, it may be worth a thought."
    assert textstat.flesch_kincaid_grade(dense) > MAX_GRADE
    assert textstat.avg_sentence_length(long) > MAX_WORDS_PER_SENTENCE
    assert CLICK.search("Click the number to see the source.")


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


def tooltip_problems(markdown: str, main) -> list[str]:
    """Abbreviations the page's words use without a tooltip ({{ page_sources() }}), and wrong tooltips."""
    words = re.sub(r"\{\{.*?\}\}", "", markdown, flags=re.S)  # macro output is raw HTML
    terms = {entry.abbreviation: entry.term for entry in ABBREVIATED}
    tooltips = {abbr.get_text(): abbr.get("title") for abbr in main.find_all("abbr")}
    problems = [f"{a} has no tooltip" for a in terms if re.search(rf"\b{a}\b", words) and a not in tooltips]
    return problems + [f"{a}: '{title}'" for a, title in tooltips.items() if terms.get(a) != title]


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_abbreviations_are_explained_in_words_and_are_tooltips_from_the_glossary(site, source, path):
    assert not unexplained_abbreviations(article(site, path), path), source
    assert not tooltip_problems(read_page(ROOT / "docs" / source).body, article(site, path)), source


ABBREVIATION_CASES = [  # (the words, whether the abbreviation is explained)
    ("<p>Talking therapies help with PTSD.</p>", False),
    ("<p>PTSD, or post-traumatic stress disorder, is a condition.</p>", False),
    ("<p>Post-traumatic stress disorder (PTSD) is a condition.</p>", True),
    ('<p>Some people have <a href="../glossary/#post-traumatic-stress-disorder">PTSD</a>.</p>', True),
]


def test_abbreviation_checks_can_fail():
    for markup, explained in ABBREVIATION_CASES:
        assert (not unexplained_abbreviations(html(markup), "healing/")) is explained, markup
    words, wrong = "Post-traumatic stress disorder (PTSD) is common.", '<abbr title="Post-truth">PTSD</abbr>'
    assert tooltip_problems(words, html(f"<p>{words}</p>")) == ["PTSD has no tooltip"]
    assert tooltip_problems(words, html(wrong)) == ["PTSD: 'Post-truth'"]


NAV_NAME = {file: label for item in CONFIG["nav"] for label, file in item.items()}
NAME_OF_URL = {f"https://site/{path}": NAV_NAME[source] for source, path in PAGES}


def misnamed_links(main, path: str) -> list[str]:
    """Links to a whole page whose words do not start with its name (a card may add a line)."""
    problems = []
    for link in main.find_all("a", href=True):
        name = NAME_OF_URL.get(urljoin(f"https://site/{path}", link["href"]))
        # find_all(string=True) also reads a link inside a <template>, which get_text() leaves out.
        words = " ".join(" ".join(link.find_all(string=True)).split())
        if name is not None and not (words == name or words.startswith(f"{name} ")):
            problems.append(f"'{words}' links to '{name}'")
    return problems


@pytest.mark.parametrize(("source", "path"), PAGES)
def test_a_page_has_one_name_in_nav_title_heading_and_links(site, source, path):
    main = article(site, path)
    heading = main.find("h1").get_text(" ", strip=True)
    assert NAV_NAME[source] == read_page(ROOT / "docs" / source).meta["title"] == heading
    assert not misnamed_links(main, path), source


def test_link_name_check_can_fail():
    """The old name of the balance page is caught."""
    old = f'<a href="../{url_path("balance.md")}">Balancing independence and closeness</a>'
    assert misnamed_links(html(old), url_path("healing.md"))


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


def test_no_invented_framing_or_typed_disclaimers():
    bad = [  # the negative control
        "Many people with hyper-independence say clear boundaries help.",
        "Some people with hyper-independence describe feeling annoyed.",
        "We have not found a trusted source for this yet.",
        'You feel it. <small class="unsourced">([no source yet](about.md#no-source-yet))</small>',
    ]
    assert all(map(invented_or_typed, bad))
    files = sorted((ROOT / "docs").glob("*.md")) + sorted((ROOT / "data").glob("*.yml"))
    # The About section that explains the marker is left out.
    about = re.compile(r"## [^\n]*\{ #no-source-yet \}.*?(?=\n## )", re.S)
    texts = {f.name: about.sub("", f.read_text(encoding="utf-8")) for f in files}
    found = {name: hits for name, text in texts.items() if (hits := invented_or_typed(text))}
    assert not found, f"write the claim plainly and mark it with {{{{ unsourced() }}}}: {found}"


# -- The generated "no source yet" marker, on the built pages ----------------------------------
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
MARKER_TARGET = f"https://site/{url_path('about.md')}#no-source-yet"
SOURCED_LISTS = [(name, path) for name, path in LIST_PAGE.items() if hasattr(DATA[name][0], "sources")]


def _section_after(heading) -> list:
    """The elements after a heading, up to the next heading of any level."""
    return list(itertools.takewhile(lambda e: e.name not in HEADINGS, heading.find_next_siblings()))


def markers_in_record(main, record_id: str) -> int:
    return sum(len(element.select(".unsourced")) for element in _section_after(main.find(id=record_id)))


def test_marker_count_in_a_record_can_fail():
    two = '<small class="unsourced">x</small>' * 2
    main = html(f'<h3 id="a">A</h3><p>Text.</p><h3 id="b">B</h3><p>Text. {two}</p>')
    assert markers_in_record(main, "a") == 0 and markers_in_record(main, "b") == 2


@pytest.mark.parametrize(("source", "path"), PAGES)
def test_markers_appear_only_where_generated_and_link_to_their_explanation(site, source, path):
    """One marker per {{ unsourced() }} call, and one in each shown record with no sources."""
    main, records = article(site, path), [r for name, on in SOURCED_LISTS if on == path for r in DATA[name]]
    assert [r.id for r in records if markers_in_record(main, r.id) != (0 if r.sources else 1)] == [], source
    calls = (ROOT / "docs" / source).read_text(encoding="utf-8").count("{{ unsourced() }}")
    markers = main.select(".unsourced")
    assert len(markers) == calls + sum(not r.sources for r in records), source
    for marker in markers:
        assert [urljoin(f"https://site/{path}", a["href"]) for a in marker.find_all("a")] == [MARKER_TARGET]
        assert marker.get_text(strip=True) == "(no source yet)"


def test_about_page_explains_the_marker(site):
    section = article(site, url_path("about.md")).find(id="no-source-yet")
    assert section is not None and section.name == "h2"
    assert "no source yet" in " ".join(e.get_text() for e in _section_after(section))


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
    # The negative control, the old wording: in the list with flashbacks, and no 'recent'.
    old = "<h2>When to see a doctor</h2><h3>You have flashbacks</h3><p>You have flashbacks. "
    old += "If you are still struggling about four weeks after a traumatic event, see a doctor.</p>"
    assert len(four_week_problems(html(old))) == 2
    found = 0
    for source, path in PAGES:
        main = article(site, path)
        found += sum(bool(FOUR_WEEKS.search(s)) for s in _h2_sections(main))
        assert not four_week_problems(main), source
    assert found, "the four-week advice (nidirect) must stay on the site"
