import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// When INTCHECK_JSON_REPORT names a file (as .ci/run does), vitest also writes its JSON report
// there, and .ci/run prints the "N passed, N failed" line from it.
const jsonReport = process.env.INTCHECK_JSON_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The binary and package tests run the compiled dist/: rebuilt first when a source is newer.
    globalSetup: ['test/support/builtPackage.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // vitest's default is one worker fewer than the cores: a single worker on the 2-core machine,
    // which ran the suite's files one after another with a core idle. One worker per core.
    maxWorkers: availableParallelism(),
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
