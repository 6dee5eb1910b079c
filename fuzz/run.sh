#!/usr/bin/env bash
# Runs every fuzz target for a bounded time on a copy of its committed seed
# corpus, and fails on the first crash, panic, hang or memory blow-up.
#
#   fuzz/run.sh            # each target for 60 s
#   fuzz/run.sh 300        # each target for 300 s
#   fuzz/run.sh 60 record  # one target
#
# The inputs come from a fixed seed (FUZZ_SEED, 2022 by default) so that a
# CI run explores the same inputs as the run its author did: a red CI is a
# reproducible finding, not luck. FUZZ_SEED=0 lets libFuzzer pick a new seed
# each time, for exploration.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). The stable toolchain
# is enough: RUSTC_BOOTSTRAP lets it take the coverage flags libFuzzer needs;
# no sanitizer is used since the crate forbids unsafe code.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
seed="${FUZZ_SEED:-2022}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi
export RUSTC_BOOTSTRAP=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  cp corpus/"$target"/* "$work/$target/"
  echo "== fuzz $target for ${seconds} s"
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: a blow-up.
  status=0
  # The render target publishes pages through tera for each input: built
  # without comparison tracing it runs about twice as fast, and its
  # dictionary gives back the Markdown and HTML tokens comparisons found.
  build=() extra=()
  if [ -f "$target.dict" ]; then
    build=(--no-trace-compares)
    extra=(-dict="$target.dict")
  fi
  cargo fuzz run -s none "${build[@]}" "$target" "$work/$target" -- \
    -max_total_time="$seconds" -seed="$seed" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    "${extra[@]}" -print_final_stats=1 >"$work/$target.log" 2>&1 || status=$?
  grep -E "^(Done|stat::number_of_executed_units|stat::average_exec_per_sec)" "$work/$target.log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz target $target failed (exit $status): see fuzz/artifacts/$target/" >&2
    tail -40 "$work/$target.log" >&2
    exit 1
  fi
done
