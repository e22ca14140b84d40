"""The last step of every build, whatever the engine: `python -m macros.finish SITE_DIR`.

On each page it minifies the HTML (smaller pages for slow connections), checks
that no id appears twice (a record id that equals a heading's anchor, or one id
in two lists on one page), then adds the policies the
browser enforces: a Content-Security-Policy that allows only this site's own
files plus the exact inline scripts the page carries (their sha256, computed
here, never kept by hand), and a referrer policy that tells other sites nothing.
Last, it writes robots.txt.
"""

import base64
import hashlib
import json
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import minify_html

from macros.data import DataError, load_all

# Script types a browser runs; JSON and JSON-LD blocks are data, not scripts.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # plus each inline script's hash
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme's icons are data: SVGs in its stylesheet
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],  # no form on the guide sends anything anywhere
}
REFERRER = '<meta name="referrer" content="no-referrer">'
# The offline edition's iframe-worker shim (docs/assets/vendor/iframe-worker) runs
# Material's search worker in a hidden frame, which it starts with one inline
# script built from two of its own functions and the worker's address. That frame
# inherits the page's policy, so the script's hash is computed here from the shim.
SHIM = "iframe-worker/shim.js"
SHIM_BOOTSTRAP = (
    'postMessage={c};importScripts={d};addEventListener("error",({{error}})=>'
    '{{parent.dispatchEvent(new ErrorEvent("error",{{filename:"{worker}",error}}))}})'
)
_CHARSET = re.compile(rb"<meta charset=[^>]*>", re.IGNORECASE)


class _PageScanner(HTMLParser):
    """Collects the page's ids and the text of its inline executable scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.inline_scripts: list[str] = []
        self.script_sources: list[str] = []
        self.config: dict = {}  # Material's __config block
        self._script: list[str] | None = None
        self._config: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids[attributes["id"]] += 1
        if tag == "script" and attributes.get("src"):
            self.script_sources.append(attributes["src"])
        elif tag == "script":
            runs = (attributes.get("type") or "").lower() in EXECUTABLE_TYPES
            self._script = [] if runs else None
            self._config = [] if attributes.get("id") == "__config" else None

    def handle_data(self, data):
        for collected in (self._script, self._config):
            if collected is not None:
                collected.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
        if tag == "script" and self._config is not None:
            self.config = json.loads("".join(self._config))
        if tag == "script":
            self._script = self._config = None


def scan(html: str) -> _PageScanner:
    scanner = _PageScanner()
    scanner.feed(html)
    scanner.close()
    return scanner


def shim_bootstrap(shim_js: str, worker: str) -> str:
    """The inline script the iframe-worker shim writes into its frame, exactly."""
    post_message = re.search(r"function c\([^}]*\}", shim_js)
    import_scripts = re.search(r"function d\(.*?Promise\.resolve\(\)\)\}", shim_js)
    if not (post_message and import_scripts):
        raise DataError(f"{SHIM}: its code changed; update SHIM_BOOTSTRAP in macros/finish.py")
    return SHIM_BOOTSTRAP.format(c=post_message.group(0), d=import_scripts.group(0), worker=worker)


def page_scripts(scanner: "_PageScanner", site_dir: Path) -> list[str]:
    """Every inline script the page runs: its own, and the shim's frame's, if it loads the shim."""
    scripts = list(scanner.inline_scripts)
    if scanner.config.get("search") and any(s.split("?")[0].endswith(SHIM) for s in scanner.script_sources):
        shim_js = next(site_dir.rglob(SHIM)).read_text(encoding="utf-8")
        scripts.append(shim_bootstrap(shim_js, scanner.config["search"]))
    return scripts


def content_security_policy(inline_scripts: list[str]) -> str:
    hashes = sorted(
        {f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline_scripts}
    )
    policy = {**POLICY, "script-src": POLICY["script-src"] + hashes}
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def add_policies(html: bytes, inline_scripts: list[str]) -> bytes:
    """Insert the policies right after <meta charset>, before any script can run."""
    tags = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(inline_scripts)}">'
    tags = (tags + REFERRER).encode()
    charset = _CHARSET.search(html)
    if not charset:
        raise DataError("a page has no <meta charset> to put the Content-Security-Policy after")
    return html[: charset.end()] + tags + html[charset.end() :]


def duplicate_id_problems(page: str, ids: Counter, owners: dict[str, list[str]]) -> list[str]:
    problems = []
    for element_id, count in sorted(ids.items()):
        if count > 1:
            where = "; ".join(owners.get(element_id, [])) or "headings or page HTML"
            problems.append(f"{page}: id '{element_id}' is used {count} times on the page (from {where})")
    return problems


def record_owners(data_dir: Path) -> dict[str, list[str]]:
    """id -> the data records that carry it, as 'data/x.yml record n (id ...): field id'."""
    from macros.data import LISTS

    owners: dict[str, list[str]] = {}
    for name, records in load_all(data_dir).items():
        for position, record in enumerate(records, start=1):
            if record_id := getattr(record, "id", None):
                owners.setdefault(record_id, []).append(
                    f"data/{LISTS[name].file} record {position} (id '{record_id}'), field 'id'"
                )
    return owners


def robots_txt(site_dir: Path) -> str:
    """Every page may be indexed; point crawlers at the sitemap, if the engine wrote one."""
    lines = [
        "# Every page of the guide may be indexed; nothing here is private.",
        "User-agent: *",
        "Allow: /",
    ]
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file() and (home := re.search(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))):
        lines.append(f"Sitemap: {home.group(1)}sitemap.xml")
    return "\n".join(lines) + "\n"


def finish(site_dir: Path, data_dir: Path) -> list[str]:
    owners = record_owners(data_dir)
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "Content-Security-Policy" in text:
            raise DataError(f"{path}: already finished; run macros.finish once per build")
        text = minify_html.minify(
            text,
            keep_closing_tags=True,
            keep_html_and_head_opening_tags=True,
            minify_css=True,
            minify_js=True,
        )
        html = text.encode("utf-8")
        scanner = scan(text)
        problems += duplicate_id_problems(path.relative_to(site_dir).as_posix(), scanner.ids, owners)
        path.write_bytes(add_policies(html, page_scripts(scanner, site_dir)))
    (site_dir / "robots.txt").write_text(robots_txt(site_dir), encoding="utf-8")
    return problems


def main() -> int:
    site_dir, data_dir = Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "data")
    try:
        problems = finish(site_dir, data_dir)
    except DataError as error:
        problems = [str(error)]
    for problem in problems:
        print(f"ERROR - {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
