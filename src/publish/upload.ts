import {createHash} from 'node:crypto';
import path from 'node:path';
import type {Inputs} from '../inputs/inputs.js';

export interface UploadResult {
  readonly id: number;
  readonly size: number;
  readonly url?: string;
}

/** The artifact service, behind a port so the real client loads only when an upload happens. */
export interface ArtifactPort {
  upload(
    name: string,
    files: readonly string[],
    rootDir: string,
    retentionDays?: number,
  ): Promise<{id?: number; size?: number}>;
}

export const actionsArtifacts: ArtifactPort = {
  async upload(name, files, rootDir, retentionDays) {
    // @actions/artifact 5.x is CommonJS: its exports arrive as the namespace's default.
    const mod = (await import('@actions/artifact')) as typeof import('@actions/artifact') & {
      default?: typeof import('@actions/artifact');
    };
    const {DefaultArtifactClient} = mod.default ?? mod;
    return new DefaultArtifactClient().uploadArtifact(
      name,
      [...files],
      rootDir,
      retentionDays ? {retentionDays} : {},
    );
  },
};

/** The runner gives JavaScript actions these two; without them there is no artifact service to talk to. */
export function artifactServiceAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}

/**
 * A default name that differs between matrix jobs that build different things: the target plus a
 * short hash of everything that shapes the build.
 */
export function defaultArtifactName(inputs: Inputs, hostTriple: string, env: NodeJS.ProcessEnv): string {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const shape = [
    path.relative(workspace, inputs.workingDirectory),
    inputs.command,
    inputs.args.join(' '),
    inputs.manylinux,
    inputs.container,
    inputs.strategies.map((s) => s.label).join(','),
    inputs.target,
  ].join('\n');
  const hash = createHash('sha256').update(shape).digest('hex').slice(0, 8);
  return `wheels-${inputs.target || hostTriple}-${hash}`;
}

export class UploadError extends Error {
  override readonly name = 'UploadError';
}

function artifactUrl(id: number, env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
}

/** Uploads the files; any failure becomes one clear line that says where the wheels still are. */
export async function uploadWheels(
  port: ArtifactPort,
  name: string,
  files: readonly string[],
  outDir: string,
  retentionDays: number | undefined,
  env: NodeJS.ProcessEnv,
): Promise<UploadResult> {
  const kept = `the wheels are still in ${outDir}: ${files.map((f) => path.basename(f)).join(', ')}`;
  try {
    const r = await port.upload(name, files, outDir, retentionDays);
    if (r.id === undefined) throw new Error('the artifact service returned no id');
    return {id: r.id, size: r.size ?? 0, url: artifactUrl(r.id, env)};
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    if (/\(409\)|\b409 Conflict\b|already exists/i.test(message)) {
      throw new UploadError(
        `Artifact '${name}' already exists in this workflow run: set artifact-name to a name unique per matrix job (e.g. wheels-\${{ matrix.target }}); ${kept}`,
      );
    }
    throw new UploadError(`Artifact upload of '${name}' failed: ${message}; ${kept}`);
  }
}
