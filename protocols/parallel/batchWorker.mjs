// Worker-thread entry of parallel checks (tinypool loads it): like cli/bin.mjs, it runs the
// TypeScript sources through tsx, then hands tinypool the task function of batchWorker.ts.
import { register } from 'tsx/esm/api';

register();
const { default: runBatchTask } = await import('./batchWorker.ts');
export default runBatchTask;
