#!/bin/sh
# Start-up cost of a command-line compute: times `parley version` (the
# process alone: runtime, packages, flags) and `parley compute today
# --format json` (open the workspace, read the scenario, load the reference
# data, build the model, evaluate, print) as whole processes, in turn, RUNS
# times each (default 7), on a workspace made beforehand in a home of its
# own. Prints both medians and their ratio; the goal is at most 1.5. With
# GNU time (/usr/bin/time, Debian package time) it also prints the medians
# of CPU time (user + system), steadier than wall time on a busy machine.
# PARLEY names a built binary; else one is built here the way the app is
# (go build -trimpath -tags migrated_fynedo).
set -eu
cd "$(dirname "$0")/.."
runs="${RUNS:-7}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
bin="${PARLEY:-}"
if [ -z "$bin" ]; then
	echo "building parley (-trimpath -tags migrated_fynedo)..." >&2
	go build -trimpath -tags migrated_fynedo -o "$tmp/parley" .
	bin="$tmp/parley"
fi
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$HOME"
"$bin" scenarios >/dev/null # creates the default workspace

# one CMD...: appends the wall and CPU milliseconds CMD takes to $tmp/wall
# and $tmp/cpu (output dropped).
one() {
	name=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" >/dev/null
		awk '{ printf "%.1f\n", $1 * 1000 }' "$tmp/t" >>"$tmp/$name.wall"
		awk '{ printf "%.1f\n", ($2 + $3) * 1000 }' "$tmp/t" >>"$tmp/$name.cpu"
		return
	fi
	start=$(date +%s%N)
	"$@" >/dev/null
	end=$(date +%s%N)
	echo $(( (end - start) / 100000 )) | awk '{ printf "%.1f\n", $1 / 10 }' >>"$tmp/$name.wall"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$tmp/version.wall"; : >"$tmp/compute.wall"; : >"$tmp/version.cpu"; : >"$tmp/compute.cpu"
run=0
while [ $run -lt "$runs" ]; do
	one version "$bin" version
	one compute "$bin" compute today --format json
	run=$((run + 1))
done
for kind in wall cpu; do
	[ -s "$tmp/version.$kind" ] || continue
	v=$(median <"$tmp/version.$kind")
	c=$(median <"$tmp/compute.$kind")
	echo "$kind time, parley version:                     median $v ms ($(tr '\n' ' ' <"$tmp/version.$kind"))"
	echo "$kind time, parley compute today --format json: median $c ms ($(tr '\n' ' ' <"$tmp/compute.$kind"))"
	awk -v a="$c" -v b="$v" -v k="$kind" 'BEGIN { printf "%s ratio: %.2fx (goal 1.5x)\n", k, a / b }'
done
