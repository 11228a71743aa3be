#!/bin/sh
# The campaigns of the backups, XLSX imports and parallel imports: kill -9
# of daily backups (BACKUP_KILLS, default 100: no temporary file stays in
# backups/ after the next backup, every kept backup sound), kill -9 of XLSX
# dataset imports (XLSX_KILLS, default 40: no excelize-* file stays after
# the next read), and parallel `import --rename` (RENAME_PROCESSES at once,
# default 8, RENAME_ROUNDS rounds, default 20: every import succeeds under
# a name of its own). Prints CAMPAIGN lines.
set -eu
cd "$(dirname "$0")/.."
PARLEY_BACKUP_KILLS="${BACKUP_KILLS:-100}" PARLEY_XLSX_KILLS="${XLSX_KILLS:-40}" \
PARLEY_RENAME_PROCESSES="${RENAME_PROCESSES:-8}" PARLEY_RENAME_ROUNDS="${RENAME_ROUNDS:-20}" \
  exec go test ./bench/campaign -run '^(TestBackupKillCampaign|TestXLSXKillCampaign|TestImportRenameCampaign)$' -count=1 -timeout 0 -v
