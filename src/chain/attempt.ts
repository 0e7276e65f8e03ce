import {mkdirSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {type FailureClass, TRANSIENT_CLASSES} from '../classify/classes.js';
import {allowsFallback, type Confidence, type Diagnosis, LogClassifier} from '../classify/classifier.js';
import {BLOCK_END_MARKERS} from '../classify/rules.js';
import type {Inputs} from '../inputs/inputs.js';
import {maturinArgv} from '../plan/planner.js';
import type {ProcessPort, ProcessResult} from '../ports/process.js';
import type {Reporter} from '../ports/reporter.js';
import type {AttemptPlan, HostInfo, MaturinInfo, Strategy} from '../strategies/strategy.js';
import {slug} from '../util/names.js';

/**
 * skipped: the strategy cannot run here (no daemon, no cross compiler); remembered: it failed in a
 * past run with this same build; predicted: the preflight table says it will fail (preflight: skip).
 */
export type Outcome = 'success' | 'failed' | 'skipped' | 'remembered' | 'predicted';

/** What one attempt did; this is what the `attempts` output lists. */
export interface AttemptRecord {
  readonly strategy: string;
  readonly kind: string;
  readonly policy: string;
  readonly image?: string;
  readonly outcome: Outcome;
  readonly exitCode?: number | null;
  readonly class?: FailureClass;
  readonly classes?: readonly FailureClass[];
  readonly crates?: readonly string[];
  readonly evidence?: string;
  /** high: a rule or a known failing crate names the cause; low: generic wording or unknown. */
  readonly confidence?: Confidence;
  readonly hint?: string;
  readonly reason?: string;
  readonly abortedEarly?: boolean;
  readonly durationSeconds: number;
  /** Seconds from the first fatal log line to the end of the attempt (container gone). */
  readonly fatalToEndSeconds?: number;
  /** Wheels and sdists in the attempt's private staging dir. */
  readonly files: readonly string[];
}

export interface AttemptDeps {
  readonly inputs: Inputs;
  readonly host: HostInfo;
  readonly maturin: MaturinInfo;
  readonly processes: ProcessPort;
  readonly reporter: Reporter;
  readonly env: NodeJS.ProcessEnv;
  readonly runDir: string;
  readonly now: () => number;
}

/** Quiet time after a fatal line before deciding: cargo prints its whole error block at once. */
const SETTLE_MS = 250;

function distFiles(dir: string): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.whl') || n.endsWith('.tar.gz'))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Watches the stream and aborts as soon as the failure is decided and a fallback is allowed. */
export class EarlyAbort {
  private timer: NodeJS.Timeout | undefined;
  firstFatalAt: number | undefined;
  aborted = false;

  constructor(
    private readonly classifier: LogClassifier,
    private readonly fallbackOn: ReadonlySet<FailureClass>,
    private readonly controller: AbortController | undefined,
    private readonly now: () => number,
    private readonly retries: number,
  ) {}

  onLine(line: string, fatal: boolean): void {
    if (fatal && this.firstFatalAt === undefined) this.firstFatalAt = this.now();
    if (!this.controller || this.aborted || !this.classifier.sawFatalLine) return;
    clearTimeout(this.timer);
    if (BLOCK_END_MARKERS.test(line)) this.decide();
    else this.timer = setTimeout(() => this.decide(), SETTLE_MS);
  }

  private decide(): void {
    if (this.aborted || !this.controller) return;
    const diagnosis = this.classifier.diagnose();
    // Transient failures get their retries first (a pull is retried inside the attempt).
    if (this.retries > 0 && diagnosis.classes.some((c) => TRANSIENT_CLASSES.includes(c))) return;
    // Mid-stream, unknown means "not decided yet": the decisive line may still come.
    if (diagnosis.cls === 'unknown') return;
    if (!allowsFallback(diagnosis, this.fallbackOn)) return;
    this.aborted = true;
    this.controller.abort();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

function spawnFailureLine(result: ProcessResult, argv0: string): string | undefined {
  if (!result.spawnError) return undefined;
  return /ENOENT/.test(result.spawnError) ? `${path.basename(argv0)}: command not found` : result.spawnError;
}

/** Runs one attempt in its own staging dir, streaming its log through the classifier. */
export async function runAttempt(
  plan: AttemptPlan,
  strategy: Strategy,
  deps: AttemptDeps,
  opts: {sccache: boolean; canFallBack: boolean},
): Promise<AttemptRecord> {
  const dir = path.join(deps.runDir, `attempt-${plan.index + 1}-${slug(plan.label)}`);
  rmSync(dir, {recursive: true, force: true});
  const wheelsDir = path.join(dir, 'wheels');
  mkdirSync(wheelsDir, {recursive: true});
  const classifier = new LogClassifier();
  const controller = new AbortController();
  const early = new EarlyAbort(
    classifier,
    deps.inputs.fallbackOn,
    deps.inputs.earlyAbort && opts.canFallBack ? controller : undefined,
    deps.now,
    deps.inputs.retries,
  );
  const started = deps.now();
  const onLine = (line: string) => {
    deps.reporter.info(line);
    early.onLine(line, classifier.pushLine(line));
  };
  const maturinArgs = maturinArgv(deps.inputs, plan, wheelsDir);
  const result = await strategy.run({
    plan,
    inputs: deps.inputs,
    host: deps.host,
    maturin: deps.maturin,
    dir,
    wheelsDir,
    maturinArgs,
    sccache: opts.sccache,
    processes: deps.processes,
    env: deps.env,
    onLine,
    signal: controller.signal,
  });
  early.stop();
  const ended = deps.now();
  const spawnLine = spawnFailureLine(result, plan.spec.kind === 'docker' ? 'docker' : deps.maturin.path);
  if (spawnLine) onLine(spawnLine);
  const files = distFiles(wheelsDir);
  const base = {
    strategy: plan.label,
    kind: plan.spec.kind,
    policy: plan.policy,
    image: plan.image,
    exitCode: result.exitCode,
    durationSeconds: (ended - started) / 1000,
    fatalToEndSeconds: early.firstFatalAt === undefined ? undefined : (ended - early.firstFatalAt) / 1000,
    abortedEarly: early.aborted,
  };
  // build and sdist write to --out; the other commands (list-python, upload, develop…) write nothing.
  const writesFiles = ['build', 'sdist'].includes(deps.inputs.command);
  if (
    result.exitCode === 0 &&
    !early.aborted &&
    (!writesFiles || files.some((f) => f.endsWith('.whl') || f.endsWith('.tar.gz')))
  ) {
    return {...base, outcome: 'success', files};
  }
  classifier.end();
  const diagnosis = classifier.diagnose();
  const noWheel = result.exitCode === 0 && !early.aborted;
  return {
    ...base,
    outcome: 'failed',
    files: [],
    ...failureFields(diagnosis, noWheel ? `maturin exited 0 but wrote nothing to ${wheelsDir}` : undefined),
  };
}

function failureFields(d: Diagnosis, override?: string) {
  return {
    class: d.cls,
    classes: d.classes,
    crates: d.crates,
    evidence: override ?? d.evidence[0],
    confidence: d.confidence,
    hint: d.hint,
  };
}
