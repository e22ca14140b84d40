"""The whole guide on one page ({{ whole_guide() }} in docs/whole-guide.md), as built."""

import json
import re
from collections import Counter

import yaml

from tests.site import PAGES, ROOT, article, soup

URL = "whole-guide/"


def _front_matter_and_title(source: str) -> tuple[dict, str]:
    _, front, body = (ROOT / "docs" / source).read_text().split("---\n", 2)
    return yaml.safe_load(front), re.search(r"^# (.+)$", body, re.MULTILINE).group(1).strip()


def test_every_page_is_a_part_in_reading_order_with_its_review_dates(site):
    parts = article(site, URL).select("h2.whole-guide-part")
    expected = [_front_matter_and_title(source) for source, _ in PAGES]
    assert [part.get_text().strip() for part in parts] == [title for _, title in expected]
    for part, (meta, title) in zip(parts, expected, strict=True):
        # The part's review dates come after it and before the next part.
        dates = part.find_next("p", class_="review-dates").get_text()
        assert meta["reviewed"].strftime("%-d %B %Y") in dates, title
        assert meta["next_review"].strftime("%-d %B %Y") in dates, title


def test_every_parts_text_is_there(site):
    text = " ".join(article(site, URL).get_text(" ").split())
    for _, url_path in PAGES:
        for paragraph in article(site, url_path).select("p"):
            if paragraph.find_parent(class_=["page-sources", "review-dates"]):
                continue  # listed once, at the end; dated per part
            words = " ".join(paragraph.get_text(" ").split())
            # Citation numbers run across the whole guide, so compare without them.
            words = re.sub(r"\[\d+\]", "", words)
            assert words[:60] in re.sub(r"\[\d+\]", "", text), f"{url_path}: {words[:60]}"


def test_citations_link_to_the_sources_listed_at_the_end(site):
    page = article(site, URL)
    markers = page.select("sup.citation a")
    listed = {li["id"] for li in page.select("ol.page-sources li")}
    assert markers and listed
    assert {a["href"].removeprefix("#") for a in markers} == listed


def test_no_id_is_used_twice(site):
    ids = Counter(element["id"] for element in soup(site, URL).select("[id]"))
    assert [name for name, count in ids.items() if count > 1] == []


def test_a_part_moves_its_headings_down_and_prefixes_its_anchors(tmp_path):
    """Two lists share an id (a therapy and a glossary term are both 'attachment-based-therapy'):
    on one page each part's anchors get the part's name, so no id repeats."""
    from macros.whole_guide import part

    source = tmp_path / "healing.md"
    source.write_text(
        "---\nreviewed: 2026-01-01\nnext_review: 2027-01-01\n---\n\n"
        "# Healing\n\n## Ways\n\n### CBT { #cbt }\n"
    )
    result = part(source, render=lambda markdown: markdown)
    assert result["title"] == "Healing"
    assert "### Ways" in result["body"] and "#### CBT { #healing--cbt }" in result["body"]
    assert "# Healing" not in result["body"]


def test_whole_guide_is_out_of_search_and_nav_but_linked_from_home(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert not [doc for doc in index["docs"] if doc["location"].startswith(URL)]
    assert not soup(site, "").select(f"nav.md-nav--primary a[href$='{URL}']")
    assert article(site, "").select(f"a[href='{URL}']")
