#!/bin/sh
# The kill -9 campaign of issue 10: SIGKILLs at random moments of scenario
# imports, document imports (parley, the real binary), app saves (a helper
# that saves as the desktop app does) and first opens; after each kill the
# workspace must pass integrity_check and foreign_key_check, and everything
# committed must be there and compute the same numbers. KILLS (default 500)
# processes, about one in two killed before it ends. Prints a CAMPAIGN line.
set -eu
cd "$(dirname "$0")/.."
PARLEY_KILLS="${KILLS:-500}" exec go test ./bench/campaign -run '^TestKillCampaign$' -count=1 -timeout 0 -v
