#!/usr/bin/env node
// `npm run eval`: how well the classifier generalizes. Scores the real-log corpus on its two splits
// (__tests__/fixtures/corpus-split.json): the tuning split, which rules may be fitted to, and the
// held-out split, which they never are. Prints both and writes bench/eval.json.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'eval.json');
const verbose = process.argv.includes('--misses');

/** Bundles the TypeScript classifier, evaluator and corpus reader into one module and loads it. */
async function loadModules() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mf-eval-'));
  const outfile = path.join(dir, 'eval-entry.mjs');
  await build({
    stdin: {
      contents: [
        "export {classifyLog, DEFAULT_FALLBACK_ON} from './src/classify/classifier.ts';",
        "export {evaluate, largestConfusions} from './src/classify/evaluate.ts';",
        "export {allLogFixtures, readSplit} from './__tests__/helpers/log-fixtures.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const m = await loadModules();

// `npm run eval -- --first-contact DIR`: scores a directory of new logs (same header format) before
// any rule is written for them, and prints every miss; writes nothing. Run it before adding a batch.
const firstContact = process.argv.indexOf('--first-contact');
if (firstContact >= 0) {
  const dir = path.resolve(process.argv[firstContact + 1] ?? '.');
  const fresh = m.allLogFixtures(dir);
  const s = m.evaluate(
    fresh.map((f) => ({file: f.file, expected: f.cls, diagnosis: m.classifyLog(f.body)})),
    m.DEFAULT_FALLBACK_ON,
  );
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `first contact, ${s.total} logs in ${dir}: top class ${s.correct}/${s.total} (${pct(s.accuracy)}), fallback decision ${pct(s.decisionAccuracy)}, blst-ckzg recall ${pct(s.blstRecall)}, false blst-ckzg ${s.falseBlstCount}`,
  );
  for (const miss of s.misses)
    console.log(`  miss ${miss.file}: ${miss.predicted}${miss.decisionOk ? '' : ' (wrong decision)'}`);
  process.exit(0);
}

const logsDir = path.join(ROOT, '__tests__', 'fixtures', 'logs');
const corpus = m.allLogFixtures(logsDir);
const split = m.readSplit(path.join(ROOT, '__tests__', 'fixtures', 'corpus-split.json'));
const scored = new Map(
  corpus.map((f) => [f.file, {file: f.file, expected: f.cls, diagnosis: m.classifyLog(f.body)}]),
);
const unassigned = corpus.filter((f) => !split.heldOut.includes(f.file) && !split.tuning.includes(f.file));
const pick = (files) => files.filter((f) => scored.has(f)).map((f) => scored.get(f));
const heldOut = m.evaluate(pick(split.heldOut), m.DEFAULT_FALLBACK_ON);
const tuning = m.evaluate(pick(split.tuning), m.DEFAULT_FALLBACK_ON);

const pct = (x) => `${(100 * x).toFixed(1)}%`;
function report(name, s) {
  console.log(`\n## ${name}: ${s.total} logs`);
  console.log(`top class         ${pct(s.accuracy)} (${s.correct}/${s.total})`);
  console.log(`fallback decision ${pct(s.decisionAccuracy)}`);
  console.log(`blst-ckzg recall  ${pct(s.blstRecall)}`);
  console.log(`false blst-ckzg   ${s.falseBlstCount} (${pct(s.falseBlst)} of the other logs)`);
  console.log(
    'per-class recall  ' +
      Object.entries(s.perClass)
        .map(([c, r]) => `${c} ${r.correct}/${r.total}`)
        .join(', '),
  );
  const cells = m.largestConfusions(s.confusion, 8);
  console.log(
    `largest confusions (expected → predicted): ${cells.map((c) => `${c.expected}→${c.predicted} ${c.count}`).join(', ') || 'none'}`,
  );
  if (verbose)
    for (const w of s.wrongDecisions) console.log(`  wrong decision ${w.file}: ${w.classes.join(', ')}`);
  if (verbose)
    for (const miss of s.misses)
      console.log(`  miss ${miss.file}: ${miss.predicted}${miss.decisionOk ? '' : ' (wrong decision)'}`);
}

function matrix(s) {
  const classes = Object.keys(s.perClass);
  const predicted = [...new Set(Object.values(s.confusion).flatMap((r) => Object.keys(r)))];
  console.log(`\nconfusion matrix (rows: expected; columns: predicted): ${predicted.join(' | ')}`);
  for (const c of classes)
    console.log(
      `${c.padEnd(18)} ${predicted.map((p) => String(s.confusion[c][p] ?? 0).padStart(3)).join(' ')}`,
    );
}

report('held-out split (rules never tuned on it)', heldOut);
matrix(heldOut);
report('tuning split', tuning);
if (verbose) matrix(tuning);
if (unassigned.length)
  console.log(`\n${unassigned.length} logs in no split: run node scripts/split-corpus.mjs`);

const summary = (s) => ({
  total: s.total,
  accuracy: s.accuracy,
  decisionAccuracy: s.decisionAccuracy,
  blstRecall: s.blstRecall,
  falseBlst: s.falseBlst,
  falseBlstCount: s.falseBlstCount,
  perClass: s.perClass,
  confusion: s.confusion,
  misses: s.misses,
  wrongDecisions: s.wrongDecisions,
});
writeFileSync(
  OUT,
  `${JSON.stringify({heldOut: summary(heldOut), tuning: summary(tuning), corpus: corpus.length}, null, 2)}\n`,
);
console.log(`\nwrote ${path.relative(ROOT, OUT)}`);
