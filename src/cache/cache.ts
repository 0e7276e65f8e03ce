import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Inputs} from '../inputs/inputs.js';
import {attemptTargetDir} from '../plan/target-dir.js';
import type {ProcessPort} from '../ports/process.js';
import type {Reporter} from '../ports/reporter.js';
import {cargoHomeOf, rustupEnv} from '../strategies/host-tools.js';
import type {AttemptPlan} from '../strategies/strategy.js';
import {findLock} from '../util/cargo-lock.js';

/** The cache service, behind a port so @actions/cache loads only when caching is on. */
export interface CachePort {
  available(): Promise<boolean>;
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** False when the service refused or failed (it logs why); a cache problem never throws here. */
  save(paths: string[], key: string): Promise<boolean>;
}

export const actionsCache: CachePort = {
  async available() {
    const cache = await import('@actions/cache');
    return cache.isFeatureAvailable();
  },
  async restore(paths, key, restoreKeys) {
    const cache = await import('@actions/cache');
    return cache.restoreCache(paths, key, restoreKeys);
  },
  async save(paths, key) {
    const cache = await import('@actions/cache');
    return (await cache.saveCache(paths, key)) !== -1;
  },
};

/** One cache entry: what it holds, its exact key and the prefixes that may stand in for it. */
export interface CacheEntry {
  readonly name: string;
  readonly paths: string[];
  readonly key: string;
  readonly restoreKeys: string[];
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Hash of the project's Cargo.lock ('nolock' without one). */
export function lockHash(workdir: string): string {
  const lock = findLock(workdir);
  return lock ? hash(readFileSync(lock, 'utf8')) : 'nolock';
}

export interface KeyContext {
  readonly inputs: Inputs;
  readonly env: NodeJS.ProcessEnv;
  readonly hostTriple: string;
  /** The runner's OS: caches never cross it. */
  readonly platform: NodeJS.Platform;
  /** `rustc -V` of the toolchain the build uses. */
  readonly toolchain: string;
  readonly lock: string;
}

/**
 * The cache version hashes the paths as given, so a path inside the workspace is given relative to
 * it (@actions/cache resolves it against GITHUB_WORKSPACE): the key survives a moved checkout.
 */
function workspaceRelative(dir: string, env: NodeJS.ProcessEnv): string {
  const ws = env.GITHUB_WORKSPACE;
  return ws && dir.startsWith(ws + path.sep) ? path.relative(ws, dir) : dir;
}

/** The cargo registry and git checkouts: shared by every strategy, keyed on Cargo.lock. */
export function registryEntry(k: KeyContext): CacheEntry {
  const home = cargoHomeOf(k.env);
  const prefix = `maturin-fallback-cargo-${k.platform}-`;
  return {
    name: 'cargo registry',
    paths: [
      path.join(home, 'registry', 'index'),
      path.join(home, 'registry', 'cache'),
      path.join(home, 'git', 'db'),
    ],
    key: `${prefix}${k.lock}`,
    restoreKeys: [prefix],
  };
}

/**
 * A strategy's own target dir, keyed on strategy, image, target, policy and toolchain, then the lock
 * file: a restore may fall back to an older lock of the same configuration, never to another one.
 */
export function targetEntry(k: KeyContext, plan: AttemptPlan): CacheEntry {
  const config = hash(
    [
      plan.label,
      plan.image ?? 'host',
      plan.target || k.hostTriple,
      plan.policy,
      k.toolchain,
      k.inputs.args.join(' '),
    ].join('\n'),
  );
  const prefix = `maturin-fallback-target-${k.platform}-${plan.target || k.hostTriple}-${config}-`;
  return {
    name: `${plan.label} target dir`,
    paths: [
      workspaceRelative(attemptTargetDir(k.inputs.workingDirectory, k.env, plan.label, plan.image), k.env),
    ],
    key: `${prefix}${k.lock}`,
    restoreKeys: [prefix],
  };
}

export interface CacheDeps {
  readonly port: CachePort;
  readonly processes: ProcessPort;
  readonly reporter: Reporter;
  readonly env: NodeJS.ProcessEnv;
}

/** `rustc -V` of the toolchain the build uses ('unknown' when it cannot be read). */
export async function rustcVersion(
  inputs: Inputs,
  processes: ProcessPort,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const rustc = await processes.capture({
    argv: ['rustc', '-V'],
    cwd: inputs.workingDirectory,
    env: rustupEnv(env, inputs.rustToolchain),
  });
  return rustc.stdout.trim() || 'unknown';
}

export async function keyContext(
  inputs: Inputs,
  hostTriple: string,
  deps: CacheDeps,
  platform: NodeJS.Platform = process.platform,
  /** `rustc -V` when the caller has read it already. */
  known?: string,
): Promise<KeyContext> {
  const toolchain = known ?? (await rustcVersion(inputs, deps.processes, deps.env));
  return {
    inputs,
    env: deps.env,
    hostTriple,
    platform,
    toolchain,
    lock: lockHash(inputs.workingDirectory),
  };
}

/** Restores what it can; a cache problem is never a build failure. Returns the keys that matched exactly. */
export async function restoreEntries(entries: readonly CacheEntry[], deps: CacheDeps): Promise<Set<string>> {
  const exact = new Set<string>();
  // The entries are independent (different paths): restore them at once, report in order.
  const results = await Promise.all(
    entries.map(async (e) => {
      try {
        return {matched: await deps.port.restore([...e.paths], e.key, [...e.restoreKeys])};
      } catch (err) {
        return {error: err instanceof Error ? err.message : String(err)};
      }
    }),
  );
  for (const [i, e] of entries.entries()) {
    const r = results[i];
    if ('error' in r) {
      deps.reporter.warning(`cache: could not restore ${e.name}: ${r.error}`);
      continue;
    }
    deps.reporter.info(
      r.matched ? `cache: restored ${e.name} from ${r.matched}` : `cache: no entry for ${e.name} (${e.key})`,
    );
    if (r.matched === e.key) exact.add(e.key);
  }
  return exact;
}

export async function saveEntries(
  entries: readonly CacheEntry[],
  skip: ReadonlySet<string>,
  deps: CacheDeps,
): Promise<void> {
  for (const e of entries) {
    if (skip.has(e.key)) {
      deps.reporter.info(`cache: ${e.name} is already cached as ${e.key}`);
      continue;
    }
    const ws = deps.env.GITHUB_WORKSPACE ?? process.cwd();
    if (!e.paths.some((p) => existsSync(path.resolve(ws, p)))) continue;
    try {
      if (await deps.port.save([...e.paths], e.key)) deps.reporter.info(`cache: saved ${e.name} as ${e.key}`);
      else deps.reporter.warning(`cache: could not save ${e.name} (${e.key}); the build is not affected`);
    } catch (err) {
      deps.reporter.warning(
        `cache: could not save ${e.name}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}
