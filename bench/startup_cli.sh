#!/bin/sh
# Start-up cost of a command-line compute: times `parley version` (the
# process alone: runtime, packages, flags) and `parley compute today
# --format json` (open the workspace, read the scenario, load the reference
# data, build the model, evaluate, print) as whole processes, in turn
# (interleaved, so that a change of load reaches both), RUNS times each
# (default 21), on a workspace made beforehand in a home of its own. The
# timer, bench/startupcli, reads each process's wall time and its CPU time
# (user + system, to the microsecond) and prints the medians and their
# ratio; the goal is at most 1.5. CPU time is steadier than wall time on a
# busy machine.
# PARLEY names a built binary; else one is built here the way the app is
# (go build -trimpath -tags migrated_fynedo).
set -eu
cd "$(dirname "$0")/.."
runs="${RUNS:-21}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
bin="${PARLEY:-}"
if [ -z "$bin" ]; then
	echo "building parley (-trimpath -tags migrated_fynedo)..." >&2
	go build -trimpath -tags migrated_fynedo -o "$tmp/parley" .
	bin="$tmp/parley"
fi
go build -o "$tmp/startupcli" ./bench/startupcli
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$HOME"
"$bin" scenarios >/dev/null # creates the default workspace
"$tmp/startupcli" -runs "$runs" -goal 1.5 \
	-base "$bin version" -cmd "$bin compute today --format json"
