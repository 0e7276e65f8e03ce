import type {FailureClass} from '../classify/classes.js';
import type {Inputs} from '../inputs/inputs.js';
import type {Policy} from '../inputs/policy.js';
import type {StrategyKind, StrategySpec} from '../inputs/strategy-spec.js';
import type {ProcessPort, ProcessResult} from '../ports/process.js';

/** What the chain knows about the machine before any attempt runs. */
export interface HostInfo {
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  readonly triple: string;
  /** Undefined on Windows. */
  readonly uid: number | undefined;
  readonly gid: number | undefined;
  readonly docker: DockerStatus;
  /** Whether a C cross compiler or linker for this target is configured or on PATH. */
  readonly hasCrossCompiler: (target: string) => boolean;
}

export type DockerStatus =
  | {readonly usable: true; readonly version: string}
  | {readonly usable: false; readonly reason: string};

/** One planned attempt: a strategy with its effective policy, image and flags, or the reason it is skipped. */
export interface AttemptPlan {
  readonly index: number;
  readonly spec: StrategySpec;
  readonly label: string;
  readonly policy: Policy;
  readonly target: string;
  readonly image?: string;
  /** maturin flags this strategy adds (`--manylinux 2014`, `--zig`). */
  readonly flags: readonly string[];
  readonly skipReason?: string;
  /** Why it is skipped: it cannot run here, a past run failed with it, or the preflight predicts failure. */
  readonly skipKind?: 'unavailable' | 'remembered' | 'predicted';
  /** For a remembered or predicted skip: the failure behind it. */
  readonly skipFailure?: {
    readonly class: FailureClass;
    readonly crates: readonly string[];
    readonly evidence: string;
  };
  readonly warning?: string;
}

export interface MaturinInfo {
  readonly path: string;
  readonly version: string;
  /** A statically linked binary can be mounted into any Linux container. */
  readonly isStatic: boolean;
}

export interface AttemptContext {
  readonly plan: AttemptPlan;
  readonly inputs: Inputs;
  readonly host: HostInfo;
  readonly maturin: MaturinInfo;
  /** The attempt's private scratch dir; wheels go to `${dir}/wheels`. */
  readonly dir: string;
  readonly wheelsDir: string;
  /** Full maturin argv after the program name. */
  readonly maturinArgs: readonly string[];
  readonly sccache: boolean;
  readonly processes: ProcessPort;
  readonly env: NodeJS.ProcessEnv;
  readonly onLine: (line: string) => void;
  readonly signal: AbortSignal;
}

export interface PlannedFields {
  readonly policy: Policy;
  readonly image?: string;
  readonly flags: readonly string[];
  readonly skipReason?: string;
  readonly warning?: string;
}

/** A way to build wheels. The chain only knows this interface, so a new kind plugs in without touching it. */
export interface Strategy {
  readonly kind: StrategyKind;
  plan(spec: StrategySpec, inputs: Inputs, host: HostInfo): PlannedFields;
  /** Runs the build to its end, or until ctx.signal aborts it; cleans up after itself either way. */
  run(ctx: AttemptContext): Promise<ProcessResult>;
}
