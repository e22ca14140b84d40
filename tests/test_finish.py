"""The finishing step after every engine: the page policy, the PDF size, duplicate ids, the CSP
(the offline edition's policy, on every page: test_browser_offline.py)."""

import base64
import hashlib
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from build_steps.finish import EXECUTABLE_TYPES, finish, write_pdf_size
from build_steps.page_policy import page_problems
from tests.site import DATA, LIST_FILE, ROOT

# -- The page policy --------------------------------------------------------------------
ARTICLE = '<html><body><article class="md-content__inner">\n{}\n</article></body></html>'
ORDINARY = (
    "Read [the signs](../signs/#hard-to-trust), [call 999](tel:999) or [mail](mailto:a@example.org).\n\n"
    '<span class="x" data-search-exclude>ok</span> <abbr title="t">GP</abbr> <time datetime="2026-01-01">'
    "today</time>\n\n## Heading { #anchor .class }"
)
MARKUP = [
    (ORDINARY, None),  # what pages use passes: tel:, mailto:, abbr, time, attribute lists
    ("<script>alert(1)</script>", "tag 'script'"),
    ('<iframe src="https://example.org/"></iframe>', "tag 'iframe'"),
    ('A <span onclick="alert(1)">word</span>.', "attribute 'onclick'"),
    ('<p style="color:red">x</p>', "attribute 'style'"),
    ('<a href="javascript:alert(1)">x</a>', "URL in attribute 'href'"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "URL in attribute 'href'"),
    ('*this*{ onmouseover="alert(1)" }', "attribute 'onmouseover'"),  # through an attribute list
    ("[call](javascript:alert(1))", "'href'"),
]


@pytest.mark.parametrize(("source", "complaint"), MARKUP)
def test_unsafe_markup_is_refused_naming_page_element_and_line(tmp_path, source, complaint):
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\nSome words and [a link](https://example.org/).\n\n{source}\n")
    html = ARTICLE.format(markdown.markdown(page.read_text(), extensions=["attr_list"]))
    problems = page_problems(html, page, "docs/page.md")
    expected = [("docs/page.md", 5, True)] if complaint else []
    assert [(p.file, p.line, str(complaint) in p.message) for p in problems] == expected, problems


# -- finish() on a small built site ------------------------------------------------------
HEAD = (
    "<!doctype html><html><head><meta charset=utf-8><title>T</title>"
    "<script>var a = 1 < 2; window.x = a;</script><script type=module>import('./x.js');</script>"
    '<script id=__config type=application/json>{"search": "w.js"}</script>'
    '<script type=application/ld+json>{"@type": "MedicalWebPage"}</script><script src=x.js></script></head>'
)


def _finished(tmp_path: Path, body: str = "<p>x</p>") -> tuple[list, str]:
    page = tmp_path / "site" / "signs" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(f'{HEAD}<body><article class="md-content__inner">{body}</article>')
    return finish(tmp_path / "site", ROOT), page.read_text(encoding="utf-8")


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed_and_the_policies_come_first(tmp_path):
    problems, html = _finished(tmp_path)
    assert problems == []
    page = BeautifulSoup(html, "html.parser")
    policy = page.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    scripts = page.find_all("script")
    runs = [s.string for s in scripts if not s.get("src") and s.get("type", "") in EXECUTABLE_TYPES]
    assert len(runs) == 2  # the plain and the module script; JSON, JSON-LD and src= are not hashed
    assert re.search(r"script-src ([^;]+)", policy)[1].split() == ["'self'", *sorted(map(_sha256, runs))]
    assert "'unsafe-inline'" not in policy and "default-src 'self'" in policy
    after = html[re.search(r"<meta charset=[^>]*>", html).end() :]
    assert after.startswith('<meta http-equiv="Content-Security-Policy"')
    assert after.index('<meta name="referrer" content="no-referrer">') < after.index("<script")


def test_the_pdf_size_fills_its_placeholder_after_the_finishing_step(tmp_path):
    _, html = _finished(tmp_path, "<p>PDF <span data-pdf-size></span></p>")
    assert "<span data-pdf-size></span>" in html  # control: the finishing step keeps it
    write_pdf_size(tmp_path / "site", 123_456)
    assert "<span data-pdf-size>123.5 kB</span>" in (tmp_path / "site/signs/index.html").read_text()


def test_unsafe_markup_and_a_duplicate_id_stop_the_finish_naming_the_page_and_records(tmp_path):
    record, position = DATA["signs"][-1], len(DATA["signs"])
    ids = f'<h2 id="{record.id}">A</h2><h3 id="{record.id}">B</h3><p id=once>x</p>'
    refused, duplicate = _finished(tmp_path, ids + "<script>fetch('https://tracker.example/')</script>")[0]
    assert refused.file == duplicate.file == "docs/signs.md" and "tag 'script'" in refused.message
    assert f"id '{record.id}' is used 2 times on the page" in duplicate.message
    assert f"data/{LIST_FILE['signs']} record {position} (id '{record.id}')" in duplicate.message


def test_our_stylesheets_are_minified_and_the_themes_left_alone(tmp_path):
    css = "/* a comment */\n@media (max-width: 44.984375em) {\n  a { color: red; }\n}\n"
    for name in ("guide.css", "main.min.css"):  # the theme's come minified: the control
        (tmp_path / "site/assets" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "site/assets" / name).write_text(css)
    _finished(tmp_path)
    assert (tmp_path / "site/assets/guide.css").read_text() == "@media (max-width:44.984375em){a{color:red}}"
    assert (tmp_path / "site/assets/main.min.css").read_text() == css


def test_the_offline_edition_passes_the_page_policy_too(built):
    """The build checks the web edition; the offline one's pages differ only where `extra.offline` says."""
    pages = sorted((built / "dist" / "hyper-independence-guide-offline").rglob("*.html"))
    problems = [problem for path in pages for problem in page_problems(path.read_text(), path, path.name)]
    assert len(pages) > 1 and problems == []
