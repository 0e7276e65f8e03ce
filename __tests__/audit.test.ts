/**
 * The tag audit on real ELF files: shared libraries built here by gcc (this host's glibc) and by zig
 * for other architectures and glibc versions (32- and 64-bit, both byte orders), and the system's own
 * binaries. binutils' readelf is the oracle for what each file needs; the wheels around them are real
 * zip files written by Python's zipfile (stored and deflated).
 */
import {execFileSync} from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {auditWheel, claimedGlibc, refused} from '../src/audit/audit.js';
import {compareVersions, glibcVersion, versionNeeds} from '../src/audit/elf.js';
import {ZipReader} from '../src/audit/zip.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
let dir: string;

/** The venv scripts/setup.sh puts maturin and ziglang in. */
function venvPython(): string {
  return path.join(
    path.dirname(realpathSync(execFileSync('which', ['maturin']).toString().trim())),
    'python',
  );
}

const SOURCE = `#include <pthread.h>
#include <stdio.h>
static void *f(void *a) { return a; }
int go(void) { pthread_t t; pthread_create(&t, 0, f, 0); return puts("x"); }
`;

/** (library, version) pairs from readelf's "Version needs section". */
function readelfNeeds(file: string): string[] {
  const out = execFileSync('readelf', ['-V', '-W', file]).toString();
  const start = out.indexOf("Version needs section '.gnu.version_r'");
  if (start < 0) return [];
  const pairs: string[] = [];
  let lib = '';
  for (const line of out.slice(start).split('\n').slice(1)) {
    if (/^\S/.test(line) && line.trim() !== '') break; // the next section
    const file = /File: (\S+)/.exec(line);
    if (file) lib = file[1];
    const name = /Name: (\S+)/.exec(line);
    if (name) pairs.push(`${lib} ${name[1]}`);
  }
  return pairs.sort();
}

/** Undefined dynamic symbols with their version, from readelf --dyn-syms: `pthread_create@GLIBC_2.34`. */
function readelfUndefined(file: string): string[] {
  const out = execFileSync('readelf', ['--dyn-syms', '-W', file]).toString();
  const found: string[] = [];
  for (const line of out.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8 || cols[6] !== 'UND' || !cols[7].includes('@')) continue;
    found.push(cols[7].replace(/ \(\d+\)$/, '').replace('@@', '@'));
  }
  return found.sort();
}

function oursUndefined(file: string): string[] {
  return versionNeeds(readFileSync(file))
    .flatMap((n) => n.symbols.map((s) => `${s}@${n.version}`))
    .sort();
}

function newestGlibcByReadelf(file: string): string {
  return readelfNeeds(file)
    .map((p) => p.split(' ')[1])
    .flatMap((v) => {
      const parsed = glibcVersion(v);
      return parsed ? [{v, parsed}] : [];
    })
    .sort((a, b) => compareVersions(a.parsed, b.parsed))
    .at(-1)?.v as string;
}

/** A wheel holding `members` (name → file on disk), written by Python's zipfile. */
function makeWheel(
  name: string,
  members: Record<string, string>,
  compression: 'stored' | 'deflated',
): string {
  const file = path.join(dir, name);
  const script = `import sys, zipfile, json
members = json.loads(sys.argv[2])
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_${compression.toUpperCase()}) as z:
    for arc, src in members.items():
        z.write(src, arc)
    z.writestr('pkg-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\\nName: pkg\\nVersion: 1.0\\n')
`;
  execFileSync('python3', ['-c', script, file, JSON.stringify(members)]);
  return file;
}

