#!/usr/bin/env bash
# Runs a long ccsim study on a Slurm cluster: a job array of N shards of the scenario's
# replications, then a merge job that starts when all of them have succeeded
# (--dependency=afterok). The merged outputs are those of one `ccsim run` on one machine,
# byte for byte. Prints the two job ids; the results land in OUT (summary.json,
# intervals.csv, agent_groups.csv) and OUT.html.
# usage: Scripts/slurm/submit.sh SCENARIO N OUT [more `ccsim run` options, e.g. --replications 1000]
# Environment: CCSIM (the ccsim binary, on a path every node sees; default: ccsim on PATH),
# PARTS (where the parts go; default OUT.parts), SBATCH_OPTIONS (extra sbatch options,
# such as --partition=... --time=...).
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,12p' "$0"; exit 64; fi
here=$(cd "$(dirname "$0")" && pwd)
scenario=$(realpath "$1") n=$2 out=$(realpath -m "$3")
shift 3
parts=$(realpath -m "${PARTS:-$out.parts}")
export CCSIM=${CCSIM:-$(command -v ccsim || echo ccsim)}
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_OPTIONS:-} --export=ALL --array="1-$n" \
  "$here/ccsim-shard.sbatch" "$scenario" "$parts" "$@")
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTIONS:-} --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  "$here/ccsim-merge.sbatch" "$parts" "$out")
echo "shards: job $array (array 1-$n), merge: job $merge -> $out"
