import {createRequire as __mfCreateRequire} from 'node:module'; const require = __mfCreateRequire(import.meta.url);

// src/classify/keyscan-wasm.ts
var KEYSCAN_WASM_BASE64 = [
  "AGFzbQEAAAABDwJgAn9/AX9gBH9/f38BfwMDAgABBQQBAQwMBxkDBHNjYW4AAQVzdHJpcAAABm1lbW9yeQIACusIArsEAQR/IAAh",
  "AgNAIAAgAUkEQAJAIAAhAwNAIANBEGogAU0EfyAD/QAEAP0MGxsbGxsbGxsbGxsbGxsbG/0j/VMFQQELRQRAIANBEGohAwwBCwsD",
  "QCABIANLBH8gAy0AAEEbRwVBAAsEQCADQQFqIQMMAQsLIAAgA0kEQCAAIAJHBEAgAiAAIAMgAGv8CgAACyACIAMgAGtqIQIgAyEA",
  "CyAAIAFPDQACf0EAIAAiA0EBaiABTw0AGiADLQABIgRB2wBGBEAgA0ECaiEAA0AgACABSQR/IAAtAAAiBUE5TSAFQTBPcSAFQTtG",
  "ciAFQT9GcgVBAAsEQCAAQQFqIQAMAQsLA0AgACABSQR/IAAtAABBIE8FQQALBH8gAC0AAEEvTQVBAAsEQCAAQQFqIQAMAQsLIABB",
  "AWogACABSQR/IAAtAABBwABPBUEACwR/IAAtAABB/gBNBUEACw0BGgUgBEHdAEYEQCADQQJqIQADQCAAIAFJBH8gAC0AACIFQRtG",
  "IAVBB0ZyIAVBCkZyIAVBDUZyBUEBC0UEQCAAQQFqIQAMAQsLIABBAWogACABSQR/IAAtAABBB0YFQQALDQIaIABBAmogAEEBaiAB",
  "SQR/IAAtAABBG0YFQQALBH8gAC0AAUHcAEYFQQALDQIaCwsgA0ECaiAEQdoATSAEQcAAT3EEf0EBBSAEQd8ATSAEQdwAT3ELDQAa",
  "QQALIgBFBEAgAiIAQQFqIQIgAEEbOgAAIANBAWohAAsMAgsLCyACC6sEAQp/IAEgAEEEakkEQEEADwsgAUEEayENIAAhBwNAIAcg",
  "DU0EQCAHKAIAQd+///59cUGx893xeWxBDnYiBEEDdi0AAEEBIARBB3F0cQRAIARBgIICai0AACEKQQAhDANAIAcgDGsiBCAAT0EA",
  "IAobBEACQCAKQQFxRQ0AIAQiBigCAEHfv//+fXEiCEGx893xeWxBEHZBAXRBgIISai8BACIERQ0AIARBgIIaaiIELQAAIQUCQANA",
  "IAUEQCAFIAZqIAFNBH8gBCgCAyAIRgVBAAsEQEEAIQkDQCAFIAlLBH8gBiAJai0AAEGAgAJqLQAAIARBB2ogCWotAABGBUEACwRA",
  "IAlBAWohCQwBCwsgBSAJRg0DCyAEIAVBB2pqIgQtAAAhBQwBCwtBACEECyAEIQUDQCAFBEAgC0EDdCIEQYCCHGogBjYCACAEQYSC",
  "HGogBS8BATYCACALQQFqIgsgA0YEQCALDwsgBigCAEHfv//+fXEhCCAFLQAAIAVBB2pqIgQtAAAhBQJAA0AgBQRAIAUgBmogAU0E",
  "fyAEKAIDIAhGBUEACwRAQQAhCQNAIAUgCUsEfyAGIAlqLQAAQYCAAmotAAAgBEEHaiAJai0AAEYFQQALBEAgCUEBaiEJDAELCyAF",
  "IAlGDQMLIAQgBUEHamoiBC0AACEFDAELC0EAIQQLIAQhBQwBCwsLIAxBAWohDCAKQQF2IQoMAQsLCyACIAdqIQcMAQsLIAsL"
].join("");

// src/classify/key-scanner.ts
var GRAMS = 0;
var GRAMS_BYTES = 32768;
var FOLD = 32768;
var OFFSETS = 33024;
var OFFSETS_BYTES = 262144;
var BUCKETS = 295168;
var BUCKETS_BYTES = 65536 * 2;
var KEYS = 426240;
var KEYS_BYTES = 32768;
var OUT = 459008;
var OUT_CAP = 4096;
var DATA = 524288;
var DATA_BYTES = 12 * 65536 - DATA;
var READ_BYTES = 128 * 1024;
var MIN_KEY_LENGTH = 4;
var MAX_STRIDE = 8;
var CASE = 3755991007;
var compiled;
function gram(bytes, at) {
  return ((bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | bytes[at + 3] << 24) & CASE) >>> 0;
}
function gramHash(bytes, at) {
  return Math.imul(gram(bytes, at), 2654435761) >>> 14;
}
var KeyScanner = class {
  /** Where the bytes to scan go: DATA_BYTES long. */
  data;
  wasm;
  mem;
  out;
  ids = new Uint16Array(OUT_CAP);
  stride = 1;
  empty = true;
  /** keys[i] gets id i. */
  constructor(keys) {
    compiled ??= new WebAssembly.Module(Buffer.from(KEYSCAN_WASM_BASE64, "base64"));
    this.wasm = new WebAssembly.Instance(compiled).exports;
    this.mem = new Uint8Array(this.wasm.memory.buffer);
    this.data = Buffer.from(this.wasm.memory.buffer, DATA, DATA_BYTES);
    this.out = new Uint32Array(this.wasm.memory.buffer, OUT, 2 * OUT_CAP);
    for (let b = 0; b < 256; b++) this.mem[FOLD + b] = b >= 65 && b <= 90 ? b + 32 : b;
    this.setKeys(keys.map((key, id) => ({ key, id })));
  }
  /** Searches for these keys from now on (ids as given). */
  setKeys(keys) {
    for (const { key } of keys) {
      if (key.length < MIN_KEY_LENGTH || key.length > 255 || !/^[\x20-\x7e]+$/.test(key) || key !== key.toLowerCase())
        throw new Error(
          `scan key ${JSON.stringify(key)}: must be 4-255 printable lower-case ASCII characters`
        );
    }
    this.mem.fill(0, GRAMS, GRAMS + GRAMS_BYTES);
    this.mem.fill(0, OFFSETS, OFFSETS + OFFSETS_BYTES);
    this.mem.fill(0, BUCKETS, BUCKETS + BUCKETS_BYTES);
    this.mem.fill(0, KEYS, KEYS + KEYS_BYTES);
    this.empty = keys.length === 0;
    if (this.empty) return;
    this.stride = Math.min(Math.min(...keys.map((k) => k.key.length)) - 3, MAX_STRIDE);
    const view = new DataView(this.wasm.memory.buffer);
    const buckets = /* @__PURE__ */ new Map();
    for (const { key, id } of keys) {
      const bytes = Buffer.from(key, "latin1");
      for (let j = 0; j < this.stride; j++) {
        const h = gramHash(bytes, j);
        this.mem[GRAMS + (h >> 3)] |= 1 << (h & 7);
        this.mem[OFFSETS + h] |= 1 << j;
      }
      const b = gramHash(bytes, 0) >> 2;
      buckets.set(b, [...buckets.get(b) ?? [], { bytes, id }]);
    }
    let at = 1;
    for (const [b, list] of buckets) {
      view.setUint16(BUCKETS + 2 * b, at, true);
      for (const { bytes, id } of list) {
        if (at + 7 + bytes.length + 1 > KEYS_BYTES) throw new Error("scan keys: too many");
        this.mem[KEYS + at] = bytes.length;
        view.setUint16(KEYS + at + 1, id, true);
        view.setUint32(KEYS + at + 3, gram(bytes, 0), true);
        this.mem.set(bytes, KEYS + at + 7);
        at += 7 + bytes.length;
      }
      this.mem[KEYS + at++] = 0;
    }
  }
  /** Where the first key found in data[from, to) starts (not always the leftmost one), or -1. */
  find(from, to) {
    if (this.empty || this.wasm.scan(DATA + from, DATA + to, this.stride, 1) === 0) return -1;
    return this.out[0] - DATA;
  }
  /** The id of the key the last successful find() found. */
  get foundKey() {
    return this.out[1];
  }
  /** The ids of every key occurrence in data[from, to) (at most 4,096), in no particular order. */
  keysIn(from, to) {
    const n = this.empty ? 0 : this.wasm.scan(DATA + from, DATA + to, this.stride, OUT_CAP);
    for (let i = 0; i < n; i++) this.ids[i] = this.out[2 * i + 1];
    return this.ids.subarray(0, n);
  }
  /** Removes terminal escape sequences from data[from, to) in place; returns the new end. */
  stripEscapes(from, to) {
    return this.wasm.strip(DATA + from, DATA + to) - DATA;
  }
};

// src/classify/normalize.ts
var ANSI = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are control characters by definition.
  /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g
);
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
  const first = line.charCodeAt(0);
  if (first >= 48 && first <= 57) line = line.replace(GITHUB_TIMESTAMP, "");
  const next = line.charCodeAt(0);
  if (next === 35 || next === 58) line = line.replace(WORKFLOW_COMMAND, "");
  return line.charCodeAt(0) === 35 ? line.replace(BUILDKIT_STEP, "") : line;
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

