#!/usr/bin/env node

// `npm run bench`: measures the action against its physical limit and the status quo (issue 5).
// Prints a table and writes bench/results.json. Every figure is a ratio taken in this one run, with
// the absolute times beside it. Nothing fails on a number: this is a benchmark, not a test.
//
//   node bench/run.mjs               everything (needs docker, maturin, cargo: see scripts/setup.sh)
//   node bench/run.mjs --no-docker   only the measures that need none (classifier, start-up, bundle)
//
// Timestamped logs of every build go to bench/out/ (ignored by git).

import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {warmCacheBench} from './lib/cache.mjs';
import {chainBench, ensureDocker} from './lib/chain.mjs';
import {classifierBench} from './lib/classifier.mjs';
import {heavyBench} from './lib/heavy.mjs';
import {memoryBench} from './lib/memory.mjs';
import {capture} from './lib/proc.mjs';
import {makeRunner} from './lib/runner.mjs';
import {bundleSizes, startupBench} from './lib/startup.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'out');
const RESULTS = path.join(ROOT, 'bench', 'results.json');
const args = new Set(process.argv.slice(2));
const noDocker = args.has('--no-docker');
const log = (s) => process.stdout.write(`${s}\n`);
const started = Date.now();
const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const KEYS = [
  'early_abort_waste_s',
  'early_abort_off_waste_s',
  'chain_overhead_ratio',
  'vs_status_quo_ratio',
  'classifier_mb_s',
  'classifier_peak_rss_mb',
  'classifier_vs_grep',
  'startup_ratio',
  'bundle_bytes',
  'container_download_bytes',
  'warm_cache_ratio',
  'second_run_ratio',
  'heavy_early_abort_ratio',
  'heavy_vs_status_quo_ratio',
];
const results = Object.fromEntries(KEYS.map((k) => [k, null]));
const reasons = {};
const details = {};
const why = (keys, reason) => {
  for (const k of keys) if (results[k] === null && !reasons[k]) reasons[k] = reason;
};
const round = (x, d = 3) =>
  x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** d) / 10 ** d;

if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) {
  log('dist/index.js is missing: run `npm run build` first.');
  process.exit(1);
}
mkdirSync(OUT, {recursive: true});
details.loadStart = loadavg();

// ---- 5. start-up and bundle (no docker) ----
log('5. start-up and bundle size');
try {
  const s = await startupBench({root: ROOT});
  const b = bundleSizes(ROOT);
  results.startup_ratio = round(s.ratio);
  // Run-to-run noise: the interquartile range of the per-run ratios (interleaved pairs).
  const pairs = s.actionTimes.map((a, i) => a / s.nodeTimes[i]).sort((x, y) => x - y);
  const q = (f) => pairs[Math.min(pairs.length - 1, Math.floor(f * pairs.length))];
  results.startup_ratio_spread = round(q(0.75) - q(0.25));
  results.bundle_bytes = b.bundleBytes;
  details.startup = {
    actionFirstLineMs: round(s.actionS * 1000, 1),
    nodeE0Ms: round(s.nodeS * 1000, 1),
    runs: s.runs,
    method:
      'median over interleaved runs; dist/index.js with INPUT_COMMAND=not-a-command (reads inputs, prints ::error::, exits) timed to its first stdout byte; node -e 0 timed to exit',
    firstLine: s.firstLine,
  };
  details.bundle = b;
  log(
    `  first line ${details.startup.actionFirstLineMs} ms vs node -e 0 ${details.startup.nodeE0Ms} ms → ${results.startup_ratio}; bundle ${b.bundleBytes} B, eager ${b.eagerBytes} B`,
  );
} catch (e) {
  why(['startup_ratio', 'bundle_bytes'], `start-up measure failed: ${e.message}`);
  log(`  failed: ${e.message}`);
}

