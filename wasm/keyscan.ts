// The classifier's hot loop, compiled to WebAssembly by AssemblyScript (scripts/build-wasm.mjs).
//
// find() looks for the first place in a byte range where any of a set of lower-case ASCII keys
// starts, ignoring ASCII case. It reads one 4-byte gram every `stride` bytes, where stride is the
// shortest key's length minus 3: every key occurrence then holds one sampled gram among its first
// stride + 3 bytes. A gram whose hash is not in the bitset rules out every key there; a gram that
// is in it is checked against the keys that could start at each of the stride places it covers.
//
// The memory layout is shared with src/classify/key-scanner.ts, which fills the tables.

const GRAMS: usize = 0; // 65,536-bit set of hashed grams (8 KB: stays in L1)
const FOLD: usize = 8192; // 256 bytes: A-Z to a-z, every other byte to itself
const BUCKETS: usize = 8448; // 65,536 x u16: first two folded bytes -> offset of their key list in KEYS
const KEYS: usize = 139520; // key lists: [length u8][id u16][bytes], a list ends with length 0
const OUT: usize = 172288; // findAll() writes key ids here (u16)
const OUT_CAP: usize = 4096;

/** The id of the key find() found. */
export let foundKey: u32 = 0;

// @ts-expect-error: decorator
@inline
function gramHash(p: usize): usize {
  return <usize>(((load<u32>(p) & 0xdfdfdfdf) * 0x9e3779b1) >>> 16);
}

/** The id + 1 of the first key of the bucket list at `list` that starts at st and ends by `to`, else 0. */
// @ts-expect-error: decorator
@inline
function keyAt(st: usize, to: usize, list: usize): u32 {
  let k = list;
  let len = <usize>load<u8>(k);
  while (len != 0) {
    if (st + len <= to) {
      let i: usize = 2;
      while (i < len && load<u8>(FOLD + <usize>load<u8>(st + i)) == load<u8>(k + 3 + i)) i++;
      if (i == len) return <u32>load<u16>(k + 1) + 1;
    }
    k += 3 + len;
    len = <usize>load<u8>(k);
  }
  return 0;
}

// @ts-expect-error: decorator
@inline
function bucketAt(st: usize): usize {
  const h = <usize>load<u8>(FOLD + <usize>load<u8>(st)) | (<usize>load<u8>(FOLD + <usize>load<u8>(st + 1)) << 8);
  return <usize>load<u16>(BUCKETS + (h << 1));
}

/** Where the first key found in [from, to) starts, or -1. Its id is left in foundKey. */
export function find(from: usize, to: usize, stride: usize): isize {
  if (to < from + 4) return -1;
  const last = to - 4;
  for (let p = from; p <= last; p += stride) {
    const h = gramHash(p);
    if ((load<u8>(GRAMS + (h >> 3)) & (1 << (<u32>h & 7))) == 0) continue;
    for (let j: usize = 0; j < stride && p - j >= from; j++) {
      const st = p - j;
      const list = bucketAt(st);
      if (list == 0) continue;
      const id = keyAt(st, to, KEYS + list);
      if (id != 0) {
        foundKey = id - 1;
        return <isize>st;
      }
    }
  }
  return -1;
}

/**
 * Writes the id of every key occurrence in [from, to) to OUT, found the way find() finds them
 * (each occurrence at the one sampled gram it holds); returns how many (at most OUT_CAP).
 */
export function findAll(from: usize, to: usize, stride: usize): u32 {
  if (to < from + 4) return 0;
  const last = to - 4;
  let n: usize = 0;
  for (let p = from; p <= last && n < OUT_CAP; p += stride) {
    const h = gramHash(p);
    if ((load<u8>(GRAMS + (h >> 3)) & (1 << (<u32>h & 7))) == 0) continue;
    for (let j: usize = 0; j < stride && p - j >= from; j++) {
      const st = p - j;
      const list = bucketAt(st);
      if (list == 0) continue;
      let k = KEYS + list;
      let len = <usize>load<u8>(k);
      while (len != 0 && n < OUT_CAP) {
        if (st + len <= to) {
          let i: usize = 2;
          while (i < len && load<u8>(FOLD + <usize>load<u8>(st + i)) == load<u8>(k + 3 + i)) i++;
          if (i == len) store<u16>(OUT + (n++ << 1), load<u16>(k + 1));
        }
        k += 3 + len;
        len = <usize>load<u8>(k);
      }
    }
  }
  return <u32>n;
}

/**
 * Removes terminal escape sequences from [from, to) in place and returns the new end. The grammar
 * is normalize.ts's ANSI pattern, applied within each line: CSI `ESC [ [0-9;?]* [ -/]* [@-~]`,
 * OSC `ESC ] [^BEL ESC]* (BEL | ESC \)`, and two-byte `ESC [@-Z\-_]`. An escape that fits none of
 * them stays.
 */
export function strip(from: usize, to: usize): usize {
  let w = from;
  let r = from;
  while (r < to) {
    const c = load<u8>(r);
    if (c != 0x1b || r + 1 >= to) {
      store<u8>(w++, c);
      r++;
      continue;
    }
    const n = <u32>load<u8>(r + 1);
    let end: usize = 0; // one past the sequence, 0 when none matches
    if (n == 0x5b) {
      let q = r + 2;
      while (q < to && isParam(load<u8>(q))) q++;
      while (q < to && load<u8>(q) >= 0x20 && load<u8>(q) <= 0x2f) q++;
      if (q < to && load<u8>(q) >= 0x40 && load<u8>(q) <= 0x7e) end = q + 1;
    } else if (n == 0x5d) {
      let q = r + 2;
      while (q < to && load<u8>(q) != 0x07 && load<u8>(q) != 0x1b && load<u8>(q) != 0x0a && load<u8>(q) != 0x0d) q++;
      if (q < to && load<u8>(q) == 0x07) end = q + 1;
      else if (q + 1 < to && load<u8>(q) == 0x1b && load<u8>(q + 1) == 0x5c) end = q + 2;
    }
    if (end == 0 && ((n >= 0x40 && n <= 0x5a) || n == 0x5c || n == 0x5d || n == 0x5e || n == 0x5f)) end = r + 2;
    if (end == 0) {
      store<u8>(w++, c);
      r++;
    } else {
      r = end;
    }
  }
  return w;
}

// @ts-expect-error: decorator
@inline
function isParam(c: u8): bool {
  return (c >= 0x30 && c <= 0x39) || c == 0x3b || c == 0x3f;
}
