import {afterAll, describe, expect, it} from '@jest/globals';
import type {AttemptRecord} from '../src/chain/attempt.js';
import {REMEDIES} from '../src/classify/classes.js';
import {satisfies} from '../src/maturin/version.js';
import {type ArtifactPort, defaultArtifactName, UploadError, uploadWheels} from '../src/publish/upload.js';
import {attemptLine} from '../src/report/lines.js';
import {escapeHtml, type RunReport, renderSummary} from '../src/report/summary.js';
import {hasUnpublishableTag, parseWheelName, type WheelInfo} from '../src/wheels/wheels.js';
import {type InputValues, inputsFrom, makeWorkspace} from './helpers/inputs.js';

const WHEEL = 'kzg_ext-0.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl';

const SKIPPED: AttemptRecord = {
  strategy: 'docker',
  kind: 'docker',
  policy: 'auto',
  image: 'quay.io/pypa/manylinux2014_x86_64:latest',
  outcome: 'skipped',
  reason: 'the Docker daemon is not reachable (<b>refused</b>)',
  durationSeconds: 0,
  files: [],
};
const FAILED: AttemptRecord = {
  strategy: 'docker:2014',
  kind: 'docker',
  policy: '2014',
  image: 'ghcr.io/rust-cross/manylinux2014-cross:aarch64',
  outcome: 'failed',
  exitCode: 1,
  class: 'blst-ckzg',
  classes: ['blst-ckzg'],
  crates: ['c-kzg'],
  evidence: "error: 'for' loop initial declarations are only allowed in C99 mode",
  hint: REMEDIES['blst-ckzg'],
  durationSeconds: 12.34,
  files: [],
};
const SUCCEEDED: AttemptRecord = {
  strategy: 'native',
  kind: 'native',
  policy: 'auto',
  outcome: 'success',
  exitCode: 0,
  durationSeconds: 40.04,
  files: [`/tmp/run/attempt-3-native/wheels/${WHEEL}`],
};

