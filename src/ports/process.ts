import {spawn} from 'node:child_process';
import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';
import {LineSplitter} from '../classify/normalize.js';

export interface ProcessSpec {
  /** argv[0] is the program; nothing passes through a shell. */
  readonly argv: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Text written to stdin, then closed. */
  readonly input?: string;
}

export interface ProcessResult {
  /** null when the process was killed by a signal. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (ENOENT…). */
  readonly spawnError?: string;
}

export interface CapturedResult extends ProcessResult {
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningProcess {
  readonly done: Promise<ProcessResult>;
  /** Kills the whole process group (cargo, rustc, cc…), not just the direct child. */
  kill(signal?: NodeJS.Signals): void;
}

/** The one seam through which the action runs programs. */
export interface ProcessPort {
  /** Starts a program and streams its output, line by line, to onLine. */
  start(spec: ProcessSpec, onLine: (line: string) => void): RunningProcess;
  /** Runs a program to its end and captures its output. */
  capture(spec: ProcessSpec): Promise<CapturedResult>;
}

const live = new Set<RunningProcess>();

/**
 * A long-lived attempt gets its own process group on Linux and macOS, so an abort kills cargo and
 * every compiler under it at once. Windows has no process groups: there the child is started plainly
 * and killed by its pid (Node ends its tree through the job object the runner gives each step).
 */
export function ownGroup(platform: NodeJS.Platform): boolean {
  return platform !== 'win32';
}

/** What to signal for an abort: the whole group (-pid) where there are groups, else the process. */
export function killTarget(pid: number, platform: NodeJS.Platform): number {
  return ownGroup(platform) ? -pid : pid;
}

/** Kills every process this module started that is still running (used on SIGTERM). */
export function killAllProcesses(): void {
  for (const p of live) p.kill('SIGKILL');
}

export const nodeProcesses: ProcessPort = {
  start(spec, onLine) {
    const [program, ...args] = spec.argv;
    const child = spawn(program, args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: ownGroup(process.platform),
      stdio: [spec.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out = new LineSplitter(onLine);
    const err = new LineSplitter(onLine);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => out.push(d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => err.push(d));
    if (spec.input !== undefined) child.stdin?.end(spec.input);
    const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(killTarget(child.pid, process.platform), signal);
      } catch {
        child.kill(signal);
      }
    };
    const running: RunningProcess = {
      kill,
      done: new Promise<ProcessResult>((resolve) => {
        child.on('error', (e) => resolve({exitCode: null, signal: null, spawnError: e.message}));
        child.on('close', (code, signal) => {
          out.end();
          err.end();
          resolve({exitCode: code, signal});
        });
      }).finally(() => live.delete(running)),
    };
    live.add(running);
    return running;
  },

  async capture(spec) {
    // One-shot calls go through the toolkit's @actions/exec: its quoting is right on Windows. It looks
    // programs up on this process's PATH, so resolve them on the PATH the call runs with first.
    const {getExecOutput} = await import('@actions/exec');
    const [program, ...args] = spec.argv;
    const env = spec.env ?? process.env;
    const found = resolveProgram(program, env);
    const resolved =
      found === program && /[/\\]/.test(program) ? path.resolve(spec.cwd ?? '.', program) : found;
    // Not found (as spawn says it), or a name exec's command-line parser could not hold: never run it.
    if (!path.isAbsolute(resolved) || resolved.includes('"')) {
      return {exitCode: null, signal: null, spawnError: `spawn ${program} ENOENT`, stdout: '', stderr: ''};
    }
    try {
      const r = await getExecOutput(`"${resolved}"`, args, {
        cwd: spec.cwd,
        env: env as Record<string, string>,
        input: spec.input === undefined ? undefined : Buffer.from(spec.input),
        silent: true,
        ignoreReturnCode: true,
      });
      return {exitCode: r.exitCode, signal: null, stdout: r.stdout, stderr: r.stderr};
    } catch (e) {
      return {
        exitCode: null,
        signal: null,
        spawnError: e instanceof Error ? e.message : String(e),
        stdout: '',
        stderr: '',
      };
    }
  },
};

/** `program` as a path: itself when it has a directory part, else its first match on env's PATH. */
export function resolveProgram(program: string, env: NodeJS.ProcessEnv, platform = process.platform): string {
  if (program.includes('/') || program.includes('\\')) return program;
  const exts =
    platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').toLowerCase().split(';')] : [''];
  const delimiter = platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const ext of exts) {
      const candidate = path.join(dir, program + ext);
      try {
        if (!statSync(candidate).isFile()) continue;
        if (platform !== 'win32') accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return program;
}