// src/classify/chunk-scanner.ts
var NL = 10;
var ESC = 27;
var ChunkScanner = class {
  constructor(keys, handlers) {
    this.handlers = handlers;
    this.scanner = new KeyScanner(keys);
  }
  handlers;
  scanner;
  /** data[0, carry) is the start of a line whose end has not arrived yet. */
  carry = 0;
  /** The carried line is already MAX_LINE_CHARS long: drop the rest of it up to its newline. */
  dropping = false;
  /** Searches for only these keys from now on (the ids stay those of the full list). */
  setKeys(keys) {
    this.scanner.setKeys(keys);
  }
  push(chunk) {
    for (let off = 0; off < chunk.length; ) {
      const n = Math.min(chunk.length - off, READ_BYTES, DATA_BYTES - this.carry);
      this.scanner.data.set(chunk.subarray(off, off + n), this.carry);
      off += n;
      this.consume(n);
    }
  }
  /**
   * Lets `read` put the next bytes straight into the scanner's buffer (no copy), like
   * fs.readSync(fd, buffer, offset, length). Returns false at the end of the input.
   */
  fill(read) {
    const n = read(this.scanner.data, this.carry, Math.min(READ_BYTES, DATA_BYTES - this.carry));
    if (n > 0) this.consume(n);
    return n > 0;
  }
  /** Takes the n new bytes at data[carry, carry + n). */
  consume(n) {
    const data = this.scanner.data;
    let end = this.carry + n;
    if (this.dropping) {
      const nl = lineEndOf(data, this.carry, end);
      if (nl === end) return;
      this.dropping = false;
      data.copyWithin(this.carry, nl, end);
      end = this.carry + (end - nl);
    }
    const lastNl = data.lastIndexOf(NL, end - 1);
    if (lastNl < this.carry) {
      this.keep(0, end);
      return;
    }
    this.region(0, lastNl + 1);
    this.keep(lastNl + 1, end);
  }
  /** Reads a trailing line that has no newline. */
  end() {
    const rest = this.carry;
    this.carry = 0;
    this.dropping = false;
    if (rest > 0) this.region(0, rest);
  }
  /** Moves the partial line data[from, to) to the start of the buffer, cut at MAX_LINE_CHARS. */
  keep(from, to) {
    const length = to - from;
    this.dropping = length > MAX_LINE_CHARS;
    this.carry = Math.min(length, MAX_LINE_CHARS);
    if (from > 0) this.scanner.data.copyWithin(0, from, from + this.carry);
  }
  /** data[from, to) is whole lines, each ending in a newline except perhaps the last. */
  region(from, end) {
    const data = this.scanner.data;
    const esc = data.subarray(from, end).indexOf(ESC);
    const to = esc >= 0 ? this.scanner.stripEscapes(from + esc, end) : end;
    const { handlers } = this;
    let pos = from;
    while (pos < to) {
      const indent = handlers.skippedAbove();
      if (indent >= 0) {
        const lineEnd2 = lineEndOf(data, pos, to);
        this.line(pos, lineEnd2, indent);
        pos = lineEnd2 + 1;
        continue;
      }
      const hit = this.scanner.find(pos, to);
      if (hit < 0) break;
      const start = hit > pos ? Math.max(pos, data.lastIndexOf(NL, hit - 1) + 1) : pos;
      const lineEnd = lineEndOf(data, hit, to);
      this.line(start, lineEnd, -1);
      pos = lineEnd + 1;
    }
  }
  /**
   * One line, data[start, end): to onLine when it holds a key within its first MAX_LINE_CHARS
   * bytes, else to onSkipped when `skippedAbove` (see ScanHandlers) is 0 or more.
   */
  line(start, end, skippedAbove) {
    const cut = Math.min(end, start + MAX_LINE_CHARS);
    const keys = this.scanner.keysIn(start, cut);
    if (keys.length === 0 && (skippedAbove < 0 || deeper(this.scanner.data, start, cut, skippedAbove)))
      return;
    const text = this.scanner.data.toString("utf8", start, cut);
    if (keys.length === 0) this.handlers.onSkipped(text);
    else if (!text.includes("\r")) this.handlers.onLine(text, keys);
    else for (const piece of text.split("\r")) this.handlers.onLine(piece, keys);
  }
};
function deeper(data, start, end, indent) {
  let i = start;
  while (i < end && (data[i] === 32 || data[i] === 13 || data[i] === 11 || data[i] === 12)) i++;
  if (i === end) return true;
  if (i - start <= indent || data[i] >= 128) return false;
  for (let j = i; j < end; j++) if (data[j] === 9) return false;
  return true;
}
function lineEndOf(data, from, to) {
  const nl = data.indexOf(NL, from);
  return nl < 0 || nl >= to ? to : nl;
}

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

