import {spawnSync} from 'node:child_process';
import {killAllProcesses} from './ports/process.js';
import {activeContainers} from './strategies/docker.js';

/**
 * On SIGINT/SIGTERM (a cancelled job), remove every container we started and kill every process
 * group, so nothing is orphaned; then exit with the conventional code.
 */
export function installSignalHandlers(log: (line: string) => void): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      const names = [...activeContainers];
      if (names.length > 0) {
        log(`maturin-fallback: ${signal}: removing ${names.join(', ')}`);
        spawnSync('docker', ['rm', '-f', ...names], {stdio: 'ignore', timeout: 30_000});
      }
      killAllProcesses();
      process.exit(code);
    });
  }
}
