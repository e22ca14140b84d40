"""The files generated from data/ (python -m macros.generate) are committed and up to date."""

import subprocess

import yaml

from macros.data import load_all
from tests.site import ENV, ROOT, VENV, copy_project

BANNER = "overrides/partials/generated/emergency-numbers.html"


def _check(project) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "macros.generate", "--check"],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )


def test_the_committed_generated_files_are_up_to_date():
    result = _check(ROOT)
    assert result.returncode == 0, result.stderr


def test_a_data_change_makes_the_check_and_the_build_fail_naming_the_file(tmp_path):
    """Negative control: the check must see a change in data/ that the committed file lacks."""
    project = copy_project(tmp_path / "project")
    path = project / "data" / "crisis_lines.yml"
    data = yaml.safe_load(path.read_text())
    data["emergency"][0]["region"] = "United States, Canada and a test"
    path.write_text(yaml.safe_dump(data, sort_keys=False))

    result = _check(project)
    assert result.returncode == 1
    assert f"{BANNER}: out of date with data/; run `python -m macros.generate`" in result.stderr

    build = subprocess.run(
        ["make", "--no-print-directory", "build", f"VENV={VENV}"],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    assert build.returncode != 0 and BANNER in build.stderr

    regenerated = subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "macros.generate"], cwd=project, env=ENV, capture_output=True
    )
    assert regenerated.returncode == 0
    assert _check(project).returncode == 0
    assert "United States, Canada and a test" in (project / BANNER).read_text()


def test_the_banner_partial_has_every_emergency_number_once_as_a_tel_link():
    text = (ROOT / BANNER).read_text()
    assert text.startswith(
        "{#- generated from data/crisis_lines.yml by python -m macros.generate; do not edit"
    )
    numbers = {number for record in load_all(ROOT / "data")["emergency_numbers"] for number in record.call}
    for number in numbers:
        assert text.count(f'href="tel:{number}"') == 1, number


def test_data_is_escaped_in_generated_files(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "crisis_lines.yml"
    data = yaml.safe_load(path.read_text())
    data["emergency"][0]["region"] = 'Here & "there"'
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    subprocess.run([str(VENV / "bin" / "python"), "-m", "macros.generate"], cwd=project, env=ENV, check=True)
    text = (project / BANNER).read_text()
    assert 'data-regions="Here &amp; &#34;there&#34;"' in text