describe('attemptLine', () => {
  const ev = FAILED.evidence;
  it.each([
    {why: 'success', a: SUCCEEDED, next: undefined, line: `✓ native succeeded in 40.0s → ${WHEEL}`},
    {
      why: 'skip',
      a: SKIPPED,
      next: 'native',
      line: '↷ docker skipped: the Docker daemon is not reachable (<b>refused</b>)',
    },
    {
      why: 'unknown, falling back under the default policy',
      a: {
        ...FAILED,
        class: 'unknown',
        classes: ['unknown'],
        crates: [],
        confidence: 'low',
        evidence: undefined,
      },
      next: 'native',
      line: '✗ docker:2014 failed (exit 1) → unknown: no evidence line; falling back to native on unknown (no evidence either way; fallback-on: environment stops here instead)',
    },
    {
      why: 'low confidence is said',
      a: {...FAILED, class: 'c-build', classes: ['c-build'], crates: [], confidence: 'low'},
      next: 'native',
      line: `✗ docker:2014 failed (exit 1) → c-build (low confidence): ${"error: 'for' loop initial declarations are only allowed in C99 mode"}; falling back to native`,
    },
    {
      why: 'fail with a next strategy',
      a: FAILED,
      next: 'native',
      line: `✗ docker:2014 failed (exit 1) → blst-ckzg [c-kzg]: ${ev}; falling back to native`,
    },
    {
      why: 'fail with no strategy left',
      a: FAILED,
      next: null,
      line: `✗ docker:2014 failed (exit 1) → blst-ckzg [c-kzg]: ${ev}; no strategy left`,
    },
    {
      why: 'fail whose class forbids a fallback',
      a: {
        ...FAILED,
        strategy: 'native',
        class: 'rust-compile',
        crates: [],
        evidence: 'error[E0308]: mismatched types',
      },
      next: false,
      line: '✗ native failed (exit 1) → rust-compile: error[E0308]: mismatched types; not falling back: rust-compile is not in fallback-on',
    },
    {
      why: 'aborted early, two crates',
      a: {...FAILED, abortedEarly: true, crates: ['blst', 'c-kzg']},
      next: 'zig',
      line: `✗ docker:2014 failed (aborted early) → blst-ckzg [blst, c-kzg]: ${ev}; falling back to zig`,
    },
    {
      why: 'killed, no evidence',
      a: {...FAILED, exitCode: null, evidence: undefined, crates: undefined},
      next: null,
      line: '✗ docker:2014 failed (killed) → blst-ckzg: no evidence line; no strategy left',
    },
  ] as const)('$why', ({a, next, line}) => {
    expect(attemptLine(a, next)).toBe(line);
  });
});

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&#60;script&#62;alert(1)&#60;/script&#62;'],
    ['a | b', 'a &#124; b'],
    ['`code`', '&#96;code&#96;'],
    [`"q" & 'q'`, '&#34;q&#34; &#38; &#39;q&#39;'],
    ['plain text: 1.0 (ok)', 'plain text: 1.0 (ok)'],
  ])('%j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});

describe('renderSummary', () => {
  const hostileFail: AttemptRecord = {
    ...FAILED,
    strategy: 'docker:2014|<i>',
    crates: ['c-kzg', '<img src=x onerror=alert(1)>'],
    evidence: 'error: <script>alert(1)</script> | `rm -rf /`',
    confidence: 'high',
  };
  const wheel: WheelInfo = {
    file: `/ws/dist/${WHEEL}`,
    name: 'kzg_ext',
    version: '0.1.0',
    python: 'cp312',
    abi: 'cp312',
    platforms: ['manylinux_2_17_x86_64', 'manylinux2014_x86_64'],
    bytes: 3 << 19,
  };
  const report: RunReport = {
    chain: {
      attempts: [SKIPPED, hostileFail, SUCCEEDED],
      winner: SUCCEEDED,
      fellBack: true,
      fallbackReason: 'skipped: the Docker daemon is not reachable (<b>refused</b>)',
    },
    wheels: [wheel, {...wheel, file: '/ws/dist/x-1-py3-none-any.whl', platforms: ['any'], bytes: 2048}],
    outDir: '/ws/dist',
    audits: [
      {
        wheel: WHEEL,
        platforms: wheel.platforms,
        claimedGlibc: '2.17',
        newestGlibc: {version: 'GLIBC_2.17', member: 'kzg_ext/kzg_ext.so', symbol: 'getrandom'},
        elfFiles: 1,
        verdict: 'honest',
        reason: 'manylinux_2_17_x86_64 claims glibc 2.17; the newest needed is GLIBC_2.17',
      },
      {
        wheel: 'x-1-py3-none-any.whl',
        platforms: ['any'],
        elfFiles: 0,
        verdict: 'not-linux',
        reason: 'any is not a Linux tag: nothing to audit',
      },
    ],
    artifactName: 'wheels-x86_64-unknown-linux-gnu-1a2b3c4d',
    upload: {id: 42, size: 3 << 19, url: 'https://github.com/o/r/actions/runs/7/artifacts/42'},
  };
  const md = renderSummary(report);
  const lines = md.split('\n');

  it('never lets log text through as HTML or table syntax', () => {
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<i>');
    expect(md).not.toContain('`rm');
    expect(md).toContain('error: &#60;script&#62;alert(1)&#60;/script&#62; &#124; &#96;rm -rf /&#96;');
    for (const row of lines.filter((l) => l.startsWith('| '))) {
      expect(row.split('|').length - 1).toBe(row.includes('.whl') || row.includes('wheel |') ? 5 : 8);
    }
  });

  it('has the headline and one row per attempt', () => {
    expect(lines[2]).toBe(
      '✅ Built 2 wheel(s) with <code>native</code> after falling back (skipped: the Docker daemon is not reachable (&#60;b&#62;refused&#60;/b&#62;))',
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        '| # | strategy | image | result | class | crates | duration |',
        '| 1 | <code>docker</code> | quay.io/pypa/manylinux2014_x86_64:latest | ⏭️ skipped: the Docker daemon is not reachable (&#60;b&#62;refused&#60;/b&#62;) |  |  | 0.0s |',
        '| 2 | <code>docker:2014&#124;&#60;i&#62;</code> | ghcr.io/rust-cross/manylinux2014-cross:aarch64 | ❌ failed (exit 1) | <code>blst-ckzg</code> | <code>c-kzg</code> <code>&#60;img src=x onerror=alert(1)&#62;</code> | 12.3s |',
        '| 3 | <code>native</code> | host | ✅ wheels |  |  | 40.0s |',
      ]),
    );
  });

  it('puts the evidence, remedy and docs link in a details block', () => {
    const start = lines.indexOf(
      '<details><summary>docker:2014&#124;&#60;i&#62;: <code>blst-ckzg</code> evidence (high confidence)</summary>',
    );
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 6)).toEqual([
      '',
      '<pre>error: &#60;script&#62;alert(1)&#60;/script&#62; &#124; &#96;rm -rf /&#96;</pre>',
      '',
      `Remedy: ${escapeHtml(REMEDIES['blst-ckzg'])} See <a href="docs/troubleshooting.md#blst-ckzg">troubleshooting: blst-ckzg</a>.`,
      '</details>',
    ]);
    expect(lines.filter((l) => l.startsWith('<details>'))).toHaveLength(1);
  });

  it('says when the chain retried on unknown, and that fallback-on: environment stops there', () => {
    const unknown: AttemptRecord = {
      ...FAILED,
      class: 'unknown',
      classes: ['unknown'],
      crates: [],
      confidence: 'low',
    };
    const out = renderSummary({
      ...report,
      chain: {attempts: [unknown, SUCCEEDED], winner: SUCCEEDED, fellBack: true},
    });
    expect(out).toContain('evidence (low confidence)');
    expect(out).toContain(
      'named no cause, so the chain retried with <code>native</code> on <code>unknown</code> (<code>fallback-on: environment</code> stops on unknown instead).',
    );
    expect(md).not.toContain('on <code>unknown</code>');
  });

  it('lists the wheels with tags and size, and the artifact', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        '### Wheels',
        '| wheel | tags | size | tag audit |',
        `| <code>${WHEEL}</code> | cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64 | 1.5 MiB | ✅ honest, needs <code>GLIBC_2.17</code> |`,
        '| <code>x-1-py3-none-any.whl</code> | cp312-cp312-any | 2.0 KiB | not-linux |',
        'Artifact: <a href="https://github.com/o/r/actions/runs/7/artifacts/42">wheels-x86_64-unknown-linux-gnu-1a2b3c4d</a> (id 42, 1.5 MiB)',
      ]),
    );
  });

  it('shows a dishonest tag with its reason, escaped', () => {
    const out = renderSummary({
      ...report,
      audits: [
        {
          wheel: WHEEL,
          platforms: wheel.platforms,
          claimedGlibc: '2.17',
          newestGlibc: {version: 'GLIBC_2.34', member: 'kzg_ext/kzg_ext.so', symbol: 'pthread_key_create'},
          elfFiles: 1,
          verdict: 'dishonest',
          reason:
            'manylinux_2_17_x86_64 claims glibc 2.17, but the wheel needs GLIBC_2.34 (<pthread_key_create>)',
        },
      ],
    });
    expect(out).toContain(
      '| ❌ dishonest, needs <code>GLIBC_2.34</code>: manylinux_2_17_x86_64 claims glibc 2.17, but the wheel needs GLIBC_2.34 (&#60;pthread_key_create&#62;) |',
    );
  });

  it('says why there are no wheels, escaped, and has no wheels table', () => {
    const failed = renderSummary({
      chain: {attempts: [FAILED], fellBack: false},
      wheels: [],
      outDir: '/ws/dist',
      error: 'docker:2014 failed: <blst> | `cc`',
      uploadNote: 'skipped: <no wheels>',
    });
    expect(failed).toContain('❌ No wheels: docker:2014 failed: &#60;blst&#62; &#124; &#96;cc&#96;');
    expect(failed).not.toContain('### Wheels');
    expect(failed).toContain('Artifact: skipped: &#60;no wheels&#62;');
  });
});

