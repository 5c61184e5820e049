#!/usr/bin/env bash
# Checks that an image tag exists in an ECR repository before a rollback asks ECS to run it, and that the tag is a
# release tag (v* or main-<12 hex digits>), since it comes from a person's input.
# Usage: scripts/ecr-image-exists.sh REPOSITORY TAG REGION. Exit 0 found, 1 not found, 2 not a release tag.
set -euo pipefail

if [ "$#" -ne 3 ]; then
  echo "usage: $0 REPOSITORY TAG REGION" >&2
  exit 2
fi
repository=$1 tag=$2 region=$3
if ! [[ "$tag" =~ ^(v[0-9A-Za-z._-]{1,100}|main-[0-9a-f]{12})$ ]]; then
  echo "error: '$tag' is not a release image tag (v1.2.3 or main-0123456789ab)" >&2
  exit 2
fi
digest=$(aws ecr describe-images --region "$region" --repository-name "$repository" --image-ids "imageTag=$tag" \
  --query 'imageDetails[0].imageDigest' --output text 2>/dev/null || true)
if [ -z "$digest" ] || [ "$digest" = "None" ]; then
  echo "error: $repository:$tag is not in ECR in $region" >&2
  exit 1
fi
echo "ecr: $repository:$tag is $digest"
