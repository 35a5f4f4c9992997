#!/usr/bin/env bash
# Builds the Pulumi CLI and its Node.js language host from Go modules, once per machine.
#
# Why build: this project must run on machines that reach only package registries, so the
# usual binary download is not an option. The result is cached outside the repository
# (default ~/.cache/pulumi-domainsreseller) and reused by every later run; a warm call is instant.
#
# Versions:
# - CLI: pkg/v3 at PULUMI_VERSION, matching the @pulumi/pulumi SDK pinned in package.json
#   (3.248.0 is the newest SDK whose engines field still accepts Node.js 20).
# - Language host: the Node.js host lives in its own untagged Go module since v3.69, which the
#   module proxy does not serve; v3.68.0 is the newest release that carries it inside sdk/v3.
#   The host only launches `node @pulumi/pulumi/cmd/run` and answers plugin queries; the engine,
#   the SDK and the dynamic-provider plugin are all current.
#
# Prints the bin directory on stdout; progress goes to stderr.
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-v3.248.0}"
LANGUAGE_HOST_VERSION="${PULUMI_LANGUAGE_HOST_VERSION:-v3.68.0}"
CACHE="${DOMAINSRESELLER_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-domainsreseller}"
ROOT="$CACHE/pulumi-$PULUMI_VERSION-host-$LANGUAGE_HOST_VERSION"
BIN="$ROOT/bin"

log() { printf 'install-pulumi: %s\n' "$*" >&2; }

if [ -x "$BIN/pulumi" ] && [ -x "$BIN/pulumi-language-nodejs" ]; then
  echo "$BIN"
  exit 0
fi
if [ "${1:-}" = "--cached-only" ]; then
  exit 1
fi

# Two setups at once (two terminals, parallel CI jobs on one runner) must not build into, and
# then delete, each other's folders: the second waits for the first and reuses its build.
mkdir -p "$CACHE"
if command -v flock >/dev/null; then
  exec 9>"$CACHE/.install.lock"
  if ! flock -n 9; then
    log "another setup is building the Pulumi CLI; waiting for it"
    flock 9
  fi
  if [ -x "$BIN/pulumi" ] && [ -x "$BIN/pulumi-language-nodejs" ]; then
    echo "$BIN"
    exit 0
  fi
fi

command -v go >/dev/null || { log "Go is required to build the Pulumi CLI (install golang, 1.22 or newer)."; exit 1; }
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod

build() { # build <dir> <version-ldflag-package> <out> <package...>
  local dir="$1" version_pkg="$2" out="$3"; shift 3
  (cd "$dir" && go build -trimpath -tags osusergo \
     -ldflags "-s -w -X $version_pkg.Version=$PULUMI_VERSION" -o "$out" "$@") &
  local pid=$! since; since=$(date +%s)
  # The compile prints nothing for minutes; say it is alive, so nobody kills a healthy first run.
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    local waited=$(( $(date +%s) - since ))
    if kill -0 "$pid" 2>/dev/null && [ $(( waited % 30 )) -lt 5 ] && [ "$waited" -ge 30 ]; then
      log "still compiling ($waited s so far; $(( $(date +%s) - started )) s in all)"
    fi
  done
  wait "$pid"
}

work="$ROOT.partial"
rm -rf "$work" && mkdir -p "$work/cli" "$work/host" "$work/bin"
started=$(date +%s)

log "building the Pulumi CLI $PULUMI_VERSION from Go modules (cold: about 5 minutes on 2 cores; later runs reuse the cache)"
cat > "$work/cli/go.mod" <<MOD
module local.invalid/pulumi-cli-build

go 1.22
MOD
(cd "$work/cli" \
  && go get "github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" "github.com/pulumi/pulumi/sdk/v3@$PULUMI_VERSION" >&2 \
  && printf 'package tools\n\nimport _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"\n' > tools.go \
  && go mod tidy >&2)
build "$work/cli" github.com/pulumi/pulumi/sdk/v3/go/common/version "$work/bin/" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2

log "building the Node.js language host from sdk/v3 $LANGUAGE_HOST_VERSION"
cat > "$work/host/go.mod" <<MOD
module local.invalid/pulumi-language-host-build

go 1.22
MOD
(cd "$work/host" \
  && go get "github.com/pulumi/pulumi/sdk/v3@$LANGUAGE_HOST_VERSION" >&2 \
  && printf 'package tools\n\nimport _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"\n' > tools.go \
  && go mod tidy >&2)
build "$work/host" github.com/pulumi/pulumi/sdk/v3/go/common/version "$work/bin/" \
  github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs >&2

rm -rf "$ROOT" && mkdir -p "$ROOT" && mv "$work/bin" "$BIN" && rm -rf "$work"
log "done in $(( $(date +%s) - started ))s: $("$BIN/pulumi" version 2>/dev/null)"
echo "$BIN"
