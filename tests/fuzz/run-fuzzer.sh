#!/usr/bin/env bash
# Runs the fuzzer for a bounded time on a scratch copy of the seeds (libFuzzer adds the
# inputs it finds interesting to its first corpus folder; the repository stays clean).
# A crash, a leak or a timeout fails the run and leaves the input in the scratch folder.
set -euo pipefail
fuzzer=$1; seconds=$2; shift 2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/corpus" "$scratch/artifacts"
for seed in "$@"; do
    if [[ -d $seed ]]; then
        find "$seed" -type f \( -name '*.json' -o -name '*.bin' \) -size -1024k -exec cp -t "$scratch/corpus" {} + 2>/dev/null || true
    elif [[ -f $seed ]]; then
        cp "$seed" "$scratch/corpus/"
    fi
done
echo "fuzzing for ${seconds}s with $(ls "$scratch/corpus" | wc -l) seeds"
# A fixed seed keeps CI repeatable; run the fuzzer by hand without it to explore further.
if ! "$fuzzer" -seed=1 -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=262144 \
        -print_final_stats=1 -artifact_prefix="$scratch/artifacts/" "$scratch/corpus" 2>"$scratch/log"; then
    tail -n 60 "$scratch/log"
    for artifact in "$scratch"/artifacts/*; do
        echo "input that failed: $artifact (base64 below)"; base64 -w0 "$artifact"; echo
    done
    exit 1
fi
grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$scratch/log" || true
