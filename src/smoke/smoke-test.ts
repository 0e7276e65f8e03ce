import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import type {FailureClass} from '../classify/classes.js';
import {LogClassifier} from '../classify/classifier.js';
import {pythonProgram, venvPython} from '../plan/platform.js';
import {PY_VERSION} from '../plan/python.js';
import type {ProcessPort} from '../ports/process.js';
import {parseWheelName} from '../wheels/wheels.js';

export type SmokeMode = 'auto' | 'true' | 'false' | 'warn';

export interface SmokeResult {
  readonly status: 'passed' | 'failed' | 'skipped';
  /** The wheel the status is about (the failing one, or the first that passed). */
  readonly wheel?: string;
  /** Every wheel, each with the interpreter that tested it or why none could. */
  readonly wheels?: readonly WheelSmoke[];
  /** What was imported or run, or why it was skipped, or the failing line. */
  readonly detail: string;
  readonly cls?: FailureClass;
}

/**
 * Imports every top-level module a wheel installs (packages and extension modules at the root),
 * from an isolated interpreter so the project's sources cannot shadow the installed wheel.
 */
const IMPORT_ALL = `
import importlib, sys, zipfile
names = set()
for n in zipfile.ZipFile(sys.argv[1]).namelist():
    top = n.split("/")[0]
    if top.endswith((".dist-info", ".data")):
        continue
    if "/" in n:
        if n == top + "/__init__.py":
            names.add(top)
    elif n.endswith((".so", ".pyd")):
        names.add(n.split(".")[0])
    elif n.endswith(".py"):
        names.add(n[:-3])
if not names:
    print("no importable module in the wheel")
    sys.exit(3)
for m in sorted(names):
    importlib.import_module(m)
    print("imported", m)
`;

export interface SmokeOptions {
  readonly wheels: readonly string[];
  readonly mode: SmokeMode;
  readonly command: string;
  readonly dir: string;
  readonly processes: ProcessPort;
  readonly env: NodeJS.ProcessEnv;
  readonly onLine: (line: string) => void;
  /** The user's maturin args: their `-i` interpreters are candidates too. */
  readonly args?: readonly string[];
  /** Injected for tests of other runners; the real one by default. */
  readonly platform?: NodeJS.Platform;
}

/** What the smoke test did with one wheel. */
export interface WheelSmoke {
  readonly wheel: string;
  readonly status: 'passed' | 'failed' | 'not-tested';
  /** The interpreter that tested it. */
  readonly python?: string;
  readonly detail: string;
  readonly cls?: FailureClass;
}

const NOT_INSTALLABLE = /is not a supported wheel on this platform|requires a different Python/;

/** `cp312` → [3, 12]; `cp39-abi3` → abi3 from 3.9; `py3` → any Python 3. */
export interface WheelPython {
  readonly kind: 'exact' | 'abi3' | 'any' | 'other';
  readonly version?: readonly [number, number];
}

export function wheelPython(wheel: string): WheelPython {
  const parsed = parseWheelName(wheel);
  if (!parsed) return {kind: 'other'};
  const {python: py, abi} = parsed;
  const cp = /^cp(\d)(\d+)$/.exec(py.split('.')[0]);
  if (cp && abi === 'abi3') return {kind: 'abi3', version: [Number(cp[1]), Number(cp[2])]};
  if (cp) return {kind: 'exact', version: [Number(cp[1]), Number(cp[2])]};
  if (/^py3/.test(py)) return {kind: 'any'};
  return {kind: 'other'};
}

/** The values of `-i`/`--interpreter` in maturin args (`-i python3.11 /opt/py/bin/python`). */
export function interpreterArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const inline = /^(?:--interpreter=|-i=?)(.+)$/.exec(a);
    if (inline && a !== '-i') {
      out.push(inline[1]);
      continue;
    }
    if (a !== '-i' && a !== '--interpreter') continue;
    while (i + 1 < args.length && !args[i + 1].startsWith('-')) out.push(args[++i]);
  }
  return out;
}

