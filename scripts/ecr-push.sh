#!/usr/bin/env bash
# Pushes the image built once by the workflow (a `docker save` tarball) to an environment's ECR repository under the
# release's tag. The repository's tags are immutable: a tag that is already there (a re-run) is left alone if it is the
# same image, and is an error if it is another one.
# Usage: scripts/ecr-push.sh IMAGE_TAR REGISTRY REPOSITORY TAG REGION
# Needs docker, the AWS CLI v2 and a registry login (aws-actions/amazon-ecr-login).
set -euo pipefail

if [ "$#" -ne 5 ]; then
  echo "usage: $0 IMAGE_TAR REGISTRY REPOSITORY TAG REGION" >&2
  exit 2
fi
tar=$1 registry=$2 repository=$3 tag=$4 region=$5

loaded=$(docker load --input "$tar" | sed -n 's/^Loaded image: //p' | head -n 1)
[ -n "$loaded" ] || { echo "error: $tar holds no tagged image" >&2; exit 1; }
local_id=$(docker image inspect --format '{{.Id}}' "$loaded")
target="$registry/$repository:$tag"

existing=$(aws ecr describe-images --region "$region" --repository-name "$repository" --image-ids "imageTag=$tag" \
  --query 'imageDetails[0].imageDigest' --output text 2>/dev/null || true)
if [ -n "$existing" ] && [ "$existing" != "None" ]; then
  docker pull --quiet "$target" >/dev/null
  if [ "$(docker image inspect --format '{{.Id}}' "$target")" != "$local_id" ]; then
    echo "error: $target already exists ($existing) and is another image; tags are immutable" >&2
    exit 1
  fi
  echo "ecr: $target already holds this image ($existing)"
  exit 0
fi

docker tag "$loaded" "$target"
docker push --quiet "$target"
echo "ecr: pushed $target"
