import {createDefaultEsmPreset} from 'ts-jest';

const preset = createDefaultEsmPreset({tsconfig: 'tsconfig.json'});

/** @type {import('jest').Config} */
export default {
  ...preset,
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/__tests__/helpers/count-reporter.cjs'],
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {'^(\\.{1,2}/.*)\\.js$': '$1'},
  // Real Docker and maturin runs share two cores; give them room.
  testTimeout: 600_000,
  // Real Docker scenarios count containers and share ports: run test files one at a time.
  maxWorkers: 1,
};
