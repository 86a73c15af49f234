#!/usr/bin/env bash
# Runs every end-to-end script in this folder (each prints "ok" lines and exits non-zero on failure).
set -euo pipefail
cd "$(dirname "$0")/../.."
# The binary is resolved once here, not by every script: each `swift build --show-bin-path`
# leaves a /tmp/TemporaryDirectory.XXXXXX behind (the Swift driver's own leak,
# swiftlang/swift-driver#1720 and #2049), which added up to thousands over a day of runs.
if [ -z "${IPASN_BIN:-}" ]; then
  IPASN_BIN="$(swift build --show-bin-path 2>/dev/null)/ipasn"
  export IPASN_BIN
fi
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
