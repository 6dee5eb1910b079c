# Sourced by bench/run.sh and bench/hugo.sh, so that both measure alike.
#
# measure CMD…: runs CMD RUNS times (after PREPARE, if set, before each run)
# and prints "median_wall_seconds median_peak_rss_kib". Needs $timing, a
# temporary file for /usr/bin/time's report.
measure() {
  local walls=() rsss=()
  for _ in $(seq "$RUNS"); do
    if [ -n "${PREPARE:-}" ]; then eval "$PREPARE"; fi
    local start end
    start=$(date +%s%N)
    if ! /usr/bin/time -o "$timing" -f "%M" "$@" >/dev/null 2>&1; then
      echo "échec de : $*" >&2
      exit 1
    fi
    end=$(date +%s%N)
    # Milliseconds: /usr/bin/time only gives hundredths of a second.
    walls+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}')")
    rsss+=("$(tail -1 "$timing")")
  done
  local wall rss
  wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rss=$(printf '%s\n' "${rsss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$wall $rss"
}
