#!/usr/bin/env bash
# Pre-traffic smoke test: Cutover runs it against the test listener, which serves only the new version.
# Exits non-zero unless the home page and the readiness endpoint both answer 200.
set -euo pipefail

: "${CUTOVER_TEST_URL:?CUTOVER_TEST_URL is not set; Cutover sets it to the test listener URL}"
base="${CUTOVER_TEST_URL%/}"

for path in / /health/ready; do
  # -f turns any status of 400 or more into a failure; -w checks for exactly 200, since a 3xx would pass -f.
  status="$(curl -fsS --max-time 5 -o /dev/null -w '%{http_code}' "$base$path")"
  if [[ "$status" != "200" ]]; then
    echo "smoke: GET $base$path answered $status, expected 200" >&2
    exit 1
  fi
  echo "smoke: GET $base$path 200"
done
