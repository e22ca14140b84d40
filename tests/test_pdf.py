"""The PDF edition: what `make build` prints from the whole-guide page with Chromium."""

import os
import subprocess
import sys
import zipfile
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from macros.pages import read_page
from tests.site import DATA, PAGES, ROOT, copy_project, make, soup

pytestmark = pytest.mark.browser
PDF = "downloads/hyper-independence-guide.pdf"
EMERGENCY = [n for record in DATA["emergency_numbers"] for n in record.call]
# Each page's title (its heading: test_content.py), in reading order.
TITLES = [read_page(ROOT / "docs" / source).meta["title"] for source, _ in PAGES]


def _outline(reader, items=None, depth=0) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark."""
    rows = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            rows += _outline(reader, item, depth + 1)
        else:
            rows.append((depth, item.title, reader.get_destination_page_number(item)))
    return rows


@pytest.fixture(scope="module")
def reader(site):
    return PdfReader(site / PDF)


@pytest.fixture(scope="module")
def texts(reader) -> list[str]:
    """The words of each sheet."""
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_pdf_has_each_page_in_reading_order_with_a_bookmark_and_its_title_as_text(reader, texts):
    """Each page of the guide starts on a new sheet, no page is longer than a few; words, not pictures."""
    assert len(PAGES) <= len(texts) <= 4 * len(PAGES)
    assert [title for title in TITLES if title not in " ".join(texts)] == []
    # The parts: one level under the whole guide's own title (a section of one page
    # may share a page's title, e.g. "If someone close to you is hyper-independent").
    outline = [row for row in _outline(reader) if row[0] == 1]
    titles = [title for _, title, _ in outline]
    positions = [titles.index(title) for title in TITLES]
    assert positions == sorted(positions), "bookmarks are not in reading order"
    pages = [outline[i][2] for i in positions]
    assert pages == sorted(pages) and len(set(pages)) == len(pages), "each page starts on its own sheet"
    assert len(outline) > len(PAGES)  # the sections, too


def test_every_sheet_has_urgent_help_and_the_pdf_is_tagged_numbered_and_stands_alone(reader, texts):
    banner = ["Need help now?", *(f"{r.number} ({r.region})" for r in DATA["emergency_numbers"])]
    for number, text in enumerate(texts, start=1):
        assert [words for words in banner if words not in text] == [], f"page {number}"
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root and root["/Lang"] == "en"
    assert f"Page 2 of {len(texts)}" in texts[1]
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    uris = [a["/A"].get("/URI", "") for a in annotations if "/A" in a]
    assert {f"tel:{n}" for n in EMERGENCY} <= set(uris)
    # A part links to another as a jump inside the PDF; nothing points at the build's files
    # or, in a build with no real address, at any address of the guide's own.
    assert any("/Dest" in a for a in annotations)
    assert not [u for u in uris if not u.startswith(("tel:", "sms:", "https:", "mailto:"))], uris
    assert not [u for u in uris if "OWNER" in u or "github.io" in u]


def test_the_pdf_is_linked_with_its_size_and_in_the_offline_zip(site, built):
    """The page actions on two pages, as every template feature (test_pages.py: one template)."""
    pdf = site / PDF
    kb = f"{pdf.stat().st_size / 1000:.1f} kB"
    for _, url_path in (PAGES[0], PAGES[-1]):
        (link,) = soup(site, url_path).select(".page-actions a.pdf-download[href$='.pdf']")
        assert kb in link.get_text() and (site / urljoin(url_path, link["href"])).resolve() == pdf.resolve()
    home = soup(site, "").select("article a[href='downloads/hyper-independence-guide.pdf']")
    assert home and kb in home[0].get_text()
    with zipfile.ZipFile(built / "dist" / "hyper-independence-guide-offline.zip") as archive:
        inside = archive.read(f"hyper-independence-guide-offline/{PDF}")
    assert inside == pdf.read_bytes()


def _make_pdf(site, output, normalised=True):
    """In its own process: the tests' browser holds this process's event loop."""
    call = f"{'make_pdf' if normalised else 'print_page'}(site, output, Path('data'))"
    code = "import sys; from pathlib import Path; from build_steps.pdf import *;"
    code += f" site, output = map(Path, sys.argv[1:]); {call}"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run([sys.executable, "-c", code, str(site), str(output)], cwd=ROOT, check=True, env=env)


@pytest.mark.parametrize("normalised", [True, False], ids=["built", "chromium's own (negative control)"])
def test_two_pdfs_of_one_build_are_byte_identical(site, tmp_path, normalised):
    _make_pdf(site, tmp_path / "a.pdf", normalised)
    _make_pdf(site, tmp_path / "b.pdf", normalised)
    first, second = (tmp_path / "a.pdf").read_bytes(), (tmp_path / "b.pdf").read_bytes()
    assert (first == second) is normalised and (b"D:20231114221320Z" in first or not normalised)


def test_without_a_browser_the_site_builds_without_the_pdf_and_links_to_none(tmp_path):
    """CHROMIUM no browser, no Playwright download; the session's own build is the control."""
    project = copy_project(tmp_path / "project")
    result = make(
        project, CHROMIUM=str(tmp_path / "no-chromium"), PLAYWRIGHT_BROWSERS_PATH=str(tmp_path / "none")
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PDF edition skipped: no Chromium to print it with" in result.stderr
    site = project / "site"
    assert not (site / PDF).exists()
    assert (site / "downloads" / "hyper-independence-guide-offline.zip").is_file()
    linking = [path for path in site.rglob("*.html") if ".pdf" in path.read_text()]
    assert not linking, f"pages link to a PDF that is not there: {linking}"
