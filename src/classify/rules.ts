import type {FailureClass} from './classes.js';

/**
 * How much one matching line says about a class:
 * 1 = a hint that only counts when nothing stronger is found,
 * 2 = a real error line of that class,
 * 3 = a signature that names the cause outright.
 */
export type Weight = 1 | 2 | 3;

export interface Rule {
  readonly id: string;
  /**
   * Lower-case substrings of which every line the pattern can match contains at least one. They let
   * the classifier skip a rule, and whole stretches of log, without running a regular expression.
   * The scanner stops wherever text starts like a key, so a key begins on rare letters: `rin failed`
   * rather than `maturin failed` (every maturin line holds `matu`), `g: error:` rather than
   * `clang: error:` (every `warning: ` holds `ng: `). key-scanner.test.ts holds each to a budget.
   */
  readonly keys: readonly string[];
  readonly cls: FailureClass;
  readonly weight: Weight;
  readonly pattern: RegExp;
}

/**
 * The rule table. The first rule that matches a line classifies it, so specific rules come
 * before generic ones. A line that matches no rule says nothing; in particular the wrapper lines
 * every failed maturin build ends with (`💥 maturin failed`, `Failed to build a native library
 * through cargo`, the docker exit line) and bare mentions of `blst` match nothing here.
 */
