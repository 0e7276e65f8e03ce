/**
 * The part of an ELF file that says which symbol versions it needs from its shared libraries:
 * `.gnu.version_r` (Elf_Verneed / Elf_Vernaux records), and through `.gnu.version` and `.dynsym`,
 * which undefined symbols need each version. Both classes (32/64-bit) and byte orders.
 */

export interface VersionNeed {
  /** The library the version comes from, e.g. `libc.so.6`. */
  readonly file: string;
  /** e.g. `GLIBC_2.34`. */
  readonly version: string;
  /** Undefined dynamic symbols bound to this version (may be empty when the file has no .dynsym). */
  readonly symbols: readonly string[];
}

export class ElfError extends Error {
  override readonly name = 'ElfError';
}

const SHT_DYNSYM = 11;
const SHT_GNU_VERSYM = 0x6fffffff;
const SHT_GNU_VERNEED = 0x6ffffffe;

interface Section {
  readonly type: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly entsize: number;
}

export function isElf(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46
  );
}

/** Every (library, version) the file needs, with the symbols that need it. */
export function versionNeeds(bytes: Uint8Array): VersionNeed[] {
  if (!isElf(bytes)) throw new ElfError('not an ELF file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const is64 = bytes[4] === 2;
  if (bytes[4] !== 1 && !is64) throw new ElfError(`unknown ELF class ${bytes[4]}`);
  const le = bytes[5] === 1;
  if (bytes[5] !== 1 && bytes[5] !== 2) throw new ElfError(`unknown ELF data encoding ${bytes[5]}`);
  const at = (off: number, n: number): void => {
    if (off < 0 || off + n > bytes.length) throw new ElfError(`truncated ELF file (offset ${off})`);
  };
  const u16 = (off: number) => {
    at(off, 2);
    return view.getUint16(off, le);
  };
  const u32 = (off: number) => {
    at(off, 4);
    return view.getUint32(off, le);
  };
  const addr = (off: number) => {
    if (!is64) return u32(off);
    at(off, 8);
    return Number(view.getBigUint64(off, le));
  };

  const shoff = addr(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  if (shoff === 0 || shnum === 0) return [];
  const sections: Section[] = [];
  for (let i = 0; i < shnum; i++) {
    const s = shoff + i * shentsize;
    sections.push({
      type: u32(s + 4),
      offset: addr(is64 ? s + 0x18 : s + 0x10),
      size: addr(is64 ? s + 0x20 : s + 0x14),
      link: u32(is64 ? s + 0x28 : s + 0x18),
      entsize: addr(is64 ? s + 0x38 : s + 0x24),
    });
  }
  const cstring = (table: Section, index: number): string => {
    const start = table.offset + index;
    if (index >= table.size) throw new ElfError('string index out of its table');
    let end = start;
    const limit = table.offset + table.size;
    while (end < limit && bytes[end] !== 0) end++;
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  };

  const verneed = sections.find((s) => s.type === SHT_GNU_VERNEED);
  if (!verneed) return [];
  const strtab = sections[verneed.link];
  if (!strtab) throw new ElfError('.gnu.version_r links to no string table');
  // Version index (vna_other) → need.
  const byIndex = new Map<number, {file: string; version: string; symbols: string[]}>();
  const needs: {file: string; version: string; symbols: string[]}[] = [];
  let off = verneed.offset;
  for (let guard = 0; guard < 10_000; guard++) {
    const cnt = u16(off + 2);
    const file = cstring(strtab, u32(off + 4));
    let aux = off + u32(off + 8);
    for (let j = 0; j < cnt; j++) {
      const need = {file, version: cstring(strtab, u32(aux + 8)), symbols: [] as string[]};
      needs.push(need);
      byIndex.set(u16(aux + 6) & 0x7fff, need);
      const next = u32(aux + 12);
      if (next === 0) break;
      aux += next;
    }
    const next = u32(off + 12);
    if (next === 0) break;
    off += next;
  }

  // Which undefined dynamic symbols use each version.
  const versym = sections.find((s) => s.type === SHT_GNU_VERSYM);
  const dynsym = sections.find((s) => s.type === SHT_DYNSYM);
  if (versym && dynsym && dynsym.entsize > 0) {
    const dynstr = sections[dynsym.link];
    const count = Math.min(Math.floor(dynsym.size / dynsym.entsize), Math.floor(versym.size / 2));
    for (let i = 1; i < count; i++) {
      const need = byIndex.get(u16(versym.offset + 2 * i) & 0x7fff);
      if (!need || !dynstr) continue;
      const sym = dynsym.offset + i * dynsym.entsize;
      const shndx = u16(is64 ? sym + 6 : sym + 14);
      if (shndx !== 0) continue; // defined here, not needed from a library
      need.symbols.push(cstring(dynstr, u32(sym)));
    }
  }
  return needs;
}

/** `GLIBC_2.34` → [2, 34]; undefined for other version names (GLIBCXX_…, GLIBC_PRIVATE). */
export function glibcVersion(name: string): [number, number] | undefined {
  const m = /^GLIBC_(\d+)\.(\d+)(?:\.\d+)?$/.exec(name);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function compareVersions(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
