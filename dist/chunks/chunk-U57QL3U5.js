import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);

// src/inputs/policy.ts
var POLICIES = [
  "auto",
  "off",
  "2010",
  "2_12",
  "2014",
  "2_17",
  "2_24",
  "2_28",
  "2_31",
  "2_34",
  "2_35",
  "2_36",
  "2_39",
  "musllinux_1_1",
  "musllinux_1_2"
];
function normalizePolicy(raw) {
  const value = raw.trim().toLowerCase().replace(/^manylinux_?/, "");
  return POLICIES.includes(value) ? value : void 0;
}
function isMusl(policy) {
  return policy.startsWith("musllinux");
}

// src/inputs/strategy-spec.ts
var STRATEGY_KINDS = ["docker", "zig", "native"];
var InputError = class extends Error {
  name = "InputError";
};
function invalid(input, value, allowed) {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return new InputError(
    `Invalid input '${input}': '${shown.replace(/\n/g, "\\n").replace(/\r/g, "\\r")}'. Allowed: ${allowed}.`
  );
}
var STRATEGY_ALLOWED = `a comma-separated list of ${STRATEGY_KINDS.join("|")}[:POLICY], POLICY one of ${POLICIES.join(", ")}`;
function parseStrategies(raw) {
  const items = raw.split(/[,\s]+/).filter((s) => s !== "");
  if (items.length === 0) throw invalid("strategies", raw, STRATEGY_ALLOWED);
  const specs = items.map((item) => parseOne(item, raw));
  const labels = specs.map((s) => s.label);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) throw invalid("strategies", raw, `each strategy once ('${dup}' appears twice)`);
  return specs;
}
function parseOne(item, raw) {
  const [kindText, policyText, extra] = item.split(":");
  const kind = STRATEGY_KINDS.find((k) => k === kindText.toLowerCase());
  if (!kind || extra !== void 0) throw invalid("strategies", raw, STRATEGY_ALLOWED);
  if (policyText === void 0) return { kind, label: kind };
  const policy = normalizePolicy(policyText);
  if (!policy) throw invalid("strategies", raw, STRATEGY_ALLOWED);
  if (policy === "off" && kind !== "native") {
    throw invalid(
      "strategies",
      raw,
      `${kind} builds manylinux wheels; only native:off gives a linux_* wheel`
    );
  }
  return { kind, policy, label: `${kind}:${policy}` };
}

// src/classify/normalize.ts
var ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
var GITHUB_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;
var WORKFLOW_COMMAND = /^(?:##\[(?:group|endgroup|error|warning|notice|debug|section|command)\]|::(?:group|endgroup|error|warning|notice|debug)(?: [^:]*)?::)/;
var BUILDKIT_STEP = /^#\d+ \d+\.\d+ /;
var ACT_PREFIX = /^\[[^\]\n]+\] +\| /;
var GH_CLI_PREFIX = /^[^\t\n]*\t[^\t\n]*\t(?=\d{4}-\d\d-\d\dT)/;
function normalizeLine(raw) {
  let line = raw.includes("\x1B") ? raw.replace(ANSI, "") : raw;
  if (line.endsWith("\r")) line = line.slice(0, -1);
  if (line.includes("	")) line = line.replace(GH_CLI_PREFIX, "");
  if (line.startsWith("[")) line = line.replace(ACT_PREFIX, "");
  line = line.replace(GITHUB_TIMESTAMP, "");
  line = line.replace(WORKFLOW_COMMAND, "");
  return line.replace(BUILDKIT_STEP, "");
}
var MAX_LINE_CHARS = 16384;
var LineSplitter = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  partial = "";
  overflow = false;
  lastWasCr = false;
  push(chunk) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 10 && this.lastWasCr && i === start && this.partial === "") {
        start = i + 1;
        this.lastWasCr = false;
        continue;
      }
      this.append(chunk, start, i);
      this.flushLine();
      this.lastWasCr = c === 13;
      start = i + 1;
    }
    if (start < chunk.length) {
      this.lastWasCr = false;
      this.append(chunk, start, chunk.length);
    }
  }
  end() {
    if (this.partial !== "" || this.overflow) this.flushLine();
  }
  append(chunk, from, to) {
    if (this.overflow || from === to) return;
    const room = MAX_LINE_CHARS - this.partial.length;
    if (to - from > room) {
      this.partial += chunk.slice(from, from + room);
      this.overflow = true;
    } else {
      this.partial += chunk.slice(from, to);
    }
  }
  flushLine() {
    const line = this.partial;
    this.partial = "";
    this.overflow = false;
    this.onLine(line);
  }
};

