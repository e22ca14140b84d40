"""What the theme (overrides/) adds to a page, on two of them; what local and deploy builds link to."""

import datetime as dt
import json
import re
import struct
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock

from build_steps.reproducible import source_date_epoch
from macros.pages import read_page
from tests.site import (
    ALL_PAGES,
    CONFIG,
    DATA,
    LIST_FILE,
    LIST_PAGE,
    PAGES,
    ROOT,
    copy_project,
    make,
    soup,
    url_path,
)

SITE_URL = "https://example.org/guide/"
REPO_URL = "https://github.com/example/guide"
# The home page and the first page that shows a list of data/.
TWO_PAGES = [PAGES[0], next(page for page in PAGES if page[1] in LIST_PAGE.values())]
DUE_NOTE = "This page is due for review."


def front_matter(source: str) -> dict:
    return read_page(ROOT / "docs" / source).meta


# The deploy build is dated the day the first of the two pages falls due for review:
# a late review must never stop a deploy (an urgent fix to a crisis number).
FIRST_DUE = min(front_matter(source)["next_review"] for source, _ in TWO_PAGES)


@pytest.fixture(scope="module")
def deploy(tmp_path_factory, worker_id):
    """`make build` as the Deploy workflow runs it: (project, its output), shared like `built`."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    project, output = shared / "deploy-project", shared / "deploy-output.txt"
    with FileLock(str(shared / "deploy-project.lock")):
        if not output.is_file():
            epoch = str(int(dt.datetime.combine(FIRST_DUE, dt.time(12), dt.UTC).timestamp()))
            env = {"SITE_URL": SITE_URL, "REPO_URL": REPO_URL, "SOURCE_DATE_EPOCH": epoch}
            result = make(copy_project(project), **env)
            assert result.returncode == 0, result.stdout + result.stderr
            output.write_text(result.stdout + result.stderr, encoding="utf-8")
    return project, output.read_text(encoding="utf-8")


# The banner in the web edition, on the 404 page and in the offline edition.
BANNER_PAGES = [*(f"site/{path}index.html" for _, path in TWO_PAGES), "site/404.html", "offline/signs.html"]


@pytest.mark.parametrize("file", BANNER_PAGES)
def test_urgent_help_comes_first_with_every_emergency_number_once(site, offline_site, file):
    edition, _, name = file.partition("/")
    page = BeautifulSoup(({"site": site, "offline": offline_site}[edition] / name).read_text(), "html.parser")
    banner = page.select_one(".md-banner")
    assert "Need help now?" in banner.get_text()
    assert page.find_all(["aside", "header", "article"])[0] is banner  # first on a phone and a screen reader
    tel = [a["href"] for a in banner.select("a[href^='tel:']")]
    assert tel == [f"tel:{n}" for n in dict.fromkeys(n for r in DATA["emergency_numbers"] for n in r.call)]
    (danger,) = [a["href"] for a in banner.find_all("a") if a["href"].endswith("#if-you-are-in-danger-now")]
    assert re.search(r"\bget-help(/|\.html)#", danger), danger


@pytest.mark.parametrize(("source", "path"), TWO_PAGES)
def test_review_dates_and_metadata_come_from_the_front_matter(site, source, path):
    meta, page = front_matter(source), soup(site, path)
    dates = page.select_one(".review-dates")
    times = [t["datetime"] for t in dates.find_all("time")]
    assert times == [str(meta["reviewed"]), str(meta["next_review"])]
    assert "Page last reviewed" in dates.get_text() and "Next review due" in dates.get_text()
    assert page.html["lang"] == "en"
    assert page.select_one("meta[name=description]")["content"] == meta["description"]
    assert page.select_one("meta[property='og:description']")["content"] == meta["description"]
    assert page.select_one("meta[property='og:title']")["content"] == meta["title"]
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "MedicalWebPage" and data["name"] == meta["title"]
    assert data["lastReviewed"] == str(meta["reviewed"])


def badly_separated(actions) -> bool:
    """Whether the page actions' words have a "·" with no words, or no space, on one side."""
    text = " ".join(actions.get_text().split())
    return not re.fullmatch(r"[^·]+( · [^·]+)*", text)


def test_separator_check_can_fail():
    def actions(html):
        return BeautifulSoup(f'<p class="page-actions">{html}</p>', "html.parser")

    assert not badly_separated(actions("<a>Whole guide</a> · <a>Edit this page</a>"))
    assert badly_separated(actions("<a>Whole guide</a> ·"))
    assert badly_separated(actions("<a>Whole guide</a> ·<a>Edit this page</a>"))


@pytest.mark.parametrize(("source", "path"), TWO_PAGES)
def test_page_actions_offer_print_and_are_well_separated(site, source, path):
    """The PDF link and its size on every page: test_pdf.py."""
    actions = soup(site, path).select_one(".page-actions")
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
    notice = re.search(rf"INFO\s+-\s+docs/{re.escape(source)}: review due since {next_review}", output)
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


def test_a_local_build_has_no_absolute_link_to_itself(site, offline_site):
    assert self_links(site) == {} and self_links(offline_site) == {}
    assert "<loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not soup(site, "").select(".md-source")  # no repository link in the header


def test_the_self_link_scan_finds_a_deploy_builds_links(deploy):
    project, _ = deploy
    found = self_links(project / "site")
    assert all(found[f"{path}index.html"] == set(SELF_LINKS) - {"placeholder"} for _, path in ALL_PAGES)


@pytest.mark.parametrize(("source", "path"), TWO_PAGES)
def test_a_deploy_build_links_to_itself_and_to_the_repository(deploy, source, path):
    project, _ = deploy
    page = soup(project / "site", path)
    meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in page.head.find_all("meta")}
    here = SITE_URL + path
    assert page.select_one("link[rel=canonical]")["href"] == meta["og:url"] == here
    assert json.loads(page.select_one("script[type='application/ld+json']").string)["url"] == here
    share = CONFIG["extra"]["share_image"]
    assert meta["og:image"] == SITE_URL + share["path"] and (project / "site" / share["path"]).is_file()
    assert meta["og:image:alt"] == share["alt"] and meta["twitter:card"] == "summary_large_image"
    actions = page.select_one(".page-actions")
    links = {a.get_text(strip=True): a["href"] for a in actions.find_all("a")}
    assert links["Edit this page"] == f"{REPO_URL}/edit/main/docs/{source}"
    shown = {LIST_FILE[name] for name, on in LIST_PAGE.items() if on == path}  # one link per data file
    assert {href for href in links.values() if "/edit/main/data/" in href} == {
        f"{REPO_URL}/edit/main/data/{file}" for file in shown
    }
    title = quote(f"Correction: {front_matter(source)['title']}", safe="")
    assert links["Suggest a correction"] == f"{REPO_URL}/issues/new?template=correction.yml&title={title}"
    assert not badly_separated(actions), actions.get_text()


def test_a_deploy_sitemap_lists_every_page(deploy):
    project, _ = deploy
    listed = re.findall(r"<loc>([^<]+)</loc>", (project / "site" / "sitemap.xml").read_text(encoding="utf-8"))
    assert sorted(listed) == sorted(SITE_URL + path for _, path in ALL_PAGES)


def test_the_sharing_image_is_a_1200_by_630_png():
    data = (ROOT / "docs" / CONFIG["extra"]["share_image"]["path"]).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1200, 630)


def test_404_page_helps_the_reader_back(site):
    page = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text() == "We cannot find that page"
    hrefs = [a["href"] for a in page.select("article a")]
    assert any(href.endswith(f"{url_path('get-help.md')}#if-you-are-in-danger-now") for href in hrefs)
