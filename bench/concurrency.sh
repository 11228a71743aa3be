#!/bin/sh
# The concurrency campaign of issue 10: 4 writers (two command lines
# importing scenarios, one importing documents, the app saving a scenario)
# and a reader on one workspace for SECONDS (default 60): no failure, no
# "database is locked", no torn read, nothing lost. Prints a CAMPAIGN line.
set -eu
cd "$(dirname "$0")/.."
PARLEY_CONCURRENCY_SECONDS="${SECONDS_RUN:-60}" exec go test ./bench/campaign -run '^TestConcurrencyCampaign$' -count=1 -timeout 0 -v
