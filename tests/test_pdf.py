"""The PDF edition: what `make build` prints from the whole-guide page with Chromium."""

import os
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from tests.site import DATA, PAGES, ROOT, copy_project, make, soup

pytestmark = pytest.mark.browser
PDF = "downloads/hyper-independence-guide.pdf"
EMERGENCY = [n for record in DATA["emergency_numbers"] for n in record.call]


def _titles() -> list[str]:
    """Each page's title: its '# ' line."""
    titles = []
    for source, _ in PAGES:
        body = (ROOT / "docs" / source).read_text().split("\n---\n", 1)[1]  # after the front matter
        match = re.search(r"^# (.+)$", body, re.MULTILINE)
        titles.append(match.group(1).strip())
    return titles


def _text(page) -> str:
    return " ".join(page.extract_text().split())


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
def pdf(site):
    path = site / PDF
    assert path.is_file(), "make build made no PDF"
    return path


@pytest.fixture(scope="module")
def reader(pdf):
    return PdfReader(pdf)


def test_pdf_has_a_sensible_page_count_and_every_page_title(pdf, reader):
    pages = len(reader.pages)
    print(f"PDF: {pdf.stat().st_size:,} bytes, {pages} pages")
    # Each page of the guide starts on a new sheet, and no page is longer than a few sheets.
    assert len(PAGES) <= pages <= 4 * len(PAGES)
    text = " ".join(_text(page) for page in reader.pages)
    for title in _titles():
        assert title in text, title


def test_every_pdf_page_carries_the_emergency_numbers_and_their_regions(reader):
    for number, page in enumerate(reader.pages, start=1):
        text = _text(page)
        assert "Need help now?" in text, f"page {number}"
        for record in DATA["emergency_numbers"]:
            assert f"{record.number} ({record.region})" in text, f"page {number}: {record.region}"


def test_pdf_has_a_bookmark_for_each_page_in_reading_order(reader):
    # The parts: one level under the whole guide's own title (a section of one page
    # may share a page's title, e.g. "If someone close to you is hyper-independent").
    outline = [row for row in _outline(reader) if row[0] == 1]
    titles = [title for _, title, _ in outline]
    positions = [titles.index(title) for title in _titles()]
    assert positions == sorted(positions), "bookmarks are not in reading order"
    pages = [outline[i][2] for i in positions]
    assert pages == sorted(pages) and len(set(pages)) == len(pages), "each page starts on its own sheet"
    assert len(outline) > len(PAGES)  # the sections, too


def _links(reader) -> list[dict]:
    return [
        annotation.get_object()["/A"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]


def test_pdf_is_tagged_with_page_numbers_and_stands_alone(reader):
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert f"Page 2 of {len(reader.pages)}" in _text(reader.pages[1])
    links = _links(reader)
    uris = [link.get("/URI", "") for link in links]
    internal = [a for page in reader.pages for a in page.get("/Annots", []) if "/Dest" in a.get_object()]
    print(
        f"PDF links: {len(internal)} internal, {sum(u.startswith('tel:') for u in uris)} tel:, "
        f"{sum(u.startswith('https:') for u in uris)} external"
    )
    assert {f"tel:{n}" for n in EMERGENCY} <= set(uris)
    # A part links to another as a jump inside the PDF; nothing points at the build's files
    # or, in a build with no real address, at any address of the guide's own.
    assert internal
    assert not [u for u in uris if not u.startswith(("tel:", "sms:", "https:", "mailto:"))], uris
    assert not [u for u in uris if "OWNER" in u or "github.io" in u]


def test_pdf_text_is_selectable_words_not_pictures(reader):
    assert "hyper-independence" in _text(reader.pages[1]).lower()


def test_every_page_and_the_home_page_link_to_the_pdf_with_its_size(site, pdf):
    kb = f"{pdf.stat().st_size / 1000:.1f} kB"
    for _, url_path in PAGES:
        links = soup(site, url_path).select(".page-actions a[href$='.pdf']")
        assert len(links) == 1 and kb in links[0].get_text(), url_path
    home = soup(site, "").select("article a[href='downloads/hyper-independence-guide.pdf']")
    assert home and kb in home[0].get_text()


def test_the_offline_zip_holds_the_pdf(built, pdf):
    import zipfile

    with zipfile.ZipFile(built / "dist" / "hyper-independence-guide-offline.zip") as archive:
        inside = archive.read(f"hyper-independence-guide-offline/{PDF}")
    assert inside == pdf.read_bytes()


def _make_pdf(site, output, normalised=True):
    """In its own process: the tests' browser holds this process's event loop."""
    call = "make_pdf(site, output, 'numbers')" if normalised else "print_page(site, output, 'numbers', '')"
    code = "import sys; from pathlib import Path; from build_steps.pdf import *;"
    code += f" site, output = map(Path, sys.argv[1:]); {call}"
    subprocess.run(
        [sys.executable, "-c", code, str(site), str(output)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )


def test_two_pdfs_of_one_build_are_byte_identical(site, tmp_path):
    _make_pdf(site, tmp_path / "a.pdf")
    _make_pdf(site, tmp_path / "b.pdf")
    first, second = (tmp_path / "a.pdf").read_bytes(), (tmp_path / "b.pdf").read_bytes()
    assert first == second and b"D:20231114221320Z" in first


def test_chromiums_own_pdfs_differ_so_the_check_above_can_fail(site, tmp_path):
    """Negative control: without the normalising, two prints are not the same bytes."""
    _make_pdf(site, tmp_path / "a.pdf", normalised=False)
    _make_pdf(site, tmp_path / "b.pdf", normalised=False)
    assert (tmp_path / "a.pdf").read_bytes() != (tmp_path / "b.pdf").read_bytes()


def test_without_a_browser_the_site_builds_without_the_pdf_and_links_to_none(tmp_path):
    """With CHROMIUM set to a program that is no browser and no Playwright download, there
    is no PDF and no link to one; the session's own build (with Chromium) is the control."""
    project = copy_project(tmp_path / "project")
    result = make(project, CHROMIUM="/bin/false", PLAYWRIGHT_BROWSERS_PATH=str(tmp_path / "none"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PDF edition skipped: no Chromium to print it with" in result.stderr
    site = project / "site"
    assert not (site / PDF).exists()
    assert (site / "downloads" / "hyper-independence-guide-offline.zip").is_file()
    linking = [path for path in site.rglob("*.html") if ".pdf" in path.read_text()]
    assert not linking, f"pages link to a PDF that is not there: {linking}"