describe('parseWheelName', () => {
  it.each([
    [
      WHEEL,
      {
        name: 'kzg_ext',
        version: '0.1.0',
        python: 'cp312',
        abi: 'cp312',
        platforms: ['manylinux_2_17_x86_64', 'manylinux2014_x86_64'],
      },
    ],
    [
      '/ws/dist/pkg-1.0-1-py3-none-any.whl',
      {name: 'pkg', version: '1.0', python: 'py3', abi: 'none', platforms: ['any']},
    ],
    [
      'pkg-2.0-cp39-abi3-linux_x86_64.whl',
      {name: 'pkg', version: '2.0', python: 'cp39', abi: 'abi3', platforms: ['linux_x86_64']},
    ],
    ['pkg-1.0.tar.gz', undefined],
    ['pkg-1.0-py3-none.whl', undefined],
    ['a-b-c-d-e-f-g.whl', undefined],
    ['pkg-1.0-py3-none-any.zip', undefined],
  ])('%s', (file, parsed) => {
    expect(parseWheelName(file)).toEqual(parsed);
  });
});

describe('hasUnpublishableTag', () => {
  it.each([
    [['linux_x86_64'], true],
    [['manylinux_2_17_x86_64', 'linux_x86_64'], true],
    [['manylinux_2_17_x86_64', 'manylinux2014_x86_64'], false],
    [['musllinux_1_2_aarch64'], false],
    [['any'], false],
  ])('%j → %s', (platforms, expected) => {
    expect(hasUnpublishableTag({platforms})).toBe(expected);
  });
});

