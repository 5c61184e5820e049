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
# One test project at a time: several start whole platforms under load, and two of those side by side on 2 cores
# starve each other (a starting instance missed its start timeout in CI).
: > "$log"
status=0
for project in tests/*.Tests/*.Tests.csproj; do
  set +e
  dotnet test "$project" -c Release --no-build --verbosity minimal --logger trx \
    --results-directory artifacts/test-results "$@" 2>&1 | tee -a "$log"
  project_status=${PIPESTATUS[0]}
  set -e
  if [ "$project_status" -ne 0 ]; then
    status=$project_status
  fi
done

# One summary line per test project: "Passed!  - Failed:     0, Passed:   124, Skipped: ...".
summary=$(grep -aoE '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" || true)
passed=$(printf '%s\n' "$summary" | awk -F'Passed: +' 'NF > 1 {s+=$2} END {print s+0}')
failed=$(printf '%s\n' "$summary" | awk -F'Failed: +' 'NF > 1 {split($2, a, ","); s+=a[1]} END {print s+0}')
echo "${passed} passed, ${failed} failed"
exit "$status"
