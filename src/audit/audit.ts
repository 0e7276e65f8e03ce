import path from 'node:path';
import {parseWheelName} from '../wheels/wheels.js';
import {compareVersions, glibcVersion, isElf, versionNeeds} from './elf.js';
import {ZipReader} from './zip.js';

/**
 * Does a Linux wheel's platform tag tell the truth? A `manylinux_2_X` tag promises the wheel runs on
 * glibc 2.X; its ELF files say which glibc symbol versions they need. A wheel renamed to an older
 * tag than it needs installs where it cannot load, so it must not be published. musllinux wheels
 * must need no glibc at all.
 */

export type Verdict = 'honest' | 'dishonest' | 'no-claim' | 'not-linux' | 'unreadable';

export interface GlibcNeed {
  /** e.g. `GLIBC_2.34`. */
  readonly version: string;
  /** The wheel member that needs it. */
  readonly member: string;
  /** One undefined symbol bound to that version (empty when the file has no symbol table). */
  readonly symbol: string;
}

export interface WheelAudit {
  readonly wheel: string;
  readonly platforms: readonly string[];
  /** The oldest glibc a manylinux tag of the wheel claims, e.g. `2.17`; undefined without one. */
  readonly claimedGlibc?: string;
  /** The newest glibc version any ELF file in the wheel needs. */
  readonly newestGlibc?: GlibcNeed;
  readonly elfFiles: number;
  readonly verdict: Verdict;
  /** One line a person can act on. */
  readonly reason: string;
}

/** The legacy manylinux names (PEP 513, 571, 599) and the glibc each stands for. */
const LEGACY: Record<string, [number, number]> = {
  manylinux1: [2, 5],
  manylinux2010: [2, 12],
  manylinux2014: [2, 17],
};

/** The glibc a platform tag claims: `manylinux_2_28_x86_64` → [2, 28]; undefined for other tags. */
export function claimedGlibc(platform: string): [number, number] | undefined {
  const pep600 = /^manylinux_(\d+)_(\d+)_/.exec(platform);
  if (pep600) return [Number(pep600[1]), Number(pep600[2])];
  const legacy = /^(manylinux\d+)_/.exec(platform);
  return legacy ? LEGACY[legacy[1]] : undefined;
}

/** Members that can hold ELF code: extension modules, grafted libraries, scripts of bin bindings. */
function mayBeElf(name: string): boolean {
  return /\.so(?:\.[\d.]+)?$/.test(name) || /\.libs\//.test(name) || /\.data\/scripts\//.test(name);
}

const fmt = (v: readonly [number, number]) => `${v[0]}.${v[1]}`;

/** Reads the wheel's ELF files and judges its tag. Never throws: an unreadable wheel says why. */
export function auditWheel(file: string): WheelAudit {
  const wheel = path.basename(file);
  const parsed = parseWheelName(file);
  const platforms = parsed?.platforms ?? [];
  const base = {wheel, platforms, elfFiles: 0};
  if (!parsed) return {...base, verdict: 'unreadable', reason: `${wheel} is not a wheel file name (PEP 427)`};
  const linux = platforms.filter((p) => /^(?:many|musl)?linux/.test(p));
  if (linux.length === 0)
    return {
      ...base,
      verdict: 'not-linux',
      reason: `${platforms.join('.')} is not a Linux tag: nothing to audit`,
    };

  let newest: GlibcNeed | undefined;
  let newestVersion: [number, number] | undefined;
  let elfFiles = 0;
  let reader: ZipReader | undefined;
  try {
    reader = new ZipReader(file);
    for (const entry of reader.entries) {
      if (!mayBeElf(entry.name) || entry.size < 64) continue;
      const bytes = reader.content(entry);
      if (!isElf(bytes)) continue;
      elfFiles++;
      for (const need of versionNeeds(bytes)) {
        const v = glibcVersion(need.version);
        if (!v || (newestVersion && compareVersions(v, newestVersion) <= 0)) continue;
        newestVersion = v;
        newest = {version: need.version, member: entry.name, symbol: need.symbols[0] ?? ''};
      }
    }
  } catch (e) {
    return {
      ...base,
      verdict: 'unreadable',
      reason: `${wheel}: ${e instanceof Error ? e.message : String(e)}`,
    };
  } finally {
    reader?.close();
  }
  const found = {...base, elfFiles, ...(newest ? {newestGlibc: newest} : {})};
  const needs = newest
    ? `${newest.version}${newest.symbol ? ` (${newest.symbol}@${newest.version} in ${newest.member})` : ` (${newest.member})`}`
    : '';

  const musl = linux.find((p) => p.startsWith('musllinux'));
  if (musl) {
    return newest
      ? {...found, verdict: 'dishonest', reason: `${musl} claims musl, but the wheel needs glibc: ${needs}`}
      : {...found, verdict: 'honest', reason: `${musl}: no glibc symbol versions needed`};
  }
  const claims = linux.map(claimedGlibc).filter((v): v is [number, number] => v !== undefined);
  if (claims.length === 0)
    return {
      ...found,
      verdict: 'no-claim',
      reason: `${linux.join('.')} claims no glibc (PyPI refuses linux_* tags)${newest ? `; needs ${needs}` : ''}`,
    };
  // A wheel with several tags installs wherever any of them matches: the oldest claim must hold.
  const claim = claims.reduce((a, b) => (compareVersions(a, b) <= 0 ? a : b));
  const claimTag = linux[claims.indexOf(claim)] ?? linux[0];
  const withClaim = {...found, claimedGlibc: fmt(claim)};
  if (!newestVersion || compareVersions(newestVersion, claim) <= 0) {
    return {
      ...withClaim,
      verdict: 'honest',
      reason: `${claimTag} claims glibc ${fmt(claim)}; the newest needed is ${newest ? newest.version : 'none'}`,
    };
  }
  return {
    ...withClaim,
    verdict: 'dishonest',
    reason: `${claimTag} claims glibc ${fmt(claim)}, but the wheel needs ${needs}: it would install on systems where it cannot load`,
  };
}

/** Verdicts that must stop a wheel from being published. */
export function refused(a: Pick<WheelAudit, 'verdict'>): boolean {
  return a.verdict === 'dishonest' || a.verdict === 'unreadable';
}
