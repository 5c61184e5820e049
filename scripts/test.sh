#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test (unit and end to end on real
# HAProxy, Prometheus and service processes on 127.0.0.1). Ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Cutover.slnx -c Release --no-restore --verbosity quiet

mkdir -p artifacts
log=artifacts/test-output.txt
set +e
dotnet test Cutover.slnx -c Release --no-build --verbosity minimal --logger trx \
  --results-directory artifacts/test-results "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One summary line per test project: "Passed!  - Failed:     0, Passed:   124, Skipped: ...".
summary=$(grep -aoE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" || true)
passed=$(printf '%s\n' "$summary" | awk -F'Passed: +' 'NF > 1 {s+=$2} END {print s+0}')
failed=$(printf '%s\n' "$summary" | awk -F'Failed: +' 'NF > 1 {split($2, a, ","); s+=a[1]} END {print s+0}')
echo "${passed} passed, ${failed} failed"
exit "$status"
