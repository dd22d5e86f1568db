#!/bin/sh
# Makes the README's screenshots with the app itself: every view, light and dark, at
# 1024×768 and 1920×1080, the Geneva talks selected. Build first (scripts/build.sh).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
app=${APP:-"$root/build/app/negotiation-timeline"}
out="$root/docs/screenshots"
mkdir -p "$out"
for view in timeline actors sources chronicle; do
    for theme in light dark; do
        for size in 1024x768 1920x1080; do
            QT_QPA_PLATFORM=offscreen "$app" --screenshot "$out/$view-$theme-$size.png" \
                --view "$view" --theme "$theme" --size "$size" --select ev-geneva-talks
        done
    done
done
