#!/bin/sh
# Builds the Linux and Windows packages (scripts/package.sh) and checks them:
# the Linux archive holds the binary, its .desktop entry and icon, and the
# binary prints this build's version; parley.exe is a 64-bit PE file for the
# Windows GUI subsystem (no console window) carrying the same version.
# Usage: scripts/package-check.sh [OUTDIR]   (default dist/; needs Debian's
# xz-utils and gcc-mingw-w64-x86-64, see scripts/deps.sh package).
# PACKAGE_TARGETS="linux" (or "windows") builds and checks one package only;
# the default is both.
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
outdir="${1:-$root/dist}"
VERSION="${VERSION:-$(sed -n 's/^[[:space:]]*Version *= *"\(.*\)"/\1/p' "$root/FyneApp.toml")}"
COMMIT="${COMMIT:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)}"
DATE="${DATE:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}"
export VERSION COMMIT DATE

fail() { echo "package-check: $*" >&2; exit 1; }
now() { date +%s; }

arch="${GOARCH:-$("${GO:-go}" env GOARCH)}"
tarball="$outdir/parley-linux-$arch.tar.xz"
exe="$outdir/parley.exe"
rm -f "$tarball" "$exe"

targets="${PACKAGE_TARGETS:-linux windows}"
want() { case " $targets " in *" $1 "*) return 0 ;; esac; return 1; }
byte() { od -An -tu1 -j "$2" -N 1 "$1" | tr -d ' '; }
u16() { echo $(( $(byte "$1" "$2") + 256 * $(byte "$1" $(($2 + 1))) )); }
u32() { echo $(( $(u16 "$1" "$2") + 65536 * $(u16 "$1" $(($2 + 2))) )); }
size() { wc -c <"$1" | tr -d ' '; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/parley-package-check.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
report=""

if want linux; then
  t0=$(now)
  "$root/scripts/package.sh" linux "$outdir"
  t1=$(now)
  # Extract into a fresh folder and run the binary.
  [ -s "$tarball" ] || fail "$tarball is missing or empty"
  tar -xJf "$tarball" -C "$tmp"
  bin="$(find "$tmp" -path '*/bin/parley' -type f)"
  [ -n "$bin" ] && [ -x "$bin" ] || fail "no executable bin/parley in $tarball"
  desktop="$(find "$tmp" -name 'ca.parley.planner.desktop' -type f)"
  [ -n "$desktop" ] || fail "no ca.parley.planner.desktop in $tarball"
  grep -qx 'Exec=parley' "$desktop" || fail "$desktop does not run parley"
  grep -qx 'Icon=ca.parley.planner' "$desktop" || fail "$desktop names no icon"
  [ -s "$(find "$tmp" -name 'ca.parley.planner.png' -type f)" ] || fail "no icon ca.parley.planner.png in $tarball"
  out="$(HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" "$bin" version)" || fail "parley version failed"
  printf '%s\n' "$out"
  printf '%s\n' "$out" | grep -qx "parley $VERSION" || fail "parley version does not print version $VERSION"
  printf '%s\n' "$out" | grep -qx "commit: $COMMIT" || fail "parley version does not print commit $COMMIT"
  printf '%s\n' "$out" | grep -qx "built: $DATE" || fail "parley version does not print date $DATE"
  report="$report
  $tarball: $(size "$tarball") bytes, built in $((t1 - t0)) s (binary $(size "$bin") bytes)"
fi

if want windows; then
  t0=$(now)
  "$root/scripts/package.sh" windows "$outdir"
  t1=$(now)
  # Read the PE header (little-endian fields).
  [ -s "$exe" ] || fail "$exe is missing or empty"
  [ "$(u16 "$exe" 0)" = 23117 ] || fail "$exe does not start with MZ"
  pe=$(u32 "$exe" 60)
  [ "$(u32 "$exe" "$pe")" = 17744 ] || fail "$exe has no PE signature"
  [ "$(u16 "$exe" $((pe + 4)))" = 34404 ] || fail "$exe is not for x86-64"
  [ "$(u16 "$exe" $((pe + 24)))" = 523 ] || fail "$exe is not PE32+"
  subsystem=$(u16 "$exe" $((pe + 92)))
  [ "$subsystem" = 2 ] || fail "$exe has subsystem $subsystem, want 2 (Windows GUI: no console window)"
  grep -aq "$COMMIT" "$exe" || fail "$exe does not carry commit $COMMIT"
  grep -aq "$DATE" "$exe" || fail "$exe does not carry build date $DATE"
  report="$report
  $exe: $(size "$exe") bytes, PE32+ x86-64 GUI, built in $((t1 - t0)) s"
fi

[ -n "$report" ] || fail "PACKAGE_TARGETS=\"$targets\" names neither linux nor windows"
echo "package-check: ok$report"
