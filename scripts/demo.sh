#!/usr/bin/env bash
# The local demo: starts the platform from cutover.yaml, releases v2 as a canary under live traffic, switches a
# feature flag without a restart, lets the
# error-rate alarm roll back a version that fails 20% of its requests, shows a version that never becomes healthy
# being refused without moving traffic, aborts a release half way, rolls back, prints the audit trail and the
# alarms, and stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Cutover.slnx -c Release --no-restore --verbosity quiet

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }
trap './cutover down >/dev/null 2>&1 || true; kill "${load_pid:-0}" 2>/dev/null || true' EXIT

step "cutover up: HAProxy, Prometheus and v1 on two instances"
./cutover up --no-build
./cutover status
echo "web dashboard: http://127.0.0.1:7400/ (live release, traffic split, alarms, logs)" >&2

step "live traffic: a client calls the production listener in a loop"
prod="http://127.0.0.1:8080/"
( ok=0; failed=0; end=$((SECONDS + 600))
  while [ $SECONDS -lt $end ]; do
    if curl -fsS --max-time 5 -o /dev/null "$prod"; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
    printf '%s %s\n' "$ok" "$failed" > .cutover/demo-load
  done ) &
load_pid=$!

step "cutover deploy v2: canary 5 → 10 → 25 → 50 → 100 with smoke tests on the test listener"
./cutover deploy v2

step "feature flag new-greeting: switched on and off for every instance, no restart, no release"
./cutover flags
curl -fsS "$prod"; echo
./cutover flags set new-greeting on
sleep 1
curl -fsS "$prod"; echo
./cutover flags set new-greeting off

step "cutover deploy v3-errors: 20% of its requests fail; the error-rate alarm rolls it back on its own"
./cutover deploy v3-errors || echo "exit code $? (3 = rolled back)" >&2

step "cutover deploy v6-unready: never passes its readiness check, so no traffic moves"
./cutover deploy v6-unready || echo "exit code $? (1 = failed, nothing released)" >&2

step "cutover deploy v1 --no-wait, then abort half way"
./cutover deploy v1 --no-wait
sleep 8
./cutover status
./cutover abort
sleep 4

step "cutover rollback: back to the version before v2"
./cutover rollback || true

step "cutover history"
./cutover history
./cutover history --audit -n 40
./cutover status

kill "$load_pid" 2>/dev/null || true
read -r ok failed < .cutover/demo-load || true
step "live traffic during the demo: ${ok:-0} requests succeeded, ${failed:-0} failed (expected: the 5xx that v3-errors served to its canary share before the alarm rolled it back)"

step "cutover down"
./cutover down
