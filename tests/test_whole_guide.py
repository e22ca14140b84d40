"""The whole guide on one page (its sources, ids and absence from the nav: test_pages.py and the finish)."""

import json
import re

from macros.pages import read_page
from macros.whole_guide import PAGE
from tests.site import PAGES, ROOT, article, url_path

URL = url_path(PAGE)
CITATION_NUMBER = re.compile(r"\[\d+\]")  # numbered per page on a page, across the guide here


def test_every_page_is_a_part_in_reading_order_with_its_review_dates_and_all_its_words(site):
    parts = article(site, URL).select("h2.whole-guide-part")
    metas = [read_page(ROOT / "docs" / source).meta for source, _ in PAGES]
    assert [p.get_text(strip=True) for p in parts] == [meta["title"] for meta in metas]
    for heading, meta in zip(parts, metas, strict=True):
        dates = heading.find_next("p", class_="review-dates")  # after its heading, before the next part
        times = [t["datetime"] for t in dates.find_all("time")]
        assert times == [str(meta["reviewed"]), str(meta["next_review"])], meta["title"]
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


def test_whole_guide_is_out_of_search_but_linked_from_home(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith(URL)]
    assert article(site, "").select(f"a[href='{URL}']")
