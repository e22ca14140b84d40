"""What the theme (overrides/) adds to a page, on two of them; what local and deploy builds link to."""

import datetime as dt
import json
import re
import struct
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from build_steps.reproducible import source_date_epoch
from macros.pages import read_page
from tests.site import ALL_PAGES, CONFIG, DATA, LIST_FILE, LIST_PAGE, PAGES, ROOT, build_once, soup

SITE_URL = "https://example.org/guide/"
REPO_URL = "https://github.com/example/guide"
# The home page and the first page that shows a list of data/.
TWO_PAGES = [PAGES[0], next(page for page in PAGES if page[1] in LIST_PAGE.values())]
DUE_NOTE = "This page is due for review."
DANGER = re.compile(r"\bget-help(/|\.html)#if-you-are-in-danger-now$")  # the first tier of the help page


def front_matter(source: str) -> dict:
    return read_page(ROOT / "docs" / source).meta


# The deploy build is dated the day the first of the two pages falls due for review:
# a late review must never stop a deploy (an urgent fix to a crisis number).
FIRST_DUE = min(front_matter(source)["next_review"] for source, _ in TWO_PAGES)


@pytest.fixture(scope="module")
def deploy(tmp_path_factory, worker_id):
    """`make build` as the Deploy workflow runs it: (project, its output), shared like `built`."""
    epoch = str(int(dt.datetime.combine(FIRST_DUE, dt.time(12), dt.UTC).timestamp()))
    env = {"SITE_URL": SITE_URL, "REPO_URL": REPO_URL, "SOURCE_DATE_EPOCH": epoch}
    return build_once(tmp_path_factory, worker_id, "deploy-project", **env)


EMERGENCY = DATA["emergency_numbers"]
# Each emergency number once, in order, with the regions it serves (printed after it on paper).
REGIONS = {n: ", ".join(r.region for r in EMERGENCY if n in r.call) for r in EMERGENCY for n in r.call}
OFFLINE = "dist/hyper-independence-guide-offline"
# The banner in the web edition, on the 404 page (the reader's way back to urgent help) and offline.
BANNER_PAGES = [*(f"site/{url}index.html" for _, url in TWO_PAGES), "site/404.html", f"{OFFLINE}/signs.html"]


@pytest.mark.parametrize("file", BANNER_PAGES)
def test_urgent_help_comes_first_with_every_emergency_number_once(built, file):
    page = BeautifulSoup((built / file).read_text(encoding="utf-8"), "html.parser")
    banner = page.select_one(".md-banner")
    assert "Need help now?" in banner.get_text()
    assert page.find_all(["aside", "header", "article"])[0] is banner  # first on a phone and a screen reader
    tel = [(a["href"], a.get("data-regions")) for a in banner.select("a[href^='tel:']")]
    assert tel == [(f"tel:{number.replace(' ', '')}", regions) for number, regions in REGIONS.items()]
    assert len([a for a in banner.find_all("a") if DANGER.search(a["href"])]) == 1


def badly_separated(actions) -> bool:
    """Whether the page actions' words have a "·" with no words, or no space, on one side."""
    text = " ".join(actions.get_text().split())
    return not re.fullmatch(r"[^·]+( · [^·]+)*", text)


def test_separator_check_can_fail():
    cases = {"<a>Guide</a> · <a>Edit</a>": False, "<a>Guide</a> ·": True, "<a>Guide</a> ·<a>Edit</a>": True}
    assert {html: badly_separated(BeautifulSoup(html, "html.parser")) for html in cases} == cases


@pytest.mark.parametrize(("source", "path"), TWO_PAGES)
def test_review_dates_metadata_and_page_actions(site, source, path):
    """Dates and metadata from the front matter; page actions that offer print (the PDF link: test_pdf.py)."""
    meta, page = front_matter(source), soup(site, path)
    dates = page.select_one(".review-dates")
    times = [t["datetime"] for t in dates.find_all("time")]
    assert times == [str(meta["reviewed"]), str(meta["next_review"])]
    assert "Page last reviewed" in dates.get_text() and "Next review due" in dates.get_text()
    head = {tag.get("property") or tag.get("name"): tag.get("content") for tag in page.head.find_all("meta")}
    assert head["description"] == head["og:description"] == meta["description"] and page.html["lang"] == "en"
    assert head["og:title"] == meta["title"]
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "MedicalWebPage" and data["name"] == meta["title"]
    assert data["lastReviewed"] == str(meta["reviewed"])
    actions = page.select_one(".page-actions")
    assert actions.select_one(".print-page[hidden] button")  # shown by print-page.js where printing works
    assert not badly_separated(actions), actions.get_text()


