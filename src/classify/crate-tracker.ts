import type {FailureClass} from './classes.js';
import {CRATE_TABLE, crateTableClass, type Weight} from './rules.js';

export interface Evidence {
  weight: Weight;
  line: string;
  order: number;
}

export const MAX_EVIDENCE_CHARS = 400;
const MAX_CRATES = 64;
const BUILD_SCRIPT_FAILED = /failed to run custom build command for `([A-Za-z0-9_.-]+) v[^`]*`/;
const COULD_NOT_COMPILE = /error: could not compile [`']([A-Za-z0-9_.-]+)[`']/;
// pip and uv building a Python package from source: its name can be in the crate table (ckzg).
const WHEEL_BUILD_FAILED =
  /(?:Building wheel for|Failed building wheel for|Failed to build) `?([A-Za-z0-9_.-]+?)`?(?: \(pyproject\.toml\) did not run successfully| @|$)/;
// npm building a native package from source: `npm ERR! path …/node_modules/c-kzg`.
const NPM_PACKAGE_FAILED = /npm ERR! path \S*[/\\]node_modules[/\\]([A-Za-z0-9_.-]+)\s*$/;
// Go names the package whose build failed above its errors: `# github.com/supranational/blst/bindings/go`.
const GO_PACKAGE_FAILED = /^# [\w.-]+\.[a-z]+\/[\w.-]+\/([\w.-]+)(?:\/\S*)?\s*$/;
// Go's own compile error (not cgo's C): `rb_tree.go:130:18: undefined: Message`.
const GO_UNDEFINED = /\.go:\d+:\d+: undefined: /;
const CRATE_OUTPUT = /^\s*warning: ([A-Za-z0-9_.-]+)@[0-9][^:\s]*: (.*)$/;
const ERRORISH =
  /\berror\b|\bError\b|ToolExecError|did not execute successfully|\*\*\* \[|cannot find|not found|undefined|panicked/;
// Where a failing compiler command or diagnostic points: a crate's registry source or its build output dir.
const REGISTRY_SOURCE = /[/\\]registry[/\\]src[/\\][^/\\]+[/\\]([A-Za-z0-9_.-]+?)-\d+\.\d+\.\d+[^/\\]*[/\\]/;
// The object a compiler writes (`-o`) or the archive ar creates (`cq`, `crs`).
const BUILD_OUT = /"(?:-o|cq|crs|rcs)" "[^"]*[/\\]build[/\\]([A-Za-z0-9_.-]+)-[0-9a-f]{16}[/\\]out[/\\]/;
// A git dependency's checkout: `.cargo/git/checkouts/c-kzg-4844-6f9b8d0c2fd7cfc0/4bf3c8b/…`.
const GIT_CHECKOUT = /[/\\]git[/\\]checkouts[/\\]([A-Za-z0-9_.-]+?)-[0-9a-f]{16}[/\\]/;

// A compiler's or assembler's diagnostic, located: `PATH:LINE[:COL]: [fatal ]error` (gcc, clang, gas's
// `Error:`) or MSVC's `PATH(LINE): error`. Where the file lies says whose build failed.
const DIAGNOSTIC_AT =
  /^\s*(?:cargo:warning=)?((?:[A-Za-z]:)?[^\s:()]+)(?::\d+(?::\d+)?:|\(\d+(?:,\d+)?\)\s*:)\s*(?:(?:fatal )?(?:error|Error)\b|undefined reference to |multiple definition of )/;
// The linker naming the object or archive member it cannot use: `ld: libblst.a(server.o): …`,
// `/usr/bin/ld: /tmp/c_kzg_4844-72668e.o: relocation …`. Only blst's and c-kzg's own names are read
// (rules.ts scans for each form, so a line is read the same whether fed whole or line by line).
const LINKER_OBJECT =
  /\bld(?:\.\w+)?: (?:[^\s:]*[/\\])?(?:lib(blst|ckzg|c_kzg)\.a\([^)]*\)|(c_kzg_4844)[-\w]*\.(?:o|obj)): /;
// cargo's build output dir of a crate: `target/release/build/ring-8f3c…/out/x86_64-mont-elf.S`.
const OUT_DIR = /[/\\]build[/\\]([A-Za-z0-9_.-]+)-[0-9a-f]{16}[/\\]out[/\\]/;
const KNOWN_NAMED_CRATES = CRATE_TABLE.filter((e) => e.cls !== 'c-build').flatMap((e) => e.crates);