const ZIG_TARGETS = [
  'x86_64-linux-gnu.2.17', // 64-bit little-endian, an old glibc
  'x86-linux-gnu.2.28', // 32-bit little-endian
  'aarch64-linux-gnu.2.31',
  's390x-linux-gnu.2.17', // 64-bit big-endian
  'mips-linux-gnueabihf.2.17', // 32-bit big-endian
  'x86_64-linux-musl',
];
const lib: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mf-audit-'));
  const src = path.join(dir, 'go.c');
  writeFileSync(src, SOURCE);
  lib.host = path.join(dir, 'libhost.so');
  execFileSync('gcc', ['-shared', '-fPIC', '-o', lib.host, src]);
  const python = venvPython();
  for (const t of ZIG_TARGETS) {
    lib[t] = path.join(dir, `lib-${t}.so`);
    execFileSync(python, ['-m', 'ziglang', 'cc', '-target', t, '-shared', '-fPIC', '-o', lib[t], src], {
      env: {...process.env, ZIG_GLOBAL_CACHE_DIR: path.join(os.tmpdir(), 'mf-audit-zig-cache')},
    });
  }
}, 300_000);

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('versionNeeds (.gnu.version_r, .gnu.version, .dynsym)', () => {
  it('agrees with readelf on libraries for five architectures, both classes and both byte orders', () => {
    for (const t of [...ZIG_TARGETS, 'host']) {
      const ours = versionNeeds(readFileSync(lib[t]))
        .map((n) => `${n.file} ${n.version}`)
        .sort();
      expect({t, needs: ours}).toEqual({t, needs: readelfNeeds(lib[t])});
      expect({t, symbols: oursUndefined(lib[t])}).toEqual({t, symbols: readelfUndefined(lib[t])});
    }
    // The musl library needs no symbol versions at all; the glibc ones bind pthread_create.
    expect(versionNeeds(readFileSync(lib['x86_64-linux-musl']))).toEqual([]);
    expect(
      oursUndefined(lib['s390x-linux-gnu.2.17']).some((s) => s.startsWith('pthread_create@GLIBC_')),
    ).toBe(true);
  });

  it('agrees with readelf on the system binaries and libraries of this machine', () => {
    const files = [
      realpathSync('/usr/bin/python3'),
      realpathSync(execFileSync('gcc', ['-print-file-name=libstdc++.so.6']).toString().trim()),
      realpathSync(execFileSync('which', ['readelf']).toString().trim()),
    ];
    for (const f of files) {
      expect({
        f,
        needs: versionNeeds(readFileSync(f))
          .map((n) => `${n.file} ${n.version}`)
          .sort(),
      }).toEqual({
        f,
        needs: readelfNeeds(f),
      });
      expect({f, symbols: oursUndefined(f)}).toEqual({f, symbols: readelfUndefined(f)});
    }
  });

  it('refuses what is not ELF or is cut short, with a reason', () => {
    expect(() => versionNeeds(Buffer.from('#!/bin/sh\n'))).toThrow(/not an ELF file/);
    const bytes = readFileSync(lib.host);
    expect(() => versionNeeds(bytes.subarray(0, 200))).toThrow(/truncated ELF file/);
  });
});

describe('claimedGlibc', () => {
  it('reads PEP 600 tags and the legacy manylinux names', () => {
    expect(claimedGlibc('manylinux_2_28_aarch64')).toEqual([2, 28]);
    expect(claimedGlibc('manylinux2014_x86_64')).toEqual([2, 17]);
    expect(claimedGlibc('manylinux2010_i686')).toEqual([2, 12]);
    expect(claimedGlibc('manylinux1_x86_64')).toEqual([2, 5]);
    expect(claimedGlibc('musllinux_1_2_x86_64')).toBeUndefined();
    expect(claimedGlibc('linux_x86_64')).toBeUndefined();
  });
});

