import type {Inputs} from '../inputs/inputs.js';
import type {StrategySpec} from '../inputs/strategy-spec.js';
import {runOnHost} from './native.js';
import type {HostInfo, PlannedFields, Strategy} from './strategy.js';

/**
 * `maturin build --zig` on the host: zig links against an older glibc, so the wheel gets a real
 * manylinux tag without Docker, also for cross targets (given the Rust std for them).
 */
export function planZig(spec: StrategySpec, inputs: Inputs, host: HostInfo): PlannedFields {
  const fromInput = inputs.manylinux === 'auto' || inputs.manylinux === 'off' ? undefined : inputs.manylinux;
  const policy = spec.policy ?? fromInput ?? 'auto';
  const flags = ['--zig', ...(policy === 'auto' ? [] : ['--manylinux', policy])];
  const target = inputs.target || host.triple;
  if (!target.includes('linux'))
    return {policy, flags, skipReason: `zig builds Linux targets only (${target})`};
  if (target.startsWith('s390x')) return {policy, flags, skipReason: 'zig cannot link s390x'};
  if (host.platform === 'win32')
    return {policy, flags, skipReason: 'zig builds run on Linux and macOS runners here'};
  return {policy, flags};
}

export const zigStrategy: Strategy = {kind: 'zig', plan: planZig, run: (ctx) => runOnHost(ctx)};
