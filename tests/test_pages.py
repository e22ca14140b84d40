"""Every page of the nav, as it ships: one heading, no template syntax, the nav in reading
order, every page built from the same template, citations that resolve on their page,
every record of data/ on its page; and the bad input that must stop the build (broken
links, a page left out of the nav, unknown sources, bad review dates), each named by
file and line."""

import re
import shutil

import pytest
import yaml

from build_steps import generate
from build_steps.build import engine_problems
from build_steps.check import check_project
from build_steps.engines import engine_build
from macros import page_macros
from macros.load import LISTS
from macros.pages import read_page
from macros.whole_guide import PAGE as WHOLE_GUIDE
from tests.site import (
    ALL_PAGES,
    CONFIG,
    DATA,
    ENV,
    LIST_FILE,
    LIST_PAGE,
    PAGES,
    ROOT,
    article,
    copy_project,
    page_html,
    soup,
    url_path,
)


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_page_has_exactly_one_h1(site, source, path):
    headings = soup(site, path).find_all("h1")
    assert len(headings) == 1 and headings[0].get_text(strip=True), f"{source}: {headings}"


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_no_template_syntax_left_on_page(site, source, path):
    assert not re.findall(r"\{\{|\{%|\{#", page_html(site, path)), f"{source} shows template syntax"


def test_navigation_follows_the_reading_order(site):
    targets = []
    for link in soup(site, "").select("nav.md-nav--primary a.md-nav__link[href]"):
        href = link["href"].removeprefix("./").split("#")[0]
        href = "" if href == "." else href
        if href not in targets:
            targets.append(href)
    assert targets == [path for _, path in PAGES]


# What the theme puts on every page (overrides/main.html); the features themselves are
# checked on two pages in test_template.py.
LANDMARKS = [".md-banner .urgent-help", "article .review-dates", "article .page-actions", ".footer-links a"]


def test_every_page_is_built_from_the_same_template(site):
    missing = {
        source: absent
        for source, path in ALL_PAGES
        if (absent := [selector for selector in LANDMARKS if not soup(site, path).select(selector)])
    }
    assert not missing


# -- Sources ------------------------------------------------------------------------------------

SOURCES = {source.id: source for source in DATA["sources"]}


@pytest.mark.parametrize(("source", "path"), ALL_PAGES)
def test_citations_resolve_to_the_sources_listed_on_their_page(site, source, path):
    main = article(site, path)
    listed = {li["id"].removeprefix("source-") for li in main.select("ol.page-sources li")}
    cited = {a["href"].removeprefix("#source-") for a in main.select("sup.citation a")}
    assert cited == listed <= set(SOURCES), source


def test_every_source_is_cited_on_some_page(site):
    cited = set()
    for _, path in PAGES:
        cited |= {li["id"].removeprefix("source-") for li in article(site, path).select("ol.page-sources li")}
    assert set(SOURCES) == cited, f"listed but never cited: {set(SOURCES) - cited}"


def test_sources_page_lists_every_source_in_full(site):
    main = article(site, url_path("sources.md"))
    for source in SOURCES.values():
        entry = main.find(id=source.id)
        assert entry is not None, source.id
        text = entry.get_text(" ")
        assert source.title in text and source.publisher in text and entry.find("a", href=source.url)
        assert all(author in text for author in source.authors or []) and str(source.year or "") in text


# -- The lists of data/ on their pages ------------------------------------------------------------


LABEL_FIELDS = ("label", "name", "term", "title")  # what a record's heading shows


def _label(record) -> str:
    return next(getattr(record, field) for field in LABEL_FIELDS if hasattr(record, field))


@pytest.mark.parametrize(("name", "path"), LIST_PAGE.items())
def test_every_record_is_on_its_page_under_its_anchor_with_its_label(site, name, path):
    main = article(site, path)
    missing = [
        r.id for r in DATA[name] if not (heading := main.find(id=r.id)) or _label(r) not in heading.get_text()
    ]
    assert not missing, f"{LIST_FILE[name]}: not on {path}"