/** Every interpreter the runner offers: `-i` values, python3.X on PATH, the tool cache, python3/python. */
function candidates(o: SmokeOptions, platform: NodeJS.Platform): string[] {
  const names: string[] = [...interpreterArgs(o.args ?? [])];
  // Windows has no python3.X programs: its interpreters come from -i, the tool cache and `python`.
  if (platform !== 'win32') for (let minor = 20; minor >= 6; minor--) names.push(`python3.${minor}`);
  const toolCache = o.env.RUNNER_TOOL_CACHE;
  if (toolCache) {
    const root = path.join(toolCache, 'Python');
    let versions: string[] = [];
    try {
      versions = readdirSync(root).filter((v) => /^3\.\d+\./.test(v));
    } catch {
      versions = [];
    }
    for (const v of versions) {
      for (const arch of ['x64', 'arm64', 'x86']) {
        const dir = path.join(root, v, arch);
        const exe = platform === 'win32' ? path.join(dir, 'python.exe') : path.join(dir, 'bin', 'python3');
        if (existsSync(exe)) names.push(exe);
      }
    }
  }
  names.push(pythonProgram(platform));
  return names;
}

/** Each candidate that runs, with its X.Y (one per version, the first found wins). */
async function interpreters(o: SmokeOptions, platform: NodeJS.Platform): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const py of candidates(o, platform)) {
    const r = await o.processes.capture({
      argv: [py, '-c', PY_VERSION],
      env: o.env,
    });
    const v = r.exitCode === 0 ? r.stdout.trim() : '';
    if (/^3\.\d+$/.test(v) && !found.has(v)) found.set(v, py);
  }
  return found;
}

const key = (v: readonly [number, number]) => `${v[0]}.${v[1]}`;

/** The interpreter a wheel needs: its exact X.Y, the oldest that abi3 allows, or any for py3. */
function matching(wheel: string, found: Map<string, string>): {python?: string; reason?: string} {
  const want = wheelPython(wheel);
  const versions = [...found.keys()].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  if (want.kind === 'exact' && want.version) {
    const python = found.get(key(want.version));
    return python
      ? {python}
      : {reason: `no Python ${key(want.version)} on this runner (found ${versions.join(', ') || 'none'})`};
  }
  if (want.kind === 'abi3' && want.version) {
    const min = want.version[1];
    const v = versions.find((x) => Number(x.split('.')[1]) >= min);
    return v
      ? {python: found.get(v)}
      : {reason: `no Python >= ${key(want.version)} on this runner (found ${versions.join(', ') || 'none'})`};
  }
  if (want.kind === 'any' && versions.length > 0) return {python: found.get(versions[versions.length - 1])};
  return {
    reason:
      want.kind === 'other' ? 'not a CPython wheel this test knows how to run' : 'no Python 3 on this runner',
  };
}

/**
 * Installs every wheel into a fresh venv of an interpreter that matches its tag, and imports its
 * modules (or runs smoke-command). A wheel with no matching interpreter is reported as not tested.
 */
export async function smokeTest(o: SmokeOptions): Promise<SmokeResult> {
  if (o.mode === 'false') return {status: 'skipped', detail: 'smoke-test: false'};
  const platform = o.platform ?? process.platform;
  const wheels = o.wheels.filter((w) => w.endsWith('.whl'));
  mkdirSync(o.dir, {recursive: true});
  const found = await interpreters(o, platform);
  const results: WheelSmoke[] = [];
  for (const [i, wheel] of wheels.entries()) {
    const match = matching(wheel, found);
    const result = match.python
      ? await testWheel(o, wheel, match.python, path.join(o.dir, `venv-${i}`), platform)
      : {wheel, status: 'not-tested' as const, detail: match.reason ?? 'no interpreter'};
    o.onLine(
      `smoke test: ${path.basename(wheel)}: ${result.status}${result.python ? ` with ${result.python}` : ''}: ${result.detail}`,
    );
    results.push(result);
  }
  return summarize(o.mode, results);
}

