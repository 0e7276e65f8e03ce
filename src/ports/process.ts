import {spawn} from 'node:child_process';
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
      detached: process.platform !== 'win32',
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
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
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
    const stdout: string[] = [];
    const [program, ...args] = spec.argv;
    return new Promise<CapturedResult>((resolve) => {
      const child = spawn(program, args, {
        cwd: spec.cwd,
        env: spec.env,
        stdio: [spec.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      const stderr: string[] = [];
      child.stdout?.setEncoding('utf8').on('data', (d: string) => stdout.push(d));
      child.stderr?.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
      if (spec.input !== undefined) child.stdin?.end(spec.input);
      child.on('error', (e) =>
        resolve({
          exitCode: null,
          signal: null,
          spawnError: e.message,
          stdout: stdout.join(''),
          stderr: stderr.join(''),
        }),
      );
      child.on('close', (code, signal) =>
        resolve({exitCode: code, signal, stdout: stdout.join(''), stderr: stderr.join('')}),
      );
    });
  },
};
