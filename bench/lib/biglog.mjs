// Builds a large, realistic build log: the bodies of the real fixture logs, each buried in the
// noise a verbose cargo/maturin build prints (Compiling lines, rustc warnings, long rustc
// command lines from `cargo build -vv`, cc-rs chatter). Deterministic (seeded), written to a file.
import {closeSync, openSync, readdirSync, readFileSync, writeSync} from 'node:fs';
import path from 'node:path';

/** Small deterministic PRNG (mulberry32). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRATES = [
  'proc-macro2',
  'unicode-ident',
  'quote',
  'syn',
  'serde',
  'serde_derive',
  'serde_json',
  'libc',
  'cfg-if',
  'memchr',
  'itoa',
  'ryu',
  'once_cell',
  'autocfg',
  'bitflags',
  'log',
  'smallvec',
  'scopeguard',
  'lock_api',
  'parking_lot_core',
  'parking_lot',
  'hashbrown',
  'indexmap',
  'equivalent',
  'tokio',
  'mio',
  'bytes',
  'futures-core',
  'futures-util',
  'pin-project-lite',
  'slab',
  'rand',
  'rand_core',
  'getrandom',
  'zerocopy',
  'num-traits',
  'num-bigint',
  'thiserror',
  'thiserror-impl',
  'anyhow',
  'regex',
  'regex-syntax',
  'aho-corasick',
  'heck',
  'target-lexicon',
  'pyo3-build-config',
  'pyo3-ffi',
  'pyo3-macros-backend',
  'pyo3-macros',
  'pyo3',
  'cc',
  'shlex',
  'find-msvc-tools',
  'jobserver',
  'zeroize',
  'sha2',
  'digest',
  'generic-array',
  'typenum',
  'crypto-common',
  'block-buffer',
  'hex',
  'tracing',
  'tracing-core',
];
const REG = '/home/runner/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f';

function version(rand) {
  return `${Math.floor(rand() * 3)}.${Math.floor(rand() * 40)}.${Math.floor(rand() * 30)}`;
}
function hex16(rand) {
  let s = '';
  for (let i = 0; i < 16; i++) s += '0123456789abcdef'[Math.floor(rand() * 16)];
  return s;
}
function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** `Running \`rustc ...\`` as cargo -vv prints it: 2-9 KB on one line. */
function rustcLine(rand) {
  const crate = pick(rand, CRATES);
  const v = version(rand);
  const name = crate.replace(/-/g, '_');
  const parts = [
    `     Running \`/home/runner/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/bin/rustc --crate-name ${name}`,
    `--edition=2021 ${REG}/${crate}-${v}/src/lib.rs --error-format=json --json=diagnostic-rendered-ansi,artifacts,future-incompat`,
    `--diagnostic-width=200 --crate-type lib --emit=dep-info,metadata,link -C opt-level=3 -C embed-bitcode=no`,
  ];
  const features = 2 + Math.floor(rand() * 10);
  for (let i = 0; i < features; i++)
    parts.push(
      `--cfg 'feature="${pick(rand, ['std', 'alloc', 'derive', 'default', 'serde', 'rc', 'unstable', 'macros', 'extension-module', 'abi3'])}"'`,
    );
  const meta = hex16(rand);
  parts.push(
    `-C metadata=${meta} -C extra-filename=-${meta} --out-dir /home/runner/work/proj/proj/target/release/deps`,
    `-L dependency=/home/runner/work/proj/proj/target/release/deps`,
  );
  const deps = 10 + Math.floor(rand() * 60);
  for (let i = 0; i < deps; i++) {
    const d = pick(rand, CRATES).replace(/-/g, '_');
    parts.push(`--extern ${d}=/home/runner/work/proj/proj/target/release/deps/lib${d}-${hex16(rand)}.rlib`);
  }
  parts.push('--cap-lints allow -C target-cpu=x86-64-v2');
  // Crates that depend on a C library get its build dir as a native search path.
  if (rand() < 0.2)
    parts.push(
      `-L native=/home/runner/work/proj/proj/target/release/build/${pick(rand, ['blst', 'c-kzg', 'ring', 'zstd-sys'])}-${hex16(rand)}/out`,
    );
  return `${parts.join(' ')}\``;
}

