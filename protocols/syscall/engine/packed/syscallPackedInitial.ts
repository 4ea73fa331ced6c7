/**
 * The packed syscall engine's initial node: the step judge's initial node of the model alone
 * (syscallJudge.ts `initial` without a runtime: the booted system, the controller ghost after the
 * boot writes, the syscall ghost) encoded as syscallPackedLayout.ts lays it out. Shared by the
 * JavaScript successor function (syscallPackedSuccessors.ts `initial`) and the wasm search's loader
 * (syscallWasmExplore.ts), which so needs no successor function of its own to start.
 */
import type { Config } from '../../../controller/model/config/config.ts';
import { bootedGhost } from '../../../wakeup/engine/bootGhost.ts';
import { initialSyscall, syscallBootWrites } from '../../model/boot.ts';
import { initialSyscallGhost } from '../../properties/ghost.ts';
import { encodeSyscallNode, type SyscallPackedLayout } from './syscallPackedLayout.ts';

/** Writes the initial node of the model on `cfg` (layout `L`) into `out` at byte 0 (see above). */
export function syscallPackedInitial(cfg: Config, L: SyscallPackedLayout, out: Uint8Array): void {
  const sys = initialSyscall(cfg);
  encodeSyscallNode(L, out, 0, sys, bootedGhost(cfg, syscallBootWrites(cfg)), initialSyscallGhost(cfg, sys));
}