describe('satisfies', () => {
  it.each([
    ['1.9.4', '>=1,<2', true],
    ['2.0.0', '>=1,<2', false],
    ['0.9.9', '>=1,<2', false],
    ['1.9.4', '>=1.5, <2.0', true],
    ['1.10.0', '>1.9', true],
    ['1.9.4', '==1.9.*', true],
    ['1.10.0', '==1.9.*', false],
    ['1.9.0', '!=1.9.*', false],
    ['1.8.0', '!=1.9.*', true],
    ['1.4.0', '~=1.4', true],
    ['1.99.0', '~=1.4', true],
    ['2.0.0', '~=1.4', false],
    ['1.3.9', '~=1.4', false],
    ['1.4.5', '~=1.4.2', true],
    ['1.5.0', '~=1.4.2', false],
    ['1.9.4', '!=1.9.4', false],
    ['1.9.5', '!=1.9.4', true],
    ['1.9.4', '==1.9.4', true],
    ['1.9.4', '1.9.4', true],
    ['1.9.3', '1.9.4', false],
    ['1.9.0', '==1.9', true],
    ['1.9.4', '==1.9', false],
    ['1.9.4', '<=1.9.4', true],
    ['1.9.4', '', true],
    ['not-a-version', '>=1', false],
    ['1.9.4', '>=abc', false],
  ])('%s against %j → %s', (version, specifier, expected) => {
    expect(satisfies(version, specifier)).toBe(expected);
  });
});

