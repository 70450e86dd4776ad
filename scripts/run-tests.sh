#!/usr/bin/env bash
# Runs node's test runner over every *.test.ts below the given folders (default: src test scripts).
# Node 20 has no glob support in --test, so the shell lists the files.
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(src test scripts)
mapfile -t files < <(find "${dirs[@]}" -name '*.test.ts' -not -path '*/node_modules/*' | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "no test files found in ${dirs[*]}" >&2
  exit 1
fi
exec node --import tsx --test --test-concurrency=2 "${files[@]}"
