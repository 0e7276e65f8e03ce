/**
 * Host variables forwarded into build containers: only what changes how code compiles.
 * Tokens and the runner's own GITHUB_ and ACTIONS_ variables never pass unless the user names them
 * in docker-options (`-e NAME`), because the images are third-party code.
 */
const BUILD_VARIABLE =
  /^(?:CARGO_(?!HOME$|TARGET_DIR$|BUILD_TARGET_DIR$)\w+|RUSTFLAGS|RUSTDOCFLAGS|RUST_BACKTRACE|RUST_LOG|(?:HOST_|TARGET_)?(?:CC|CXX|AR|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS)(?:_\w+)?|CMAKE_\w+|PKG_CONFIG\w*|(?:\w+_)?OPENSSL_\w+|BINDGEN_\w+|LIBCLANG_PATH|MATURIN_\w+|PYO3_\w+|JEMALLOC_\w+|SOURCE_DATE_EPOCH|ARCHFLAGS|_PYTHON_SYSCONFIGDATA_NAME|CI)$/;
const SECRET = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY|^GITHUB_|^ACTIONS_/i;

/** The names of host variables to pass with `-e NAME` (the value then comes from the docker CLI's env). */
export function forwardedEnvNames(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((name) => env[name] !== undefined && BUILD_VARIABLE.test(name) && !SECRET.test(name))
    .sort();
}
