/**
 * `npm run bench`: every benchmark in one process, so the ratios between them are measured under
 * the same conditions. Each benchmark is also runnable on its own (`npx tsx bench/<name>.ts`).
 */
import { benchCheckedStorm, printCheckedStorm } from './checkedStorm.ts';
import { benchControllerStep, printControllerStep } from './controllerStep.ts';
import { benchDutBridge, printDutBridge } from './dutBridge.ts';
import { benchExploreThroughput, printExploreThroughput } from './exploreThroughput.ts';
import { benchReferenceDevice } from './referenceDevice.ts';
import { benchBuild, benchRtlConform, printRtlConform } from './rtlConform.ts';
import { benchShrinkQuality, printShrinkQuality } from './shrinkQuality.ts';
import { spinCompare } from './spinCompare.ts';
import { benchStartup, printStartup } from './startup.ts';
import { benchSyscallDetect, benchSyscallThroughput, printSyscallBench } from './syscallStorm.ts';
import { printTable } from './table.ts';
import { benchUipiMutants, benchUipiThroughput, printUipiBench } from './uipiStorm.ts';
import { benchPublishedFinds, benchWakeupThroughput, printWakeupBench } from './wakeupStorm.ts';

printStartup(await benchStartup());
console.log();
printControllerStep(benchControllerStep());
console.log();
printTable(
  'reference device at the register level (median accesses/s)',
  ['preset', 'accesses/s'],
  benchReferenceDevice().map(([preset, rate]) => [preset, rate]),
);
console.log();
printCheckedStorm(benchCheckedStorm());
console.log();
printWakeupBench(benchWakeupThroughput(), benchPublishedFinds());
console.log();
printSyscallBench(benchSyscallThroughput(), benchSyscallDetect());
console.log();
printUipiBench(benchUipiThroughput(), benchUipiMutants());
console.log();
printDutBridge(await benchDutBridge());
console.log();
printRtlConform(await benchRtlConform(), benchBuild());
console.log();
printExploreThroughput(benchExploreThroughput());
console.log();
spinCompare();
console.log();
printShrinkQuality(benchShrinkQuality());