@pytest.mark.parametrize(("source", "path"), TWO_PAGES)
def test_a_page_says_it_is_due_for_review_exactly_when_it_is(built, deploy, source, path):
    """Local build (dated by the last commit), deploy build (dated the day one is due): a notice."""
    deployed, output = deploy
    next_review = front_matter(source)["next_review"]
    local_date = dt.datetime.fromtimestamp(source_date_epoch(built), dt.UTC).date()
    for project, build_date in ((built, local_date), (deployed, FIRST_DUE)):
        note = soup(project / "site", path).select_one("p.review-due")
        assert (note is not None and DUE_NOTE in note.get_text()) == (next_review <= build_date), build_date
    notice = re.search(rf"INFO\s+-\s+docs/{re.escape(source)}: review due on {next_review}", output)
    assert bool(notice) == (next_review <= FIRST_DUE) and "WARNING" not in output, output


# -- Where it lives: no absolute link to itself in a local build; real ones in a deploy build -----
SELF_LINKS = {"canonical": r'<link[^>]+rel="?canonical', "og:url": r'property="?og:url',
              "og:image": r'property="?og:image', "edit link": r">Edit this page</a>",
              "correction link": r">Suggest a correction</a>", "placeholder": r"\bOWNER\b"}  # fmt: skip


def self_links(folder) -> dict[str, set[str]]:
    """Each file of a built edition that links to the site's own address or its repository."""
    found = {}
    for file in sorted(folder.rglob("*")):
        if file.suffix in {".html", ".xml", ".js", ".json"}:
            text = file.read_text(encoding="utf-8", errors="replace")
            if hits := {name for name, pattern in SELF_LINKS.items() if re.search(pattern, text)}:
                found[file.relative_to(folder).as_posix()] = hits
    return found


def test_absolute_self_links_only_in_a_deploy_build_and_there_on_every_page(built, site, deploy):
    assert self_links(site) == {} and self_links(built / OFFLINE) == {}
    assert "<loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not soup(site, "").select(".md-source")  # no repository link in the header
    deployed = deploy[0] / "site"  # the negative control of the scan; every page in the sitemap
    found = self_links(deployed)
    assert all(found[f"{path}index.html"] == set(SELF_LINKS) - {"placeholder"} for _, path in ALL_PAGES)
    listed = re.findall(r"<loc>([^<]+)</loc>", (deployed / "sitemap.xml").read_text(encoding="utf-8"))
    assert sorted(listed) == sorted(SITE_URL + path for _, path in ALL_PAGES)


@pytest.mark.parametrize(("source", "path"), TWO_PAGES)
def test_a_deploy_build_links_to_itself_and_to_the_repository(deploy, source, path):
    project, _ = deploy
    page = soup(project / "site", path)
    meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in page.head.find_all("meta")}
    here = SITE_URL + path
    assert page.select_one("link[rel=canonical]")["href"] == meta["og:url"] == here
    assert json.loads(page.select_one("script[type='application/ld+json']").string)["url"] == here
    share = CONFIG["extra"]["share_image"]
    assert meta["og:image"] == SITE_URL + share["path"]
    image = (project / "site" / share["path"]).read_bytes()  # a 1200 by 630 PNG
    assert image[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", image[16:24]) == (1200, 630)
    assert meta["og:image:alt"] == share["alt"] and meta["twitter:card"] == "summary_large_image"
    actions = page.select_one(".page-actions")
    links = {a.get_text(strip=True): a["href"] for a in actions.find_all("a")}
    assert links["Edit this page"] == f"{REPO_URL}/edit/main/docs/{source}"
    shown = {LIST_FILE[name] for name, on in LIST_PAGE.items() if on == path}  # one link per data file
    data_links = {href for href in links.values() if "/edit/main/data/" in href}
    assert data_links == {f"{REPO_URL}/edit/main/data/{file}" for file in shown}
    title = quote(f"Correction: {front_matter(source)['title']}", safe="")
    assert links["Suggest a correction"] == f"{REPO_URL}/issues/new?template=correction.yml&title={title}"
    assert not badly_separated(actions), actions.get_text()
