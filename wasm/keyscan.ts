// The classifier's hot loop, compiled to WebAssembly by AssemblyScript (scripts/build-wasm.mjs).
//
// scan() finds where any of a set of lower-case ASCII keys occurs in a byte range, ignoring ASCII
// case. It reads one 4-byte gram every `stride` bytes, where stride is the
// shortest key's length minus 3: every key occurrence then holds one sampled gram among its first
// stride + 3 bytes. A gram whose hash is not in the bitset rules out every key there. A gram that
// is in it says at which offsets into a key it was seen; only those starts are checked, against
// the keys whose first gram hashes like the text there.
//
// The memory layout is shared with src/classify/key-scanner.ts, which fills the tables.

const GRAMS: usize = 0; // 262,144-bit set of 18-bit gram hashes (32 KB: stays in L1)
const FOLD: usize = 32768; // 256 bytes: A-Z to a-z, every other byte to itself
const OFFSETS: usize = 33024; // 262,144 bytes: per 18-bit gram hash, bit j = a key holds such a gram at offset j
const BUCKETS: usize = 295168; // 65,536 x u16: 16-bit hash of a key's first gram -> offset of its list in KEYS
const KEYS: usize = 426240; // lists of [length u8][id u16][first gram, folded u32][bytes]; length 0 ends one
const OUT: usize = 459008; // scan() writes [start u32, key id u32] pairs here (32 KB)
const CASE: u32 = 0xdfdfdfdf; // clears bit 5 of each byte: a-z and A-Z hash alike

// @ts-ignore: decorator
@inline
function gramHash(p: usize): usize {
  return <usize>(((load<u32>(p) & CASE) * 0x9e3779b1) >>> 14);
}

/** The first entry from `list` on whose key occurs at st and ends by `to`, or 0. */
// @ts-ignore: decorator
@inline
function matchAt(st: usize, to: usize, list: usize): usize {
  const gram = load<u32>(st) & CASE;
  let k = list;
  let len = <usize>load<u8>(k);
  while (len != 0) {
    if (st + len <= to && load<u32>(k + 3) == gram) {
      let i: usize = 0;
      while (i < len && load<u8>(FOLD + <usize>load<u8>(st + i)) == load<u8>(k + 7 + i)) i++;
      if (i == len) return k;
    }
    k += 7 + len;
    len = <usize>load<u8>(k);
  }
  return 0;
}

// @ts-ignore: decorator
@inline
function nextEntry(k: usize): usize {
  return k + 7 + <usize>load<u8>(k);
}

/**
 * Writes [start u32, key id u32] to OUT for each key occurrence found in [from, to), up to `max`
 * of them, and returns how many. An occurrence is found at the one sampled gram it holds, so with
 * max 1 the first one found is not always the leftmost.
 */
export function scan(from: usize, to: usize, stride: usize, max: usize): u32 {
  if (to < from + 4) return 0;
  const last = to - 4;
  let n: usize = 0;
  for (let p = from; p <= last; p += stride) {
    const h = gramHash(p);
    if ((load<u8>(GRAMS + (h >> 3)) & (1 << (<u32>h & 7))) == 0) continue;
    let offsets = <usize>load<u8>(OFFSETS + h);
    for (let j: usize = 0; offsets != 0 && p - j >= from; j++, offsets >>= 1) {
      if ((offsets & 1) == 0) continue;
      const st = p - j;
      const list = <usize>load<u16>(BUCKETS + ((gramHash(st) >> 2) << 1));
      if (list == 0) continue;
      for (let k = matchAt(st, to, KEYS + list); k != 0; k = matchAt(st, to, nextEntry(k))) {
        store<u32>(OUT + (n << 3), <u32>st);
        store<u32>(OUT + (n << 3) + 4, <u32>load<u16>(k + 1));
        if (++n == max) return <u32>n;
      }
    }
  }
  return <u32>n;
}

/**
 * Removes terminal escape sequences from [from, to) in place and returns the new end. The grammar
 * is normalize.ts's ANSI pattern, applied within each line: CSI `ESC [ [0-9;?]* [ -/]* [@-~]`,
 * OSC `ESC ] [^BEL ESC]* (BEL | ESC \)`, and two-byte `ESC [@-Z\-_]`. An escape that fits none of
 * them stays. Text between escapes moves 16 bytes at a time.
 */
export function strip(from: usize, to: usize): usize {
  const escapes = i8x16.splat(0x1b);
  let w = from;
  let r = from;
  while (r < to) {
    // Copy up to the next ESC.
    let q = r;
    while (q + 16 <= to && !v128.any_true(i8x16.eq(v128.load(q), escapes))) q += 16;
    while (q < to && load<u8>(q) != 0x1b) q++;
    if (q > r) {
      if (w != r) memory.copy(w, r, q - r);
      w += q - r;
      r = q;
    }
    if (r >= to) break;
    const end = escapeEnd(r, to);
    if (end == 0) {
      store<u8>(w++, 0x1b);
      r++;
    } else {
      r = end;
    }
  }
  return w;
}

/** One past the escape sequence at r (an ESC), or 0 when none of the forms matches. */
function escapeEnd(r: usize, to: usize): usize {
  if (r + 1 >= to) return 0;
  const n = <u32>load<u8>(r + 1);
  if (n == 0x5b) {
    let q = r + 2;
    while (q < to && isParam(load<u8>(q))) q++;
    while (q < to && load<u8>(q) >= 0x20 && load<u8>(q) <= 0x2f) q++;
    if (q < to && load<u8>(q) >= 0x40 && load<u8>(q) <= 0x7e) return q + 1;
  } else if (n == 0x5d) {
    let q = r + 2;
    while (q < to && !isOscEnd(load<u8>(q))) q++;
    if (q < to && load<u8>(q) == 0x07) return q + 1;
    if (q + 1 < to && load<u8>(q) == 0x1b && load<u8>(q + 1) == 0x5c) return q + 2;
  }
  if ((n >= 0x40 && n <= 0x5a) || (n >= 0x5c && n <= 0x5f)) return r + 2;
  return 0;
}

// @ts-ignore: decorator
@inline
function isParam(c: u8): bool {
  return (c >= 0x30 && c <= 0x39) || c == 0x3b || c == 0x3f;
}

/** BEL or ESC ends an OSC body; a line end means it never ended. */
// @ts-ignore: decorator
@inline
function isOscEnd(c: u8): bool {
  return c == 0x07 || c == 0x1b || c == 0x0a || c == 0x0d;
}
