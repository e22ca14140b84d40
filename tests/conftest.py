import os

import pytest
from playwright.sync_api import sync_playwright

from build_steps.pdf import CHROMIUM_ARGS, chromium_path
from tests.browser import serve
from tests.site import build_once


@pytest.fixture(scope="session")
def built(tmp_path_factory, worker_id):
    """The project built by its own `make build`, as a contributor builds it (no SITE_URL or REPO_URL).
    Static tests read the HTML that ships: site/ (web) and dist/ (offline)."""
    return build_once(tmp_path_factory, worker_id, "built-project")[0]


@pytest.fixture(scope="session")
def site(built):
    return built / "site"


@pytest.fixture(scope="session")
def web_url(site):
    """The built web edition, served on loopback like GitHub Pages."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: no cache, no cookies, no stored palette."""
    context = browser.new_context()
    yield context
    context.close()


def pytest_runtest_logreport(report):
    """In GitHub Actions, each failed test is also a line of the job summary (from the main process only)."""
    summary, in_worker = os.environ.get("GITHUB_STEP_SUMMARY"), "PYTEST_XDIST_WORKER" in os.environ
    if summary and report.failed and os.environ.get("GITHUB_ACTIONS") == "true" and not in_worker:
        crash = getattr(report.longrepr, "reprcrash", None)
        reason = crash.message if crash else str(report.longrepr)
        with open(summary, "a", encoding="utf-8") as out:
            out.write(f"- Test failed: `{report.nodeid}` ({report.when}): {reason.splitlines()[0][:300]}\n")