// src/classify/rules.ts
var RULES = [
  // Docker itself: when these appear the build never ran.
  {
    id: "docker-socket",
    keys: [
      "docker daemon",
      "error during connect",
      "docker: command not found",
      "to the docker api",
      "pipe/docker",
      "docker.sock",
      "to podman",
      "podman socket",
      "obtain docker version",
      "transport/unixconn",
      "transport\\unixconn",
      "fetching server api version",
      "http+docker:"
    ],
    cls: "docker-daemon",
    weight: 3,
    pattern: /Cannot connect to the Docker daemon|Is the docker daemon running\?|permission denied while trying to connect to the Docker daemon|error during connect: .*docker|docker: command not found|failed to connect to the docker API|pipe\/docker\w*engine|docker\.sock: connect: |dial unix \S*docker\.sock|canonicalizing path \S*docker\.sock|Cannot connect to Podman|podman socket|Unable to obtain Docker version|Couldn't connect to Docker daemon|http\+docker:\/\/\S+ - is it running|docker[/\\]transport[/\\]unixconn\.py|Error while fetching server API version/i
  },
  {
    id: "docker-rate-limit",
    keys: ["toomanyrequests", "pull rate limit", "too many requests", "status code 429", "status: 429"],
    cls: "docker-pull",
    weight: 3,
    pattern: /toomanyrequests|pull rate limit|(?:manifests?|blobs?|image|registry|\/v2\/|pull)\b.*Too Many Requests|(?:manifests?|blobs?|\/v2\/).*(?:status code|status:) 429/i
  },
  // The daemon answered but could not start the container (a bind mount it cannot make, no shell
  // in the image): this Docker cannot run the build here.
  {
    id: "docker-container-start",
    keys: ["oci runtime", "shim task", "task for container", "container init"],
    cls: "docker-daemon",
    weight: 3,
    pattern: /OCI runtime (?:create|exec|start|state) failed|failed to create shim task|failed to create task for container|error during container init/i
  },
  // A registry that has the image, but not for this host's platform.
  {
    id: "docker-platform-manifest",
    keys: ["no matching manifest"],
    cls: "docker-pull",
    weight: 3,
    pattern: /no matching manifest for \S+ in the manifest list/i
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
      "failed to resolve reference",
      "error pulling image",
      "initializing source",
      "ying system image",
      "unable to pull",
      "httpreadseeker",
      "anonymous token",
      "oauth token",
      "resolve source metadata",
      "imagepullbackoff",
      "errimagepull",
      "failed to do request"
    ],
    cls: "docker-pull",
    weight: 3,
    pattern: /Error pulling image \(\S+\) from \S+|pull access denied|manifest unknown|manifest for \S+ not found|Error response from daemon: (?:(?:Head|Get) "?https?:\/\/|denied|unauthorized|unknown: |received unexpected HTTP status)|unauthorized: authentication required|denied: requested access to the resource|failed to resolve reference "|error pulling image configuration|initializing source docker:|copying system image|unable to pull \S+|httpReadSeeker: failed open|failed to fetch (?:anonymous|oauth) token|failed to resolve source metadata for|ImagePullBackOff|ErrImagePull|failed to do request: (?:Head|Get) "?https?:\/\//i
  },
  // Resource exhaustion explains every error that follows it.
  {
    id: "enospc",
    keys: [
      "no space left",
      "enospc: ",
      "code enospc",
      "[errno 28]",
      "disk quota",
      "not enough space",
      "out of disk space",
      "os error 112",
      "more space needed"
    ],
    cls: "disk-full",
    weight: 3,
    pattern: /No space left on device|\bENOSPC: |\bcode ENOSPC\b|\[Errno 28\]|disk quota exceeded|not enough space on the disk|running out of disk space|os error 112\)|At least \d+\s*[KMG]i?B more space needed/i
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
      "memory exhausted",
      "th signal 9",
      "oomkilled",
      "failed to mmap",
      "program cc1",
      "killed  "
    ],
    cls: "oom",
    weight: 3,
    pattern: /signal: 9, SIGKILL|Killed signal terminated program|memory allocation of \d+ bytes failed|LLVM ERROR: out of memory|fatal runtime error: out of memory|std::bad_alloc|Cannot allocate memory|virtual memory exhausted|out of memory allocating|Out of memory: Killed process|terminated with signal 9|OOMKilled|failed to mmap|: Out of memory(?:;| \(os error 12\))|internal compiler error: (?:Killed|[^\s(]*[\u0080-\uffff][^\s(]*) \(program cc1|\b\d+ Killed {2,}\S/i
  },
  // 137 is 128 + SIGKILL: almost always the kernel's OOM killer, but not always.
  {
    id: "oom-exit-137",
    keys: ["code 137", "code: 137", "status 137", "status: 137"],
    cls: "oom",
    weight: 2,
    pattern: /(?:exit|exited with) (?:code|status):? 137\b/i
  },
  // Toolchain too old: cargo refuses before compiling.
  {
    id: "msrv",
    keys: [
      "is not supported by the following packages",
      "requires rustc",
      "edition20",
      "stabilized in this version",
      "cannot be built because it requires",
      "requires the cargo feature",
      "unsupported rustc version",
      "unsupported rust version",
      "ock file version",
      "is older than the",
      "is unstable",
      "cannot be declared unsafe",
      "on the nightly"
    ],
    cls: "rustc-too-old",
    weight: 3,
    pattern: /only allowed on the nightly channel|is only accepted on the nightly compiler|is not supported by the following packages|requires rustc \d+\.\d+|feature `edition20\d\d` is required|not stabilized in this version of Cargo|cannot be built because it requires rustc|package `[^`]+` cannot be built because it requires|the package requires the Cargo feature called|unsupported (?:rustc|Rust) version|lock file version `?\d+`?(?: requires| was found)|this version of Cargo is older than the|edition 20\d\d is unstable|extern block cannot be declared unsafe/i
  },
  // Unstable features on a stable compiler: usually a toolchain older than the code expects.
  {
    id: "unstable-feature",
    keys: ["error[e0658]"],
    cls: "rustc-too-old",
    weight: 2,
    pattern: /^[\s│|>]*error\[E0658\]/
  },
  // blst / c-kzg: their symbols, their sources, their known assembler rejection.
  {
    id: "blst-symbol",
    keys: [
      "undefined symbol",
      "undefined reference",
      "sigill in blst",
      "referenced from",
      "unresolved external symbol",
      "symbol not found",
      "duplicate symbol"
    ],
    cls: "blst-ckzg",
    weight: 3,
    pattern: /(?:undefined (?:symbol|reference to)|unresolved external symbol|Symbol not found(?: in flat namespace)?|duplicate symbol)[: `'"(]*_*(?:blst_|ckzg_|c_kzg_|mulx?_mont_|sqrx?_mont_|redc_mont_|ct_inverse_mod_|ct_is_square_mod_|vec_is_(?:zero|equal)_16x|(?:add|sub|cneg|lshift|mul_by_[38])_mod_384|POINTonE[12]_|BLS12_381_)|"_?(?:blst_|ckzg_|c_kzg_|mulx_mont_|POINTonE[12]_)\w*", referenced from|SIGILL in blst_|Caught SIGILL in blst/i
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
  // Go's SIGILL report: adcx/adox (66/f3 [REX] 0f 38 f6) are ADX, which blst uses unless built portable.
  {
    id: "blst-adx-sigill",
    keys: ["instruction bytes"],
    cls: "blst-ckzg",
    weight: 3,
    pattern: /instruction bytes: 0x(?:66|f3) (?:0x4[0-9a-f] )?0xf 0x38 0xf6\b/
  },
  // Binaries built with blst's ADX code warn before they die of SIGILL on an older CPU (Lighthouse).
  {
    id: "blst-portable-hint",
    keys: ["incompatible with optimized", "portable build"],
    cls: "blst-ckzg",
    weight: 2,
    pattern: /CPU (?:seems )?incompatible with optimized (?:\w+ )?(?:binary|build)|try (?:the )?Lighthouse portable build/i
  },
  // A linker refusing blst's or c-kzg's compiled archive (wrong format, misaligned symbols).
  {
    id: "blst-rlib-link",
    keys: ["libblst-", "libc_kzg-", "libckzg-"],
    cls: "blst-ckzg",
    weight: 2,
    pattern: /\bld(?:\.\w+)?: .*[/\\(]lib(?:blst|c_kzg|ckzg)-[0-9a-f]{16}\.rlib/
  },
  // Compiler errors in source files only blst and c-kzg have (when their build runs outside cargo's paths).
  {
    id: "blst-source-name",
    keys: ["no_asm.h", "bulk_addition", "multi_scalar", "map_to_g", "c_kzg_4844", "eip4844.c", "eip7594.c"],
    cls: "blst-ckzg",
    weight: 2,
    pattern: /(?:^|[\s/\\])(?:no_asm\.h|bulk_addition\.c|multi_scalar\.c|map_to_g[12]\.c|c_kzg_4844\.[ch]|eip4844\.c|eip7594\.c)(?::\d+)+: (?:fatal )?error/
  },
  // blst's own build: its assembly wrapper, and the x86 flag its build script passes to every target.
  {
    id: "blst-build-files",
    keys: ["build/assembly.s", "build\\assembly.s", "option '-mno-avx'"],
    cls: "blst-ckzg",
    weight: 2,
    pattern: /build[/\\]assembly\.S(?::\d+)+: (?:fatal )?error|unsupported option '-mno-avx' for target/
  },
  // A build that links the blst or c-kzg library it cannot find (pkg-config, cabal, cgo).
  {
    id: "blst-library-missing",
    keys: ["package 'libblst", "package libblst", "package 'libckzg", "package libckzg"],
    cls: "blst-ckzg",
    weight: 2,
    pattern: /package '?lib(?:blst|ckzg)[\w-]*'?(?:,? not\b| is required\b| was not found)/i
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
    pattern: /(?:error|Error\b|\*\*\*).*[/\\](?:blst[/\\](?:src|build|bindings)|c-kzg-4844[/\\]src|ckzg[/\\]src)[/\\]/
  },
  // ring, openssl, libclang, python: named causes.
  {
    id: "ring-arm-arch",
    keys: ["__arm_arch", "ring-core"],
    cls: "ring",
    weight: 3,
    pattern: /ARM assembler must define __ARM_ARCH|ring-core[/\\].*error/
  },
  // A linker refusing ring's compiled archive (objects for another architecture).
  // ring's own C sources, as cc-rs names them relative to the crate (`crypto/curve25519/…:12:3: error`).
  // BoringSSL has the same dirs, but other crates' builds print them under a longer path.
  {
    id: "ring-source",
    keys: [
      "crypto/curve25519",
      "crypto/fipsmodule",
      "crypto/poly1305",
      "crypto/limbs",
      "crypto\\curve25519",
      "crypto\\fipsmodule",
      "crypto\\poly1305",
      "crypto\\limbs"
    ],
    cls: "ring",
    weight: 2,
    pattern: /(?:^|[\s:])crypto[/\\](?:curve25519|fipsmodule|poly1305|limbs)[/\\][^:\s]*:\d+(?::\d+)?: (?:fatal )?error/
  },
  {
    id: "ring-rlib-link",
    keys: ["libring-"],
    cls: "ring",
    weight: 2,
    pattern: /\bld(?:\.\w+)?: .*[/\\(]libring-[0-9a-f]{16}\.rlib/
  },
  {
    id: "openssl-missing",
    keys: [
      "directory of openssl",
      "find openssl via",
      "library `openssl`",
      "openssl/",
      "openssl\\",
      "openssl library directory",
      "openssl include directory",
      "can't locate ",
      "openssl-src: failed",
      "figuring openssl"
    ],
    cls: "openssl",
    weight: 3,
    pattern: /Could not find directory of OpenSSL installation|Could not find openssl via pkg-config|The system library `openssl` required by crate|openssl[/\\]\w+\.h['"]?(?::|\s+file not found)|Can't locate (?:IPC\/Cmd|FindBin|File\/Compare|File\/Copy|Locale\/Maketext\/Simple|Time\/Piece)\.pm|openssl-src: failed to build OpenSSL|configuring OpenSSL build: |OpenSSL (?:library|include) directory .* does not exist/i
  },
  {
    id: "openssl-symbol",
    keys: ["undefined reference", "cannot find -l", "library not found for", "cannot open input file"],
    cls: "openssl",
    weight: 2,
    pattern: /undefined reference to `(?:SSL|EVP|OPENSSL|CRYPTO|ERR)_|(?:cannot find|library not found for) -l(?:ssl|crypto)\b|cannot open input file '(?:lib)?(?:ssl|crypto)[^']*\.lib'/
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
    keys: [
      "libclang",
      "unable to generate bindings",
      "clangdiagnostic",
      "undefined reference",
      "is not a valid ident",
      "loaded `libclang`",
      "'stddef.h' file not found",
      "'stdarg.h' file not found",
      "'stdbool.h' file not found"
    ],
    cls: "libclang",
    weight: 3,
    pattern: /function was called that is not supported by the loaded `libclang`|'std(?:def|arg|bool)\.h' file not found|Unable to find libclang|valid shared libraries matching: \['libclang|LIBCLANG_PATH|Unable to generate bindings|ClangDiagnostic\(|libclang[\w.-]*\.(?:so|dll|dylib)[^ ]*: cannot open shared object|(?:couldn't|could not|failed to) load libclang|undefined reference to `clang_\w+'|"[^"]*" is not a valid Ident|`libclang` function not loaded/i
  },
  {
    id: "python-missing",
    keys: [
      "python interpreter",
      "python 3.x interpreter",
      "python.h: no such",
      "cannot find -l",
      "undefined reference",
      "unsupported python version",
      "python: ",
      "python3: ",
      "command not found",
      "than pyo3",
      "gil disabled",
      "free-threaded",
      "cannot open input file",
      "library not found for",
      "ive static library",
      "command exists in these",
      "referenced from",
      "keyword-only argument",
      "generate-import-lib",
      "minimum python version",
      "pyo3_cross_lib_dir"
    ],
    cls: "python",
    weight: 3,
    pattern: /Must provide PYO3_CROSS_LIB_DIR|requires PyO3's `generate-import-lib` feature|cannot set a minimum Python version|Couldn't find any python interpreters|no Python 3\.x interpreter found|Python interpreter (?:`[^`]*`|[^ `]+) doesn't exist|The given list of python interpreters is invalid|Python interpreter should be a kind of interpreter|Python\.h: No such file|(?:cannot find|library not found for) -lpython|undefined reference to `_?Py[A-Z][A-Za-z_]+'|failed to run the Python interpreter|is (?:lower|newer) than PyO3's (?:minimum|maximum)|Unsupported Python version|python[\d.]*t?: (?:command )?not found|Failed to get information from the python interpreter|(?:couldn't|could not|failed to|unable to) find (?:a |any )?python interpreter|built with the GIL disabled|free-threaded (?:Python|CPython|build)[^.]*not (?:yet )?supported|cannot open input file 'python\d*t?(?:_d)?\.lib'|native static library `python|command exists in these Python versions|"_Py[A-Z]\w*", referenced from|ForwardRef\._evaluate\(\) missing 1 required keyword-only argument/i
  },
  // Build tools that are absent.
  {
    id: "patchelf",
    keys: ["patchelf"],
    cls: "missing-toolchain",
    weight: 3,
    pattern: /Failed to execute 'patchelf'|patchelf: (?:command )?not found/i
  },
  // Go: a dependency's own Go files fail on identifiers its cgo files define, or every Go file of a
  // cgo-only package is excluded: cgo is off (CGO_ENABLED=0, or no C compiler), not the C build.
  {
    id: "go-cgo-off",
    keys: [": undefined: ", "build constraints exclude"],
    cls: "missing-toolchain",
    weight: 2,
    pattern: /[/\\]pkg[/\\]mod[/\\]\S+@v[\w.+-]+[/\\]\S+\.go:\d+:\d+: undefined: |build constraints exclude all Go files in/
  },
  {
    id: "tool-missing",
    keys: [
      "failed to find tool",
      "linker `",
      "is `cmake`",
      "could not find",
      "not found",
      "not installed",
      "could not choose a version",
      "find crate for",
      "may not be installed",
      "visual c++",
      "link.exe",
      "could not be found",
      "unable to find a build program",
      "failed to execute",
      "unable to execute",
      "find rust compiler"
    ],
    cls: "missing-toolchain",
    weight: 3,
    pattern: /Failed to find tool\. Is `[^`]+` installed|failed to find tool "[^"]+"|linker `[^`]+` not found|is `[^`]+` not installed|error: could not find `?(?:cc|gcc|c\+\+|ar|ld)`?|\b(?:cc|gcc|g\+\+|clang|ar|ld|make|cmake|perl|nasm|protoc|rustc|cargo|pkg-config|ninja)(?:: command)? not found\b|Could not find `protoc`|toolchain '[^']+' is not installed|could not choose a version of (?:cargo|rustc) to run|can't find crate for `(?:core|std|alloc|compiler_builtins)`|target may not be installed|Microsoft Visual C\+\+ [\d.]+ or greater is required|`link\.exe` (?:was )?not found|pkg-config command could not be found|No CMAKE_(?:C|CXX)_COMPILER could be found|CMake was unable to find a build program|is not installed or is not on PATH|failed to execute \[?"[^"]*(?:gcc|cc|clang|g\+\+|c\+\+)(?:\.exe)?" .*No such file or directory|Unable to execute '[^']+' - this package requires|can't find Rust compiler|failed to execute command: No such file or directory/i
  },
  // zig as a linker/compiler driver.
  {
    id: "zig-linker",
    keys: [
      "unsupported linker",
      "zig: error:",
      "zigcc: error:",
      "zigcxx: error:",
      "zigc++: error:",
      "zigld: error:",
      "find zig",
      "zig ld error",
      "zig ld failed",
      "zig cc error",
      "zig cc failed",
      "`zig cc`",
      "`zig c++`",
      "`zig ar`",
      "`zig ld`",
      "`zig ld.lld`",
      "clang failed with stderr",
      "unexpected lld stderr",
      "parse target query",
      "sub-compilation of",
      "pilationfailed",
      "lldreportedfailure",
      "zig cannot build",
      "error: ld.lld: ",
      "lld link...",
      "undefined symbol",
      "zig is not installed",
      "install zig and",
      "error: undefined symbol: ",
      "error: unknownarchitecture",
      "error: unknownoperatingsystem",
      "error: unknowncpumodel"
    ],
    cls: "zig",
    weight: 3,
    pattern: /^\s*error: Unknown(?:Architecture|OperatingSystem|CpuModel)\b|Zig is not installed|Install Zig and run|ld\.lld: error: undefined symbol: (?:open|fstat|lseek|stat|lstat|mmap|pread|pwrite|ftruncate|readdir|fopen|creat|truncate)64\b|unsupported linker (?:arg|extension flag)|zig(?:cc|cxx|c\+\+|ld)?: error:|error: unable to find zig|Failed to find zig|(?:fail|error|unable).*`zig (?:cc|c\+\+|ar|ranlib|ld(?:\.lld)?)`|zig (?:ld|cc) (?:error|failed)|error\(compilation\): clang failed with stderr|warning\(link\): unexpected LLD stderr|unable to parse target query|sub-compilation of \S+(?: \S+)? failed|SubCompilationFailed|error: LLDReportedFailure|zig cannot build new glibc version|^\s*error: ld\.lld: |LLD Link\.\.\. |ld\.lld: error: undefined symbol: \w+@GLIBC_[\d.]+/i
  },
  // zig drove the link or the C compile and it failed: that zig failed, not yet why.
  {
    id: "zig-driver-failed",
    keys: ["linking with", "cargo-zigbuild", "__ubsan_handle"],
    cls: "zig",
    weight: 2,
    pattern: /linking with `[^`]*(?:cargo-zigbuild|zigcc|zigcxx)[^`]*` failed|Command .*cargo-zigbuild[/\\][^ ]*zigc(?:c|xx)-|undefined symbol: __ubsan_handle_/i
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
      // `file.c:12:5: error`: a digit always comes before the colon.
      "0: error",
      "1: error",
      "2: error",
      "3: error",
      "4: error",
      "5: error",
      "6: error",
      "7: error",
      "8: error",
      "9: error",
      ": fatal error",
      "cc1: error",
      "cc1plus: error",
      "cc: error:",
      "g: error:",
      "c++: error:",
      "error: no such instruction",
      "error: unknown pseudo-op",
      "error: junk at end of line",
      "error: invalid instruction suffix",
      "error: operand",
      "assembler messages",
      "unrecognized command",
      "initial declarations",
      "error: #error ",
      "c99 mode",
      // MSVC: `file.c(12): error C2065: …`, `cl : Command line error D8021 : …`.
      "error c1",
      "error c2",
      "error c3",
      "error c4",
      "command line error",
      "error: command '"
    ],
    cls: "c-build",
    weight: 2,
    pattern: /\.(?:c|cc|cpp|cxx|h|hh|hpp|S|s|asm)(?::\d+)+: (?:fatal )?error|cc1(?:plus)?: (?:fatal )?error|\b(?:gcc|clang|cc|c\+\+): (?:fatal )?error:|Assembler messages:|\bError: (?:no such instruction|unknown pseudo-op|junk at end of line|invalid instruction suffix|operand)|unrecognized command[- ]line option|'for' loop initial declarations are only allowed|error: #error |C99 mode|\b(?:fatal )?error C\d{4}:|Command line error D\d{4}|error: command '[^']*(?:gcc|cc|clang|cl\.exe|g\+\+|c\+\+)[^']*' failed/
  },
  {
    id: "c-native-lib",
    keys: [
      "could not find native static library",
      "cmake error",
      "ninja: build stopped",
      "gyp err!",
      "cannot find -l",
      "library not found for",
      "multiple definition of",
      "duplicate symbol",
      "undefined reference",
      "undefined symbols for",
      "symbol(s) not found",
      "error lnk",
      "the system library",
      "error: undefined symbol",
      "configure: error"
    ],
    cls: "c-build",
    weight: 2,
    pattern: /could not find native static library|^\s*configure: error: |CMake Error|ninja: build stopped|gyp ERR! build error|cannot find -l\S+|library not found for -l\S+|multiple definition of|duplicate symbol|undefined reference to|Undefined symbols for architecture|symbol\(s\) not found|error LNK\d{4}|The system library `[^`]+` required by crate|(?:lld|lld-link|ld64\.lld|wasm-ld): error: undefined symbol/i
  },
  // make also wraps cargo itself (`Error 101`), so alone it is only a hint.
  {
    id: "make-failed",
    keys: [
      "make: *** ",
      "0]: *** ",
      "1]: *** ",
      "2]: *** ",
      "3]: *** ",
      "4]: *** ",
      "5]: *** ",
      "6]: *** ",
      "7]: *** ",
      "8]: *** ",
      "9]: *** "
    ],
    cls: "c-build",
    weight: 1,
    pattern: /make(?:\[\d+\])?: \*\*\* /
  },
  // Permission problems in the workspace (the Docker socket's are docker-daemon, above).
  {
    id: "permission",
    keys: [
      "permission denied",
      "eacces: ",
      "code eacces",
      "operation not permitted",
      "read-only file system",
      "access is denied",
      "permissionerror",
      "open: permission denied",
      "mkdir: permission denied",
      "write: permission denied",
      "rename: permission denied",
      "unlink: permission denied"
    ],
    cls: "permission",
    weight: 2,
    pattern: /\b(?:open|mkdir|write|rename|unlink): Permission denied|Permission denied \(os error 13\)|\[Errno 13\] Permission denied|PermissionError: |\bEACCES: |\bcode EACCES\b|Operation not permitted \(os error 1\)|Read-only file system|Access is denied\. ?\(os error 5\)|changing ownership of .*: Operation not permitted|(?:cannot|can't|could not|couldn't|failed to|unable to) .*: Permission denied\b/i
  },
  // maturin's and auditwheel's audit.
  // A wheel that links libpython: pyo3's `extension-module` feature is off (a configuration fault
  // that maturin's audit reports as a compliance failure).
  {
    id: "libpython-linked",
    keys: ['forbidden libraries: ["libpython', "ctivating pyo3's"],
    cls: "maturin-config",
    weight: 3,
    pattern: /forbidden libraries: \["libpython|without activating pyo3's `extension-module` feature/
  },
  {
    id: "manylinux-audit",
    keys: [
      "compliance",
      "compliant",
      "too-recent versioned symbols",
      "tform wheel",
      "cannot repair",
      "need to be eliminated",
      "incompatible with policy",
      "constrains the platform tag",
      "unsupported isa extensions",
      'platform tag: "linux_'
    ],
    cls: "manylinux-policy",
    weight: 3,
    pattern: /following platform tag: "linux_\w+"|This constrains the platform tag to|depends on unsupported ISA extensions|Error ensuring (?:manylinux|musllinux)\S* compliance|is not (?:manylinux|musllinux)\S* \(aka [^)]+\) compliant|is not (?:manylinux|musllinux)\S* compliant|too-recent versioned symbols|This does not look like a platform wheel|cannot repair "?[^" ]+"? to "?\S+"? ABI|Cannot repair wheel, because required library|dependencies will need to be eliminated|Package requires \w+_[\d.]+, incompatible with policy/i
  },
  // A symbol table dump (readelf, nm) of a binary that needs a recent glibc: a hint only.
  {
    id: "glibc-symbol-dump",
    keys: ["@glibc_2."],
    cls: "manylinux-policy",
    weight: 1,
    pattern: /\bUND\s+\S+@GLIBC_2\.(?:2[89]|3\d)\b/
  },
  // Network (a `spurious` retry warning or a bare 5xx alone is only a hint).
  {
    id: "net-spurious",
    keys: ["spurious network error", "bad gateway", "ervice unavailable", "gateway time"],
    cls: "network",
    weight: 1,
    pattern: /^warning: spurious network error|\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Time-?out)/i
  },
  {
    id: "network",
    keys: [
      "could not resolve host",
      "temporary failure in name resolution",
      "failed to download",
      "unable to update registry",
      "s unreachable",
      "connection refused",
      "connection reset",
      "connection timed out",
      "ssl connect error",
      "curl: (0",
      "curl: (1",
      "curl: (2",
      "curl: (3",
      "curl: (4",
      "curl: (5",
      "curl: (6",
      "curl: (7",
      "curl: (8",
      "curl: (9",
      "dns error",
      "error sending request",
      "failed to fetch",
      "couldn't connect to server",
      "operation timed out",
      "timeout was reached",
      "failure when receiving",
      "readtimeouterror",
      "newconnectionerror",
      "max retries exceeded",
      "could not fetch url",
      "connecttimeouterror",
      "remotedisconnected",
      "incompleteread",
      "unable to access",
      "could not download",
      "download failed",
      "download of",
      "tls handshake timeout",
      "ficate verify failed",
      "error decoding response body",
      "i/o timeout",
      "connection closed before",
      "too many requests",
      "peer disconnected",
      "et request for",
      "to fetch into",
      "when downloading repo"
    ],
    cls: "network",
    weight: 2,
    pattern: /Could not resolve host|Temporary failure in name resolution|failed to download from|failed to download `|Unable to update registry|Network is unreachable|Connection (?:refused|reset by peer|timed out)|SSL connect error|\bcurl: \(\d+\)|dns error|error sending request for url|failed to fetch `\[?https?:|Couldn't connect to server|operation timed out|Timeout was reached|Failure when receiving data from the peer|ReadTimeoutError|NewConnectionError|Max retries exceeded with url|Could not fetch URL|ConnectTimeoutError|RemoteDisconnected|IncompleteRead|unable to access '?https?:|could not download file|download failed|download of \S+ failed|TLS handshake timeout|certificate verify failed|error decoding response body|i\/o timeout|connection closed before message completed|Too Many Requests|Peer disconnected|GET request for \S+ failed|failed to fetch into: |failed to authenticate when downloading repository/i
  },
  // At import time.
  {
    id: "import-glibc",
    keys: [
      "ion `glibc_",
      "importerror",
      "symbol not found",
      "export function",
      "incompatible architecture",
      "shared object file",
      "error relocating",
      "cannot locate symbol",
      "not defined in file",
      "symbol not found"
    ],
    cls: "import-crash",
    weight: 3,
    pattern: /symbol \w+, version GLIBC_[\d.]+ not defined in file|dlopen\(.*\): Symbol not found|version `GLIBC_[\d.]+' not found|ImportError: .*(?:undefined symbol|cannot open shared object|GLIBC_)|ImportError: DLL load failed|[Ss]ymbol not found(?:: _?\w+| in flat namespace)|Error relocating \S+: \S+: symbol not found|dynamic module does not define module export function|incompatible architecture \(have|OSError: .*cannot open shared object file|cannot locate symbol "\w+"/
  },
  {
    id: "import-sigill",
    keys: [
      "illegal instruction",
      "sigill: ",
      "signals.sigill",
      "segmentation fault",
      "status_illegal_instruction",
      "illegal hardware instruction"
    ],
    cls: "import-crash",
    weight: 2,
    pattern: /Illegal (?:hardware )?instruction|\bSIGILL: |Signals\.SIGILL\b|Segmentation fault \(core dumped\)|STATUS_ILLEGAL_INSTRUCTION/i
  },
  // Publishing.
  {
    id: "upload-tag",
    keys: [
      "unsupported platform tag",
      "pypi.org",
      "invalid or non-existent authentication",
      "invalid distribution",
      "ed to upload",
      "invalid-publisher",
      "trusted publishing",
      "non-user identities",
      "failed to render",
      "r says: 4",
      "httperror: 4",
      "file already exists",
      "invaliddistribution",
      "me/password",
      "400 file too large",
      "ze too large",
      "sdist may be uploaded"
    ],
    cls: "upload-rejected",
    weight: 3,
    pattern: /Only one sdist may be uploaded per release|unsupported platform tag|HTTPError: 4\d\d [A-Za-z ]+ from https?:\/\/(?:upload\.|test\.)?pypi\.org|File already exists\.? See https?:\/\/(?:test\.)?pypi\.org|Invalid or non-existent authentication information|Invalid distribution file|(?:isn't|is not) allowed to upload|invalid-publisher|Trusted publishing exchange failure|Failed to obtain token for trusted publishing|Non-user identities cannot create new projects|description failed to render|Server says: 4\d\d|HTTPError: 4\d\d|File already exists|InvalidDistribution: |Username\/Password authentication is no longer supported|\b400 File too large|Project size too large/i
  },
  // maturin's `Failed to upload`: it says an upload failed, not why.
  {
    id: "upload-failed",
    keys: ["failed to upload"],
    cls: "upload-rejected",
    weight: 1,
    pattern: /Failed to upload/
  },
  // Rust code (pip and uv indent a backend's output, and may draw a box before it).
  {
    id: "rustc-error",
    keys: [
      "error[e0",
      "error[e1",
      "error[e2",
      "error[e3",
      "error[e4",
      "error[e5",
      "error[e6",
      "error[e7",
      "error[e8",
      "error[e9",
      "error: cannot find",
      "error: expected ",
      "error: unresolved",
      "error: mismatched",
      "error: this file contains an unclosed",
      "error: unknown start of token",
      "error: lifetime may not live long enough",
      "casting `&t` to `&mut t`",
      "`#[deny(",
      "ile_error!(",
      "detailed explanations",
      "rustc --explain e"
    ],
    cls: "rust-compile",
    weight: 2,
    pattern: /^[\s│|>]*error\[E\d{4}\]|^[\s│|>]*error: (?:cannot find|expected |unresolved|mismatched|this file contains an unclosed|unknown start of token|lifetime may not live long enough|casting `&T` to `&mut T` is undefined behavior)|= note: `#\[deny\([\w:]+\)\]` on by default|^\s*\d+\s*\|\s*compile_error!\(|Some errors have detailed explanations: E(?!0463|0460|0514|0554|0658)\d{4}|try `rustc --explain E(?!0463|0460|0514|0554|0658)\d{4}`/
  },
  // `could not compile … due to N previous errors`: rustc printed errors; only a hint alone.
  {
    id: "rustc-previous-errors",
    keys: ["previous error", "error: aborting due to"],
    cls: "rust-compile",
    weight: 1,
    // Not for a build script (its link failed: cc, the linker) nor for leaf crates that hold no
    // user code (autocfg, syn, libc…): when those fail, the environment failed, and the cause is elsewhere.
    pattern: /error: could not compile `(?!(?:autocfg|proc-macro2|quote|syn|libc|cfg-if|version_check|unicode-ident|target-lexicon|serde|serde_derive|once_cell|memchr|typenum|generic-array|pkg-config|cc|shlex)`)[^`]+`(?! \(build script\)).* due to \d+ previous errors?|^\s*error: aborting due to (?:\d+ )?previous errors?/
  },
  // Configuration problems reported by cargo or maturin themselves.
  {
    id: "config",
    keys: [
      "unexpected argument",
      "failed to parse manifest",
      ".toml is invalid",
      "failed to parse",
      "own binding type",
      "doesn't mix well",
      "can't find",
      "couldn't find",
      "missing field",
      "could not find `cargo.toml`",
      "toml parse error",
      "failed to normalize",
      "pep 517 compliant",
      "invalid value",
      "unrecognized subcommand",
      "n field `",
      "which wasn't expected",
      "failed to load manifest for",
      "cargo.toml`",
      "links to the native library",
      "links value"
    ],
    cls: "maturin-config",
    weight: 2,
    pattern: /error: unexpected argument '[^']+' found|failed to parse manifest at|pyproject\.toml is invalid|Failed to parse (?:pyproject\.toml|Cargo\.toml)|unknown binding type|doesn't mix well|(?:Can't|Couldn't) find (?:Cargo\.toml|pyproject\.toml)|could not find `Cargo\.toml`|missing field `[^`]+` in `?(?:project|tool)|TOML parse error|failed to normalize (?:python source|manifest) path|not PEP 517 compliant|error: invalid value '[^']*' for '-|error: unrecognized subcommand|unknown field `[^`]+`, expected|Found argument '[^']+' which wasn't expected|failed to load manifest for (?:workspace member|dependency)|failed to read `[^`]*Cargo\.toml`|links to the native library `[^`]+`, but it conflicts|may specify the same links value/i
  }
];
var FATAL_MARKERS = /error: failed to run custom build command for|^\s*error: could not compile `|maturin failed|warning: build failed, waiting for other jobs to finish|Cargo build finished with "exit status|error: linking with `|^error: [^\s].*|^docker: /;
var BLOCK_END_MARKERS = /warning: build failed, waiting for other jobs to finish|maturin failed/;
var MATURIN_WRAPPER_CAUSES = /Failed to build a native library through cargo|Failed to upload|failed to (?:create|open|write|read|remove|copy|rename) (?:file|dir|directory)|Cargo build finished with|Cargo metadata failed|`cargo metadata` exited with an error|Failed to build a (?:wheel|native library)|process didn't exit successfully|No such file or directory \(os error 2\)$/;
var CRATE_TABLE = [
  { cls: "blst-ckzg", crates: ["blst", "c-kzg", "ckzg", "c_kzg", "c-kzg-4844", "rust-kzg-blst"] },
  { cls: "openssl", crates: ["openssl-sys", "openssl-src", "openssl"] },
  { cls: "ring", crates: ["ring"] },
  { cls: "libclang", crates: ["clang-sys", "bindgen"] },
  {
    cls: "python",
    crates: ["pyo3-build-config", "pyo3-ffi", "python3-dll-a", "python3-sys", "python27-sys"]
  },
  {
    cls: "c-build",
    crates: [
      "sha3-asm",
      "sha2-asm",
      "zstd-sys",
      "libmimalloc-sys",
      "mimalloc",
      "blake3",
      "librocksdb-sys",
      "rocksdb",
      "libgit2-sys",
      "libz-sys",
      "libz-ng-sys",
      "bzip2-sys",
      "lz4-sys",
      "lzma-sys",
      "libsqlite3-sys",
      "secp256k1-sys",
      "tikv-jemalloc-sys",
      "jemalloc-sys",
      "snmalloc-sys",
      "libssh2-sys",
      "curl-sys",
      "aws-lc-sys",
      "aws-lc-fips-sys",
      "onig_sys",
      "miniz-sys",
      "freetype-sys",
      "libffi-sys",
      "protobuf-src",
      "rdkafka-sys",
      "mdbx-sys",
      "libmdbx",
      "hidapi",
      "cmake"
    ]
  }
];
var CRATE_CLASS = new Map(CRATE_TABLE.flatMap((e) => e.crates.map((c) => [c, e.cls])));
function crateTableClass(crate) {
  return CRATE_CLASS.get(crate);
}
var STRUCTURAL_KEYS = [
  "custom build command",
  "could not compile",
  "rin failed",
  "caused by:",
  "exit status: 101",
  "ld failed",
  "failed with exit code",
  "process completed with exit code",
  "cargo build finished",
  "linking with",
  "docker: ",
  "not found",
  "undefined",
  "cannot find",
  "did not execute",
  "panicked at",
  // pip's and uv's `Building wheel for ckzg (pyproject.toml) did not run successfully`
  "wheel for ",
  "failed to build ",
  // npm's and Go's names for the package whose native build failed
  "npm err! path",
  "# github.com/",
  // the linker naming blst's or c-kzg's archive member (crate-tracker.ts)
  "libblst.a(",
  "libckzg.a(",
  "libc_kzg.a("
];
var KNOWN_CRATES = CRATE_TABLE.filter((e) => e.cls !== "c-build" && e.cls !== "python").flatMap(
  (e) => e.crates
);
var KNOWN_CRATE_OUTPUT = new RegExp(`warning: (?:${KNOWN_CRATES.join("|")})@`);
function scanKeys() {
  const byKey = /* @__PURE__ */ new Map();
  const entry = (key) => {
    let e = byKey.get(key);
    if (!e) {
      e = { key, rules: [], structural: false };
      byKey.set(key, e);
    }
    return e;
  };
  RULES.forEach((rule, index) => {
    for (const key of rule.keys) entry(key).rules.push(index);
  });
  for (const key of STRUCTURAL_KEYS) entry(key).structural = true;
  for (const crate of KNOWN_CRATES) entry(`g: ${crate}@`).crate = crate;
  return [...byKey.values()];
}
var SCAN_KEYS = scanKeys();

