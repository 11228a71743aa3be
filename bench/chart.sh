#!/bin/sh
# Times chart and deck export as whole processes, on a fresh workspace:
#   1. `parley chart aug-2025 --kind exposure` to a 1920x1080 PNG;
#   2. `parley deck aug-2025 sectoral-deal` (11 slides, 16:9);
#   3. the same exposure chart drawn by matplotlib from the CSV Parley
#      exports (`--out x.csv`): horizontal bars sorted by duty with value
#      labels at 1920x1080 (bench/exposure_matplotlib.py, Debian's
#      python3-matplotlib under /usr/bin/python3),
# in one hyperfine run, then prints the medians and the matplotlib/Parley
# ratio. Needs hyperfine; PARLEY names the binary (default ./parley; build
# with `go build -o /tmp/parley-bench .` and PARLEY=/tmp/parley-bench), PYTHON
# the interpreter with matplotlib (default /usr/bin/python3). RUNS sets the
# runs per command (default 30). Timings vary with the machine's load:
# repeat the run and compare medians.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
bin="${PARLEY:-./parley}"
py="${PYTHON:-/usr/bin/python3}"
runs="${RUNS:-30}"
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
[ -x "$bin" ] || { echo "build parley first: go build -o /tmp/parley-bench . and PARLEY=/tmp/parley-bench" >&2; exit 1; }
command -v hyperfine >/dev/null 2>&1 || { echo "needs hyperfine (Debian package hyperfine)" >&2; exit 1; }
"$py" -c 'import matplotlib' 2>/dev/null || { echo "$py has no matplotlib (Debian package python3-matplotlib)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
ws="$tmp/w.parley"
"$bin" -w "$ws" scenarios >/dev/null # creates the workspace once
"$bin" -w "$ws" chart aug-2025 --kind exposure --out "$tmp/exposure.csv"

hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/times.json" \
  -n "parley chart (exposure PNG 1920x1080)" "$bin -w $ws chart aug-2025 --kind exposure --out $tmp/parley.png" \
  -n "parley deck (2 scenarios, 11 slides)" "$bin -w $ws deck aug-2025 sectoral-deal --out $tmp/deck.pptx" \
  -n "matplotlib (exposure PNG 1920x1080 from Parley's CSV)" "$py $root/bench/exposure_matplotlib.py $tmp/exposure.csv $tmp/matplotlib.png"

"$py" - "$tmp/times.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
med = {x["command"]: x["median"] for x in r}
for name, m in med.items():
    print("%-56s median %7.1f ms" % (name, m * 1000))
names = list(med)
print("matplotlib / parley chart: %.1fx" % (med[names[2]] / med[names[0]]))
EOF
