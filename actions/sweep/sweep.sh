#!/usr/bin/env bash
# Step 1 of the sweep action: build the verified cleanup branches and push them. Writes the JSON plan path to
# $GITHUB_OUTPUT as "plan". Exit 1 from flagsweep (some due flags could not be swept) is not a failure here:
# those flags are listed in the plan and the job log.
set -euo pipefail

read -r -a cmd <<<"${FLAGSWEEP:-npx --no-install flagsweep}"
plan="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/flagsweep-sweep-plan.json"
args=(sweep --push "${SWEEP_REMOTE:-origin}" --pr-dir "${SWEEP_PR_DIR:?SWEEP_PR_DIR is required}" --format json)
[ -n "${SWEEP_BASE:-}" ] && args+=(--base "$SWEEP_BASE")
[ -n "${SWEEP_PREFIX:-}" ] && args+=(--branch-prefix "$SWEEP_PREFIX")
[ -n "${SWEEP_STATUS:-}" ] && args+=(--status "$SWEEP_STATUS")
[ -n "${SWEEP_MAX:-}" ] && args+=(--max "$SWEEP_MAX")
[ -n "${SWEEP_GROUP_BY:-}" ] && args+=(--group-by "$SWEEP_GROUP_BY")
if [ -n "${SWEEP_ARGS:-}" ]; then
  read -r -a extra <<<"$SWEEP_ARGS"
  args+=("${extra[@]}")
fi

# A fresh runner has no git identity: commit as the Actions bot unless the workflow configured one.
if [ -z "$(git config user.email || true)" ] && [ -z "${GIT_AUTHOR_EMAIL:-}" ]; then
  export GIT_AUTHOR_NAME='github-actions[bot]' GIT_COMMITTER_NAME='github-actions[bot]'
  export GIT_AUTHOR_EMAIL='41898282+github-actions[bot]@users.noreply.github.com'
  export GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
fi

status=0
"${cmd[@]}" "${args[@]}" >"$plan" || status=$?
if [ "$status" -ge 2 ]; then
  echo "flagsweep sweep failed (exit $status)" >&2
  exit "$status"
fi
echo "plan=$plan" >>"${GITHUB_OUTPUT:-/dev/null}"
echo "flagsweep sweep: plan in $plan (exit $status)"
