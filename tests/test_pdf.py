"""The PDF edition: what `make build` prints from the whole-guide page with Chromium."""

import os
import re
import subprocess

import pytest
from pypdf import PdfReader

from macros.data import load_all
from tests.site import ENV, PAGES, ROOT, VENV, copy_project, make_build, soup

PDF = "downloads/hyper-independence-guide.pdf"
EMERGENCY = [n for record in load_all(ROOT / "data")["emergency_numbers"] for n in record.call]


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
def pdf(web_site):
    project, _ = web_site
    path = project / "site" / PDF
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


def test_pdf_first_page_has_every_emergency_number(reader):
    first = _text(reader.pages[0])
    for number in EMERGENCY:
        assert number in first, number
    assert "Need help now?" in first


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


def test_pdf_is_tagged_with_page_numbers_and_live_links(reader, web_site):
    _, url = web_site
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    total = len(reader.pages)
    assert f"Page 2 of {total}" in _text(reader.pages[1])
    uris = [
        annotation.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert {f"tel:{n}" for n in EMERGENCY} <= set(uris)
    # Links to the guide's pages point at the published site, not at the build's files.
    assert any(uri and uri.startswith(url + "get-help/") for uri in uris)
    assert not any(uri and uri.startswith("file:") for uri in uris)


def test_pdf_text_is_selectable_words_not_pictures(reader):
    assert "hyper-independence" in _text(reader.pages[1]).lower()


def test_every_page_and_the_home_page_link_to_the_pdf_with_its_size(web_site, pdf):
    project, _ = web_site
    kb = f"{pdf.stat().st_size / 1000:.1f} kB"
    for _, url_path in PAGES:
        links = soup(project / "site", url_path).select(".page-actions a[href$='.pdf']")
        assert len(links) == 1 and kb in links[0].get_text(), url_path
    home = soup(project / "site", "").select("article a[href='downloads/hyper-independence-guide.pdf']")
    assert home and kb in home[0].get_text()


def test_the_offline_zip_holds_the_pdf(web_site, pdf):
    import zipfile

    project, _ = web_site
    with zipfile.ZipFile(project / "dist" / "hyper-independence-guide-offline.zip") as archive:
        inside = archive.read(f"hyper-independence-guide-offline/{PDF}")
    assert inside == pdf.read_bytes()


def _print(site, output, epoch="1700000000"):
    return subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "macros.pdf", str(site), str(output)],
        cwd=ROOT,
        env={**ENV, "SOURCE_DATE_EPOCH": epoch},
        capture_output=True,
        text=True,
        check=True,
    )


def test_two_pdfs_of_one_build_are_byte_identical(web_site, tmp_path):
    project, _ = web_site
    _print(project / "site", tmp_path / "a.pdf")
    _print(project / "site", tmp_path / "b.pdf")
    first, second = (tmp_path / "a.pdf").read_bytes(), (tmp_path / "b.pdf").read_bytes()
    assert first == second
    assert b"/CreationDate (D:20231114221320Z)" in first or b"D:20231114221320Z" in first


def test_chromiums_own_pdfs_differ_so_the_check_above_can_fail(web_site, tmp_path):
    """Negative control: without macros.pdf's normalising, two prints are not the same bytes."""
    project, _ = web_site
    for name in ("a.pdf", "b.pdf"):  # in its own process: the tests' browser holds this one's event loop
        subprocess.run(
            [
                str(VENV / "bin" / "python"),
                "-c",
                "import sys; from pathlib import Path; from macros.pdf import print_page;"
                " print_page(Path(sys.argv[1]), Path(sys.argv[2]))",
                str(project / "site"),
                str(tmp_path / name),
            ],
            cwd=ROOT,
            env=ENV,
            check=True,
        )
    assert (tmp_path / "a.pdf").read_bytes() != (tmp_path / "b.pdf").read_bytes()


def test_without_a_browser_the_site_builds_without_the_pdf_and_links_to_none(tmp_path):
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "CHROMIUM": "/bin/false"}  # a "browser" that cannot start
    result = subprocess.run(
        ["make", "--no-print-directory", "build", f"VENV={VENV}"],
        cwd=project,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PDF edition skipped: no Chromium to print it with" in result.stderr
    site = project / "site"
    assert not (site / PDF).exists()
    assert (site / "downloads" / "hyper-independence-guide-offline.zip").is_file()
    linking = [path for path in site.rglob("*.html") if ".pdf" in path.read_text()]
    assert not linking, f"pages link to a PDF that is not there: {linking}"


def test_make_build_with_a_browser_makes_the_pdf(project_with_site):
    """Negative control for the test above: the same build with Chromium has the PDF and links."""
    result = make_build(project_with_site)
    assert result.returncode == 0, result.stderr
    assert (project_with_site / "site" / PDF).is_file()
    assert ".pdf" in (project_with_site / "site" / "index.html").read_text()
