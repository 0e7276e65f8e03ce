// Measure 7: the warm-cache rebuild. The action caches through the Actions cache service, which
// exists only under a runner: nektos/act provides one (v1 protocol) on 127.0.0.1. The e2e workflow's
// cache-warm job builds pyo3-pure natively; running it twice against one cache dir gives a cold and a
// warm build of the same crate in one bench run. "build seconds" is the attempt's own duration.
// Two pairs: from a fixed dir (what a runner does: the same checkout path every run, nothing on disk
// but what the cache restores) and from act's own checkout, which moves to a new dir every run.
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {actArgs} from './act.mjs';
import {capture, run} from './proc.mjs';

const buildSeconds = (lines) => {
  const hit = lines.map((l) => /build seconds: ([\d.]+)/.exec(l.text)).find(Boolean);
  return hit ? Number(hit[1]) : null;
};

async function pair({root, log, fixedDir, label}) {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'mf-bench-cache-'));
  const result = {};
  for (const phase of ['cold', 'warm']) {
    const store = mkdtempSync(path.join(os.tmpdir(), 'mf-bench-store-'));
    const extra = fixedDir ? ['--env', `MF_CACHE_FIXED_DIR=${fixedDir}`] : [];
    const r = await run(actArgs({root, job: 'cache-warm', cacheDir, store, extra}), {cwd: root});
    const restored = r.lines.some((l) => /cache: restored native target dir/.test(l.text));
    const compiled = r.lines.filter((l) => /\| +Compiling \S+ v/.test(l.text)).length;
    result[phase] = {code: r.code, wallS: r.wallS, buildS: buildSeconds(r.lines), restored, compiled};
    log(
      `  ${label} ${phase}: act exit ${r.code}, build ${result[phase].buildS} s, crates compiled ${compiled}, target dir restored: ${restored}`,
    );
  }
  rmSync(cacheDir, {recursive: true, force: true});
  return result;
}

export async function warmCacheBench({root, log}) {
  if (capture(['act', '--version']) === undefined)
    throw new Error('act is not installed (scripts/setup.sh installs it)');
  const fixedDir = mkdtempSync(path.join(os.tmpdir(), 'mf-bench-fixed-'));
  try {
    const fixed = await pair({root, log, fixedDir, label: 'fixed dir'});
    const moved = await pair({root, log, label: 'moved checkout'});
    return {...fixed, moved};
  } finally {
    rmSync(fixedDir, {recursive: true, force: true});
  }
}
