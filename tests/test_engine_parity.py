"""One project, two engines: MkDocs and Zensical give the reader the same page (not the theme chrome)."""

import datetime as dt
import json
import re

import pytest

from build_steps import pdf
from build_steps.engines import start_build
from build_steps.finish import finish, write_pdf_size
from build_steps.reproducible import source_date_epoch
from tests.site import ALL_PAGES, ENV, copy_project, make, soup

# As the Deploy workflow builds it: without a SITE_URL, MkDocs has no canonical URL at all.
SITE_URL = "https://example.org/guide/"
PDF = "site/downloads/hyper-independence-guide.pdf"
HEADING = re.compile("^h[1-6]$")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("parity") / "project")
    result = make(project, "build", ENGINE="zensical", SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "zensical" in (project / "site" / "index.html").read_text(encoding="utf-8").lower()
    for edition in ("site", "dist/hyper-independence-guide-offline"):
        assert "Content-Security-Policy" in (project / edition / "index.html").read_text(encoding="utf-8")
    assert (project / "site" / "downloads" / "hyper-independence-guide-offline.zip").is_file()

    epoch = source_date_epoch(project)  # the environment `make build` gives both engines
    day = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
    env = {**ENV, "SITE_URL": SITE_URL, "SOURCE_DATE_EPOCH": str(epoch), "BUILD_DATE": f"{day} UTC"}
    env["PDF_EDITION"] = "true" if pdf.available() else "false"
    mkdocs = project / ".site-mkdocs"
    build = start_build("mkdocs", project, mkdocs, env)
    output, _ = build.communicate()
    assert build.returncode == 0, output
    assert finish(mkdocs, project) == []
    if (project / PDF).is_file():
        write_pdf_size(mkdocs, (project / PDF).stat().st_size)
    return {"mkdocs": mkdocs, "zensical": project / "site"}


def _words(element) -> str:
    return " ".join(element.get_text(" ").split()) if element else ""


def _reader_view(page) -> dict:
    article = page.select_one("article")
    banner = page.select_one(".md-banner")
    ld = page.select_one("script[type='application/ld+json']")
    policy = page.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    return {
        "main text": _words(article),
        "headings and anchors": [(h.name, h.get("id"), _words(h)) for h in article.find_all(HEADING)],
        "review dates": _words(page.select_one(".review-dates")),
        "banner": (_words(banner), [a["href"] for a in banner.select("a[href^='tel:'], a[href^='sms:']")]),
        # Resolved on the MkDocs build by test_pages.py, so on both.
        "citations": [a["href"] for a in article.select("sup.citation a")],
        "sources": [li.get("id") for li in article.select("ol.page-sources li")],
        "JSON-LD": json.loads(ld.string) if ld else None,
        "policy without hashes": re.sub(r" 'sha256-[^']+'", "", policy),
    }


@pytest.mark.parametrize(("source", "url_path"), ALL_PAGES)
def test_both_engines_give_the_reader_the_same_page(sites, source, url_path):
    views = {engine: _reader_view(soup(site, url_path)) for engine, site in sites.items()}
    for part, mkdocs in views["mkdocs"].items():
        assert views["zensical"][part] == mkdocs, f"{source}: {part} differs"
