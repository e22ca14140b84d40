"""Headless Chromium for the browser tests, a loopback server for the built site, and watches."""

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Root needs --no-sandbox; the rest stop Chromium calling Google's services.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]  # fmt: skip


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


class PageWatch:
    """Records every request and every console error of one page."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))


def search(page, query: str) -> list[list[str]]:
    """Type a query into the page's search box like a reader (Material searches on key
    presses); the result groups, each a list of hrefs: the page first, then its sections."""
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
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => [...item.querySelectorAll('a')].map(a => a.href))",
    )


def short(href: str, base: str) -> str:
    """A result link as a site path: without base URL and the ?h= highlight query."""
    page, _, anchor = href.removeprefix(base).partition("#")
    return page.split("?")[0] + (f"#{anchor}" if anchor else "")


# Records every Content-Security-Policy violation, in each frame, from the first script on.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
});
"""


class CspWatch:
    """Every policy violation of one page: the events its frames record (needs
    RECORD_CSP_VIOLATIONS as an init script), and Chromium's console reports, which
    also cover frames written by script, where no init script runs."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.on("console", lambda m: "Content Security Policy" in m.text and self.console.append(m.text))

    def violations(self) -> list[str]:
        found = []
        for frame in self.page.frames:
            try:
                found += frame.evaluate("window.__cspViolations || []")
            except Exception:  # a frame that went away
                continue
        return found + self.console


def use_search_and_palette(page) -> None:
    """Run a search (the worker and its index) and switch the colour palette."""
    assert search(page, "trust"), "the search found nothing"
    page.keyboard.press("Escape")
    page.locator("form[data-md-component=palette] label:visible").first.click()
