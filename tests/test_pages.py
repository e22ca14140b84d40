"""Every page of the nav as it ships, each record of data/ on its page; broken links stop the build."""

import re
from collections import Counter

import pytest

from build_steps import generate
from build_steps.build import engine_problems
from build_steps.engines import start_build
from macros.whole_guide import PAGE as WHOLE_GUIDE
from tests.site import ALL_PAGES, DATA, ENV, LIST_PAGE, PAGES, article, copy_project, soup, url_path

# What overrides/main.html puts on every page; the features themselves: test_template.py, on two pages.
LANDMARKS = [".md-banner .urgent-help", "article .review-dates", "article .page-actions", ".footer-links a"]


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_page_is_built_from_the_one_template_with_one_h1_and_no_template_syntax_left(site, source, path):
    page = soup(site, path)
    assert [selector for selector in LANDMARKS if not page.select(selector)] == [], source
    headings = page.find_all("h1")
    assert len(headings) == 1 and headings[0].get_text(strip=True), f"{source}: {headings}"
    assert not re.findall(r"\{\{|\{%|\{#", str(page)), f"{source} shows template syntax"


def test_navigation_follows_the_reading_order(site):
    links = soup(site, "").select("nav.md-nav--primary a.md-nav__link[href]")
    hrefs = [link["href"].removeprefix("./").split("#")[0].removeprefix(".") for link in links]
    assert list(dict.fromkeys(hrefs)) == [path for _, path in PAGES]


SOURCES = {source.id: source for source in DATA["sources"]}


def listed_sources(main) -> set[str]:
    return {li["id"].removeprefix("source-") for li in main.select("ol.page-sources li")}


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_citations_resolve_to_the_sources_listed_once_on_their_page(site, source, path):
    main = article(site, path)
    cited = {a["href"].removeprefix("#source-") for a in main.select("sup.citation a")}
    assert cited == listed_sources(main) <= set(SOURCES) and len(main.select("ol.page-sources")) <= 1, source


def test_every_source_is_cited_on_some_page_and_in_the_whole_guide_and_listed_in_full(site):
    cited = set().union(*(listed_sources(article(site, path)) for _, path in PAGES))
    assert set(SOURCES) == cited, f"listed but never cited: {set(SOURCES) - cited}"
    assert listed_sources(article(site, url_path(WHOLE_GUIDE))) == cited
    main = article(site, url_path("sources.md"))
    for source in SOURCES.values():
        entry = main.find(id=source.id)
        assert entry is not None, source.id
        text = entry.get_text(" ")
        assert source.title in text and source.publisher in text and entry.find("a", href=source.url)
        assert all(author in text for author in source.authors or []) and str(source.year or "") in text


LABEL_FIELDS = ("label", "name", "term", "title")  # what a record's heading shows


def _label(record) -> str:
    return next(getattr(record, field) for field in LABEL_FIELDS if hasattr(record, field))


@pytest.mark.parametrize(("name", "path"), LIST_PAGE.items())
def test_every_record_is_on_its_page_under_its_anchor_with_its_label(site, name, path):
    main = article(site, path)
    missing = [r.id for r in DATA[name] if not (h := main.find(id=r.id)) or _label(r) not in h.get_text()]
    assert not missing, f"data/ list {name}: not on {path}"


def test_help_page_is_tiered_and_shows_and_links_every_number_directory_chat_and_source(site):
    main = article(site, url_path("get-help.md"))
    tiers = ["if-you-are-in-danger-now", "crisis-lines", "when-to-see-a-doctor-or-therapist"]
    assert [h.get("id") for h in main.find_all("h2") if h.get("id") in tiers] == tiers  # most urgent first
    text = " ".join(main.get_text(" ").split())
    links = {a["href"] for a in main.find_all("a", href=True)}
    assert all(n.region in text and n.number in text for n in DATA["emergency_numbers"])
    assert {d.url for d in DATA["helpline_directories"]} <= links
    assert {line.source for line in DATA["crisis_lines"]} <= links  # no crisis line without its source
    # A tap link for every number, text and chat in the data: each at least once (the care cards
    # repeat some), and no number that is not in data/.
    lines = DATA["crisis_lines"]
    tel = [(line.call, f"tel:{line.call.replace(' ', '')}") for line in lines]
    expected = Counter([f"tel:{n}" for record in DATA["emergency_numbers"] for n in record.call])
    expected += Counter(href for _, href in tel) + Counter(f"sms:{line.text}" for line in lines if line.text)
    shown = Counter(a["href"] for a in main.select("a[href^='tel:'], a[href^='sms:']"))
    assert expected <= shown and set(shown) == set(expected), shown - expected
    chats = [line.chat for line in lines if line.chat]
    chat_links = [[a for a in main.select(f"a[href='{c}']") if a.get_text() == "Chat online"] for c in chats]
    assert chats and all(len(found) == 1 for found in chat_links)
    # The readable number is the link text, e.g. "116 123", not "116123".
    assert all({a.get_text() for a in main.select(f"a[href='{href}']")} == {call} for call, href in tel)


def test_broken_links_and_a_page_left_out_of_the_nav_fail_the_engine_build(tmp_path):
    """The validation block in mkdocs.yml, through the command `make build` runs."""
    project = copy_project(tmp_path / "p")
    generate.write_banner(project)
    source, first, second = PAGES[-1][0], PAGES[0][0], PAGES[1][1]
    bad = [  # (what the engine names, the Markdown)
        ("no-such-page.md", "[gone](no-such-page.md)"),
        (f"{first}#no-such-anchor", f"[gone]({first}#no-such-anchor)"),
        (f"/{second}", f"[absolute](/{second})"),
    ]
    page = project / "docs" / source
    lines, line_of = page.read_text(encoding="utf-8").splitlines(), {}
    for target, markdown in bad:
        lines += ["", markdown]
        line_of[target] = len(lines)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stray = "---\nreviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n# Stray\n"
    (project / "docs" / "stray.md").write_text(stray, encoding="utf-8")
    build = start_build("mkdocs", project, project / "out", ENV)
    output, _ = build.communicate()
    assert build.returncode != 0, "the strict build published broken links"
    problems = engine_problems(output, project)
    for target, line in line_of.items():
        assert any((p.file, p.line) == (f"docs/{source}", line) and target in p.message for p in problems)
    assert any("stray.md" in p.message for p in problems)
