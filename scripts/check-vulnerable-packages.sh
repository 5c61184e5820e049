#!/usr/bin/env bash
# Fails when any project of the solution uses a NuGet package, direct or transitive, with a known vulnerability
# (the advisories of the configured sources, as `dotnet list package --vulnerable` reports them). Run after a restore.
# Prints each finding as "project: package version severity advisory". Exit 0 none, 1 findings or a failed check.
set -euo pipefail
cd "$(dirname "$0")/.."

report=$(mktemp)
trap 'rm -f "$report"' EXIT
dotnet list "${1:-Cutover.slnx}" package --vulnerable --include-transitive --format json >"$report"

problems=$(jq -r '[.problems[]? | "\(.project // "solution"): \(.text)"] | .[]' "$report")
if [ -n "$problems" ]; then
  echo "vulnerability check could not run:" >&2
  echo "$problems" >&2
  exit 1
fi

findings=$(jq -r '
  .projects[] as $project
  | $project.frameworks[]?
  | (.topLevelPackages[]?, .transitivePackages[]?)
  | select((.vulnerabilities // []) | length > 0)
  | . as $package
  | .vulnerabilities[]
  | "\($project.path): \($package.id) \($package.resolvedVersion) \(.severity) \(.advisoryurl)"' "$report" | sort -u)
if [ -n "$findings" ]; then
  echo "vulnerable packages:" >&2
  echo "$findings" >&2
  exit 1
fi
echo "no vulnerable packages in $(jq '.projects | length' "$report") projects"
