import os

import pytest
from filelock import FileLock
from playwright.sync_api import sync_playwright

from build_steps.pdf import chromium_path
from tests.browser import CHROMIUM_ARGS, serve
from tests.site import copy_project, make


@pytest.fixture(scope="session")
def built(tmp_path_factory, worker_id):
    """A copy of the project built by its own `make build`, as a contributor builds it
    (no SITE_URL or REPO_URL), once per run: the xdist workers share it (read only).
    Static tests read the HTML that ships: site/ (web) and dist/ (offline)."""
    shared = (
        tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    )
    project = shared / "built-project"
    with FileLock(str(shared / "built-project.lock")):
        if not (project / "site").is_dir():
            copy_project(project)
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


def pytest_runtest_logreport(report):
    """In GitHub Actions, each failed test is also one readable line in the job summary
    (written by the main process only: xdist's workers hand their reports to it)."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    in_worker = "PYTEST_XDIST_WORKER" in os.environ
    if summary and report.failed and os.environ.get("GITHUB_ACTIONS") == "true" and not in_worker:
        reason = (
            report.longrepr.reprcrash.message
            if hasattr(report.longrepr, "reprcrash")
            else str(report.longrepr)
        )
        with open(summary, "a", encoding="utf-8") as out:
            out.write(f"- Test failed: `{report.nodeid}` ({report.when}): {reason.splitlines()[0][:300]}\n")
