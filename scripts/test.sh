#!/usr/bin/env bash
# The whole test suite: format, lint, types, then unit, integration (PGlite and a real
# PostgreSQL server) and browser tests in one node:test run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== format";    npx prettier --check . --log-level warn
echo "== lint";      npx eslint .
echo "== types";     npx tsc -p tsconfig.json --noEmit
echo "== web build"; npm run --silent build:web > /dev/null

# A throwaway PostgreSQL server for the integration layer, unless one is given.
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if source scripts/postgres-throwaway.sh; then
    trap postgres_throwaway_stop EXIT
  elif [ "${CI:-}" = "true" ]; then
    echo "CI=true: no PostgreSQL server could be started, and the integration layer needs one" >&2
    exit 1
  else
    echo "# no PostgreSQL server (initdb not found): the PostgreSQL half of the integration tests is skipped"
  fi
fi

mapfile -t files < <(find packages policies apps test e2e -name '*.test.ts' -not -path '*/node_modules/*' | sort)
echo "== tests (${#files[@]} files)"
log=$(mktemp)
status=0
node --import tsx --test --test-reporter=spec "${files[@]}" 2>&1 | tee "$log" || status=$?
# One plain closing line that any CI reader understands.
passed=$(grep -E '^ℹ pass [0-9]+' "$log" | tail -1 | awk '{print $3}')
failed=$(grep -E '^ℹ fail [0-9]+' "$log" | tail -1 | awk '{print $3}')
skipped=$(grep -E '^ℹ skipped [0-9]+' "$log" | tail -1 | awk '{print $3}')
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
