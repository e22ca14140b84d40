"""The whole guide on one page: every part in order, all its words, sources once, no id twice."""

import json
import re
from collections import Counter

from macros.pages import read_page
from macros.whole_guide import PAGE, part
from tests.site import PAGES, ROOT, article, soup, url_path

URL = url_path(PAGE)
REVIEW_FIELDS = ("reviewed", "next_review")
CITATION_NUMBER = re.compile(r"\[\d+\]")  # numbered per page on a page, across the guide here


def _title(source: str) -> str:
    return re.search(r"^# (.+)$", read_page(ROOT / "docs" / source).body, re.M).group(1).strip()


def test_every_page_is_a_part_in_reading_order_with_its_review_dates(site):
    parts = article(site, URL).select("h2.whole-guide-part")
    assert [p.get_text(strip=True) for p in parts] == [_title(source) for source, _ in PAGES]
    for part_heading, (source, _) in zip(parts, PAGES, strict=True):
        meta = read_page(ROOT / "docs" / source).meta
        dates = part_heading.find_next("p", class_="review-dates")  # after its heading, before the next part
        assert [t["datetime"] for t in dates.find_all("time")] == [
            str(meta["reviewed"]),
            str(meta["next_review"]),
        ]


def test_every_parts_words_are_there(site):
    text = CITATION_NUMBER.sub("", " ".join(article(site, URL).get_text(" ").split()))
    missing = []
    for _, path in PAGES:
        for paragraph in article(site, path).select("p"):
            if paragraph.find_parent(class_=["page-sources", "review-dates"]):
                continue  # listed once, at the end; dated per part
            words = CITATION_NUMBER.sub("", " ".join(paragraph.get_text(" ").split()))
            if words[:60] not in text:
                missing.append(f"{path}: {words[:60]}")
    assert not missing


def test_citations_link_to_the_sources_listed_once_at_the_end(site):
    main = article(site, URL)
    listed = [li["id"] for li in main.select("ol.page-sources li")]
    assert listed and len(main.select("ol.page-sources")) == 1 and len(set(listed)) == len(listed)
    assert {a["href"].removeprefix("#") for a in main.select("sup.citation a")} == set(listed)


def test_no_id_is_used_twice(site):
    ids = Counter(element["id"] for element in soup(site, URL).select("[id]"))
    assert [name for name, count in ids.items() if count > 1] == []


def test_a_part_moves_its_headings_down_and_prefixes_its_anchors(tmp_path):
    """Two lists may share an id (a therapy and a glossary term): each part prefixes its own."""
    source = tmp_path / "healing.md"
    front = "---\nreviewed: 2026-01-01\nnext_review: 2027-01-01\n---\n\n"
    source.write_text(front + "# Healing\n\n## Ways\n\n### CBT { #cbt }\n")
    result = part(source, render=lambda markdown: markdown)
    assert result["title"] == "Healing" and "# Healing" not in result["body"]
    assert "### Ways" in result["body"] and "#### CBT { #healing--cbt }" in result["body"]


def test_whole_guide_is_out_of_search_and_nav_but_linked_from_home(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith(URL)]
    assert not soup(site, "").select(f"nav.md-nav--primary a[href$='{URL}']")
    assert article(site, "").select(f"a[href='{URL}']")
