#!/usr/bin/env bash
# Re-runs the infrastructure probes (after scripts/setup.sh), as root. Prints one line per probe.
#   a  docker (stand-in manylinux, --network none) build of pyo3-pure  -> must succeed, manylinux_2_31 wheel
#   b  same for kzg-ext with CFLAGS=-std=gnu89 -> must fail in c-kzg's cc-rs build script
#      (raw log: scripts/probe-logs/kzg-gnu89-docker.log)
#   c  native host build of kzg-ext, pip install into a fresh venv, call it
#   d  native build of broken-rust -> error[E0308] (raw log: scripts/probe-logs/broken-rust.log)
#   e  as builder: root-owned output of a container, fixed by `docker run ... chown -R uid:gid DIR`
# Usage: scripts/probe.sh [a b c d e]   (default: all). Work dirs under ${PROBE_DIR:-/tmp/maturin-fallback-probe}.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIX="$REPO_ROOT/__tests__/fixtures"
LOGS="$REPO_ROOT/scripts/probe-logs"
IMAGE="${MATURIN_FALLBACK_IMAGE:-maturin-fallback/standin:bullseye}"
W="${PROBE_DIR:-/tmp/maturin-fallback-probe}"
export PATH="/root/.cargo/bin:/usr/local/bin:$PATH"
mkdir -p "$W" "$LOGS"
probes=("$@"); ((${#probes[@]})) || probes=(a b c d e)
fail=0
ok() { echo "[probe $1] OK   $2"; }
ko() { echo "[probe $1] FAIL $2"; fail=1; }

# docker_maturin <crate-dir> <target-dir> <out-dir> [extra docker args...]
# The whole contract of the container build: host toolchain sysroot (ro, same path, bin first on
# PATH, no rustup proxy), host static maturin (ro), host registry (ro) under a container CARGO_HOME,
# offline, separate CARGO_TARGET_DIR, no network.
docker_maturin() {
  local src=$1 target=$2 out=$3; shift 3
  local sysroot maturin_bin
  sysroot="$(rustc --print sysroot)"
  maturin_bin="$(readlink -f "$(command -v maturin)")"
  mkdir -p "$target" "$out"
  docker run --rm --network none \
    -v "$sysroot:$sysroot:ro" \
    -v "$maturin_bin:/usr/local/bin/maturin:ro" \
    -v "${CARGO_HOME:-$HOME/.cargo}/registry:/cargo-home/registry:ro" \
    -v "$src:/io:ro" -w /io \
    -v "$target:/target" -v "$out:/out" \
    -e CARGO_HOME=/cargo-home -e CARGO_NET_OFFLINE=true -e CARGO_TARGET_DIR=/target \
    -e "PATH=$sysroot/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "$@" "$IMAGE" maturin build --release --out /out
}

for p in "${probes[@]}"; do
  t=$(date +%s)
  case $p in
  a)
    rm -rf "$W/a"
    if docker_maturin "$FIX/pyo3-pure" "$W/a/target" "$W/a/out" >"$W/a.log" 2>&1 &&
      ls "$W"/a/out/pyo3_pure-0.1.0-cp39-abi3-manylinux_2_31_x86_64.whl >/dev/null 2>&1; then
      ok a "$(basename "$W"/a/out/*.whl) in $(($(date +%s) - t))s"
    else ko a "see $W/a.log"; fi ;;
  b)
    rm -rf "$W/b"
    if docker_maturin "$FIX/kzg-ext" "$W/b/target" "$W/b/out" -e CFLAGS=-std=gnu89 >"$LOGS/kzg-gnu89-docker.log" 2>&1; then
      ko b "kzg-ext built despite -std=gnu89"
    elif grep -q '^error: failed to run custom build command for `c-kzg' "$LOGS/kzg-gnu89-docker.log"; then
      ok b "failed as expected in $(($(date +%s) - t))s: $(grep -m1 '^error: failed to run custom build command' "$LOGS/kzg-gnu89-docker.log")"
    else ko b "failed, but not in c-kzg's build script; see $LOGS/kzg-gnu89-docker.log"; fi ;;
  c)
    rm -rf "$W/c"
    if (cd "$FIX/kzg-ext" && CARGO_TARGET_DIR="$W/c/target" maturin build --release --out "$W/c/out") >"$W/c.log" 2>&1 &&
      python3 -m venv "$W/c/venv" && "$W/c/venv/bin/pip" install -q "$W"/c/out/*.whl &&
      res=$("$W/c/venv/bin/python" -c 'import kzg_ext; h = kzg_ext.zero_blob_commitment_hex(); assert h == "c0" + "0" * 94, h; print(h[:6] + "...")'); then
      ok c "$(basename "$W"/c/out/*.whl) zero_blob_commitment_hex()=$res in $(($(date +%s) - t))s"
    else ko c "see $W/c.log"; fi ;;
  d)
    rm -rf "$W/d"
    if (cd "$FIX/broken-rust" && CARGO_TARGET_DIR="$W/d/target" maturin build --release --out "$W/d/out") >"$LOGS/broken-rust.log" 2>&1; then
      ko d "broken-rust built"
    elif grep -q 'error\[E0308\]' "$LOGS/broken-rust.log"; then
      ok d "error[E0308] in $(($(date +%s) - t))s"
    else ko d "failed without E0308; see $LOGS/broken-rust.log"; fi ;;
  e)
    D=/home/builder/probe-e
    out=$(runuser -u builder -- env -i $(cat /etc/maturin-fallback/builder.env) bash -c '
      D='"$D"'; I='"$IMAGE"'
      rm -rf "$D" && mkdir -p "$D"
      docker run --rm --network none -v "$D:$D" "$I" sh -c "mkdir $D/sub && echo hi > $D/sub/f"
      before=$(stat -c %u:%g "$D/sub/f")
      rm -rf "$D/sub" 2>/dev/null && echo "unexpected: could delete" && exit 1
      docker run --rm --network none -v "$D:$D" "$I" chown -R "$(id -u):$(id -g)" "$D"
      after=$(stat -c %u:%g "$D/sub/f")
      rm -rf "$D" && echo "owner before=$before after=$after, deletable after chown"') &&
      ok e "$out" || ko e "$out"
    ;;
  *) echo "unknown probe $p"; exit 2 ;;
  esac
done
exit $fail
