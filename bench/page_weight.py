"""Bytes a reader downloads, counted by the gzip server while Chromium loads pages."""

from contextlib import contextmanager

from bench.server import Ledger
from build_steps.pdf import CHROMIUM_ARGS, chromium_path
from tests.browser import PageWatch


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _settle(page):
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # the search worker fetches its index after load


def first_visit(browser, ledger: Ledger, url: str) -> dict:
    """Bytes and requests for opening url with an empty cache."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page)
    ledger.reset()
    page.goto(url)
    _settle(page)
    context.close()
    origin = "/".join(url.split("/")[:3])
    third_party = [r for r in watch.requests if not r.startswith((origin, "data:"))]
    return {"bytes": ledger.total, "requests": len(ledger.entries), "third_party": len(third_party)}


def next_page(browser, ledger: Ledger, from_url: str, to_url: str) -> dict:
    """Bytes and requests for following the navigation link to to_url after reading from_url."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(from_url)
    _settle(page)
    ledger.reset()
    with page.expect_navigation():
        page.evaluate(
            "url => [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link')]"
            ".find(a => a.href === url).click()",
            to_url,
        )
    _settle(page)
    context.close()
    return {"bytes": ledger.total, "requests": len(ledger.entries)}
