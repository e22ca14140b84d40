"""The PDF edition: Chromium (through Playwright) prints the web build's whole-guide page
with the print styles into a tagged PDF, a bookmark per heading. It stands alone: links to
other parts are jumps inside it, and every page's footer gives the emergency numbers. Its
dates (from SOURCE_DATE_EPOCH) and /ID (from the content) are then fixed: one input, one PDF."""

import datetime as dt
import html
import os
from pathlib import Path

from macros.load import load_all

# Root needs --no-sandbox; the rest stop Chromium calling Google's services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]  # fmt: skip
PAGE = "whole-guide/index.html"
TITLE = "Hyper-independence: a plain guide (the whole guide)"
FOOTER = (
    '<div style="font-size:9px;width:100%;text-align:center;color:#000">'
    "<strong>Need help now?</strong> Emergency numbers: {numbers} · "
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)
# A4, a footer on every sheet; tagged (screen readers follow it), a bookmark per heading.
PRINT = {
    "format": "A4", "margin": {"top": "15mm", "bottom": "20mm", "left": "15mm", "right": "15mm"},
    "display_header_footer": True, "header_template": "<span></span>", "tagged": True, "outline": True,
}  # fmt: skip

# A link into this build: to another part of the guide, a jump inside the PDF (the
# whole guide prefixes each part's anchors, macros/whole_guide.py); to anything else of
# the site, its published address, or no link at all when the build has no real one.
LINKS_STAND_ALONE = """([siteRoot, published]) => {
  for (const link of document.querySelectorAll("a[href]")) {
    if (!link.href.startsWith(siteRoot)) continue;
    const [path, section] = link.href.slice(siteRoot.length).split("#");
    const slug = path.replace(/(^|\\/)index\\.html$/, "").replace(/\\/$/, "") || "index";
    const target = document.getElementById(section ? `${slug}--${section}` : `part-${slug}`)
      || (slug === "whole-guide" && section && document.getElementById(section));
    if (target) link.href = `#${target.id}`;
    else if (published) link.href = published + path.replace(/(^|\\/)index\\.html$/, "$1");
    else link.removeAttribute("href");
  }
}"""


def chromium_path() -> str | None:
    """$CHROMIUM if set, else Debian's /usr/bin/chromium, else None (Playwright's own)."""
    debian = "/usr/bin/chromium"
    return os.environ.get("CHROMIUM") or (debian if Path(debian).is_file() else None)


def available() -> bool:
    """Whether there is a Chromium to print with: ours, or Playwright's own download."""
    if path := chromium_path():
        return Path(path).is_file()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path).is_file()


def print_page(site: Path, output: Path, data: Path, ready=lambda: True) -> bool:
    """Chromium starts at once; `ready()` waits for the web build and says whether it
    succeeded, so the browser's start overlaps the engines. False: nothing printed."""
    from playwright.sync_api import sync_playwright  # here, in the thread: not before the engines start

    numbers = " · ".join(f"{r.number} ({r.region})" for r in load_all(data)["emergency_numbers"])
    with sync_playwright() as playwright:  # closes the browser on the way out
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        if not ready():
            return False
        output.parent.mkdir(parents=True, exist_ok=True)
        page = browser.new_page()
        page.goto((site / PAGE).resolve().as_uri())
        page.evaluate(LINKS_STAND_ALONE, [site.resolve().as_uri() + "/", os.environ.get("SITE_URL", "")])
        page.pdf(path=output, footer_template=FOOTER.format(numbers=html.escape(numbers)), **PRINT)
        return True


def make_pdf(site: Path, output: Path, data: Path, ready=lambda: True) -> bool:
    """Print the whole guide of the web build in `site` into `output` (the footer's numbers from
    `data`), then normalise it: same input, same bytes, with the dates of SOURCE_DATE_EPOCH, no
    XMP (it repeats them) and an /ID computed from the content."""
    if not print_page(site, output, data, ready):
        return False
    import pikepdf

    stamp = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=dt.UTC)
    with pikepdf.open(output, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Title"] = TITLE
        pdf.docinfo["/CreationDate"] = pdf.docinfo["/ModDate"] = stamp.strftime("D:%Y%m%d%H%M%SZ")
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(output, deterministic_id=True)
    return True
