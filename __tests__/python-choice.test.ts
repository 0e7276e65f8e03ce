/**
 * Which interpreter the container builds for, and which interpreter smoke-tests which wheel: the
 * pure decisions. The real runs are in container-python.e2e.test.ts.
 */
import path from 'node:path';
import {describe, expect, it} from '@jest/globals';
import {
  allows,
  choosePython,
  choosesInterpreter,
  parsePyVersion,
  projectPython,
  pythonsIn,
} from '../src/plan/python.js';
import {interpreterArgs, summarize, wheelPython} from '../src/smoke/smoke-test.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

describe('allows (requires-python at the X.Y level)', () => {
  it.each([
    ['>=3.9', [3, 9], true],
    ['>=3.9', [3, 8], false],
    ['>=3.9,<3.13', [3, 13], false],
    ['>=3.9,<3.13', [3, 12], true],
    ['<3.12.1', [3, 12], true],
    ['>3.9', [3, 9], true], // 3.9.1 > 3.9
    ['==3.11.*', [3, 11], true],
    ['==3.11.*', [3, 12], false],
    ['==3.*', [3, 13], true],
    ['!=3.10.*', [3, 10], false],
    ['!=3.10.2', [3, 10], true],
    ['~=3.10', [3, 12], true],
    ['~=3.10', [3, 9], false],
    ['~=3.10.1', [3, 11], false],
    ['', [3, 6], true],
    ['>=3.9, !=3.10.*', [3, 10], false],
    ['garbage', [3, 7], true],
  ] as const)('%j with %j → %s', (spec, version, expected) => {
    expect(allows(spec, version)).toBe(expected);
  });
});

describe('pythonsIn (an image listing)', () => {
  it('finds python3.X names and /opt/python dirs, not free-threaded or config tools, newest first', () => {
    const listing = [
      '/usr/bin/python3.9',
      '/usr/bin/python3.9-config',
      '/usr/local/bin/python3.12',
      '/usr/local/bin/python3.13t',
      '/opt/python/cp310-cp310/',
      '/opt/python/cp313-cp313t/',
      '/opt/python/pp310-pypy310_pp73/',
    ].join('\n');
    expect(pythonsIn(listing)).toEqual([
      [3, 12],
      [3, 10],
      [3, 9],
    ]);
  });
});

describe('choosePython', () => {
  const image = [
    [3, 13],
    [3, 12],
    [3, 9],
  ] as const;
  it("takes the runner's version when the image has it and requires-python allows it", () => {
    expect(choosePython([3, 12], image, '>=3.9')).toEqual({
      version: [3, 12],
      why: "the runner's python3 is 3.12; requires-python >=3.9",
    });
  });
  it('else the newest the image has that requires-python allows, saying why', () => {
    expect(choosePython([3, 11], image, '>=3.9')?.version).toEqual([3, 13]);
    expect(choosePython([3, 11], image, '>=3.9')?.why).toContain("the runner's 3.11 is not in the image");
    expect(choosePython([3, 12], image, '>=3.9,<3.12')?.version).toEqual([3, 9]);
    expect(choosePython([3, 12], image, '>=3.9,<3.12')?.why).toContain("the runner's 3.12 is outside");
    expect(choosePython(undefined, image, '')?.version).toEqual([3, 13]);
  });
  it('none when nothing in the image is allowed', () => {
    expect(choosePython([3, 11], image, '>=3.14')).toBeUndefined();
  });
});

describe('projectPython and choosesInterpreter', () => {
  it('reads requires-python and abi3 from the fixtures', () => {
    expect(projectPython(path.join(FIXTURES, 'pyo3-pure'))).toEqual({requiresPython: '>=3.9', abi3: true});
    expect(projectPython(path.join(FIXTURES, 'pyo3-versioned'))).toEqual({
      requiresPython: '>=3.9',
      abi3: false,
    });
    expect(projectPython(path.join(FIXTURES, 'missing'))).toEqual({requiresPython: '', abi3: false});
  });
  it.each([
    [['--release'], false],
    [['-i', 'python3.11'], true],
    [['-ipython3.11'], true],
    [['--interpreter=python3.12'], true],
    [['--find-interpreter'], true],
    [['--release', '--features', 'interpreter'], false],
  ])('%j → %s', (args, expected) => {
    expect(choosesInterpreter(args)).toBe(expected);
  });
  it('parses a version', () => {
    expect(parsePyVersion('Python 3.11.2')).toEqual([3, 11]);
    expect(parsePyVersion('nope')).toBeUndefined();
  });
});

describe('the smoke test per wheel', () => {
  it.each([
    ['pkg-1.0-cp312-cp312-manylinux_2_34_x86_64.whl', {kind: 'exact', version: [3, 12]}],
    ['pkg-1.0-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', {kind: 'abi3', version: [3, 9]}],
    ['pkg-1.0-py3-none-any.whl', {kind: 'any'}],
    ['pkg-1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl', {kind: 'other'}],
    ['pkg-1.0-cp313-cp313t-win_amd64.whl', {kind: 'exact', version: [3, 13]}],
  ])('%s needs %j', (wheel, expected) => {
    expect(wheelPython(wheel)).toEqual(expected);
  });

  it('reads the -i interpreters of maturin args', () => {
    expect(
      interpreterArgs(['--release', '-i', 'python3.11', '/opt/py/bin/python3', '--out', 'dist']),
    ).toEqual(['python3.11', '/opt/py/bin/python3']);
    expect(interpreterArgs(['--interpreter=python3.12', '-ipython3.10'])).toEqual([
      'python3.12',
      'python3.10',
    ]);
    expect(interpreterArgs(['--find-interpreter'])).toEqual([]);
  });

  const W = (n: string) => `/dist/pkg-1.0-${n}-manylinux_2_34_x86_64.whl`;
  it('a wheel nobody could test is reported, never passed silently; smoke-test: true fails on it', () => {
    const wheels = [
      {wheel: W('cp311-cp311'), status: 'passed' as const, python: 'python3.11', detail: 'imported pkg'},
      {wheel: W('cp314-cp314'), status: 'not-tested' as const, detail: 'no Python 3.14 on this runner'},
    ];
    const auto = summarize('auto', wheels);
    expect(auto).toMatchObject({status: 'passed'});
    expect(auto.detail).toBe(
      '1 of 2 wheel(s) passed; not tested: pkg-1.0-cp314-cp314-manylinux_2_34_x86_64.whl (no Python 3.14 on this runner)',
    );
    expect(auto.wheels).toEqual(wheels);
    expect(summarize('true', wheels)).toMatchObject({status: 'failed', cls: 'import-crash'});
    expect(summarize('auto', [wheels[1]])).toMatchObject({status: 'skipped'});
    const broken = {
      wheel: W('cp312-cp312'),
      status: 'failed' as const,
      cls: 'import-crash' as const,
      detail: 'x',
    };
    expect(summarize('auto', [...wheels, broken])).toMatchObject({status: 'failed', wheel: broken.wheel});
  });
});
