#!/usr/bin/env node
/**
 * The `intcheck` command as installed: package.json's `bin` is this file compiled
 * (dist/cli/bin.js), in the repository as in the published package, so both start the same way
 * and neither loads TypeScript at run time.
 */
import { main } from './main.ts';

process.exitCode = await main(process.argv);
