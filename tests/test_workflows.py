"""The GitHub workflows keep their promises: a pull request can never deploy,
only the deploy job can write to Pages, every job has a time limit, only GitHub's
own actions pinned to a major version are used, and CI runs the README's test command.

Each rule is a function that returns a list of problems, so the same functions can
be fed deliberately bad workflows (the negative controls at the end)."""

import copy
import re
from pathlib import Path

import pytest
import yaml

from tests.site import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
CHECKS = WORKFLOWS / "checks.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
DEPLOY_JOB = "deploy"

PR_EVENTS = {"pull_request", "pull_request_target"}
# Events through which a pull request could start a workflow, directly or by chaining.
PR_REACHABLE_EVENTS = PR_EVENTS | {"workflow_run", "workflow_call"}
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}
DEPLOY_MAY_ALSO_HAVE = {"contents": "read"}
PAGES_WRITE = {"pages", "id-token"}
PINNED_GITHUB_ACTION = re.compile(r"^actions/[A-Za-z0-9_.-]+@v\d+$")


def normalise(workflow: dict) -> dict:
    """PyYAML reads the key `on` as the boolean True (YAML 1.1); put it back."""
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def load(path: Path) -> dict:
    return normalise(yaml.safe_load(path.read_text(encoding="utf-8")))


def triggers(workflow: dict) -> set[str]:
    on = workflow.get("on")
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    if isinstance(on, dict):
        return set(on)
    return set()


def jobs(workflow: dict) -> dict:
    return workflow.get("jobs") or {}


def steps(job: dict) -> list[dict]:
    return job.get("steps") or []


def uses_of(workflow: dict) -> list[tuple[str, str]]:
    """(job name, reference) for every step's `uses:` and every reusable-workflow call."""
    found = []
    for name, job in jobs(workflow).items():
        if "uses" in job:
            found.append((name, job["uses"]))
        found += [(name, step["uses"]) for step in steps(job) if "uses" in step]
    return found


def writes_pages(permissions) -> bool:
    if isinstance(permissions, str):
        return permissions == "write-all"
    return any(permissions.get(scope) == "write" for scope in PAGES_WRITE) if permissions else False


def deploys(workflow: dict) -> bool:
    """Could this workflow publish the site?"""
    if writes_pages(workflow.get("permissions")):
        return True
    for job in jobs(workflow).values():
        if writes_pages(job.get("permissions")):
            return True
    return any(ref.split("@")[0] == "actions/deploy-pages" for _, ref in uses_of(workflow))


# -- Rules: each returns a list of problems -------------------------------------------------


def top_level_permission_problems(workflow: dict) -> list[str]:
    permissions = workflow.get("permissions")
    if permissions != {"contents": "read"}:
        return [f"top-level permissions must be exactly contents: read, not {permissions!r}"]
    return []


def job_permission_problems(workflow: dict, deploy_job: str | None) -> list[str]:
    """Only `deploy_job` may have pages/id-token write, and nothing wider than that."""
    problems = []
    for name, job in jobs(workflow).items():
        permissions = job.get("permissions")
        if name == deploy_job:
            if not isinstance(permissions, dict):
                problems.append(f"job {name!r}: permissions must be a list of scopes, not {permissions!r}")
                continue
            for scope, level in permissions.items():
                allowed = DEPLOY_PERMISSIONS.get(scope) or DEPLOY_MAY_ALSO_HAVE.get(scope)
                if level != allowed and level != "none":
                    problems.append(f"job {name!r}: permission {scope}: {level} is wider than it needs")
            for scope, level in DEPLOY_PERMISSIONS.items():
                if permissions.get(scope) != level:
                    problems.append(f"job {name!r}: needs {scope}: {level} to publish")
        elif writes_pages(permissions) or _any_write(permissions):
            problems.append(
                f"job {name!r}: only the deploy job may be given write permissions ({permissions!r})"
            )
    return problems


def _any_write(permissions) -> bool:
    return isinstance(permissions, dict) and "write" in permissions.values()


