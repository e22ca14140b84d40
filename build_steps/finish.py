"""The last step of every build, whatever the engine: on each page, the links to edit the data
files it shows, minifying (pages and our stylesheet) and the policies the browser enforces; on
the web edition's (the offline one's are the same with other links), the page policy
(page_policy.py) and no id used twice. Hand-written, as no library does them: the CSP meta with
each inline script's sha256, and the duplicate-id check that names the record an id came from."""

import base64
import hashlib
import re
from collections import Counter, defaultdict
from pathlib import Path

import minify_html
import rcssmin
from justhtml import JustHTML

from build_steps import page_policy
from macros.load import LISTS, Problem, load_all

# Script types a browser runs; JSON and JSON-LD blocks are data, not scripts.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
CSP = (
    "default-src 'self'; script-src {scripts}; style-src 'self'; "
    "img-src 'self' data:; "  # the theme's icons are data: SVGs in its stylesheet
    "object-src 'none'; base-uri 'none'; "
    "form-action 'none'"  # no form on the guide sends anything anywhere
)
MINIFY = dict(keep_closing_tags=True, keep_html_and_head_opening_tags=True, minify_css=True, minify_js=True)
REFERRER = '<meta name="referrer" content="no-referrer">'
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_EDIT_DATA = re.compile(r'<li data-edit-data="([^"]*)" hidden></li>')
PDF_SIZE = "<span data-pdf-size></span>"  # filled in once the PDF is printed


def policies(page: JustHTML | None) -> str:
    """The CSP and referrer metas. The web edition (`page`, parsed) allows exactly its inline
    scripts, by hash. Offline, search runs in a frame the vendored iframe-worker shim writes with
    an inline script no hash here can know (short of reading its minified code): inline scripts,
    still no other site."""
    scripts = {"'unsafe-inline'"}
    if page:
        inline = page.query("script:not([src])")
        code = [
            "".join(child.data for child in node.children).encode()
            for node in inline
            if (node.attrs.get("type") or "").lower() in EXECUTABLE_TYPES
        ]
        scripts = {f"'sha256-{base64.b64encode(hashlib.sha256(c).digest()).decode()}'" for c in code}
    csp = CSP.format(scripts=" ".join(["'self'", *sorted(scripts)]))
    return f'<meta http-equiv="Content-Security-Policy" content="{csp}">{REFERRER}'


def data_edit_links(source: Path, html: str) -> str:
    """The page actions' "Edit the list of signs" items, one per data file the page's
    Markdown shows, in place of <li data-edit-data="{repository}/edit/main/" hidden>."""
    if not (found := _EDIT_DATA.search(html)):
        return html
    text = source.read_text(encoding="utf-8") if source.suffix == ".md" else ""
    files = {s.file: s.words for name, s in LISTS.items() if re.search(rf"\{{\{{\s*{name}\(\)", text)}
    items = [f'<li><a href="{found[1]}data/{f}">Edit the list of {w}</a></li>' for f, w in files.items()]
    return html.replace(found[0], "".join(items))


def rewrite(path: Path, text: str) -> None:
    """A new file, renamed over the old: Chromium may be reading the web edition to print it."""
    path.with_suffix(".tmp").write_text(text, encoding="utf-8")
    path.with_suffix(".tmp").replace(path)


def write_pdf_size(site_dir: Path, size: int) -> None:
    """The PDF's size, once it is printed, where a page links to it."""
    for path in site_dir.rglob("*.html"):
        if PDF_SIZE in (text := path.read_text(encoding="utf-8")):
            filled = text.replace(PDF_SIZE, f"<span data-pdf-size>{size / 1000:.1f} kB</span>")
            path.write_text(filled, encoding="utf-8")


def finish(site_dir: Path, project: Path, offline: bool = False) -> list[Problem]:
    owners = defaultdict(list)  # id -> the data records that carry it; ids are checked on the web edition
    for name, records in ({} if offline else load_all(project / "data")).items():
        for position, record in enumerate(records, start=1):
            if record_id := getattr(record, "id", None):
                owners[record_id].append(f"data/{LISTS[name].file} record {position} (id '{record_id}')")
    # Our own stylesheets without comments and spaces (the theme's come minified). rcssmin
    # changes no rule, so older browsers read what the source says.
    for path in site_dir.rglob("*.css"):
        if not path.name.endswith(".min.css"):
            rewrite(path, rcssmin.cssmin(path.read_text(encoding="utf-8")))
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        # The file the page came from, as named in the repository.
        name = path.relative_to(site_dir).with_suffix("").as_posix().removesuffix("/index")
        shown = "overrides/404.html" if name == "404" else f"docs/{name}.md"
        text = data_edit_links(project / shown, path.read_text(encoding="utf-8"))
        problems += [] if offline else page_policy.page_problems(text, project / shown, shown)
        text = minify_html.minify(text, **MINIFY)
        page = None if offline else JustHTML(text, sanitize=False)
        ids = Counter(node.attrs["id"] for node in page.query("[id]") if node.attrs["id"]) if page else {}
        for element_id in sorted(element_id for element_id, count in ids.items() if count > 1):
            where = "; ".join(owners[element_id]) or "headings or page HTML"
            message = f"id '{element_id}' is used {ids[element_id]} times on the page (from {where})"
            problems.append(Problem(shown, message))
        if not (charset := _CHARSET.search(text)):
            problems.append(Problem(shown, "the built page has no <meta charset> to put the policies after"))
            continue
        rewrite(path, text[: charset.end()] + policies(page) + text[charset.end() :])
    return problems
