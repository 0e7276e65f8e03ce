import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {CachePort} from '../cache/cache.js';
import type {AttemptRecord} from '../chain/attempt.js';
import type {FailureClass} from '../classify/classes.js';
import {allowsFallback} from '../classify/classifier.js';
import type {Inputs} from '../inputs/inputs.js';
import type {Reporter} from '../ports/reporter.js';
import type {AttemptPlan} from '../strategies/strategy.js';

/**
 * Memory of failures across runs: when a strategy failed for a reason another environment fixed,
 * and nothing that shapes the build has changed since, the next run skips it instead of paying for
 * it again. One small JSON record per (strategy, build shape), stored with the Actions cache.
 */

export const MEMORY_VERSION = 1;

/** Classes that say nothing about the next run: the network, a registry, the daemon. */
const NOT_REMEMBERED: readonly FailureClass[] = ['network', 'docker-pull', 'docker-daemon'];

/** Everything that, changed, must make the strategy be tried again. */
export interface BuildShape {
  readonly platform: string;
  readonly hostTriple: string;
  /** `rustc -V` of the toolchain the build uses. */
  readonly toolchain: string;
  readonly maturinVersion: string;
  /** Hash of Cargo.lock ('nolock' without one). */
  readonly lock: string;
  /** Hash of the project's pyproject.toml and Cargo.toml. */
  readonly manifests: string;
}

