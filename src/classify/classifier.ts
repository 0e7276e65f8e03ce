import {ChunkScanner} from './chunk-scanner.js';
import {CLASS_PRIORITY, docsLink, ENVIRONMENT_CLASSES, type FailureClass, REMEDIES} from './classes.js';
import {
  CrateTracker,
  classOfCrate,
  type Evidence,
  evidenceLine,
  MAX_EVIDENCE_CHARS,
  PACKAGE_MARK_KEYS,
  packageMarksOf,
} from './crate-tracker.js';
import {normalizeLine} from './normalize.js';
import {
  crateTableClass,
  FATAL_MARKERS,
  KNOWN_CRATE_OUTPUT,
  MATURIN_WRAPPER_CAUSES,
  RULES,
  type Rule,
  SCAN_KEYS,
} from './rules.js';

/**
 * `high` when a rule names the cause outright (weight 3) or a failing crate the crate table knows
 * gave the class; `low` when only generic wording matched, and always for `unknown`.
 */
export type Confidence = 'high' | 'low';

/** One line that counted, for `classify --explain`. */
export interface Explained {
  /** 1-based index among the non-blank lines read. */
  readonly order: number;
  readonly line: string;
  /** The rule id, or `failed-build-script` / `could-not-compile` for cargo's crate lines. */
  readonly rule: string;
  readonly cls?: FailureClass;
  readonly weight?: number;
  readonly crate?: string;
}

const MAX_EXPLAINED = 500;

/** Per scan key: the package-line marks it stands for (crate-tracker.ts). */
const KEY_MARKS = Uint8Array.from(
  SCAN_KEYS.map((k) => PACKAGE_MARK_KEYS.reduce((m, [key, mark]) => (k.key === key ? m | mark : m), 0)),
);

/**
 * Classes whose evidence is the way another one shows itself: a blst signature (its symbols,
 * frames, ADX SIGILL) is the cause of the crash that shows it; a daemon or registry that cannot be
 * reached shows up as connection errors.
 */
const SUBSUMES: ReadonlyMap<FailureClass, readonly FailureClass[]> = new Map([
  ['blst-ckzg', ['import-crash']],
  ['docker-daemon', ['network']],
  ['docker-pull', ['network']],
]);

export interface Diagnosis {
  /** The primary class: the one that explains the failure best. */
  readonly cls: FailureClass;
  /** Every class found, primary first. */
  readonly classes: readonly FailureClass[];
  /** Every crate whose build failed, in the order cargo reported them. */
  readonly crates: readonly string[];
  /** The lines that prove it, primary first. */
  readonly evidence: readonly string[];
  readonly hint: string;
  readonly docs: string;
  readonly confidence: Confidence;
}

/** Classes that explain the whole build even when they show up inside one crate's output. */
const DOMINANT: ReadonlySet<FailureClass> = new Set([
  'disk-full',
  'oom',
  'docker-daemon',
  'docker-pull',
  'rustc-too-old',
]);
/**
 * Causes outside any crate's code: when a failing crate's own output names one outright (ring's
 * build script cannot find zig), it is the class, whatever the crate table says the crate usually
 * fails on.
 */
const TOOL_CAUSES: ReadonlySet<FailureClass> = new Set(['zig']);
const MATURIN_FAILED = /maturin failed/;
const MATURIN_CAUSE = /^\s*Caused by: (.*)$/;
const FAILURE_SEEN =
  /maturin failed|exit status: 101|warning: build failed|error: could not compile|failed to run custom build command|failed with exit code|Process completed with exit code [1-9]/;

function byPriority(a: FailureClass, b: FailureClass): number {
  return CLASS_PRIORITY.indexOf(a) - CLASS_PRIORITY.indexOf(b);
}

/**
 * A streaming build-log classifier: feed it lines (or raw chunks) as they arrive, and ask for the
 * diagnosis at any time. Memory stays bounded whatever the log size: it keeps a few evidence lines
 * per class and per crate, never the log. Pure: no I/O, no clock.
 */
export class LogClassifier {
  /** Evidence not tied to one failing build script. */
  private readonly global = new Map<FailureClass, Evidence>();
  private readonly perCrate = new Map<string, Map<FailureClass, Evidence>>();
  private readonly crates = new CrateTracker();
  /** Made on the first raw chunk: a classifier fed only whole lines (pushLine) never needs it. */
  private chunkScanner: ChunkScanner | undefined;
  /** Known crates whose output the scanner still looks for. */
  private unmentioned = new Set(SCAN_KEYS.flatMap((k) => (k.crate === undefined ? [] : [k.crate])));
  private awaitingMaturinCause = false;
  private failureSeen = false;
  private order = 0;
  private fatal = false;
  private readonly trail: Explained[] | undefined;

