#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (offscreen, no display needed).
#   scripts/test.sh             GCC build in build/
#   scripts/test.sh --sanitize  Clang build with AddressSanitizer and UndefinedBehaviorSanitizer
#                               in build-sanitize/, plus the libFuzzer target and its bounded run
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
export QT_QPA_PLATFORM=offscreen
if [[ "${1:-}" == "--sanitize" ]]; then
    export BUILD_DIR="${BUILD_DIR:-$root/build-sanitize}"
    export CC=clang CXX=clang++
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
    export LSAN_OPTIONS="suppressions=$root/tests/sanitizer/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    "$root/scripts/build.sh" -DNTL_BUILD_TESTS=ON -DNTL_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
else
    export BUILD_DIR="${BUILD_DIR:-$root/build}"
    "$root/scripts/build.sh" -DNTL_BUILD_TESTS=ON
fi
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
