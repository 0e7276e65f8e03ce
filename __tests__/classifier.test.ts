import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {FAILURE_CLASSES, type FailureClass} from '../src/classify/classes.js';
import {allowsFallback, classifyLog, DEFAULT_FALLBACK_ON, LogClassifier} from '../src/classify/classifier.js';
import {RULES, STRUCTURAL_KEYS} from '../src/classify/rules.js';
import {allLogFixtures, LOGS_DIR, readLogFixture, readSplit} from './helpers/log-fixtures.js';

const CONSTRUCTED_DIR = path.join(LOGS_DIR, '..', 'logs-constructed');
const corpus = allLogFixtures();
const split = readSplit();
// Rules are fitted to the tuning split only; the held-out split is scored by `npm run eval`.
const tuning = corpus.filter((f) => split.tuning.includes(f.file));

describe('classifier on the tuning split of the failure-log corpus', () => {
  it.each(tuning.map((f) => ({name: f.file, fixture: f})))('$name', ({fixture}) => {
    const d = classifyLog(fixture.body);
    expect(d.cls).toBe(fixture.cls);
    // The fallback decision under the default policy is the one the class itself implies.
    const expected = allowsFallback({classes: [fixture.cls as FailureClass]}, DEFAULT_FALLBACK_ON);
    expect(allowsFallback(d, DEFAULT_FALLBACK_ON)).toBe(expected);
  });
});

describe('the failure-log corpus', () => {
  it('has at least 6 logs of every class, and every fixture names a real class', () => {
    for (const f of corpus) expect(FAILURE_CLASSES).toContain(f.cls);
    const thin = FAILURE_CLASSES.filter((c) => corpus.filter((f) => f.cls === c).length < 6);
    expect(thin).toEqual([]);
  });

  it('is split in two: every log in exactly one split, at least 30% held out, every class held out', () => {
    const files = corpus.map((f) => f.file);
    expect([...split.heldOut, ...split.tuning].sort()).toEqual(files);
    expect(split.heldOut.filter((f) => split.tuning.includes(f))).toEqual([]);
    expect(split.heldOut.length / files.length).toBeGreaterThanOrEqual(0.3);
    const held = new Set(split.heldOut.map((f) => f.slice(0, f.indexOf('--'))));
    expect(FAILURE_CLASSES.filter((c) => !held.has(c))).toEqual([]);
  });

  it('says where each log came from: a public thread, or how it was produced here', () => {
    const unsourced = corpus.filter(
      (f) =>
        !/^(?:https:\/\/github\.com\/\S+\/(?:issues|pull|discussions)\/\d+|https:\/\/stackoverflow\.com\/questions\/\d+|produced )/.test(
          f.header.source ?? '',
        ),
    );
    expect(unsourced.map((f) => f.file)).toEqual([]);
  });

  it('names fixture files after their class', () => {
    for (const f of corpus) expect(f.file.startsWith(`${f.cls}--`)).toBe(true);
  });
});

describe('classifier traps and multi-crate failures', () => {
  const files = readdirSync(CONSTRUCTED_DIR).filter((f) => f.endsWith('.log'));

  it.each(files)('%s', (file) => {
    const fixture = readLogFixture(file, CONSTRUCTED_DIR);
    const header = (key: string): string | undefined => fixture.header[key];
    const d = classifyLog(fixture.body);
    expect(d.cls).toBe(fixture.cls);
    const not = header('expect-not');
    if (not) expect(d.classes).not.toContain(not);
    const classes = header('expect-classes');
    if (classes) expect(d.classes).toEqual(classes.split(', '));
    const crates = header('expect-crates');
    if (crates) expect(d.crates).toEqual(crates.split(', '));
    const fallback = header('expect-fallback');
    if (fallback) expect(allowsFallback(d, DEFAULT_FALLBACK_ON)).toBe(fallback === 'true');
  });

  it('never calls the maturin/docker wrapper lines alone blst-ckzg or anything else', () => {
    const wrapper = [
      '💥 maturin failed',
      '  Caused by: Failed to build a native library through cargo',
      '  Caused by: Cargo build finished with "exit status: 101": `"cargo" "rustc" "--release"`',
      "Error: The process '/usr/bin/docker' failed with exit code 1",
    ].join('\n');
    expect(classifyLog(wrapper).cls).toBe('unknown');
  });

  it('does not take a bare mention of blst as evidence', () => {
    expect(
      classifyLog('   Compiling blst v0.3.14\n   Compiling c-kzg v2.1.1\nerror: some other failure\n')
        .classes,
    ).not.toContain('blst-ckzg');
  });
});

