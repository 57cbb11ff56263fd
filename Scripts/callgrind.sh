#!/usr/bin/env bash
# Instruction counts of the whole `ccsim run` process under valgrind's callgrind, and
# where they go. The release binary's DWARF (from the Swift toolchain) makes valgrind
# 3.19 give up ("Possibly corrupted debuginfo file"), so the binary is copied without
# its debug information (objcopy --strip-debug: the symbol table stays, so functions
# keep their names) and that copy is profiled.
# usage: Scripts/callgrind.sh [SCENARIO=Scenarios/bench/w1.yaml] [REPLICATIONS=2] [LINES=25]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/bench/w1.yaml}
replications=${2:-2}
lines=${3:-25}
swift build -c release --product ccsim >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
objcopy --strip-debug .build/release/ccsim "$work/ccsim"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/ccsim" run "$scenario" \
  --replications "$replications" --threads 1 --out "$work/out" --force >/dev/null 2>"$work/valgrind.log"
grep -E "Collected" "$work/valgrind.log" | sed 's/^==[0-9]*== //'
callgrind_annotate "$work/callgrind.out" 2>/dev/null | grep -E "^ *[0-9,]+ \(" | head -n "$lines" | cut -c1-150 \
  | sed 's/ \[[^]]*\]$//'
