#!/usr/bin/env bash
# Benchmarks by name (docs/benchmarks.md): bench/run.sh <name> [args]
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench/run.sh calendar|coldstart [args]}
shift
case "$name" in
  calendar)
    echo "machine: $(lscpu | sed -n 's/^Model name: *//p'); load average: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
    # One core: the figure is per core, whatever else runs on the machine.
    dotnet build bench/Cchc.Bench.Calendar -c Release -v q -nologo >/dev/null
    taskset -c 0 dotnet bench/Cchc.Bench.Calendar/bin/Release/net10.0/Cchc.Bench.Calendar.dll "$@"
    ;;
  coldstart)
    exec bench/coldstart.sh "$@"
    ;;
  *)
    echo "unknown benchmark: $name" >&2
    exit 2
    ;;
esac