// ---- 4. classifier throughput (no docker) ----
log('4. classifier throughput (node dist/cli.js classify --json) vs grep -c');
try {
  const c = await classifierBench({root: ROOT, outDir: OUT, log});
  results.classifier_mb_s = round(c.mbS, 1);
  results.classifier_peak_rss_mb = round(c.peakRssMb, 1);
  results.classifier_vs_grep = round(c.vsGrep, 1);
  if (c.peakRssMb === null)
    reasons.classifier_peak_rss_mb =
      'GNU time (/usr/bin/time) is not installed, so the CLI process peak RSS could not be read';
  details.classifier = c;
} catch (e) {
  why(
    ['classifier_mb_s', 'classifier_peak_rss_mb', 'classifier_vs_grep'],
    `classifier measure failed: ${e.message}`,
  );
  log(`  failed: ${e.message}`);
}

// ---- 1, 2, 3, 6. the chain on real docker ----
const DOCKER_KEYS = [
  'early_abort_waste_s',
  'early_abort_off_waste_s',
  'chain_overhead_ratio',
  'vs_status_quo_ratio',
  'container_download_bytes',
];
if (noDocker) {
  why(DOCKER_KEYS, 'not measured: the bench ran with --no-docker');
} else {
  log(
    '1, 2, 3, 6. builds on real Docker, maturin and crates (kzg-ext: c-kzg fails in the container under gnu89)',
  );
  try {
    details.setup = ensureDocker(ROOT, log);
    const runner = makeRunner();
    log(`  ${runner.note}`);
    const c = await chainBench({root: ROOT, runner, outDir: OUT, log});
    details.chain = c;
    analyseChain(c);
  } catch (e) {
    why(DOCKER_KEYS, `docker part failed: ${e.message}`);
    log(`  failed: ${e.stack ?? e.message}`);
  }
}

// ---- 7. warm cache (under act's cache server) ----
if (noDocker) {
  why(['warm_cache_ratio'], 'not measured: the bench ran with --no-docker');
} else {
  log('7. warm cache: the e2e cache-warm job twice per variant under act, one cache server each');
  try {
    const c = await warmCacheBench({root: ROOT, log});
    details.warmCache = c;
    if (c.cold.buildS && c.warm.buildS && c.warm.restored)
      results.warm_cache_ratio = round(c.warm.buildS / c.cold.buildS, 2);
    if (c.moved?.cold.buildS && c.moved.warm.buildS && c.moved.warm.restored)
      results.warm_cache_moved_ratio = round(c.moved.warm.buildS / c.moved.cold.buildS, 2);
    if (!c.cold.buildS || !c.warm.buildS || !c.warm.restored)
      why(['warm_cache_ratio'], `the warm run did not restore the target dir (exit ${c.warm.code})`);
  } catch (e) {
    why(['warm_cache_ratio'], `warm-cache measure failed: ${e.message}`);
    log(`  failed: ${e.message}`);
  }
}

// ---- 8. failure memory: the second run (under act's cache server) ----
if (noDocker) {
  why(['second_run_ratio'], 'not measured: the bench ran with --no-docker');
} else {
  log(
    '8. failure memory: the e2e failure-memory job (first, second, native alone, third) three times under act',
  );
  try {
    const m = await memoryBench({root: ROOT, log, repeats: 3});
    details.memory = {
      ...m,
      definition:
        'second_run_ratio = duration of the second build step (docker remembered and skipped, native builds) / duration of the native-alone step right after it (strategies: native, the same warm target dir), act step durations, mean over the repeats; firstOverSecond = first build step (docker fails on c-kzg and is aborted early, native builds cold) / second build step',
    };
    if (m.secondRunRatio !== null) {
      results.second_run_ratio = round(m.secondRunRatio);
      results.second_run_ratio_spread = round(m.secondRunRatioSpread);
      results.first_run_over_second = round(m.firstOverSecond, 2);
    } else why(['second_run_ratio'], 'no failure-memory run remembered the docker failure');
  } catch (e) {
    why(['second_run_ratio'], `failure-memory measure failed: ${e.message}`);
    log(`  failed: ${e.message}`);
  }
}
// ---- 9. the heavier fixture: real work in flight when c-kzg fails ----
if (noDocker) {
  why(
    ['heavy_early_abort_ratio', 'heavy_vs_status_quo_ratio'],
    'not measured: the bench ran with --no-docker',
  );
} else {
  log('9. kzg-heavy (c-kzg + regex, serde_json, syn, tokio): early abort on/off, chain vs status quo');
  try {
    const runner = makeRunner();
    const h = await heavyBench({root: ROOT, runner, outDir: OUT, log});
    details.heavy = {
      ...h,
      definition:
        'heavy_early_abort_ratio = duration of the docker attempt with early abort / without (early-abort: false), each on a fresh copy; heavy_vs_status_quo_ratio = wall time of the chain (early abort on) / (plain docker run to its end + plain cold native maturin build); each the mean over the rounds, spread = max - min',
    };
    if (h.earlyAbortRatio !== undefined) {
      results.heavy_early_abort_ratio = round(h.earlyAbortRatio);
      results.heavy_early_abort_ratio_spread = round(h.earlyAbortSpread);
    } else why(['heavy_early_abort_ratio'], 'the docker attempt was not aborted early, or a run failed');
    if (h.vsStatusQuo !== undefined) {
      results.heavy_vs_status_quo_ratio = round(h.vsStatusQuo);
      results.heavy_vs_status_quo_ratio_spread = round(h.vsStatusQuoSpread);
    } else why(['heavy_vs_status_quo_ratio'], 'the chain or a status-quo run failed');
  } catch (e) {
    why(['heavy_early_abort_ratio', 'heavy_vs_status_quo_ratio'], `heavy measure failed: ${e.message}`);
    log(`  failed: ${e.message}`);
  }
}

