import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);

// src/cli-usage.ts
var USAGE = `usage:
  maturin-fallback classify [--json] [--explain] FILE|-
      diagnose a saved build log (raw GitHub logs welcome); --explain prints each line that
      counted, the rule that matched it and the crate it was attributed to
  maturin-fallback build [--INPUT VALUE]... [-- MATURIN ARGS]
      runs the same chain as the action; --INPUT is any action input, e.g.
      --strategies "docker:2014, native" --fallback-on environment --container IMAGE
      --docker-options "-e CFLAGS=-std=gnu89" --out-dir dist --working-directory path`;

export {
  USAGE
};
