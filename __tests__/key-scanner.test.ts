import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {ChunkScanner} from '../src/classify/chunk-scanner.js';
import {classifyLog, LogClassifier} from '../src/classify/classifier.js';
import {PACKAGE_MARK_KEYS} from '../src/classify/crate-tracker.js';
import {DATA_BYTES, KeyScanner, READ_BYTES} from '../src/classify/key-scanner.js';
import {ANSI, MAX_LINE_CHARS} from '../src/classify/normalize.js';
import {SCAN_KEYS} from '../src/classify/rules.js';
import {allLogFixtures} from './helpers/log-fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every (start, key id) where a key occurs, ASCII case ignored: what the scanner must find. */
function naive(text: Buffer, keys: readonly string[]): [number, number][] {
  const lower = text.toString('latin1').replace(/[A-Z]/g, (c) => c.toLowerCase());
  const found: [number, number][] = [];
  keys.forEach((k, id) => {
    for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) found.push([at, id]);
  });
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Text built from pieces of the keys (upper and lower case), so near misses are everywhere. */
function trickyText(rand: () => number, keys: readonly string[], length: number): Buffer {
  const alphabet = 'abcdeERrOo:;[] \n\x1b\xe9-_@`';
  let s = '';
  while (s.length < length) {
    const r = rand();
    if (r < 0.3) {
      const k = keys[Math.floor(rand() * keys.length)];
      const from = Math.floor(rand() * k.length);
      const piece = k.slice(from, from + 1 + Math.floor(rand() * k.length));
      s += rand() < 0.5 ? piece.toUpperCase() : piece;
    } else s += alphabet[Math.floor(rand() * alphabet.length)];
  }
  return Buffer.from(s.slice(0, length), 'latin1');
}

describe('KeyScanner (WebAssembly)', () => {
  const keySets: string[][] = [
    SCAN_KEYS.map((k) => k.key),
    ['error', 'error:', 'rror', 'or: x', 'abcd'],
    ['aaaa', 'aaaaaaaa', 'aaab'],
    ['longer key one', 'longer key two', 'longer'],
  ];

  it.each(keySets.map((keys, i) => ({i, keys})))(
    'finds exactly what a naive search finds (key set $i, 300 random texts)',
    ({keys}) => {
      const scanner = new KeyScanner(keys);
      const rand = prng(7 + keys.length);
      for (let round = 0; round < 300; round++) {
        const text = trickyText(rand, keys, 1 + Math.floor(rand() * 400));
        text.copy(scanner.data);
        const expected = naive(text, keys);
        const all = [...scanner.keysIn(0, text.length)].sort((a, b) => a - b);
        expect(all).toEqual(expected.map(([, id]) => id).sort((a, b) => a - b));
        // find() from every start position: some key at or after it, or none.
        for (let from = 0; from < text.length; from += 1 + Math.floor(rand() * 5)) {
          const hit = scanner.find(from, text.length);
          const after = expected.filter(([at]) => at >= from);
          if (after.length === 0) expect(hit).toBe(-1);
          else expect(after).toContainEqual([hit, scanner.foundKey]);
        }
      }
    },
  );

  it('never reads past the end it is given', () => {
    const scanner = new KeyScanner(['needle']);
    Buffer.from('xx needle').copy(scanner.data);
    expect(scanner.find(0, 9)).toBe(3);
    expect(scanner.find(0, 8)).toBe(-1);
    expect([...scanner.keysIn(0, 8)]).toEqual([]);
  });

  it('rejects keys it cannot search for', () => {
    expect(() => new KeyScanner(['abc'])).toThrow(/4-255 printable lower-case ASCII/);
    expect(() => new KeyScanner(['Error'])).toThrow(/lower-case/);
    expect(() => new KeyScanner(['tab\there'])).toThrow(/printable/);
  });

  it('strips escape sequences exactly as normalizeLine does, line by line', () => {
    const scanner = new KeyScanner(['error']);
    const rand = prng(99);
    const parts = [
      '\x1b',
      '[',
      ']',
      '1',
      ';',
      '31',
      '?',
      'm',
      'K',
      ' ',
      '/',
      '\x07',
      '\\',
      'x',
      'error',
      '\n',
      '\r',
      '@',
      '_',
      'Z',
      '[0m',
    ];
    for (let round = 0; round < 2000; round++) {
      let s = '';
      const n = Math.floor(rand() * 30);
      for (let i = 0; i < n; i++) s += parts[Math.floor(rand() * parts.length)];
      const bytes = Buffer.from(s, 'latin1');
      bytes.copy(scanner.data);
      const end = scanner.stripEscapes(0, bytes.length);
      const expected = s
        .split('\n')
        .map((line) =>
          line
            .split('\r')
            .map((piece) => piece.replace(ANSI, ''))
            .join('\r'),
        )
        .join('\n');
      expect(scanner.data.toString('latin1', 0, end)).toBe(expected);
    }
  });
});