// A directory named after a crate whose failure names a class, maybe versioned: vendored
// `…/blst/src/`, Go's `…/blst@v0.3.11/`. The first one on the path counts.
const NAMED_DIR = new RegExp(
  `[/\\\\](${KNOWN_NAMED_CRATES.map((c) => c.replace(/[.-]/g, '\\$&')).join('|')})(?:@v?\\d[\\w.+-]*|-\\d+(?:\\.\\d+)*[\\w.+-]*)?[/\\\\]`,
);
// blst's and c-kzg's C identifiers named in a compiler error (`call to undeclared function 'blst_sha256_init'`).
const C_IDENTIFIER = /['‘"`]_?(blst|c_kzg|ckzg)_\w+['’"`]/;

/** The crate a located compiler diagnostic's file belongs to, from its path. */
function diagnosticCrate(line: string): string | undefined {
  // Most diagnostics are in a project's own files: rule those out before parsing the location.
  const inOut = line.includes('out/') || line.includes('out\\');
  if (!inOut && !NAMED_DIR.test(line)) return undefined;
  const at =
    line.includes('rror') || line.includes('undefined reference') || line.includes('definition of')
      ? DIAGNOSTIC_AT.exec(line)
      : null;
  if (!at) return undefined;
  const out = inOut ? OUT_DIR.exec(at[1]) : null;
  if (out) return out[1];
  return NAMED_DIR.exec(at[1])?.[1];
}

/** blst or c-kzg, when a C compiler's error names one of their identifiers (not a Rust error). */
function identifierCrate(line: string): string | undefined {
  if (
    !(line.includes('blst_') || line.includes('kzg_')) ||
    /error\[E\d/.test(line) ||
    !/\berror\b/i.test(line)
  )
    return undefined;
  const id = C_IDENTIFIER.exec(line);
  return id ? blstOrKzg(id[1]) : undefined;
}

/** The crate a blst or c-kzg symbol or object prefix belongs to. */
function blstOrKzg(prefix: string): string {
  return prefix === 'blst' ? 'blst' : 'c-kzg';
}

/** blst or c-kzg, when the linker rejects one of their objects. */
function linkerObjectCrate(line: string): string | undefined {
  const o = line.includes('.a(') || line.includes('c_kzg_4844') ? LINKER_OBJECT.exec(line) : null;
  return o ? blstOrKzg(o[1] ?? o[2]) : undefined;
}

const NOT_SPACE = /\S/;

function indentOf(line: string): number {
  const at = line.search(NOT_SPACE);
  return at < 0 ? line.length : at;
}

/**
 * Which of cargo's, pip's, npm's and Go's package lines a line can be, from the lower-case marks
 * that each holds (the classifier's scan keys for them): a line without a mark skips that check.
 */
export const PACKAGE_MARKS = {
  buildScript: 1,
  compile: 2,
  wheel: 4,
  npm: 8,
  go: 16,
} as const;
export const PACKAGE_MARK_KEYS: readonly (readonly [string, number])[] = [
  ['custom build command', PACKAGE_MARKS.buildScript],
  ['could not compile', PACKAGE_MARKS.compile],
  ['wheel for ', PACKAGE_MARKS.wheel],
  ['failed to build ', PACKAGE_MARKS.wheel],
  ['npm err! path', PACKAGE_MARKS.npm],
  ['# github.com/', PACKAGE_MARKS.go],
];

/** The marks of a line read without the scanner (pushLine on its own). */
export function packageMarksOf(line: string): number {
  const lower = line.toLowerCase();
  let marks = 0;
  for (const [key, mark] of PACKAGE_MARK_KEYS) if (lower.includes(key)) marks |= mark;
  return marks;
}

/** The class a crate's failure names by itself: blst-ckzg, openssl, ring, libclang, python. */
export function classOfCrate(crate: string): FailureClass | undefined {
  const cls = crateTableClass(crate);
  return cls === 'c-build' ? undefined : cls;
}

export function evidenceLine(line: string, weight: Weight, order: number): Evidence {
  return {weight, line: line.trim().slice(0, MAX_EVIDENCE_CHARS), order};
}

/**
 * Which crates failed, and which crate each line speaks for: cargo's `failed to run custom build
 * command for` blocks (until the indentation returns), `warning: CRATE@VER:` build-script output,
 * and the source or output path in a failing compiler command.
 */
export class CrateTracker {
  private readonly failedList: string[] = [];
  private readonly buildScripts = new Set<string>();
  /** Known crates (ring, blst…) whose output appeared without an error in it. */
  readonly mentioned = new Set<string>();
  /** Their first output line: the last resort of evidence. */
  readonly mentionEvidence = new Map<FailureClass, Evidence>();
  private blockCrate: string | undefined;
  /** A Go package named by the header just read, until the next line says how it failed. */
  private goPackage: string | undefined;
  private blockIndent = 0;

  get failed(): string[] {
    return [...this.failedList];
  }

  get inBlock(): boolean {
    return this.blockCrate !== undefined;
  }

  /**
   * Inside a failed build script's block, the indentation a line must exceed to stay in it
   * (any line that does, and says nothing else, leaves the tracker as it is); otherwise -1.
   */
  get blockIndentation(): number {
    return this.blockCrate === undefined ? -1 : this.blockIndent;
  }

  /** A crate whose build script failed (as opposed to one that only failed to compile). */
  isFailedBuildScript(crate: string): boolean {
    return this.buildScripts.has(crate) && this.failedList.includes(crate);
  }

  failedBuildScripts(): string[] {
    return [...this.buildScripts].filter((c) => this.failedList.includes(c));
  }

  /** `marks`: which package lines this one can be (PACKAGE_MARKS); a line without any skips the checks. */
  trackBlock(line: string, marks: number): void {
    const started = marks & PACKAGE_MARKS.buildScript ? BUILD_SCRIPT_FAILED.exec(line) : null;
    if (started) {
      this.blockCrate = started[1];
      this.blockIndent = indentOf(line);
      this.addFailed(started[1], true);
      return;
    }
    const compiled = marks & PACKAGE_MARKS.compile ? COULD_NOT_COMPILE.exec(line) : null;
    if (compiled) this.addFailed(compiled[1], false);
    const wheel = marks & PACKAGE_MARKS.wheel ? WHEEL_BUILD_FAILED.exec(line) : null;
    if (wheel && crateTableClass(wheel[1]) !== undefined) this.addFailed(wheel[1], true);
    const npm = marks & PACKAGE_MARKS.npm ? NPM_PACKAGE_FAILED.exec(line) : null;
    if (npm && crateTableClass(npm[1]) !== undefined) this.addFailed(npm[1], true);
    const go = marks & PACKAGE_MARKS.go ? GO_PACKAGE_FAILED.exec(line) : null;
    if (go && crateTableClass(go[1]) !== undefined) {
      this.addFailed(go[1], true);
      this.goPackage = go[1];
    } else if (this.goPackage !== undefined && line.trim() !== '') {
      // Go's own `undefined:` errors under the header: the package's Go code failed, its C never ran.
      if (GO_UNDEFINED.test(line)) this.removeFailed(this.goPackage);
      this.goPackage = undefined;
    }
    if (this.blockCrate !== undefined && indentOf(line) <= this.blockIndent && !/^\s*Caused by:/.test(line)) {
      this.blockCrate = undefined;
    }
  }

  /** Which crate a line speaks for, if any. */
  attribute(line: string, order: number): string | undefined {
    const output = line.includes('warning: ') ? CRATE_OUTPUT.exec(line) : null;
    if (output) return this.crateOutput(output[1], output[2], line, order);
    if (this.blockCrate !== undefined) return this.blockCrate;
    const linked = linkerObjectCrate(line);
    if (linked) {
      this.addFailed(linked, true);
      return linked;
    }
    if (!ERRORISH.test(line)) return undefined;
    const located =
      (line.includes('" "') ? BUILD_OUT.exec(line) : null) ??
      (line.includes('registry') ? REGISTRY_SOURCE.exec(line) : null) ??
      (line.includes('checkouts') ? GIT_CHECKOUT.exec(line) : null);
    const crate = located?.[1] ?? diagnosticCrate(line) ?? identifierCrate(line);
    if (crate === undefined) return undefined;
    if (crateTableClass(crate) !== undefined || /cc-rs|ToolExecError|did not execute/.test(line))
      this.addFailed(crate, true);
    return crate;
  }

  /** A known crate's output line seen by the fast scan: recorded once per crate. */
  knownCrateOutput(line: string, order: number): void {
    const output = CRATE_OUTPUT.exec(line);
    if (output && !this.mentioned.has(output[1])) this.crateOutput(output[1], output[2], line, order);
  }

  private crateOutput(crate: string, message: string, line: string, order: number): string | undefined {
    if (ERRORISH.test(message)) {
      this.addFailed(crate, true);
      return crate;
    }
    this.mentioned.add(crate);
    const named = classOfCrate(crate);
    if (named && !this.mentionEvidence.has(named))
      this.mentionEvidence.set(named, evidenceLine(line, 1, order));
    return undefined;
  }

  private removeFailed(crate: string): void {
    this.buildScripts.delete(crate);
    const at = this.failedList.indexOf(crate);
    if (at >= 0) this.failedList.splice(at, 1);
  }

  private addFailed(crate: string, buildScript: boolean): void {
    if (buildScript) this.buildScripts.add(crate);
    if (!this.failedList.includes(crate) && this.failedList.length < MAX_CRATES) this.failedList.push(crate);
  }
}
