#!/bin/sh
# Scale benchmark (issue 10, defect 9): a workspace of SCENARIOS (default
# 10000) scenarios of 10 measures, then the whole parley process timed for
# listing the scenarios, computing one, opening, and computing and drawing the
# tornado chart of scenarios of TORNADO measures (default 100,200,400: its
# cost grows with the square of the measures). Prints a CAMPAIGN line.
set -eu
cd "$(dirname "$0")/.."
PARLEY_SCALE_SCENARIOS="${SCENARIOS:-10000}" PARLEY_SCALE_TORNADO="${TORNADO:-100,200,400}" \
  exec go test ./bench/campaign -run '^TestScale$' -count=1 -timeout 0 -v
