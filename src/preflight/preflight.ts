import {existsSync, readFileSync} from 'node:fs';
import {parse} from 'smol-toml';
import type {FailureClass} from '../classify/classes.js';
import type {Inputs} from '../inputs/inputs.js';
import type {AttemptPlan} from '../strategies/strategy.js';

export {findLock} from '../util/cargo-lock.js';

/**
 * Preflight: before any attempt runs, match the locked crates and the plan against a table of
 * known incompatibilities, each with its source, and say which attempts are predicted to fail.
 */

export interface LockedCrate {
  readonly name: string;
  readonly version: string;
}

/** Which images an entry is about. */
type ImageMatch = (image: string) => boolean;

export interface Incompatibility {
  readonly id: string;
  readonly cls: FailureClass;
  /** The crate that fails, and the versions the entry covers (inclusive lower, exclusive upper). */
  readonly crate: string;
  readonly below?: string;
  /** Crates whose presence means the problem is handled (openssl-src: the vendored feature). */
  readonly unlessCrate?: string;
  /** A before-script-linux that mentions this handles it (installs the headers, the tool). */
  readonly unlessScript?: RegExp;
  readonly images: ImageMatch;
  /** What, where, which versions: shown in the notice. */
  readonly what: string;
  readonly remedy: string;
  readonly source: string;
}

const CROSS_2014 = (image: string) => /rust-cross\/manylinux2014-cross:/.test(image);
const MANYLINUX_IMAGE = (image: string) => /pypa\/manylinux|rust-cross\/manylinux/.test(image);
const ARM_CROSS_2014 = (image: string) => /rust-cross\/manylinux2014-cross:(?:aarch64|armv7)/.test(image);

/** The known incompatibilities (the corpus logs behind each are under __tests__/fixtures/logs). */
export const INCOMPATIBILITIES: readonly Incompatibility[] = [
  {
    id: 'c-kzg-gcc48',
    cls: 'blst-ckzg',
    crate: 'c-kzg',
    images: CROSS_2014,
    what: "c-kzg (every version) in the manylinux2014 cross images: their GCC 4.8.5 compiles C as gnu89, which rejects c-kzg's C99 code ('for' loop initial declarations)",
    remedy: 'use docker:2_28 (GCC 7.5), zig:2014 or native for this target',
    source:
      'maturin-action cross images; real logs: __tests__/fixtures/logs/blst-ckzg--*gnu89*, reth and alloy issue threads',
  },
  {
    id: 'openssl-headers',
    cls: 'openssl',
    crate: 'openssl-sys',
    unlessCrate: 'openssl-src',
    unlessScript: /openssl|libssl/i,
    images: MANYLINUX_IMAGE,
    what: 'openssl-sys (every version) without its vendored feature in the manylinux images: they ship no OpenSSL headers, so its build script cannot find OpenSSL',
    remedy:
      'add before-script-linux: "yum install -y openssl-devel perl-IPC-Cmd" (dnf on 2_28), or enable the vendored feature of openssl (openssl-src), or use rustls',
    source: 'pypa/manylinux images; real logs: __tests__/fixtures/logs/openssl--*',
  },
  {
    id: 'ring-arm-gcc48',
    cls: 'ring',
    crate: 'ring',
    below: '0.17.0',
    images: ARM_CROSS_2014,
    what: 'ring below 0.17 in the manylinux2014 aarch64/armv7 cross images: their GCC 4.8.5 does not define __ARM_ARCH for its assembly',
    remedy:
      'upgrade ring to 0.17 or newer, set CFLAGS_<target>=-D__ARM_ARCH=8 in docker-options, or use docker:2_28',
    source: 'briansmith/ring issues; real logs: __tests__/fixtures/logs/ring--*',
  },
  {
    id: 'bindgen-libclang',
    cls: 'libclang',
    crate: 'clang-sys',
    unlessScript: /clang|llvm/i,
    images: MANYLINUX_IMAGE,
    what: 'bindgen (clang-sys, every version) in the manylinux images: they ship no libclang',
    remedy: 'add before-script-linux: "yum install -y clang" (dnf on 2_28), or pre-generate the bindings',
    source: 'rust-bindgen issues; real logs: __tests__/fixtures/logs/libclang--*',
  },
];

/** Every [[package]] in Cargo.lock; an unreadable lock is no lock (the preflight then says nothing). */
export function readLock(file: string): LockedCrate[] {
  if (!existsSync(file)) return [];
  try {
    const doc = parse(readFileSync(file, 'utf8')) as {package?: {name?: unknown; version?: unknown}[]};
    return (doc.package ?? []).flatMap((p) =>
      typeof p.name === 'string' && typeof p.version === 'string' ? [{name: p.name, version: p.version}] : [],
    );
  } catch {
    return [];
  }
}

function versionBelow(version: string, bound: string): boolean {
  const parts = (v: string) =>
    v
      .split(/[.+-]/)
      .slice(0, 3)
      .map((x) => Number.parseInt(x, 10) || 0);
  const [a, b] = [parts(version), parts(bound)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

export interface Prediction {
  readonly planIndex: number;
  readonly strategy: string;
  readonly entry: Incompatibility;
  readonly crate: LockedCrate;
}

/** The attempts the table predicts will fail, each with the entry and the locked crate behind it. */
export function predictFailures(
  plans: readonly AttemptPlan[],
  inputs: Pick<Inputs, 'beforeScriptLinux'>,
  locked: readonly LockedCrate[],
): Prediction[] {
  const names = new Set(locked.map((c) => c.name));
  const out: Prediction[] = [];
  for (const plan of plans) {
    if (plan.skipReason || plan.spec.kind !== 'docker' || !plan.image) continue;
    for (const entry of INCOMPATIBILITIES) {
      if (!entry.images(plan.image)) continue;
      if (entry.unlessCrate && names.has(entry.unlessCrate)) continue;
      if (entry.unlessScript?.test(inputs.beforeScriptLinux)) continue;
      const crate = locked.find(
        (c) => c.name === entry.crate && (!entry.below || versionBelow(c.version, entry.below)),
      );
      if (crate) out.push({planIndex: plan.index, strategy: plan.label, entry, crate});
    }
  }
  return out;
}

/** One notice line per prediction. */
export function predictionNotice(p: Prediction): string {
  return `preflight: ${p.strategy} is predicted to fail with ${p.entry.cls}: ${p.entry.what} (Cargo.lock has ${p.crate.name} ${p.crate.version}). Remedy: ${p.entry.remedy}. Source: ${p.entry.source}.`;
}

export function predictedReason(p: Prediction): string {
  return `predicted: ${p.entry.cls} [${p.crate.name} ${p.crate.version}]: ${p.entry.what}; preflight: skip skipped it (preflight: warn tries it)`;
}