describe('auditWheel', () => {
  it('passes a wheel whose tag claims the glibc its library needs, and refuses an older claim, naming symbol and tag', () => {
    const so = lib['x86_64-linux-gnu.2.17'];
    const newest = newestGlibcByReadelf(so);
    expect(newest).toBe('GLIBC_2.17'); // zig linked against its glibc 2.17 stubs
    const honest = auditWheel(
      makeWheel(
        'pkg-1.0-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
        {'pkg/_core.abi3.so': so},
        'deflated',
      ),
    );
    expect(honest).toMatchObject({verdict: 'honest', claimedGlibc: '2.17', elfFiles: 1});
    expect(honest.newestGlibc).toMatchObject({version: newest, member: 'pkg/_core.abi3.so'});

    const renamed = auditWheel(
      makeWheel('pkg-1.0-cp39-abi3-manylinux2010_x86_64.whl', {'pkg/_core.abi3.so': so}, 'stored'),
    );
    expect(refused(renamed)).toBe(true);
    expect(renamed.verdict).toBe('dishonest');
    expect(renamed.reason).toMatch(
      /^manylinux2010_x86_64 claims glibc 2\.12, but the wheel needs GLIBC_2\.17 \(\w+@GLIBC_2\.17 in pkg\/_core\.abi3\.so\)/,
    );
  });

  it('takes the oldest claim of a compressed tag set, and the newest need over every ELF member', () => {
    const host = lib.host;
    const newest = newestGlibcByReadelf(host);
    const [maj, min] = glibcVersion(newest) as [number, number];
    const wheel = makeWheel(
      `pkg-1.0-cp312-cp312-manylinux_${maj}_${min}_x86_64.manylinux_2_17_x86_64.whl`,
      {
        'pkg/_old.so': lib['x86_64-linux-gnu.2.17'],
        'pkg.libs/libhost-0a1b2c3d.so': host,
        'pkg/__init__.py': path.join(dir, 'go.c'),
      },
      'deflated',
    );
    const a = auditWheel(wheel);
    expect(a.elfFiles).toBe(2);
    expect(a.newestGlibc?.version).toBe(newest);
    if (compareVersions([maj, min], [2, 17]) > 0) {
      expect(a).toMatchObject({verdict: 'dishonest', claimedGlibc: '2.17'});
      expect(a.reason).toContain(`needs ${newest}`);
    } else {
      expect(a.verdict).toBe('honest');
    }
  });

  it('checks musllinux wheels need no glibc, other Linux tags claim nothing, and non-Linux wheels are not audited', () => {
    const musl = auditWheel(
      makeWheel(
        'pkg-1.0-cp39-abi3-musllinux_1_2_x86_64.whl',
        {'pkg/_m.so': lib['x86_64-linux-musl']},
        'deflated',
      ),
    );
    expect(musl).toMatchObject({verdict: 'honest'});
    const glibcAsMusl = auditWheel(
      makeWheel(
        'pkg-1.0-cp39-abi3-musllinux_1_1_aarch64.whl',
        {'pkg/_m.so': lib['aarch64-linux-gnu.2.31']},
        'stored',
      ),
    );
    expect(glibcAsMusl.verdict).toBe('dishonest');
    expect(glibcAsMusl.reason).toMatch(/claims musl, but the wheel needs glibc: GLIBC_2\.\d+/);
    const plain = auditWheel(
      makeWheel('pkg-1.0-cp39-abi3-linux_x86_64.whl', {'pkg/_m.so': lib.host}, 'deflated'),
    );
    expect(plain).toMatchObject({verdict: 'no-claim'});
    expect(refused(plain)).toBe(false);
    const mac = auditWheel(
      makeWheel('pkg-1.0-cp39-abi3-macosx_11_0_arm64.whl', {'pkg/_m.so': lib.host}, 'deflated'),
    );
    expect(mac).toMatchObject({verdict: 'not-linux', elfFiles: 0});
    const big = auditWheel(
      makeWheel(
        'pkg-1.0-cp39-abi3-manylinux_2_17_s390x.whl',
        {'pkg/_m.so': lib['s390x-linux-gnu.2.17']},
        'deflated',
      ),
    );
    expect(big).toMatchObject({
      verdict: 'honest',
      newestGlibc: {version: newestGlibcByReadelf(lib['s390x-linux-gnu.2.17'])},
    });
  });

  it('refuses a wheel it cannot read, saying why', () => {
    const bad = path.join(dir, 'pkg-1.0-cp39-abi3-manylinux_2_17_x86_64.whl');
    writeFileSync(bad, 'not a zip');
    expect(auditWheel(bad)).toMatchObject({verdict: 'unreadable'});
    expect(auditWheel(bad).reason).toMatch(/not a zip file/);
    expect(auditWheel(path.join(dir, 'notawheel.zip')).verdict).toBe('unreadable');
  });
});