// src/classify/rules.ts
var RULES = [
  // Docker itself: when these appear the build never ran.
  {
    id: "docker-socket",
    keys: ["docker"],
    cls: "docker-daemon",
    weight: 3,
    pattern: /Cannot connect to the Docker daemon|Is the docker daemon running\?|permission denied while trying to connect to the Docker daemon|error during connect: .*docker|docker: command not found|failed to connect to the docker API/i
  },
  {
    id: "docker-rate-limit",
    keys: ["toomanyrequests", "pull rate limit"],
    cls: "docker-pull",
    weight: 3,
    pattern: /toomanyrequests|pull rate limit/i
  },
  {
    id: "docker-pull-denied",
    keys: [
      "pull access denied",
      "manifest unknown",
      "manifest for",
      "error response from daemon",
      "unauthorized: authentication required",
      "denied: requested access",
      "failed to resolve reference"
    ],
    cls: "docker-pull",
    weight: 3,
    pattern: /pull access denied|manifest unknown|manifest for \S+ not found|Error response from daemon: (?:Head|Get) "?https?:\/\/|unauthorized: authentication required|denied: requested access to the resource|failed to resolve reference "|Error response from daemon: received unexpected HTTP status/i
  },
  // Resource exhaustion explains every error that follows it.
  {
    id: "enospc",
    keys: ["no space left", "enospc", "[errno 28]", "disk quota"],
    cls: "disk-full",
    weight: 3,
    pattern: /No space left on device|\bENOSPC\b|\[Errno 28\]|disk quota exceeded/i
  },
  {
    id: "oom-sigkill",
    keys: [
      "signal: 9",
      "killed signal",
      "memory allocation of",
      "out of memory",
      "bad_alloc",
      "cannot allocate memory",
      "memory exhausted"
    ],
    cls: "oom",
    weight: 3,
    pattern: /signal: 9, SIGKILL|Killed signal terminated program|memory allocation of \d+ bytes failed|LLVM ERROR: out of memory|fatal runtime error: out of memory|std::bad_alloc|Cannot allocate memory|virtual memory exhausted|out of memory allocating/i
  },
  // Toolchain too old: cargo refuses before compiling.
  {
    id: "msrv",
    keys: [
      "is not supported by the following packages",
      "requires rustc",
      "edition20",
      "not stabilized in this version of cargo",
      "cannot be built because it requires",
      "requires the cargo feature",
      "unsupported rustc version",
      "unsupported rust version"
    ],
    cls: "rustc-too-old",
    weight: 3,
    pattern: /is not supported by the following packages|requires rustc \d+\.\d+|feature `edition20\d\d` is required|not stabilized in this version of Cargo|cannot be built because it requires rustc|package `[^`]+` cannot be built because it requires|the package requires the Cargo feature called|unsupported (?:rustc|Rust) version/i
  },
  // blst / c-kzg: their symbols, their sources, their known assembler rejection.
  {
    id: "blst-symbol",
    keys: ["undefined symbol", "undefined reference", "sigill in blst"],
    cls: "blst-ckzg",
    weight: 3,
    pattern: /undefined (?:symbol|reference to)[: `'"]*_?(?:blst_|ckzg_|c_kzg_|mulx_mont_|POINTonE[12]_)|SIGILL in blst_|Caught SIGILL in blst/i
  },
  {
    id: "blst-frame",
    keys: [
      " in blst",
      " in _blst",
      " in mulx_mont",
      " in sqr_mont",
      " in sqrx_mont",
      " in ct_inverse_mod",
      " in pointone"
    ],
    cls: "blst-ckzg",
    weight: 3,
    pattern: /^#\d+ +0x[0-9a-f]+ in (?:_?blst_\w+|mulx_mont_\w+|sqrx?_mont_\w+|ct_inverse_mod_\w+|POINTonE[12]_\w+|blst::)/i
  },
  {
    id: "blst-cfi",
    keys: ["invalid cfi advance_loc"],
    cls: "blst-ckzg",
    weight: 3,
    pattern: /invalid CFI advance_loc expression/
  },
  {
    id: "blst-source",
    keys: [
      "blst/src",
      "blst/build",
      "blst/bindings",
      "blst\\src",
      "blst\\build",
      "blst\\bindings",
      "c-kzg-4844/src",
      "c-kzg-4844\\src",
      "ckzg/src",
      "ckzg\\src"
    ],
    cls: "blst-ckzg",
    weight: 2,
    pattern: /(?:error|Error \d|\*\*\*).*[/\\](?:blst[/\\](?:src|build|bindings)|c-kzg-4844[/\\]src|ckzg[/\\]src)[/\\]/
  },
  // ring, openssl, libclang, python: named causes.
  {
    id: "ring-arm-arch",
    keys: ["__arm_arch", "ring-core"],
    cls: "ring",
    weight: 3,
    pattern: /ARM assembler must define __ARM_ARCH|ring-core[/\\].*error/
  },
  {
    id: "openssl-missing",
    keys: ["openssl", "ipc/cmd.pm"],
    cls: "openssl",
    weight: 3,
    pattern: /Could not find directory of OpenSSL installation|Could not find openssl via pkg-config|The system library `openssl` required by crate|openssl[/\\](?:ssl|opensslv|crypto|err|evp)\.h(?::| file not found|' file not found)|Can't locate IPC\/Cmd\.pm|OpenSSL library directory .* does not exist/i
  },
  {
    id: "openssl-symbol",
    keys: ["undefined reference", "cannot find -l"],
    cls: "openssl",
    weight: 2,
    pattern: /undefined reference to `(?:SSL|EVP|OPENSSL|CRYPTO|ERR)_|cannot find -l(?:ssl|crypto)\b/
  },
  {
    id: "openssl-env",
    keys: ["openssl_"],
    cls: "openssl",
    weight: 1,
    pattern: /\b(?:[A-Z0-9_]+_)?OPENSSL_(?:DIR|LIB_DIR|INCLUDE_DIR)\b/
  },
  {
    id: "libclang",
    keys: ["libclang", "unable to generate bindings"],
    cls: "libclang",
    weight: 3,
    pattern: /Unable to find libclang|valid shared libraries matching: \['libclang|LIBCLANG_PATH|Unable to generate bindings|libclang\.so[^ ]*: cannot open shared object/i
  },
  {
    id: "python-missing",
    keys: ["python", "undefined reference"],
    cls: "python",
    weight: 3,
    pattern: /Couldn't find any python interpreters|no Python 3\.x interpreter found|Python interpreter `?[^ ]*`? doesn't exist|Python\.h: No such file|cannot find -lpython|undefined reference to `_?Py[A-Z][A-Za-z_]+'|failed to run the Python interpreter|the configured Python interpreter version .* is lower than PyO3's minimum|Unsupported Python version|python3?: (?:command )?not found|Failed to get information from the python interpreter/i
  },
  // Build tools that are absent.
  {
    id: "patchelf",
    keys: ["patchelf"],
    cls: "missing-toolchain",
    weight: 3,
    pattern: /Failed to execute 'patchelf'|patchelf: (?:command )?not found/i
  },
  {
    id: "tool-missing",
    keys: [
      "failed to find tool",
      "linker `",
      "cmake",
      "could not find",
      "not found",
      "protoc",
      "is not installed",
      "could not choose a version"
    ],
    cls: "missing-toolchain",
    weight: 3,
    pattern: /Failed to find tool\. Is `[^`]+` installed|failed to find tool "[^"]+"|linker `[^`]+` not found|is `cmake` not installed|error: could not find `?(?:cc|gcc|c\+\+|ar|ld)`?|\b(?:cc|gcc|g\+\+|clang|ar|ld|make|cmake|perl|nasm|protoc)(?:: command)? not found\b|Could not find `protoc`|toolchain '[^']+' is not installed|could not choose a version of (?:cargo|rustc) to run/i
  },
  // zig as a linker/compiler driver.
  {
    id: "zig-linker",
    keys: ["unsupported linker", "zig"],
    cls: "zig",
    weight: 3,
    pattern: /unsupported linker (?:arg|extension flag)|zig(?:cc|cxx|c\+\+|ld)?: error:|error: unable to find zig|Failed to find zig|zig (?:ld|cc) (?:error|failed)/i
  },
  // Generic C/C++/asm failures (cc-rs, cmake, make, the compilers themselves).
  {
    id: "cc-rs-command",
    keys: ["toolexecerror", "error occurred", "did not execute successfully"],
    cls: "c-build",
    weight: 2,
    pattern: /ToolExecError|error occurred(?: in cc-rs)?: Command|did not execute successfully \(status code|error occurred in cc-rs/
  },
  {
    id: "c-compiler-error",
    keys: [
      ": error",
      ": fatal error",
      "error:",
      "#error",
      "assembler messages",
      "unrecognized command",
      "initial declarations",
      "c99 mode"
    ],
    cls: "c-build",
    weight: 2,
    pattern: /\.(?:c|cc|cpp|cxx|h|hh|hpp|S|s|asm)(?::\d+)+: (?:fatal )?error|cc1(?:plus)?: (?:fatal )?error|\b(?:gcc|clang|cc|c\+\+): (?:fatal )?error:|Assembler messages:|\bError: (?:no such instruction|unknown pseudo-op|junk at end of line|invalid instruction suffix|operand)|unrecognized command[- ]line option|'for' loop initial declarations are only allowed|#error |C99 mode/
  },
  {
    id: "c-native-lib",
    keys: [
      "could not find native static library",
      "cmake error",
      "ninja: build stopped",
      "gyp err!",
      "cannot find -l"
    ],
    cls: "c-build",
    weight: 2,
    pattern: /could not find native static library|CMake Error|ninja: build stopped|gyp ERR! build error|cannot find -l\S+/
  },
  // make also wraps cargo itself (`Error 101`), so alone it is only a hint.
  { id: "make-failed", keys: ["*** "], cls: "c-build", weight: 1, pattern: /make(?:\[\d+\])?: \*\*\* / },
  // Permission problems in the workspace.
  {
    id: "permission",
    keys: ["permission denied", "eacces", "operation not permitted"],
    cls: "permission",
    weight: 2,
    pattern: /Permission denied \(os error 13\)|\[Errno 13\] Permission denied|\bEACCES\b|Operation not permitted \(os error 1\)/
  },
  // maturin's own audit.
  {
    id: "manylinux-audit",
    keys: ["compliance", "compliant", "too-recent versioned symbols"],
    cls: "manylinux-policy",
    weight: 3,
    pattern: /Error ensuring (?:manylinux|musllinux)\S* compliance|is not (?:manylinux|musllinux)\S* \(aka [^)]+\) compliant|is not (?:manylinux|musllinux)\S* compliant|too-recent versioned symbols/
  },
  // Network (a `spurious` retry warning alone is only a hint).
  {
    id: "net-spurious",
    keys: ["spurious network error"],
    cls: "network",
    weight: 1,
    pattern: /^warning: spurious network error/
  },
  {
    id: "network",
    keys: [
      "could not resolve host",
      "temporary failure in name resolution",
      "failed to download",
      "unable to update registry",
      "network is unreachable",
      "connection refused",
      "connection reset",
      "connection timed out",
      "ssl connect error",
      "curl: (",
      "dns error",
      "error sending request",
      "failed to fetch",
      "couldn't connect to server",
      "operation timed out"
    ],
    cls: "network",
    weight: 2,
    pattern: /Could not resolve host|Temporary failure in name resolution|failed to download from|failed to download `|Unable to update registry|Network is unreachable|Connection (?:refused|reset by peer|timed out)|SSL connect error|\bcurl: \(\d+\)|dns error|error sending request for url|failed to fetch `?https?:|Couldn't connect to server|operation timed out/i
  },
  // At import time.
  {
    id: "import-glibc",
    keys: ["glibc_", "importerror"],
    cls: "import-crash",
    weight: 3,
    pattern: /version `GLIBC_[\d.]+' not found|ImportError: .*(?:undefined symbol|cannot open shared object|GLIBC_)|ImportError: DLL load failed/
  },
  {
    id: "import-sigill",
    keys: ["illegal instruction", "sigill", "segmentation fault"],
    cls: "import-crash",
    weight: 2,
    pattern: /Illegal instruction|\bSIGILL\b|Segmentation fault \(core dumped\)/i
  },
  // Publishing.
  {
    id: "upload-tag",
    keys: ["unsupported platform tag", "pypi.org", "invalid or non-existent authentication"],
    cls: "upload-rejected",
    weight: 3,
    pattern: /unsupported platform tag|HTTPError: 4\d\d [A-Za-z ]+ from https?:\/\/(?:upload\.|test\.)?pypi\.org|File already exists\.? See https?:\/\/(?:test\.)?pypi\.org|Invalid or non-existent authentication information/
  },
  // Rust code.
  {
    id: "rustc-error",
    keys: ["error[e", "error: "],
    cls: "rust-compile",
    weight: 2,
    pattern: /^error\[E\d{4}\]|^error: (?:cannot find|expected |unresolved|mismatched|this file contains an unclosed|unknown start of token|lifetime may not live long enough|aborting due to)/
  },
  // Configuration problems reported by cargo or maturin themselves.
  {
    id: "config",
    keys: [
      "unexpected argument",
      "failed to parse manifest",
      "pyproject.toml",
      "failed to parse",
      "unknown binding type",
      "doesn't mix well",
      "can't find",
      "missing field",
      "could not find `cargo.toml`"
    ],
    cls: "maturin-config",
    weight: 2,
    pattern: /error: unexpected argument '[^']+' found|failed to parse manifest at|pyproject\.toml is invalid|Failed to parse (?:pyproject\.toml|Cargo\.toml)|unknown binding type|doesn't mix well|Can't find (?:Cargo\.toml|pyproject\.toml)|could not find `Cargo\.toml`|missing field `[^`]+` in `?(?:project|tool)/
  }
];
var FATAL_MARKERS = /error: failed to run custom build command for|^\s*error: could not compile `|maturin failed|warning: build failed, waiting for other jobs to finish|Cargo build finished with "exit status|error: linking with `|^error: [^\s].*|^docker: /;
var BLOCK_END_MARKERS = /warning: build failed, waiting for other jobs to finish|maturin failed/;
var MATURIN_WRAPPER_CAUSES = /Failed to build a native library through cargo|Cargo build finished with|Cargo metadata failed|`cargo metadata` exited with an error|Failed to build a (?:wheel|native library)|process didn't exit successfully|No such file or directory \(os error 2\)$/;
var CRATE_CLASSES = [
  { crate: /^(?:blst|c-kzg|ckzg|c_kzg)$/, cls: "blst-ckzg" },
  { crate: /^(?:openssl-sys|openssl-src|openssl)$/, cls: "openssl" },
  { crate: /^ring$/, cls: "ring" },
  { crate: /^(?:clang-sys|bindgen)$/, cls: "libclang" },
  { crate: /^(?:pyo3-build-config|pyo3-ffi|python3-dll-a)$/, cls: "python" }
];
var STRUCTURAL_KEYS = [
  "custom build command",
  "could not compile",
  "maturin failed",
  "caused by:",
  "exit status: 101",
  "build failed",
  "failed with exit code",
  "process completed with exit code",
  "cargo build finished",
  "linking with",
  "docker: ",
  "not found",
  "undefined",
  "cannot find",
  "did not execute",
  "*** ["
];
var KNOWN_CRATE_OUTPUT = /warning: (blst|c-kzg|ckzg|c_kzg|ring|openssl-sys|openssl-src|openssl|clang-sys|bindgen|pyo3-build-config|pyo3-ffi|python3-dll-a)@/g;
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function trie(words) {
  if (words.includes("")) return "";
  const groups = /* @__PURE__ */ new Map();
  for (const w of words) groups.set(w[0], [...groups.get(w[0]) ?? [], w.slice(1)]);
  const alternatives = [...groups].map(([first, rest]) => escapeRegExp(first) + trie(rest));
  return alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join("|")})`;
}
var KEY_TRIE = trie([.../* @__PURE__ */ new Set([...RULES.flatMap((r) => r.keys), ...STRUCTURAL_KEYS])]);
var PREFILTER = new RegExp(KEY_TRIE, "gi");
var PREFILTER_LOWER = new RegExp(KEY_TRIE, "g");

// src/classify/chunk-scanner.ts
var ChunkScanner = class {
  constructor(onLine, onSkipped, wantsSkipped, onKnownCrate) {
    this.onLine = onLine;
    this.onSkipped = onSkipped;
    this.wantsSkipped = wantsSkipped;
    this.onKnownCrate = onKnownCrate;
  }
  onLine;
  onSkipped;
  wantsSkipped;
  onKnownCrate;
  carry = "";
  /** The carried line is already MAX_LINE_CHARS long: drop the rest of it up to its newline. */
  dropping = false;
  push(chunk) {
    let text = chunk;
    if (this.dropping) {
      const nl = chunk.indexOf("\n");
      if (nl < 0) return;
      this.dropping = false;
      text = this.carry + chunk.slice(nl);
    } else if (this.carry !== "") {
      text = this.carry + chunk;
    }
    this.carry = "";
    const last = text.lastIndexOf("\n");
    if (last >= 0) this.scan(text, last + 1);
    this.keep(text.slice(last + 1));
  }
  end() {
    const rest = this.carry;
    this.carry = "";
    this.dropping = false;
    if (rest !== "") {
      this.line(rest);
      if (KNOWN_CRATE_OUTPUT.test(rest)) this.onKnownCrate(rest);
      KNOWN_CRATE_OUTPUT.lastIndex = 0;
    }
  }
  keep(rest) {
    this.carry = rest.length > MAX_LINE_CHARS ? rest.slice(0, MAX_LINE_CHARS) : rest;
    this.dropping = rest.length > MAX_LINE_CHARS;
  }
  /** text[0, to) is whole lines, each ending in a newline. */
  scan(text, to) {
    const re = PREFILTER;
    re.lastIndex = 0;
    let pos = 0;
    while (pos < to) {
      const m = re.exec(text);
      if (m === null || m.index >= to) break;
      const start = text.lastIndexOf("\n", m.index) + 1;
      const end = text.indexOf("\n", m.index);
      this.skip(text, pos, start);
      this.line(text.slice(start, end));
      pos = end + 1;
      re.lastIndex = pos;
    }
    this.skip(text, pos, to);
    this.knownCrates(text, to);
  }
  knownCrates(text, to) {
    const re = KNOWN_CRATE_OUTPUT;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
      const end = text.indexOf("\n", m.index);
      this.onKnownCrate(text.slice(text.lastIndexOf("\n", m.index) + 1, end));
      re.lastIndex = end + 1;
    }
  }
  skip(text, from, to) {
    for (let i = from; i < to && this.wantsSkipped(); ) {
      const end = text.indexOf("\n", i);
      this.onSkipped(text.slice(i, end));
      i = end + 1;
    }
  }
  /** A lone CR (a progress bar redrawing itself) ends a line too. */
  line(raw) {
    const cut = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
    if (!cut.includes("\r")) this.onLine(cut);
    else for (const piece of cut.split("\r")) this.onLine(piece);
  }
};

// src/classify/classes.ts
var FAILURE_CLASSES = [
  "blst-ckzg",
  "openssl",
  "libclang",
  "ring",
  "c-build",
  "missing-toolchain",
  "rustc-too-old",
  "rust-compile",
  "python",
  "maturin-config",
  "zig",
  "docker-daemon",
  "docker-pull",
  "network",
  "oom",
  "disk-full",
  "permission",
  "manylinux-policy",
  "import-crash",
  "upload-rejected",
  "unknown"
];
var ENVIRONMENT_CLASSES = [
  "blst-ckzg",
  "c-build",
  "ring",
  "openssl",
  "libclang",
  "missing-toolchain",
  "python",
  "docker-daemon",
  "docker-pull"
];
var TRANSIENT_CLASSES = ["network", "docker-pull"];
function isFailureClass(name) {
  return FAILURE_CLASSES.includes(name);
}
var CLASS_PRIORITY = [
  "docker-daemon",
  "docker-pull",
  "disk-full",
  "oom",
  "rustc-too-old",
  "blst-ckzg",
  "openssl",
  "ring",
  "libclang",
  "zig",
  "missing-toolchain",
  "python",
  "c-build",
  "manylinux-policy",
  "permission",
  "network",
  "rust-compile",
  "maturin-config",
  "import-crash",
  "upload-rejected",
  "unknown"
];
var DOCS = "docs/troubleshooting.md";
var REMEDIES = {
  "blst-ckzg": "blst/c-kzg C or assembly failed to build (old GCC defaults to gnu89 in the manylinux2014 cross images): use manylinux: 2_28, the zig or native strategy, or an arm runner; upgrade blst to >= 0.3.13 for CFI errors.",
  openssl: 'OpenSSL headers are missing: add before-script-linux: "yum install -y openssl-devel perl-IPC-Cmd" (dnf on 2_28), vendor OpenSSL, or switch to rustls.',
  libclang: "bindgen cannot find libclang: install clang (yum/dnf install -y clang) in before-script-linux.",
  ring: "ring cannot assemble for this target with the old cross GCC: set CFLAGS_aarch64_unknown_linux_gnu=-D__ARM_ARCH=8 or use manylinux: 2_28.",
  "c-build": "A C/C++/asm build script failed: the image compiler may be too old; try manylinux: 2_28, install the missing -devel package in before-script-linux, or fall back to zig/native.",
  "missing-toolchain": "A build tool (cc, ar, a cross linker, cmake or patchelf) is not installed: install it in before-script-linux, or on the runner for native builds.",
  "rustc-too-old": "A dependency needs a newer Rust: set rust-toolchain to a newer release (or stable).",
  "rust-compile": "The Rust code does not compile: fix the error shown; no other environment will help.",
  python: "No usable Python interpreter: pass -i python3.X or --find-interpreter in args, or use an image that has the interpreter.",
  "maturin-config": "maturin rejected the project configuration (pyproject.toml / Cargo.toml / args): fix the configuration shown.",
  zig: "The zig linker rejected a flag: drop the zig strategy for this target, or remove the unsupported linker argument.",
  "docker-daemon": "The Docker daemon is not reachable: start Docker on the runner or move docker after native in strategies.",
  "docker-pull": "The image could not be pulled (rate limit, auth or wrong name): retry later, log in to the registry, or set container.",
  network: "A download failed: retry; vendor or pre-fetch dependencies (cargo fetch) for offline builds.",
  oom: "The compiler was killed for lack of memory: reduce parallelism (CARGO_BUILD_JOBS), disable fat LTO, or use a bigger runner.",
  "disk-full": "The runner ran out of disk: free space (remove unused toolchains/images) or clean the target directory.",
  permission: "Permission denied in the workspace (often root-owned files left by a container): clean the target dir or fix ownership.",
  "manylinux-policy": "The wheel links symbols newer than the requested manylinux policy: build in the matching manylinux image, or let maturin pick the tag.",
  "import-crash": "The wheel builds but crashes at import (SIGILL, missing symbol or too-new glibc): build portable (no sccache, no host CPU features) in an older image.",
  "upload-rejected": "The index rejected the upload: linux_* wheels are not accepted by PyPI; build manylinux wheels, and never rename a wheel to claim a tag.",
  unknown: "The failure did not match a known class: read the end of the attempt log, and run the classify CLI on the raw log to see what it found."
};
function docsLink(cls, env = {}) {
  const repo = env.GITHUB_ACTION_REPOSITORY;
  const base = repo ? `${env.GITHUB_SERVER_URL || "https://github.com"}/${repo}/blob/${env.GITHUB_ACTION_REF || "main"}/` : "";
  return `${base}${DOCS}#${cls}`;
}