  /** With `explain`, keeps (up to 500 of) the lines that counted: see `explanation`. */
  constructor(options: {explain?: boolean} = {}) {
    this.trail = options.explain ? [] : undefined;
  }

  /** The lines that counted, in log order (empty unless made with `explain: true`). */
  get explanation(): readonly Explained[] {
    return this.trail ?? [];
  }

  /** True once a line has appeared after which the build cannot succeed. */
  get sawFatalLine(): boolean {
    return this.fatal;
  }

  private get scanner(): ChunkScanner {
    this.chunkScanner ??= new ChunkScanner(
      SCAN_KEYS.map((k) => k.key),
      {
        onLine: (line, keys) => this.scannedLine(line, keys),
        onSkipped: (line) => this.skippedLine(line),
        skippedAbove: () => this.crates.blockIndentation,
      },
    );
    return this.chunkScanner;
  }

  /** Feeds a raw chunk of output (any split, any line ending). */
  write(chunk: string): void {
    this.scanner.push(Buffer.from(chunk, 'utf8'));
  }

  /** Feeds raw bytes (UTF-8, any split, any line ending). */
  writeBytes(chunk: Uint8Array): void {
    this.scanner.push(chunk);
  }

  /** Flushes a trailing partial line. */
  end(): void {
    this.chunkScanner?.end();
  }

  /**
   * Reads input straight into the scanner's buffer, like fs.readSync(fd, buffer, offset, length),
   * until `read` returns 0, and flushes the last line. The fastest way to classify a file.
   */
  readAll(read: (buffer: Buffer, offset: number, length: number) => number): void {
    while (this.scanner.fill(read));
    this.end();
  }

