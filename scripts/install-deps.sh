#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the tests and the viewer need, if missing.
# Usage: scripts/install-deps.sh [--gui]   (--gui adds what a real window under Xvfb needs)
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    libxkbcommon-dev libvulkan-dev libgl-dev
    nlohmann-json3-dev
    python3 python3-jsonschema
    libpoppler-qt6-dev libxml2-dev
    fonts-dejavu-core
    dpkg-dev file desktop-file-utils appstream
    clang libclang-rt-dev
)
if [[ "${1:-}" == "--gui" ]]; then
    packages+=(qt6-qpa-plugins)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
    sudo_cmd=()
elif command -v sudo >/dev/null; then
    sudo_cmd=(sudo)
else
    echo "error: these packages are missing and I am not root: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