describe('ZipReader', () => {
  it('reads stored and deflated members byte for byte as zipfile wrote them', () => {
    for (const compression of ['stored', 'deflated'] as const) {
      const wheel = makeWheel(
        `z-${compression}-1.0-py3-none-any.whl`,
        {'a/lib.so': lib.host, 'a/src.c': path.join(dir, 'go.c')},
        compression,
      );
      const z = new ZipReader(wheel);
      try {
        expect(z.entries.map((e) => e.name)).toEqual(['a/lib.so', 'a/src.c', 'pkg-1.0.dist-info/METADATA']);
        expect(z.content(z.entries[0]).equals(readFileSync(lib.host))).toBe(true);
        expect(z.content(z.entries[1]).toString()).toBe(SOURCE);
      } finally {
        z.close();
      }
    }
  });
});

describe('maturin-fallback audit (the CLI)', () => {
  it('prints tag, need and verdict per wheel and exits 1 when any tag is dishonest', () => {
    const so = lib['x86_64-linux-gnu.2.17'];
    mkdirSync(path.join(dir, 'cli'), {recursive: true});
    const ok = makeWheel('cli/pkg-1.0-cp39-abi3-manylinux_2_17_x86_64.whl', {'pkg/_c.so': so}, 'deflated');
    const out = execFileSync(process.execPath, [CLI, 'audit', ok]).toString();
    expect(out).toMatch(/tag: +manylinux_2_17_x86_64 \(claims glibc 2\.17\)/);
    expect(out).toMatch(/verdict: honest/);
    const liar = makeWheel('cli/pkg-1.0-cp39-abi3-manylinux1_x86_64.whl', {'pkg/_c.so': so}, 'deflated');
    let code = 0;
    let json = '';
    try {
      execFileSync(process.execPath, [CLI, 'audit', '--json', ok, liar]);
    } catch (e) {
      const err = e as {status: number; stdout: Buffer};
      code = err.status;
      json = err.stdout.toString();
    }
    expect(code).toBe(1);
    const audits = JSON.parse(json);
    expect(audits.map((a: {verdict: string}) => a.verdict)).toEqual(['honest', 'dishonest']);
    expect(audits[1].newestGlibc.version).toBe('GLIBC_2.17');
  });
});

describe('a wheel maturin built natively, then renamed to an older tag', () => {
  it('is refused by the CLI, and the honest original passes', () => {
    const crate = path.join(dir, 'pyo3-pure');
    execFileSync('cp', ['-r', path.join(ROOT, '__tests__', 'fixtures', 'pyo3-pure'), crate]);
    rmSync(path.join(crate, 'target'), {recursive: true, force: true});
    const out = path.join(dir, 'native-wheels');
    execFileSync('maturin', ['build', '--release', '--offline', '--out', out], {
      cwd: crate,
      env: {...process.env, CARGO_TARGET_DIR: path.join(dir, 'native-target')},
      stdio: 'pipe',
    });
    const [honest] = readdirSync(out).filter((f) => f.endsWith('.whl'));
    const tag = /manylinux_(\d+)_(\d+)_x86_64/.exec(honest);
    expect(tag).not.toBeNull();
    // maturin tagged it with what it needs on this host; a rename to 2_17 claims an older glibc
    expect(Number(tag?.[2])).toBeGreaterThan(17);
    const renamed = path.join(out, honest.replace(/manylinux_\d+_\d+_x86_64/, 'manylinux_2_17_x86_64'));
    execFileSync('cp', [path.join(out, honest), renamed]);
    expect(execFileSync(process.execPath, [CLI, 'audit', path.join(out, honest)]).toString()).toMatch(
      /verdict: honest/,
    );
    let code = 0;
    let stdout = '';
    try {
      execFileSync(process.execPath, [CLI, 'audit', renamed]);
    } catch (e) {
      code = (e as {status: number}).status;
      stdout = (e as {stdout: Buffer}).stdout.toString();
    }
    expect(code).toBe(1);
    expect(stdout).toMatch(
      new RegExp(
        `verdict: dishonest: manylinux_2_17_x86_64 claims glibc 2\\.17, but the wheel needs GLIBC_${tag?.[1]}\\.${tag?.[2]} \\(\\w+@GLIBC_`,
      ),
    );
  }, 300_000);
});
