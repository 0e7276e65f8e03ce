import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {AttemptContext} from './strategy.js';

export interface HostToolchain {
  /** `rustc --print sysroot`: a self-contained toolchain that can be mounted read-only. */
  readonly sysroot: string;
  readonly cargoHome: string;
  /** `cargo fetch` succeeded, so the container can build with CARGO_NET_OFFLINE. */
  readonly fetched: boolean;
}

/** CARGO_HOME, or cargo's default ~/.cargo. */
export function cargoHomeOf(env: NodeJS.ProcessEnv): string {
  return env.CARGO_HOME || path.join(os.homedir(), '.cargo');
}

export function rustupEnv(env: NodeJS.ProcessEnv, toolchain: string): NodeJS.ProcessEnv {
  return toolchain ? {...env, RUSTUP_TOOLCHAIN: toolchain} : env;
}

/** maturin's `-m/--manifest-path`, which cargo fetch needs too. */
export function manifestArgs(args: readonly string[]): string[] {
  const i = args.findIndex((a) => a === '-m' || a === '--manifest-path');
  if (i >= 0 && args[i + 1]) return ['--manifest-path', args[i + 1]];
  const inline = args.find((a) => a.startsWith('--manifest-path='));
  return inline ? [inline] : [];
}

/**
 * The host's Rust toolchain for this target, with the project's crates fetched, when it has one.
 * Mounting it spares the container a rustup install and any download.
 */
export async function hostToolchain(ctx: AttemptContext, target: string): Promise<HostToolchain | undefined> {
  const env = rustupEnv(ctx.env, ctx.inputs.rustToolchain);
  const cwd = ctx.inputs.workingDirectory;
  if (ctx.inputs.rustupComponents.length > 0) {
    // The container mounts this toolchain read-only: the components go in here, first.
    const added = await ctx.processes.capture({
      argv: ['rustup', 'component', 'add', ...ctx.inputs.rustupComponents],
      cwd,
      env,
    });
    if (added.exitCode !== 0) {
      ctx.onLine(
        `maturin-fallback: rustup component add ${ctx.inputs.rustupComponents.join(' ')} failed on the host, so the container installs its own toolchain: ${(added.spawnError ?? added.stderr).trim().split('\n').pop()}`,
      );
      return undefined;
    }
  }
  const printed = await ctx.processes.capture({argv: ['rustc', '--print', 'sysroot'], cwd, env});
  const sysroot = printed.stdout.trim();
  if (printed.exitCode !== 0 || sysroot === '') return undefined;
  const cargo = path.join(sysroot, 'bin', 'cargo');
  if (!existsSync(cargo) || !existsSync(path.join(sysroot, 'lib', 'rustlib', target, 'lib')))
    return undefined;
  const cargoHome = cargoHomeOf(env);
  const fetch = await ctx.processes.capture({
    argv: [cargo, 'fetch', ...manifestArgs(ctx.inputs.args)],
    cwd,
    env: {...env, CARGO_HOME: cargoHome},
  });
  if (fetch.exitCode !== 0)
    ctx.onLine(
      `maturin-fallback: cargo fetch on the host failed; the container will need network: ${fetch.stderr.trim().split('\n').pop()}`,
    );
  return {sysroot, cargoHome, fetched: fetch.exitCode === 0};
}
