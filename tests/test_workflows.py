"""The GitHub workflows keep their promises: a pull request can never deploy,
only the deploy job can write to Pages and only the weekly report job to issues,
every job has a time limit, every action is an allowed one pinned by its full commit
SHA with its version in a comment, and CI runs the README's test command.

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
WEEKLY = WORKFLOWS / "weekly-review.yml"
ZENSICAL = WORKFLOWS / "zensical-newest.yml"
DEPLOY_JOB = "deploy"
REPORT_JOB = "report"

PR_EVENTS = {"pull_request", "pull_request_target"}
# Events through which a pull request could start a workflow, directly or by chaining.
PR_REACHABLE_EVENTS = PR_EVENTS | {"workflow_run", "workflow_call"}
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}
DEPLOY_MAY_ALSO_HAVE = {"contents": "read"}
PAGES_WRITE = {"pages", "id-token"}
REPORT_PERMISSIONS = {"issues": "write"}
# The one job of each workflow that may write, and exactly what it may write.
WRITERS = {DEPLOY: (DEPLOY_JOB, DEPLOY_PERMISSIONS), WEEKLY: (REPORT_JOB, REPORT_PERMISSIONS)}
# GitHub's own actions, and the one link checker the weekly review uses.
ALLOWED_ACTION = re.compile(r"^(actions/[A-Za-z0-9_.-]+|lycheeverse/lychee-action)$")
SHA_PIN = re.compile(r"^[0-9a-f]{40}$")
# In the file's text: `uses: owner/name@<40 hex> # v1.2.3`.
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s+(?P<ref>\S+)(?:\s+#\s*(?P<version>\S+))?\s*$")
VERSION_COMMENT = re.compile(r"^v\d+\.\d+\.\d+$")


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


def job_permission_problems(
    workflow: dict, writer: str | None, needed: dict[str, str] = DEPLOY_PERMISSIONS
) -> list[str]:
    """Only the `writer` job may have write permissions: exactly `needed`, nothing wider."""
    problems = []
    for name, job in jobs(workflow).items():
        permissions = job.get("permissions")
        if name == writer:
            if not isinstance(permissions, dict):
                problems.append(f"job {name!r}: permissions must be a list of scopes, not {permissions!r}")
                continue
            for scope, level in permissions.items():
                allowed = needed.get(scope) or DEPLOY_MAY_ALSO_HAVE.get(scope)
                if level != allowed and level != "none":
                    problems.append(f"job {name!r}: permission {scope}: {level} is wider than it needs")
            for scope, level in needed.items():
                if permissions.get(scope) != level:
                    problems.append(f"job {name!r}: needs {scope}: {level}")
        elif writes_pages(permissions) or _any_write(permissions):
            problems.append(
                f"job {name!r}: only the {writer or DEPLOY_JOB} job may be given write permissions"
                f" ({permissions!r})"
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
    problems = []
    for name, ref in uses_of(workflow):
        action, _, pin = ref.partition("@")
        if not ALLOWED_ACTION.match(action):
            problems.append(f"job {name!r} uses {ref!r}: not an allowed action")
        if not SHA_PIN.match(pin):
            problems.append(f"job {name!r} uses {ref!r}: must be pinned by a full commit SHA")
    return problems


def uses_comment_problems(text: str) -> list[str]:
    """Every `uses:` line names the version its SHA is, in a comment (Dependabot keeps both)."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"^\s*(-\s+)?uses:", line):
            match = USES_LINE.match(line)
            if not match or not VERSION_COMMENT.match(match["version"] or ""):
                problems.append(f"line {number}: `uses:` needs a `# vX.Y.Z` comment: {line.strip()!r}")
    return problems


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


