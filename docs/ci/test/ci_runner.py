"""A small local stand-in for a CI service, enough to execute the docs/ci templates' own
commands on this machine: one fresh workspace and one fresh root per job (a fresh CI machine),
artifacts carried between jobs, and a sandbox instead of the network and the system:

  curl     copies the Referee package under test to the -o file (no network in tests);
  apt-get  `update` does nothing; `install` is simulated (apt-get -s still resolves every
           Depends against this Debian) and a local .deb is unpacked into the job's root,
           whose usr/bin is on PATH: the job then runs the package's own binaries.

Nothing else is replaced: every `run`/`script`/`sh` command of a template runs verbatim in
bash, except the vendor's own ci/start-imap-server, played by docs/ci/test/start-imap-server.
"""
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

CURL_SHIM = """#!/bin/sh
# curl in the CI template test: -o FILE gets the package under test; nothing leaves the machine.
out=""
while [ $# -gt 0 ]; do
  case "$1" in -o) out="$2"; shift ;; esac
  shift
done
[ -n "$out" ] || { echo "curl (test shim): only -o FILE URL is supported" >&2; exit 2; }
cp "$CI_TEST_DEB" "$out"
"""

APT_GET_SHIM = """#!/bin/sh
# apt-get in the CI template test: no network, no change to this machine.
case "$1" in
  update) echo "apt-get update: skipped in the test (no network)"; exit 0 ;;
  install) ;;
  *) echo "apt-get (test shim): only update and install are supported" >&2; exit 2 ;;
esac
shift
/usr/bin/apt-get -s install "$@" >"$CI_TEST_ROOT/apt-simulation.log" ||
  { cat "$CI_TEST_ROOT/apt-simulation.log" >&2; exit 100; }
for argument in "$@"; do
  case "$argument" in *.deb) dpkg-deb -x "$argument" "$CI_TEST_ROOT" ;; esac
done
"""


class StepFailed(Exception):
    pass


@dataclass
class Job:
    """One CI job on its own fresh machine: workspace, root, log."""
    name: str
    directory: Path
    deb: Path
    variables: dict = field(default_factory=dict)

    def __post_init__(self):
        self.workspace = self.directory / "workspace"
        self.root = self.directory / "root"
        shims = self.directory / "shims"
        for path in (self.workspace / "ci", self.root, shims):
            path.mkdir(parents=True)
        for name, text in (("curl", CURL_SHIM), ("apt-get", APT_GET_SHIM)):
            (shims / name).write_text(text)
            (shims / name).chmod(0o755)
        # The vendor's files in their repository: here the stand-in server script.
        shutil.copy(HERE / "start-imap-server", self.workspace / "ci" / "start-imap-server")
        self.environment = {
            "PATH": f"{shims}:{self.root}/usr/bin:/usr/bin:/bin",
            "HOME": str(self.workspace),
            "LANG": "C.UTF-8",
            "TMPDIR": str(self.directory),
            "CI_TEST_DEB": str(self.deb),
            "CI_TEST_ROOT": str(self.root),
        }

    def run(self, script, extra_variables=None):
        environment = dict(self.environment)
        environment.update({k: str(v) for k, v in self.variables.items()})
        environment.update({k: str(v) for k, v in (extra_variables or {}).items()})
        print("  $ " + "\n    ".join(script.strip().splitlines()), flush=True)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                cwd=self.workspace, env=environment, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=240)
        for line in (result.stdout + result.stderr).splitlines():
            print(f"    {line}")
        if result.returncode != 0:
            raise StepFailed(f"{self.name}: `{script.strip()}` exited {result.returncode}")

    def stop_server(self):
        """Stops the stand-in server by the process group id it recorded."""
        pid_file = self.workspace / "ci" / "imap-server.pid"
        if not pid_file.exists():
            return
        group = int(pid_file.read_text())
        try:
            os.killpg(group, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and is_running(group):
            time.sleep(0.05)
        if is_running(group):
            os.killpg(group, signal.SIGKILL)


def is_running(pid):
    """True while `pid` exists and is not a zombie waiting for its (adoptive) parent."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def copy_into(source, destination):
    """Copies a file or a directory's contents to destination (created)."""
    destination.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, destination, dirs_exist_ok=True)
    else:
        shutil.copy(source, destination / source.name)


@dataclass
class Features:
    """What the installed referee can do; the templates are written against branch reports."""
    shard: bool
    report: bool

    @staticmethod
    def of(job):
        referee = job.root / "usr" / "bin" / "referee"
        env = job.environment
        run_help = subprocess.run([referee, "run", "--help"], capture_output=True, text=True, env=env)
        report = subprocess.run([referee, "report", "--help"], capture_output=True, text=True, env=env)
        return Features(shard="--shard" in run_help.stdout, report=report.returncode == 0)

    def missing_for(self, command):
        """Why `command` cannot run with this referee, or None."""
        if ("--shard" in command or "jenkins.sh shard" in command) and not self.shard:
            return "`referee run --shard K/N` is not in this build (branch reports)"
        if ("referee report" in command or "jenkins.sh report" in command) and not self.report:
            return "`referee report` is not in this build (branch reports)"
        return None


class Skipped(Exception):
    """A template command needs a referee feature this build lacks: not run, not faked."""