describe('classifier input handling', () => {
  const blstLine = 'error: failed to run custom build command for `blst v0.3.14`';

  it('strips ANSI colours, CRLF, GitHub timestamps and group markers', () => {
    const raw = [
      '2026-11-25T10:00:00.1234567Z ##[group]Run build',
      `2026-11-25T10:00:01.0000000Z \u001b[1m\u001b[31merror\u001b[0m: failed to run custom build command for \`c-kzg v2.1.1\`\r`,
      '2026-11-25T10:00:02.0000000Z ##[endgroup]\r',
    ].join('\n');
    const d = classifyLog(raw);
    expect(d.cls).toBe('blst-ckzg');
    expect(d.crates).toEqual(['c-kzg']);
  });

  it('reads `gh run view --log` output (job and step names, tab-separated, before each line)', () => {
    const raw = [
      'build (x86_64)\tBuild wheels\t2026-11-25T10:00:01.0000000Z error[E0308]: mismatched types',
      'build (x86_64)\tBuild wheels\t2026-11-25T10:00:01.1000000Z error: could not compile `broken-rust` (lib) due to 1 previous error',
    ].join('\n');
    expect(classifyLog(raw)).toMatchObject({cls: 'rust-compile', crates: ['broken-rust']});
  });

  it('gives the same answer whatever the chunking', () => {
    const text = `   Compiling blst v0.3.14\r\n${blstLine}\r\n\r\nCaused by:\r\n  process didn't exit successfully\r\n`;
    const whole = classifyLog(text);
    for (const size of [1, 2, 3, 7, 64]) {
      const c = new LogClassifier();
      for (let i = 0; i < text.length; i += size) c.write(text.slice(i, i + size));
      c.end();
      expect(c.diagnose()).toEqual(whole);
    }
  });

  it('keeps memory bounded: a huge line and many crates do not grow state without limit', () => {
    const c = new LogClassifier();
    c.write(`${'x'.repeat(5_000_000)} error: no space left? No space left on device\n`);
    for (let i = 0; i < 10_000; i++)
      c.pushLine(`error: failed to run custom build command for \`crate${i} v1.0.0\``);
    c.end();
    const d = c.diagnose();
    expect(d.crates.length).toBeLessThanOrEqual(64);
    expect(d.evidence.every((l) => l.length <= 400)).toBe(true);
  });

  it('reports a fatal line as soon as it streams past', () => {
    const c = new LogClassifier();
    expect(c.pushLine('   Compiling c-kzg v2.1.1')).toBe(false);
    expect(c.sawFatalLine).toBe(false);
    expect(c.pushLine(blstLine)).toBe(true);
    expect(c.sawFatalLine).toBe(true);
  });

  it('returns a hint and a docs anchor for the primary class', () => {
    const d = classifyLog(blstLine);
    expect(d.hint).toMatch(/manylinux: 2_28/);
    expect(d.docs).toBe('docs/troubleshooting.md#blst-ckzg');
  });
});

describe('one-line failures seen in real builds', () => {
  it.each([
    ['error: linker `aarch64-linux-gnu-gcc` not found', 'missing-toolchain'],
    [
      '  Error: Custom { kind: NotFound, error: "Could not find `protoc`. If `protoc` is installed, try setting `PROTOC`" }',
      'missing-toolchain',
    ],
    ["error: toolchain 'nightly-x86_64-unknown-linux-gnu' is not installed", 'missing-toolchain'],
    ['  = note: /usr/bin/ld: cannot find -lssl: No such file or directory', 'openssl'],
    ['  = note: /usr/bin/ld: cannot find -lpython3.9', 'python'],
    ['  = note: /usr/bin/ld: cannot find -lz: No such file or directory', 'c-build'],
    ['  Caused by: Failed to get information from the python interpreter at python3.7', 'python'],
    ['error: could not find `Cargo.toml` in `/io` or any parent directory', 'maturin-config'],
    ['src/lib.c:3:10: fatal error: zlib.h: No such file or directory', 'c-build'],
    ['/usr/include/openssl/ssl.h: No such file or directory', 'openssl'],
    [
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/tmp/run.sh": is a directory: unknown: permission denied',
      'docker-daemon',
    ],
    ['docker: no matching manifest for linux/arm64/v8 in the manifest list entries.', 'docker-pull'],
    ['Some errors have detailed explanations: E0252, E0599.', 'rust-compile'],
    ['For more information about this error, try `rustc --explain E0658`.', 'unknown'],
    ['  configure: error: cannot determine number of significant virtual address bits', 'c-build'],
    ['Error: Failed to run `zig cc`', 'zig'],
    [
      "Caused by: Python interpreter should be a kind of interpreter (e.g. 'python3.8' or 'pypy3.9') when cross-compiling, got path to interpreter: /v/bin/python3",
      'python',
    ],
  ])('%s → %s', (line, cls) => {
    expect(classifyLog(line).cls).toBe(cls);
  });
});