def workflow_problems(workflow: dict, *, is_deploy_workflow: bool, path: Path | None = None) -> list[str]:
    """Every rule for one workflow."""
    path = DEPLOY if is_deploy_workflow else path
    writer, needed = WRITERS.get(path, (None, DEPLOY_PERMISSIONS))
    problems = top_level_permission_problems(workflow)
    problems += job_permission_problems(workflow, writer, needed)
    problems += pull_request_problems(workflow, is_deploy_workflow or path == WEEKLY)
    problems += timeout_problems(workflow)
    problems += uses_problems(workflow)
    if is_deploy_workflow:
        problems += pages_concurrency_problems(workflow)
    return problems


# -- The real workflows ---------------------------------------------------------------------


def all_workflows() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def test_the_four_workflows_exist():
    assert {CHECKS, DEPLOY, WEEKLY, ZENSICAL} <= set(all_workflows())


def test_newest_zensical_reports_parity_on_pull_requests_and_never_blocks():
    workflow = load(ZENSICAL)
    assert triggers(workflow) == {"pull_request", "workflow_dispatch"}
    (job,) = jobs(workflow).values()
    assert job["continue-on-error"] is True, "a report, not a gate"
    commands = " ".join(step.get("run", "") for step in steps(job))
    assert "pip install --upgrade zensical" in commands and "tests/test_engine_parity.py" in commands
    assert "GITHUB_STEP_SUMMARY" in commands


@pytest.mark.parametrize("path", all_workflows(), ids=lambda path: path.name)
def test_workflow_follows_every_rule(path):
    assert workflow_problems(load(path), is_deploy_workflow=path == DEPLOY, path=path) == []


@pytest.mark.parametrize("path", all_workflows(), ids=lambda path: path.name)
def test_every_action_is_pinned_by_sha_with_its_version(path):
    text = path.read_text(encoding="utf-8")
    assert uses_comment_problems(text) == []
    assert uses_of(load(path)), f"{path.name} uses no action?"


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


def test_dependabot_updates_pip_npm_and_actions_weekly_after_a_cooldown():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update["schedule"]["interval"] for update in config["updates"]}
    assert ecosystems == {"pip": "weekly", "npm": "weekly", "github-actions": "weekly"}
    assert all(update["cooldown"]["default-days"] >= 7 for update in config["updates"])
    assert all(update["directory"] == "/" for update in config["updates"])
    # What the pip and npm entries cover: the inputs, the locks and the npm lockfile.
    for name in ["requirements.in", "requirements.txt", "requirements-test.in", "requirements-test.txt"]:
        assert (ROOT / name).is_file(), name
    assert (ROOT / "package.json").is_file() and (ROOT / "package-lock.json").is_file()


# -- zizmor relaxes nothing without saying why ----------------------------------------------

RELAXATION = re.compile(r"\b(ignore|disable|ref-pin|tag-pin|any)\b")


def zizmor_relaxation_problems(text: str) -> list[str]:
    """A relaxing line (ignore, disable, a pin policy weaker than hash-pin) needs a
    comment on the line itself or the line just above."""
    lines = text.splitlines()
    problems = []
    for index, line in enumerate(lines):
        code = line.split("#", 1)[0]
        if RELAXATION.search(code):
            commented = "#" in line or (index and lines[index - 1].lstrip().startswith("#"))
            if not commented:
                problems.append(f"line {index + 1} relaxes a rule without a comment: {line.strip()!r}")
    return problems


