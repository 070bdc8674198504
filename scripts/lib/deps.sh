# Third-party set-up, one idempotent function per dependency. Source after
# common.sh. Each function checks first and does nothing when its result is
# already in place, so a second run downloads and builds nothing.

# Debian packages the build, the tests and the served app need. Commands that
# this machine may have from elsewhere (node, npm) are checked by command.
APT_PACKAGES=(
  cmake ninja-build g++ ccache pkg-config dpkg-dev libssl-dev
  emscripten nlohmann-json3-dev catch2 libexpected-dev libcpp-httplib-dev
  awscli python3-boto3 xmlsec1
  chromium fonts-noto-core fonts-dejavu-core python3-fonttools
)

ensure_apt_packages() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    # A fresh machine may have no or stale package lists.
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# `apt-get source` needs a deb-src entry, which a fresh machine lacks. The
# entry is made as a twin of the machine's own bookworm entry (same mirror,
# components and keyring) rather than from an address written here.
SRC_LIST=/etc/apt/sources.list.d/userpool-sandbox-src.sources

have_deb_src() {
  grep -rqsE '^[[:space:]]*(Types:.*deb-src|deb-src[[:space:]])' /etc/apt/sources.list /etc/apt/sources.list.d/
}

ensure_deb_src() {
  have_deb_src && return 0
  local entry
  # deb822 files: the first stanza of Types "deb" whose first suite is bookworm.
  entry=$(awk '
    function flush() {
      if (types ~ /(^| )deb( |$)/ && suites ~ /^bookworm( |$)/ && !done) {
        printf "Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: %s\n", uris, comps
        if (key != "") printf "Signed-By: %s\n", key
        done = 1
      }
      types = uris = suites = comps = key = ""
    }
    /^[[:space:]]*#/ { next }
    /^[[:space:]]*$/ { flush(); next }
    { v = $0; sub(/^[^:]*:[[:space:]]*/, "", v) }
    /^Types:/ { types = v } /^URIs:/ { uris = v } /^Suites:/ { suites = v }
    /^Components:/ { comps = v } /^Signed-By:/ { key = v }
    END { flush() }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [ -n "$entry" ]; then
    log "adding a deb-src entry for bookworm ($SRC_LIST)"
    printf '%s\n' "$entry" | as_root tee "$SRC_LIST" >/dev/null
  else
    # One-line format: copy the first "deb <uri> bookworm ..." line.
    local line
    line=$(grep -hE '^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[^[:space:]]+[[:space:]]+bookworm[[:space:]]' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n 1 || true)
    [ -n "$line" ] || die "no Debian bookworm entry found in /etc/apt to make a deb-src entry from"
    log "adding a deb-src entry for bookworm (/etc/apt/sources.list.d/userpool-sandbox-src.list)"
    printf '%s\n' "${line/deb/deb-src}" | as_root tee /etc/apt/sources.list.d/userpool-sandbox-src.list >/dev/null
  fi
  as_root apt-get update -q
}

# Version of the source package apt would fetch (its epoch included, as
# `apt-get source name=version` wants it), read from the local package lists.
source_version() {
  local version
  version=$(apt-cache showsrc "$1" 2>/dev/null | awk '/^Version:/ { print $2; exit }')
  [ -n "$version" ] || die "apt has no source package '$1' (is there a deb-src entry?)"
  printf '%s\n' "$version"
}

# Unpacks a Debian source package into $dest (once).
fetch_source_package() {
  local name=$1 version=$2 dest=$3 work
  work=$(mktemp -d "$USERPOOL_CACHE/tmp.XXXXXX")
  log "downloading Debian source package $name $version"
  # As root, apt warns that its unprivileged sandbox user cannot read the cache.
  local sandbox=()
  [ "$(id -u)" -eq 0 ] && sandbox=(-o APT::Sandbox::User=root)
  (cd "$work" && apt-get source -qq "${sandbox[@]}" "$name=$version" >/dev/null)
  local dir
  dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [ -n "$dir" ] || die "apt-get source $name unpacked nothing"
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest"
  mv "$dir" "$dest"
  rm -rf "$work"
}

# Points $1/current at $2 (the version folder the build should use).
select_current() { ln -sfn "$2" "$1/current"; }

# A Debian source package unpacked into $USERPOOL_CACHE/<name>/<version>,
# with <name>/current pointing at it; `marker` is a file it must contain.
ensure_source_package() {
  local name=$1 marker=$2 base=$USERPOOL_CACHE/$1
  if [ -f "$base/current/$marker" ] && [ -z "${USERPOOL_REFRESH:-}" ]; then return 0; fi
  ensure_deb_src
  local version
  version=$(source_version "$name")
  if [ ! -f "$base/$version/$marker" ]; then
    fetch_source_package "$name" "$version" "$base/$version"
  fi
  select_current "$base" "$version"
}

# Dear ImGui from Debian's source package (the binary package has no backends).
ensure_imgui() { ensure_source_package imgui imgui.cpp; }

# pugixml and zlib from Debian's source packages: the SAML code compiles
# them into both builds (the binary packages have no wasm). pugixml reads
# and writes the XML; zlib deflates the SAML request the HTTP-Redirect
# binding carries, and inflates it at the simulated provider.
ensure_pugixml() { ensure_source_package pugixml src/pugixml.cpp; }
ensure_zlib() { ensure_source_package zlib inflate.c; }

# OpenSSL 3.0 libcrypto for wasm32, built with emcc from Debian's source
# package. Seeded from /dev/urandom, which Emscripten backs with
# crypto.getRandomValues in a browser and node's crypto under node; the
# getrandom seed source builds but fails at run time.
OPENSSL_WASM_OPTIONS=(
  linux-generic32 no-asm no-threads no-shared no-dso no-engine no-sock
  no-ui-console no-tests no-afalgeng no-async no-secure-memory -static
  --with-rand-seed=devrandom
  # What a user pool never needs: halves the build time and the archive.
  no-legacy no-deprecated no-des no-rc2 no-rc4 no-rc5 no-idea no-camellia
  no-seed no-cast no-md4 no-mdc2 no-whirlpool no-bf no-cms no-ts no-ocsp
  no-ct no-srp no-sm2 no-sm3 no-sm4 no-aria no-blake2 no-siphash no-gost
  no-cmp no-comp no-dgram no-srtp no-psk no-ssl3 no-tls1 no-tls1_1 no-dtls
  no-ocb no-scrypt no-poly1305 no-chacha no-dsa no-dh
)

ensure_openssl_wasm() {
  local base=$USERPOOL_CACHE/openssl-wasm
  if [ -f "$base/current/lib/libcrypto.a" ] && [ -z "${USERPOOL_REFRESH:-}" ]; then return 0; fi
  ensure_deb_src
  local version key dest
  version=$(source_version openssl)
  key=$(options_key "$(emcc --version | head -n 1)" "${OPENSSL_WASM_OPTIONS[*]}")
  dest=$base/$version-$key
  if [ ! -f "$dest/lib/libcrypto.a" ]; then
    local src=$USERPOOL_CACHE/src/openssl-$version
    [ -f "$src/Configure" ] || fetch_source_package openssl "$version" "$src"
    local build
    build=$(mktemp -d "$USERPOOL_CACHE/tmp.XXXXXX")
    cp -a "$src/." "$build/"
    log "building OpenSSL $version libcrypto for wasm32 (about 6 minutes on 2 cores, once per machine)"
    (
      cd "$build"
      # Not through emconfigure: it would double the compiler name.
      ./Configure "${OPENSSL_WASM_OPTIONS[@]}" CC=emcc CXX=em++ AR=emar RANLIB=emranlib >configure.log 2>&1 ||
        { tail -n 30 configure.log >&2; exit 1; }
      make -j"$(nproc)" build_generated libcrypto.a >make.log 2>&1 ||
        { tail -n 30 make.log >&2; exit 1; }
    ) || die "the OpenSSL wasm build failed (log kept in $build)"
    rm -rf "$dest.partial"
    mkdir -p "$dest.partial/lib" "$dest.partial/include"
    cp "$build/libcrypto.a" "$dest.partial/lib/"
    cp -r "$build/include/openssl" "$dest.partial/include/"
    printf '%s\n' "${OPENSSL_WASM_OPTIONS[@]}" >"$dest.partial/options.txt"
    mv "$dest.partial" "$dest"
    rm -rf "$build"
  fi
  select_current "$base" "$(basename "$dest")"
}

# npm packages for the browser and conformance tests, installed from the
# checked-in package-lock.json into a folder keyed by the lock's hash and
# linked into the checkout as node_modules.
ensure_npm_packages() {
  local key dest
  key=$(sha256sum "$ROOT/package-lock.json" | cut -c1-12)
  dest=$USERPOOL_CACHE/npm/$key
  if [ ! -f "$dest/.installed" ]; then
    log "installing npm packages from package-lock.json"
    rm -rf "$dest"
    mkdir -p "$dest"
    cp "$ROOT/package.json" "$ROOT/package-lock.json" "$dest/"
    (cd "$dest" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null) ||
      die "npm ci failed"
    touch "$dest/.installed"
  fi
  if [ "$(readlink "$ROOT/node_modules" 2>/dev/null)" != "$dest/node_modules" ]; then
    rm -rf "$ROOT/node_modules"
    ln -s "$dest/node_modules" "$ROOT/node_modules"
  fi
}

# cognito-local 5.3.0, the peer emulator the endpoint benchmark compares
# against (scripts/bench only; not a dependency of the app or the tests).
COGNITO_LOCAL_VERSION=5.3.0
ensure_cognito_local() {
  local dest=$USERPOOL_CACHE/bench/cognito-local-$COGNITO_LOCAL_VERSION
  [ -f "$dest/.installed" ] && return 0
  log "installing cognito-local $COGNITO_LOCAL_VERSION for the benchmark"
  rm -rf "$dest"
  mkdir -p "$dest"
  printf '{"private": true}\n' >"$dest/package.json"
  (cd "$dest" && npm install --no-audit --no-fund --loglevel=error "cognito-local@$COGNITO_LOCAL_VERSION" >/dev/null) ||
    die "npm install cognito-local failed"
  touch "$dest/.installed"
}

ensure_all_deps() {
  mkdir -p "$USERPOOL_CACHE"
  ensure_apt_packages
  ensure_imgui
  ensure_pugixml
  ensure_zlib
  ensure_openssl_wasm
  ensure_npm_packages
}
