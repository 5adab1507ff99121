// Sums the Jest JSON reports in a folder and prints "N passed, N failed".
// A suite that failed to run (syntax error, crash) counts as one failure.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-results/jest';
let passed = 0;
let failed = 0;
let skipped = 0;
const files = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter(f => f.endsWith('.json'))
  : [];
for (const file of files) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(
    `${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ` +
      `${report.numRuntimeErrorTestSuites} suites failed to run`,
  );
}
if (files.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
