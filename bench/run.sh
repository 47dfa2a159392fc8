#!/usr/bin/env bash
# Benchmarks by name (docs/benchmarks.md): bench/run.sh <name> [args…]
#   import      plan import of a 1 MB document (bench/PlanImportBench, Release)
#   coldstart   cold start to first page (bench/coldstart.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench/run.sh import|coldstart [args…]}
shift
case "$name" in
  import) dotnet run -c Release --project bench/PlanImportBench -- "$@" ;;
  coldstart) exec bench/coldstart.sh "$@" ;;
  *) echo "unknown benchmark: $name (import, coldstart)" >&2; exit 2 ;;
esac
