#!/usr/bin/env bash
# One command for a new user or CI: set up (Python packages, Debian's Chromium) and run every test.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh test
. .venv/bin/activate
python -m pytest -q "$@"