export const RULES: readonly Rule[] = [
  // Docker itself: when these appear the build never ran.
  {
    id: 'docker-socket',
    keys: [
      'docker daemon',
      'error during connect',
      'docker: command not found',
      'to the docker api',
      'pipe/docker',
      'docker.sock',
      'to podman',
      'podman socket',
      'obtain docker version',
      'transport/unixconn',
      'transport\\unixconn',
      'fetching server api version',
      'http+docker:',
    ],
    cls: 'docker-daemon',
    weight: 3,
    pattern:
      /Cannot connect to the Docker daemon|Is the docker daemon running\?|permission denied while trying to connect to the Docker daemon|error during connect: .*docker|docker: command not found|failed to connect to the docker API|pipe\/docker\w*engine|docker\.sock: connect: |dial unix \S*docker\.sock|canonicalizing path \S*docker\.sock|Cannot connect to Podman|podman socket|Unable to obtain Docker version|Couldn't connect to Docker daemon|http\+docker:\/\/\S+ - is it running|docker[/\\]transport[/\\]unixconn\.py|Error while fetching server API version/i,
  },
  {
    id: 'docker-rate-limit',
    keys: ['toomanyrequests', 'pull rate limit', 'too many requests', 'status code 429', 'status: 429'],
    cls: 'docker-pull',
    weight: 3,
    pattern:
      /toomanyrequests|pull rate limit|(?:manifests?|blobs?|image|registry|\/v2\/|pull)\b.*Too Many Requests|(?:manifests?|blobs?|\/v2\/).*(?:status code|status:) 429/i,
  },
  // The daemon answered but could not start the container (a bind mount it cannot make, no shell
  // in the image): this Docker cannot run the build here.
  {
    id: 'docker-container-start',
    keys: ['oci runtime', 'shim task', 'task for container', 'container init'],
    cls: 'docker-daemon',
    weight: 3,
    pattern:
      /OCI runtime (?:create|exec|start|state) failed|failed to create shim task|failed to create task for container|error during container init/i,
  },
  // A registry that has the image, but not for this host's platform.
  {
    id: 'docker-platform-manifest',
    keys: ['no matching manifest'],
    cls: 'docker-pull',
    weight: 3,
    pattern: /no matching manifest for \S+ in the manifest list/i,
  },
  {
    id: 'docker-pull-denied',
    keys: [
      'pull access denied',
      'manifest unknown',
      'manifest for',
      'error response from daemon',
      'unauthorized: authentication required',
      'denied: requested access',
      'failed to resolve reference',
      'error pulling image',
      'initializing source',
      'ying system image',
      'unable to pull',
      'httpreadseeker',
      'anonymous token',
      'oauth token',
      'resolve source metadata',
      'imagepullbackoff',
      'errimagepull',
      'failed to do request',
    ],
    cls: 'docker-pull',
    weight: 3,
    pattern:
      /Error pulling image \(\S+\) from \S+|pull access denied|manifest unknown|manifest for \S+ not found|Error response from daemon: (?:(?:Head|Get) "?https?:\/\/|denied|unauthorized|unknown: |received unexpected HTTP status)|unauthorized: authentication required|denied: requested access to the resource|failed to resolve reference "|error pulling image configuration|initializing source docker:|copying system image|unable to pull \S+|httpReadSeeker: failed open|failed to fetch (?:anonymous|oauth) token|failed to resolve source metadata for|ImagePullBackOff|ErrImagePull|failed to do request: (?:Head|Get) "?https?:\/\//i,
  },

  // Resource exhaustion explains every error that follows it.
  {
    id: 'enospc',
    keys: [
      'no space left',
      'enospc: ',
      'code enospc',
      '[errno 28]',
      'disk quota',
      'not enough space',
      'out of disk space',
      'os error 112',
      'more space needed',
    ],
    cls: 'disk-full',
    weight: 3,
    pattern:
      /No space left on device|\bENOSPC: |\bcode ENOSPC\b|\[Errno 28\]|disk quota exceeded|not enough space on the disk|running out of disk space|os error 112\)|At least \d+\s*[KMG]i?B more space needed/i,
  },
  {
    id: 'oom-sigkill',
    keys: [
      'signal: 9',
      'killed signal',
      'memory allocation of',
      'out of memory',
      'bad_alloc',
      'cannot allocate memory',
      'memory exhausted',
      'th signal 9',
      'oomkilled',
      'failed to mmap',
      'program cc1',
      'killed  ',
    ],
    cls: 'oom',
    weight: 3,
    pattern:
      /signal: 9, SIGKILL|Killed signal terminated program|memory allocation of \d+ bytes failed|LLVM ERROR: out of memory|fatal runtime error: out of memory|std::bad_alloc|Cannot allocate memory|virtual memory exhausted|out of memory allocating|Out of memory: Killed process|terminated with signal 9|OOMKilled|failed to mmap|: Out of memory(?:;| \(os error 12\))|internal compiler error: (?:Killed|[^\s(]*[\u0080-\uffff][^\s(]*) \(program cc1|\b\d+ Killed {2,}\S/i,
  },
  // 137 is 128 + SIGKILL: almost always the kernel's OOM killer, but not always.
  {
    id: 'oom-exit-137',
    keys: ['code 137', 'code: 137', 'status 137', 'status: 137'],
    cls: 'oom',
    weight: 2,
    pattern: /(?:exit|exited with) (?:code|status):? 137\b/i,
  },

  // Toolchain too old: cargo refuses before compiling.
  {
    id: 'msrv',
    keys: [
      'is not supported by the following packages',
      'requires rustc',
      'edition20',
      'stabilized in this version',
      'cannot be built because it requires',
      'requires the cargo feature',
      'unsupported rustc version',
      'unsupported rust version',
      'ock file version',
      'is older than the',
      'is unstable',
      'cannot be declared unsafe',
      'on the nightly',
    ],
    cls: 'rustc-too-old',
    weight: 3,
    pattern:
      /only allowed on the nightly channel|is only accepted on the nightly compiler|is not supported by the following packages|requires rustc \d+\.\d+|feature `edition20\d\d` is required|not stabilized in this version of Cargo|cannot be built because it requires rustc|package `[^`]+` cannot be built because it requires|the package requires the Cargo feature called|unsupported (?:rustc|Rust) version|lock file version `?\d+`?(?: requires| was found)|this version of Cargo is older than the|edition 20\d\d is unstable|extern block cannot be declared unsafe/i,
  },
  // Unstable features on a stable compiler: usually a toolchain older than the code expects.
  {
    id: 'unstable-feature',
    keys: ['error[e0658]'],
    cls: 'rustc-too-old',
    weight: 2,
    pattern: /^[\s│|>]*error\[E0658\]/,
  },

  // blst / c-kzg: their symbols, their sources, their known assembler rejection.
  {
    id: 'blst-symbol',
    keys: [
      'undefined symbol',
      'undefined reference',
      'sigill in blst',
      'referenced from',
      'unresolved external symbol',
      'symbol not found',
      'duplicate symbol',
    ],
    cls: 'blst-ckzg',
    weight: 3,
    pattern:
      /(?:undefined (?:symbol|reference to)|unresolved external symbol|Symbol not found(?: in flat namespace)?|duplicate symbol)[: `'"(]*_*(?:blst_|ckzg_|c_kzg_|mulx?_mont_|sqrx?_mont_|redc_mont_|ct_inverse_mod_|ct_is_square_mod_|vec_is_(?:zero|equal)_16x|(?:add|sub|cneg|lshift|mul_by_[38])_mod_384|POINTonE[12]_|BLS12_381_)|"_?(?:blst_|ckzg_|c_kzg_|mulx_mont_|POINTonE[12]_)\w*", referenced from|SIGILL in blst_|Caught SIGILL in blst/i,
  },
  {
    id: 'blst-frame',
    keys: [
      ' in blst',
      ' in _blst',
      ' in mulx_mont',
      ' in sqr_mont',
      ' in sqrx_mont',
      ' in ct_inverse_mod',
      ' in pointone',
    ],
    cls: 'blst-ckzg',
    weight: 3,
    pattern:
      /^#\d+ +0x[0-9a-f]+ in (?:_?blst_\w+|mulx_mont_\w+|sqrx?_mont_\w+|ct_inverse_mod_\w+|POINTonE[12]_\w+|blst::)/i,
  },
  // Go's SIGILL report: adcx/adox (66/f3 [REX] 0f 38 f6) are ADX, which blst uses unless built portable.
  {
    id: 'blst-adx-sigill',
    keys: ['instruction bytes'],
    cls: 'blst-ckzg',
    weight: 3,
    pattern: /instruction bytes: 0x(?:66|f3) (?:0x4[0-9a-f] )?0xf 0x38 0xf6\b/,
  },
  // Binaries built with blst's ADX code warn before they die of SIGILL on an older CPU (Lighthouse).
  {
    id: 'blst-portable-hint',
    keys: ['incompatible with optimized', 'portable build'],
    cls: 'blst-ckzg',
    weight: 2,
    pattern:
      /CPU (?:seems )?incompatible with optimized (?:\w+ )?(?:binary|build)|try (?:the )?Lighthouse portable build/i,
  },
  // A linker refusing blst's or c-kzg's compiled archive (wrong format, misaligned symbols).
  {
    id: 'blst-rlib-link',
    keys: ['libblst-', 'libc_kzg-', 'libckzg-'],
    cls: 'blst-ckzg',
    weight: 2,
    pattern: /\bld(?:\.\w+)?: .*[/\\(]lib(?:blst|c_kzg|ckzg)-[0-9a-f]{16}\.rlib/,
  },
  // Compiler errors in source files only blst and c-kzg have (when their build runs outside cargo's paths).
  {
    id: 'blst-source-name',
    keys: ['no_asm.h', 'bulk_addition', 'multi_scalar', 'map_to_g', 'c_kzg_4844', 'eip4844.c', 'eip7594.c'],
    cls: 'blst-ckzg',
    weight: 2,
    pattern:
      /(?:^|[\s/\\])(?:no_asm\.h|bulk_addition\.c|multi_scalar\.c|map_to_g[12]\.c|c_kzg_4844\.[ch]|eip4844\.c|eip7594\.c)(?::\d+)+: (?:fatal )?error/,
  },
  // blst's own build: its assembly wrapper, and the x86 flag its build script passes to every target.
  {
    id: 'blst-build-files',
    keys: ['build/assembly.s', 'build\\assembly.s', "option '-mno-avx'"],
    cls: 'blst-ckzg',
    weight: 2,
    pattern: /build[/\\]assembly\.S(?::\d+)+: (?:fatal )?error|unsupported option '-mno-avx' for target/,
  },
  // A build that links the blst or c-kzg library it cannot find (pkg-config, cabal, cgo).
  {
    id: 'blst-library-missing',
    keys: ["package 'libblst", 'package libblst', "package 'libckzg", 'package libckzg'],
    cls: 'blst-ckzg',
    weight: 2,
    pattern: /package '?lib(?:blst|ckzg)[\w-]*'?(?:,? not\b| is required\b| was not found)/i,
  },
  {
    id: 'blst-cfi',
    keys: ['invalid cfi advance_loc'],
    cls: 'blst-ckzg',
    weight: 3,
    pattern: /invalid CFI advance_loc expression/,
  },
  {
    id: 'blst-source',
    keys: [
      'blst/src',
      'blst/build',
      'blst/bindings',
      'blst\\src',
      'blst\\build',
      'blst\\bindings',
      'c-kzg-4844/src',
      'c-kzg-4844\\src',
      'ckzg/src',
      'ckzg\\src',
    ],
    cls: 'blst-ckzg',
    weight: 2,
    pattern:
      /(?:error|Error\b|\*\*\*).*[/\\](?:blst[/\\](?:src|build|bindings)|c-kzg-4844[/\\]src|ckzg[/\\]src)[/\\]/,
  },

  // ring, openssl, libclang, python: named causes.
  {
    id: 'ring-arm-arch',
    keys: ['__arm_arch', 'ring-core'],
    cls: 'ring',
    weight: 3,
    pattern: /ARM assembler must define __ARM_ARCH|ring-core[/\\].*error/,
  },
  // A linker refusing ring's compiled archive (objects for another architecture).
  // ring's own C sources, as cc-rs names them relative to the crate (`crypto/curve25519/…:12:3: error`).
  // BoringSSL has the same dirs, but other crates' builds print them under a longer path.
  {
    id: 'ring-source',
    keys: [
      'crypto/curve25519',
      'crypto/fipsmodule',
      'crypto/poly1305',
      'crypto/limbs',
      'crypto\\curve25519',
      'crypto\\fipsmodule',
      'crypto\\poly1305',
      'crypto\\limbs',
    ],
    cls: 'ring',
    weight: 2,
    pattern:
      /(?:^|[\s:])crypto[/\\](?:curve25519|fipsmodule|poly1305|limbs)[/\\][^:\s]*:\d+(?::\d+)?: (?:fatal )?error/,
  },
  {
    id: 'ring-rlib-link',
    keys: ['libring-'],
    cls: 'ring',
    weight: 2,
    pattern: /\bld(?:\.\w+)?: .*[/\\(]libring-[0-9a-f]{16}\.rlib/,
  },
  {
    id: 'openssl-missing',
    keys: [
      'directory of openssl',
      'find openssl via',
      'library `openssl`',
      'openssl/',
      'openssl\\',
      'openssl library directory',
      'openssl include directory',
      "can't locate ",
      'openssl-src: failed',
      'figuring openssl',
    ],
    cls: 'openssl',
    weight: 3,
    pattern:
      /Could not find directory of OpenSSL installation|Could not find openssl via pkg-config|The system library `openssl` required by crate|openssl[/\\]\w+\.h['"]?(?::|\s+file not found)|Can't locate (?:IPC\/Cmd|FindBin|File\/Compare|File\/Copy|Locale\/Maketext\/Simple|Time\/Piece)\.pm|openssl-src: failed to build OpenSSL|configuring OpenSSL build: |OpenSSL (?:library|include) directory .* does not exist/i,
  },
  {
    id: 'openssl-symbol',
    keys: ['undefined reference', 'cannot find -l', 'library not found for', 'cannot open input file'],
    cls: 'openssl',
    weight: 2,
    pattern:
      /undefined reference to `(?:SSL|EVP|OPENSSL|CRYPTO|ERR)_|(?:cannot find|library not found for) -l(?:ssl|crypto)\b|cannot open input file '(?:lib)?(?:ssl|crypto)[^']*\.lib'/,
  },
  {
    id: 'openssl-env',
    keys: ['openssl_'],
    cls: 'openssl',
    weight: 1,
    pattern: /\b(?:[A-Z0-9_]+_)?OPENSSL_(?:DIR|LIB_DIR|INCLUDE_DIR)\b/,
  },
  {
    id: 'libclang',
    keys: [
      'libclang',
      'unable to generate bindings',
      'clangdiagnostic',
      'undefined reference',
      'is not a valid ident',
      'loaded `libclang`',
      "'stddef.h' file not found",
      "'stdarg.h' file not found",
      "'stdbool.h' file not found",
    ],
    cls: 'libclang',
    weight: 3,
    pattern:
      /function was called that is not supported by the loaded `libclang`|'std(?:def|arg|bool)\.h' file not found|Unable to find libclang|valid shared libraries matching: \['libclang|LIBCLANG_PATH|Unable to generate bindings|ClangDiagnostic\(|libclang[\w.-]*\.(?:so|dll|dylib)[^ ]*: cannot open shared object|(?:couldn't|could not|failed to) load libclang|undefined reference to `clang_\w+'|"[^"]*" is not a valid Ident|`libclang` function not loaded/i,
  },
  {
    id: 'python-missing',
    keys: [
      'python interpreter',
      'python 3.x interpreter',
      'python.h: no such',
      'cannot find -l',
      'undefined reference',
      'unsupported python version',
      'python: ',
      'python3: ',
      'command not found',
      'than pyo3',
      'gil disabled',
      'free-threaded',
      'cannot open input file',
      'library not found for',
      'ive static library',
      'command exists in these',
      'referenced from',
      'keyword-only argument',
      'generate-import-lib',
      'minimum python version',
      'pyo3_cross_lib_dir',
    ],
    cls: 'python',
    weight: 3,
    pattern:
      /Must provide PYO3_CROSS_LIB_DIR|requires PyO3's `generate-import-lib` feature|cannot set a minimum Python version|Couldn't find any python interpreters|no Python 3\.x interpreter found|Python interpreter (?:`[^`]*`|[^ `]+) doesn't exist|The given list of python interpreters is invalid|Python interpreter should be a kind of interpreter|Python\.h: No such file|(?:cannot find|library not found for) -lpython|undefined reference to `_?Py[A-Z][A-Za-z_]+'|failed to run the Python interpreter|is (?:lower|newer) than PyO3's (?:minimum|maximum)|Unsupported Python version|python[\d.]*t?: (?:command )?not found|Failed to get information from the python interpreter|(?:couldn't|could not|failed to|unable to) find (?:a |any )?python interpreter|built with the GIL disabled|free-threaded (?:Python|CPython|build)[^.]*not (?:yet )?supported|cannot open input file 'python\d*t?(?:_d)?\.lib'|native static library `python|command exists in these Python versions|"_Py[A-Z]\w*", referenced from|ForwardRef\._evaluate\(\) missing 1 required keyword-only argument/i,
  },

  // Build tools that are absent.
  {
    id: 'patchelf',
    keys: ['patchelf'],
    cls: 'missing-toolchain',
    weight: 3,
    pattern: /Failed to execute 'patchelf'|patchelf: (?:command )?not found/i,
  },
  // Go: a dependency's own Go files fail on identifiers its cgo files define, or every Go file of a
  // cgo-only package is excluded: cgo is off (CGO_ENABLED=0, or no C compiler), not the C build.
  {
    id: 'go-cgo-off',
    keys: [': undefined: ', 'build constraints exclude'],
    cls: 'missing-toolchain',
    weight: 2,
    pattern:
      /[/\\]pkg[/\\]mod[/\\]\S+@v[\w.+-]+[/\\]\S+\.go:\d+:\d+: undefined: |build constraints exclude all Go files in/,
  },
  {
    id: 'tool-missing',
    keys: [
      'failed to find tool',
      'linker `',
      'is `cmake`',
      'could not find',
      'not found',
      'not installed',
      'could not choose a version',
      'find crate for',
      'may not be installed',
      'visual c++',
      'link.exe',
      'could not be found',
      'unable to find a build program',
      'failed to execute',
      'unable to execute',
      'find rust compiler',
    ],
    cls: 'missing-toolchain',
    weight: 3,
    pattern:
      /Failed to find tool\. Is `[^`]+` installed|failed to find tool "[^"]+"|linker `[^`]+` not found|is `[^`]+` not installed|error: could not find `?(?:cc|gcc|c\+\+|ar|ld)`?|\b(?:cc|gcc|g\+\+|clang|ar|ld|make|cmake|perl|nasm|protoc|rustc|cargo|pkg-config|ninja)(?:: command)? not found\b|Could not find `protoc`|toolchain '[^']+' is not installed|could not choose a version of (?:cargo|rustc) to run|can't find crate for `(?:core|std|alloc|compiler_builtins)`|target may not be installed|Microsoft Visual C\+\+ [\d.]+ or greater is required|`link\.exe` (?:was )?not found|pkg-config command could not be found|No CMAKE_(?:C|CXX)_COMPILER could be found|CMake was unable to find a build program|is not installed or is not on PATH|failed to execute \[?"[^"]*(?:gcc|cc|clang|g\+\+|c\+\+)(?:\.exe)?" .*No such file or directory|Unable to execute '[^']+' - this package requires|can't find Rust compiler|failed to execute command: No such file or directory/i,
  },

  // zig as a linker/compiler driver.
  {
    id: 'zig-linker',
    keys: [
      'unsupported linker',
      'zig: error:',
      'zigcc: error:',
      'zigcxx: error:',
      'zigc++: error:',
      'zigld: error:',
      'find zig',
      'zig ld error',
      'zig ld failed',
      'zig cc error',
      'zig cc failed',
      '`zig cc`',
      '`zig c++`',
      '`zig ar`',
      '`zig ld`',
      '`zig ld.lld`',
      'clang failed with stderr',
      'unexpected lld stderr',
      'parse target query',
      'sub-compilation of',
      'pilationfailed',
      'lldreportedfailure',
      'zig cannot build',
      'error: ld.lld: ',
      'lld link...',
      'undefined symbol',
      'zig is not installed',
      'install zig and',
      'error: undefined symbol: ',
      'error: unknownarchitecture',
      'error: unknownoperatingsystem',
      'error: unknowncpumodel',
    ],
    cls: 'zig',
    weight: 3,
    pattern:
      /^\s*error: Unknown(?:Architecture|OperatingSystem|CpuModel)\b|Zig is not installed|Install Zig and run|ld\.lld: error: undefined symbol: (?:open|fstat|lseek|stat|lstat|mmap|pread|pwrite|ftruncate|readdir|fopen|creat|truncate)64\b|unsupported linker (?:arg|extension flag)|zig(?:cc|cxx|c\+\+|ld)?: error:|error: unable to find zig|Failed to find zig|(?:fail|error|unable).*`zig (?:cc|c\+\+|ar|ranlib|ld(?:\.lld)?)`|zig (?:ld|cc) (?:error|failed)|error\(compilation\): clang failed with stderr|warning\(link\): unexpected LLD stderr|unable to parse target query|sub-compilation of \S+(?: \S+)? failed|SubCompilationFailed|error: LLDReportedFailure|zig cannot build new glibc version|^\s*error: ld\.lld: |LLD Link\.\.\. |ld\.lld: error: undefined symbol: \w+@GLIBC_[\d.]+/i,
  },

  // zig drove the link or the C compile and it failed: that zig failed, not yet why.
  {
    id: 'zig-driver-failed',
    keys: ['linking with', 'cargo-zigbuild', '__ubsan_handle'],
    cls: 'zig',
    weight: 2,
    pattern:
      /linking with `[^`]*(?:cargo-zigbuild|zigcc|zigcxx)[^`]*` failed|Command .*cargo-zigbuild[/\\][^ ]*zigc(?:c|xx)-|undefined symbol: __ubsan_handle_/i,
  },

  // Generic C/C++/asm failures (cc-rs, cmake, make, the compilers themselves).
  {
    id: 'cc-rs-command',
    keys: ['toolexecerror', 'error occurred', 'did not execute successfully'],
    cls: 'c-build',
    weight: 2,
    pattern:
      /ToolExecError|error occurred(?: in cc-rs)?: Command|did not execute successfully \(status code|error occurred in cc-rs/,
  },
  {
    id: 'c-compiler-error',
    keys: [
      // `file.c:12:5: error`: a digit always comes before the colon.
      '0: error',
      '1: error',
      '2: error',
      '3: error',
      '4: error',
      '5: error',
      '6: error',
      '7: error',
      '8: error',
      '9: error',
      ': fatal error',
      'cc1: error',
      'cc1plus: error',
      'cc: error:',
      'g: error:',
      'c++: error:',
      'error: no such instruction',
      'error: unknown pseudo-op',
      'error: junk at end of line',
      'error: invalid instruction suffix',
      'error: operand',
      'assembler messages',
      'unrecognized command',
      'initial declarations',
      'error: #error ',
      'c99 mode',
      // MSVC: `file.c(12): error C2065: …`, `cl : Command line error D8021 : …`.
      'error c1',
      'error c2',
      'error c3',
      'error c4',
      'command line error',
      "error: command '",
    ],
    cls: 'c-build',
    weight: 2,
    pattern:
      /\.(?:c|cc|cpp|cxx|h|hh|hpp|S|s|asm)(?::\d+)+: (?:fatal )?error|cc1(?:plus)?: (?:fatal )?error|\b(?:gcc|clang|cc|c\+\+): (?:fatal )?error:|Assembler messages:|\bError: (?:no such instruction|unknown pseudo-op|junk at end of line|invalid instruction suffix|operand)|unrecognized command[- ]line option|'for' loop initial declarations are only allowed|error: #error |C99 mode|\b(?:fatal )?error C\d{4}:|Command line error D\d{4}|error: command '[^']*(?:gcc|cc|clang|cl\.exe|g\+\+|c\+\+)[^']*' failed/,
  },
  {
    id: 'c-native-lib',
    keys: [
      'could not find native static library',
      'cmake error',
      'ninja: build stopped',
      'gyp err!',
      'cannot find -l',
      'library not found for',
      'multiple definition of',
      'duplicate symbol',
      'undefined reference',
      'undefined symbols for',
      'symbol(s) not found',
      'error lnk',
      'the system library',
      'error: undefined symbol',
      'configure: error',
    ],
    cls: 'c-build',
    weight: 2,
    pattern:
      /could not find native static library|^\s*configure: error: |CMake Error|ninja: build stopped|gyp ERR! build error|cannot find -l\S+|library not found for -l\S+|multiple definition of|duplicate symbol|undefined reference to|Undefined symbols for architecture|symbol\(s\) not found|error LNK\d{4}|The system library `[^`]+` required by crate|(?:lld|lld-link|ld64\.lld|wasm-ld): error: undefined symbol/i,
  },
  // make also wraps cargo itself (`Error 101`), so alone it is only a hint.
  {
    id: 'make-failed',
    keys: [
      'make: *** ',
      '0]: *** ',
      '1]: *** ',
      '2]: *** ',
      '3]: *** ',
      '4]: *** ',
      '5]: *** ',
      '6]: *** ',
      '7]: *** ',
      '8]: *** ',
      '9]: *** ',
    ],
    cls: 'c-build',
    weight: 1,
    pattern: /make(?:\[\d+\])?: \*\*\* /,
  },

  // Permission problems in the workspace (the Docker socket's are docker-daemon, above).
  {
    id: 'permission',
    keys: [
      'permission denied',
      'eacces: ',
      'code eacces',
      'operation not permitted',
      'read-only file system',
      'access is denied',
      'permissionerror',
      'open: permission denied',
      'mkdir: permission denied',
      'write: permission denied',
      'rename: permission denied',
      'unlink: permission denied',
    ],
    cls: 'permission',
    weight: 2,
    pattern:
      /\b(?:open|mkdir|write|rename|unlink): Permission denied|Permission denied \(os error 13\)|\[Errno 13\] Permission denied|PermissionError: |\bEACCES: |\bcode EACCES\b|Operation not permitted \(os error 1\)|Read-only file system|Access is denied\. ?\(os error 5\)|changing ownership of .*: Operation not permitted|(?:cannot|can't|could not|couldn't|failed to|unable to) .*: Permission denied\b/i,
  },

  // maturin's and auditwheel's audit.
  // A wheel that links libpython: pyo3's `extension-module` feature is off (a configuration fault
  // that maturin's audit reports as a compliance failure).
  {
    id: 'libpython-linked',
    keys: ['forbidden libraries: ["libpython', "ctivating pyo3's"],
    cls: 'maturin-config',
    weight: 3,
    pattern: /forbidden libraries: \["libpython|without activating pyo3's `extension-module` feature/,
  },
  {
    id: 'manylinux-audit',
    keys: [
      'compliance',
      'compliant',
      'too-recent versioned symbols',
      'tform wheel',
      'cannot repair',
      'need to be eliminated',
      'incompatible with policy',
      'constrains the platform tag',
      'unsupported isa extensions',
      'platform tag: "linux_',
    ],
    cls: 'manylinux-policy',
    weight: 3,
    pattern:
      /following platform tag: "linux_\w+"|This constrains the platform tag to|depends on unsupported ISA extensions|Error ensuring (?:manylinux|musllinux)\S* compliance|is not (?:manylinux|musllinux)\S* \(aka [^)]+\) compliant|is not (?:manylinux|musllinux)\S* compliant|too-recent versioned symbols|This does not look like a platform wheel|cannot repair "?[^" ]+"? to "?\S+"? ABI|Cannot repair wheel, because required library|dependencies will need to be eliminated|Package requires \w+_[\d.]+, incompatible with policy/i,
  },

  // A symbol table dump (readelf, nm) of a binary that needs a recent glibc: a hint only.
  {
    id: 'glibc-symbol-dump',
    keys: ['@glibc_2.'],
    cls: 'manylinux-policy',
    weight: 1,
    pattern: /\bUND\s+\S+@GLIBC_2\.(?:2[89]|3\d)\b/,
  },

  // Network (a `spurious` retry warning or a bare 5xx alone is only a hint).
  {
    id: 'net-spurious',
    keys: ['spurious network error', 'bad gateway', 'ervice unavailable', 'gateway time'],
    cls: 'network',
    weight: 1,
    pattern:
      /^warning: spurious network error|\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Time-?out)/i,
  },
  {
    id: 'network',
    keys: [
      'could not resolve host',
      'temporary failure in name resolution',
      'failed to download',
      'unable to update registry',
      's unreachable',
      'connection refused',
      'connection reset',
      'connection timed out',
      'ssl connect error',
      'curl: (0',
      'curl: (1',
      'curl: (2',
      'curl: (3',
      'curl: (4',
      'curl: (5',
      'curl: (6',
      'curl: (7',
      'curl: (8',
      'curl: (9',
      'dns error',
      'error sending request',
      'failed to fetch',
      "couldn't connect to server",
      'operation timed out',
      'timeout was reached',
      'failure when receiving',
      'readtimeouterror',
      'newconnectionerror',
      'max retries exceeded',
      'could not fetch url',
      'connecttimeouterror',
      'remotedisconnected',
      'incompleteread',
      'unable to access',
      'could not download',
      'download failed',
      'download of',
      'tls handshake timeout',
      'ficate verify failed',
      'error decoding response body',
      'i/o timeout',
      'connection closed before',
      'too many requests',
      'peer disconnected',
      'et request for',
      'to fetch into',
      'when downloading repo',
    ],
    cls: 'network',
    weight: 2,
    pattern:
      /Could not resolve host|Temporary failure in name resolution|failed to download from|failed to download `|Unable to update registry|Network is unreachable|Connection (?:refused|reset by peer|timed out)|SSL connect error|\bcurl: \(\d+\)|dns error|error sending request for url|failed to fetch `\[?https?:|Couldn't connect to server|operation timed out|Timeout was reached|Failure when receiving data from the peer|ReadTimeoutError|NewConnectionError|Max retries exceeded with url|Could not fetch URL|ConnectTimeoutError|RemoteDisconnected|IncompleteRead|unable to access '?https?:|could not download file|download failed|download of \S+ failed|TLS handshake timeout|certificate verify failed|error decoding response body|i\/o timeout|connection closed before message completed|Too Many Requests|Peer disconnected|GET request for \S+ failed|failed to fetch into: |failed to authenticate when downloading repository/i,
  },

  // At import time.
  {
    id: 'import-glibc',
    keys: [
      'ion `glibc_',
      'importerror',
      'symbol not found',
      'export function',
      'incompatible architecture',
      'shared object file',
      'error relocating',
      'cannot locate symbol',
      'not defined in file',
      'symbol not found',
    ],
    cls: 'import-crash',
    weight: 3,
    pattern:
      /symbol \w+, version GLIBC_[\d.]+ not defined in file|dlopen\(.*\): Symbol not found|version `GLIBC_[\d.]+' not found|ImportError: .*(?:undefined symbol|cannot open shared object|GLIBC_)|ImportError: DLL load failed|[Ss]ymbol not found(?:: _?\w+| in flat namespace)|Error relocating \S+: \S+: symbol not found|dynamic module does not define module export function|incompatible architecture \(have|OSError: .*cannot open shared object file|cannot locate symbol "\w+"/,
  },
  {
    id: 'import-sigill',
    keys: [
      'illegal instruction',
      'sigill: ',
      'signals.sigill',
      'segmentation fault',
      'status_illegal_instruction',
      'illegal hardware instruction',
    ],
    cls: 'import-crash',
    weight: 2,
    pattern:
      /Illegal (?:hardware )?instruction|\bSIGILL: |Signals\.SIGILL\b|Segmentation fault \(core dumped\)|STATUS_ILLEGAL_INSTRUCTION/i,
  },

  // Publishing.
  {
    id: 'upload-tag',
    keys: [
      'unsupported platform tag',
      'pypi.org',
      'invalid or non-existent authentication',
      'invalid distribution',
      'ed to upload',
      'invalid-publisher',
      'trusted publishing',
      'non-user identities',
      'failed to render',
      'r says: 4',
      'httperror: 4',
      'file already exists',
      'invaliddistribution',
      'me/password',
      '400 file too large',
      'ze too large',
      'sdist may be uploaded',
    ],
    cls: 'upload-rejected',
    weight: 3,
    pattern:
      /Only one sdist may be uploaded per release|unsupported platform tag|HTTPError: 4\d\d [A-Za-z ]+ from https?:\/\/(?:upload\.|test\.)?pypi\.org|File already exists\.? See https?:\/\/(?:test\.)?pypi\.org|Invalid or non-existent authentication information|Invalid distribution file|(?:isn't|is not) allowed to upload|invalid-publisher|Trusted publishing exchange failure|Failed to obtain token for trusted publishing|Non-user identities cannot create new projects|description failed to render|Server says: 4\d\d|HTTPError: 4\d\d|File already exists|InvalidDistribution: |Username\/Password authentication is no longer supported|\b400 File too large|Project size too large/i,
  },

  // maturin's `Failed to upload`: it says an upload failed, not why.
  {
    id: 'upload-failed',
    keys: ['failed to upload'],
    cls: 'upload-rejected',
    weight: 1,
    pattern: /Failed to upload/,
  },

  // Rust code (pip and uv indent a backend's output, and may draw a box before it).
  {
    id: 'rustc-error',
    keys: [
      'error[e0',
      'error[e1',
      'error[e2',
      'error[e3',
      'error[e4',
      'error[e5',
      'error[e6',
      'error[e7',
      'error[e8',
      'error[e9',
      'error: cannot find',
      'error: expected ',
      'error: unresolved',
      'error: mismatched',
      'error: this file contains an unclosed',
      'error: unknown start of token',
      'error: lifetime may not live long enough',
      'casting `&t` to `&mut t`',
      '`#[deny(',
      'ile_error!(',
      'detailed explanations',
      'rustc --explain e',
    ],
    cls: 'rust-compile',
    weight: 2,
    pattern:
      /^[\s│|>]*error\[E\d{4}\]|^[\s│|>]*error: (?:cannot find|expected |unresolved|mismatched|this file contains an unclosed|unknown start of token|lifetime may not live long enough|casting `&T` to `&mut T` is undefined behavior)|= note: `#\[deny\([\w:]+\)\]` on by default|^\s*\d+\s*\|\s*compile_error!\(|Some errors have detailed explanations: E(?!0463|0460|0514|0554|0658)\d{4}|try `rustc --explain E(?!0463|0460|0514|0554|0658)\d{4}`/,
  },
  // `could not compile … due to N previous errors`: rustc printed errors; only a hint alone.
  {
    id: 'rustc-previous-errors',
    keys: ['previous error', 'error: aborting due to'],
    cls: 'rust-compile',
    weight: 1,
    // Not for a build script (its link failed: cc, the linker) nor for leaf crates that hold no
    // user code (autocfg, syn, libc…): when those fail, the environment failed, and the cause is elsewhere.
    pattern:
      /error: could not compile `(?!(?:autocfg|proc-macro2|quote|syn|libc|cfg-if|version_check|unicode-ident|target-lexicon|serde|serde_derive|once_cell|memchr|typenum|generic-array|pkg-config|cc|shlex)`)[^`]+`(?! \(build script\)).* due to \d+ previous errors?|^\s*error: aborting due to (?:\d+ )?previous errors?/,
  },

  // Configuration problems reported by cargo or maturin themselves.
  {
    id: 'config',
    keys: [
      'unexpected argument',
      'failed to parse manifest',
      '.toml is invalid',
      'failed to parse',
      'own binding type',
      "doesn't mix well",
      "can't find",
      "couldn't find",
      'missing field',
      'could not find `cargo.toml`',
      'toml parse error',
      'failed to normalize',
      'pep 517 compliant',
      'invalid value',
      'unrecognized subcommand',
      'n field `',
      "which wasn't expected",
      'failed to load manifest for',
      'cargo.toml`',
      'links to the native library',
      'links value',
    ],
    cls: 'maturin-config',
    weight: 2,
    pattern:
      /error: unexpected argument '[^']+' found|failed to parse manifest at|pyproject\.toml is invalid|Failed to parse (?:pyproject\.toml|Cargo\.toml)|unknown binding type|doesn't mix well|(?:Can't|Couldn't) find (?:Cargo\.toml|pyproject\.toml)|could not find `Cargo\.toml`|missing field `[^`]+` in `?(?:project|tool)|TOML parse error|failed to normalize (?:python source|manifest) path|not PEP 517 compliant|error: invalid value '[^']*' for '-|error: unrecognized subcommand|unknown field `[^`]+`, expected|Found argument '[^']+' which wasn't expected|failed to load manifest for (?:workspace member|dependency)|failed to read `[^`]*Cargo\.toml`|links to the native library `[^`]+`, but it conflicts|may specify the same links value/i,
  },
];

/** Lines after which the build cannot succeed any more: cargo and maturin print these when they give up. */
export const FATAL_MARKERS =
  /error: failed to run custom build command for|^\s*error: could not compile `|maturin failed|warning: build failed, waiting for other jobs to finish|Cargo build finished with "exit status|error: linking with `|^error: [^\s].*|^docker: /;

