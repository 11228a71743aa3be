#!/bin/sh
# Installs what Parley needs to build, run and test on Debian or Ubuntu, and
# says what to install elsewhere. Usage: scripts/deps.sh build|test|package
set -eu
need="${1:-build}"

# Debian packages per need.
build_pkgs="gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev"
test_pkgs="$build_pkgs xvfb xauth x11-utils xclip imagemagick libreoffice-impress poppler-utils fonts-dejavu-core"
# make package-linux and package-windows (xz for the .tar.xz, mingw-w64 to
# cross-compile parley.exe).
package_pkgs="$build_pkgs xz-utils gcc-mingw-w64-x86-64"
case "$need" in
  build) pkgs="$build_pkgs" ;;
  test) pkgs="$test_pkgs" ;;
  package) pkgs="$package_pkgs" ;;
  *) echo "usage: $0 build|test|package" >&2; exit 2 ;;
esac

if ! command -v go >/dev/null 2>&1; then
  echo "Parley needs Go 1.26 or newer: https://go.dev/dl/" >&2
  exit 1
fi

if [ -r /etc/debian_version ] && command -v dpkg-query >/dev/null 2>&1; then
  missing=""
  for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
  if [ -n "$missing" ]; then
    echo "Installing:$missing"
    if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Please install as root: apt-get install$missing" >&2; exit 1
    fi
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
  fi
  exit 0
fi

case "$(uname -s)" in
  Darwin)
    command -v clang >/dev/null 2>&1 || { echo "Install the Xcode command line tools: xcode-select --install" >&2; exit 1; } ;;
  Linux)
    echo "Not Debian or Ubuntu: install a C compiler and the OpenGL, X11, Wayland and xkbcommon development packages" >&2
    echo "(Fedora: gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel libXinerama-devel libXxf86vm-devel wayland-devel libxkbcommon-devel)." >&2
    if [ "$need" = test ]; then echo "Tests also need Xvfb, xwininfo (x11-utils), ImageMagick, LibreOffice Impress and poppler-utils." >&2; fi
    if [ "$need" = package ]; then echo "Packaging also needs xz and, for Windows, the mingw-w64 gcc (x86_64-w64-mingw32-gcc)." >&2; fi
    ;;
  *)
    echo "Windows: install Go and a gcc (e.g. MSYS2 mingw-w64) for cgo." >&2 ;;
esac