describe('defaultArtifactName', () => {
  const ws = makeWorkspace('mf-report-');
  afterAll(() => ws.cleanup());
  const HOST = 'x86_64-unknown-linux-gnu';
  const name = (values: InputValues) =>
    defaultArtifactName(inputsFrom(values, ws.dir), HOST, {GITHUB_WORKSPACE: ws.dir});
  const base = name({});

  it('names the host triple and a short hash', () => {
    expect(base).toMatch(/^wheels-x86_64-unknown-linux-gnu-[0-9a-f]{8}$/);
    expect(name({target: 'aarch64'})).toMatch(/^wheels-aarch64-unknown-linux-gnu-[0-9a-f]{8}$/);
  });

  it.each<[string, InputValues]>([
    ['target', {target: 'aarch64'}],
    ['strategies', {strategies: 'docker:2_28, native'}],
    ['strategy order', {strategies: 'native, docker'}],
    ['manylinux', {manylinux: '2_28'}],
    ['args', {args: '--release -i python3.12'}],
    ['working-directory', {'working-directory': 'crate'}],
    ['container', {container: '2_28'}],
    ['command', {command: 'sdist'}],
  ])('differs when %s differs', (_, values) => {
    expect(name(values)).not.toBe(base);
  });

  it.each<[string, InputValues]>([
    ['nothing', {}],
    ['upload settings', {upload: 'false', 'retention-days': '3'}],
    ['fallback-on and early-abort', {'fallback-on': 'any', 'early-abort': 'false'}],
    ['the same strategies spelled differently', {strategies: 'DOCKER  native'}],
    ['out-dir', {'out-dir': 'wheelhouse'}],
  ])('is stable when only %s changes', (_, values) => {
    expect(name(values)).toBe(base);
  });

  it('never contains a character the artifact service forbids', () => {
    const names = [base, name({target: 'armv7'}), name({target: 'aarch64', manylinux: 'musllinux_1_2'})];
    for (const n of names) expect(n).not.toMatch(/["':<>|*?\r\n\\/]/);
  });
});

describe('uploadWheels', () => {
  const FILES = ['/ws/dist/a-1.0-cp312-cp312-manylinux_2_17_x86_64.whl', '/ws/dist/a-1.0.tar.gz'];
  const KEPT = 'the wheels are still in /ws/dist: a-1.0-cp312-cp312-manylinux_2_17_x86_64.whl, a-1.0.tar.gz';
  const CONFLICT =
    'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run';

  function fakePort(result: () => Promise<{id?: number; size?: number}>) {
    const calls: unknown[][] = [];
    const port: ArtifactPort = {
      upload: (...args) => {
        calls.push(args);
        return result();
      },
    };
    return {port, calls};
  }

  it('returns the id, size and run URL and passes the files through', async () => {
    const {port, calls} = fakePort(async () => ({id: 42, size: 1234}));
    const env = {GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7'};
    await expect(uploadWheels(port, 'wheels-x', FILES, '/ws/dist', 5, env)).resolves.toEqual({
      id: 42,
      size: 1234,
      url: 'https://github.com/o/r/actions/runs/7/artifacts/42',
    });
    expect(calls).toEqual([['wheels-x', FILES, '/ws/dist', 5]]);
  });

  it.each([
    {
      why: '409 conflict names artifact-name, the out dir and the wheels',
      error: () => new Error(`${CONFLICT}\n    at stack`),
      message: `Artifact 'wheels-x' already exists in this workflow run: set artifact-name to a name unique per matrix job (e.g. wheels-\${{ matrix.target }}); ${KEPT}`,
    },
    {
      why: 'a generic error keeps its first line and says where the wheels are',
      error: () => new Error('Failed request: (500) Internal Server Error\nretry details'),
      message: `Artifact upload of 'wheels-x' failed: Failed request: (500) Internal Server Error; ${KEPT}`,
    },
    {
      why: 'a thrown string',
      error: () => 'socket hang up',
      message: `Artifact upload of 'wheels-x' failed: socket hang up; ${KEPT}`,
    },
  ])('$why', async ({error, message}) => {
    const {port} = fakePort(() => Promise.reject(error()));
    const upload = uploadWheels(port, 'wheels-x', FILES, '/ws/dist', undefined, {});
    await expect(upload).rejects.toThrow(UploadError);
    await expect(upload).rejects.toThrow(message);
    await upload.catch((e: Error) => expect(e.message).toBe(message));
  });

  it('treats a missing id as a failed upload', async () => {
    const {port} = fakePort(async () => ({size: 10}));
    await expect(uploadWheels(port, 'wheels-x', FILES, '/ws/dist', undefined, {})).rejects.toThrow(
      `Artifact upload of 'wheels-x' failed: the artifact service returned no id; ${KEPT}`,
    );
  });
});

describe('renderSummary: remembered and predicted attempts', () => {
  const remembered: AttemptRecord = {
    ...FAILED,
    outcome: 'remembered',
    durationSeconds: 0,
    reason:
      'remembered: failed with blst-ckzg [c-kzg] for this Cargo.lock on 2026-11-26 in run 4242; set remember-failures: false to retry it',
    evidence: "c-kzg@2.1.8: error: 'for' loop initial declarations <b>",
  };
  const md = renderSummary({
    chain: {
      attempts: [remembered, SUCCEEDED],
      winner: SUCCEEDED,
      fellBack: true,
      fallbackReason: remembered.reason,
    },
    wheels: [],
    outDir: '/ws/dist',
    preflight: [
      'preflight predicted docker would fail with openssl (openssl-headers, openssl-sys 0.9.118), but it built wheels',
    ],
  });

  it('shows the remembered attempt with the evidence of the run that failed, and a disproved prediction', () => {
    expect(md).toContain(
      '🧠 remembered: skipped (remembered: failed with blst-ckzg [c-kzg] for this Cargo.lock on 2026-11-26',
    );
    expect(md).toContain(
      '<details><summary>docker:2014: remembered <code>blst-ckzg</code> (the evidence of the run that failed)</summary>',
    );
    expect(md).toContain(
      '<pre>c-kzg@2.1.8: error: &#39;for&#39; loop initial declarations &#60;b&#62;</pre>',
    );
    expect(md).toContain('🔮 preflight predicted docker would fail with openssl');
  });
});