// src/classify/crate-tracker.ts
var MAX_EVIDENCE_CHARS = 400;
var MAX_CRATES = 64;
var BUILD_SCRIPT_FAILED = /failed to run custom build command for `([A-Za-z0-9_.-]+) v[^`]*`/;
var COULD_NOT_COMPILE = /error: could not compile [`']([A-Za-z0-9_.-]+)[`']/;
var WHEEL_BUILD_FAILED = /(?:Building wheel for|Failed building wheel for|Failed to build) `?([A-Za-z0-9_.-]+?)`?(?: \(pyproject\.toml\) did not run successfully| @|$)/;
var NPM_PACKAGE_FAILED = /npm ERR! path \S*[/\\]node_modules[/\\]([A-Za-z0-9_.-]+)\s*$/;
var GO_PACKAGE_FAILED = /^# [\w.-]+\.[a-z]+\/[\w.-]+\/([\w.-]+)(?:\/\S*)?\s*$/;
var GO_UNDEFINED = /\.go:\d+:\d+: undefined: /;
var CRATE_OUTPUT = /^\s*warning: ([A-Za-z0-9_.-]+)@[0-9][^:\s]*: (.*)$/;
var ERRORISH = /\berror\b|\bError\b|ToolExecError|did not execute successfully|\*\*\* \[|cannot find|not found|undefined|panicked/;
var REGISTRY_SOURCE = /[/\\]registry[/\\]src[/\\][^/\\]+[/\\]([A-Za-z0-9_.-]+?)-\d+\.\d+\.\d+[^/\\]*[/\\]/;
var BUILD_OUT = /"(?:-o|cq|crs|rcs)" "[^"]*[/\\]build[/\\]([A-Za-z0-9_.-]+)-[0-9a-f]{16}[/\\]out[/\\]/;
var GIT_CHECKOUT = /[/\\]git[/\\]checkouts[/\\]([A-Za-z0-9_.-]+?)-[0-9a-f]{16}[/\\]/;
var DIAGNOSTIC_AT = /^\s*(?:cargo:warning=)?((?:[A-Za-z]:)?[^\s:()]+)(?::\d+(?::\d+)?:|\(\d+(?:,\d+)?\)\s*:)\s*(?:(?:fatal )?(?:error|Error)\b|undefined reference to |multiple definition of )/;
var LINKER_OBJECT = /\bld(?:\.\w+)?: (?:[^\s:]*[/\\])?(?:lib(blst|ckzg|c_kzg)\.a\([^)]*\)|(c_kzg_4844)[-\w]*\.(?:o|obj)): /;
var OUT_DIR = /[/\\]build[/\\]([A-Za-z0-9_.-]+)-[0-9a-f]{16}[/\\]out[/\\]/;
var KNOWN_NAMED_CRATES = CRATE_TABLE.filter((e) => e.cls !== "c-build").flatMap((e) => e.crates);
var NAMED_DIR = new RegExp(
  `[/\\\\](${KNOWN_NAMED_CRATES.map((c) => c.replace(/[.-]/g, "\\$&")).join("|")})(?:@v?\\d[\\w.+-]*|-\\d+(?:\\.\\d+)*[\\w.+-]*)?[/\\\\]`
);
var C_IDENTIFIER = /['‘"`]_?(blst|c_kzg|ckzg)_\w+['’"`]/;
function diagnosticCrate(line) {
  const inOut = line.includes("out/") || line.includes("out\\");
  if (!inOut && !NAMED_DIR.test(line)) return void 0;
  const at = line.includes("rror") || line.includes("undefined reference") || line.includes("definition of") ? DIAGNOSTIC_AT.exec(line) : null;
  if (!at) return void 0;
  const out = inOut ? OUT_DIR.exec(at[1]) : null;
  if (out) return out[1];
  return NAMED_DIR.exec(at[1])?.[1];
}
function identifierCrate(line) {
  if (!(line.includes("blst_") || line.includes("kzg_")) || /error\[E\d/.test(line) || !/\berror\b/i.test(line))
    return void 0;
  const id = C_IDENTIFIER.exec(line);
  return id ? blstOrKzg(id[1]) : void 0;
}
function blstOrKzg(prefix) {
  return prefix === "blst" ? "blst" : "c-kzg";
}
function linkerObjectCrate(line) {
  const o = line.includes(".a(") || line.includes("c_kzg_4844") ? LINKER_OBJECT.exec(line) : null;
  return o ? blstOrKzg(o[1] ?? o[2]) : void 0;
}
var NOT_SPACE = /\S/;
function indentOf(line) {
  const at = line.search(NOT_SPACE);
  return at < 0 ? line.length : at;
}
var PACKAGE_MARKS = {
  buildScript: 1,
  compile: 2,
  wheel: 4,
  npm: 8,
  go: 16
};
var PACKAGE_MARK_KEYS = [
  ["custom build command", PACKAGE_MARKS.buildScript],
  ["could not compile", PACKAGE_MARKS.compile],
  ["wheel for ", PACKAGE_MARKS.wheel],
  ["failed to build ", PACKAGE_MARKS.wheel],
  ["npm err! path", PACKAGE_MARKS.npm],
  ["# github.com/", PACKAGE_MARKS.go]
];
function packageMarksOf(line) {
  const lower = line.toLowerCase();
  let marks = 0;
  for (const [key, mark] of PACKAGE_MARK_KEYS) if (lower.includes(key)) marks |= mark;
  return marks;
}
function classOfCrate(crate) {
  const cls = crateTableClass(crate);
  return cls === "c-build" ? void 0 : cls;
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
  /** A Go package named by the header just read, until the next line says how it failed. */
  goPackage;
  blockIndent = 0;
  get failed() {
    return [...this.failedList];
  }
  get inBlock() {
    return this.blockCrate !== void 0;
  }
  /**
   * Inside a failed build script's block, the indentation a line must exceed to stay in it
   * (any line that does, and says nothing else, leaves the tracker as it is); otherwise -1.
   */
  get blockIndentation() {
    return this.blockCrate === void 0 ? -1 : this.blockIndent;
  }
  /** A crate whose build script failed (as opposed to one that only failed to compile). */
  isFailedBuildScript(crate) {
    return this.buildScripts.has(crate) && this.failedList.includes(crate);
  }
  failedBuildScripts() {
    return [...this.buildScripts].filter((c) => this.failedList.includes(c));
  }
  /** `marks`: which package lines this one can be (PACKAGE_MARKS); a line without any skips the checks. */
  trackBlock(line, marks) {
    const started = marks & PACKAGE_MARKS.buildScript ? BUILD_SCRIPT_FAILED.exec(line) : null;
    if (started) {
      this.blockCrate = started[1];
      this.blockIndent = indentOf(line);
      this.addFailed(started[1], true);
      return;
    }
    const compiled2 = marks & PACKAGE_MARKS.compile ? COULD_NOT_COMPILE.exec(line) : null;
    if (compiled2) this.addFailed(compiled2[1], false);
    const wheel = marks & PACKAGE_MARKS.wheel ? WHEEL_BUILD_FAILED.exec(line) : null;
    if (wheel && crateTableClass(wheel[1]) !== void 0) this.addFailed(wheel[1], true);
    const npm = marks & PACKAGE_MARKS.npm ? NPM_PACKAGE_FAILED.exec(line) : null;
    if (npm && crateTableClass(npm[1]) !== void 0) this.addFailed(npm[1], true);
    const go = marks & PACKAGE_MARKS.go ? GO_PACKAGE_FAILED.exec(line) : null;
    if (go && crateTableClass(go[1]) !== void 0) {
      this.addFailed(go[1], true);
      this.goPackage = go[1];
    } else if (this.goPackage !== void 0 && line.trim() !== "") {
      if (GO_UNDEFINED.test(line)) this.removeFailed(this.goPackage);
      this.goPackage = void 0;
    }
    if (this.blockCrate !== void 0 && indentOf(line) <= this.blockIndent && !/^\s*Caused by:/.test(line)) {
      this.blockCrate = void 0;
    }
  }
  /** Which crate a line speaks for, if any. */
  attribute(line, order) {
    const output = line.includes("warning: ") ? CRATE_OUTPUT.exec(line) : null;
    if (output) return this.crateOutput(output[1], output[2], line, order);
    if (this.blockCrate !== void 0) return this.blockCrate;
    const linked = linkerObjectCrate(line);
    if (linked) {
      this.addFailed(linked, true);
      return linked;
    }
    if (!ERRORISH.test(line)) return void 0;
    const located = (line.includes('" "') ? BUILD_OUT.exec(line) : null) ?? (line.includes("registry") ? REGISTRY_SOURCE.exec(line) : null) ?? (line.includes("checkouts") ? GIT_CHECKOUT.exec(line) : null);
    const crate = located?.[1] ?? diagnosticCrate(line) ?? identifierCrate(line);
    if (crate === void 0) return void 0;
    if (crateTableClass(crate) !== void 0 || /cc-rs|ToolExecError|did not execute/.test(line))
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
  removeFailed(crate) {
    this.buildScripts.delete(crate);
    const at = this.failedList.indexOf(crate);
    if (at >= 0) this.failedList.splice(at, 1);
  }
  addFailed(crate, buildScript) {
    if (buildScript) this.buildScripts.add(crate);
    if (!this.failedList.includes(crate) && this.failedList.length < MAX_CRATES) this.failedList.push(crate);
  }
};

// src/classify/classifier.ts
var MAX_EXPLAINED = 500;
var KEY_MARKS = Uint8Array.from(
  SCAN_KEYS.map((k) => PACKAGE_MARK_KEYS.reduce((m, [key, mark]) => k.key === key ? m | mark : m, 0))
);
var SUBSUMES = /* @__PURE__ */ new Map([
  ["blst-ckzg", ["import-crash"]],
  ["docker-daemon", ["network"]],
  ["docker-pull", ["network"]]
]);
var DOMINANT = /* @__PURE__ */ new Set([
  "disk-full",
  "oom",
  "docker-daemon",
  "docker-pull",
  "rustc-too-old"
]);
var TOOL_CAUSES = /* @__PURE__ */ new Set(["zig"]);
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
  /** Made on the first raw chunk: a classifier fed only whole lines (pushLine) never needs it. */
  chunkScanner;
  /** Known crates whose output the scanner still looks for. */
  unmentioned = new Set(SCAN_KEYS.flatMap((k) => k.crate === void 0 ? [] : [k.crate]));
  awaitingMaturinCause = false;
  failureSeen = false;
  order = 0;
  fatal = false;
  trail;
  /** With `explain`, keeps (up to 500 of) the lines that counted: see `explanation`. */
  constructor(options = {}) {
    this.trail = options.explain ? [] : void 0;
  }
  /** The lines that counted, in log order (empty unless made with `explain: true`). */
  get explanation() {
    return this.trail ?? [];
  }
  /** True once a line has appeared after which the build cannot succeed. */
  get sawFatalLine() {
    return this.fatal;
  }
  get scanner() {
    this.chunkScanner ??= new ChunkScanner(
      SCAN_KEYS.map((k) => k.key),
      {
        onLine: (line, keys) => this.scannedLine(line, keys),
        onSkipped: (line) => this.skippedLine(line),
        skippedAbove: () => this.crates.blockIndentation
      }
    );
    return this.chunkScanner;
  }
  /** Feeds a raw chunk of output (any split, any line ending). */
  write(chunk) {
    this.scanner.push(Buffer.from(chunk, "utf8"));
  }
  /** Feeds raw bytes (UTF-8, any split, any line ending). */
  writeBytes(chunk) {
    this.scanner.push(chunk);
  }
  /** Flushes a trailing partial line. */
  end() {
    this.chunkScanner?.end();
  }
  /**
   * Reads input straight into the scanner's buffer, like fs.readSync(fd, buffer, offset, length),
   * until `read` returns 0, and flushes the last line. The fastest way to classify a file.
   */
  readAll(read) {
    while (this.scanner.fill(read)) ;
    this.end();
  }
  /** A line the scanner picked out: `keys` are the ids of the SCAN_KEYS it holds. */
  scannedLine(line, keys) {
    const rules = [];
    let read = false;
    let crateOutput = false;
    let marks = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = SCAN_KEYS[keys[i]];
      for (const r of key.rules) if (!rules.includes(r)) rules.push(r);
      read ||= key.rules.length > 0 || key.structural;
      crateOutput ||= key.crate !== void 0;
      marks |= KEY_MARKS[keys[i]];
    }
    if (read) {
      if (rules.length > 1) rules.sort((a, b) => a - b);
      this.pushLine(line, rules, marks);
    }
    if (crateOutput && KNOWN_CRATE_OUTPUT.test(line)) this.knownCrateLine(line);
  }
  /** Output of blst, ring…: remembered once per crate, in case nothing better turns up. */
  knownCrateLine(raw) {
    const line = normalizeLine(raw);
    this.crates.knownCrateOutput(line, this.order);
    const before = this.unmentioned.size;
    for (const crate of this.crates.mentioned) this.unmentioned.delete(crate);
    if (this.unmentioned.size === before) return;
    this.scanner.setKeys(
      SCAN_KEYS.flatMap(
        (k, id) => k.crate === void 0 || this.unmentioned.has(k.crate) || k.rules.length > 0 || k.structural ? [{ key: k.key, id }] : []
      )
    );
  }
  /** A line without any rule's key: it can only end a build script's error block. */
  skippedLine(raw) {
    const line = normalizeLine(raw);
    if (line.trim() !== "") this.crates.trackBlock(line, 0);
  }
  /**
   * Feeds one line; returns true when the line is fatal (see sawFatalLine). `candidates`, when the
   * scanner already knows which rules' keys the line holds, are their indexes in RULES, ascending;
   * `marks`, which package lines it can be (see PACKAGE_MARKS), from the same keys.
   */
  pushLine(raw, candidates, marks) {
    const line = normalizeLine(raw);
    if (line.trim() === "") return false;
    this.order++;
    const failedBefore = this.trail ? this.crates.failed.length : 0;
    this.crates.trackBlock(line, marks ?? packageMarksOf(line));
    const crate = this.crates.attribute(line, this.order);
    if (this.trail) this.explainCrateLine(line, failedBefore);
    const rule = candidates ? firstMatch(candidates, line) : firstKeyedMatch(line);
    if (rule) this.record(rule, line, crate);
    else this.maturinCause(line, crate);
    if (!this.failureSeen && FAILURE_SEEN.test(line)) this.failureSeen = true;
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
      docs: docsLink(cls),
      confidence: this.confidenceOf(cls)
    };
  }
  confidenceOf(cls) {
    if (cls === "unknown") return "low";
    const namedByCrate = this.crates.failed.some(
      (c) => crateTableClass(c) !== void 0 && this.crateClass(c) === cls
    );
    const outright = [this.global.get(cls), ...[...this.perCrate.values()].map((m) => m.get(cls))].some(
      (e) => e?.weight === 3
    );
    return namedByCrate || outright ? "high" : "low";
  }
  /** Records cargo's line naming a newly failed crate. */
  explainCrateLine(line, failedBefore) {
    const failed = this.crates.failed;
    if (failed.length === failedBefore) return;
    const crate = failed[failed.length - 1];
    const rule = line.includes("custom build command") ? "failed-build-script" : line.includes("could not compile") ? "could-not-compile" : "crate-output-or-path";
    this.explain({ order: this.order, line: line.trim(), rule, cls: crateTableClass(crate), crate });
  }
  explain(entry) {
    if (this.trail && this.trail.length < MAX_EXPLAINED) this.trail.push(entry);
  }
  record(rule, line, crate) {
    this.awaitingMaturinCause = this.awaitingMaturinCause && !MATURIN_CAUSE.test(line);
    const ev = evidenceLine(line, rule.weight, this.order);
    const attributed = crate !== void 0 && this.crates.isFailedBuildScript(crate);
    this.explain({
      order: this.order,
      line: ev.line,
      rule: rule.id,
      cls: rule.cls,
      weight: rule.weight,
      crate: attributed ? crate : void 0
    });
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
      { id: "maturin-cause", cls: "maturin-config", weight: 1, keys: [], pattern: /$^/ },
      line,
      crate
    );
  }
  collectClasses() {
    const found = /* @__PURE__ */ new Set();
    let unexplained = false;
    for (const crate of this.crates.failedBuildScripts()) {
      const cls = this.crateClass(crate);
      if (cls) found.add(cls);
      else unexplained = true;
    }
    for (const [cls, ev] of this.global) {
      if (ev.weight >= 2) found.add(cls);
    }
    if (unexplained && found.size === 0) found.add("c-build");
    this.knownCratesFailedToCompile(found);
    for (const [cause, symptoms] of SUBSUMES) if (found.has(cause)) for (const s of symptoms) found.delete(s);
    if (found.size === 0 && this.failureSeen) {
      for (const crate of [...this.crates.failed, ...this.crates.mentioned]) {
        const cls = classOfCrate(crate);
        if (cls) found.add(cls);
      }
    }
    if (found.size === 0) {
      for (const [cls, ev] of this.global) if (ev.weight === 1) found.add(cls);
    }
    return [...found].sort(byPriority);
  }
  /**
   * Rust errors inside a dependency the crate table knows (`could not compile \`blst\``) are that
   * crate's failure, not the project's code: they name its class instead of rust-compile.
   */
  knownCratesFailedToCompile(found) {
    const compiled2 = this.crates.failed.filter((c) => !this.crates.isFailedBuildScript(c));
    const named = compiled2.map(classOfCrate);
    if (named.length === 0 || named.some((c) => c === void 0)) return;
    for (const cls of named) if (cls) found.add(cls);
    found.delete("rust-compile");
  }
  /**
   * A failed build script's class: the crate table's when it names one outright; otherwise the
   * strongest evidence in the crate's own output (librocksdb-sys failing on libclang is libclang),
   * then the table's c-build; undefined for an unknown crate whose output says nothing.
   */
  crateClass(crate) {
    const evidence = [...this.perCrate.get(crate) ?? /* @__PURE__ */ new Map()];
    evidence.sort(([ca, a], [cb, b]) => b.weight - a.weight || byPriority(ca, cb));
    const tool = evidence.find(([cls, e]) => e.weight === 3 && TOOL_CAUSES.has(cls));
    if (tool) return tool[0];
    return classOfCrate(crate) ?? evidence[0]?.[0] ?? crateTableClass(crate);
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
    const crates = this.crates.failedBuildScripts().filter((c) => (this.crateClass(c) ?? "c-build") === cls);
    return strongest(crates.flatMap((c) => [...this.perCrate.get(c)?.values() ?? []]));
  }
};
function firstKeyedMatch(line) {
  const lower = line.toLowerCase();
  return RULES.find((r) => r.keys.some((k) => lower.includes(k)) && r.pattern.test(line));
}
function firstMatch(candidates, line) {
  for (const index of candidates) if (RULES[index].pattern.test(line)) return RULES[index];
  return void 0;
}
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
var DEFAULT_FALLBACK_ON = /* @__PURE__ */ new Set([...ENVIRONMENT_CLASSES, "unknown"]);

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

