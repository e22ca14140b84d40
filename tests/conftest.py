import pytest
from playwright.sync_api import sync_playwright

from build_steps.pdf import chromium_path
from tests.browser import CHROMIUM_ARGS, serve
from tests.site import copy_project, make


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """A copy of the project built by its own `make build`, as a contributor builds it
    (no SITE_URL or REPO_URL), once per test process. Static tests read the HTML that
    ships: site/ (web) and dist/ (offline), after the finishing step."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = make(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def site(built):
    return built / "site"


@pytest.fixture(scope="session")
def offline_site(built):
    return built / "dist" / "hyper-independence-guide-offline"


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
