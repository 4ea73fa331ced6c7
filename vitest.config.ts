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
    // Each worker evaluates the sources once for all the files it runs, rather than once per file
    // (vitest's default isolation): 11% of the suite's CPU time (335 s against 378 s, measured
    // 2026-12-06). So a test file must not rely on a module's state being fresh: the sources'
    // module-level state is only caches keyed by object identity (a property's last judged state,
    // say), right in any order of files, and a test that changes process.env or a global restores
    // it (a run with the files shuffled, --sequence.shuffle.files, passed).
    isolate: false,
    // The transformed sources are kept on disk (node_modules/.experimental-vitest-cache, keyed by
    // content), so a second run does not transform them again: a warm run's builds are cached.
    experimental: { fsModuleCache: true },
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
