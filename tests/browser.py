"""Headless Chromium for the browser tests, a loopback server for the built site, watches and helpers."""

import functools
import threading
import zipfile
from contextlib import contextmanager, suppress
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True}


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site like GitHub Pages: 404.html with status 404 for a missing page."""

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@contextmanager
def serve(folder: Path, handler_class: type | None = None):
    """Serve folder on 127.0.0.1 at a free port; yield its base URL."""
    handler = functools.partial(handler_class or SiteHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


# Records every Content-Security-Policy violation, in each frame, from the first script on.
RECORD_CSP_VIOLATIONS = """window.__cspViolations = []; document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));"""


class PageWatch:
    """Records every request, console error and policy violation of one page."""

    def __init__(self, page):
        self.page, self.requests, self.errors, self.csp_reports = page, [], [], []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("console", lambda m: "Content Security Policy" in m.text and self.csp_reports.append(m.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def violations(self) -> list[str]:
        """The frames' records (RECORD_CSP_VIOLATIONS), and console reports (frames that script writes)."""
        found = list(self.csp_reports)
        for frame in self.page.frames:
            with suppress(Exception):  # a frame that went away
                found += frame.evaluate("window.__cspViolations || []")
        return found


def search(page, query: str) -> list[list[str]]:
    """Type a query as a reader does (Material searches on key presses): the result groups' hrefs."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.wait_for_selector(".md-search-result__item", state="detached")
    box.fill(query[:-1])
    box.press(query[-1])
    try:
        page.wait_for_selector(".md-search-result__item a", timeout=5000)
    except PlaywrightTimeout:
        return []
    links = "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))"
    return page.eval_on_selector_all(".md-search-result__item", links)


def short(href: str, base: str) -> str:
    """A result link as a site path: without base URL and the ?h= highlight query."""
    page, _, anchor = href.removeprefix(base).partition("#")
    return page.split("?")[0] + (f"#{anchor}" if anchor else "")


def use_page(page) -> None:
    """Use a page as a reader: a search (the worker and its index), the palette, the self-check if any."""
    assert search(page, "trust"), "the search found nothing"
    page.keyboard.press("Escape")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    if page.locator("form.self-check").count():  # ticked, it writes its summary
        page.locator("form.self-check input[type=checkbox]").first.check()
        assert page.locator(".self-check__summary [data-ticked] li").count() == 1


def unzip_offline(built: Path, folder: Path) -> str:
    """The offline edition's zip unzipped into folder: the file:// URL of its pages' folder, ending in /."""
    with zipfile.ZipFile(built / "dist" / "hyper-independence-guide-offline.zip") as archive:
        archive.extractall(folder)
    return next(folder.glob("*/index.html")).parent.as_uri() + "/"


def offline_file(url_path: str) -> str:
    """A page's file in the offline edition: signs/ is signs.html, the home page index.html."""
    return (url_path.rstrip("/") or "index") + ".html"
