#!/usr/bin/env bash
# Builds the Pulumi YAML language host (`pulumi-language-yaml`) from Go modules, once per machine.
#
# Why: YAML programs (and `pulumi import`/`convert` of them) need this host next to the CLI, and
# this project must run on machines that reach only package registries, like install-pulumi.sh.
# It has its own cache folder and bin, keyed by its own version, so adding or upgrading it never
# rebuilds the cached CLI; setup.mjs records the folder and scripts/pulumi-env.mjs puts it on PATH.
#
# Version: github.com/pulumi/pulumi-yaml at YAML_VERSION (a tagged module the proxy serves); its own
# go.mod picks the Pulumi SDK it compiles against, independent of the CLI build.
#
# Prints the bin directory on stdout; progress goes to stderr.
set -euo pipefail

YAML_VERSION="${PULUMI_YAML_VERSION:-v1.25.0}"
CACHE="${DOMAINSRESELLER_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-domainsreseller}"
ROOT="$CACHE/pulumi-language-yaml-$YAML_VERSION"
BIN="$ROOT/bin"

log() { printf 'install-pulumi-yaml: %s\n' "$*" >&2; }

if [ -x "$BIN/pulumi-language-yaml" ]; then
  echo "$BIN"
  exit 0
fi
if [ "${1:-}" = "--cached-only" ]; then
  exit 1
fi

# Same lock as install-pulumi.sh: two Go builds at once on 2 cores only make both slower, and two
# setups must not build into, then delete, each other's folders.
mkdir -p "$CACHE"
if command -v flock >/dev/null; then
  exec 9>"$CACHE/.install.lock"
  if ! flock -n 9; then
    log "another setup is building a Pulumi tool; waiting for it"
    flock 9
  fi
  if [ -x "$BIN/pulumi-language-yaml" ]; then
    echo "$BIN"
    exit 0
  fi
fi

command -v go >/dev/null || { log "Go is required to build the YAML language host (install golang, 1.22 or newer)."; exit 1; }
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

work="$ROOT.partial"
rm -rf "$work" && mkdir -p "$work/src" "$work/bin"
started=$(date +%s)

log "building the YAML language host $YAML_VERSION from Go modules (cold: about 2 minutes on 2 cores; later runs reuse the cache)"
cat > "$work/src/go.mod" <<MOD
module local.invalid/pulumi-language-yaml-build

go 1.22
MOD
(cd "$work/src" \
  && go get "github.com/pulumi/pulumi-yaml@$YAML_VERSION" >&2 \
  && printf 'package tools\n\nimport _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"\n' > tools.go \
  && go mod tidy >&2)

(cd "$work/src" && go build -trimpath -tags osusergo \
   -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$YAML_VERSION" \
   -o "$work/bin/" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml >&2) &
pid=$!
# The compile prints nothing for minutes; say it is alive, so nobody kills a healthy first run.
while kill -0 "$pid" 2>/dev/null; do
  sleep 5
  waited=$(( $(date +%s) - started ))
  if kill -0 "$pid" 2>/dev/null && [ $(( waited % 30 )) -lt 5 ] && [ "$waited" -ge 30 ]; then
    log "still compiling ($waited s so far)"
  fi
done
wait "$pid"

rm -rf "$ROOT" && mkdir -p "$ROOT" && mv "$work/bin" "$BIN" && rm -rf "$work"
log "done in $(( $(date +%s) - started ))s"
echo "$BIN"
