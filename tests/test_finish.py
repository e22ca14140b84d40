"""The engine-neutral last build step: policies computed from each page, duplicate ids refused."""

import base64
import hashlib
from collections import Counter

from macros.finish import add_policies, content_security_policy, duplicate_id_problems, scan


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


PAGE = (
    "<!doctype html><html><head><meta charset=utf-8><script>var a = 1 < 2;</script>"
    '<script id=__config type=application/json>{"search": "w.js"}</script>'
    '<script type=application/ld+json>{"@type": "MedicalWebPage"}</script>'
    "<script src=bundle.js></script></head><body><h2 id=x>X</h2><p id=x>Y</p></body></html>"
)


def test_only_executable_inline_scripts_are_hashed():
    scanner = scan(PAGE)
    assert scanner.inline_scripts == ["var a = 1 < 2;"]
    policy = content_security_policy(scanner.inline_scripts)
    assert f"script-src 'self' {_hash('var a = 1 < 2;')};" in policy
    assert "'unsafe-inline'" not in policy and "default-src 'self'" in policy


def test_policies_go_right_after_the_charset():
    html = add_policies(PAGE.encode(), ["var a = 1 < 2;"]).decode()
    assert html.index("Content-Security-Policy") < html.index("<script>")
    assert html.index("<meta charset=utf-8>") < html.index("Content-Security-Policy")
    assert '<meta name="referrer" content="no-referrer">' in html


def test_a_duplicate_id_names_the_records_that_carry_it():
    ids = scan(PAGE).ids
    assert ids == Counter({"x": 2, "__config": 1})
    owners = {"x": ["data/signs.yml record 2 (id 'x'), field 'id'"]}
    (problem,) = duplicate_id_problems("signs/index.html", ids, owners)
    assert problem.startswith("signs/index.html: id 'x' is used 2 times on the page")
    assert "data/signs.yml record 2 (id 'x'), field 'id'" in problem
