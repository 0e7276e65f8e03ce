import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);

// src/cli-usage.ts
var USAGE = `usage:
  maturin-fallback classify [--json] [--explain] FILE|-
      diagnose a saved build log (raw GitHub logs welcome); --explain prints each line that
      counted, the rule that matched it and the crate it was attributed to
  maturin-fallback build [--INPUT VALUE]... [-- MATURIN ARGS]
      runs the same chain as the action; --INPUT is any action input, e.g.
      --strategies "docker:2014, native" --fallback-on environment --container IMAGE
      --docker-options "-e CFLAGS=-std=gnu89" --out-dir dist --working-directory path
  maturin-fallback audit [--json] WHEEL...
      checks each Linux wheel's tag against the newest GLIBC symbol version its ELF files need
      (a manylinux_2_17 wheel that needs GLIBC_2.34 is dishonest; musllinux must need no glibc);
      exits 1 when any wheel's tag is dishonest or a wheel cannot be read`;

export {
  USAGE
};
