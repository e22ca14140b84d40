"""The lock rules no tool checks: every package in a lock (requirements*.txt) is pinned to
one version with hashes, each lock holds exactly what its readable input (requirements*.in)
asks for, and the test lock carries the runtime set at the same versions (one environment)."""

import re
from pathlib import Path

import pytest

from tests.site import ROOT

LOCKS = {path.name: path.with_suffix(".in").name for path in sorted(ROOT.glob("requirements*.txt"))}
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s\\;]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(text: str) -> dict[str, tuple[str, int]]:
    """package -> (version, number of hashes), for each requirement of a lock."""
    packages = {}
    for block in re.split(r"\n(?=\S)", text):
        first = block.lstrip().split("\n", 1)[0]
        if first and not first.startswith("#"):
            match = PIN.match(first)
            packages[normal(match["name"]) if match else first] = (
                match["version"] if match else "",
                len(HASH.findall(block)),
            )
    return packages


def lock_problems(text: str) -> list[str]:
    problems = (
        []
        if "--generate-hashes" in text
        else ["not made by `pip-compile --generate-hashes` (run `make lock`)"]
    )
    for name, (version, hashes) in locked(text).items():
        problems += [f"{name}: not pinned to one version with =="] if not version else []
        problems += [f"{name}: no sha256 hash"] if not hashes else []
    return problems


def direct_pins(input_file: Path) -> dict[str, str]:
    """The exact pins an input asks for, following its -r includes."""
    pins = {}
    for line in input_file.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins |= direct_pins(input_file.parent / line.removeprefix("-r ").strip())
        elif line and not line.startswith("-"):
            match = PIN.match(line)
            pins[normal(match["name"]) if match else line] = match["version"] if match else "a loose pin"
    return pins


def input_problems(lock_text: str, input_file: Path) -> list[str]:
    packages = locked(lock_text)
    return [
        f"{name}: {input_file.name} asks {version}, the lock has {packages.get(name, ('nothing',))[0]} (run `make lock`)"
        for name, version in direct_pins(input_file).items()
        if packages.get(name, ("",))[0] != version
    ]


def same_versions_problems(runtime_text: str, test_text: str) -> list[str]:
    runtime, test = locked(runtime_text), locked(test_text)
    return [
        f"{name}: runtime {version}, test {test.get(name, ('missing',))[0]}"
        for name, (version, _) in runtime.items()
        if test.get(name, ("",))[0] != version
    ]


def _read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(("lock", "source"), LOCKS.items())
def test_a_lock_pins_every_package_with_hashes_and_holds_what_its_input_asks(lock, source):
    assert locked(_read(lock)) and lock_problems(_read(lock)) == []
    assert direct_pins(ROOT / source) and input_problems(_read(lock), ROOT / source) == []


def test_the_test_lock_includes_the_runtime_set_at_the_same_versions():
    assert same_versions_problems(_read("requirements.txt"), _read("requirements-test.txt")) == []


# -- Negative controls ------------------------------------------------------------------

GOOD = "#    pip-compile --generate-hashes --output-file=requirements.txt requirements.in\n"
GOOD += f"jinja2==3.1.6 \\\n    --hash=sha256:{'a' * 64}\n    # via mkdocs\n"


@pytest.mark.parametrize(
    ("bad", "complaint"),
    [
        (GOOD.replace("jinja2==3.1.6", "jinja2>=3"), "not pinned"),
        (GOOD.replace(f" \\\n    --hash=sha256:{'a' * 64}", ""), "no sha256 hash"),
        ("mkdocs==1.6.1\n", "pip-compile --generate-hashes"),
    ],
)
def test_the_lock_rule_catches_a_bad_lock(bad, complaint):
    assert lock_problems(GOOD) == []
    assert any(complaint in problem for problem in lock_problems(bad)), lock_problems(bad)


@pytest.mark.parametrize(
    ("asks", "complaint"),
    [
        ("jinja2==3.1.6\n", None),
        ("jinja2==3.1.7\n", "asks 3.1.7"),
        ("mkdocs==1.6.1\n", "has nothing"),
        ("Jinja2>=3\n", "loose"),
    ],
)
def test_the_input_rule_catches_a_stale_lock_or_a_loose_pin(tmp_path, asks, complaint):
    (tmp_path / "requirements.in").write_text(asks)
    problems = input_problems(GOOD, tmp_path / "requirements.in")
    assert (problems == []) if complaint is None else any(complaint in problem for problem in problems), (
        problems
    )


def test_the_runtime_rule_catches_a_test_lock_at_another_version():
    assert same_versions_problems(GOOD, GOOD) == []
    assert same_versions_problems(GOOD, GOOD.replace("3.1.6", "3.1.5")) == [
        "jinja2: runtime 3.1.6, test 3.1.5"
    ]
    assert same_versions_problems(GOOD, GOOD.split("jinja2")[0]) == ["jinja2: runtime 3.1.6, test missing"]
