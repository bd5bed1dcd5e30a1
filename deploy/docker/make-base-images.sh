#!/usr/bin/env bash
# Builds the local base images the gateway Dockerfiles can use instead of the
# official mcr.microsoft.com ones, without reaching any image registry:
#
#   local/debian:bookworm     debootstrap'ed minbase + the native libs .NET needs
#   local/dotnet-aspnet:10.0  + the host's shared runtimes (NETCore.App, AspNetCore.App)
#   local/dotnet-sdk:10.0     + the host's whole /usr/share/dotnet (SDK), able to restore from NuGet
#
# Idempotent: an image that already exists is not rebuilt (FORCE=1 rebuilds all;
# the .NET images are rebuilt when the host's SDK/runtime version changed),
# and the debootstrap'ed rootfs is cached as a tarball under $CACHE_DIR.
#
# Env knobs:
#   CACHE_DIR      (default /var/cache/gateway-docker)
#   DEBIAN_MIRROR  (default: read from the host's /etc/apt/sources.list{,.d/*})
#   DOTNET_HOST_ROOT (default: the directory of the host's `dotnet`, usually /usr/share/dotnet)
#   DEBIAN_IMAGE / ASPNET_IMAGE / SDK_IMAGE  image names (defaults above)
#   FORCE=1        rebuild the images (and the rootfs tarball) even if they exist
#   WITH_REDIS=1   also build local/redis:7 (Debian's redis-server) for docker-compose.yml
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_DIR="${CACHE_DIR:-/var/cache/gateway-docker}"
DEBIAN_IMAGE="${DEBIAN_IMAGE:-local/debian:bookworm}"
ASPNET_IMAGE="${ASPNET_IMAGE:-local/dotnet-aspnet:10.0}"
SDK_IMAGE="${SDK_IMAGE:-local/dotnet-sdk:10.0}"
REDIS_IMAGE="${REDIS_IMAGE:-local/redis:7}"
WITH_REDIS="${WITH_REDIS:-0}"
FORCE="${FORCE:-0}"
SUITE=bookworm
# Native dependencies of .NET on Debian 12 (see the official runtime-deps image)
# plus tzdata for TimeZoneInfo. libicu72 is kept so that the images also serve
# apps that do not run in invariant globalization mode.
INCLUDE_PKGS="ca-certificates,libc6,libgcc-s1,libstdc++6,libicu72,libssl3,zlib1g,tzdata"

log() { printf '[make-base-images] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# The legacy builder (no buildx plugin here) prints a deprecation banner on each build.
quiet_build() { docker build "$@" 2> >(grep -v -e 'DEPRECATED: The legacy builder' -e 'Install the buildx' -e 'docs.docker.com/go/buildx' -e '^[[:space:]]*$' >&2); }
# have_image NAME [VAR=VALUE]: the image exists (and its env has VAR=VALUE, so that
# an update of the host's .NET leads to a rebuild).
have_image() {
  [[ "$FORCE" != 1 ]] || return 1
  docker image inspect "$1" >/dev/null 2>&1 || return 1
  [[ -z "${2:-}" ]] || docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$1" | grep -qxF "$2"
}

[[ $EUID -eq 0 ]] || die "must run as root (debootstrap, chroot)"
docker info >/dev/null 2>&1 || die "no Docker engine reachable (start dockerd first, see smoke-test.sh)"

# --- the host's Debian mirror ------------------------------------------------
detect_mirror() {
  local f uri
  # deb822 .sources files: first URIs of a stanza whose Suites has "$SUITE" (not -security)
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    uri="$(awk -v suite="$SUITE" '
      /^[[:space:]]*#/ { next }
      /^[[:space:]]*$/ { if (u != "" && s) { print u; exit } u=""; s=0; next }
      tolower($1) == "uris:"   { u=$2 }
      tolower($1) == "suites:" { for (i=2;i<=NF;i++) if ($i == suite) s=1 }
      END { if (u != "" && s) print u }' "$f" | head -n1)"
    [[ -n $uri ]] && { echo "$uri"; return; }
  done
  # one-line format
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] || continue
    uri="$(awk -v suite="$SUITE" '$1=="deb" { i=2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i+1)==suite) { print $i; exit } }' "$f")"
    [[ -n $uri ]] && { echo "$uri"; return; }
  done
  echo "http://deb.debian.org/debian"
}
MIRROR="${DEBIAN_MIRROR:-$(detect_mirror)}"
MIRROR="${MIRROR%/}"
# Security mirror: same host layout as deb.debian.org (…/debian -> …/debian-security)
SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-${MIRROR%/debian}/debian-security}"