def test_help_page_is_tiered_and_shows_every_number_directory_and_source(site):
    main = article(site, url_path("get-help.md"))
    headings = [h.get("id") for h in main.find_all("h2")]
    tiers = ["if-you-are-in-danger-now", "crisis-lines", "when-to-see-a-doctor-or-therapist"]
    assert [h for h in headings if h in tiers] == tiers  # emergency, then crisis, then non-urgent
    text = " ".join(main.get_text(" ").split())
    links = {a["href"] for a in main.find_all("a", href=True)}
    assert all(n.region in text and n.number in text for n in DATA["emergency_numbers"])
    assert {d.url for d in DATA["helpline_directories"]} <= links
    assert {line.source for line in DATA["crisis_lines"]} <= links, (
        "a crisis line is shown without its source"
    )


def test_a_new_record_is_on_its_page_when_rendered_again(tmp_path):
    """Pages read data/ each time they are rendered: nothing is cached or typed by hand."""
    name, path = next((n, p) for n, p in LIST_PAGE.items() if LISTS[n].section is None)
    source = next(s for s, p in PAGES if p == path)
    data = shutil.copytree(ROOT / "data", tmp_path / "data") / LIST_FILE[name]
    records = yaml.safe_load(data.read_text(encoding="utf-8"))
    label = next(field for field in LABEL_FIELDS if field in records[0])
    data.write_text(
        yaml.safe_dump([*records, {**records[0], "id": "a-new-record", label: "A brand new record"}])
    )
    macros = page_macros(tmp_path, CONFIG, lambda: source)
    html = macros["render"](read_page(ROOT / "docs" / source).body)
    assert re.search(r'id="a-new-record"[^>]*>A brand new record<', html)


# -- Bad input stops the build, named by file and line ----------------------------------------------


def names(problems, file: str, line: int, words: str) -> bool:
    """Whether one of the problems is on that file and line and says those words."""
    return any(p.file == file and p.line == line and words in p.message for p in problems)


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
    (project / "docs" / "stray.md").write_text(
        "---\nreviewed: 2026-11-25\nnext_review: 2027-11-25\n---\n# Stray\n"
    )
    result = engine_build("mkdocs", project, project / "out", ENV)
    assert result.returncode != 0, "the strict build published broken links"
    problems = engine_problems(result.stdout + result.stderr, project)
    for target, line in line_of.items():
        assert names(problems, f"docs/{source}", line, target), target
    assert any("stray.md" in p.message for p in problems)


def _edit(page, change) -> None:
    page.write_text(change(page.read_text(encoding="utf-8")), encoding="utf-8")


def _set(field: str, value: str | None):
    """A change to one front matter field (None removes it)."""
    line = "" if value is None else f"{field}: {value}\n"
    return lambda text: re.sub(rf"^{field}: .*\n", line, text, count=1, flags=re.M)


def test_bad_pages_are_refused_before_any_build_naming_file_and_line(tmp_path):
    """One page per mistake, one run of the check step that `make` runs before any engine."""
    docs = copy_project(tmp_path / "p") / "docs"
    unknown_source, no_next, no_reviewed, too_far, before_it_existed = [source for source, _ in PAGES[:5]]
    _edit(docs / unknown_source, lambda text: text + '\nMore.{{ cite("no-such-source") }}\n')
    _edit(docs / no_next, _set("next_review", None))
    _edit(docs / no_reviewed, _set("reviewed", None))
    reviewed = read_page(docs / too_far).meta["reviewed"]
    _edit(docs / too_far, _set("next_review", reviewed.replace(year=reviewed.year + 4).isoformat()))
    _edit(
        docs / before_it_existed,
        lambda text: _set("next_review", "2002-01-01")(_set("reviewed", "2001-01-01")(text)),
    )
    cite_line = len((docs / unknown_source).read_text(encoding="utf-8").splitlines())
    expected = {
        unknown_source: ("cites unknown source id 'no-such-source'", cite_line),
        no_next: ("'next_review' must be a date", 1),
        no_reviewed: ("'reviewed' must be a date", 1),
        too_far: ("is more than 3 years after 'reviewed'", 1),
        before_it_existed: ("is before the page existed", 1),
    }
    problems = check_project(docs.parent)
    for source, (message, line) in expected.items():
        assert names(problems, f"docs/{source}", line, message), source
    # The whole guide repeats every page, so it names the unknown source too; nothing else fails.
    assert {p.file for p in problems} == {f"docs/{source}" for source in [*expected, WHOLE_GUIDE]}
