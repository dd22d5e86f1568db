#!/usr/bin/env bash
# Installs what is missing, builds, and opens the viewer on the embedded default dataset.
# Arguments are passed to the viewer (e.g. a dataset file).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh" --gui
export BUILD_DIR="${BUILD_DIR:-$root/build}"
BUILD_TARGET=negotiation-timeline "$root/scripts/build.sh"
exec "$BUILD_DIR/app/negotiation-timeline" "$@"
