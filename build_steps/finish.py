"""The last step of every build, whatever the engine: on each page, the page policy
(page_policy.py), the links to edit the data files it shows, minifying (pages and our
stylesheet), no id used twice, then the policies the browser enforces. Hand-written, as no
library does them: the CSP meta with each inline script's sha256, and the duplicate-id
check that names the data record an id came from."""

import base64
import hashlib
import re
from collections import Counter
from pathlib import Path

import minify_html
import rcssmin
from justhtml import JustHTML

from build_steps import page_policy
from macros.load import LISTS, Problem, load_all

# Script types a browser runs; JSON and JSON-LD blocks are data, not scripts.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # plus each inline script's hash (web) or 'unsafe-inline' (offline)
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme's icons are data: SVGs in its stylesheet
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],  # no form on the guide sends anything anywhere
}
REFERRER = '<meta name="referrer" content="no-referrer">'
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
PDF_SIZE = "<span data-pdf-size></span>"  # filled in once the PDF is printed


def scripts_and_ids(html: str) -> tuple[list[str], Counter]:
    """The text of each inline script a browser runs, and how many times each id is used."""
    document = JustHTML(html, sanitize=False)
    scripts = [
        "".join(child.data for child in node.children)
        for node in document.query("script:not([src])")
        if (node.attrs.get("type") or "").lower() in EXECUTABLE_TYPES
    ]
    return scripts, Counter(node.attrs["id"] for node in document.query("[id]") if node.attrs["id"])


def content_security_policy(inline_scripts: list[str], offline: bool) -> str:
    """The web edition allows exactly its inline scripts, by hash. Offline, search runs in a
    frame the vendored iframe-worker shim writes with an inline script no hash here can know
    (short of reading its minified code): inline scripts are allowed, still no other site."""
    hashes = sorted(
        {f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline_scripts}
    )
    policy = {**POLICY, "script-src": POLICY["script-src"] + (["'unsafe-inline'"] if offline else hashes)}
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def source_of(page: Path, site_dir: Path, project: Path) -> tuple[Path, str]:
    """The file a built page came from, and its name as in the repository."""
    relative = page.relative_to(site_dir).as_posix()
    if relative == "404.html":
        return project / "overrides" / "404.html", "overrides/404.html"
    name = relative.removesuffix("index.html").removesuffix("/").removesuffix(".html") or "index"
    return project / "docs" / f"{name}.md", f"docs/{name}.md"


def data_edit_links(source: Path, html: str) -> str:
    """The page actions' "Edit the list of signs" items, one per data file the page's
    Markdown shows, in place of <li data-edit-data="{repository}/edit/main/" hidden>."""
    found = re.search(r'<li data-edit-data="([^"]*)" hidden></li>', html)
    if not found:
        return html
    text = source.read_text(encoding="utf-8") if source.suffix == ".md" else ""
    called = [spec for name, spec in LISTS.items() if re.search(rf"\{{\{{\s*{name}\(\)", text)]
    files = {spec.file: spec.words for spec in called}
    links = "".join(
        f'<li><a href="{found.group(1)}data/{f}">Edit the list of {w}</a></li>' for f, w in files.items()
    )
    return html.replace(found.group(0), links)


def record_owners(lists: dict) -> dict[str, list[str]]:
    """id -> the data records that carry it, as 'data/x.yml record n (id ...)'."""
    owners: dict[str, list[str]] = {}
    for name, records in lists.items():
        for position, record in enumerate(records, start=1):
            if record_id := getattr(record, "id", None):
                owners.setdefault(record_id, []).append(
                    f"data/{LISTS[name].file} record {position} (id '{record_id}')"
                )
    return owners


def write_pdf_size(site_dir: Path, size: int) -> None:
    """The PDF's size, once it is printed, where a page links to it."""
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if PDF_SIZE in text:
            path.write_text(
                text.replace(PDF_SIZE, PDF_SIZE.replace("><", f">{size / 1000:.1f} kB<")), "utf-8"
            )


def minify_stylesheets(site_dir: Path) -> None:
    """Our own stylesheets without comments and spaces (the theme's come minified). rcssmin
    changes no rule, so older browsers read what the source says."""
    for path in site_dir.rglob("*.css"):
        if not path.name.endswith(".min.css"):
            path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")


def finish(site_dir: Path, project: Path, offline: bool = False) -> list[Problem]:
    owners = record_owners(load_all(project / "data"))
    minify_stylesheets(site_dir)
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        source, shown = source_of(path, site_dir, project)
        text = data_edit_links(source, text)
        problems += page_policy.page_problems(text, source, shown)
        text = minify_html.minify(
            text,
            keep_closing_tags=True,
            keep_html_and_head_opening_tags=True,
            minify_css=True,
            minify_js=True,
        )
        scripts, ids = scripts_and_ids(text)
        for element_id, count in sorted(ids.items()):
            if count > 1:
                where = "; ".join(owners.get(element_id, [])) or "headings or page HTML"
                problems.append(
                    Problem(shown, f"id '{element_id}' is used {count} times on the page (from {where})")
                )
        charset = _CHARSET.search(text)
        if not charset:
            problems.append(Problem(shown, "the built page has no <meta charset> to put the policies after"))
            continue
        csp = content_security_policy(scripts, offline)
        tags = f'<meta http-equiv="Content-Security-Policy" content="{csp}">{REFERRER}'
        # A new file, renamed over the old: Chromium may be reading the page to print it.
        path.with_suffix(".tmp").write_text(
            text[: charset.end()] + tags + text[charset.end() :], encoding="utf-8"
        )
        path.with_suffix(".tmp").replace(path)
    return problems
