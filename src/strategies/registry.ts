import type {StrategyKind} from '../inputs/strategy-spec.js';
import {dockerStrategy} from './docker.js';
import {nativeStrategy} from './native.js';
import type {Strategy} from './strategy.js';
import {zigStrategy} from './zig.js';

/** Every strategy the chain can run, by kind. */
export const STRATEGIES: Readonly<Record<StrategyKind, Strategy>> = {
  docker: dockerStrategy,
  zig: zigStrategy,
  native: nativeStrategy,
};
