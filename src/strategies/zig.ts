import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Inputs} from '../inputs/inputs.js';
import type {StrategySpec} from '../inputs/strategy-spec.js';
import {onPath} from '../plan/host.js';
import type {ProcessResult} from '../ports/process.js';
import {runOnHost} from './native.js';
import type {AttemptContext, HostInfo, PlannedFields, Strategy} from './strategy.js';

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

const ZIGLANG_DIR = 'import os, ziglang; print(os.path.dirname(ziglang.__file__))';

async function ziglangIn(
  ctx: AttemptContext,
  python: string,
  extraPath?: string,
): Promise<string | undefined> {
  const env = extraPath ? {...ctx.env, PYTHONPATH: extraPath} : ctx.env;
  const r = await ctx.processes.capture({argv: [python, '-c', ZIGLANG_DIR], env});
  const dir = r.stdout.trim();
  return r.exitCode === 0 && dir && existsSync(path.join(dir, 'zig')) ? path.join(dir, 'zig') : undefined;
}

/**
 * Where zig is: on PATH; or the ziglang package next to maturin (`pip install maturin[zig]`) or in
 * python3; else installed from PyPI into a tool dir. maturin's zig driver takes CARGO_ZIGBUILD_ZIG_PATH.
 */
async function findZig(ctx: AttemptContext): Promise<string | undefined> {
  if (onPath('zig', ctx.env)) return 'zig';
  const sibling = path.join(path.dirname(ctx.maturin.path), 'python3');
  const found =
    (existsSync(sibling) ? await ziglangIn(ctx, sibling) : undefined) ?? (await ziglangIn(ctx, 'python3'));
  if (found) return found;
  const toolDir = path.join(
    ctx.env.RUNNER_TOOL_CACHE || ctx.env.RUNNER_TEMP || os.tmpdir(),
    'maturin-fallback-tools',
    'ziglang',
  );
  const installed = await ziglangIn(ctx, 'python3', toolDir);
  if (installed) return installed;
  ctx.onLine(`maturin-fallback: installing ziglang from PyPI into ${toolDir}`);
  const pip = await ctx.processes.capture({
    argv: ['python3', '-m', 'pip', 'install', '--disable-pip-version-check', '--target', toolDir, 'ziglang'],
    env: ctx.env,
  });
  if (pip.exitCode !== 0)
    ctx.onLine(`maturin-fallback: could not install ziglang: ${pip.stderr.trim().split('\n').pop()}`);
  return ziglangIn(ctx, 'python3', toolDir);
}

async function runZig(ctx: AttemptContext): Promise<ProcessResult> {
  const zig = await findZig(ctx);
  if (zig) ctx.onLine(`maturin-fallback: using zig at ${zig}`);
  return runOnHost(ctx, zig && zig !== 'zig' ? {CARGO_ZIGBUILD_ZIG_PATH: zig} : {});
}

export const zigStrategy: Strategy = {kind: 'zig', plan: planZig, run: runZig};