/** Marks that the whole block of cargo's error output has been printed. */
export const BLOCK_END_MARKERS = /warning: build failed, waiting for other jobs to finish|maturin failed/;

/** maturin's own wrapper causes: they say a build failed, never why. */
export const MATURIN_WRAPPER_CAUSES =
  /Failed to build a native library through cargo|Failed to upload|failed to (?:create|open|write|read|remove|copy|rename) (?:file|dir|directory)|Cargo build finished with|Cargo metadata failed|`cargo metadata` exited with an error|Failed to build a (?:wheel|native library)|process didn't exit successfully|No such file or directory \(os error 2\)$/;

/**
 * Crate knowledge: which class a crate's own failure (its build script, its compile, its sources,
 * its symbols) belongs to. blst-ckzg, openssl, ring, libclang and python crates name their class
 * outright; a c-build crate's failure is c-build unless its own output proves a more specific cause
 * (librocksdb-sys failing to find libclang is libclang).
 */
export const CRATE_TABLE: readonly {cls: FailureClass; crates: readonly string[]}[] = [
  {cls: 'blst-ckzg', crates: ['blst', 'c-kzg', 'ckzg', 'c_kzg', 'c-kzg-4844', 'rust-kzg-blst']},
  {cls: 'openssl', crates: ['openssl-sys', 'openssl-src', 'openssl']},
  {cls: 'ring', crates: ['ring']},
  {cls: 'libclang', crates: ['clang-sys', 'bindgen']},
  {
    cls: 'python',
    crates: ['pyo3-build-config', 'pyo3-ffi', 'python3-dll-a', 'python3-sys', 'python27-sys'],
  },
  {
    cls: 'c-build',
    crates: [
      'sha3-asm',
      'sha2-asm',
      'zstd-sys',
      'libmimalloc-sys',
      'mimalloc',
      'blake3',
      'librocksdb-sys',
      'rocksdb',
      'libgit2-sys',
      'libz-sys',
      'libz-ng-sys',
      'bzip2-sys',
      'lz4-sys',
      'lzma-sys',
      'libsqlite3-sys',
      'secp256k1-sys',
      'tikv-jemalloc-sys',
      'jemalloc-sys',
      'snmalloc-sys',
      'libssh2-sys',
      'curl-sys',
      'aws-lc-sys',
      'aws-lc-fips-sys',
      'onig_sys',
      'miniz-sys',
      'freetype-sys',
      'libffi-sys',
      'protobuf-src',
      'rdkafka-sys',
      'mdbx-sys',
      'libmdbx',
      'hidapi',
      'cmake',
    ],
  },
];