function analyseChain(c) {
  const on = c.chain_on;
  const off = c.chain_off;
  const docker = on?.docker;
  if (docker?.fatalToEndSeconds !== undefined && docker.fatalToEndSeconds !== null)
    results.early_abort_waste_s = round(docker.fatalToEndSeconds, 2);
  else
    reasons.early_abort_waste_s = `the early-abort-on run reported no fatalToEndSeconds (exit ${on?.code}, docker ${docker?.outcome})`;
  if (docker && !docker.abortedEarly)
    reasons.early_abort_waste_note = 'the docker attempt was not aborted early in the early-abort-on run';
  if (off?.docker?.fatalToEndSeconds !== undefined && off.docker.fatalToEndSeconds !== null)
    results.early_abort_off_waste_s = round(off.docker.fatalToEndSeconds, 2);
  else
    reasons.early_abort_off_waste_s = `the early-abort-off run reported no fatalToEndSeconds (exit ${off?.code}, docker ${off?.docker?.outcome})`;

  const tl = on?.timeline;
  const native = c.plainNative;
  const okChain = on?.code === 0 && on.strategy === 'native' && native?.code === 0;
  const physicalFatal =
    tl && tl.fatal !== null && tl.insideContainer !== null ? tl.fatal - tl.insideContainer : null;
  if (okChain && physicalFatal !== null) {
    const physical = physicalFatal + native.wallS;
    results.chain_overhead_ratio = round(on.wallS / physical);
    const s = (a, b) => (a === null || b === null ? null : round(b - a, 2));
    const nativeAttempt = s(tl.attempt2, tl.nativeEnd);
    const afterWinner = s(tl.nativeEnd, tl.exit);
    const breakdown = [
      {
        part: 'process start → "Using maturin": node start-up, input read, docker probe, maturin lookup (no install)',
        s: s(0, tl.maturinReady),
        standalone: {
          actionStartupToFirstLineS: details.startup
            ? round(details.startup.actionFirstLineMs / 1000, 3)
            : null,
          dockerVersionS: round(c.probes?.dockerVersionS),
          maturinVersionS: round(c.probes?.maturinVersionS),
        },
      },
      {
        part: '"Using maturin" → attempt 1 group: cache service check (imports @actions/cache; no service outside Actions), run dir, patchelf link',
        s: s(tl.maturinReady, tl.attempt1),
      },
      {
        part: 'attempt 1 → `docker run` line: image inspect, rustc --print sysroot, host cargo fetch',
        s: s(tl.attempt1, tl.dockerRun),
        standalone: {
          imageInspectS: round(c.probes?.imageInspectS),
          rustcSysrootS: round(c.probes?.rustcSysrootS),
          cargoFetchS: round(c.probes?.cargoFetchS),
        },
      },
      {
        part: 'container start: `docker run` → first line inside the container',
        s: s(tl.dockerRun, tl.insideContainer),
      },
      {
        part: 'fatal line → container gone: settle, docker kill, docker rm, ownership fix',
        s: s(tl.fatal, tl.attempt1End),
        standalone: {dockerRunTrueS: round(c.probes?.containerRunTrueS)},
      },
      {part: 'fall-back decision: attempt 1 end → attempt 2 group', s: s(tl.attempt1End, tl.attempt2)},
      {
        part: 'native attempt (group → ✓ line, incl. staging dir and maturin spawn) minus the plain native build',
        s: nativeAttempt === null ? null : round(nativeAttempt - native.wallS, 2),
      },
      ...(tl.smokeTest !== null && tl.smokeTestEnd !== null
        ? [
            {
              part: 'smoke test (smoke-test: auto): fresh venv, pip install the wheel, import it',
              s: s(tl.smokeTest, tl.smokeTestEnd),
            },
            {
              part: 'after the winner, besides the smoke test: copy to out-dir, outputs, summary, exit (upload: false, so no upload)',
              s: round(afterWinner - (tl.smokeTestEnd - tl.smokeTest), 2),
            },
          ]
        : [
            {
              part: 'after the winner: copy to out-dir, outputs, summary, exit (upload: false, so no upload)',
              s: afterWinner,
            },
          ]),
    ];
    const excess = on.wallS - physical;
    details.chainOverhead = {
      chainS: round(on.wallS, 2),
      fatalS: round(physicalFatal, 2),
      plainNativeS: round(native.wallS, 2),
      physicalS: round(physical, 2),
      excessS: round(excess, 2),
      breakdown,
      unexplainedS: round(excess - breakdown.reduce((a, b) => a + (b.s ?? 0), 0), 2),
      definition:
        'chain = wall time of dist/index.js (early abort on); physical = time from the first line printed inside the container to the fatal line + a plain cold `maturin build --release` on the host (fresh copy, own CARGO_TARGET_DIR; the faster of two, one before and one after the chain runs)',
    };
    // The same excess without the native build's run-to-run noise: everything but the
    // "native attempt minus plain native build" item, over the physical time.
    const structural = breakdown
      .filter((b) => !b.part.startsWith('native attempt'))
      .reduce((a, b) => a + (b.s ?? 0), 0);
    details.chainOverhead.structuralExcessS = round(structural, 2);
    details.chainOverhead.ratioStructural = round((physical + structural) / physical);
    if (tl.smokeTest !== null && tl.smokeTestEnd !== null) {
      const smoke = tl.smokeTestEnd - tl.smokeTest;
      details.chainOverhead.ratioStructuralWithoutSmokeTest = round(
        (physical + structural - smoke) / physical,
      );
      details.chainOverhead.smokeTestS = round(smoke, 2);
      details.chainOverhead.ratioWithoutSmokeTest = round((on.wallS - smoke) / physical);
    }
    // The same cold cargo build ran twice (in the chain, and plain): when they differ a lot, something
    // else shared the CPU during one of them, and the ratios above carry that noise.
    if (tl.nativeCargoS && native.cargoS) {
      const skew = tl.nativeCargoS / native.cargoS;
      details.chainOverhead.nativeCargoInChainS = tl.nativeCargoS;
      details.chainOverhead.nativeCargoPlainS = native.cargoS;
      details.chainOverhead.nativeCargoPlainRunsS = native.cargoRunsS;
      if (skew > 1.1 || skew < 1 / 1.1) {
        reasons.contention_warning = `the same cold native cargo build took ${tl.nativeCargoS} s in the chain and ${native.cargoRunsS?.join(' s and ')} s plain (in-chain / faster plain = ×${skew.toFixed(2)}): CPU time on this machine varied during the run (other work, or a shared VM; load average at start ${details.loadStart}); the chain ratios carry that noise, which is larger than the 10% they are held to`;
      }
    }
  } else {
    reasons.chain_overhead_ratio = `cannot compute: chain exit ${on?.code} (winner ${on?.strategy}), plain native exit ${native?.code}, fatal line ${physicalFatal === null ? 'not located' : 'located'}`;
  }
  const d = c.plainDocker;
  if (okChain && d && native) {
    const statusQuo = d.wallS + native.wallS;
    results.vs_status_quo_ratio = round(on.wallS / statusQuo);
    details.statusQuo = {
      plainDockerS: round(d.wallS, 2),
      plainDockerExit: d.code,
      plainDockerFatalAtS: round(d.fatalS, 2),
      plainNativeS: round(native.wallS, 2),
      plainNativeRunsS: native.runsS?.map((x) => round(x, 2)),
      statusQuoS: round(statusQuo, 2),
      chainS: round(on.wallS, 2),
      chainEarlyAbortOffS: round(off?.wallS, 2),
      ratioWithoutSmokeTest: details.chainOverhead?.smokeTestS
        ? round((on.wallS - details.chainOverhead.smokeTestS) / statusQuo)
        : null,
      definition:
        'status quo = a plain `docker run` of maturin build --release with the same flags (--network none, CFLAGS=-std=gnu89, host toolchain/maturin/registry mounted, as the action mounts them) run to its end, then a plain cold native maturin build --release (the faster of two, one before and one after the chain runs)',
    };
  } else {
    reasons.vs_status_quo_ratio = `cannot compute: chain exit ${on?.code}, plain docker exit ${d?.code}, plain native exit ${native?.code}`;
  }
  const k = c.containers;
  if (
    k &&
    k.code === 0 &&
    k.outcome === 'success' &&
    k.wheels.length > 0 &&
    k.networkNone &&
    !k.installedInContainer
  ) {
    results.container_download_bytes = 0;
    details.containerDownloads = {
      proof: `pyo3-pure built in ${k.wallS.toFixed(1)} s by a docker-only chain whose docker run had --network none (only a loopback interface: nothing can be fetched), ${k.offlineCargo ? 'CARGO_NET_OFFLINE=true, ' : ''}${k.hostToolchainMounted ? 'the host toolchain, maturin and registry mounted, ' : ''}no install or pull in the log → ${k.wheels.join(', ')}`,
      ...k,
    };
  } else {
    reasons.container_download_bytes = `no proof: pyo3-pure docker-only run exit ${k?.code}, outcome ${k?.outcome}, wheels ${k?.wheels?.length ?? 0}, --network none ${k?.networkNone}, installs in container ${k?.installedInContainer}`;
  }
}

