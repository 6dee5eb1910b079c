#!/usr/bin/env bash
# Hugo building the same meeting pages as `reunion render`, on the corpora of
# bench/run.sh, so that reunion can be compared with Hugo on this machine.
#
#   bench/hugo.sh                 # 1000 and 10000 meetings, 5 runs each
#   RUNS=7 SIZES="1000" bench/hugo.sh
#
# Each corpus is converted once (not timed) by bench/hugo-site.py into a Hugo
# site, $BENCH_DIR/hugo-N: one content page per meeting whose Markdown body
# holds what reunion puts on a meeting page (objectives, participants,
# weather, agenda points, actions by territory, follow-ups, next meeting), a
# minimal layout (baseof with a head, single, list), and a `territoires`
# taxonomy of the canonical territories of each meeting's actions, so that
# Hugo also writes one page per territory, the list of territories, the list
# of meetings and a home page. RSS, sitemap, robots.txt and 404, which
# reunion does not write, are disabled.
#
# Then `hugo --quiet -s SITE -d OUT`, a clean build into a tmpfs (OUT removed
# before each run), is timed RUNS times: it prints the median wall time, the
# median peak RSS and the number of files Hugo wrote. Hugo writes HTML only:
# none of reunion's Markdown pages, fiches, action and follow-up lists,
# search index or calendar (see docs/performance.md for what reunion writes).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
SIZES="${SIZES:-1000 10000}"
BENCH_DIR="${BENCH_DIR:-/dev/shm/reunion-bench}"
converter="$PWD/bench/hugo-site.py"

# Install what the comparison needs, only if it is missing: the Debian
# package gives Hugo 0.111, the version this comparison is about.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v hugo >/dev/null; then
  as_root apt-get install -y hugo >/dev/null
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
  python3 -m pip install --quiet pyyaml
fi
hugo_version=$(hugo version | awk '{print $2}')

corpus="$PWD/target/release/examples/corpus"
mkdir -p "$BENCH_DIR"
timing="$(mktemp)"
trap 'rm -f "$timing"' EXIT

# shellcheck source=bench/measure.sh
source "$PWD/bench/measure.sh"

printf '%-8s %-12s %10s %10s %10s\n' "réunions" "mesure" "médiane s" "RSS Mio" "fichiers"
for n in $SIZES; do
  shm="$BENCH_DIR/corpus-$n"
  if [ ! -f "$shm/reunion.yaml" ]; then
    # Built only when a corpus must be written: the corpora usually exist
    # already (bench/run.sh writes them), and the machine may be measuring.
    [ -x "$corpus" ] || cargo build --release --quiet --example corpus
    "$corpus" "$n" "$shm" 2>/dev/null
  fi

  # The site is converted again only when the converter has changed: the
  # corpus itself depends only on N (deterministic, seed 2022).
  site="$BENCH_DIR/hugo-$n"
  stamp="$(sha256sum "$converter" | cut -d' ' -f1) $n"
  if [ "$(cat "$site/.converti" 2>/dev/null || true)" != "$stamp" ]; then
    python3 "$converter" "$shm" "$site"
    echo "$stamp" >"$site/.converti"
  fi

  # A clean build each time: no output and no generated resources left by
  # the previous run.
  out="$BENCH_DIR/hugo-out-$n"
  read -r w r < <(PREPARE="rm -rf '$out' '$site/resources'" measure hugo --quiet -s "$site" -d "$out")
  files=$(find "$out" -type f | wc -l)
  territories=$(find "$out/territoires" -maxdepth 1 -type f | wc -l)
  rm -rf "$out"
  printf '%-8s %-12s %10s %10s %10s\n' "$n" "hugo" "$w" "$(( r / 1024 ))" "$files"
  echo "         Hugo $hugo_version : $(find "$site/content/reunions" -name '*.md' ! -name '_index.md' | wc -l) comptes rendus, $territories pages de territoires, listes, accueil (HTML seul)"
done
