"""The workflows keep the project's own promises, which no linter knows: a pull request
can never deploy, the site deploys only from main (or by hand), every job has a time limit,
a Pages deployment is never cancelled, and Checks runs `make test`. zizmor (`make lint`,
.github/zizmor.yml) owns everything else: pinning, the allowed actions, permissions,
credentials, injection, triggers. Each rule returns its problems, so each one is also fed
the real workflow with one deliberate mistake (the negative controls)."""

import copy
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


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def deploys(workflow: dict) -> bool:
    """Could it publish the site: the Pages action, or a permission to write to Pages?"""
    scopes = [workflow.get("permissions"), *(job.get("permissions") for job in workflow["jobs"].values())]
    writes = any(s == "write-all" or (isinstance(s, dict) and s.get("pages") == "write") for s in scopes)
    return writes or any(step.get("uses", "").startswith("actions/deploy-pages@") for step in steps(workflow))


def pull_request_problems(workflow: dict) -> list[str]:
    reachable = triggers(workflow) & PR_EVENTS
    return [f"runs on {sorted(reachable)} and could deploy"] if reachable and deploys(workflow) else []


def main_only_problems(workflow: dict) -> list[str]:
    if not deploys(workflow):
        return []
    problems = (
        []
        if triggers(workflow) <= {"push", "workflow_dispatch"}
        else [f"deploys on {sorted(triggers(workflow))}"]
    )
    push = (workflow["on"] or {}).get("push") if isinstance(workflow["on"], dict) else None
    if "push" in triggers(workflow) and (push or {}).get("branches") != ["main"]:
        problems.append(f"deploys on a push to {push!r}, not only to main")
    for name, job in workflow["jobs"].items():
        deploying = any(
            step.get("uses", "").startswith("actions/deploy-pages@") for step in job.get("steps", [])
        )
        if deploying and (job.get("if") or "").replace(" ", "") != "${{github.ref=='refs/heads/main'}}":
            problems.append(f"job {name!r} deploys from any branch workflow_dispatch is started on")
    return problems


def timeout_problems(workflow: dict) -> list[str]:
    return [
        f"job {name!r} has no timeout-minutes"
        for name, job in workflow["jobs"].items()
        if "timeout-minutes" not in job
    ]


def pages_concurrency_problems(workflow: dict) -> list[str]:
    if not deploys(workflow):
        return []
    concurrency = workflow.get("concurrency")
    if not isinstance(concurrency, dict) or concurrency.get("group") != "pages":
        return [f"needs the concurrency group 'pages', not {concurrency!r}"]
    return [] if concurrency.get("cancel-in-progress") is False else ["may cancel a deployment in progress"]


def make_test_problems(workflow: dict) -> list[str]:
    runs = [step.get("run", "") for step in steps(workflow)]
    return (
        [] if any(re.search(r"(^|\s)make test(\s|$)", run) for run in runs) else ["does not run `make test`"]
    )


RULES = [pull_request_problems, main_only_problems, timeout_problems, pages_concurrency_problems]


@pytest.mark.parametrize("name", WORKFLOWS)
def test_every_workflow_keeps_the_rules(name):
    assert [problem for rule in RULES for problem in rule(load(name))] == []


def test_only_the_deploy_workflow_deploys_and_checks_runs_make_test():
    assert [name for name in WORKFLOWS if deploys(load(name))] == ["deploy.yml"]
    assert make_test_problems(load("checks.yml")) == []


# -- Negative controls: each rule catches one deliberate mistake ----------------------------


def _set(path: str, value):
    """A change to deploy.yml (or `file:path`), at a path like 'jobs.build.timeout-minutes'."""

    def change():
        name, _, keys = path.rpartition(":")
        workflow = copy.deepcopy(load(name or "deploy.yml"))
        *parents, last = keys.split(".")
        target = workflow
        for key in parents:
            target = target[key]
        if value is None:
            del target[last]
        else:
            target[last] = value
        return workflow

    return change


def _with_step(name: str, step: dict):
    def change():
        workflow = copy.deepcopy(load(name))
        next(iter(workflow["jobs"].values()))["steps"].append(step)
        return workflow

    return change


MISTAKES = {
    "deploy on pull_request": (_set("on.pull_request", {}), pull_request_problems),
    "deploy after another workflow": (
        _set("on", {"workflow_run": {"workflows": ["Checks"]}}),
        pull_request_problems,
    ),
    "checks deploys": (_with_step("checks.yml", {"uses": "actions/deploy-pages@v4"}), pull_request_problems),
    "checks writes to Pages": (
        _set("checks.yml:jobs.test.permissions", {"pages": "write"}),
        pull_request_problems,
    ),
    "deploy from any branch": (_set("on.push.branches", ["*"]), main_only_problems),
    "deploy on a schedule": (_set("on.schedule", [{"cron": "0 0 * * *"}]), main_only_problems),
    "deploy job without its main guard": (_set("jobs.deploy.if", None), main_only_problems),
    "a job without a time limit": (_set("jobs.build.timeout-minutes", None), timeout_problems),
    "a weekly job without a time limit": (
        _set("weekly-review.yml:jobs.report.timeout-minutes", None),
        timeout_problems,
    ),
    "deploy cancels in progress": (_set("concurrency.cancel-in-progress", True), pages_concurrency_problems),
    "deploy outside the pages group": (_set("concurrency.group", "deploy"), pages_concurrency_problems),
    "checks without make test": (_set("checks.yml:jobs.test.steps", [{"run": "pytest"}]), make_test_problems),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_the_rule_catches_the_mistake(mistake):
    change, rule = MISTAKES[mistake]
    assert rule(change()), f"{rule.__name__} missed: {mistake}"


# -- zizmor's allow-list and pinning policy (.github/zizmor.yml) ------------------------


@pytest.mark.parametrize(
    ("old", "new", "audit"),
    [
        (None, None, None),
        ("actions/configure-pages@", "peaceiris/actions-gh-pages@", "forbidden-uses"),
        (
            "actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b",
            "actions/configure-pages@v5",
            "unpinned-uses",
        ),
    ],
    ids=["as it is", "another action", "a tag, not a SHA"],
)
def test_zizmor_refuses_an_action_outside_the_allow_list_or_unpinned(tmp_path, old, new, audit):
    folder = tmp_path / ".github"
    shutil.copytree(ROOT / ".github" / "workflows", folder / "workflows")
    deploy = folder / "workflows" / "deploy.yml"
    text = deploy.read_text(encoding="utf-8")
    assert old is None or old in text
    deploy.write_text(text.replace(old, new) if old else text, encoding="utf-8")
    zizmor = [
        str(VENV / "bin" / "zizmor"),
        "--offline",
        "--no-progress",
        "--config",
        str(ROOT / ".github" / "zizmor.yml"),
    ]
    result = subprocess.run([*zizmor, str(folder)], capture_output=True, text=True, timeout=120)
    assert (result.returncode != 0) is bool(audit), result.stdout + result.stderr
    assert audit is None or f"error[{audit}]" in result.stdout, result.stdout