// src/classify/crate-tracker.ts
var MAX_EVIDENCE_CHARS = 400;
var MAX_CRATES = 64;
var BUILD_SCRIPT_FAILED = /failed to run custom build command for `([A-Za-z0-9_.-]+) v[^`]*`/;
var COULD_NOT_COMPILE = /error: could not compile `([A-Za-z0-9_.-]+)`/;
var CRATE_OUTPUT = /^\s*warning: ([A-Za-z0-9_.-]+)@[0-9][^:\s]*: (.*)$/;
var ERRORISH = /\berror\b|\bError\b|ToolExecError|did not execute successfully|\*\*\* \[|cannot find|not found|undefined/;
var REGISTRY_SOURCE = /[/\\]registry[/\\]src[/\\][^/\\]+[/\\]([A-Za-z0-9_.-]+?)-\d+\.\d+\.\d+[^/\\]*[/\\]/;
var BUILD_OUT = /"-o" "[^"]*[/\\]build[/\\]([A-Za-z0-9_.-]+)-[0-9a-f]{16}[/\\]out[/\\]/;
function indentOf(line) {
  return line.length - line.trimStart().length;
}
function classOfCrate(crate) {
  return CRATE_CLASSES.find((c) => c.crate.test(crate))?.cls;
}
function evidenceLine(line, weight, order) {
  return { weight, line: line.trim().slice(0, MAX_EVIDENCE_CHARS), order };
}
var CrateTracker = class {
  failedList = [];
  buildScripts = /* @__PURE__ */ new Set();
  /** Known crates (ring, blst…) whose output appeared without an error in it. */
  mentioned = /* @__PURE__ */ new Set();
  /** Their first output line: the last resort of evidence. */
  mentionEvidence = /* @__PURE__ */ new Map();
  blockCrate;
  blockIndent = 0;
  get failed() {
    return [...this.failedList];
  }
  get inBlock() {
    return this.blockCrate !== void 0;
  }
  /** A crate whose build script failed (as opposed to one that only failed to compile). */
  isFailedBuildScript(crate) {
    return this.buildScripts.has(crate) && this.failedList.includes(crate);
  }
  failedBuildScripts() {
    return [...this.buildScripts].filter((c) => this.failedList.includes(c));
  }
  trackBlock(line) {
    const started = BUILD_SCRIPT_FAILED.exec(line);
    if (started) {
      this.blockCrate = started[1];
      this.blockIndent = indentOf(line);
      this.addFailed(started[1], true);
      return;
    }
    const compiled = COULD_NOT_COMPILE.exec(line);
    if (compiled) this.addFailed(compiled[1], false);
    if (this.blockCrate !== void 0 && indentOf(line) <= this.blockIndent && !/^\s*Caused by:/.test(line)) {
      this.blockCrate = void 0;
    }
  }
  /** Which crate a line speaks for, if any. */
  attribute(line, order) {
    const output = CRATE_OUTPUT.exec(line);
    if (output) return this.crateOutput(output[1], output[2], line, order);
    if (this.blockCrate !== void 0) return this.blockCrate;
    if (!ERRORISH.test(line)) return void 0;
    const located = BUILD_OUT.exec(line) ?? REGISTRY_SOURCE.exec(line);
    if (!located) return void 0;
    const crate = located[1];
    if (classOfCrate(crate) !== void 0 || /cc-rs|ToolExecError|did not execute/.test(line))
      this.addFailed(crate, true);
    return crate;
  }
  /** A known crate's output line seen by the fast scan: recorded once per crate. */
  knownCrateOutput(line, order) {
    const output = CRATE_OUTPUT.exec(line);
    if (output && !this.mentioned.has(output[1])) this.crateOutput(output[1], output[2], line, order);
  }
  crateOutput(crate, message, line, order) {
    if (ERRORISH.test(message)) {
      this.addFailed(crate, true);
      return crate;
    }
    this.mentioned.add(crate);
    const named = classOfCrate(crate);
    if (named && !this.mentionEvidence.has(named))
      this.mentionEvidence.set(named, evidenceLine(line, 1, order));
    return void 0;
  }
  addFailed(crate, buildScript) {
    if (buildScript) this.buildScripts.add(crate);
    if (!this.failedList.includes(crate) && this.failedList.length < MAX_CRATES) this.failedList.push(crate);
  }
};

// src/classify/classifier.ts
var DOMINANT = /* @__PURE__ */ new Set([
  "disk-full",
  "oom",
  "docker-daemon",
  "docker-pull",
  "rustc-too-old"
]);
var MATURIN_FAILED = /maturin failed/;
var MATURIN_CAUSE = /^\s*Caused by: (.*)$/;
var FAILURE_SEEN = /maturin failed|exit status: 101|warning: build failed|error: could not compile|failed to run custom build command|failed with exit code|Process completed with exit code [1-9]/;
function byPriority(a, b) {
  return CLASS_PRIORITY.indexOf(a) - CLASS_PRIORITY.indexOf(b);
}
var LogClassifier = class {
  /** Evidence not tied to one failing build script. */
  global = /* @__PURE__ */ new Map();
  perCrate = /* @__PURE__ */ new Map();
  crates = new CrateTracker();
  scanner = new ChunkScanner(
    (line) => this.pushLine(this.decode(line)),
    (line) => this.skippedLine(this.decode(line)),
    () => this.crates.inBlock,
    (line) => this.knownCrateLine(this.decode(line))
  );
  /** Chunks arrive as bytes read as latin1 (writeBytes): lines must be decoded as UTF-8. */
  latin1 = false;
  awaitingMaturinCause = false;
  failureSeen = false;
  order = 0;
  fatal = false;
  /** True once a line has appeared after which the build cannot succeed. */
  get sawFatalLine() {
    return this.fatal;
  }
  /** Feeds a raw chunk of output (any split, any line ending). */
  write(chunk) {
    this.scanner.push(chunk);
  }
  /**
   * Feeds raw bytes. They are scanned as latin1 (no UTF-8 decoding of the whole log: the keys are
   * ASCII), and only the lines the classifier reads are decoded as UTF-8.
   */
  writeBytes(chunk) {
    this.latin1 = true;
    this.scanner.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1"));
  }
  /** Flushes a trailing partial line. */
  end() {
    this.scanner.end();
  }
  /** Any char above ASCII in a latin1 view is part of a multi-byte UTF-8 sequence. */
  decode(line) {
    return this.latin1 && /[\u0080-\u00ff]/.test(line) ? Buffer.from(line, "latin1").toString("utf8") : line;
  }
  /** Output of blst, ring…: remembered once per crate, in case nothing better turns up. */
  knownCrateLine(raw) {
    const line = normalizeLine(raw);
    this.crates.knownCrateOutput(line, this.order);
  }
  /** A line without any rule's key: it can only end a build script's error block. */
  skippedLine(raw) {
    const line = normalizeLine(raw);
    if (line.trim() !== "") this.crates.trackBlock(line);
  }
  /** Feeds one line; returns true when the line is fatal (see sawFatalLine). */
  pushLine(raw) {
    const line = normalizeLine(raw);
    if (line.trim() === "") return false;
    this.order++;
    this.crates.trackBlock(line);
    const crate = this.crates.attribute(line, this.order);
    const lower = line.toLowerCase();
    const rule = RULES.find((r) => r.keys.some((k) => lower.includes(k)) && r.pattern.test(line));
    if (rule) this.record(rule, line, crate);
    else this.maturinCause(line, crate);
    if (FAILURE_SEEN.test(line)) this.failureSeen = true;
    const fatal = FATAL_MARKERS.test(line) || rule !== void 0 && rule.weight >= 3;
    if (fatal) this.fatal = true;
    return fatal;
  }
  diagnose() {
    const classes = this.collectClasses();
    const cls = classes[0] ?? "unknown";
    return {
      cls,
      classes: classes.length > 0 ? classes : ["unknown"],
      crates: this.crates.failed,
      evidence: this.evidenceFor(classes),
      hint: REMEDIES[cls],
      docs: docsLink(cls)
    };
  }
  record(rule, line, crate) {
    this.awaitingMaturinCause = this.awaitingMaturinCause && !MATURIN_CAUSE.test(line);
    const ev = evidenceLine(line, rule.weight, this.order);
    const attributed = crate !== void 0 && this.crates.isFailedBuildScript(crate);
    if (!attributed || DOMINANT.has(rule.cls)) keepStrongest(this.global, rule.cls, ev);
    if (!attributed) return;
    let map = this.perCrate.get(crate);
    if (!map) {
      map = /* @__PURE__ */ new Map();
      this.perCrate.set(crate, map);
    }
    keepStrongest(map, rule.cls, ev);
  }
  /** The first `Caused by:` after `maturin failed` is maturin's own reason, unless it only wraps cargo. */
  maturinCause(line, crate) {
    if (MATURIN_FAILED.test(line)) {
      this.awaitingMaturinCause = true;
      return;
    }
    const cause = MATURIN_CAUSE.exec(line);
    if (!this.awaitingMaturinCause || !cause) return;
    this.awaitingMaturinCause = false;
    if (MATURIN_WRAPPER_CAUSES.test(cause[1])) return;
    this.record(
      { id: "maturin-cause", cls: "maturin-config", weight: 2, keys: [], pattern: /$^/ },
      line,
      crate
    );
  }
  collectClasses() {
    const found = /* @__PURE__ */ new Set();
    for (const crate of this.crates.failedBuildScripts()) found.add(this.crateClass(crate));
    for (const [cls, ev] of this.global) {
      if (ev.weight >= 2) found.add(cls);
    }
    if (found.size === 0 && this.failureSeen) {
      for (const crate of this.crates.mentioned) {
        const cls = classOfCrate(crate);
        if (cls) found.add(cls);
      }
    }
    if (found.size === 0) {
      for (const [cls, ev] of this.global) if (ev.weight === 1) found.add(cls);
    }
    return [...found].sort(byPriority);
  }
  crateClass(crate) {
    const named = classOfCrate(crate);
    if (named) return named;
    const evidence = [...this.perCrate.get(crate) ?? /* @__PURE__ */ new Map()];
    evidence.sort(([ca, a], [cb, b]) => b.weight - a.weight || byPriority(ca, cb));
    return evidence[0]?.[0] ?? "c-build";
  }
  evidenceFor(classes) {
    const lines = [];
    for (const cls of classes) {
      const best = strongest([this.global.get(cls), ...[...this.perCrate.values()].map((m) => m.get(cls))]) ?? this.crateEvidence(cls) ?? this.crates.mentionEvidence.get(cls);
      if (best && !lines.includes(best.line)) lines.push(best.line);
    }
    const failed = this.crates.failed;
    if (lines.length === 0 && failed.length > 0) {
      lines.push(
        `build of ${failed.join(", ")} failed (no error text in the log)`.slice(0, MAX_EVIDENCE_CHARS)
      );
    }
    return lines;
  }
  /** The strongest line of any kind from the crates whose failure gave this class (c-kzg's C error, say). */
  crateEvidence(cls) {
    const crates = this.crates.failedBuildScripts().filter((c) => this.crateClass(c) === cls);
    return strongest(crates.flatMap((c) => [...this.perCrate.get(c)?.values() ?? []]));
  }
};
function strongest(candidates) {
  return candidates.filter((e) => e !== void 0).sort((a, b) => b.weight - a.weight || a.order - b.order)[0];
}
function keepStrongest(map, cls, ev) {
  const old = map.get(cls);
  if (!old || ev.weight > old.weight) map.set(cls, ev);
}
function allowsFallback(diagnosis, fallbackOn) {
  return diagnosis.classes.every((c) => fallbackOn.has(c));
}
var DEFAULT_FALLBACK_ON = new Set(ENVIRONMENT_CLASSES);

export {
  FAILURE_CLASSES,
  ENVIRONMENT_CLASSES,
  TRANSIENT_CLASSES,
  isFailureClass,
  docsLink,
  POLICIES,
  normalizePolicy,
  isMusl,
  InputError,
  invalid,
  parseStrategies,
  LineSplitter,
  BLOCK_END_MARKERS,
  LogClassifier,
  allowsFallback,
  DEFAULT_FALLBACK_ON
};
