#!/bin/sh
# Memory benchmark of dataset imports: the peak resident memory (RSS, from
# /usr/bin/time -v) and the time of `parley dataset import` and of a
# `compute` on the dataset, for generated files (bench/gendata):
#   - a CSV of LINES distinct lines (default 1000000: the most a dataset
#     may hold), province by province, as Statistics Canada CIMT names them;
#   - a CSV of ROWS rows (default 6000000, about 460 MB, under the 512 MB
#     cap on a file) over those lines:
#     repeated rows merge, so its memory is that of its lines;
#   - a CSV of more distinct lines than a dataset may hold (1000001):
#     refused as soon as its lines pass the limit;
#   - an XLSX workbook of XLSXROWS rows over LINES/2 lines (default 1000000,
#     near Excel's 1,048,576 rows: its sheet unpacks to about 160 MB, a 15
#     MB file), and one whose sheet claims twice that, over the 256 MiB a
#     sheet may unpack to: refused at once.
# Prints one MEMORY line per run: what, exit status, seconds, peak RSS in MB.
set -eu
cd "$(dirname "$0")/.."
LINES="${LINES:-1000000}"
ROWS="${ROWS:-6000000}"
XLSXROWS="${XLSXROWS:-1000000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/parley" . && go build -o "$dir/gendata" ./bench/gendata
export HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/.config" TMPDIR="$dir"
ws="$dir/w.parley"
"$dir/parley" --workspace "$ws" scenarios >/dev/null

measure() { # what, then the command
	what="$1"; shift
	set +e
	/usr/bin/time -v "$@" >"$dir/out" 2>"$dir/err"
	code=$?
	set -e
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/err")
	secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/err")
	echo "MEMORY what=$what exit=$code wall=$secs peak_rss_mb=$((rss / 1024))"
	grep -v -e '^\s' -e 'Command being timed' "$dir/err" | head -3 || true
}

"$dir/gendata" csv "$dir/lines.csv" "$LINES" "$LINES"
echo "lines.csv: $(du -m "$dir/lines.csv" | cut -f1) MB, $LINES rows, $LINES lines"
measure "import-${LINES}-lines" "$dir/parley" --workspace "$ws" dataset import "$dir/lines.csv" --direction ca_to_us --year 2024 --name Lines --currency CAD --rate 1.35
cat > "$dir/s.json" <<JSON
{"format": "parley.scenario/2", "name": "On the big dataset", "as_of": "2025-08-15",
 "assumptions": {"baseline_year": 2024, "datasets": {"ca_to_us": "Lines"}},
 "measures": [{"id": "m", "label": "25% on everything", "imposer": "US", "program": "IEEPA", "rate": 0.25,
   "cusma_exempt": true, "effective_from": "2025-03-04", "evidence": []}]}
JSON
id=$("$dir/parley" --workspace "$ws" import "$dir/s.json")
measure "compute-${LINES}-lines" "$dir/parley" --workspace "$ws" compute "$id"
rm -f "$dir/lines.csv"

"$dir/gendata" csv "$dir/rows.csv" "$ROWS" "$LINES"
echo "rows.csv: $(du -m "$dir/rows.csv" | cut -f1) MB, $ROWS rows, $LINES lines"
measure "import-${ROWS}-rows" "$dir/parley" --workspace "$ws" dataset import "$dir/rows.csv" --direction ca_to_us --year 2024 --name Rows --currency CAD --rate 1.35
rm -f "$dir/rows.csv"

"$dir/gendata" csv "$dir/over.csv" $((LINES + 1)) $((LINES + 1))
measure "import-over-limit" "$dir/parley" --workspace "$ws" dataset import "$dir/over.csv" --direction ca_to_us --year 2024 --name Over --currency CAD --rate 1.35
rm -f "$dir/over.csv"

"$dir/gendata" xlsx "$dir/book.xlsx" "$XLSXROWS" $((LINES / 2))
echo "book.xlsx: $(du -k "$dir/book.xlsx" | cut -f1) KB, $XLSXROWS rows, sheet unpacks to $(unzip -l "$dir/book.xlsx" 2>/dev/null | awk '/sheet1/ {print int($1/1048576)}') MB"
measure "preview-xlsx-${XLSXROWS}-rows" "$dir/parley" --workspace "$ws" dataset preview "$dir/book.xlsx"
measure "import-xlsx-${XLSXROWS}-rows" "$dir/parley" --workspace "$ws" dataset import "$dir/book.xlsx" --direction ca_to_us --year 2024 --name Book --currency CAD --rate 1.35
"$dir/gendata" xlsx "$dir/bomb.xlsx" $((XLSXROWS * 2))
measure "import-xlsx-over-limit" "$dir/parley" --workspace "$ws" dataset import "$dir/bomb.xlsx" --direction ca_to_us --year 2024 --name Bomb --currency CAD --rate 1.35
echo "excelize temporary files left: $(ls "$dir" | grep -c '^excelize-' || true)"
