#!/usr/bin/env bash
# Scores Groundwork on the labelled benchmarks in ../shared/benchmarks (test split unless --split is given),
# and on the labelled drafts in ../shared/eval. Skips cleanly when ../shared is absent.
#   npm run eval -- [--split dev|test|all]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared"
if [ ! -d "$shared/benchmarks" ] || [ ! -d "$shared/eval" ]; then
  echo "skipped: no ../shared/benchmarks or ../shared/eval beside the project"
  exit 0
fi
split=test
[ "${1:-}" = "--split" ] && split=${2:?--split takes dev, test or all}
predictions=$(mktemp)
trap 'rm -f "$predictions"' EXIT
node "$root/dist/cli.cjs" eval "$shared"/benchmarks/*/cases.jsonl --out "$predictions"
node "$shared/benchmarks/score.mjs" "$predictions" --split "$split"
"$shared/eval/run.sh" "$root" | tail -n 1
