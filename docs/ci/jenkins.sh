#!/bin/sh
# Referee in Jenkins, as plain shell; docs/ci/Jenkinsfile calls it from parallel stages.
# Copy to ci/jenkins.sh. The agent runs Debian 12 (the package needs Boost 1.81).
#
#   jenkins.sh install      install the package from $REFEREE_DEB_URL (root, or sudo)
#   jenkins.sh shard K N    run shard K of N against $REFEREE_TARGET into referee-results-K/
#   jenkins.sh report       merge referee-results-*/results.json into referee-report.html
#                           and TEST-referee.xml
#
# Exit status: 0 conformant, 1 not (or a scenario the harness could not judge), 2 usage or
# profile error, 3 the target could not be reached (`referee run --help`, README.md).
set -eu

: "${REFEREE_DEB_URL:=https://example.com/referee/referee_0.1.0_amd64.deb}"  # yours
: "${REFEREE_TARGET:=ci/referee-target.xml}"                                   # yours

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

case "${1:-}" in
  install)
    curl -fsSL -o referee.deb "$REFEREE_DEB_URL"
    as_root apt-get install -y -qq ./referee.deb
    referee --version
    ;;
  shard)
    [ $# -eq 3 ] || { echo "usage: $0 shard K N" >&2; exit 2; }
    referee run --target "$REFEREE_TARGET" --color never --shard "$2/$3" --out "referee-results-$2"
    ;;
  report)
    referee report referee-results-*/results.json --html referee-report.html --junit TEST-referee.xml
    ;;
  *)
    echo "usage: $0 install | shard K N | report" >&2
    exit 2
    ;;
esac