// src/audit/audit.ts
import path2 from "node:path";

// src/wheels/wheels.ts
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
function parseWheelName(file) {
  const base = path.basename(file);
  if (!base.endsWith(".whl")) return void 0;
  const parts = base.slice(0, -4).split("-");
  if (parts.length !== 5 && parts.length !== 6) return void 0;
  const [name, version] = parts;
  const [python, abi, plat] = parts.slice(-3);
  return { name, version, python, abi, platforms: plat.split(".") };
}
function describeFile(file) {
  const parsed = parseWheelName(file);
  return parsed ? { ...parsed, file, bytes: statSync(file).size } : void 0;
}
function hasUnpublishableTag(wheel) {
  return wheel.platforms.some((p) => p.startsWith("linux_"));
}
function publishToOutDir(files, outDir) {
  mkdirSync(outDir, { recursive: true });
  return files.map((file) => {
    const dest = path.join(outDir, path.basename(file));
    copyFileSync(file, dest);
    return dest;
  });
}

// src/audit/elf.ts
var ElfError = class extends Error {
  name = "ElfError";
};
var SHT_DYNSYM = 11;
var SHT_GNU_VERSYM = 1879048191;
var SHT_GNU_VERNEED = 1879048190;
function isElf(bytes) {
  return bytes.length >= 4 && bytes[0] === 127 && bytes[1] === 69 && bytes[2] === 76 && bytes[3] === 70;
}
function versionNeeds(bytes) {
  if (!isElf(bytes)) throw new ElfError("not an ELF file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const is64 = bytes[4] === 2;
  if (bytes[4] !== 1 && !is64) throw new ElfError(`unknown ELF class ${bytes[4]}`);
  const le = bytes[5] === 1;
  if (bytes[5] !== 1 && bytes[5] !== 2) throw new ElfError(`unknown ELF data encoding ${bytes[5]}`);
  const at = (off2, n) => {
    if (off2 < 0 || off2 + n > bytes.length) throw new ElfError(`truncated ELF file (offset ${off2})`);
  };
  const u16 = (off2) => {
    at(off2, 2);
    return view.getUint16(off2, le);
  };
  const u32 = (off2) => {
    at(off2, 4);
    return view.getUint32(off2, le);
  };
  const addr = (off2) => {
    if (!is64) return u32(off2);
    at(off2, 8);
    return Number(view.getBigUint64(off2, le));
  };
  const shoff = addr(is64 ? 40 : 32);
  const shentsize = u16(is64 ? 58 : 46);
  const shnum = u16(is64 ? 60 : 48);
  if (shoff === 0 || shnum === 0) return [];
  const sections = [];
  for (let i = 0; i < shnum; i++) {
    const s = shoff + i * shentsize;
    sections.push({
      type: u32(s + 4),
      offset: addr(is64 ? s + 24 : s + 16),
      size: addr(is64 ? s + 32 : s + 20),
      link: u32(is64 ? s + 40 : s + 24),
      entsize: addr(is64 ? s + 56 : s + 36)
    });
  }
  const cstring = (table, index) => {
    const start = table.offset + index;
    if (index >= table.size) throw new ElfError("string index out of its table");
    let end = start;
    const limit = table.offset + table.size;
    while (end < limit && bytes[end] !== 0) end++;
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
  };
  const verneed = sections.find((s) => s.type === SHT_GNU_VERNEED);
  if (!verneed) return [];
  const strtab = sections[verneed.link];
  if (!strtab) throw new ElfError(".gnu.version_r links to no string table");
  const byIndex = /* @__PURE__ */ new Map();
  const needs = [];
  let off = verneed.offset;
  for (let guard = 0; guard < 1e4; guard++) {
    const cnt = u16(off + 2);
    const file = cstring(strtab, u32(off + 4));
    let aux = off + u32(off + 8);
    for (let j = 0; j < cnt; j++) {
      const need = { file, version: cstring(strtab, u32(aux + 8)), symbols: [] };
      needs.push(need);
      byIndex.set(u16(aux + 6) & 32767, need);
      const next2 = u32(aux + 12);
      if (next2 === 0) break;
      aux += next2;
    }
    const next = u32(off + 12);
    if (next === 0) break;
    off += next;
  }
  const versym = sections.find((s) => s.type === SHT_GNU_VERSYM);
  const dynsym = sections.find((s) => s.type === SHT_DYNSYM);
  if (versym && dynsym && dynsym.entsize > 0) {
    const dynstr = sections[dynsym.link];
    const count = Math.min(Math.floor(dynsym.size / dynsym.entsize), Math.floor(versym.size / 2));
    for (let i = 1; i < count; i++) {
      const need = byIndex.get(u16(versym.offset + 2 * i) & 32767);
      if (!need || !dynstr) continue;
      const sym = dynsym.offset + i * dynsym.entsize;
      const shndx = u16(is64 ? sym + 6 : sym + 14);
      if (shndx !== 0) continue;
      need.symbols.push(cstring(dynstr, u32(sym)));
    }
  }
  return needs;
}
function glibcVersion(name) {
  const m = /^GLIBC_(\d+)\.(\d+)(?:\.\d+)?$/.exec(name);
  return m ? [Number(m[1]), Number(m[2])] : void 0;
}
function compareVersions(a, b) {
  return a[0] - b[0] || a[1] - b[1];
}

// src/audit/zip.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
var ZipError = class extends Error {
  name = "ZipError";
};
var EOCD = 101010256;
var CENTRAL = 33639248;
var LOCAL = 67324752;
var ZipReader = class {
  constructor(file) {
    this.file = file;
    this.fd = openSync(file, "r");
    try {
      this.entries = this.readDirectory();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }
  file;
  fd;
  entries;
  close() {
    closeSync(this.fd);
  }
  read(position, length) {
    const buf = Buffer.alloc(length);
    const n = readSync(this.fd, buf, 0, length, position);
    if (n !== length)
      throw new ZipError(`${this.file}: truncated zip (wanted ${length} bytes at ${position})`);
    return buf;
  }
  readDirectory() {
    const size = fstatSync(this.fd).size;
    const tailLength = Math.min(size, 22 + 65535);
    const tail = this.read(size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError(`${this.file}: not a zip file (no end of central directory)`);
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 4294967295 || count === 65535)
      throw new ZipError(`${this.file}: zip64 is not supported`);
    const dir = this.read(dirOffset, dirSize);
    const entries = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
        throw new ZipError(`${this.file}: bad central directory entry ${i}`);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      entries.push({
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localHeader: dir.readUInt32LE(p + 42),
        name: dir.toString("utf8", p + 46, p + 46 + nameLength)
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
  /** The first `limit` bytes of an entry's content (all of it by default). */
  content(entry, limit = Number.POSITIVE_INFINITY) {
    const header = this.read(entry.localHeader, 30);
    if (header.readUInt32LE(0) !== LOCAL)
      throw new ZipError(`${this.file}: bad local header for ${entry.name}`);
    const start = entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (entry.method === 0) return this.read(start, Math.min(entry.size, limit));
    if (entry.method !== 8)
      throw new ZipError(`${this.file}: ${entry.name} uses compression method ${entry.method}`);
    const data = inflateRawSync(this.read(start, entry.compressedSize));
    if (data.length !== entry.size)
      throw new ZipError(`${this.file}: ${entry.name} inflated to a wrong size`);
    return limit < data.length ? data.subarray(0, limit) : data;
  }
};

// src/audit/audit.ts
var LEGACY = {
  manylinux1: [2, 5],
  manylinux2010: [2, 12],
  manylinux2014: [2, 17]
};
function claimedGlibc(platform) {
  const pep600 = /^manylinux_(\d+)_(\d+)_/.exec(platform);
  if (pep600) return [Number(pep600[1]), Number(pep600[2])];
  const legacy = /^(manylinux\d+)_/.exec(platform);
  return legacy ? LEGACY[legacy[1]] : void 0;
}
function mayBeElf(name) {
  return /\.so(?:\.[\d.]+)?$/.test(name) || /\.libs\//.test(name) || /\.data\/scripts\//.test(name);
}
var fmt = (v) => `${v[0]}.${v[1]}`;
function auditWheel(file) {
  const wheel = path2.basename(file);
  const parsed = parseWheelName(file);
  const platforms = parsed?.platforms ?? [];
  const base = { wheel, platforms, elfFiles: 0 };
  if (!parsed) return { ...base, verdict: "unreadable", reason: `${wheel} is not a wheel file name (PEP 427)` };
  const linux = platforms.filter((p) => /^(?:many|musl)?linux/.test(p));
  if (linux.length === 0)
    return {
      ...base,
      verdict: "not-linux",
      reason: `${platforms.join(".")} is not a Linux tag: nothing to audit`
    };
  let newest;
  let newestVersion;
  let elfFiles = 0;
  let reader;
  try {
    reader = new ZipReader(file);
    for (const entry of reader.entries) {
      if (!mayBeElf(entry.name) || entry.size < 64) continue;
      const bytes = reader.content(entry);
      if (!isElf(bytes)) continue;
      elfFiles++;
      for (const need of versionNeeds(bytes)) {
        const v = glibcVersion(need.version);
        if (!v || newestVersion && compareVersions(v, newestVersion) <= 0) continue;
        newestVersion = v;
        newest = { version: need.version, member: entry.name, symbol: need.symbols[0] ?? "" };
      }
    }
  } catch (e) {
    return {
      ...base,
      verdict: "unreadable",
      reason: `${wheel}: ${e instanceof Error ? e.message : String(e)}`
    };
  } finally {
    reader?.close();
  }
  const found = { ...base, elfFiles, ...newest ? { newestGlibc: newest } : {} };
  const needs = newest ? `${newest.version}${newest.symbol ? ` (${newest.symbol}@${newest.version} in ${newest.member})` : ` (${newest.member})`}` : "";
  const musl = linux.find((p) => p.startsWith("musllinux"));
  if (musl) {
    return newest ? { ...found, verdict: "dishonest", reason: `${musl} claims musl, but the wheel needs glibc: ${needs}` } : { ...found, verdict: "honest", reason: `${musl}: no glibc symbol versions needed` };
  }
  const claims = linux.map(claimedGlibc).filter((v) => v !== void 0);
  if (claims.length === 0)
    return {
      ...found,
      verdict: "no-claim",
      reason: `${linux.join(".")} claims no glibc (PyPI refuses linux_* tags)${newest ? `; needs ${needs}` : ""}`
    };
  const claim = claims.reduce((a, b) => compareVersions(a, b) <= 0 ? a : b);
  const claimTag = linux[claims.indexOf(claim)] ?? linux[0];
  const withClaim = { ...found, claimedGlibc: fmt(claim) };
  if (!newestVersion || compareVersions(newestVersion, claim) <= 0) {
    return {
      ...withClaim,
      verdict: "honest",
      reason: `${claimTag} claims glibc ${fmt(claim)}; the newest needed is ${newest ? newest.version : "none"}`
    };
  }
  return {
    ...withClaim,
    verdict: "dishonest",
    reason: `${claimTag} claims glibc ${fmt(claim)}, but the wheel needs ${needs}: it would install on systems where it cannot load`
  };
}
function refused(a) {
  return a.verdict === "dishonest" || a.verdict === "unreadable";
}

export {
  FAILURE_CLASSES,
  ENVIRONMENT_CLASSES,
  TRANSIENT_CLASSES,
  isFailureClass,
  docsLink,
  LineSplitter,
  BLOCK_END_MARKERS,
  LogClassifier,
  allowsFallback,
  DEFAULT_FALLBACK_ON,
  POLICIES,
  normalizePolicy,
  isMusl,
  InputError,
  invalid,
  parseStrategies,
  parseWheelName,
  describeFile,
  hasUnpublishableTag,
  publishToOutDir,
  auditWheel,
  refused
};