describe('ChunkScanner', () => {
  function lines(text: Buffer, split: (n: number) => number[], keys = ['error:', 'failed']): string[] {
    const out: string[] = [];
    const scanner = new ChunkScanner(keys, {
      onLine: (line) => out.push(line),
      onSkipped: () => {},
      skippedAbove: () => -1,
    });
    let at = 0;
    for (const size of split(text.length)) {
      scanner.push(text.subarray(at, at + size));
      at += size;
    }
    scanner.push(text.subarray(at));
    scanner.end();
    return out;
  }

  it('picks out the same lines however the input is split, lines past the buffer and over-long lines included', () => {
    const rand = prng(3);
    const long = `${'y'.repeat(MAX_LINE_CHARS + 10)} error: too far to see\n`;
    const parts = [
      'plain line\n',
      'an Error: here\n',
      '\x1b[31merror\x1b[0m: coloured\n',
      `${'z'.repeat(DATA_BYTES)}\n`,
      long,
      `error: ${'w'.repeat(MAX_LINE_CHARS)}\n`,
      'it FAILED\r\n',
      'café error: ünïcode\n',
    ];
    let s = '';
    for (let i = 0; i < 200; i++) s += parts[Math.floor(rand() * parts.length)];
    const text = Buffer.from(`${s}last error: no newline`);
    const whole = lines(text, () => []);
    expect(whole.length).toBeGreaterThan(50);
    expect(whole).toContain('error: coloured');
    expect(whole).toContain('café error: ünïcode');
    expect(whole).toContain('it FAILED');
    expect(whole.at(-1)).toBe('last error: no newline');
    expect(whole.some((l) => l.includes('too far'))).toBe(false);
    expect(whole.every((l) => Buffer.byteLength(l) <= MAX_LINE_CHARS)).toBe(true);
    for (const size of [7, 4096, READ_BYTES - 1, READ_BYTES + 1]) {
      const sizes = (n: number) => Array.from({length: Math.ceil(n / size)}, () => size);
      expect(lines(text, sizes)).toEqual(whole);
    }
    const random = (n: number) => {
      const out: number[] = [];
      for (let t = 0; t < n; ) {
        const k = 1 + Math.floor(rand() * 50_000);
        out.push(k);
        t += k;
      }
      return out;
    };
    expect(lines(text, random)).toEqual(whole);
    // Byte by byte, over the short lines: a key or a UTF-8 character split anywhere.
    const short = Buffer.from(
      parts
        .filter((p) => p.length < 100)
        .join('')
        .repeat(3),
    );
    expect(lines(short, (n) => Array.from({length: n}, () => 1))).toEqual(lines(short, () => []));
  });

  it('reads straight into its buffer (fill) with the same result as push', () => {
    const text = Buffer.from(
      allLogFixtures()
        .map((f) => f.body)
        .join('\n'),
    );
    const viaPush = new LogClassifier();
    viaPush.writeBytes(text);
    viaPush.end();
    const viaFill = new LogClassifier();
    let at = 0;
    viaFill.readAll((buffer, offset, length) => {
      const n = Math.min(length, text.length - at, 1000 + (at % 7919));
      text.copy(buffer, offset, at, at + n);
      at += n;
      return n;
    });
    expect(viaFill.diagnose()).toEqual(viaPush.diagnose());
  });
});

describe('the classifier over the scanner', () => {
  it('gives every corpus log the same diagnosis whether fed whole, in odd chunks, or line by line', () => {
    for (const f of allLogFixtures()) {
      const whole = classifyLog(f.body);
      const chunked = new LogClassifier();
      const bytes = Buffer.from(f.body);
      for (let at = 0; at < bytes.length; at += 333) chunked.writeBytes(bytes.subarray(at, at + 333));
      chunked.end();
      expect({file: f.file, d: chunked.diagnose()}).toEqual({file: f.file, d: whole});
      const byLine = new LogClassifier();
      for (const line of f.body.split('\n')) byLine.pushLine(line);
      expect({file: f.file, d: byLine.diagnose()}).toEqual({file: f.file, d: whole});
    }
  });
});

describe('keyscan-wasm.ts', () => {
  it('is what scripts/build-wasm.mjs makes of wasm/keyscan.ts', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-wasm.mjs'), '--check'], {
      stdio: 'pipe',
    });
  });
});

describe('the scan keys', () => {
  // The scan samples one gram every (shortest key - 3) bytes: one 7-character key makes every
  // byte of every log cost a quarter more.
  it('include every package-line mark the crate tracker is gated on (else the scanner path would never parse those lines)', () => {
    const keys = new Set(SCAN_KEYS.map((k) => k.key));
    expect(PACKAGE_MARK_KEYS.map(([key]) => key).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('are at least 8 characters long, so the scan keeps its stride of 5', () => {
    expect(SCAN_KEYS.filter((k) => k.key.length < 8).map((k) => k.key)).toEqual([]);
  });

  // The scanner samples one 4-byte gram every `stride` bytes and stops at each sampled gram that
  // begins a key's first `stride` grams: a key that starts like ordinary build output ("proj",
  // "work", "exte") makes it stop everywhere. This budget is a count of sampled grams, not a time.
  it('do not start like ordinary build output (expected stops per MB of build noise within budget)', async () => {
    // @ts-expect-error: a plain ES module of the bench, without types
    const {buildNoise} = await import('../bench/lib/biglog.mjs');
    const noise = (buildNoise(2 * 1024 * 1024) as string).toLowerCase();
    const stride = Math.min(Math.min(...SCAN_KEYS.map((k) => k.key.length)) - 3, 8);
    const grams = new Map<string, number>();
    for (let at = 0; at + 4 <= noise.length; at += stride) {
      const g = noise.slice(at, at + 4);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
    const mb = noise.length / (1024 * 1024);
    const stops = (key: string) => {
      const own = new Set<string>();
      for (let j = 0; j < stride; j++) own.add(key.slice(j, j + 4));
      return [...own].reduce((n, g) => n + (grams.get(g) ?? 0), 0) / mb;
    };
    const over = SCAN_KEYS.map((k) => ({key: k.key, stopsPerMb: Math.round(stops(k.key))})).filter(
      (k) => k.stopsPerMb > 800,
    );
    expect(over).toEqual([]);
  });
});