async function testWheel(
  o: SmokeOptions,
  wheel: string,
  python: string,
  venv: string,
  platform: NodeJS.Platform,
): Promise<WheelSmoke> {
  // No pip inside the venv (ensurepip costs seconds): the runner's pip installs into it with --python.
  const made = await o.processes.capture({argv: [python, '-m', 'venv', '--without-pip', venv], env: o.env});
  if (made.exitCode !== 0)
    return {
      wheel,
      python,
      status: 'not-tested',
      detail: `venv failed: ${lastLine(made.stderr || made.spawnError)}`,
    };
  const venvPy = venvPython(venv, platform);
  const pip = await installInto(o, python, venvPy, wheel, platform);
  if (pip.exitCode !== 0 && NOT_INSTALLABLE.test(pip.stderr))
    return {wheel, python, status: 'not-tested', detail: `pip: ${lastLine(pip.stderr)}`};
  if (pip.exitCode !== 0) return {wheel, python, ...failed(`${pip.stdout}\n${pip.stderr}`)};
  const env = {
    ...o.env,
    VIRTUAL_ENV: venv,
    PATH: `${path.dirname(venvPy)}${path.delimiter}${o.env.PATH ?? ''}`,
  };
  const argv = o.command ? ['bash', '-c', o.command] : [venvPy, '-I', '-c', IMPORT_ALL, wheel];
  const run = await o.processes.capture({argv, env, cwd: o.dir});
  const output = `${run.stdout}\n${run.stderr}`;
  for (const line of output.split('\n')) if (line.trim()) o.onLine(line);
  if (run.exitCode === 3 && !o.command)
    return {
      wheel,
      python,
      status: 'not-tested',
      detail: 'no importable module in the wheel (set smoke-command)',
    };
  if (run.exitCode !== 0)
    return {wheel, python, ...failed(run.signal ? `${output}\nkilled by ${run.signal}` : output)};
  return {wheel, python, status: 'passed', detail: o.command ? 'smoke-command passed' : lastLine(run.stdout)};
}

const PIP_INSTALL = ['install', '--no-deps', '--no-index', '--disable-pip-version-check', '--quiet'];

/**
 * pip >= 22.3 installs into another interpreter's env: the pip of the interpreter that made the venv
 * (or the runner's) does it. Without a usable pip there, the venv gets its own through ensurepip.
 */
async function installInto(
  o: SmokeOptions,
  base: string,
  venvPy: string,
  wheel: string,
  platform: NodeJS.Platform,
) {
  for (const pipPython of [base, pythonProgram(platform)]) {
    const pip = await o.processes.capture({
      argv: [pipPython, '-m', 'pip', '--python', venvPy, ...PIP_INSTALL, wheel],
      env: o.env,
    });
    if (pip.exitCode === 0 || NOT_INSTALLABLE.test(pip.stderr)) return pip;
    if (
      !/no such option: --python|No module named pip|spawn .* ENOENT/.test(
        `${pip.stderr}${pip.spawnError ?? ''}`,
      )
    )
      return pip;
  }
  await o.processes.capture({argv: [venvPy, '-m', 'ensurepip', '--default-pip'], env: o.env});
  return o.processes.capture({argv: [venvPy, '-m', 'pip', ...PIP_INSTALL, wheel], env: o.env});
}

/** One result for the step: failed if any wheel failed; passed if one passed; else skipped. */
export function summarize(mode: SmokeMode, wheels: readonly WheelSmoke[]): SmokeResult {
  const failedOne = wheels.find((w) => w.status === 'failed');
  const untested = wheels.filter((w) => w.status === 'not-tested');
  const passed = wheels.filter((w) => w.status === 'passed');
  const list = {wheels};
  if (failedOne)
    return {status: 'failed', wheel: failedOne.wheel, cls: failedOne.cls, detail: failedOne.detail, ...list};
  if (mode === 'true' && untested.length > 0)
    return {
      status: 'failed',
      cls: 'import-crash',
      wheel: untested[0].wheel,
      detail: `smoke-test: true, and ${path.basename(untested[0].wheel)} could not be tested: ${untested[0].detail}`,
      ...list,
    };
  if (passed.length > 0)
    return {
      status: 'passed',
      wheel: passed[0].wheel,
      detail: `${passed.length} of ${wheels.length} wheel(s) passed${untested.length ? `; not tested: ${untested.map((w) => `${path.basename(w.wheel)} (${w.detail})`).join('; ')}` : ''}`,
      ...list,
    };
  const reason = untested.length
    ? `no wheel could be tested here: ${untested.map((w) => `${path.basename(w.wheel)} (${w.detail})`).join('; ')}`
    : 'no wheel to test';
  return {status: 'skipped', detail: reason, ...list};
}

function failed(output: string): {status: 'failed'; cls: FailureClass; detail: string} {
  const classifier = new LogClassifier();
  classifier.write(output.replace(/killed by SIGILL/, 'Illegal instruction'));
  classifier.end();
  const d = classifier.diagnose();
  // Whatever stops a built wheel from importing is an import crash unless a more specific class names it.
  const cls = d.cls === 'unknown' ? 'import-crash' : d.cls;
  return {status: 'failed', cls, detail: d.evidence[0] ?? lastLine(output)};
}

function lastLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').pop() ?? '';
}
