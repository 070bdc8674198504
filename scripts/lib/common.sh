# Shared helpers for the scripts in scripts/. Source it; do not run it.
#
# Everything slow that comes from outside the project (Debian source packages,
# the OpenSSL build for wasm, npm packages) is kept under $USERPOOL_CACHE,
# outside the checkout, keyed by version and options, so a second run or a
# fresh clone on the same machine reuses it.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
USERPOOL_CACHE=${USERPOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/userpool-sandbox}
export USERPOOL_CACHE

# Emscripten 3.1.6 (Debian) needs Debian's acorn module at link time, and
# node 18+ must not use its built-in fetch to load a .wasm from a file path
# (see the README's "Toolchain notes").
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

# Root runs apt-get directly; anyone else goes through sudo when it exists.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "'$*' needs root (run as root or install sudo)"
  fi
}

# Short, stable key for a set of build options: the cache folder name changes
# when the options do, so a changed option never reuses a stale build.
options_key() { printf '%s' "$*" | sha256sum | cut -c1-12; }
