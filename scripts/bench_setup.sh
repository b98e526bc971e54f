#!/usr/bin/env bash
# Set-up time of the README's two commands, as a new user meets them: a fresh clone of this
# repository, a new venv, an empty pip cache (a new PIP_CACHE_DIR for each command).
#
#   bash scripts/bench_setup.sh [--busy | --busy=N] [--old REV]
#
# --busy   runs two busy loops (`yes > /dev/null`) on the side, pinning both cores;
#          --busy=N runs N of them (--busy=4: the issue's "four busy loops").
# --old    also times the test install of commit REV (its README's command) for comparison.
# Prints each command's exit status, seconds and the load average; logs go to /tmp.
set -u
busy=""; old=""
while [ $# -gt 0 ]; do
  case $1 in --busy) busy=2 ;; --busy=*) busy=${1#--busy=} ;; --old) old=$2; shift ;; *) echo "unknown option $1" >&2; exit 2 ;; esac
  shift
done
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
pids=()
cleanup() { [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null; }
trap cleanup EXIT
for _ in $(seq 1 "${busy:-0}"); do yes > /dev/null & pids+=($!); done

timed() {  # name, folder, command
  local cache; cache=$(mktemp -d)
  local start end rc load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  (cd "$2" && PIP_CACHE_DIR=$cache bash -c "$3") > "/tmp/bench_setup-$1.log" 2>&1; rc=$?
  end=$(date +%s.%N)
  printf '%-10s rc=%d %7.1f s  load before: %s  (log /tmp/bench_setup-%s.log)\n' \
    "$1" "$rc" "$(echo "$end - $start" | bc)" "$load" "$1"
  rm -rf "$cache"
}

fresh() {  # folder, rev
  rm -rf "$1"; git clone -q "$repo" "$1" && git -C "$1" checkout -q "$2"
}

dir=$(mktemp -d)/summarize
fresh "$dir" HEAD
timed command1 "$dir" "$(grep -m1 '^python3 -m venv' "$dir/README.md")"
rm -rf "$dir/.venv"
timed command2 "$dir" "$(grep -m1 '^python3.*-m venv.*pytest' "$dir/README.md")"
if [ -n "$old" ]; then
  fresh "$dir" "$old"
  install=$(grep -m1 '^python3.*-m venv.*pytest' "$dir/README.md" | sed 's/ && ruff check.*//')
  timed old-install "$dir" "$install"
  new_install=$(grep -m1 '^python3.*-m venv.*pytest' "$repo/README.md" | sed 's/ && ruff check.*//')
  fresh "$dir" HEAD
  timed new-install "$dir" "$new_install"
fi
