#!/usr/bin/env bash
# Runs one benchmark by name (docs/benchmarks.md): bench/run.sh coldstart | tasks
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  coldstart) shift; exec bench/coldstart.sh "$@" ;;
  tasks) shift; ASPNETCORE_TEST_CONTENTROOT_CCHC_WEB="$PWD/src/Cchc.Web" dotnet run -c Release --project bench/TaskViews -- "$@" ;;
  *) echo "usage: bench/run.sh coldstart|tasks" >&2; exit 2 ;;
esac