export interface MemoryRecord {
  readonly v: number;
  readonly strategy: string;
  readonly image?: string;
  /** The image's digest when the failing run knew it (informational: the key cannot wait for a pull). */
  readonly imageDigest?: string;
  readonly target: string;
  readonly policy: string;
  readonly toolchain: string;
  readonly maturinVersion: string;
  readonly lock: string;
  readonly class: FailureClass;
  readonly classes: readonly FailureClass[];
  readonly crates: readonly string[];
  readonly evidence: string;
  readonly runId: string;
  /** ISO date-time of the failing run. */
  readonly date: string;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The key prefix of one strategy's memory: every field that shapes its build. */
export function memoryPrefix(plan: AttemptPlan, inputs: Inputs, shape: BuildShape): string {
  const config = hash(
    [
      MEMORY_VERSION,
      plan.label,
      plan.image ?? 'host',
      plan.target || shape.hostTriple,
      plan.policy,
      shape.toolchain,
      shape.maturinVersion,
      shape.lock,
      shape.manifests,
      inputs.args.join(' '),
      inputs.dockerOptions.join(' '),
      inputs.beforeScriptLinux,
      inputs.rustupComponents.join(' '),
    ].join('\n'),
  );
  return `maturin-fallback-failmem-v${MEMORY_VERSION}-${shape.platform}-${config}-`;
}

/** Hash of pyproject.toml and Cargo.toml in the project directory. */
export function manifestsHash(workdir: string): string {
  const parts = ['pyproject.toml', 'Cargo.toml'].map((f) => {
    const file = path.join(workdir, f);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  });
  return hash(parts.join('\0'));
}

/** `remember-failures`: days a record stays valid; 0 turns memory off. */
export function rememberDays(value: string): number | undefined {
  if (value === '' || value === 'true') return 7;
  if (value === 'false') return 0;
  if (/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 365) return Number(value);
  return undefined;
}

/** Whether a failed attempt is worth remembering: a real, named cause that the fallback fixed. */
export function rememberable(a: AttemptRecord, fallbackOn: ReadonlySet<FailureClass>): boolean {
  if (a.outcome !== 'failed' || !a.class) return false;
  const classes = a.classes ?? [a.class];
  if (classes.some((c) => NOT_REMEMBERED.includes(c))) return false;
  if (a.class === 'unknown' && a.confidence !== 'high') return false;
  return allowsFallback({classes}, fallbackOn);
}

/** The reason a remembered strategy is skipped, naming the original failure and how to retry it. */
export function rememberedReason(r: MemoryRecord): string {
  const crates = r.crates.length > 0 ? ` [${r.crates.join(', ')}]` : '';
  return `remembered: failed with ${r.class}${crates} for this Cargo.lock on ${r.date.slice(0, 10)} in run ${r.runId}; set remember-failures: false to retry it`;
}

export function expired(r: MemoryRecord, days: number, now: number): boolean {
  const at = Date.parse(r.date);
  return Number.isNaN(at) || now - at > days * 86_400_000;
}

export interface MemoryDeps {
  readonly port: CachePort;
  readonly reporter: Reporter;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => number;
}

/**
 * Where a record lives while the cache moves it: inside the workspace, given to the cache relative
 * to it, so the cache version (which hashes the paths as given) survives a moved checkout.
 */
function recordPath(prefix: string, env: NodeJS.ProcessEnv): {relative: string; absolute: string} {
  const relative = path.join('.maturin-fallback-memory', `${hash(prefix)}.json`);
  return {relative, absolute: path.resolve(env.GITHUB_WORKSPACE || process.cwd(), relative)};
}

function cleanUp(env: NodeJS.ProcessEnv): void {
  rmSync(path.resolve(env.GITHUB_WORKSPACE || process.cwd(), '.maturin-fallback-memory'), {
    recursive: true,
    force: true,
  });
}

/** The newest valid record for this strategy and shape, if any. A cache problem is a warning, never a failure. */
export async function recall(
  prefix: string,
  days: number,
  deps: MemoryDeps,
): Promise<MemoryRecord | undefined> {
  const file = recordPath(prefix, deps.env);
  try {
    const matched = await deps.port.restore([file.relative], `${prefix}none`, [prefix]);
    if (!matched || !existsSync(file.absolute)) return undefined;
    const record = JSON.parse(readFileSync(file.absolute, 'utf8')) as MemoryRecord;
    if (record.v !== MEMORY_VERSION) return undefined;
    if (expired(record, days, deps.now())) {
      deps.reporter.info(
        `memory: ${record.strategy} failed with ${record.class} on ${record.date.slice(0, 10)}, more than ${days} day(s) ago: trying it again`,
      );
      return undefined;
    }
    return record;
  } catch (e) {
    deps.reporter.warning(
      `memory: could not read past failures: ${e instanceof Error ? e.message : String(e)}`,
    );
    return undefined;
  } finally {
    cleanUp(deps.env);
  }
}

export async function remember(prefix: string, record: MemoryRecord, deps: MemoryDeps): Promise<boolean> {
  const file = recordPath(prefix, deps.env);
  try {
    mkdirSync(path.dirname(file.absolute), {recursive: true});
    writeFileSync(file.absolute, `${JSON.stringify(record)}\n`);
    const key = `${prefix}${record.runId}-${deps.now()}`;
    if (!(await deps.port.save([file.relative], key))) {
      deps.reporter.warning(
        `memory: could not save the failure of ${record.strategy} (${key}); the next run will try it again`,
      );
      return false;
    }
    deps.reporter.info(
      `memory: ${record.strategy} failed with ${record.class}: the next run with this build skips it (${key})`,
    );
    return true;
  } catch (e) {
    deps.reporter.warning(
      `memory: could not save the failure of ${record.strategy}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return false;
  } finally {
    cleanUp(deps.env);
  }
}

/** A record for a failed attempt. */
export function recordOf(
  a: AttemptRecord,
  plan: AttemptPlan,
  shape: BuildShape,
  env: NodeJS.ProcessEnv,
  now: number,
  imageDigest?: string,
): MemoryRecord {
  return {
    v: MEMORY_VERSION,
    strategy: a.strategy,
    ...(plan.image ? {image: plan.image} : {}),
    ...(imageDigest ? {imageDigest} : {}),
    target: plan.target || shape.hostTriple,
    policy: plan.policy,
    toolchain: shape.toolchain,
    maturinVersion: shape.maturinVersion,
    lock: shape.lock,
    class: a.class ?? 'unknown',
    classes: a.classes ?? [a.class ?? 'unknown'],
    crates: a.crates ?? [],
    evidence: a.evidence ?? '',
    runId: env.GITHUB_RUN_ID || 'local',
    date: new Date(now).toISOString(),
  };
}
