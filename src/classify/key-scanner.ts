import {KEYSCAN_WASM_BASE64} from './keyscan-wasm.js';

// The memory layout of wasm/keyscan.ts.
const GRAMS = 0;
const GRAMS_BYTES = 32768;
const FOLD = 32768;
const OFFSETS = 33024;
const OFFSETS_BYTES = 262144;
const BUCKETS = 295168;
const BUCKETS_BYTES = 65536 * 2;
const KEYS = 426240;
const KEYS_BYTES = 32768;
const OUT = 459008;
const OUT_CAP = 4096; // [start, key id] pairs
const DATA = 524288;
/** Bytes of log one call can scan. */
export const DATA_BYTES = 12 * 65536 - DATA;
/** Bytes read at once: small enough that the scan reads them from the CPU cache after the copy. */
export const READ_BYTES = 128 * 1024;

/** Keys shorter than this cannot be found: the scan reads 4-byte grams. */
export const MIN_KEY_LENGTH = 4;
/** The scan's step is at most this (the offsets of a gram are one byte's bits). */
const MAX_STRIDE = 8;
const CASE = 0xdfdfdfdf;

// The part of the WebAssembly API used here (@types/node 20 does not declare it).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => {exports: unknown};
};

interface Exports {
  memory: {buffer: ArrayBuffer};
  scan(from: number, to: number, stride: number, max: number): number;
  strip(from: number, to: number): number;
}

let compiled: object | undefined;

function gram(bytes: ArrayLike<number>, at: number): number {
  return ((bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) & CASE) >>> 0;
}

/** 18 bits: the gram set and its offsets. A 16-bit hash let common path grams (`work`, `ork/`) collide with keys' grams. */
function gramHash(bytes: ArrayLike<number>, at: number): number {
  return Math.imul(gram(bytes, at), 0x9e3779b1) >>> 14;
}

/**
 * Finds lower-case ASCII keys in raw log bytes, ignoring ASCII case, with a small WebAssembly
 * scanner (wasm/keyscan.ts) that looks at one 4-byte gram every few bytes. The log is copied
 * into the scanner's own memory (`data`) and searched there; offsets are into `data`.
 */
export class KeyScanner {
  /** Where the bytes to scan go: DATA_BYTES long. */
  readonly data: Buffer;
  private readonly wasm: Exports;
  private readonly mem: Uint8Array;
  private readonly out: Uint32Array;
  private readonly ids = new Uint16Array(OUT_CAP);
  private stride = 1;
  private empty = true;

  /** keys[i] gets id i. */
  constructor(keys: readonly string[]) {
    compiled ??= new WebAssembly.Module(Buffer.from(KEYSCAN_WASM_BASE64, 'base64'));
    this.wasm = new WebAssembly.Instance(compiled).exports as Exports;
    this.mem = new Uint8Array(this.wasm.memory.buffer);
    this.data = Buffer.from(this.wasm.memory.buffer, DATA, DATA_BYTES);
    this.out = new Uint32Array(this.wasm.memory.buffer, OUT, 2 * OUT_CAP);
    for (let b = 0; b < 256; b++) this.mem[FOLD + b] = b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
    this.setKeys(keys.map((key, id) => ({key, id})));
  }

  /** Searches for these keys from now on (ids as given). */
  setKeys(keys: readonly {key: string; id: number}[]): void {
    for (const {key} of keys) {
      if (
        key.length < MIN_KEY_LENGTH ||
        key.length > 255 ||
        !/^[\x20-\x7e]+$/.test(key) ||
        key !== key.toLowerCase()
      )
        throw new Error(
          `scan key ${JSON.stringify(key)}: must be 4-255 printable lower-case ASCII characters`,
        );
    }
    this.mem.fill(0, GRAMS, GRAMS + GRAMS_BYTES);
    this.mem.fill(0, OFFSETS, OFFSETS + OFFSETS_BYTES);
    this.mem.fill(0, BUCKETS, BUCKETS + BUCKETS_BYTES);
    this.mem.fill(0, KEYS, KEYS + KEYS_BYTES);
    this.empty = keys.length === 0;
    if (this.empty) return;
    this.stride = Math.min(Math.min(...keys.map((k) => k.key.length)) - 3, MAX_STRIDE);
    const view = new DataView(this.wasm.memory.buffer);
    const buckets = new Map<number, {bytes: Buffer; id: number}[]>();
    for (const {key, id} of keys) {
      const bytes = Buffer.from(key, 'latin1');
      for (let j = 0; j < this.stride; j++) {
        const h = gramHash(bytes, j);
        this.mem[GRAMS + (h >> 3)] |= 1 << (h & 7);
        this.mem[OFFSETS + h] |= 1 << j;
      }
      const b = gramHash(bytes, 0) >> 2;
      buckets.set(b, [...(buckets.get(b) ?? []), {bytes, id}]);
    }
    let at = 1; // 0 means "no list"
    for (const [b, list] of buckets) {
      view.setUint16(BUCKETS + 2 * b, at, true);
      for (const {bytes, id} of list) {
        if (at + 7 + bytes.length + 1 > KEYS_BYTES) throw new Error('scan keys: too many');
        this.mem[KEYS + at] = bytes.length;
        view.setUint16(KEYS + at + 1, id, true);
        view.setUint32(KEYS + at + 3, gram(bytes, 0), true);
        this.mem.set(bytes, KEYS + at + 7);
        at += 7 + bytes.length;
      }
      this.mem[KEYS + at++] = 0;
    }
  }

  /** Where the first key found in data[from, to) starts (not always the leftmost one), or -1. */
  find(from: number, to: number): number {
    if (this.empty || this.wasm.scan(DATA + from, DATA + to, this.stride, 1) === 0) return -1;
    return this.out[0] - DATA;
  }

  /** The id of the key the last successful find() found. */
  get foundKey(): number {
    return this.out[1];
  }

  /** The ids of every key occurrence in data[from, to) (at most 4,096), in no particular order. */
  keysIn(from: number, to: number): Uint16Array {
    const n = this.empty ? 0 : this.wasm.scan(DATA + from, DATA + to, this.stride, OUT_CAP);
    for (let i = 0; i < n; i++) this.ids[i] = this.out[2 * i + 1];
    return this.ids.subarray(0, n);
  }

  /** Removes terminal escape sequences from data[from, to) in place; returns the new end. */
  stripEscapes(from: number, to: number): number {
    return this.wasm.strip(DATA + from, DATA + to) - DATA;
  }
}
