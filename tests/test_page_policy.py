"""Pages and folders that could subvert the site are refused by name before any build:
raw HTML outside the allow-list, dangerous link schemes, and symbolic links."""

import os

import pytest

from macros.check import check_project
from macros.data import DataError
from macros.page_policy import check_page
from tests.site import make_build


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        ("<script>alert(1)</script>\n", "<script> is not allowed"),
        ('<iframe src="https://example.org/"></iframe>', "<iframe> is not allowed"),
        ('A <span onclick="alert(1)">word</span>.', "attribute 'onclick'"),
        ('<a href="javascript:alert(1)">x</a>', "javascript: address"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "javascript: address"),
        ("[call](javascript:alert(document.domain))", "link to a javascript: address"),
        ("[x]: javascript:alert(1)", "link to a javascript: address"),
        ('*this*{ onmouseover="alert(1)" }', "sets 'onmouseover'"),
        ('<p style="color:red">x</p>', "attribute 'style'"),
    ],
)
def test_disallowed_markup_is_refused_with_file_and_line(markdown, problem):
    with pytest.raises(DataError) as error:
        check_page("docs/page.md", "# Title\n\n" + markdown)
    assert "docs/page.md: line 3:" in str(error.value)
    assert problem in str(error.value)


@pytest.mark.parametrize(
    "markdown",
    [
        "Read [the signs](signs.md#hard-to-trust) or [call 999](tel:999).",
        '<span class="x" data-search-exclude aria-hidden="true">ok</span> <abbr title="t">GP</abbr>',
        "See <https://www.nhs.uk/> and [NHS](https://www.nhs.uk/).",
        "## Heading { #anchor .class }",
    ],
)
def test_ordinary_pages_pass(markdown):
    check_page("docs/page.md", markdown)


def test_the_project_passes_its_own_checks():
    from tests.site import ROOT

    assert check_project(ROOT) == []


@pytest.mark.parametrize("folder", ["docs", "data", "overrides", "macros"])
def test_a_symbolic_link_is_refused_by_name(tmp_path, folder):
    from tests.site import copy_project

    project = copy_project(tmp_path / "project")
    os.symlink("/proc/self/environ", project / folder / "environ.md")
    assert check_project(project) == [
        f"{folder}/environ.md: is a symbolic link; only real files may be in {folder}/"
    ]


def test_a_symlink_in_docs_stops_the_build_and_leaks_nothing(project_with_site):
    """The audit's case: a link to /proc/self/environ once published the build's environment."""
    before = sorted(p.name for p in (project_with_site / "site").iterdir())
    os.symlink("/proc/self/environ", project_with_site / "docs" / "environ.txt")
    result = make_build(project_with_site)
    assert result.returncode != 0
    assert "docs/environ.txt: is a symbolic link" in result.stdout + result.stderr
    assert sorted(p.name for p in (project_with_site / "site").iterdir()) == before
    assert not list((project_with_site / "site").rglob("environ*"))


def test_a_script_in_a_page_stops_the_build(project_with_site):
    page = project_with_site / "docs" / "effects.md"
    page.write_text(page.read_text() + "\n<script>fetch('https://tracker.example/')</script>\n")
    result = make_build(project_with_site)
    assert result.returncode != 0
    assert "docs/effects.md: line" in result.stderr and "<script> is not allowed" in result.stderr
