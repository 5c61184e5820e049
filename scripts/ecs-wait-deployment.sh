#!/usr/bin/env bash
# Waits for the newest ECS service deployment of a service to finish and fails unless it succeeded with the expected
# image: ECS-native blue/green rolls a release back on its alarms (or a failed pre-traffic hook), and this turns that
# rollback into a failed workflow job.
# Usage: scripts/ecs-wait-deployment.sh CLUSTER SERVICE REGION IMAGE_TAG [TIMEOUT_SECONDS (default 3600)]
# Exit codes: 0 deployed, 1 rolled back, stopped or another image is serving, 2 usage, 3 timed out.
# Needs the AWS CLI v2 (ecs list-service-deployments, describe-service-deployments) and jq. POLL_SECONDS (default 15).
set -euo pipefail

if [ "$#" -lt 4 ] || [ "$#" -gt 5 ]; then
  echo "usage: $0 CLUSTER SERVICE REGION IMAGE_TAG [TIMEOUT_SECONDS]" >&2
  exit 2
fi
cluster=$1 service=$2 region=$3 tag=$4 timeout=${5:-3600}
poll=${POLL_SECONDS:-15}
deadline=$(( $(date +%s) + timeout ))

while :; do
  arn=$(aws ecs list-service-deployments --region "$region" --cluster "$cluster" --service "$service" --max-results 1 \
    --output json | jq -r '.serviceDeployments[0].serviceDeploymentArn // empty')
  if [ -z "$arn" ]; then
    echo "ecs: $cluster/$service in $region has no deployment" >&2
    exit 1
  fi
  deployment=$(aws ecs describe-service-deployments --region "$region" --service-deployment-arns "$arn" --output json)
  status=$(jq -r '.serviceDeployments[0].status' <<<"$deployment")
  case "$status" in
    SUCCESSFUL)
      break
      ;;
    ROLLBACK_*|STOPPED|STOP_REQUESTED)
      reason=$(jq -r '.serviceDeployments[0].statusReason // "no reason given"' <<<"$deployment")
      alarms=$(jq -r '[.serviceDeployments[0].alarms.triggeredAlarmNames // [] | .[]] | join(", ")' <<<"$deployment")
      echo "ecs: $cluster/$service in $region: deployment $status (${reason}${alarms:+; alarms: $alarms})" >&2
      exit 1
      ;;
  esac
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "ecs: $cluster/$service in $region: deployment still $status after ${timeout}s" >&2
    exit 3
  fi
  echo "ecs: $cluster/$service in $region: $status" >&2
  sleep "$poll"
done

# Succeeded; make sure it succeeded with this release's image (a deploy that changed nothing also ends SUCCESSFUL).
task_definition=$(aws ecs describe-services --region "$region" --cluster "$cluster" --services "$service" --output json \
  | jq -r '.services[0].taskDefinition')
image=$(aws ecs describe-task-definition --region "$region" --task-definition "$task_definition" --output json \
  | jq -r '.taskDefinition.containerDefinitions[] | select(.name == "app") | .image')
if [ "${image##*:}" != "$tag" ]; then
  echo "ecs: $cluster/$service in $region serves $image, not tag $tag" >&2
  exit 1
fi
echo "ecs: $cluster/$service in $region: deployed $image"