// ---- report ----
const fmt = (v, unit = '') => (v === null || v === undefined ? 'null' : `${v}${unit}`);
const met = (v, ok) => (v === null || v === undefined ? 'n/a' : ok(v) ? 'yes' : 'NO');
const D = details;
const co = D.chainOverhead;
const sq = D.statusQuo;
const rows = [
  [
    'Early-abort waste, on (fatal line → container gone)',
    fmt(results.early_abort_waste_s, ' s'),
    '≤ 2 s',
    met(results.early_abort_waste_s, (v) => v <= 2),
    D.chain?.chain_on
      ? `docker attempt ${D.chain.chain_on.docker?.durationSeconds?.toFixed(1)} s, aborted early: ${D.chain.chain_on.docker?.abortedEarly}`
      : '',
  ],
  [
    'Early-abort waste, off (what a plain retry pays)',
    fmt(results.early_abort_off_waste_s, ' s'),
    'report',
    '–',
    D.chain?.chain_off
      ? `docker attempt ${D.chain.chain_off.docker?.durationSeconds?.toFixed(1)} s; chain ${D.chain.chain_off.wallS.toFixed(1)} s`
      : '',
  ],
  [
    'Chain overhead: chain / (fatal + native build)',
    fmt(results.chain_overhead_ratio),
    '≤ 1.10',
    met(results.chain_overhead_ratio, (v) => v <= 1.1),
    co
      ? `one run (no spread); ${co.chainS} s / (${co.fatalS} s + ${co.plainNativeS} s)${co.ratioWithoutSmokeTest ? `; ${co.ratioWithoutSmokeTest} without the smoke test` : ''}; ${co.ratioStructural} without native-build noise${co.ratioStructuralWithoutSmokeTest ? ` (${co.ratioStructuralWithoutSmokeTest} also without the smoke test)` : ''}`
      : '',
  ],
  [
    'Versus status quo: chain / (docker to end + cold native)',
    fmt(results.vs_status_quo_ratio),
    'report (< 1)',
    met(results.vs_status_quo_ratio, (v) => v < 1),
    sq
      ? `one run (no spread); ${sq.chainS} s vs ${sq.plainDockerS} s + ${sq.plainNativeS} s = ${sq.statusQuoS} s${sq.ratioWithoutSmokeTest ? `; ${sq.ratioWithoutSmokeTest} without the smoke test` : ''}`
      : '',
  ],
  [
    'Classifier throughput (CLI, 256 MB log)',
    fmt(results.classifier_mb_s, ' MB/s'),
    '≥ 200 MB/s',
    met(results.classifier_mb_s, (v) => v >= 200),
    D.classifier
      ? `${(D.classifier.bytes / 1048576).toFixed(0)} MB in ${D.classifier.wallS.toFixed(2)} s (best of ${D.classifier.cliRunsS.length})`
      : '',
  ],
  [
    'Classifier peak RSS',
    fmt(results.classifier_peak_rss_mb, ' MB'),
    '≤ 80 MB',
    met(results.classifier_peak_rss_mb, (v) => v <= 80),
    D.classifier
      ? `64 MB log: ${D.classifier.peakRssMb64?.toFixed(1)} MB; 256 MB log: ${D.classifier.peakRssMb?.toFixed(1)} MB${D.classifier.retainedHeap?.samples ? `; live heap after GC at 0, ¼, ½, ¾, all of the 256 MB: ${D.classifier.retainedHeap.samples.map((x) => x.heapMb).join(', ')} MB` : ''}`
      : '',
  ],
  [
    'Classifier vs grep -c (I/O floor)',
    fmt(results.classifier_vs_grep, '×'),
    '≤ 3×',
    met(results.classifier_vs_grep, (v) => v <= 3),
    D.classifier
      ? `grep ${D.classifier.grepS.toFixed(3)} s (${D.classifier.grepMbS.toFixed(0)} MB/s), best of ${D.classifier.grepRunsS.length}; the CLI on an empty log: ${D.classifier.emptyS?.toFixed(3)} s (node -e 0: ${D.classifier.nodeS?.toFixed(3)} s)`
      : '',
  ],
  [
    'Start-up: first log line / node -e 0',
    fmt(results.startup_ratio),
    '≤ 2.0',
    met(results.startup_ratio, (v) => v <= 2),
    D.startup
      ? `${D.startup.actionFirstLineMs} ms vs ${D.startup.nodeE0Ms} ms (median of ${D.startup.runs}); interquartile range of the per-run ratios ${fmt(results.startup_ratio_spread)}`
      : '',
  ],
  [
    'Bundle size (`dist/*.js` + `dist/chunks/*.js`)',
    fmt(results.bundle_bytes, ' B'),
    'report',
    '–',
    D.bundle
      ? `loaded before the first line: ${D.bundle.eagerBytes} B (${D.bundle.eagerFiles.length} files)`
      : '',
  ],
  [
    'Container downloads',
    fmt(results.container_download_bytes, ' B'),
    '0',
    met(results.container_download_bytes, (v) => v === 0),
    D.containerDownloads
      ? `pyo3-pure docker-only build succeeded with --network none in ${D.containerDownloads.wallS.toFixed(1)} s`
      : '',
  ],
  [
    'Warm cache: warm rebuild / cold build',
    fmt(results.warm_cache_ratio),
    '≤ 0.4',
    met(results.warm_cache_ratio, (v) => v <= 0.4),
    D.warmCache
      ? `pyo3-pure native build from a fixed dir, as on a runner: cold ${D.warmCache.cold.buildS} s, warm ${D.warmCache.warm.buildS} s (act cache server)${D.warmCache.moved?.warm?.buildS && D.warmCache.moved?.cold?.buildS ? `; from act's moved checkout ${round(D.warmCache.moved.warm.buildS / D.warmCache.moved.cold.buildS, 2)} (${D.warmCache.moved.warm.buildS} s / ${D.warmCache.moved.cold.buildS} s: pyo3 rebuilds)` : ''}`
      : (reasons.warm_cache_ratio ?? ''),
  ],
  [
    'Second run, Docker remembered: chain / native alone',
    fmt(results.second_run_ratio),
    '≤ 1.03',
    met(results.second_run_ratio, (v) => v <= 1.03),
    D.memory?.runs?.length
      ? `spread over ${D.memory.runs.length} runs ${fmt(results.second_run_ratio_spread)}; first run / second run ${fmt(results.first_run_over_second)} (docker fails, aborted early, then native cold); ${D.memory.runs.map((r) => `${r.second} s / ${r.nativeAlone} s`).join(', ')}`
      : (reasons.second_run_ratio ?? ''),
  ],
  [
    'Heavy fixture: docker attempt, early abort / without',
    fmt(results.heavy_early_abort_ratio),
    'report',
    '–',
    D.heavy?.rounds?.length
      ? `spread over ${D.heavy.rounds.length} rounds ${fmt(results.heavy_early_abort_ratio_spread)}; kzg-heavy docker attempt ${D.heavy.rounds.map((r) => `${r.chain_on?.docker?.durationSeconds?.toFixed(1)} s vs ${r.chain_off?.docker?.durationSeconds?.toFixed(1)} s`).join(', ')} (aborted early vs to its end)`
      : (reasons.heavy_early_abort_ratio ?? ''),
  ],
  [
    'Heavy fixture: chain / status quo (docker to end + cold native)',
    fmt(results.heavy_vs_status_quo_ratio),
    'report',
    '–',
    D.heavy?.rounds?.length
      ? `spread over ${D.heavy.rounds.length} rounds ${fmt(results.heavy_vs_status_quo_ratio_spread)}; ${D.heavy.rounds.map((r) => `${r.chain_on?.wallS?.toFixed(1)} s vs ${r.plainDocker?.wallS?.toFixed(1)} s + ${r.plainNative?.wallS?.toFixed(1)} s`).join(', ')}`
      : (reasons.heavy_vs_status_quo_ratio ?? ''),
  ],
];