const CRATE_CLASS = new Map(CRATE_TABLE.flatMap((e) => e.crates.map((c) => [c, e.cls] as const)));

/** The class a known crate's failure names, or undefined for a crate the table does not know. */
export function crateTableClass(crate: string): FailureClass | undefined {
  return CRATE_CLASS.get(crate);
}

/**
 * Substrings of the lines the classifier reads besides rule matches: cargo's crate failures,
 * maturin's and the runner's own lines, and error-ish build-script output.
 */
export const STRUCTURAL_KEYS: readonly string[] = [
  'custom build command',
  'could not compile',
  'rin failed',
  'caused by:',
  'exit status: 101',
  'ld failed',
  'failed with exit code',
  'process completed with exit code',
  'cargo build finished',
  'linking with',
  'docker: ',
  'not found',
  'undefined',
  'cannot find',
  'did not execute',
  'panicked at',
  // pip's and uv's `Building wheel for ckzg (pyproject.toml) did not run successfully`
  'wheel for ',
  'failed to build ',
  // npm's and Go's names for the package whose native build failed
  'npm err! path',
  '# github.com/',
  // the linker naming blst's or c-kzg's archive member (crate-tracker.ts)
  'libblst.a(',
  'libckzg.a(',
  'libc_kzg.a(',
];

