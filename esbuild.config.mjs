// Builds the committed bundle: dist/index.js (the action) and dist/cli.js (the CLI), ESM, with
// shared chunks so heavy clients (@actions/artifact) load only when an upload happens.
import {rmSync, writeFileSync} from 'node:fs';
import {build} from 'esbuild';

// `--outdir DIR` builds elsewhere (the dist freshness test compares that with the committed dist/).
const flag = process.argv.indexOf('--outdir');
const outdir = flag > 0 ? process.argv[flag + 1] : 'dist';
rmSync(outdir, {recursive: true, force: true});
await build({
  entryPoints: {index: 'src/main.ts', cli: 'src/cli.ts'},
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies inside the bundle call require(); give ESM one (the plain name collides).
  banner: {
    js: "import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);",
  },
});
writeFileSync(`${outdir}/package.json`, '{"type": "module"}\n');
