import {docsLink, type FailureClass} from '../classify/classes.js';
import {allowsFallback} from '../classify/classifier.js';
import {attemptLine} from '../report/lines.js';
import {STRATEGIES} from '../strategies/registry.js';
import type {AttemptPlan} from '../strategies/strategy.js';
import {backoffSeconds, sleep} from '../util/backoff.js';
import {type AttemptDeps, type AttemptRecord, runAttempt} from './attempt.js';

export interface ChainResult {
  readonly attempts: readonly AttemptRecord[];
  readonly winner?: AttemptRecord;
  /** The wheels came from a strategy other than the first one listed. */
  readonly fellBack: boolean;
  /** Why the first listed strategy did not give the wheels: `failed: blst-ckzg`, `skipped: …`, `remembered: …`, `predicted: …`. */
  readonly fallbackReason?: string;
  /** Class of the first failed attempt. */
  readonly failureClass?: FailureClass;
  /** Why the chain ended without wheels, in one line. */
  readonly failure?: string;
}

function skipped(plan: AttemptPlan): AttemptRecord {
  const kind = plan.skipKind === 'remembered' || plan.skipKind === 'predicted' ? plan.skipKind : 'skipped';
  const failure = plan.skipFailure;
  return {
    strategy: plan.label,
    kind: plan.spec.kind,
    policy: plan.policy,
    image: plan.image,
    outcome: kind,
    reason: plan.skipReason,
    ...(failure
      ? {class: failure.class, classes: [failure.class], crates: failure.crates, evidence: failure.evidence}
      : {}),
    durationSeconds: 0,
    files: [],
  };
}

/** Runs the attempts in order until one produces wheels or a failure that no fallback can fix. */
export async function runChain(plans: readonly AttemptPlan[], deps: AttemptDeps): Promise<ChainResult> {
  const attempts: AttemptRecord[] = [];
  const runnable = plans.filter((p) => !p.skipReason);
  let failure: string | undefined;
  for (const plan of plans) {
    if (plan.skipReason) {
      attempts.push(skipped(plan));
      deps.reporter.info(attemptLine(attempts[attempts.length - 1], undefined));
      continue;
    }
    if (plan.warning) deps.reporter.warning(plan.warning);
    const next = runnable[runnable.indexOf(plan) + 1];
    const isFirstRun = runnable[0] === plan;
    deps.reporter.startGroup(
      `Attempt ${plan.index + 1}/${plans.length}: ${plan.label}${plan.image ? ` in ${plan.image}` : ' on the host'}`,
    );
    let record: AttemptRecord;
    try {
      record = await runWithRetries(plan, deps, {
        sccache: deps.inputs.sccache && isFirstRun,
        canFallBack: next !== undefined,
      });
    } finally {
      deps.reporter.endGroup();
    }
    attempts.push(record);
    if (record.outcome === 'success') {
      deps.reporter.info(attemptLine(record, undefined));
      return chainResult(attempts, record);
    }
    const eligible = allowsFallback({classes: record.classes ?? ['unknown']}, deps.inputs.fallbackOn);
    deps.reporter.info(attemptLine(record, eligible ? (next?.label ?? null) : false));
    if (!eligible) {
      failure = `${record.strategy} failed with ${record.class}${record.crates?.length ? ` [${record.crates.join(', ')}]` : ''}, which fallback-on does not allow to fall back: ${record.evidence ?? 'no evidence line'} (see ${docsLink(record.class ?? 'unknown', deps.env)})`;
      break;
    }
    if (!next) break;
    deps.reporter.warning(`${record.strategy} failed (${record.class}); falling back to ${next.label}`);
  }
  return chainResult(attempts, undefined, failure);
}

/** A network failure is retried on the same strategy, with backoff, before the chain moves on. */
async function runWithRetries(
  plan: AttemptPlan,
  deps: AttemptDeps,
  opts: {sccache: boolean; canFallBack: boolean},
): Promise<AttemptRecord> {
  const tries = deps.inputs.retries + 1;
  for (let i = 1; ; i++) {
    const record = await runAttempt(plan, STRATEGIES[plan.spec.kind], deps, opts);
    if (record.outcome === 'success' || record.class !== 'network' || i >= tries) return record;
    const seconds = backoffSeconds(deps.inputs.retryDelaySeconds, i);
    deps.reporter.info(
      `↻ ${plan.label} hit a network error (${record.evidence}); retry ${i}/${tries - 1} in ${seconds}s`,
    );
    await sleep(seconds * 1000);
  }
}

/** Why an attempt that came before the winner gave no wheels, in a few words. */
export function fallbackReason(a: AttemptRecord): string {
  if (a.outcome === 'failed') return `failed: ${a.class ?? 'unknown'}`;
  if (a.outcome === 'remembered' || a.outcome === 'predicted') return a.reason ?? `${a.outcome}: ${a.class}`;
  return `skipped: ${a.reason ?? 'not runnable here'}`;
}

export function chainResult(
  attempts: AttemptRecord[],
  winner?: AttemptRecord,
  failure?: string,
): ChainResult {
  const failed = attempts.filter((a) => a.outcome === 'failed');
  const last = failed[failed.length - 1];
  const first = attempts[0];
  const fellBack = winner !== undefined && first !== undefined && first !== winner;
  return {
    attempts,
    winner,
    fellBack,
    ...(fellBack ? {fallbackReason: fallbackReason(first)} : {}),
    failureClass: failed[0]?.class,
    failure: winner
      ? undefined
      : (failure ??
        (last
          ? `every strategy failed; last: ${last.strategy} → ${last.class}: ${last.evidence ?? ''}`
          : `no strategy could run: ${attempts.map((a) => `${a.strategy} (${a.reason})`).join('; ')}`)),
  };
}
