// npm test: bootstrap, then the unit specs and the e2e specs (one file at a time),
// then one summary line. Extra arguments go to jest, e.g. `npm test -- pipeline`.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bootstrap, ROOT } from './bootstrap.mjs';

await bootstrap();

const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let ok = true;
// --forceExit for the e2e run: a connection some library keeps open after its spec has closed
// everything it started must not hold CI until its time limit (jest still reports such handles).
for (const [project, flags] of [['unit', []], ['e2e', ['--runInBand', '--forceExit']]]) {
  const out = join(tmpdir(), `dramaguard-jest-${project}-${process.pid}.json`);
  const result = spawnSync(process.execPath, [jest, '--selectProjects', project, ...flags, '--json', `--outputFile=${out}`, '--passWithNoTests', ...extra], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    rmSync(out);
  } catch {
    failed += 1;
  }
  ok &&= result.status === 0;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
