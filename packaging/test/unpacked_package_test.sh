#!/usr/bin/env bash
# ctest package.unpacked_run: the Debian package, unpacked into a temporary root, runs on its
# own. Takes the package ctest's package.deb packed from the already built release tree (no
# rebuild), checks its Depends and layout, unpacks it with dpkg-deb -x, then runs `referee --version`, `list`, `validate` and `run` (built-in
# target) from the unpacked /usr with an empty environment and a working directory outside
# the source and build trees, and checks that referee says it used the unpacked data and
# fixture server and that no path into either tree appears in anything it printed or wrote.
#   unpacked_package_test.sh DEB BINARY_DIR SOURCE_DIR VERSION
set -euo pipefail
deb=$(realpath "$1")
binary_dir=$(realpath "$2")
source_dir=$(realpath "$3")
version=$4

fail() { echo "FAIL: $*" >&2; exit 1; }
scratch=$(mktemp -d /tmp/referee-package-test.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# 1. The file name tools/package promises.
[[ "$(basename "$deb")" == "referee_${version}_$(dpkg --print-architecture).deb" ]] ||
  fail "package file name $(basename "$deb")"

# 2. Depends, as dpkg-shlibdeps computed it from the binaries: the libraries they link.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libboost-json1.81 libxml2 libre2 libssl3 libfmt libpugixml libstdc++6 libc6; do
  [[ "$depends" == *"$library"* ]] || fail "Depends lacks $library: $depends"
done
# Everything under /usr.
outside=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '^\./usr/' | grep -v '^\./$' || true)
[ -z "$outside" ] || fail "files outside /usr: $outside"

# 3. Unpack, and run from elsewhere with nothing in the environment pointing anywhere.
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
work="$scratch/work"
mkdir -p "$work"
referee() {
  (cd "$work" && env -i HOME="$work" PATH=/usr/bin:/bin "$root/usr/bin/referee" "$@")
}

version_text=$(referee --version)
echo "$version_text"
grep -qx "referee $version" <<<"$version_text" || fail "--version does not start with referee $version"
grep -qx "data directory: $root/usr/share/referee (installed)" <<<"$version_text" ||
  fail "referee did not use the unpacked data directory"
grep -qx "fixture server: $root/usr/bin/referee-fixture-server" <<<"$version_text" ||
  fail "referee did not use the unpacked fixture server"
commit=$(sed -n 's/^commit: //p' <<<"$version_text")
[[ "$commit" =~ ^([0-9a-f]{40}(-dirty)?|unknown)$ ]] || fail "commit \"$commit\""
catalogue=$(sed -n 's/^catalogue: //p' <<<"$version_text")
[ "$catalogue" = "$(head -n1 "$source_dir/scenarios/VERSION")" ] || fail "catalogue \"$catalogue\""

referee list >"$work/list.txt"
scenarios=$(find "$root/usr/share/referee/scenarios" -path '*/schema' -prune -o -name '*.xml' -print |
            grep -vc '/requirements.xml$')
[ "$(wc -l <"$work/list.txt")" -eq "$scenarios" ] ||
  fail "list shows $(wc -l <"$work/list.txt") scenarios, the package holds $scenarios"

# The built-in target profiles (the fixture server's own configuration files sit beside them).
mapfile -t profiles < <(grep -l '<profile xmlns=' "$root"/usr/share/referee/fixtures/targets/*.xml)
[ "${#profiles[@]}" -ge 1 ] || fail "no built-in target profile in the package"
# Each one's launch program is in the package, found the way referee resolves it: the
# variables referee defines when installed, else relative to the profile's directory.
python3 - "$root" "${profiles[@]}" <<'PY' || fail "a built-in profile launches something the package lacks"
import os, re, sys
root, profiles = sys.argv[1], sys.argv[2:]
variables = {"REFEREE_DATA_DIR": f"{root}/usr/share/referee",
             "REFEREE_FIXTURE_SERVER": f"{root}/usr/bin/referee-fixture-server"}
for profile in profiles:
    launch = re.search(r'<launch\s+command="([^"]*)"', open(profile).read())
    if not launch:
        continue
    command = re.sub(r"\$\{(\w+)\}", lambda m: variables.get(m.group(1), m.group(0)), launch.group(1))
    if "/" in command and not os.path.isabs(command):
        command = os.path.normpath(os.path.join(os.path.dirname(profile), command))
    assert command.startswith(root + "/"), f"{profile}: launches {command}, outside the package"
    assert os.access(command, os.X_OK), f"{profile}: {command} is not an executable in the package"
    print(f"{os.path.basename(profile)} launches {command[len(root):]}")
PY
referee validate "$root/usr/share/referee/scenarios" "${profiles[@]}" >"$work/validate.txt" 2>&1 || { cat "$work/validate.txt" >&2; fail "validate"; }
if grep -v ': ok$' "$work/validate.txt"; then fail "validate printed more than ok lines"; fi

status=0
referee run --color never --out "$work/results" >"$work/run.txt" 2>&1 || status=$?
tail -n 3 "$work/run.txt"
[ "$status" -eq 0 ] || { cat "$work/run.txt" >&2; fail "run exited $status"; }
results="$work/results/results.json"
python3 - "$results" "$root" "$commit" "$catalogue" "$scenarios" <<'PY' || fail "results.json"
import json, sys
path, root, commit, catalogue, scenarios = sys.argv[1:]
run = json.load(open(path))
assert run["git_commit"] == commit, run["git_commit"]
assert run["catalogue_version"] == catalogue, run["catalogue_version"]
assert root + "/usr/share/referee/fixtures/targets/reference.xml" in run["target"], run["target"]
assert run["summary"]["scenarios"] == int(scenarios), run["summary"]
assert run["summary"]["fail"] == 0 and run["summary"]["error"] == 0, run["summary"]
assert any("READY" in line for line in run["launch_output"]), "the fixture server never announced itself"
PY

# 4. Nothing referee printed or wrote names the source or the build tree.
for tree in "$source_dir" "$binary_dir"; do
  if grep -rlF "$tree" "$work"; then fail "output above names $tree"; fi
done
echo "PASS: $deb runs from $root with $scenarios scenarios"
