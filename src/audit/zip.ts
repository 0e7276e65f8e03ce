import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {inflateRawSync} from 'node:zlib';

/**
 * Reads entries of a zip archive (a wheel) without extracting it: the central directory, then one
 * entry at a time, stored or deflated. No zip64 (a wheel over 4 GiB is not a wheel PyPI takes).
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeader: number;
}

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipReader {
  private readonly fd: number;
  readonly entries: readonly ZipEntry[];

  constructor(readonly file: string) {
    this.fd = openSync(file, 'r');
    try {
      this.entries = this.readDirectory();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private read(position: number, length: number): Buffer {
    const buf = Buffer.alloc(length);
    const n = readSync(this.fd, buf, 0, length, position);
    if (n !== length)
      throw new ZipError(`${this.file}: truncated zip (wanted ${length} bytes at ${position})`);
    return buf;
  }

  private readDirectory(): ZipEntry[] {
    const size = fstatSync(this.fd).size;
    // The end record is 22 bytes plus a comment of up to 65,535.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = this.read(size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError(`${this.file}: not a zip file (no end of central directory)`);
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || count === 0xffff)
      throw new ZipError(`${this.file}: zip64 is not supported`);
    const dir = this.read(dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
        throw new ZipError(`${this.file}: bad central directory entry ${i}`);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      entries.push({
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localHeader: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }

  /** The first `limit` bytes of an entry's content (all of it by default). */
  content(entry: ZipEntry, limit = Number.POSITIVE_INFINITY): Buffer {
    const header = this.read(entry.localHeader, 30);
    if (header.readUInt32LE(0) !== LOCAL)
      throw new ZipError(`${this.file}: bad local header for ${entry.name}`);
    const start = entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (entry.method === 0) return this.read(start, Math.min(entry.size, limit));
    if (entry.method !== 8)
      throw new ZipError(`${this.file}: ${entry.name} uses compression method ${entry.method}`);
    const data = inflateRawSync(this.read(start, entry.compressedSize));
    if (data.length !== entry.size)
      throw new ZipError(`${this.file}: ${entry.name} inflated to a wrong size`);
    return limit < data.length ? data.subarray(0, limit) : data;
  }
}
