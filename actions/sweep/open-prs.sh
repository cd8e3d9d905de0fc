#!/usr/bin/env bash
# Step 2 of the sweep action: for every pushed branch of the plan, open a pull request with its text and request
# the mapped reviewers, or update the open one. A closed or merged pull request for the branch is left alone:
# closing it is how a person says "keep this flag".
set -euo pipefail

plan="${1:?usage: open-prs.sh PLAN.json}"

# branch <TAB> base <TAB> title <TAB> body file <TAB> reviewers (comma-separated, gh form)
rows=$(node -e '
  const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const clean = (s) => String(s).replace(/[\t\r\n]+/g, " ");
  const base = (process.env.SWEEP_BASE || plan.base.ref).replace(/^(refs\/heads\/|refs\/remotes\/[^/]+\/|origin\/)/, "");
  for (const b of plan.branches) {
    if (b.state === "skipped" || !b.pushed || !b.prFile) continue;
    console.log([b.branch, base, clean(b.title), b.prFile, b.ghReviewers.join(",")].join("\t"));
  }
' "$plan")

[ -z "$rows" ] && { echo "flagsweep: no branch to open a pull request for"; exit 0; }

while IFS=$'\t' read -r branch base title body reviewers; do
  existing=$(gh pr list --head "$branch" --state all --json number,state --limit 1 </dev/null)
  read -r number state < <(node -e '
    const list = JSON.parse(process.argv[1] || "[]");
    console.log(list.length ? `${list[0].number} ${list[0].state}` : "- NONE");
  ' "$existing")
  reviewer_list=()
  [ -n "$reviewers" ] && IFS=',' read -r -a reviewer_list <<<"$reviewers"
  case "$state" in
    NONE)
      flags=()
      for r in "${reviewer_list[@]+"${reviewer_list[@]}"}"; do flags+=(--reviewer "$r"); done
      gh pr create --head "$branch" --base "$base" --title "$title" --body-file "$body" "${flags[@]+"${flags[@]}"}" </dev/null
      echo "flagsweep: opened a pull request for $branch"
      ;;
    OPEN)
      flags=()
      for r in "${reviewer_list[@]+"${reviewer_list[@]}"}"; do flags+=(--add-reviewer "$r"); done
      gh pr edit "$number" --title "$title" --body-file "$body" "${flags[@]+"${flags[@]}"}" </dev/null
      echo "flagsweep: updated pull request #$number for $branch"
      ;;
    *)
      echo "flagsweep: pull request #$number for $branch is $state: left alone"
      ;;
  esac
done <<<"$rows"
