// The act command line the bench runs e2e jobs with: host mode, act's artifact and cache servers on
// 127.0.0.1, and the offline stand-in for actions/download-artifact.
import path from 'node:path';

export function actArgs({root, job, cacheDir, store, extra = []}) {
  return [
    'act',
    'workflow_dispatch',
    '-W',
    '.github/workflows/e2e.yml',
    '-j',
    job,
    '-P',
    'ubuntu-latest=-self-hosted',
    '--artifact-server-path',
    store,
    '--artifact-server-addr',
    '127.0.0.1',
    '--cache-server-addr',
    '127.0.0.1',
    '--cache-server-path',
    cacheDir,
    '--local-repository',
    `actions/download-artifact@v4=${path.join(root, '__tests__/fixtures/act-offline/download-artifact')}`,
    ...extra,
  ];
}
