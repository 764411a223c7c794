#!/usr/bin/env bash
# The whole test suite, in the order CI runs it: type checks, unit tests, production build, then the tests
# against real clients (the built task pane in Chromium, scored workbooks in LibreOffice).
# Ends with one line "N passed, N failed"; exits non-zero on any failure or when no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output
rm -f test-output/jest-unit.json test-output/jest-e2e.json

step_failed=0
run_step() { # name, command...
  local name=$1; shift
  echo "== $name" >&2
  if ! "$@"; then echo "!! $name failed" >&2; step_failed=$((step_failed + 1)); fi
}

run_step "typecheck" npx tsc --noEmit
run_step "typecheck (pure engine)" npx tsc --noEmit -p src/engine/tsconfig.json
run_step "unit tests" npx jest --ci --json --outputFile=test-output/jest-unit.json
run_step "build" npm run -s build
run_step "real-client tests" npx jest -c jest.e2e.config.js --ci --runInBand --json --outputFile=test-output/jest-e2e.json

node -e '
const fs = require("fs");
let passed = 0, failed = 0, broken = 0;
for (const f of ["test-output/jest-unit.json", "test-output/jest-e2e.json"]) {
  if (!fs.existsSync(f)) { broken++; continue; }
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests;
  broken += r.numRuntimeErrorTestSuites + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
}
const stepFailures = Number(process.argv[1]);
const totalFailed = failed + broken + stepFailures;
console.log(`${passed} passed, ${totalFailed} failed`);
process.exit(totalFailed > 0 || passed === 0 ? 1 : 0);
' "$step_failed"
