import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parse} from 'smol-toml';

/**
 * Which Python a container build is for. In the pypa images `python3` is not the runner's Python:
 * they ship `python3.X` interpreters, and maturin, given no `-i`, builds for `python3` only. A
 * non-abi3 project whose requires-python excludes that one fails with "Couldn't find any python
 * interpreters", for a reason no fallback should be needed for. So the container gets `-i python3.X`:
 * the runner's version when requires-python allows it and the image has it, else the newest the
 * image has that requires-python allows.
 */

export type PyVersion = readonly [number, number];

export interface ProjectPython {
  /** `[project] requires-python`, '' when unset. */
  readonly requiresPython: string;
  /** pyo3's abi3 (from Cargo.toml or [tool.maturin] features): one wheel for every Python. */
  readonly abi3: boolean;
}

function readToml(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const isAbi3Feature = (f: unknown) => typeof f === 'string' && /(?:^|\/)abi3(?:-py\d+)?$/.test(f);

export function projectPython(workdir: string): ProjectPython {
  const pyproject = readToml(path.join(workdir, 'pyproject.toml'));
  const project = pyproject?.project as {'requires-python'?: unknown} | undefined;
  const tool = (pyproject?.tool as {maturin?: {features?: unknown[]}} | undefined)?.maturin;
  const cargo = readToml(path.join(workdir, 'Cargo.toml'));
  const deps = cargo?.dependencies as Record<string, unknown> | undefined;
  const pyo3 = deps?.pyo3 as {features?: unknown[]} | string | undefined;
  const pyo3Features = typeof pyo3 === 'object' && Array.isArray(pyo3.features) ? pyo3.features : [];
  return {
    requiresPython: typeof project?.['requires-python'] === 'string' ? project['requires-python'] : '',
    abi3: pyo3Features.some(isAbi3Feature) || (tool?.features ?? []).some(isAbi3Feature),
  };
}

/** `-i`, `--interpreter`, `--find-interpreter` in the user's maturin args: their choice stands. */
export function choosesInterpreter(args: readonly string[]): boolean {
  return args.some((a) => /^(?:-i|--interpreter|--find-interpreter)(?:=|$)/.test(a) || /^-i\S/.test(a));
}

function cmp(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether a Python X.Y satisfies a PEP 440 specifier set such as `>=3.9`, `>=3.8,<3.13`, `~=3.10`,
 * `!=3.11.*`. Compared as X.Y (patch levels are not known for an image's python3.X). Unparseable
 * clauses allow everything: requires-python is maturin's to enforce, this only picks a candidate.
 */
export function allows(spec: string, version: PyVersion): boolean {
  return spec.split(',').every((raw) => clauseAllows(raw.trim(), version));
}

function clauseAllows(clause: string, have: PyVersion): boolean {
  const m = /^(~=|===|==|!=|<=|>=|<|>)\s*(\d+(?:\.\d+)*)(\.\*)?$/.exec(clause);
  if (!m) return true;
  const [, op, ver, star] = m;
  const want = ver.split('.').map(Number);
  const minor = cmp(have, want.slice(0, 2)); // X.Y against A.B (A.0 when only A is given)
  const patch = want[2] ?? 0;
  switch (op) {
    case '>=':
    case '>': // some X.Y.z is above A.B(.C) whenever X.Y >= A.B
      return minor >= 0;
    case '<=':
      return minor <= 0;
    case '<': // below A.B.C with C > 0 still admits A.B.0
      return minor < 0 || (minor === 0 && patch > 0);
    case '==':
    case '===':
      return want.length === 1 && star ? have[0] === want[0] : minor === 0;
    case '!=': // only A.B or A.B.* excludes the whole minor
      return want.length > 2 && !star ? true : minor !== 0;
    default: // ~=A.B: A.x with x >= B; ~=A.B.C: exactly A.B
      return want.length > 2 ? minor === 0 : have[0] === want[0] && minor >= 0;
  }
}

/** `python3.12` names (and /opt/python/cp312-cp312 dirs) in a listing → their versions, newest first. */
export function pythonsIn(listing: string): PyVersion[] {
  const found = new Map<string, PyVersion>();
  for (const m of listing.matchAll(/python(\d)\.(\d+)(?![\w.-])/g))
    found.set(`${m[1]}.${m[2]}`, [Number(m[1]), Number(m[2])]);
  for (const m of listing.matchAll(/\bcp(\d)(\d+)-cp\d+(?![\w])/g))
    found.set(`${m[1]}.${m[2]}`, [Number(m[1]), Number(m[2])]);
  return [...found.values()].filter((v) => v[0] === 3).sort((a, b) => cmp(b, a));
}

export interface PythonChoice {
  readonly version: PyVersion;
  /** How it was chosen, for the log line. */
  readonly why: string;
}

/** The runner's version when allowed and present, else the newest present that is allowed. */
export function choosePython(
  runner: PyVersion | undefined,
  available: readonly PyVersion[],
  requiresPython: string,
): PythonChoice | undefined {
  const spec = requiresPython ? `requires-python ${requiresPython}` : 'no requires-python';
  const has = (v: PyVersion) => available.some((a) => a[0] === v[0] && a[1] === v[1]);
  if (runner && has(runner) && allows(requiresPython, runner))
    return {version: runner, why: `the runner's python3 is ${runner.join('.')}; ${spec}`};
  const newest = available.find((v) => allows(requiresPython, v));
  if (!newest) return undefined;
  const runnerNote = runner
    ? allows(requiresPython, runner)
      ? `the runner's ${runner.join('.')} is not in the image`
      : `the runner's ${runner.join('.')} is outside ${spec}`
    : 'the runner has no python3';
  return {version: newest, why: `the newest the image has that ${spec} allows (${runnerNote})`};
}

/** A Python one-liner that prints its interpreter's X.Y. */
export const PY_VERSION = 'import sys; print("%d.%d" % sys.version_info[:2])';

/** `Python 3.11.2` or `3.11` → [3, 11]. */
export function parsePyVersion(text: string): PyVersion | undefined {
  const m = /(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}
