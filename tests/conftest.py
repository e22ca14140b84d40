import shutil

import pytest
from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM_ARGS, chromium_path, serve
from tests.site import ROOT, copy_project, make_build, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built strictly from this checkout, once per test run."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def web_site(tmp_path_factory):
    """A copy of the project built by `make build`, served on loopback; yields (project, url).

    The server starts first so the build can use its address as site_url, as the
    real deploy uses the GitHub Pages address (the 404 page links absolutely)."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    with serve(project / "site") as url:
        result = make_build(project, site_url=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield project, url


@pytest.fixture(scope="session")
def built_copy(web_site):
    """A copy of the project with a good site/ (and dist/ offline zip) from `make build`."""
    return web_site[0]


@pytest.fixture(scope="session")
def web_url(web_site):
    return web_site[1]


@pytest.fixture
def project_with_site(built_copy, tmp_path):
    """A fresh copy of the built project that a test may change freely."""
    project = tmp_path / "project"
    shutil.copytree(built_copy, project)
    return project


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