def pull_request_problems(workflow: dict, is_deploy_workflow: bool) -> list[str]:
    events = triggers(workflow)
    problems = []
    if is_deploy_workflow and events & PR_REACHABLE_EVENTS:
        problems.append(f"the deploy workflow must not run on {sorted(events & PR_REACHABLE_EVENTS)}")
    if events & PR_EVENTS and deploys(workflow):
        problems.append("a workflow that pull requests trigger must not write to or deploy Pages")
    return problems


def timeout_problems(workflow: dict) -> list[str]:
    return [
        f"job {name!r} has no timeout-minutes"
        for name, job in jobs(workflow).items()
        if "timeout-minutes" not in job
    ]


def uses_problems(workflow: dict) -> list[str]:
    return [
        f"job {name!r} uses {ref!r}: only GitHub's own actions/*, pinned to a major version @vN"
        for name, ref in uses_of(workflow)
        if not PINNED_GITHUB_ACTION.match(ref)
    ]


def pages_concurrency_problems(workflow: dict) -> list[str]:
    concurrency = workflow.get("concurrency")
    if not isinstance(concurrency, dict) or concurrency.get("group") != "pages":
        return [f"the deploy workflow needs concurrency group 'pages', not {concurrency!r}"]
    if concurrency.get("cancel-in-progress", False) is not False:
        return ["the deploy workflow must never cancel a deployment in progress"]
    return []


def runs_make_test_problems(workflow: dict) -> list[str]:
    for job in jobs(workflow).values():
        for step in steps(job):
            if re.search(r"(^|\s)make test(\s|$)", step.get("run", "")):
                return []
    return ["the Checks workflow must run `make test`, the README's test command"]


def workflow_problems(workflow: dict, *, is_deploy_workflow: bool) -> list[str]:
    """Every rule for one workflow."""
    problems = top_level_permission_problems(workflow)
    problems += job_permission_problems(workflow, DEPLOY_JOB if is_deploy_workflow else None)
    problems += pull_request_problems(workflow, is_deploy_workflow)
    problems += timeout_problems(workflow)
    problems += uses_problems(workflow)
    if is_deploy_workflow:
        problems += pages_concurrency_problems(workflow)
    return problems


# -- The real workflows ---------------------------------------------------------------------


def all_workflows() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def test_the_two_workflows_exist():
    assert CHECKS in all_workflows()
    assert DEPLOY in all_workflows()


@pytest.mark.parametrize("path", all_workflows(), ids=lambda path: path.name)
def test_workflow_follows_every_rule(path):
    assert workflow_problems(load(path), is_deploy_workflow=path == DEPLOY) == []


@pytest.mark.parametrize("path", all_workflows(), ids=lambda path: path.name)
def test_only_the_deploy_workflow_can_deploy(path):
    if path != DEPLOY:
        assert not deploys(load(path)), f"{path.name} could publish the site; only deploy.yml may"


def test_checks_runs_on_pull_requests_and_pushes_and_runs_make_test():
    checks = load(CHECKS)
    assert {"pull_request", "push"} <= triggers(checks)
    assert runs_make_test_problems(checks) == []


def test_checks_cancels_superseded_pull_request_runs():
    concurrency = load(CHECKS)["concurrency"]
    assert "github.event.pull_request.number" in concurrency["group"]
    assert "pull_request" in str(concurrency["cancel-in-progress"])


def test_checks_uploads_the_site_and_the_offline_zip():
    uploads = [
        step["with"]
        for job in jobs(load(CHECKS)).values()
        for step in steps(job)
        if step.get("uses", "").startswith("actions/upload-artifact@")
    ]
    paths = {upload["path"].rstrip("/") for upload in uploads}
    assert paths == {"site", "dist/hyper-independence-guide-offline.zip"}
    site_upload = next(upload for upload in uploads if upload["path"].rstrip("/") == "site")
    assert site_upload["if-no-files-found"] == "error"


