import {existsSync} from 'node:fs';
import path from 'node:path';

/** The nearest Cargo.lock at or above the project: the workspace's lock file. */
export function findLock(workdir: string): string | undefined {
  for (let dir = workdir; ; dir = path.dirname(dir)) {
    const lock = path.join(dir, 'Cargo.lock');
    if (existsSync(lock)) return lock;
    if (dir === path.dirname(dir)) return undefined;
  }
}
