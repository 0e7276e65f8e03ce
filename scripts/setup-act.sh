#!/usr/bin/env bash
# Installs nektos/act (the local GitHub Actions runner) from the Go module proxy.
# Idempotent: skips when `act --version` already works.
set -euo pipefail
ACT_VERSION="${ACT_VERSION:-v0.2.87}"
GOBIN_DIR="${GOBIN_DIR:-/usr/local/bin}"
export PATH="/usr/local/go/bin:$PATH"

if command -v act >/dev/null 2>&1 && act --version >/dev/null 2>&1; then
  echo "[setup-act] already installed: $(act --version)"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "[setup-act] go not found; installing golang-go from apt"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >/dev/null
fi
echo "[setup-act] go install github.com/nektos/act@${ACT_VERSION} (GOBIN=${GOBIN_DIR}); this downloads many modules"
start=$(date +%s)
# GOTOOLCHAIN=auto lets an old go fetch the toolchain act's go.mod asks for (from the Go proxy).
GOBIN="$GOBIN_DIR" GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" GOFLAGS="${GOFLAGS:--buildvcs=false}" \
  go install "github.com/nektos/act@${ACT_VERSION}"
echo "[setup-act] done in $(( $(date +%s) - start ))s: $("$GOBIN_DIR/act" --version)"