def test_deploy_runs_only_on_main_and_by_hand():
    deploy = load(DEPLOY)
    assert triggers(deploy) == {"push", "workflow_dispatch"}
    assert deploy["on"]["push"] == {"branches": ["main"]}
    assert jobs(deploy)[DEPLOY_JOB]["if"].replace(" ", "") == "${{github.ref=='refs/heads/main'}}"


def test_deploy_builds_strictly_then_publishes_to_the_github_pages_environment():
    deploy = load(DEPLOY)
    build_runs = [step.get("run", "") for job in jobs(deploy).values() for step in steps(job)]
    # `make test` runs `make build` (`mkdocs build --strict`) and then every test.
    assert "make test" in build_runs
    actions = [ref.split("@")[0] for _, ref in uses_of(deploy)]
    for action in ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]:
        assert action in actions
    job = jobs(deploy)[DEPLOY_JOB]
    assert job["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert [
        step.get("id") for step in steps(job) if step.get("uses", "").startswith("actions/deploy-pages@")
    ] == ["deployment"]


def test_checkouts_do_not_keep_credentials():
    for path in all_workflows():
        for job in jobs(load(path)).values():
            for step in steps(job):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, path.name


def test_dependabot_updates_pip_and_actions_weekly():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update["schedule"]["interval"] for update in config["updates"]}
    assert ecosystems == {"pip": "weekly", "github-actions": "weekly"}


# -- Negative controls: the rules catch bad workflows --------------------------------------


def _deploy() -> dict:
    return copy.deepcopy(load(DEPLOY))


def _checks() -> dict:
    return copy.deepcopy(load(CHECKS))


def _deploy_with_contents_write():
    workflow = _deploy()
    jobs(workflow)[DEPLOY_JOB]["permissions"]["contents"] = "write"
    return workflow


def _deploy_with_write_all():
    workflow = _deploy()
    jobs(workflow)[DEPLOY_JOB]["permissions"] = "write-all"
    return workflow


def _build_job_with_pages_write():
    workflow = _deploy()
    jobs(workflow)["build"]["permissions"] = {"contents": "read", "pages": "write"}
    return workflow


def _deploy_on_pull_request():
    workflow = _deploy()
    workflow["on"]["pull_request"] = None
    return workflow


def _deploy_on_pull_request_target():
    workflow = _deploy()
    workflow["on"] = ["pull_request_target"]
    return workflow


def _deploy_after_another_workflow():
    workflow = _deploy()
    workflow["on"] = {"workflow_run": {"workflows": ["Checks"], "types": ["completed"]}}
    return workflow


def _top_level_pages_write():
    workflow = _deploy()
    workflow["permissions"] = {"contents": "read", "pages": "write", "id-token": "write"}
    return workflow


def _job_without_timeout():
    workflow = _deploy()
    del jobs(workflow)["build"]["timeout-minutes"]
    return workflow


def _deploy_cancels_in_progress():
    workflow = _deploy()
    workflow["concurrency"]["cancel-in-progress"] = True
    return workflow


def _deploy_without_pages_group():
    workflow = _deploy()
    workflow["concurrency"] = {"group": "deploy-${{ github.ref }}"}
    return workflow


def _uses(reference):
    def make():
        workflow = _deploy()
        steps(jobs(workflow)["build"])[0]["uses"] = reference
        return workflow

    return make