def test_zizmor_requires_a_hash_pin_for_every_action():
    text = (ROOT / ".github" / "zizmor.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert config["rules"] == {"unpinned-uses": {"config": {"policies": {"*": "hash-pin"}}}}
    assert zizmor_relaxation_problems(text) == []


def test_zizmor_rule_catches_an_unexplained_relaxation():
    bad = 'rules:\n  unpinned-uses:\n    config:\n      policies:\n        "actions/*": ref-pin\n'
    assert zizmor_relaxation_problems(bad) != []
    explained = bad.replace(
        '        "actions/*"', '        # GitHub signs its own tags.\n        "actions/*"'
    )
    assert zizmor_relaxation_problems(explained) == []


# -- The weekly review --------------------------------------------------------------------------


def test_weekly_review_runs_weekly_and_by_hand_never_from_a_pull_request():
    weekly = load(WEEKLY)
    assert triggers(weekly) == {"schedule", "workflow_dispatch"}
    (schedule,) = weekly["on"]["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month) == ("*", "*") and day_of_week.isdigit(), "once a week"
    assert not triggers(weekly) & PR_REACHABLE_EVENTS


def test_weekly_review_only_the_report_job_writes_and_only_to_issues():
    weekly = load(WEEKLY)
    assert weekly["permissions"] == {"contents": "read"}
    for name, job in jobs(weekly).items():
        if name == REPORT_JOB:
            assert job["permissions"] == REPORT_PERMISSIONS
        else:
            assert "permissions" not in job, f"job {name!r} must keep the read-only default"


def test_weekly_review_lists_due_pages_checks_links_and_edits_one_issue():
    weekly = load(WEEKLY)
    check = jobs(weekly)["check"]
    runs = "\n".join(step.get("run", "") for step in steps(check))
    assert "python -m macros.due_reviews" in runs
    (links,) = [
        step for step in steps(check) if step.get("uses", "").startswith("lycheeverse/lychee-action@")
    ]
    assert "'data/*.yml'" in links["with"]["args"] and "'docs/**/*.md'" in links["with"]["args"]
    assert links["with"]["fail"] is False, "a broken link goes in the issue"
    report = jobs(weekly)[REPORT_JOB]
    assert report["needs"] == "check"
    script = "\n".join(step.get("run", "") for step in steps(report))
    for command in ["gh issue list", "gh issue edit", "gh issue create"]:
        assert command in script
    assert report["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert weekly["concurrency"]["cancel-in-progress"] is False


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
    "action on a branch": (_uses("actions/checkout@main"), "full commit SHA"),
    "action on a major version": (_uses("actions/checkout@v5"), "full commit SHA"),
    "action on a version tag": (_uses("actions/checkout@v5.0.0"), "full commit SHA"),
    "action on a short SHA": (_uses("actions/checkout@fbc6f39"), "full commit SHA"),
    "third-party action": (_uses("peaceiris/actions-gh-pages@" + "a" * 40), "not an allowed action"),
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


def _weekly() -> dict:
    return copy.deepcopy(load(WEEKLY))


def test_rules_catch_a_weekly_review_a_pull_request_can_start():
    weekly = _weekly()
    weekly["on"]["pull_request_target"] = None
    assert any(
        "must not run on" in p for p in workflow_problems(weekly, is_deploy_workflow=False, path=WEEKLY)
    )


def test_rules_catch_write_permissions_outside_the_report_job():
    weekly = _weekly()
    jobs(weekly)["check"]["permissions"] = {"contents": "read", "issues": "write"}
    problems = workflow_problems(weekly, is_deploy_workflow=False, path=WEEKLY)
    assert any("only the report job" in p for p in problems), problems


def test_rules_catch_a_report_job_with_more_than_issues_write():
    weekly = _weekly()
    jobs(weekly)[REPORT_JOB]["permissions"]["contents"] = "write"
    problems = workflow_problems(weekly, is_deploy_workflow=False, path=WEEKLY)
    assert any("contents: write is wider" in p for p in problems), problems


@pytest.mark.parametrize(
    "line",
    [
        "      - uses: actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09",
        "      - uses: actions/checkout@fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09 # latest",
        "        uses: actions/checkout@v5 # v5.1.0",
    ],
)
def test_rules_catch_a_uses_line_without_its_version(line):
    problems = uses_comment_problems(line) + uses_problems(
        {"jobs": {"j": {"steps": [yaml.safe_load(line.strip().removeprefix("- "))]}}}
    )
    assert problems


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
