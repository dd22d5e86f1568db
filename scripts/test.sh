#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (offscreen, no display needed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
export BUILD_DIR="${BUILD_DIR:-$root/build}"
"$root/scripts/build.sh" -DNTL_BUILD_TESTS=ON
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