const table = [
  '| Measure | Value | Goal | Met | Context |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
log('');
log(table);
if (co) {
  log('');
  log(`Chain overhead: ${co.chainS} s chain − ${co.physicalS} s physical = ${co.excessS} s excess:`);
  for (const b of co.breakdown)
    log(
      `  ${fmt(b.s, ' s').padStart(8)}  ${b.part}${
        b.standalone
          ? `  [standalone: ${Object.entries(b.standalone)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}]`
          : ''
      }`,
    );
  log(`  ${fmt(co.unexplainedS, ' s').padStart(8)}  not separated (rounding, pipe latency)`);
  log(
    `Without the native build's run-to-run noise: ${co.structuralExcessS} s excess → ${co.ratioStructural}${co.ratioStructuralWithoutSmokeTest ? ` (${co.ratioStructuralWithoutSmokeTest} without the smoke test)` : ''}; in-chain cargo ${co.nativeCargoInChainS ?? '?'} s vs plain cargo ${co.nativeCargoPlainRunsS?.join(' s, ') ?? '?'} s`,
  );
}
const nullReasons = Object.entries(reasons).filter(([k]) => results[k] === null || !KEYS.includes(k));
if (nullReasons.length) {
  log('');
  for (const [k, v] of nullReasons) log(`${k}: ${v}`);
}

const git = capture(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD']);
const dirty = capture(['git', '-C', ROOT, 'status', '--porcelain', '--', 'src', 'dist']);
const file = {
  ...results,
  reasons,
  command: `npm run bench${noDocker ? ' -- --no-docker' : ''}`,
  meta: {
    date: new Date().toISOString(),
    durationS: round((Date.now() - started) / 1000, 1),
    loadAverage: {start: details.loadStart, end: loadavg()},
    commit: git ? `${git}${dirty ? ' (src/dist modified)' : ''}` : null,
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    memGb: round(os.totalmem() / 2 ** 30, 1),
    kernel: os.release(),
    docker: noDocker ? null : (capture(['docker', 'version', '--format', '{{.Server.Version}}']) ?? null),
    maturin: capture(['maturin', '--version']) ?? null,
    rustc: capture(['rustc', '--version']) ?? null,
    grep: capture(['grep', '--version'])?.split('\n')[0] ?? null,
  },
  table,
  details,
};
writeFileSync(RESULTS, `${JSON.stringify(file, null, 2)}\n`);
log('');
log(
  `wrote ${path.relative(process.cwd(), RESULTS) || RESULTS} in ${file.meta.durationS} s (logs in ${path.relative(process.cwd(), OUT)}/)`,
);
