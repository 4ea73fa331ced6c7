// Worker-thread entry of the parallel explorer (engine/explore/parallel/parallelExplore.ts starts
// it): like cli/bin.mjs, it runs the TypeScript sources through tsx, then runs exploreWorker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./exploreWorker.ts');
