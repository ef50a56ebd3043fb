#!/usr/bin/env node
// `npm test`: type check, then the unit, integration and end-to-end suites. Integration and e2e start
// their own PostgreSQL and Redis on free ports (or use DATABASE_URL / REDIS_URL). Ends with one line
// "Tests: N passed, N failed" summing every suite. Extra arguments go to every Jest run.
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const reports = mkdtempSync(join(tmpdir(), 'zilv-jest-'));
const extra = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep;

function run(label, command, args) {
  const started = Date.now();
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } });
  console.log(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0 && !failedStep) failedStep = label;
  return result.status === 0;
}

function suite(project, inBand) {
  const report = join(reports, `${project}.json`);
  const args = [jest, '--selectProjects', project, '--json', '--outputFile', report, ...(inBand ? ['--runInBand'] : []), ...extra];
  run(`${project} tests`, process.execPath, args);
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + (summary.numTodoTests ?? 0);
    if (summary.numRuntimeErrorTestSuites > 0) totals.failed += summary.numRuntimeErrorTestSuites;
  } catch {
    totals.failed += 1; // the suite did not even report
  }
}

run('type check', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
suite('unit', false);
run('build', process.execPath, [join(root, 'scripts', 'build.js')]);
suite('integration', true);
suite('e2e', true);
rmSync(reports, { recursive: true, force: true });

console.log('');
if (failedStep) console.log(`First failing step: ${failedStep}`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep || totals.failed > 0 ? 1 : 0);