/**
 * Crates whose build-script output alone can name a class (`warning: ring@0.17.8: …`). Not the
 * python crates: they report through their own errors, and `pyth`/`pyo3` start half the lines of a
 * maturin build, so scanning for their output would cost every build.
 */
const KNOWN_CRATES = CRATE_TABLE.filter((e) => e.cls !== 'c-build' && e.cls !== 'python').flatMap(
  (e) => e.crates,
);

/** Build-script output of the known crates. */
export const KNOWN_CRATE_OUTPUT = new RegExp(`warning: (?:${KNOWN_CRATES.join('|')})@`);

/** One string the log scanner looks for, and what a line holding it may be. */
export interface ScanKey {
  readonly key: string;
  /** Indexes into RULES of the rules this key belongs to. */
  readonly rules: readonly number[];
  /** A structural key: the line matters even when no rule matches it. */
  readonly structural: boolean;
  /** The known crate whose output this key marks. */
  readonly crate?: string;
}

function scanKeys(): ScanKey[] {
  const byKey = new Map<string, {key: string; rules: number[]; structural: boolean; crate?: string}>();
  const entry = (key: string) => {
    let e = byKey.get(key);
    if (!e) {
      e = {key, rules: [], structural: false};
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

/** Every key the scanner looks for; a line holding none of them is not read (see chunk-scanner.ts). */
export const SCAN_KEYS: readonly ScanKey[] = scanKeys();
