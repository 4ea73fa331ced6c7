// Worker-thread entry of parallel checks when intcheck runs from its TypeScript sources (tests,
// `tsx`): it registers tsx, then hands tinypool the task function of batchWorker.ts. The built
// package loads the compiled batchWorker.js instead (runBatches.ts picks), so tsx is needed only
// in development.
import { register } from 'tsx/esm/api';

register();
const { default: runBatchTask } = await import('./batchWorker.ts');
export default runBatchTask;
