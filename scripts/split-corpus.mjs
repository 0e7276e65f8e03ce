#!/usr/bin/env node
// Keeps __tests__/fixtures/corpus-split.json: which corpus logs rules may be tuned on, and which are
// held out to measure generalization (npm run eval). Assignments never change once made, except by
// --move-to-tuning, which records why.
//
//   node scripts/split-corpus.mjs                    assign every new log: per class, a seeded shuffle
//                                                    of the new logs fills the held-out split first,
//                                                    until it holds HELD_OUT_SHARE of the class
//   node scripts/split-corpus.mjs --all-tuning       assign every new log to tuning (logs rules were
//                                                    already fitted to)
//   node scripts/split-corpus.mjs --move-to-tuning FILE "why"   a rule was written for this held-out log
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOGS = path.join(ROOT, '__tests__', 'fixtures', 'logs');
const SPLIT = path.join(ROOT, '__tests__', 'fixtures', 'corpus-split.json');
const SEED = 20261202;
const HELD_OUT_SHARE = 0.35;

/** mulberry32: a small seeded generator, so the shuffle is the same on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(items, seed) {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const hash = (s) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, SEED);
const classOf = (file) => file.slice(0, file.indexOf('--'));

const split = existsSync(SPLIT)
  ? JSON.parse(readFileSync(SPLIT, 'utf8'))
  : {seed: SEED, heldOutShare: HELD_OUT_SHARE, heldOut: [], tuning: [], moved: []};
const files = readdirSync(LOGS)
  .filter((f) => f.endsWith('.log'))
  .sort();
const args = process.argv.slice(2);

if (args[0] === '--move-to-tuning') {
  const [, file, why] = args;
  if (!split.heldOut.includes(file) || !why) throw new Error('usage: --move-to-tuning HELD_OUT_FILE "why"');
  split.heldOut = split.heldOut.filter((f) => f !== file);
  split.tuning.push(file);
  split.moved.push({file, why});
} else {
  const known = new Set([...split.heldOut, ...split.tuning]);
  const fresh = files.filter((f) => !known.has(f));
  const byClass = new Map();
  for (const f of fresh) byClass.set(classOf(f), [...(byClass.get(classOf(f)) ?? []), f]);
  for (const [cls, newFiles] of byClass) {
    if (args[0] === '--all-tuning') {
      split.tuning.push(...newFiles);
      continue;
    }
    const total = files.filter((f) => classOf(f) === cls).length;
    const held = split.heldOut.filter((f) => classOf(f) === cls).length;
    const want = Math.max(0, Math.ceil(total * HELD_OUT_SHARE) - held);
    const order = shuffled(newFiles, hash(cls) + split.heldOut.length + split.tuning.length);
    split.heldOut.push(...order.slice(0, want));
    split.tuning.push(...order.slice(want));
  }
}
// Drop logs that no longer exist (renamed or removed), keep both lists sorted.
split.heldOut = split.heldOut.filter((f) => files.includes(f)).sort();
split.tuning = split.tuning.filter((f) => files.includes(f)).sort();
writeFileSync(SPLIT, `${JSON.stringify(split, null, 2)}\n`);
console.log(`held out ${split.heldOut.length}, tuning ${split.tuning.length} of ${files.length} logs`);
