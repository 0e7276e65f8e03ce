// Process helpers: wall time, per-line arrival times, first output byte, peak RSS.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

export const sec = (ns) => Number(ns) / 1e9;
export const now = () => process.hrtime.bigint();

/**
 * Runs argv to its end. Every stdout/stderr line is kept with the seconds since spawn at which it
 * arrived (lines are split on LF; the action writes each log line with one synchronous write).
 */
export function run(argv, {cwd, env, onLine, timeoutS = 1800} = {}) {
  return new Promise((resolve) => {
    const t0 = now();
    const child = spawn(argv[0], argv.slice(1), {cwd, env, stdio: ['ignore', 'pipe', 'pipe']});
    const lines = [];
    let firstByteS;
    const splitter = (stream) => {
      let partial = '';
      child[stream].setEncoding('utf8').on('data', (d) => {
        const t = sec(now() - t0);
        if (firstByteS === undefined) firstByteS = t;
        const parts = (partial + d).split('\n');
        partial = parts.pop();
        for (const text of parts) {
          const line = {t, stream, text};
          lines.push(line);
          onLine?.(line);
        }
      });
      child[stream].on('end', () => {
        if (partial) lines.push({t: sec(now() - t0), stream, text: partial});
      });
    };
    splitter('stdout');
    splitter('stderr');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutS * 1000);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({code: null, error: e.message, wallS: sec(now() - t0), lines, firstByteS});
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code, signal, wallS: sec(now() - t0), lines, firstByteS});
    });
  });
}

/** Time to the first byte on stdout, then lets the process finish. */
export function firstStdoutByte(argv, {cwd, env} = {}) {
  return new Promise((resolve) => {
    const t0 = now();
    const child = spawn(argv[0], argv.slice(1), {cwd, env, stdio: ['ignore', 'pipe', 'ignore']});
    let first;
    child.stdout.on('data', () => {
      if (first === undefined) first = sec(now() - t0);
    });
    child.on('close', (code) => resolve({firstS: first, wallS: sec(now() - t0), code}));
  });
}

export const HAVE_GNU_TIME = existsSync('/usr/bin/time');

/**
 * Runs argv under GNU time -v (when present) and returns wall seconds (our own clock) and the
 * peak RSS of the measured process in MB. Output goes to /dev/null except a short stdout tail.
 */
export function timedRss(argv, {env} = {}) {
  const full = HAVE_GNU_TIME ? ['/usr/bin/time', '-v', ...argv] : argv;
  const t0 = now();
  const r = spawnSync(full[0], full.slice(1), {env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
  const wallS = sec(now() - t0);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return {
    code: r.status,
    wallS,
    peakRssMb: m ? Number(m[1]) / 1024 : null,
    stdout: (r.stdout ?? '').slice(-4000),
    stderr: (r.stderr ?? '').slice(-4000),
  };
}

/** Captures a command's stdout (trimmed); undefined when it fails. */
export function capture(argv, opts = {}) {
  const r = spawnSync(argv[0], argv.slice(1), {encoding: 'utf8', ...opts});
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b) / xs.length : null);

/** Run-to-run spread of a ratio over its repeats (max - min); null when it was not repeated. */
export const spread = (xs) => (xs.length > 1 ? Math.max(...xs) - Math.min(...xs) : null);

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