BAD_DEPLOY_WORKFLOWS = {
    "deploy job with contents: write": (_deploy_with_contents_write, "wider than it needs"),
    "deploy job with write-all": (_deploy_with_write_all, "permissions must be a list"),
    "build job with pages: write": (_build_job_with_pages_write, "only the deploy job"),
    "deploy on pull_request": (_deploy_on_pull_request, "must not run on ['pull_request']"),
    "deploy on pull_request_target": (_deploy_on_pull_request_target, "must not run on"),
    "deploy chained from another workflow": (
        _deploy_after_another_workflow,
        "must not run on ['workflow_run']",
    ),
    "pages write for every job": (_top_level_pages_write, "top-level permissions"),
    "job without a time limit": (_job_without_timeout, "no timeout-minutes"),
    "deploy cancels in progress": (_deploy_cancels_in_progress, "never cancel"),
    "no pages concurrency group": (_deploy_without_pages_group, "concurrency group 'pages'"),
    "action on a branch": (_uses("actions/checkout@main"), "pinned to a major version"),
    "action on a minor version": (_uses("actions/checkout@v5.0.0"), "pinned to a major version"),
    "third-party action": (_uses("peaceiris/actions-gh-pages@v4"), "only GitHub's own"),
}


@pytest.mark.parametrize(
    "make_bad, complaint", BAD_DEPLOY_WORKFLOWS.values(), ids=BAD_DEPLOY_WORKFLOWS.keys()
)
def test_rules_catch_a_bad_deploy_workflow(make_bad, complaint):
    problems = workflow_problems(make_bad(), is_deploy_workflow=True)
    assert any(complaint in problem for problem in problems), problems


def test_rules_catch_a_pull_request_workflow_that_deploys():
    checks = _checks()
    steps(jobs(checks)["test"]).append({"uses": "actions/deploy-pages@v4"})
    problems = workflow_problems(checks, is_deploy_workflow=False)
    assert "a workflow that pull requests trigger must not write to or deploy Pages" in problems
    assert deploys(checks)


def test_rules_catch_a_pull_request_workflow_with_pages_write():
    checks = _checks()
    jobs(checks)["test"]["permissions"] = {"contents": "read", "pages": "write", "id-token": "write"}
    problems = workflow_problems(checks, is_deploy_workflow=False)
    assert "a workflow that pull requests trigger must not write to or deploy Pages" in problems
    assert any("only the deploy job" in problem for problem in problems)


def test_rules_catch_checks_that_do_not_run_make_test():
    checks = _checks()
    for step in steps(jobs(checks)["test"]):
        if "run" in step:
            step["run"] = "python -m pytest"
    assert runs_make_test_problems(checks) != []


def test_on_key_is_read_even_though_yaml_makes_it_true():
    workflow = yaml.safe_load("on:\n  pull_request:\njobs: {}\n")
    assert True in workflow  # PyYAML's reading, which normalise() undoes
    assert triggers(normalise(workflow)) == {"pull_request"}


# -- One definition of "tested", and the commands the README promises ----------------------


def test_ci_runs_make_test():
    commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert "make test" in commands


def test_readme_shows_make_test_and_make_serve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", readme, re.MULTILINE)
    assert re.search(r"^make serve\b", readme, re.MULTILINE)


# -- The contributor path -------------------------------------------------------------------


def test_issue_forms_and_pull_request_template_exist():
    github = ROOT / ".github"
    for name in ["correction.yml", "suggestion.yml", "bug.yml", "config.yml"]:
        assert (github / "ISSUE_TEMPLATE" / name).is_file(), name
    assert (github / "PULL_REQUEST_TEMPLATE.md").is_file()


def test_new_issue_page_sends_people_in_crisis_to_urgent_help():
    config = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    first = config["contact_links"][0]
    assert first["url"].endswith("/get-help/#if-you-are-in-danger-now")
    # The anchor is the slug of this heading on the help page.
    get_help = (ROOT / "docs" / "get-help.md").read_text(encoding="utf-8")
    assert re.search(r"^## If you are in danger now\s*$", get_help, re.MULTILINE)
    # Once mkdocs.yml names the published site, the link must point into it.
    # site_url may be plain or `!ENV [SITE_URL, "default"]`; compare with the default.
    site_url = re.search(
        r"^site_url:[^\n]*?[\"']?(https?://[^\s\"'\]]+)",
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    if site_url:
        base = site_url.group(1).strip("'\"").rstrip("/") + "/"
        assert first["url"] == base + "get-help/#if-you-are-in-danger-now"
