#!/usr/bin/env bash
# Set up and run the whole test suite (headless: Qt offscreen, Xvfb where needed).
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh
exec .venv/bin/python -m pytest -q "$@"
