#!/usr/bin/env bash
# Benchmark of reunion on generated folders of 1,000 and 10,000 meetings.
#
#   bench/run.sh                 # 1000 and 10000 meetings, 5 runs each
#   RUNS=7 SIZES="1000" bench/run.sh
#
# For each size it prints the median wall time and the median peak RSS of:
#   floor        read + parse every record to a YAML tree (examples/floor.rs)
#   floor-rendu  floor + territories resolved + Markdown to HTML + one HTML
#                page per meeting by concatenation, into the tmpfs
#   check        reunion check                                  (÷ floor)
#   actions      reunion actions --territoire Lille --format json (÷ floor)
#   render-shm   clean render into a tmpfs (/dev/shm), no cache (÷ floor-rendu)
#   render-cache the same, with the records kept by the previous run
#   render-disk  clean render onto this machine's disk, no cache (÷ floor-rendu)
#   rerender-0   render again, nothing changed, output and cache kept, on disk
#   rerender     render again after editing one record, output and cache kept,
#                on disk
# with the ratio to the floor named, and the re-renders as a percentage of
# the clean render on disk. Speed is measured here, never
# asserted in a test. Corpora are generated once (deterministic, seed 2022)
# and kept in $BENCH_DIR (default /dev/shm/reunion-bench) and $DISK_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
SIZES="${SIZES:-1000 10000}"
BENCH_DIR="${BENCH_DIR:-/dev/shm/reunion-bench}"
DISK_DIR="${DISK_DIR:-$PWD/target/bench-disk}"
# reunion keeps the records it read in the user's cache folder: the
# benchmark uses its own, and empties it for the clean renders.
export XDG_CACHE_HOME="$BENCH_DIR/cache"

cargo build --release --quiet --bin reunion --example corpus --example floor
bin="$PWD/target/release/reunion"
corpus="$PWD/target/release/examples/corpus"
floor="$PWD/target/release/examples/floor"
mkdir -p "$BENCH_DIR" "$DISK_DIR"
timing="$(mktemp)"
trap 'rm -f "$timing"' EXIT

# shellcheck source=bench/measure.sh
source "$PWD/bench/measure.sh"

printf '%-8s %-12s %10s %10s %10s\n' "réunions" "mesure" "médiane s" "RSS Mio" "rapport"
for n in $SIZES; do
  shm="$BENCH_DIR/corpus-$n"
  disk="$DISK_DIR/corpus-$n"
  [ -f "$shm/reunion.yaml" ] || "$corpus" "$n" "$shm" 2>/dev/null
  if [ ! -f "$disk/reunion.yaml" ]; then
    rm -rf "$disk"
    cp -r "$shm" "$disk"
  fi
  yaml_mb=$(du -sm --apparent-size "$shm/reunions" | cut -f1)

  # ratio A B: A / B with two decimals.
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
  row() { printf '%-8s %-12s %10s %10s %10s\n' "$n" "$1" "$2" "$(( $3 / 1024 ))" "$4"; }

  read -r fw fr < <(measure "$floor" "$shm")
  row floor "$fw" "$fr" "1.00"
  floor_out="$BENCH_DIR/floor-out-$n"
  read -r frw frr < <(PREPARE="rm -rf '$floor_out'" measure "$floor" "$shm" "$floor_out")
  rm -rf "$floor_out"
  row floor-rendu "$frw" "$frr" "1.00"

  read -r w r < <(measure "$bin" -C "$shm" check)
  row check "$w" "$r" "$(ratio "$w" "$fw")×"

  read -r w r < <(measure "$bin" -C "$shm" actions --territoire Lille --format json)
  row actions "$w" "$r" "$(ratio "$w" "$fw")×"

  read -r w r < <(PREPARE="rm -rf '$shm/public' '$XDG_CACHE_HOME'" measure "$bin" -C "$shm" render)
  row render-shm "$w" "$r" "$(ratio "$w" "$frw")×"

  read -r w r < <(PREPARE="rm -rf '$shm/public'" measure "$bin" -C "$shm" render)
  row render-cache "$w" "$r" "$(ratio "$w" "$frw")×"
  rm -rf "$shm/public"

  read -r w r < <(PREPARE="rm -rf '$disk/public' '$XDG_CACHE_HOME'; sync" measure "$bin" -C "$disk" render)
  row render-disk "$w" "$r" "$(ratio "$w" "$frw")×"
  clean_disk="$w"
  percent() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f %%", 100 * a / b}'; }

  read -r w r < <(measure "$bin" -C "$disk" render)
  row rerender-0 "$w" "$r" "$(percent "$w" "$clean_disk")"

  # One record edited between runs, the output of the previous run kept.
  first=$(find "$disk/reunions" -name '*.yaml' | sort | sed -n 1p)
  cp "$first" "$first.orig"
  "$bin" -C "$disk" render >/dev/null 2>&1
  i=0
  edit() { i=$((i + 1)); cp "$first.orig" "$first"; sed -i "1s/.*/titre: Rencontre modifiée $i/" "$first"; }
  read -r w r < <(PREPARE="edit" measure "$bin" -C "$disk" render)
  mv "$first.orig" "$first"
  row rerender "$w" "$r" "$(percent "$w" "$clean_disk")"
  echo "         YAML : ${yaml_mb} Mio ; plafond de mémoire visé (2 × YAML + 50 Mo) : $(( 2 * yaml_mb + 48 )) Mio"
done
