// Measure 5: time from process start to the first log line of `node dist/index.js`, over `node -e 0`;
// and the bundle: total size, and what index.js loads before its first line (its static imports).
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {firstStdoutByte, median, run} from './proc.mjs';

/** Files reachable from entry through static `import … from "./x.js"` / `import "./x.js"` (relative only). */
export function eagerClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(
      /^\s*(?:import|export)\s+(?:[^'"()]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/gm,
    )) {
      visit(path.resolve(path.dirname(file), m[1]));
    }
    // `} from "./x.js"` closing a multi-line import list.
    for (const m of src.matchAll(/^\}\s*from\s*["'](\.{1,2}\/[^"']+)["']/gm))
      visit(path.resolve(path.dirname(file), m[1]));
  };
  visit(entry);
  return [...seen];
}

export function bundleSizes(root) {
  const dist = path.join(root, 'dist');
  const files = [
    ...readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => path.join(dist, f)),
    ...readdirSync(path.join(dist, 'chunks'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => path.join(dist, 'chunks', f)),
  ];
  const size = (f) => statSync(f).size;
  const eager = eagerClosure(path.join(dist, 'index.js'));
  const lazy = files.filter((f) => !eager.includes(path.resolve(f)) && !f.endsWith('cli.js'));
  return {
    bundleBytes: files.reduce((s, f) => s + size(f), 0),
    files: Object.fromEntries(files.map((f) => [path.relative(root, f), size(f)])),
    eagerBytes: eager.reduce((s, f) => s + size(f), 0),
    eagerFiles: eager.map((f) => path.relative(root, f)),
    lazyFiles: lazy.map((f) => path.relative(root, f)),
  };
}

export async function startupBench({root, runs = 11}) {
  const index = path.join(root, 'dist', 'index.js');
  const env = {...process.env};
  for (const k of Object.keys(env))
    if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k.startsWith('ACTIONS_')) delete env[k];
  // An invalid input: main() reads its inputs, prints `::error::…` and exits; no probe, no build.
  env.INPUT_COMMAND = 'not-a-command';
  const check = await run([process.execPath, index], {env});
  const firstLine = check.lines.find((l) => l.stream === 'stdout')?.text ?? '';
  if (!/^::error::/.test(firstLine))
    throw new Error(`dist/index.js did not fail fast on an invalid input: ${firstLine}`);
  const nodeTimes = [];
  const actionTimes = [];
  // One warm-up of each, then interleaved runs.
  await firstStdoutByte([process.execPath, '-e', 'process.stdout.write("x")']);
  await firstStdoutByte([process.execPath, index], {env});
  for (let i = 0; i < runs; i++) {
    const bare = await run([process.execPath, '-e', '0']);
    nodeTimes.push(bare.wallS);
    const a = await firstStdoutByte([process.execPath, index], {env});
    actionTimes.push(a.firstS);
  }
  const nodeS = median(nodeTimes);
  const actionS = median(actionTimes);
  return {
    nodeS,
    actionS,
    ratio: actionS / nodeS,
    runs,
    firstLine: firstLine.slice(0, 120),
    nodeTimes,
    actionTimes,
  };
}
