"""The lock rules no tool checks: pinned with hashes, what each .in asks, the runtime set in the test lock."""

import re
from pathlib import Path

import pytest

from tests.site import ROOT

LOCKS = {path.name: path.with_suffix(".in").name for path in sorted(ROOT.glob("requirements*.txt"))}
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s\\;]+)")


def _pin(line: str) -> tuple[str, str]:
    """(normalised name, version) of `name==version`; (the line, "") for anything looser."""
    match = PIN.match(line)
    return (re.sub(r"[-_.]+", "-", match["name"]).lower(), match["version"]) if match else (line, "")


def locked(text: str) -> dict[str, tuple[str, int]]:
    """package -> (version, number of sha256 hashes), for each requirement of a lock."""
    packages = {}
    for block in re.split(r"\n(?=\S)", text):
        if block.strip() and not block.startswith("#"):
            name, version = _pin(block.split("\n", 1)[0])
            packages[name] = version, len(re.findall(r"--hash=sha256:[0-9a-f]{64}", block))
    return packages


def versions(lock_text: str) -> dict[str, str]:
    return {name: version for name, (version, _) in locked(lock_text).items()}


def lock_problems(text: str) -> list[str]:
    problems = [] if "--generate-hashes" in text else ["not made by `pip-compile --generate-hashes`"]
    for name, (version, hashes) in locked(text).items():
        problems += [f"{name}: not pinned with =="] if not version else []
        problems += [f"{name}: no sha256 hash"] if not hashes else []
    return problems


def direct_pins(input_file: Path) -> dict[str, str]:
    """The exact pins an input asks for, following its -r includes ("" for a loose one)."""
    pins = {}
    for line in input_file.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins |= direct_pins(input_file.parent / line.removeprefix("-r ").strip())
        elif line and not line.startswith("-"):
            pins.update([_pin(line)])
    return pins


def input_problems(lock_text: str, input_file: Path) -> list[str]:
    have = versions(lock_text)
    wrong = [(name, pin) for name, pin in direct_pins(input_file).items() if not pin or have.get(name) != pin]
    return [f"{name}: asks {pin or 'a loose pin'}, locked {have.get(name)}" for name, pin in wrong]


def same_versions_problems(runtime_text: str, test_text: str) -> list[str]:
    test = versions(test_text)
    wrong = [(name, v) for name, v in versions(runtime_text).items() if test.get(name) != v]
    return [f"{name}: runtime {v}, test {test.get(name, 'missing')}" for name, v in wrong]


def _read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


# A good lock of one package, for the negative controls.
HASH = f" \\\n    --hash=sha256:{'a' * 64}"
GOOD = f"#    pip-compile --generate-hashes --output-file=requirements.txt\njinja2==3.1.6{HASH}\n"


@pytest.mark.parametrize(("lock", "source"), LOCKS.items())
def test_a_lock_pins_every_package_with_hashes_and_holds_what_its_input_asks(lock, source):
    assert locked(_read(lock)) and lock_problems(_read(lock)) == []
    assert direct_pins(ROOT / source) and input_problems(_read(lock), ROOT / source) == []


def test_the_test_lock_includes_the_runtime_set_at_the_same_versions():
    older, without = GOOD.replace("3.1.6", "3.1.5"), GOOD.split("jinja2")[0]  # the negative controls
    assert same_versions_problems(GOOD, older) == ["jinja2: runtime 3.1.6, test 3.1.5"]
    assert same_versions_problems(GOOD, without) == ["jinja2: runtime 3.1.6, test missing"]
    assert same_versions_problems(_read("requirements.txt"), _read("requirements-test.txt")) == []


@pytest.mark.parametrize(("bad", "complaint"), [
    (GOOD.replace("==", ">="), "not pinned"), (GOOD.replace(HASH, ""), "no sha256"), ("x==1\n", "pip-compile")
])  # fmt: skip
def test_the_lock_rule_catches_a_bad_lock(bad, complaint):
    assert lock_problems(GOOD) == []
    assert any(complaint in problem for problem in lock_problems(bad)), lock_problems(bad)


@pytest.mark.parametrize(("asks", "complaint"), [
    ("Jinja2==3.1.6", None), ("jinja2==3.1.7", "asks 3.1.7"),
    ("mkdocs==1.6.1", "locked None"), ("jinja2>=3", "loose"),
])  # fmt: skip
def test_the_input_rule_catches_a_stale_lock_or_a_loose_pin(tmp_path, asks, complaint):
    (tmp_path / "requirements.in").write_text(f"# a comment\n{asks}\n")
    problems = input_problems(GOOD, tmp_path / "requirements.in")
    assert any(complaint in p for p in problems) if complaint else problems == [], problems
