#!/usr/bin/env bash
# Runs every end-to-end script in this folder (each prints "ok" lines and exits non-zero on failure).
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0
passed=0
failed=0
for script in Tests/e2e/*.e2e.sh; do
  [ -e "$script" ] || continue
  echo "e2e: $script"
  if bash "$script"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
done
echo "e2e: $passed passed, $failed failed"
exit $status
