#!/usr/bin/env bash
# CI's proof that sharding works on a real scheduler: starts a single-node Slurm (as
# root, start-local-slurm.sh), runs an example scenario as a job array of 4 shards and a
# merge job (submit.sh), waits, checks that the merged files equal one run's byte for
# byte, and stops the daemons it started.
# usage: Scripts/slurm/ci-check.sh [CCSIM]   (default: .build/release/ccsim)
set -euo pipefail
cd "$(dirname "$0")/../.."
ccsim=$(realpath "${1:-.build/release/ccsim}")
scenario=Scenarios/erlang-a-day.yaml
work=$(mktemp -d)
started_munge=no
pgrep -x munged >/dev/null || started_munge=yes
started_slurm=no
pgrep -x slurmctld >/dev/null || started_slurm=yes
stop() {
  if [ "$started_slurm" = yes ]; then
    scontrol shutdown >/dev/null 2>&1 || true
    for _ in $(seq 40); do pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null || break; sleep 0.5; done
  fi
  if [ "$started_munge" = yes ]; then pkill -x munged || true; fi
  rm -rf "$work"
}
trap stop EXIT
Scripts/slurm/start-local-slurm.sh >/dev/null
"$ccsim" run "$scenario" --out "$work/single" >/dev/null
submitted=$(cd "$work" && CCSIM=$ccsim "$OLDPWD/Scripts/slurm/submit.sh" "$OLDPWD/$scenario" 4 "$work/merged")
echo "$submitted"
for _ in $(seq 600); do
  [ -z "$(squeue -h 2>/dev/null)" ] && break
  sleep 1
done
[ -z "$(squeue -h)" ] || { echo "jobs still queued after 10 minutes" >&2; squeue >&2; exit 1; }
for file in summary.json intervals.csv agent_groups.csv; do
  if ! cmp "$work/single/$file" "$work/merged/$file"; then
    echo "merged $file differs from the single run's" >&2
    cat "$work"/ccsim-*.out >&2 || true
    exit 1
  fi
done
echo "slurm: 4 shards merged, equal to one run byte for byte ($(ls "$work/merged.parts" | wc -l) parts)"