function warningBlock(rand) {
  const n = 10 + Math.floor(rand() * 400);
  const v = pick(rand, ['x', 'idx', 'result', 'buf', 'len', 'ctx']);
  return [
    `warning: unused variable: \`${v}\``,
    `  --> src/${pick(rand, ['lib', 'ops', 'io', 'util', 'kzg', 'field'])}.rs:${n}:${5 + Math.floor(rand() * 20)}`,
    '   |',
    `${String(n).padStart(3)} |     let ${v} = compute(&input);`,
    `   |         ^^^ help: if this is intentional, prefix it with an underscore: \`_${v}\``,
    '   |',
    '   = note: `#[warn(unused_variables)]` on by default',
    '',
  ];
}

function ccChatter(rand) {
  const crate = pick(rand, ['blst', 'c-kzg', 'ring', 'zstd-sys', 'libsqlite3-sys']);
  const v = version(rand);
  return [
    `warning: ${crate}@${v}: TARGET = Some(x86_64-unknown-linux-gnu)`,
    `warning: ${crate}@${v}: OPT_LEVEL = Some(3)`,
    `warning: ${crate}@${v}: CC_x86_64-unknown-linux-gnu = None`,
    `warning: ${crate}@${v}: CFLAGS = Some(-O2 -fPIC)`,
    `warning: ${crate}@${v}: running: "cc" "-O3" "-ffunction-sections" "-fdata-sections" "-fPIC" "-m64" "-I" "${REG}/${crate}-${v}/src" "-Wall" "-Wextra" "-o" "/home/runner/work/proj/proj/target/release/build/${crate}-${hex16(rand)}/out/${hex16(rand)}-server.o" "-c" "${REG}/${crate}-${v}/src/server.c"`,
    `warning: ${crate}@${v}: exit status: 0`,
  ];
}

/** The body of a fixture log: its `# key: value` header dropped. */
function fixtureBodies(dir) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.log'))
    .sort()
    .map((n) => {
      const lines = readFileSync(path.join(dir, n), 'utf8').split('\n');
      let i = 0;
      while (i < lines.length && /^# [a-z-]+:/.test(lines[i])) i++;
      return lines.slice(i).join('\n');
    });
}

/**
 * One "build": ~1 fixture body in ~10x its size of noise. Returns a pattern of `patternBytes`
 * (several builds, all different); the file is that pattern repeated up to `targetBytes`.
 */
function buildPattern(fixturesDir, patternBytes, seed = 42) {
  const rand = prng(seed);
  const bodies = fixtureBodies(fixturesDir);
  const out = [];
  let size = 0;
  let b = 0;
  const push = (line) => {
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  };
  while (size < patternBytes) {
    push('🐍 Found CPython 3.12 at /opt/python/cp312-cp312/bin/python3');
    push('📡 Using build options features, bindings from pyproject.toml');
    const noiseTarget = size + 40_000 + Math.floor(rand() * 40_000);
    while (size < noiseTarget) noise(rand, push);
    for (const l of bodies[b++ % bodies.length].split('\n')) push(l);
  }
  return Buffer.from(`${out.join('\n')}\n`);
}

/** One piece of what a verbose build prints when nothing is wrong. */
function noise(rand, push) {
  const r = rand();
  if (r < 0.45) push(`   Compiling ${pick(rand, CRATES)} v${version(rand)}`);
  else if (r < 0.6) for (const l of warningBlock(rand)) push(l);
  else if (r < 0.75) push(rustcLine(rand));
  else if (r < 0.9) for (const l of ccChatter(rand)) push(l);
  else
    push(
      `     Running \`/home/runner/work/proj/proj/target/release/build/${pick(rand, CRATES)}-${hex16(rand)}/build-script-build\``,
    );
}

/** About `bytes` of the build noise alone (no failure in it): what the classifier skips most of the time. */
export function buildNoise(bytes, seed = 7) {
  const rand = prng(seed);
  const out = [];
  let size = 0;
  const push = (line) => {
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  };
  while (size < bytes) noise(rand, push);
  return `${out.join('\n')}\n`;
}

/** Writes a log of at least targetBytes to file; returns its size in bytes. */
export function writeBigLog(file, targetBytes, fixturesDir) {
  const pattern = buildPattern(fixturesDir, 8 * 1024 * 1024);
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    while (written < targetBytes) written += writeSync(fd, pattern);
  } finally {
    closeSync(fd);
  }
  return written;
}
