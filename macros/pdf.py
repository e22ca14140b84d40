"""The PDF edition: Chromium prints the built whole-guide page, then the file is made reproducible.

    python -m macros.pdf SITE_DIR OUTPUT.pdf

Chromium (through Playwright, the browser the tests drive) prints with the site's print
styles into a tagged PDF with a bookmark per heading, live links and page numbers. Its
creation dates and random /ID are then replaced: the dates come from SOURCE_DATE_EPOCH
(left out without it), the /ID from the content, so one input gives one PDF, byte for byte.

Without a Chromium it writes nothing, says so and exits 0: the site builds without
the PDF, and no page links to it (the Makefile passes the size only when the file exists).
"""

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

PAGE = "whole-guide/index.html"
TITLE = "Hyper-independence: a plain guide (the whole guide)"
FOOTER = (
    '<div style="font-size:9px;width:100%;text-align:center;color:#000">'
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)

# Links to the guide's own pages point at the published site, not at this build's files;
# links within the page stay inside the PDF.
PUBLISH_LINKS = """([siteRoot, published]) => {
  const here = location.href.split("#")[0];
  for (const link of document.querySelectorAll("a[href]")) {
    const [target] = link.href.split("#");
    if (target === here || !link.href.startsWith(siteRoot)) continue;
    link.href = published + link.href.slice(siteRoot.length).replace(/(^|\\/)index\\.html(?=#|$)/, "$1");
  }
}"""


def chromium_path() -> str | None:
    """$CHROMIUM if set, else Debian's /usr/bin/chromium, else Playwright's own (None)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def print_page(site: Path, output: Path) -> None:
    """Chromium's PDF of the whole-guide page, as it prints."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto((site / PAGE).resolve().as_uri())
            canonical = page.get_attribute("link[rel=canonical]", "href") or ""
            published = canonical.removesuffix("whole-guide/")
            if published:
                page.evaluate(PUBLISH_LINKS, [site.resolve().as_uri() + "/", published])
            page.pdf(
                path=output,
                format="A4",
                margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                tagged=True,
                outline=True,
            )
        finally:
            browser.close()


def normalise(raw: Path, output: Path) -> None:
    """Same input, same bytes: fixed dates (or none) and an /ID computed from the content."""
    import pikepdf

    with pikepdf.open(raw) as pdf:
        info = pdf.docinfo
        for key in ("/CreationDate", "/ModDate"):
            if key in info:
                del info[key]
        info["/Title"] = TITLE
        if epoch := os.environ.get("SOURCE_DATE_EPOCH"):
            stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).strftime("D:%Y%m%d%H%M%SZ")
            info["/CreationDate"] = info["/ModDate"] = stamp
        if "/Metadata" in pdf.Root:  # XMP repeats the dates; the document info is enough
            del pdf.Root["/Metadata"]
        pdf.save(output, deterministic_id=True)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m macros.pdf SITE_DIR OUTPUT.pdf", file=sys.stderr)
        return 2
    site, output = Path(argv[0]), Path(argv[1])
    output.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        raw = Path(temporary) / "raw.pdf"
        try:
            print_page(site, raw)
        except Exception as error:  # no browser, or Playwright without its own
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            print(
                "PDF edition skipped: no Chromium to print it with "
                f"({first_line}). Set CHROMIUM=/path/to/chromium to build it; "
                "the site builds without it and links to no PDF.",
                file=sys.stderr,
            )
            return 0
        normalise(raw, output)
    print(f"wrote {output} ({output.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
