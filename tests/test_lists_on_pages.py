"""Every record of every data file is on its page, under its anchor, with its label."""

import yaml

from macros.data import load_all
from tests.site import LIST_PAGE, ROOT, article, make_build

LISTS = load_all(ROOT / "data")


def _records_with_pages():
    for name, url_path in LIST_PAGE.items():
        for record in LISTS[name]:
            yield name, url_path, record


def test_every_record_is_under_its_anchor_with_its_label(site):
    missing = []
    for name, url_path, record in _records_with_pages():
        heading = article(site, url_path).find(id=record.id)
        label = next(
            getattr(record, field) for field in ("label", "name", "term", "title") if hasattr(record, field)
        )
        if heading is None or label not in heading.get_text():
            missing.append(f"{name}: {record.id}")
    assert not missing, f"records not found on their pages: {missing}"


def test_emergency_numbers_and_directories_are_on_the_help_page(site):
    text = " ".join(article(site, "get-help/").get_text(" ").split())
    for number in LISTS["emergency_numbers"]:
        assert number.region in text and number.number in text
    links = {a["href"] for a in article(site, "get-help/").find_all("a", href=True)}
    for directory in LISTS["helpline_directories"]:
        assert directory.url in links
    for line in LISTS["crisis_lines"]:
        assert line.source in links, f"{line.id} is shown without its source"


def test_a_new_record_appears_after_rebuilding(project_with_site):
    signs_file = project_with_site / "data" / "signs.yml"
    signs = yaml.safe_load(signs_file.read_text())
    signs.append({"id": "test-new-sign", "label": "A brand new sign", "explanation": "Added by a test."})
    signs_file.write_text(yaml.safe_dump(signs, sort_keys=False))

    result = make_build(project_with_site)

    assert result.returncode == 0, result.stdout + result.stderr
    heading = article(project_with_site / "site", "signs/").find(id="test-new-sign")
    assert heading is not None and "A brand new sign" in heading.get_text()
