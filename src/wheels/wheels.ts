import {copyFileSync, mkdirSync, statSync} from 'node:fs';
import path from 'node:path';

export interface WheelInfo {
  readonly file: string;
  readonly name: string;
  readonly version: string;
  readonly python: string;
  readonly abi: string;
  /** Platform tags, e.g. ['manylinux_2_17_x86_64', 'manylinux2014_x86_64']. */
  readonly platforms: readonly string[];
  readonly bytes: number;
}

/** Parses `{name}-{ver}(-{build})?-{py}-{abi}-{plat}.whl` (PEP 427); undefined for anything else. */
export function parseWheelName(file: string): Omit<WheelInfo, 'bytes' | 'file'> | undefined {
  const base = path.basename(file);
  if (!base.endsWith('.whl')) return undefined;
  const parts = base.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, version] = parts;
  const [python, abi, plat] = parts.slice(-3);
  return {name, version, python, abi, platforms: plat.split('.')};
}

export function describeFile(file: string): WheelInfo | undefined {
  const parsed = parseWheelName(file);
  return parsed ? {...parsed, file, bytes: statSync(file).size} : undefined;
}

/** True for tags PyPI refuses: plain linux_* (PyPI takes manylinux/musllinux only). */
export function hasUnpublishableTag(wheel: Pick<WheelInfo, 'platforms'>): boolean {
  return wheel.platforms.some((p) => p.startsWith('linux_'));
}

/** Copies the winning attempt's files into out-dir, byte for byte and under their own names. */
export function publishToOutDir(files: readonly string[], outDir: string): string[] {
  mkdirSync(outDir, {recursive: true});
  return files.map((file) => {
    const dest = path.join(outDir, path.basename(file));
    copyFileSync(file, dest);
    return dest;
  });
}
