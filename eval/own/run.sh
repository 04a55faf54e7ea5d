#!/usr/bin/env bash
# Checks one case folder of our own labelled drafts (eval/own/dev or, once, eval/own/holdout) with the
# project's CLI and scores the report with the shared eval's score.mjs.
# The sources are this folder's sources/ plus the public eval's sources (seed article + SummEdits articles,
# laid out by make-sources.mjs), so retrieval has to find the right article among ~30.
# Usage: eval/own/run.sh CASE_DIR [score.mjs options]     (build the project first: node scripts/build.mjs)
# The shared eval folder defaults to ../shared/eval beside the checkout; set SHARED_EVAL to use another.
# Set REPORT=FILE to keep the findings report (to read the messages behind a miss).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
shared=$(cd "${SHARED_EVAL:-$project/../shared/eval}" && pwd)
cases=$(cd "${1:?usage: run.sh CASE_DIR [score.mjs options]}" && pwd); shift
[ -f "$project/dist/cli.cjs" ] || { echo "dist/cli.cjs is missing: run node scripts/build.mjs first"; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
node "$shared/make-sources.mjs" "$work/sources" >/dev/null
for f in "$here"/sources/*.txt; do
  # A name clash would silently replace a public source and change what retrieval has to choose from.
  if [ -e "$work/sources/$(basename "$f")" ]; then echo "source name clash: $(basename "$f")"; exit 2; fi
  cp "$f" "$work/sources/"
done
set +e
(cd "$project" && npx --no-install groundwork check --no-cache --sources "$work/sources" --format json "$cases"/drafts/*.md) >"$work/report.json" 2>"$work/stderr"
code=$?
set -e
if [ "$code" -gt 1 ]; then echo "groundwork check exited $code:"; tail -20 "$work/stderr"; exit 1; fi
[ -z "${REPORT:-}" ] || cp "$work/report.json" "$REPORT"
node "$shared/score.mjs" "$cases" "$work/report.json" "$@"