# --- .NET on the host ----------------------------------------------------------
if [[ -z "${DOTNET_HOST_ROOT:-}" ]]; then
  dn="$(command -v dotnet || true)"
  [[ -n $dn ]] || die "dotnet not found on the host"
  DOTNET_HOST_ROOT="$(dirname "$(readlink -f "$dn")")"
fi
[[ -d "$DOTNET_HOST_ROOT/shared/Microsoft.AspNetCore.App" ]] || die "$DOTNET_HOST_ROOT has no ASP.NET Core shared runtime"

mkdir -p "$CACHE_DIR"

# --- 1. local/debian:bookworm -------------------------------------------------
build_debian() {
  local key tarball work
  key="$(printf '%s|%s|%s|%s' "$SUITE" "$MIRROR" "$INCLUDE_PKGS" v1 | sha256sum | cut -c1-12)"
  tarball="$CACHE_DIR/debian-$SUITE-minbase-$key.tar"
  if [[ -s $tarball && $FORCE != 1 ]]; then
    log "rootfs: using cached $tarball"
  else
    command -v debootstrap >/dev/null 2>&1 || {
      log "installing debootstrap"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }
    }
    work="$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")"
    # shellcheck disable=SC2064
    trap "umount -l '$work/proc' 2>/dev/null || true; rm -rf '$work'" EXIT
    log "rootfs: debootstrap --variant=minbase $SUITE from $MIRROR (a minute or two)"
    debootstrap --variant=minbase --include="$INCLUDE_PKGS" "$SUITE" "$work" "$MIRROR" \
      > "$CACHE_DIR/debootstrap.log" 2>&1 || { tail -n 30 "$CACHE_DIR/debootstrap.log" >&2; die "debootstrap failed (log: $CACHE_DIR/debootstrap.log)"; }

    # Apt sources of the image: the same mirror, with updates and security.
    cat > "$work/etc/apt/sources.list" <<SRC
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
SRC
    # Pull the point-release/security updates (libssl3 etc.) in the chroot,
    # resolving names the way the host does.
    cp /etc/resolv.conf "$work/etc/resolv.conf"; cp /etc/hosts "$work/etc/hosts"
    mount -t proc proc "$work/proc"
    log "rootfs: apt-get upgrade (updates + security)"
    if ! chroot "$work" /bin/sh -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get -y -qq -o Dpkg::Options::=--force-confold dist-upgrade' \
        > "$CACHE_DIR/chroot-upgrade.log" 2>&1; then
      tail -n 20 "$CACHE_DIR/chroot-upgrade.log" >&2
      log "WARNING: upgrade in the chroot failed; keeping the base $SUITE packages"
    fi
    umount "$work/proc"
    # Slim down and neutralise host-specific files (docker provides hosts/resolv.conf).
    chroot "$work" apt-get clean
    rm -rf "$work"/var/lib/apt/lists/* "$work"/var/cache/apt/*.bin "$work"/var/log/*.log \
           "$work"/usr/share/doc/* "$work"/usr/share/man/* "$work"/usr/share/info/* \
           "$work"/usr/share/locale/* "$work"/tmp/* "$work"/var/tmp/*
    : > "$work/etc/resolv.conf"
    printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$work/etc/hosts"
    echo gateway > "$work/etc/hostname"
    tar -C "$work" --numeric-owner -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    rm -rf "$work"; trap - EXIT
    log "rootfs: cached as $tarball ($(du -h "$tarball" | cut -f1))"
  fi
  log "importing $DEBIAN_IMAGE"
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' \
    --message "debootstrap --variant=minbase $SUITE ($MIRROR)" \
    "$tarball" "$DEBIAN_IMAGE" >/dev/null
}

if have_image "$DEBIAN_IMAGE"; then log "$DEBIAN_IMAGE exists"; else build_debian; fi

# --- 2. local/dotnet-aspnet:10.0 ----------------------------------------------
ver="$(ls "$DOTNET_HOST_ROOT/shared/Microsoft.AspNetCore.App" | sort -V | tail -n1)"
if have_image "$ASPNET_IMAGE" "ASPNET_VERSION=$ver"; then
  log "$ASPNET_IMAGE exists (ASP.NET Core $ver)"
else
  ctx="$(mktemp -d "$CACHE_DIR/aspnet-ctx.XXXXXX")"
  log "building $ASPNET_IMAGE from the host's shared runtimes ($DOTNET_HOST_ROOT)"
  mkdir -p "$ctx/dotnet/shared"
  cp -a "$DOTNET_HOST_ROOT/dotnet" "$DOTNET_HOST_ROOT/host" "$ctx/dotnet/"
  cp -a "$DOTNET_HOST_ROOT"/LICENSE.txt "$DOTNET_HOST_ROOT"/ThirdPartyNotices.txt "$ctx/dotnet/" 2>/dev/null || true
  cp -a "$DOTNET_HOST_ROOT/shared/Microsoft.NETCore.App" "$DOTNET_HOST_ROOT/shared/Microsoft.AspNetCore.App" "$ctx/dotnet/shared/"
  quiet_build --network host -q \
    --build-arg BASE_IMAGE="$DEBIAN_IMAGE" --build-arg ASPNET_VERSION="$ver" \
    -f "$here/base/aspnet.Dockerfile" -t "$ASPNET_IMAGE" "$ctx" >/dev/null \
    || { rm -rf "$ctx"; die "building $ASPNET_IMAGE failed"; }
  rm -rf "$ctx"
fi

# --- 3. local/dotnet-sdk:10.0 ---------------------------------------------------
sdkver="$(ls "$DOTNET_HOST_ROOT/sdk" | sort -V | tail -n1)"
if have_image "$SDK_IMAGE" "SDK_VERSION=$sdkver"; then
  log "$SDK_IMAGE exists (SDK $sdkver)"
else
  ctx="$(mktemp -d "$CACHE_DIR/sdk-ctx.XXXXXX")"
  log "building $SDK_IMAGE from the host's SDK ($DOTNET_HOST_ROOT, ~600 MB)"
  # Hard links when /var/cache and the SDK share a filesystem (instant), copy otherwise.
  cp -al "$DOTNET_HOST_ROOT" "$ctx/dotnet" 2>/dev/null || { rm -rf "$ctx/dotnet"; cp -a "$DOTNET_HOST_ROOT" "$ctx/dotnet"; }
  # Extra CAs the host trusts (e.g. a TLS-intercepting egress proxy in front of
  # NuGet): without them `dotnet restore` in the container fails with
  # UntrustedRoot. Only the SDK (build) image gets them, never the runtime one.
  mkdir -p "$ctx/extra-ca"
  cp /usr/local/share/ca-certificates/*.crt "$ctx/extra-ca/" 2>/dev/null || true
  # NuGet settings the host uses (sources/mirrors); a default one otherwise.
  mkdir -p "$ctx/nuget"
  for f in "${HOME:-/root}/.nuget/NuGet/NuGet.Config" /root/.nuget/NuGet/NuGet.Config; do
    [[ -f $f ]] && { cp "$f" "$ctx/nuget/NuGet.Config"; break; }
  done
  [[ -f "$ctx/nuget/NuGet.Config" ]] || cat > "$ctx/nuget/NuGet.Config" <<'CFG'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
CFG
  quiet_build --network host -q \
    --build-arg BASE_IMAGE="$DEBIAN_IMAGE" --build-arg SDK_VERSION="$sdkver" \
    --build-arg NUGET_CERT_REVOCATION_MODE="${NUGET_CERT_REVOCATION_MODE:-}" \
    -f "$here/base/sdk.Dockerfile" -t "$SDK_IMAGE" "$ctx" >/dev/null \
    || { rm -rf "$ctx"; die "building $SDK_IMAGE failed"; }
  rm -rf "$ctx"
fi

# --- 4. local/redis:7 (optional) ----------------------------------------------
if [[ $WITH_REDIS == 1 ]]; then
  if have_image "$REDIS_IMAGE"; then
    log "$REDIS_IMAGE exists"
  else
    log "building $REDIS_IMAGE (Debian's redis-server)"
    quiet_build --network host -q --build-arg BASE_IMAGE="$DEBIAN_IMAGE" \
      -f "$here/base/redis.Dockerfile" -t "$REDIS_IMAGE" "$here/base" >/dev/null \
      || die "building $REDIS_IMAGE failed"
  fi
fi

docker image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -E "^(${DEBIAN_IMAGE}|${ASPNET_IMAGE}|${SDK_IMAGE}|${REDIS_IMAGE})\b" >&2 || true
log "done"
