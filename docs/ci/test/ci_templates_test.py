#!/usr/bin/env python3
"""ctest ci.templates: the docs/ci templates parse, and the commands they run work.

For each template (GitHub Actions, GitLab CI, the Jenkinsfile with jenkins.sh) the jobs are
played on this machine by ci_runner.py, in the template's own order, with the package under
test standing in for the download and Referee's fixture server for the vendor's server. Then:
every shard's results.json holds a disjoint part of the catalogue and together all of it, with
no failure; the merge wrote the HTML report and a JUnit file that parses.

Commands the installed referee cannot run yet (`--shard`, `referee report`: branch reports) are
not faked: the template stops there, and the test ends as skipped (77) naming them.

  ci_templates_test.py DEB TEMPLATES_DIR
"""
import json
import re
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml

from ci_runner import Features, Job, Skipped, StepFailed, copy_into

SKIP_RETURN_CODE = 77


class Pipeline:
    """What one template's jobs share: the package, a job counter, the features found."""

    def __init__(self, directory, deb, label):
        self.directory, self.deb, self.label = directory, deb, label
        self.jobs = 0
        self.features = None
        self.catalogue = None

    def new_job(self, name, variables):
        self.jobs += 1
        print(f"[{self.label}] job {name}", flush=True)
        return Job(name, self.directory / f"job-{self.jobs}", self.deb, variables)

    def run_command(self, job, command, extra_variables=None):
        installed = (job.root / "usr" / "bin" / "referee").exists()
        if self.features is None and installed:
            self.features = Features.of(job)
            job.run("referee list > catalogue.txt")
            self.catalogue = (job.workspace / "catalogue.txt").read_text().split()
        if self.features is not None:
            missing = self.features.missing_for(command)
            if missing:
                raise Skipped(f"{self.label}: `{' '.join(command.split())}` not run: {missing}")
        job.run(command, extra_variables)


# ---------------------------------------------------------------- checks on what jobs left


def check_shards(results_files, catalogue):
    """The shards ran every scenario of the catalogue exactly once, and none failed."""
    seen = []
    for path in results_files:
        run = json.loads(Path(path).read_text())
        summary = run["summary"]
        if summary["fail"] or summary["error"]:
            raise StepFailed(f"{path}: {summary}")
        seen += [scenario["id"] for scenario in run["scenarios"]]
    if len(results_files) < 2:
        raise StepFailed(f"expected several shards, got {results_files}")
    if sorted(seen) != sorted(catalogue):
        raise StepFailed(f"shards ran {len(seen)} scenarios ({len(set(seen))} distinct); "
                         f"the catalogue has {len(catalogue)}")
    print(f"  shards: {len(results_files)} results.json, {len(seen)} scenarios, each once")


def check_report(directory, html, junit):
    root = ElementTree.parse(directory / junit).getroot()
    if root.tag not in ("testsuites", "testsuite"):
        raise StepFailed(f"{junit}: root element <{root.tag}>")
    if "<html" not in (directory / html).read_text().lower():
        raise StepFailed(f"{html} is not HTML")
    print(f"  report: {html} and {junit} ({len(root.findall('.//testcase'))} testcases)")


# ---------------------------------------------------------------- GitHub Actions

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def expand_github(text, context):
    def value(match):
        if match.group(1) not in context:
            raise ValueError(f"expression {match.group(0)} is not known to this test")
        return str(context[match.group(1)])
    return EXPRESSION.sub(value, str(text))


def github_action(job, step, context, artifacts):
    action = step["uses"].split("@")[0]
    inputs = {key: expand_github(value, context) for key, value in step.get("with", {}).items()}
    if action == "actions/checkout":
        return  # the job's workspace is the checkout
    if action == "actions/upload-artifact":
        for line in filter(None, (line.strip() for line in inputs["path"].splitlines())):
            if not (job.workspace / line).exists():
                raise StepFailed(f"upload-artifact: no {line}")
            copy_into(job.workspace / line, artifacts / inputs["name"])
    elif action == "actions/download-artifact":
        # Several artifacts without merge-multiple: each into a directory of its name.
        for artifact in sorted(artifacts.glob(inputs["pattern"])):
            copy_into(artifact, job.workspace / artifact.name)
    elif action == "mikepenz/action-junit-report":
        ElementTree.parse(job.workspace / inputs["report_paths"])
    else:
        raise ValueError(f"action {action} is not known to this test")


def run_github_job(pipeline, job, steps, context, artifacts):
    failed = False
    for step in steps:
        condition = step.get("if")
        if condition not in (None, "always()"):
            raise ValueError(f"condition {condition!r} is not known to this test")
        if failed and condition != "always()":
            continue
        try:
            if "run" in step:
                pipeline.run_command(job, expand_github(step["run"], context), step.get("env"))
            else:
                github_action(job, step, context, artifacts)
        except StepFailed as failure:
            print(f"  step failed: {failure}")
            failed = True
    return not failed


def run_github(path, pipeline):
    workflow = yaml.safe_load(path.read_text())
    jobs = workflow["jobs"]
    assert jobs["report"]["needs"] == "referee" and jobs["report"]["if"] == "always()"
    artifacts = pipeline.directory / "artifacts"
    for name in ("referee", "report"):
        spec = jobs[name]
        (axis, values), = spec.get("strategy", {}).get("matrix", {"none": [None]}).items()
        for index, value in enumerate(values):
            context = {f"matrix.{axis}": value, "strategy.job-total": len(values),
                       "strategy.job-index": index}
            variables = {k: expand_github(v, context)
                         for k, v in {**workflow.get("env", {}), **spec.get("env", {})}.items()}
            job = pipeline.new_job(f"{name} {value or ''}", variables)
            try:
                if not run_github_job(pipeline, job, spec["steps"], context, artifacts):
                    raise StepFailed(f"job {name} {value} failed")
            finally:
                job.stop_server()
    check_shards(sorted(artifacts.glob("referee-results-*/results.json")), pipeline.catalogue)
    check_report(artifacts / "referee-report", "referee-report.html", "TEST-referee.xml")


