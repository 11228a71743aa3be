#!/bin/sh
# Times `parley compute` as a whole process on the default workspace (a fresh
# HOME, so the embedded defaults are loaded once first). Needs hyperfine
# (Debian package hyperfine); falls back to a shell loop.
set -eu
cd "$(dirname "$0")/.."
bin="${PARLEY:-./parley}"
[ -x "$bin" ] || { echo "build parley first (make build)" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/.config"
"$bin" scenarios >/dev/null # creates the default workspace
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 5 --runs 50 \
    "$bin compute aug-2025 --format json" \
    "$bin compute today --format table" \
    "$bin compute today --format json --lines" \
    "$bin scenarios"
else
  for cmd in "compute aug-2025 --format json" "compute today" "compute today --format json --lines" "scenarios"; do
    start=$(date +%s%N)
    i=0; while [ $i -lt 50 ]; do "$bin" $cmd >/dev/null; i=$((i+1)); done
    end=$(date +%s%N)
    echo "parley $cmd: $(( (end-start)/50000000 )).$(( (end-start)/500000 % 100 )) ms per run"
  done
fi
