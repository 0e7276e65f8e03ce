// Issue 10's heavier fixture: kzg-heavy is kzg-ext plus regex, serde_json, syn (full) and tokio
// (full), so cargo has real work in flight when c-kzg's C build fails in the container (gnu89).
// Measured in one run, each on a fresh copy: the docker attempt with early abort and without
// (early-abort: false), the whole chain, and the status quo (a plain docker run to its end, then a
// plain cold native build). Each round measures all four; the ratios are the mean over the rounds,
// with their run-to-run spread (max - min).
import {kzgInputs, loadClassifier, plainDocker, plainNative, runAction} from './chain.mjs';
import {mean, spread} from './proc.mjs';
import {makeWorkspace, removeWorkspace} from './runner.mjs';

const CRATE = 'kzg-heavy';

export async function heavyBench({root, runner, outDir, log, repeats = 2}) {
  const LogClassifier = await loadClassifier(root).catch(() => undefined);
  const rounds = [];
  for (let i = 0; i < repeats; i++) {
    log(`  round ${i + 1} of ${repeats}`);
    rounds.push(await heavyRound({root, runner, outDir, log, LogClassifier}));
  }
  const abort = rounds.map((r) => r.earlyAbortRatio).filter((x) => x !== undefined);
  const quo = rounds.map((r) => r.vsStatusQuo).filter((x) => x !== undefined);
  return {
    crate: CRATE,
    rounds,
    earlyAbortRatio: abort.length === rounds.length ? mean(abort) : undefined,
    earlyAbortSpread: spread(abort),
    vsStatusQuo: quo.length === rounds.length ? mean(quo) : undefined,
    vsStatusQuoSpread: spread(quo),
  };
}

async function heavyRound({root, runner, outDir, log, LogClassifier}) {
  const workspaces = [];
  const fresh = () => {
    const ws = makeWorkspace(root, CRATE, runner);
    workspaces.push(ws);
    return ws;
  };
  const out = {crate: CRATE};
  try {
    for (const mode of ['on', 'off']) {
      const r = await runAction({
        root,
        runner,
        ws: fresh(),
        name: `heavy-chain-early-abort-${mode}`,
        outDir,
        inputs: kzgInputs(mode === 'off' ? {'early-abort': 'false'} : {}, CRATE),
      });
      const [docker, native] = r.attempts;
      out[`chain_${mode}`] = {
        code: r.code,
        wallS: r.wallS,
        docker: docker && {
          outcome: docker.outcome,
          class: docker.class,
          abortedEarly: docker.abortedEarly,
          durationSeconds: docker.durationSeconds,
          fatalToEndSeconds: docker.fatalToEndSeconds,
        },
        native: native && {outcome: native.outcome, durationSeconds: native.durationSeconds},
      };
      log(
        `  kzg-heavy chain, early abort ${mode}: exit ${r.code}, docker ${docker?.outcome}${docker?.abortedEarly ? ' (aborted early)' : ''} in ${docker?.durationSeconds?.toFixed(1)} s (fatal→end ${docker?.fatalToEndSeconds?.toFixed(2) ?? '?'} s) → native ${native?.outcome ?? '-'}; total ${r.wallS.toFixed(1)} s`,
      );
    }
    const ws = fresh();
    const d = await plainDocker({
      runner,
      ws,
      outDir,
      LogClassifier,
      crateName: CRATE,
      name: 'heavy-status-quo-docker',
    });
    const n = await plainNative({runner, ws, outDir, name: 'heavy-status-quo-native', crateName: CRATE});
    out.plainDocker = {code: d.code, wallS: d.wallS, fatalS: d.fatalS};
    out.plainNative = {code: n.code, wallS: n.wallS, cargoS: n.cargoS};
    log(
      `  kzg-heavy status quo: plain docker to its end ${d.wallS.toFixed(1)} s (fatal line at ${d.fatalS?.toFixed(1) ?? '?'} s), plain cold native ${n.wallS.toFixed(1)} s`,
    );
  } finally {
    for (const ws of workspaces) removeWorkspace(ws, 'maturin-fallback/standin:bullseye');
  }
  const on = out.chain_on;
  const off = out.chain_off;
  if (on?.docker?.durationSeconds && off?.docker?.durationSeconds && on.docker.abortedEarly)
    out.earlyAbortRatio = on.docker.durationSeconds / off.docker.durationSeconds;
  if (on?.code === 0 && out.plainDocker.wallS && out.plainNative.code === 0)
    out.vsStatusQuo = on.wallS / (out.plainDocker.wallS + out.plainNative.wallS);
  return out;
}