# ---------------------------------------------------------------- GitLab CI

GITLAB_KEYWORDS = {"stages", "variables", "image", "default", "workflow", "include"}


def collect_gitlab_artifacts(job, artifacts, succeeded, store):
    if not artifacts or not (succeeded or artifacts.get("when") == "always"):
        return
    for pattern in artifacts.get("paths", []):
        matches = list(job.workspace.glob(pattern.rstrip("/")))
        if not matches:
            raise StepFailed(f"artifacts: nothing matches {pattern}")
        for match in matches:
            relative = match.relative_to(job.workspace)
            copy_into(match, store / (relative if match.is_dir() else relative.parent))
    junit = artifacts.get("reports", {}).get("junit")
    if junit:
        ElementTree.parse(job.workspace / junit)


def run_gitlab_job(pipeline, name, spec, variables, carried, stage_store):
    job = pipeline.new_job(name, variables)
    if carried.exists():
        copy_into(carried, job.workspace)
    succeeded = True
    try:
        for command in spec.get("before_script", []) + spec["script"]:
            pipeline.run_command(job, command)
    except StepFailed as failure:
        print(f"  job failed: {failure}")
        succeeded = False
    finally:
        job.stop_server()
    collect_gitlab_artifacts(job, spec.get("artifacts"), succeeded, stage_store)
    if not succeeded:
        raise StepFailed(f"job {name} failed")


def run_gitlab(path, pipeline):
    document = yaml.safe_load(path.read_text())
    jobs = {k: v for k, v in document.items() if k not in GITLAB_KEYWORDS and not k.startswith(".")}
    assert jobs["referee-report"]["when"] == "always"
    carried = pipeline.directory / "artifacts"
    for stage in document["stages"]:
        stage_store = pipeline.directory / f"stage-{stage}"
        for name, spec in jobs.items():
            if spec["stage"] != stage:
                continue
            count = spec.get("parallel", 1)
            for index in range(1, count + 1):
                variables = dict(document.get("variables", {}), **spec.get("variables", {}))
                if "parallel" in spec:
                    variables.update(CI_NODE_INDEX=index, CI_NODE_TOTAL=count)
                run_gitlab_job(pipeline, f"{name} {index}/{count}", spec, variables, carried, stage_store)
        if stage_store.exists():
            copy_into(stage_store, carried)
    check_shards(sorted(carried.glob("referee-results-*/results.json")), pipeline.catalogue)
    check_report(carried, "referee-report.html", "TEST-referee.xml")


# ---------------------------------------------------------------- Jenkins

SH_STEP = re.compile(r"""\bsh\s*\(?\s*(?:script:\s*)?(['"])(.+?)\1""")


def groovy(command, **values):
    return re.sub(r"\$\{(\w+)\}", lambda m: str(values[m.group(1)]), command)


def run_jenkins(jenkinsfile, script, pipeline):
    text = jenkinsfile.read_text()
    shards = int(re.search(r"def shards = (\d+)", text).group(1))
    parallel_part, report_part = text.split("stage('Report')")
    stash = pipeline.directory / "stash"
    for shard in range(1, shards + 1):
        job = pipeline.new_job(f"shard {shard}", {})
        copy_into(script, job.workspace / "ci")
        try:
            for _, command in SH_STEP.findall(parallel_part):
                pipeline.run_command(job, groovy(command, shard=shard, shards=shards))
        finally:
            job.stop_server()
        copy_into(job.workspace / f"referee-results-{shard}", stash / f"referee-results-{shard}")
    job = pipeline.new_job("report", {})
    copy_into(script, job.workspace / "ci")
    copy_into(stash, job.workspace)
    for _, command in SH_STEP.findall(report_part):
        pipeline.run_command(job, command)
    check_shards(sorted(stash.glob("referee-results-*/results.json")), pipeline.catalogue)
    check_report(job.workspace, "referee-report.html", "TEST-referee.xml")


# ---------------------------------------------------------------- main


def main():
    deb, templates = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        yaml.safe_load((templates / name).read_text())
        print(f"{name}: parses")
    skipped = []
    with tempfile.TemporaryDirectory(prefix="referee-ci-test.") as scratch:
        plays = [("github-actions.yml", lambda p: run_github(templates / "github-actions.yml", p)),
                 ("gitlab-ci.yml", lambda p: run_gitlab(templates / "gitlab-ci.yml", p)),
                 ("Jenkinsfile", lambda p: run_jenkins(templates / "Jenkinsfile", templates / "jenkins.sh", p))]
        for label, play in plays:
            directory = Path(scratch) / label
            directory.mkdir()
            try:
                play(Pipeline(directory, deb, label))
                print(f"{label}: every command ran and passed")
            except Skipped as skip:
                print(f"SKIPPED {skip}")
                skipped.append(str(skip))
            except StepFailed as failure:
                print(f"FAIL {label}: {failure}")
                return 1
    if skipped:
        print("\nSkipped, not faked (these commands need a referee with them):\n  " + "\n  ".join(skipped))
        return SKIP_RETURN_CODE
    return 0


if __name__ == "__main__":
    sys.exit(main())
