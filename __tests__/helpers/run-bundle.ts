import {type ChildProcess, execFileSync, spawn} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, '__tests__', 'fixtures');
export const BUNDLE = path.join(ROOT, 'dist', 'index.js');
export const STANDIN_IMAGE = 'maturin-fallback/standin:bullseye';
export const BUILDER_ENV_FILE = '/etc/maturin-fallback/builder.env';

/** One entry of the `attempts` output, as the tests read it. */
export interface AttemptJson {
  strategy: string;
  outcome: string;
  class?: string;
  crates?: string[];
  evidence?: string;
  abortedEarly?: boolean;
  reason?: string;
  fatalToEndSeconds?: number;
  durationSeconds: number;
}

export function attemptsOf(run: {outputs: Record<string, string>}): AttemptJson[] {
  return JSON.parse(run.outputs.attempts) as AttemptJson[];
}

export interface BundleRun {
  readonly code: number | null;
  readonly log: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly workspace: string;
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

/** A fresh workspace holding a copy of a fixture crate (without build output). */
export function makeWorkspace(crate: string, owner?: {uid: number; gid: number}): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), `mf-ws-${crate}-`));
  cpSync(path.join(FIXTURES, crate), path.join(ws, crate), {
    recursive: true,
    filter: (src) => !/[/\\](target|dist)$/.test(src),
  });
  if (owner) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, ws]);
  return ws;
}

export function builderEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(BUILDER_ENV_FILE, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) env[line.slice(0, i)] = line.slice(i + 1);
  }
  return env;
}

export function builderIds(): {uid: number; gid: number} {
  const uid = Number(execFileSync('id', ['-u', 'builder']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'builder']).toString().trim());
  return {uid, gid};
}

export interface StartOptions {
  readonly inputs: Record<string, string>;
  readonly workspace: string;
  readonly env?: Record<string, string>;
  /** Run as the non-root `builder` user, as GitHub's runner user is not root. */
  readonly asBuilder?: boolean;
  /** The Node binary that runs the bundle (default: the one running the tests). */
  readonly node?: string;
}

/** Starts dist/index.js the way the runner does: INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP. */
export function startBundle(o: StartOptions): {
  child: ChildProcess;
  files: {output: string; summary: string};
  log: string[];
} {
  const runner = path.join(o.workspace, '.runner');
  mkdirSync(path.join(runner, 'temp'), {recursive: true});
  const files = {output: path.join(runner, 'output'), summary: path.join(runner, 'summary.md')};
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const base = o.asBuilder ? builderEnv() : {...process.env};
  for (const key of Object.keys(base))
    if (key.startsWith('INPUT_') || key.startsWith('ACTIONS_')) delete base[key];
  const env: Record<string, string | undefined> = {
    ...base,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: path.join(runner, 'temp'),
    ...o.env,
  };
  for (const [name, value] of Object.entries(o.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  if (o.asBuilder) execFileSync('chown', ['-R', 'builder:builder', runner]);
  const node = o.node ?? process.execPath;
  const argv = o.asBuilder ? ['runuser', '-u', 'builder', '--', node, BUNDLE] : [node, BUNDLE];
  const child = spawn(argv[0], argv.slice(1), {cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe']});
  const log: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (d: string) => log.push(d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => log.push(d));
  return {child, files, log};
}

export async function runBundle(o: StartOptions): Promise<BundleRun> {
  const {child, files, log} = startBundle(o);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    log: log.join(''),
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '',
    workspace: o.workspace,
  };
}

/** Files under dir owned by root (uid 0): what a container leaves behind without an ownership fix. */
export function rootOwnedFiles(dir: string): string[] {
  const out = execFileSync('find', [dir, '-uid', '0'], {encoding: 'utf8'});
  return out.split('\n').filter((l) => l !== '');
}

export function labelledContainers(): string[] {
  const out = execFileSync('docker', ['ps', '-a', '-q', '--filter', 'label=maturin-fallback=attempt'], {
    encoding: 'utf8',
  });
  return out.split('\n').filter((l) => l !== '');
}

/** Installs a wheel into a fresh venv and runs Python code against it. */
export function importWheel(wheel: string, code: string): string {
  const venv = mkdtempSync(path.join(os.tmpdir(), 'mf-venv-'));
  execFileSync('python3', ['-m', 'venv', venv]);
  execFileSync(path.join(venv, 'bin', 'pip'), ['install', '--no-index', '--quiet', wheel]);
  return execFileSync(path.join(venv, 'bin', 'python'), ['-c', code], {encoding: 'utf8'}).trim();
}