  /** A line the scanner picked out: `keys` are the ids of the SCAN_KEYS it holds. */
  private scannedLine(line: string, keys: ArrayLike<number>): void {
    // A line holds a key or three: gather their rules directly rather than sweep every rule.
    const rules: number[] = [];
    let read = false;
    let crateOutput = false;
    let marks = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = SCAN_KEYS[keys[i]];
      for (const r of key.rules) if (!rules.includes(r)) rules.push(r);
      read ||= key.rules.length > 0 || key.structural;
      crateOutput ||= key.crate !== undefined;
      marks |= KEY_MARKS[keys[i]];
    }
    if (read) {
      if (rules.length > 1) rules.sort((a, b) => a - b);
      this.pushLine(line, rules, marks);
    }
    if (crateOutput && KNOWN_CRATE_OUTPUT.test(line)) this.knownCrateLine(line);
  }

  /** Output of blst, ring…: remembered once per crate, in case nothing better turns up. */
  private knownCrateLine(raw: string): void {
    const line = normalizeLine(raw);
    this.crates.knownCrateOutput(line, this.order);
    // Once a crate's output has been seen, more of it tells nothing new: stop looking for it.
    const before = this.unmentioned.size;
    for (const crate of this.crates.mentioned) this.unmentioned.delete(crate);
    if (this.unmentioned.size === before) return;
    this.scanner.setKeys(
      SCAN_KEYS.flatMap((k, id) =>
        k.crate === undefined || this.unmentioned.has(k.crate) || k.rules.length > 0 || k.structural
          ? [{key: k.key, id}]
          : [],
      ),
    );
  }

  /** A line without any rule's key: it can only end a build script's error block. */
  private skippedLine(raw: string): void {
    const line = normalizeLine(raw);
    if (line.trim() !== '') this.crates.trackBlock(line, 0);
  }

  /**
   * Feeds one line; returns true when the line is fatal (see sawFatalLine). `candidates`, when the
   * scanner already knows which rules' keys the line holds, are their indexes in RULES, ascending;
   * `marks`, which package lines it can be (see PACKAGE_MARKS), from the same keys.
   */
  pushLine(raw: string, candidates?: readonly number[], marks?: number): boolean {
    const line = normalizeLine(raw);
    if (line.trim() === '') return false;
    this.order++;
    const failedBefore = this.trail ? this.crates.failed.length : 0;
    this.crates.trackBlock(line, marks ?? packageMarksOf(line));
    const crate = this.crates.attribute(line, this.order);
    if (this.trail) this.explainCrateLine(line, failedBefore);
    const rule = candidates ? firstMatch(candidates, line) : firstKeyedMatch(line);
    if (rule) this.record(rule, line, crate);
    else this.maturinCause(line, crate);
    if (!this.failureSeen && FAILURE_SEEN.test(line)) this.failureSeen = true;
    const fatal = FATAL_MARKERS.test(line) || (rule !== undefined && rule.weight >= 3);
    if (fatal) this.fatal = true;
    return fatal;
  }

  diagnose(): Diagnosis {
    const classes = this.collectClasses();
    const cls = classes[0] ?? 'unknown';
    return {
      cls,
      classes: classes.length > 0 ? classes : ['unknown'],
      crates: this.crates.failed,
      evidence: this.evidenceFor(classes),
      hint: REMEDIES[cls],
      docs: docsLink(cls),
      confidence: this.confidenceOf(cls),
    };
  }

  private confidenceOf(cls: FailureClass): Confidence {
    if (cls === 'unknown') return 'low';
    const namedByCrate = this.crates.failed.some(
      (c) => crateTableClass(c) !== undefined && this.crateClass(c) === cls,
    );
    const outright = [this.global.get(cls), ...[...this.perCrate.values()].map((m) => m.get(cls))].some(
      (e) => e?.weight === 3,
    );
    return namedByCrate || outright ? 'high' : 'low';
  }

  /** Records cargo's line naming a newly failed crate. */
  private explainCrateLine(line: string, failedBefore: number): void {
    const failed = this.crates.failed;
    if (failed.length === failedBefore) return;
    const crate = failed[failed.length - 1];
    const rule = line.includes('custom build command')
      ? 'failed-build-script'
      : line.includes('could not compile')
        ? 'could-not-compile'
        : 'crate-output-or-path';
    this.explain({order: this.order, line: line.trim(), rule, cls: crateTableClass(crate), crate});
  }

  private explain(entry: Explained): void {
    if (this.trail && this.trail.length < MAX_EXPLAINED) this.trail.push(entry);
  }

  private record(rule: Rule, line: string, crate: string | undefined): void {
    this.awaitingMaturinCause = this.awaitingMaturinCause && !MATURIN_CAUSE.test(line);
    const ev = evidenceLine(line, rule.weight, this.order);
    const attributed = crate !== undefined && this.crates.isFailedBuildScript(crate);
    this.explain({
      order: this.order,
      line: ev.line,
      rule: rule.id,
      cls: rule.cls,
      weight: rule.weight,
      crate: attributed ? crate : undefined,
    });
    if (!attributed || DOMINANT.has(rule.cls)) keepStrongest(this.global, rule.cls, ev);
    if (!attributed) return;
    let map = this.perCrate.get(crate);
    if (!map) {
      map = new Map();
      this.perCrate.set(crate, map);
    }
    keepStrongest(map, rule.cls, ev);
  }

  /** The first `Caused by:` after `maturin failed` is maturin's own reason, unless it only wraps cargo. */
  private maturinCause(line: string, crate: string | undefined): void {
    if (MATURIN_FAILED.test(line)) {
      this.awaitingMaturinCause = true;
      return;
    }
    const cause = MATURIN_CAUSE.exec(line);
    if (!this.awaitingMaturinCause || !cause) return;
    this.awaitingMaturinCause = false;
    if (MATURIN_WRAPPER_CAUSES.test(cause[1])) return;
    this.record(
      {id: 'maturin-cause', cls: 'maturin-config', weight: 1, keys: [], pattern: /$^/},
      line,
      crate,
    );
  }

  private collectClasses(): FailureClass[] {
    const found = new Set<FailureClass>();
    let unexplained = false;
    for (const crate of this.crates.failedBuildScripts()) {
      const cls = this.crateClass(crate);
      if (cls) found.add(cls);
      else unexplained = true;
    }
    for (const [cls, ev] of this.global) {
      if (ev.weight >= 2) found.add(cls);
    }
    // A build script that failed without saying why is a C build failure only when nothing else explains it.
    if (unexplained && found.size === 0) found.add('c-build');
    this.knownCratesFailedToCompile(found);
    for (const [cause, symptoms] of SUBSUMES) if (found.has(cause)) for (const s of symptoms) found.delete(s);
    if (found.size === 0 && this.failureSeen) {
      // No error text, but a known crate failed to compile or spoke in a failed build.
      for (const crate of [...this.crates.failed, ...this.crates.mentioned]) {
        const cls = classOfCrate(crate);
        if (cls) found.add(cls);
      }
    }
    if (found.size === 0) {
      for (const [cls, ev] of this.global) if (ev.weight === 1) found.add(cls);
    }
    return [...found].sort(byPriority);
  }

  /**
   * Rust errors inside a dependency the crate table knows (`could not compile \`blst\``) are that
   * crate's failure, not the project's code: they name its class instead of rust-compile.
   */
  private knownCratesFailedToCompile(found: Set<FailureClass>): void {
    const compiled = this.crates.failed.filter((c) => !this.crates.isFailedBuildScript(c));
    const named = compiled.map(classOfCrate);
    if (named.length === 0 || named.some((c) => c === undefined)) return;
    for (const cls of named) if (cls) found.add(cls);
    found.delete('rust-compile');
  }

  /**
   * A failed build script's class: the crate table's when it names one outright; otherwise the
   * strongest evidence in the crate's own output (librocksdb-sys failing on libclang is libclang),
   * then the table's c-build; undefined for an unknown crate whose output says nothing.
   */
  private crateClass(crate: string): FailureClass | undefined {
    const evidence = [...(this.perCrate.get(crate) ?? new Map<FailureClass, Evidence>())];
    evidence.sort(([ca, a], [cb, b]) => b.weight - a.weight || byPriority(ca, cb));
    const tool = evidence.find(([cls, e]) => e.weight === 3 && TOOL_CAUSES.has(cls));
    if (tool) return tool[0];
    return classOfCrate(crate) ?? evidence[0]?.[0] ?? crateTableClass(crate);
  }

  private evidenceFor(classes: readonly FailureClass[]): string[] {
    const lines: string[] = [];
    for (const cls of classes) {
      const best =
        strongest([this.global.get(cls), ...[...this.perCrate.values()].map((m) => m.get(cls))]) ??
        this.crateEvidence(cls) ??
        this.crates.mentionEvidence.get(cls);
      if (best && !lines.includes(best.line)) lines.push(best.line);
    }
    const failed = this.crates.failed;
    if (lines.length === 0 && failed.length > 0) {
      lines.push(
        `build of ${failed.join(', ')} failed (no error text in the log)`.slice(0, MAX_EVIDENCE_CHARS),
      );
    }
    return lines;
  }

  /** The strongest line of any kind from the crates whose failure gave this class (c-kzg's C error, say). */
  private crateEvidence(cls: FailureClass): Evidence | undefined {
    const crates = this.crates.failedBuildScripts().filter((c) => (this.crateClass(c) ?? 'c-build') === cls);
    return strongest(crates.flatMap((c) => [...(this.perCrate.get(c)?.values() ?? [])]));
  }
}

