// Issue 10's second-run measure: the e2e workflow's failure-memory job under act, with act's cache
// server. In one job, the same kzg-ext build runs: first (Docker fails on c-kzg, native builds, the
// failure is remembered), second (Docker skipped as remembered, native builds), native alone (the
// same native build with nothing else, its target dir as warm as the second's), and third after a
// Cargo.lock change. act prints each step's duration; the ratios are taken within one job run.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {actArgs} from './act.mjs';
import {capture, mean, run, spread} from './proc.mjs';

const MEMORY_ENV = [
  '--env',
  'MF_CONTAINER=maturin-fallback/standin:bullseye',
  '--env',
  'MF_DOCKER_OPTIONS=--network none',
  '--var',
  'MF_LOCAL_E2E=true',
];

/** act's `✅  Success - Main ./ [12.3s]` lines, in order: the action steps' durations in seconds. */
function actionSteps(lines) {
  const out = [];
  for (const l of lines) {
    const m = /Success - Main \.\/ \[([\d.]+)(ms|s)\]/.exec(l.text);
    if (m) out.push(Number(m[1]) / (m[2] === 'ms' ? 1000 : 1));
  }
  return out;
}

export async function memoryBench({root, log, repeats = 2}) {
  if (capture(['act', '--version']) === undefined)
    throw new Error('act is not installed (scripts/setup.sh installs it)');
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'mf-bench-memcache-'));
    const store = mkdtempSync(path.join(os.tmpdir(), 'mf-bench-memstore-'));
    try {
      const extra = [...MEMORY_ENV, '--env', `MF_ARTIFACT_STORE=${store}`];
      const r = await run(actArgs({root, job: 'failure-memory', cacheDir, store, extra}), {cwd: root});
      const [first, second, nativeAlone, third] = actionSteps(r.lines);
      const remembered = r.lines.some((l) => /↷ docker skipped, remembered:/.test(l.text));
      runs.push({code: r.code, first, second, nativeAlone, third, remembered});
      log(
        `  failure-memory run ${i + 1}: act exit ${r.code}; first ${first} s, second (docker remembered: ${remembered}) ${second} s, native alone ${nativeAlone} s, third (new Cargo.lock) ${third} s`,
      );
    } finally {
      rmSync(cacheDir, {recursive: true, force: true});
      rmSync(store, {recursive: true, force: true});
    }
  }
  const ok = runs.filter((r) => r.code === 0 && r.remembered && r.second && r.nativeAlone);
  const ratios = ok.map((r) => r.second / r.nativeAlone);
  const firstRatios = ok.map((r) => r.first / r.second);
  return {
    runs,
    secondRunRatio: mean(ratios),
    secondRunRatioSpread: spread(ratios),
    firstOverSecond: mean(firstRatios),
    firstOverSecondSpread: spread(firstRatios),
  };
}
