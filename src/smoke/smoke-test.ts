import {mkdirSync} from 'node:fs';
import path from 'node:path';
import type {FailureClass} from '../classify/classes.js';
import {LogClassifier} from '../classify/classifier.js';
import type {ProcessPort} from '../ports/process.js';

export type SmokeMode = 'auto' | 'true' | 'false' | 'warn';

export interface SmokeResult {
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly wheel?: string;
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
}

const NOT_INSTALLABLE = /is not a supported wheel on this platform|requires a different Python/;

/** Installs the first wheel pip accepts here into a fresh venv and imports it (or runs smoke-command). */
export async function smokeTest(o: SmokeOptions): Promise<SmokeResult> {
  if (o.mode === 'false') return {status: 'skipped', detail: 'smoke-test: false'};
  const venv = path.join(o.dir, 'smoke-venv');
  mkdirSync(o.dir, {recursive: true});
  // No pip inside the venv (ensurepip costs seconds): the runner's pip installs into it with --python.
  const made = await o.processes.capture({
    argv: ['python3', '-m', 'venv', '--without-pip', venv],
    env: o.env,
  });
  if (made.exitCode !== 0)
    return skipOrFail(
      o.mode,
      `no python3 with venv on this runner (${lastLine(made.stderr || made.spawnError)})`,
    );
  const python = path.join(venv, 'bin', 'python');
  for (const wheel of o.wheels.filter((w) => w.endsWith('.whl'))) {
    const pip = await installInto(o, python, wheel);
    if (pip.exitCode !== 0 && NOT_INSTALLABLE.test(pip.stderr)) continue;
    if (pip.exitCode !== 0) return failed(wheel, `${pip.stdout}\n${pip.stderr}`);
    return runCheck(o, wheel, venv, python);
  }
  return skipOrFail(o.mode, 'no wheel can be installed on this runner (other platform or Python)');
}

const PIP_INSTALL = ['install', '--no-deps', '--no-index', '--disable-pip-version-check', '--quiet'];

/** pip >= 22.3 installs into another interpreter's env; an older pip gets ensurepip'd into the venv. */
async function installInto(o: SmokeOptions, python: string, wheel: string) {
  const pip = await o.processes.capture({
    argv: ['python3', '-m', 'pip', '--python', python, ...PIP_INSTALL, wheel],
    env: o.env,
  });
  if (pip.exitCode === 0 || !/no such option: --python|No module named pip/.test(pip.stderr)) return pip;
  await o.processes.capture({argv: [python, '-m', 'ensurepip', '--default-pip'], env: o.env});
  return o.processes.capture({argv: [python, '-m', 'pip', ...PIP_INSTALL, wheel], env: o.env});
}

async function runCheck(o: SmokeOptions, wheel: string, venv: string, python: string): Promise<SmokeResult> {
  const env = {
    ...o.env,
    VIRTUAL_ENV: venv,
    PATH: `${path.dirname(python)}${path.delimiter}${o.env.PATH ?? ''}`,
  };
  const argv = o.command ? ['bash', '-c', o.command] : [python, '-I', '-c', IMPORT_ALL, wheel];
  const run = await o.processes.capture({argv, env, cwd: o.dir});
  const output = `${run.stdout}\n${run.stderr}`;
  for (const line of output.split('\n')) if (line.trim()) o.onLine(line);
  if (run.exitCode === 3 && !o.command)
    return skipOrFail(o.mode, 'no importable module in the wheel (set smoke-command)');
  if (run.exitCode !== 0) return failed(wheel, run.signal ? `${output}\nkilled by ${run.signal}` : output);
  return {status: 'passed', wheel, detail: o.command ? `smoke-command passed` : lastLine(run.stdout)};
}

function failed(wheel: string, output: string): SmokeResult {
  const classifier = new LogClassifier();
  classifier.write(output.replace(/killed by SIGILL/, 'Illegal instruction'));
  classifier.end();
  const d = classifier.diagnose();
  // Whatever stops a built wheel from importing is an import crash unless a more specific class names it.
  const cls = d.cls === 'unknown' ? 'import-crash' : d.cls;
  return {status: 'failed', wheel, cls, detail: d.evidence[0] ?? lastLine(output)};
}

function skipOrFail(mode: SmokeMode, reason: string): SmokeResult {
  return mode === 'true'
    ? {status: 'failed', detail: reason, cls: 'import-crash'}
    : {status: 'skipped', detail: reason};
}

function lastLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').pop() ?? '';
}
