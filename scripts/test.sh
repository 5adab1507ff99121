#!/usr/bin/env bash
# README command 2: install what the tests need and run every test:
# type check, lint and import cycles, unit and integration tests (Jest, protocol-true test servers on
# loopback), then browser tests against the real app in headless Chromium.
# Ends with one line "N passed, N failed" summed from the runners' reports.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/toolchain.sh
set +e

results=test-results
rm -rf "$results/jest" && mkdir -p "$results/jest"
status=0
step() { echo; echo "==> $*"; }

step "Installing dependencies"
yarn install --immutable || exit 1

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  step "Installing Chromium from Debian's chromium package (browser tests)"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install Chromium"; status=1; }
fi

if ! command -v openssl >/dev/null; then
  step "Installing openssl (TLS test servers make their certificates with it)"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openssl >/dev/null || status=1
fi

if ! command -v vtysh >/dev/null && [ ! -x /usr/bin/vtysh ]; then
  step "Installing FRR from Debian's frr package (router/frr.conf is checked with vtysh --dryrun)"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq frr >/dev/null || status=1
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null; then
  step "Installing PostgreSQL and Redis from Debian (production boot test)"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  # Only the binaries are used: the test starts throw-away servers itself.
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql redis-server >/dev/null \
    || { echo "Could not install postgresql and redis-server"; status=1; }
fi

step "Type check"
yarn tsc || status=1

# A check counts in the summary like one test: check-<name>.json holds one
# passed or one failed, in the Jest report fields test-summary.mjs reads.
check() {
  local name=$1 passed=1 failed=0
  shift
  "$@" || { passed=0; failed=1; status=1; }
  printf '{"numPassedTests":%d,"numFailedTests":%d,"numRuntimeErrorTestSuites":0,"numPendingTests":0,"numTodoTests":0}\n' \
    "$passed" "$failed" >"$results/jest/check-$name.json"
}

step "Lint: ESLint with zero errors, no paths differing only in case, one major per library"
check lint yarn lint

step "Import cycles between files and between folders of plugins/*/src (madge)"
check cycles yarn lint:cycles

step "Copied code: no run of 6 lines or more repeated in plugins/*/src outside tests, fixtures and protos (jscpd)"
check dupes yarn lint:dupes

step "Unit and integration tests"
mkdir -p "$results/jest"
CI=true yarn backstage-cli repo test --json --outputFile="$PWD/$results/jest/unit.json" || status=1

step "Load and fault test (10 s; targets: no 5xx, answers within budget, no unhandled errors, RSS growth ≤ 300 MB)"
LOAD_SECONDS=10 LOAD_REPORT="$PWD/$results/jest/load.json" yarn test:load || status=1

step "Building the frontend for browser tests"
if yarn workspace app build >"$results/app-build.log" 2>&1; then
  step "Browser tests (headless Chromium)"
  mkdir -p "$results/jest"
  CI=true yarn workspace @internal/cilium-test-servers test:e2e \
    --json --outputFile="$PWD/$results/jest/e2e.json" || status=1
else
  tail -50 "$results/app-build.log"
  echo "The frontend build failed; browser tests not run"
  status=1
fi

node scripts/test-summary.mjs "$results/jest" || status=1
exit $status
