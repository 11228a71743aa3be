#!/bin/sh
# Start-up time of the desktop app against a bare Fyne window, side by side
# in one run: both programs are built the same way (go build -trimpath
# -tags migrated_fynedo), started in turn RUNS times each on an X display,
# and timed from the start of the process to its window being mapped
# (xwininfo reports it viewable). Parley starts on a workspace made
# beforehand (its first start also creates the workspace, which is not what
# this measures). Prints each program's median and the ratio; the goal is
# at most 1.3.
#
# Needs xwininfo (x11-utils) and, without DISPLAY, Xvfb (started here on a
# free display and stopped at the end). RUNS defaults to 15.
set -eu
cd "$(dirname "$0")/.."
runs="${RUNS:-15}"
tmp=$(mktemp -d)
xvfb=""
cleanup() {
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

echo "building parley and bench/barefyne (-trimpath -tags migrated_fynedo)..." >&2
go build -trimpath -tags migrated_fynedo -o "$tmp/parley" .
go build -trimpath -tags migrated_fynedo -o "$tmp/barefyne" ./bench/barefyne

if [ -z "${DISPLAY:-}" ]; then
	n=91
	while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
	Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb=$!
	export DISPLAY=":$n"
	i=0
	until xwininfo -root >/dev/null 2>&1; do
		i=$((i + 1)); [ $i -lt 200 ] || { echo "Xvfb did not start" >&2; exit 1; }
		sleep 0.05
	done
fi

# A home of its own: the workspace and Fyne's preferences live there.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$HOME"
"$tmp/parley" scenarios >/dev/null # creates the default workspace

# mapped NAME: succeeds once a window titled NAME (prefix) is viewable.
mapped() {
	id=$(xwininfo -root -tree 2>/dev/null | awk -v n="\"$1" 'index($0, n) { print $1; exit }')
	[ -n "$id" ] && xwininfo -id "$id" 2>/dev/null | grep -q "IsViewable"
}

# time_one BIN NAME: prints the milliseconds from start to mapped window.
time_one() {
	start=$(date +%s%N)
	"$1" >/dev/null 2>&1 &
	pid=$!
	polls=0
	until mapped "$2"; do
		polls=$((polls + 1))
		if [ $polls -gt 4000 ] || ! kill -0 "$pid" 2>/dev/null; then
			echo "the window of $1 did not appear" >&2
			kill "$pid" 2>/dev/null; exit 1
		fi
	done
	end=$(date +%s%N)
	kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
	echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$tmp/bare"; : >"$tmp/app"
run=0
while [ $run -lt "$runs" ]; do
	time_one "$tmp/barefyne" "Bare Fyne" >>"$tmp/bare"
	time_one "$tmp/parley" "Parley" >>"$tmp/app"
	run=$((run + 1))
done
bare=$(median <"$tmp/bare")
app=$(median <"$tmp/app")
echo "bare Fyne window: median $bare ms ($(tr '\n' ' ' <"$tmp/bare"))"
echo "Parley window:    median $app ms ($(tr '\n' ' ' <"$tmp/app"))"
awk -v a="$app" -v b="$bare" 'BEGIN { printf "ratio: %.2fx (goal 1.3x)\n", a / b }'
