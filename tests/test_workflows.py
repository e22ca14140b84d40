"""The workflows keep the project's own promises, which no linter knows; each also catches one mistake."""

import copy
import functools
import re
import shutil
import subprocess

import pytest
import yaml

from tests.site import ROOT, VENV

WORKFLOWS = {path.name: path for path in sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))}
# Events through which a pull request could start a workflow, directly or by chaining.
PR_EVENTS = {"pull_request", "pull_request_target", "workflow_run", "workflow_call"}


def load(name: str) -> dict:
    workflow = yaml.safe_load(WORKFLOWS[name].read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # PyYAML reads `on:` as True
    return workflow


def triggers(workflow: dict) -> set[str]:
    on = workflow.get("on")
    return {on} if isinstance(on, str) else set(on or ())


def publishes(job: dict) -> bool:
    return any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job.get("steps", []))


def deploys(workflow: dict) -> bool:
    """Could it publish the site: the Pages action, or a permission to write to Pages?"""
    scopes = [workflow.get("permissions"), *(job.get("permissions") for job in workflow["jobs"].values())]
    writes = any(s == "write-all" or (isinstance(s, dict) and s.get("pages") == "write") for s in scopes)
    return writes or any(publishes(job) for job in workflow["jobs"].values())


def pull_request_problems(workflow: dict) -> list[str]:
    reachable = triggers(workflow) & PR_EVENTS
    return [f"runs on {sorted(reachable)} and could deploy"] if reachable and deploys(workflow) else []


def main_only_problems(workflow: dict) -> list[str]:
    on, problems = workflow["on"], []
    if deploys(workflow) and not triggers(workflow) <= {"push", "workflow_dispatch"}:
        problems.append(f"deploys on {sorted(triggers(workflow))}")
    if deploys(workflow) and "push" in on and (on["push"] or {}).get("branches") != ["main"]:
        problems.append(f"deploys on a push to {on['push']!r}, not only to main")
    guard = "${{github.ref=='refs/heads/main'}}"  # workflow_dispatch can start on any branch
    jobs = workflow["jobs"].items()
    unguarded = [n for n, job in jobs if publishes(job) and job.get("if", "").replace(" ", "") != guard]
    return problems + [f"job {name!r} deploys from any branch" for name in unguarded]


def timeout_problems(workflow: dict) -> list[str]:
    jobs = workflow["jobs"].items()
    return [f"job {name!r} has no timeout-minutes" for name, job in jobs if "timeout-minutes" not in job]


def pages_concurrency_problems(workflow: dict) -> list[str]:
    concurrency = workflow.get("concurrency") or {}
    never_cancels = (concurrency.get("group"), concurrency.get("cancel-in-progress")) == ("pages", False)
    problem = f"needs the group 'pages' that never cancels, not {concurrency!r}"
    return [problem] if deploys(workflow) and not never_cancels else []


def make_test_problems(workflow: dict) -> list[str]:
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]
    make_test = any(re.search(r"(^|\s)make test(\s|$)", run) for run in runs)
    return [] if make_test else ["does not run `make test`"]


RULES = [pull_request_problems, main_only_problems, timeout_problems, pages_concurrency_problems]


@pytest.mark.parametrize("name", WORKFLOWS)
def test_every_workflow_keeps_the_rules(name):
    assert [problem for rule in RULES for problem in rule(load(name))] == []


def test_only_the_deploy_workflow_deploys_and_checks_runs_make_test():
    assert [name for name in WORKFLOWS if deploys(load(name))] == ["deploy.yml"]
    assert make_test_problems(load("checks.yml")) == []


# -- Negative controls: each rule catches one deliberate mistake ----------------------------
def _set(path: str, value=None):
    """deploy.yml (or `file:path`) with one value set (or deleted), e.g. 'jobs.build.timeout-minutes'."""
    name, _, keys = path.rpartition(":")
    workflow = copy.deepcopy(load(name or "deploy.yml"))
    *parents, last = keys.split(".")
    target = functools.reduce(dict.__getitem__, parents, workflow)
    target.pop(last) if value is None else target.__setitem__(last, value)
    return workflow


DEPLOY_STEP = [{"uses": "actions/deploy-pages@v4"}]
MISTAKES = {
    "deploy on pull_request": (("on.pull_request", {}), pull_request_problems),
    "deploy after a workflow": (("on", {"workflow_run": {"workflows": ["Checks"]}}), pull_request_problems),
    "checks deploys": (("checks.yml:jobs.test.steps", DEPLOY_STEP), pull_request_problems),
    "checks writes Pages": (("checks.yml:jobs.test.permissions", {"pages": "write"}), pull_request_problems),
    "deploy from any branch": (("on.push.branches", ["*"]), main_only_problems),
    "deploy on a schedule": (("on.schedule", [{"cron": "0 0 * * *"}]), main_only_problems),
    "deploy job without its main guard": (("jobs.deploy.if",), main_only_problems),
    "a job without a time limit": (("jobs.build.timeout-minutes",), timeout_problems),
    "a weekly job without one": (("weekly-review.yml:jobs.report.timeout-minutes",), timeout_problems),
    "deploy cancels in progress": (("concurrency.cancel-in-progress", True), pages_concurrency_problems),
    "deploy outside the pages group": (("concurrency.group", "deploy"), pages_concurrency_problems),
    "checks without make test": (("checks.yml:jobs.test.steps", [{"run": "pytest"}]), make_test_problems),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_the_rule_catches_the_mistake(mistake):
    change, rule = MISTAKES[mistake]
    assert rule(_set(*change)), f"{rule.__name__} missed: {mistake}"


# -- The negative control of zizmor's allow-list and pinning policy (.github/zizmor.yml) ---------
ZIZMOR_CONFIG = ROOT / ".github" / "zizmor.yml"
ZIZMOR = [str(VENV / "bin" / "zizmor"), "--offline", "--no-progress", "--config", str(ZIZMOR_CONFIG)]


@pytest.mark.parametrize(
    ("pattern", "new", "audit"),
    [("^$", "", None), ("actions/configure-pages@", "peaceiris/pages@", "forbidden-uses"),
     ("actions/configure-pages@[0-9a-f]{40}", "actions/configure-pages@v5", "unpinned-uses")],
    ids=["as it is", "another action", "a tag, not a SHA"],
)  # fmt: skip
def test_zizmor_refuses_an_action_outside_the_allow_list_or_unpinned(tmp_path, pattern, new, audit):
    folder = shutil.copytree(ROOT / ".github" / "workflows", tmp_path / ".github" / "workflows").parent
    deploy = folder / "workflows" / "deploy.yml"
    text, changes = re.subn(pattern, new, deploy.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
    deploy.write_text(text, encoding="utf-8")
    result = subprocess.run([*ZIZMOR, str(folder)], capture_output=True, text=True, timeout=120)
    assert changes and (result.returncode != 0) is bool(audit), result.stdout + result.stderr
    assert audit is None or f"error[{audit}]" in result.stdout, result.stdout
