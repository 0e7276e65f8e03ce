import type {Inputs} from '../inputs/inputs.js';
import type {StrategySpec} from '../inputs/strategy-spec.js';
import {onPath} from '../plan/host.js';
import {rustTargets} from '../plan/platform.js';
import {attemptTargetDir} from '../plan/target-dir.js';
import {targetArch} from '../plan/targets.js';
import type {ProcessResult} from '../ports/process.js';
import {rustupEnv} from './host-tools.js';
import type {AttemptContext, HostInfo, PlannedFields, Strategy} from './strategy.js';

/** A target the host cannot build for without a cross toolchain. */
export function isCrossTarget(target: string, host: HostInfo): boolean {
  if (target === '' || target === host.triple) return false;
  // Xcode builds both macOS architectures (and universal2); MSVC on the runners has the arm64 and x86 tools.
  if (host.platform === 'darwin' && target.endsWith('-apple-darwin')) return false;
  if (host.platform === 'win32' && target.endsWith('-pc-windows-msvc')) return false;
  const os = (t: string) =>
    t.includes('linux') ? 'linux' : t.includes('darwin') ? 'darwin' : t.includes('windows') ? 'windows' : t;
  return targetArch(target) !== targetArch(host.triple) || os(target) !== os(host.triple);
}

/**
 * `native` with no policy passes no --manylinux at all: maturin audits the wheel and tags it with the
 * real manylinux_2_X of this host. `native:off` is the only way to get a linux_* tag, and it warns.
 */
export function planNative(spec: StrategySpec, inputs: Inputs, host: HostInfo): PlannedFields {
  const policy = spec.policy ?? 'auto';
  const flags = policy === 'auto' ? [] : ['--manylinux', policy];
  const warning =
    policy === 'off' && host.platform === 'linux'
      ? 'native:off builds linux_* wheels: PyPI rejects them. Use native (no policy) for an honest manylinux_2_X tag.'
      : undefined;
  if (isCrossTarget(inputs.target, host) && !host.hasCrossCompiler(inputs.target)) {
    return {
      policy,
      flags,
      warning,
      skipReason: `no cross compiler for ${inputs.target} on this ${host.triple} runner (zig or docker can build it)`,
    };
  }
  return {policy, flags, warning};
}

/** Runs before-script-linux, then maturin, on the host; an abort kills the whole process group. */
export async function runOnHost(
  ctx: AttemptContext,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ProcessResult> {
  const targetDir = attemptTargetDir(ctx.inputs.workingDirectory, ctx.env, ctx.plan.label);
  const env = {...rustupEnv(ctx.env, ctx.inputs.rustToolchain), CARGO_TARGET_DIR: targetDir, ...extraEnv};
  if (ctx.sccache && onPath('sccache', env))
    Object.assign(env, {RUSTC_WRAPPER: 'sccache', SCCACHE_GHA_ENABLED: 'true'});
  else if (ctx.sccache) ctx.onLine('maturin-fallback: sccache is not on PATH; building without it');
  const cwd = ctx.inputs.workingDirectory;
  const steps = hostSteps(ctx);
  let result: ProcessResult = {exitCode: 0, signal: null};
  for (const argv of steps) {
    if (ctx.signal.aborted) break;
    const running = ctx.processes.start({argv, cwd, env}, ctx.onLine);
    const onAbort = () => running.kill('SIGKILL');
    ctx.signal.addEventListener('abort', onAbort, {once: true});
    result = await running.done.finally(() => ctx.signal.removeEventListener('abort', onAbort));
    if (result.exitCode !== 0) break;
  }
  return result;
}

/**
 * What a host attempt runs, in order: before-script-linux (Linux only), rustup for another target's
 * std (universal2 is both macOS architectures) and for rustup-components, then maturin.
 */
export function hostSteps(
  ctx: Pick<AttemptContext, 'inputs' | 'host' | 'maturin' | 'maturinArgs'>,
): string[][] {
  const steps: string[][] = [];
  if (ctx.inputs.beforeScriptLinux.trim() !== '' && ctx.host.platform === 'linux') {
    steps.push(['bash', '-c', ctx.inputs.beforeScriptLinux]);
  }
  const target = ctx.inputs.target;
  if (target && target !== ctx.host.triple && ['build', 'publish'].includes(ctx.inputs.command))
    steps.push(['rustup', 'target', 'add', ...rustTargets(target)]);
  if (ctx.inputs.rustupComponents.length > 0)
    steps.push(['rustup', 'component', 'add', ...ctx.inputs.rustupComponents]);
  steps.push([ctx.maturin.path, ...ctx.maturinArgs]);
  return steps;
}

export const nativeStrategy: Strategy = {kind: 'native', plan: planNative, run: (ctx) => runOnHost(ctx)};
