import path from 'node:path';

/** What differs between runner OSes for the programs the action starts. */

/** The Python launcher a runner has: `python` on Windows (no `python3` there), `python3` elsewhere. */
export function pythonProgram(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'python' : 'python3';
}

/** A venv's interpreter: `Scripts\python.exe` on Windows, `bin/python` elsewhere. */
export function venvPython(venv: string, platform: NodeJS.Platform): string {
  return platform === 'win32'
    ? path.win32.join(venv, 'Scripts', 'python.exe')
    : path.posix.join(venv, 'bin', 'python');
}

/** Where `pip install --target DIR` puts a package's console scripts, e.g. maturin. */
export function targetScripts(dir: string, name: string, platform: NodeJS.Platform): string[] {
  return platform === 'win32'
    ? [path.win32.join(dir, 'bin', `${name}.exe`), path.win32.join(dir, 'Scripts', `${name}.exe`)]
    : [path.posix.join(dir, 'bin', name)];
}

/** The Rust targets a target name stands for: universal2 is both macOS architectures. */
export function rustTargets(target: string): string[] {
  return target === 'universal2-apple-darwin' ? ['aarch64-apple-darwin', 'x86_64-apple-darwin'] : [target];
}
