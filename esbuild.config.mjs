// Builds the committed bundle: dist/index.js (the action) and dist/cli.js (the CLI), ESM, with
// shared chunks so heavy clients (@actions/artifact) load only when an upload happens.
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {build} from 'esbuild';

/**
 * @azure/core-client re-parses a signed URL's query with `pair.split("=", 2)`, which drops a value's
 * trailing `=` (base64 padding). Azure SAS URLs percent-encode it, but act's and Gitea's artifact
 * servers put a raw padded base64 `sig=` in the upload URL, so every block upload got HTTP 401.
 * Split at the first `=` only, as the URL standard does.
 */
const keepQueryPadding = {
  name: 'keep-query-padding',
  setup(b) {
    b.onLoad({filter: /@azure[/\\]core-client[/\\].*urlHelpers\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const broken = 'const [name, value] = pair.split("=", 2);';
      if (!source.includes(broken)) throw new Error(`keep-query-padding: pattern not found in ${args.path}`);
      const fixed =
        'const eq = pair.indexOf("="); const [name, value] = eq < 0 ? [pair, undefined] : [pair.slice(0, eq), pair.slice(eq + 1)];';
      return {contents: source.replace(broken, fixed), loader: 'js'};
    });
  },
};

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
  plugins: [keepQueryPadding],
  // CommonJS dependencies inside the bundle call require(); give ESM one (the plain name collides).
  banner: {
    js: "import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);",
  },
});
writeFileSync(`${outdir}/package.json`, '{"type": "module"}\n');