describe('rule keys (the fast path that decides which lines are read)', () => {
  it('are lower case, so the lower-cased scan finds them', () => {
    for (const key of [...RULES.flatMap((r) => r.keys), ...STRUCTURAL_KEYS])
      expect(key).toBe(key.toLowerCase());
  });

  it('cover every corpus line a rule matches: a line that matches a pattern holds one of its keys', () => {
    const missed: string[] = [];
    for (const f of corpus) {
      for (const line of f.body.split('\n')) {
        const lower = line.toLowerCase();
        for (const r of RULES) {
          if (r.pattern.test(line) && !r.keys.some((k) => lower.includes(k))) missed.push(`${r.id}: ${line}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('crate attribution from every place a failing crate shows up', () => {
  it.each([
    [
      'a build-script panic in the registry source',
      "thread 'main' panicked at /root/.cargo/registry/src/index.crates.io-6f17d22bba15001f/blst-0.3.11/build.rs:110:9:\nerror: build failed",
      'blst-ckzg',
      ['blst'],
    ],
    [
      'a Windows registry path in a compiler error',
      'C:\\Users\\runneradmin\\.cargo\\registry\\src\\index.crates.io-6f17d22bba15001f\\c-kzg-1.0.3\\src\\c_kzg_4844.c(12): error C2143: syntax error',
      'blst-ckzg',
      ['c-kzg'],
    ],
    [
      'a git checkout of c-kzg-4844',
      '/home/u/.cargo/git/checkouts/c-kzg-4844-6f9b8d0c2fd7cfc0/4bf3c8b/src/ckzg.c:7:1: error: unknown type name',
      'blst-ckzg',
      ['c-kzg-4844'],
    ],
    [
      'a known c-build crate, whose own output names no other cause',
      'error: failed to run custom build command for `zstd-sys v2.0.9+zstd.1.5.5`\n  zstd/lib/common/xxhash.h:12:1: error: expected identifier',
      'c-build',
      ['zstd-sys'],
    ],
    [
      'a c-build crate whose output proves a more specific cause (bindgen without libclang)',
      "error: failed to run custom build command for `librocksdb-sys v0.11.0`\n  thread 'main' panicked at 'Unable to find libclang: \"couldn't find any valid shared libraries\"'",
      'libclang',
      ['librocksdb-sys'],
    ],
    [
      "Rust errors inside blst's own code",
      'error[E0425]: cannot find function `assembly` in this scope\nerror: could not compile `blst`.',
      'blst-ckzg',
      ['blst'],
    ],
    [
      "an assembler error in a crate's build output dir",
      "/tmp/x/target/debug/build/ring-ea35ba0276d8069b/out/x86_64-mont-elf.S:1116: Error: no such instruction: `mulxq 24(%rsi),%r13,%r14'",
      'ring',
      ['ring'],
    ],
    [
      'a compiler error in a vendored blst directory',
      "/src/vendor/nim-blscurve/blscurve/blst/sha256_abi.nim:36:2: error: call to undeclared function 'sha256_init'",
      'blst-ckzg',
      ['blst'],
    ],
    [
      "a Go module's versioned directory (MSVC's location form)",
      'C:\\go\\pkg\\mod\\github.com\\supranational\\blst@v0.3.11\\bindings\\go\\blst.go(12): error C2065: undeclared identifier',
      'blst-ckzg',
      ['blst'],
    ],
    [
      "a C error naming blst's identifier",
      "binding.c:36:2: error: call to undeclared function 'blst_sha256_init'; ISO C99 and later do not support implicit function declarations",
      'blst-ckzg',
      ['blst'],
    ],
    [
      "the linker rejecting c-kzg's own object",
      "/usr/bin/ld: /tmp/c_kzg_4844-72668e.o: relocation R_X86_64_32 against `.rodata' can not be used when making a shared object; recompile with -fPIC",
      'blst-ckzg',
      ['c-kzg'],
    ],
    [
      'a located link error in a vendored blst header',
      "/src/vendor/nim-blscurve/vendor/blst/src/vect.h:339: undefined reference to `vec_is_equal_16x'",
      'blst-ckzg',
      ['blst'],
    ],
  ])('%s', (_why, log, cls, crates) => {
    const d = classifyLog(log);
    expect(d.cls).toBe(cls);
    expect(d.crates).toEqual(crates);
    expect(d.confidence).toBe('high');
  });

  it('does not read a crate from a path that is not where the error is', () => {
    // every alloy link line holds -L …/build/blst-<hash>/out; the error here is openssl's
    const link =
      '  = note: "cc" "-L" "/w/target/release/build/blst-0123456789abcdef/out" "-o" "/w/target/release/deps/x.so"\n' +
      '  = note: /usr/bin/ld: cannot find -lssl: No such file or directory';
    expect(classifyLog(link).classes).toEqual(['openssl']);
    // a Rust error about blst's API is the project's Rust code, not blst's C build
    const rust = 'error[E0425]: cannot find function `blst_p1_add` in crate `blst`\n --> src/lib.rs:3:5';
    expect(classifyLog(rust).cls).toBe('rust-compile');
  });

  it("does not blame blst's C build when Go's own code in its package fails (cgo off)", () => {
    const log = [
      '# github.com/supranational/blst/bindings/go',
      '../go/pkg/mod/github.com/supranational/blst@v0.3.8/bindings/go/rb_tree.go:130:18: undefined: Message',
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({cls: 'missing-toolchain', crates: []});
    const cBuild = [
      '# github.com/supranational/blst/bindings/go',
      "/root/go/pkg/mod/github.com/supranational/blst@v0.3.11/bindings/go/blst.go:44:10: error: 'for' loop initial declarations are only allowed in C99 mode",
    ].join('\n');
    expect(classifyLog(cBuild)).toMatchObject({cls: 'blst-ckzg', crates: ['blst']});
  });

  it("takes zig, named outright in a failing crate's output, over the crate's usual class", () => {
    const log = [
      'warning: ring@0.17.8: Error:   × Failed to find zig',
      'error: failed to run custom build command for `ring v0.17.8`',
    ].join('\n');
    expect(classifyLog(log)).toMatchObject({cls: 'zig', crates: ['ring']});
  });

  it.each([
    ['ld (GNU)', "dextrades.rs:(.text+0x1f): undefined reference to `blst_p1_compress'"],
    ['ld64 (Apple)', '            "_blst_p1_affine_compress", referenced from:'],
    [
      'link.exe (MSVC)',
      'error LNK2019: unresolved external symbol blst_p1_compress referenced in function foo',
    ],
    ['at import', 'ImportError: /venv/lib/x.so: undefined symbol: blst_fr_from_uint64'],
  ])('names blst-ckzg from a blst symbol: %s', (_linker, line) => {
    expect(classifyLog(line).classes).toEqual(['blst-ckzg']);
  });
});

describe('confidence and explanation', () => {
  it('is low when only generic wording matched, and for unknown', () => {
    expect(classifyLog('src/lib.c:3:10: fatal error: zlib.h: No such file or directory').confidence).toBe(
      'low',
    );
    expect(classifyLog('💥 maturin failed').confidence).toBe('low');
  });

  it('is high when a rule names the cause outright', () => {
    expect(classifyLog('error: linker `cc` not found').confidence).toBe('high');
  });

  it('explains each line that counted: the rule, the class and the crate', () => {
    const c = new LogClassifier({explain: true});
    for (const line of [
      '   Compiling c-kzg v2.1.1',
      'error: failed to run custom build command for `c-kzg v2.1.1`',
      "  src/ckzg.c:3:5: error: 'for' loop initial declarations are only allowed in C99 mode",
      '💥 maturin failed',
    ])
      c.pushLine(line);
    expect(c.explanation.map((e) => [e.rule, e.cls, e.crate])).toEqual([
      ['failed-build-script', 'blst-ckzg', 'c-kzg'],
      ['c-compiler-error', 'c-build', 'c-kzg'],
    ]);
    expect(new LogClassifier().explanation).toEqual([]);
  });

  it('reads an unreachable daemon or registry as the cause of the connection errors after it', () => {
    const d = classifyLog(
      'Cannot connect to Podman. Please verify your connection to the Linux system\nError: unable to connect: dial tcp 127.0.0.1:50000: connect: connection refused',
    );
    expect(d.classes).toEqual(['docker-daemon']);
  });
});
