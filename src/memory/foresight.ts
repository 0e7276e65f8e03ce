import {type CachePort, lockHash, rustcVersion} from '../cache/cache.js';
import type {ChainResult} from '../chain/run-chain.js';
import type {Inputs} from '../inputs/inputs.js';
import type {ProcessPort} from '../ports/process.js';
import type {Reporter} from '../ports/reporter.js';
import {
  findLock,
  type Prediction,
  predictedReason,
  predictFailures,
  predictionNotice,
  readLock,
} from '../preflight/preflight.js';
import type {AttemptPlan, HostInfo, MaturinInfo} from '../strategies/strategy.js';
import {
  type BuildShape,
  type MemoryDeps,
  manifestsHash,
  memoryPrefix,
  recall,
  recordOf,
  remember,
  rememberable,
  rememberedReason,
} from './memory.js';

/**
 * What the action knows before the first attempt: failures the preflight table predicts, and
 * failures a past run with the same build shape remembers. Either may skip a strategy, but never the
 * last one that can run: a prediction or a memory is not worth ending with no attempt at all.
 */
export interface Foresight {
  readonly plans: AttemptPlan[];
  readonly predictions: readonly Prediction[];
  readonly memory?: {readonly shape: BuildShape; readonly deps: MemoryDeps};
}

export interface ForesightDeps {
  readonly processes: ProcessPort;
  readonly reporter: Reporter;
  readonly env: NodeJS.ProcessEnv;
  readonly cache?: CachePort;
  readonly now: () => number;
  /** `rustc -V`, when the caller has started reading it. */
  readonly toolchain?: Promise<string>;
}

function hasLaterRunnable(plans: readonly AttemptPlan[], index: number): boolean {
  return plans.some((p) => p.index > index && !p.skipReason);
}

export async function lookAhead(
  input: readonly AttemptPlan[],
  inputs: Inputs,
  host: HostInfo,
  maturin: MaturinInfo,
  deps: ForesightDeps,
): Promise<Foresight> {
  const plans = [...input];
  if (inputs.command !== 'build') return {plans, predictions: []};

  let predictions: Prediction[] = [];
  if (inputs.preflight !== 'off') {
    const lock = findLock(inputs.workingDirectory);
    predictions = lock ? predictFailures(plans, inputs, readLock(lock)) : [];
    for (const p of predictions) {
      deps.reporter.notice(predictionNotice(p));
      const plan = plans[p.planIndex];
      if (inputs.preflight !== 'skip' || plan.skipReason || !hasLaterRunnable(plans, p.planIndex)) continue;
      plans[p.planIndex] = {
        ...plan,
        skipReason: predictedReason(p),
        skipKind: 'predicted',
        skipFailure: {class: p.entry.cls, crates: [p.crate.name], evidence: p.entry.what},
      };
    }
  }

  const memory = await startMemory(inputs, host, maturin, deps);
  if (memory) {
    for (const plan of plans) {
      if (plan.skipReason || !hasLaterRunnable(plans, plan.index)) continue;
      const record = await recall(
        memoryPrefix(plan, inputs, memory.shape),
        inputs.rememberFailures,
        memory.deps,
      );
      if (!record) continue;
      plans[plan.index] = {
        ...plan,
        skipReason: rememberedReason(record),
        skipKind: 'remembered',
        skipFailure: {class: record.class, crates: record.crates, evidence: record.evidence},
      };
    }
  }
  return {plans, predictions, ...(memory ? {memory} : {})};
}

async function startMemory(
  inputs: Inputs,
  host: HostInfo,
  maturin: MaturinInfo,
  deps: ForesightDeps,
): Promise<Foresight['memory']> {
  if (inputs.rememberFailures === 0 || !deps.cache) return undefined;
  let available = false;
  try {
    available = await deps.cache.available();
  } catch {
    available = false;
  }
  if (!available) return undefined;
  const shape: BuildShape = {
    platform: host.platform,
    hostTriple: host.triple,
    toolchain: await (deps.toolchain ?? rustcVersion(inputs, deps.processes, deps.env)),
    maturinVersion: maturin.version,
    lock: lockHash(inputs.workingDirectory),
    manifests: manifestsHash(inputs.workingDirectory),
  };
  return {shape, deps: {port: deps.cache, reporter: deps.reporter, env: deps.env, now: deps.now}};
}

/** After a chain that fell back and built wheels: remember each failure the fallback fixed. */
export async function rememberFailures(
  foresight: Foresight,
  chain: ChainResult,
  inputs: Inputs,
): Promise<void> {
  const memory = foresight.memory;
  if (!memory || !chain.winner) return;
  for (const a of chain.attempts) {
    if (a === chain.winner) break;
    if (!rememberable(a, inputs.fallbackOn)) continue;
    const plan = foresight.plans.find((p) => p.label === a.strategy);
    if (!plan) continue;
    const record = recordOf(a, plan, memory.shape, memory.deps.env, memory.deps.now());
    await remember(memoryPrefix(plan, inputs, memory.shape), record, memory.deps);
  }
}

/** Predictions the run disproved: the attempt ran and did not fail the way the table said. */
export function missedPredictions(foresight: Foresight, chain: ChainResult): string[] {
  return foresight.predictions.flatMap((p) => {
    const a = chain.attempts.find((x) => x.strategy === p.strategy);
    if (!a || (a.outcome !== 'success' && a.outcome !== 'failed')) return [];
    if (a.outcome === 'failed' && (a.classes ?? [a.class]).includes(p.entry.cls)) return [];
    const what = a.outcome === 'success' ? 'it built wheels' : `it failed with ${a.class}`;
    return [
      `preflight predicted ${p.strategy} would fail with ${p.entry.cls} (${p.entry.id}, ${p.crate.name} ${p.crate.version}), but ${what}: the entry may not cover this image or version`,
    ];
  });
}
