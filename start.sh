#!/usr/bin/env bash
# One command for a new user: set up, ingest seeds/ into warehouse.duckdb, serve the dashboard.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
. .venv/bin/activate
startup-health ingest seeds/
startup-health summary
exec startup-health serve "$@"
