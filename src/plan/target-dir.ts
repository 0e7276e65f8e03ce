import {createHash} from 'node:crypto';
import path from 'node:path';
import {slug} from '../util/names.js';

/**
 * Each strategy (and image) builds in a target dir of its own under `<target>/maturin-fallback/`:
 * build scripts compiled in one container against one glibc never run in another image or on the
 * host, and each dir can be cached on its own key.
 */
export function attemptTargetDir(
  workdir: string,
  env: NodeJS.ProcessEnv,
  label: string,
  image?: string,
): string {
  const base = env.CARGO_TARGET_DIR
    ? path.resolve(workdir, env.CARGO_TARGET_DIR)
    : path.join(workdir, 'target');
  const where = image ? createHash('sha256').update(image).digest('hex').slice(0, 8) : 'host';
  return path.join(base, 'maturin-fallback', `${slug(label)}-${where}`);
}
