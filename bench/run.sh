#!/usr/bin/env bash
# Benchmarks by name (docs/benchmarks.md): bench/run.sh <name> [args…]
#   coldstart   cold start to first page, SQLite and PostgreSQL (bench/coldstart.sh)
#   tasks       task list and completion rates of a 500-task plan (bench/TaskViews)
#   import      plan import of a 1 MB document (bench/PlanImportBench)
#   calendar    due-date computations per second on one core (bench/Cchc.Bench.Calendar)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench/run.sh coldstart|tasks|import|calendar [args…]}
shift
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
case "$name" in
  coldstart) exec bench/coldstart.sh "$@" ;;
  tasks) ASPNETCORE_TEST_CONTENTROOT_CCHC_WEB="$PWD/src/Cchc.Web" dotnet run -c Release --project bench/TaskViews -- "$@" ;;
  import) dotnet run -c Release --project bench/PlanImportBench -- "$@" ;;
  calendar)
    dotnet build bench/Cchc.Bench.Calendar -c Release -v q -nologo >/dev/null
    # One core: the figure is per core, whatever else runs on the machine.
    taskset -c 0 dotnet bench/Cchc.Bench.Calendar/bin/Release/net10.0/Cchc.Bench.Calendar.dll "$@"
    ;;
  *) echo "unknown benchmark: $name (coldstart, tasks, import, calendar)" >&2; exit 2 ;;
esac