/** The first rule that holds a key of the line and matches it. */
function firstKeyedMatch(line: string): Rule | undefined {
  const lower = line.toLowerCase();
  return RULES.find((r) => r.keys.some((k) => lower.includes(k)) && r.pattern.test(line));
}

function firstMatch(candidates: readonly number[], line: string): Rule | undefined {
  for (const index of candidates) if (RULES[index].pattern.test(line)) return RULES[index];
  return undefined;
}

function strongest(candidates: readonly (Evidence | undefined)[]): Evidence | undefined {
  return candidates
    .filter((e): e is Evidence => e !== undefined)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)[0];
}

/** Keeps, per class, the strongest (then earliest) evidence line. */
function keepStrongest(map: Map<FailureClass, Evidence>, cls: FailureClass, ev: Evidence): void {
  const old = map.get(cls);
  if (!old || ev.weight > old.weight) map.set(cls, ev);
}

/** Classifies a whole log at once. */
export function classifyLog(text: string): Diagnosis {
  const classifier = new LogClassifier();
  classifier.write(text);
  classifier.end();
  return classifier.diagnose();
}

/** Whether a retry elsewhere is allowed after this diagnosis: every class found must be in the set. */
export function allowsFallback(
  diagnosis: Pick<Diagnosis, 'classes'>,
  fallbackOn: ReadonlySet<FailureClass>,
): boolean {
  return diagnosis.classes.every((c) => fallbackOn.has(c));
}

/**
 * The default `fallback-on`: environment problems, and `unknown`, so the chain stops only on positive
 * evidence that another environment cannot help (a Rust error, too old a rustc, no memory…).
 */
export const DEFAULT_FALLBACK_ON: ReadonlySet<FailureClass> = new Set([...ENVIRONMENT_CLASSES, 'unknown']);
