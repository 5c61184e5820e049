#!/usr/bin/env bash
# Releases one image tag to one environment's regions on AWS: `cdk diff`, then `cdk deploy` of the environment's stacks
# in those regions with the image tag, then waits for each region's ECS blue/green deployment and fails if it rolled
# back (scripts/ecs-wait-deployment.sh). Regions go one after the other, in the order given.
# Usage: scripts/cdk-release.sh ENVIRONMENT IMAGE_TAG REGION...
# Environment: SERVICE (service.name in cutover.yaml, default sample). Needs AWS credentials (the workflow's OIDC
# role), the .NET SDK, and the CDK CLI from node_modules (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -lt 3 ]; then
  echo "usage: $0 ENVIRONMENT IMAGE_TAG REGION..." >&2
  exit 2
fi
environment=$1 tag=$2
shift 2
service=${SERVICE:-sample}
root=$(pwd)
cdk="$root/node_modules/.bin/cdk"
[ -x "$cdk" ] || { echo "error: $cdk missing (npm ci)" >&2; exit 2; }

# us-east-1 -> use1, the ShortName the CDK app puts in stack and cluster names.
short() { local IFS=-; read -r a b c <<<"$1"; echo "${a}${b:0:1}${c}"; }

export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
for region in "$@"; do
  stacks="${service}-${environment}-*-$(short "$region")"
  echo "release: $environment $region ($stacks) image tag $tag" >&2
  (
    cd src/Cutover.Aws
    "$cdk" diff "$stacks" -c "cutover:environment=$environment" -c "cutover:imageTag=$tag"
    "$cdk" deploy "$stacks" -c "cutover:environment=$environment" -c "cutover:imageTag=$tag" \
      --require-approval never --progress events
  )
  "$root/scripts/ecs-wait-deployment.sh" "${service}-${environment}-$(short "$region")" "$service" "$region" "$tag"
done
