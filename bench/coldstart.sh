#!/usr/bin/env bash
# Cold start to first page (docs/benchmarks.md): publishes Release once, then starts the published app
# RUNS times against a fresh SQLite file and RUNS times against a fresh database on a throwaway
# PostgreSQL cluster (started like tests/Cchc.Web.Tests/Infrastructure/PostgresServer.cs does), and
# times from process start until /health answers 200, then until the login page answers 200.
# A first start applies the migrations and creates the roles and the first administrator; a restart
# starts the same published app again on the database the last first start left.
# Usage: bench/coldstart.sh            (RUNS=5 bench/coldstart.sh for more runs)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
work=$(mktemp -d /tmp/cchc-coldstart.XXXXXX)
chmod 755 "$work"   # the postgres user must reach its cluster folder inside
pg_pid_file=""
cleanup() {
  if [ -n "$pg_pid_file" ]; then pg_run "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d", (b - a) * 1000 }'; }
as_root=false; [ "$(id -u)" = 0 ] && as_root=true
pg_run() { if $as_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

echo "Publishing Release…" >&2
dotnet publish src/Cchc.Web -c Release -o "$work/app" --nologo -v q >/dev/null

# One start: prints "health_ms login_ms".
start_once() {
  local label=$1; shift
  local port; port=$(free_port)
  local t0; t0=$(now)
  env "$@" ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:$port" Demo__Enabled=false \
    dotnet "$work/app/Cchc.Web.dll" >"$work/$label.log" 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the app stopped; see its log:" >&2; cat "$work/$label.log" >&2; exit 1; }
    sleep 0.01
  done
  local t1; t1=$(now)
  curl -fs -o /dev/null "http://127.0.0.1:$port/Account/Login"
  local t2; t2=$(now)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(ms "$t0" "$t1") $(ms "$t0" "$t2")"
}

report() { # provider, lines "health_ms login_ms", data size
  local provider=$1 results=$2 size=$3
  local n mid health login each
  n=$(echo "$results" | wc -l); mid=$(( (n + 1) / 2 ))
  health=$(echo "$results" | awk '{ print $1 }' | sort -n | sed -n "${mid}p")
  login=$(echo "$results" | awk '{ print $2 }' | sort -n | sed -n "${mid}p")
  each=$(echo "$results" | awk '{ printf "%s%s/%s", (NR > 1 ? ", " : ""), $1, $2 }')
  echo "| $provider | $n | $health ms | $login ms | $each | $size |"
}

echo "| provider | runs | median to /health 200 | median to login page 200 | each run in order (health/login ms) | database size after start |"
echo "|---|---|---|---|---|---|"

# SQLite: a new data folder per run.
sqlite_results=""
for i in $(seq "$runs"); do
  mkdir -p "$work/sqlite-$i"
  sqlite_results+="$(start_once "sqlite-$i" Database__Provider=sqlite Database__DataFolder="$work/sqlite-$i")"$'\n'
done
sqlite_size=$(du -cb "$work/sqlite-$runs"/cchc.db* | tail -1 | awk '{ printf "%.0f KB (db + wal)", $1 / 1024 }')
report "SQLite (WAL), first start" "${sqlite_results%$'\n'}" "$sqlite_size"
# The same process start on the existing database of the last run (an ordinary restart).
restart_results=""
for i in $(seq "$runs"); do
  restart_results+="$(start_once "sqlite-restart-$i" Database__Provider=sqlite Database__DataFolder="$work/sqlite-$runs")"$'\n'
done
report "SQLite (WAL), restart" "${restart_results%$'\n'}" "$sqlite_size"

# PostgreSQL: one throwaway cluster, a new database per run.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "| PostgreSQL | – | not installed (apt-get install postgresql) | | | |"
  exit 0
fi
mkdir -p "$work/pg"; $as_root && chown postgres "$work/pg"
pg_port=$(free_port)
pg_run "$pg_bin/initdb" -D "$work/pg/data" -U cchc --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_run "$pg_bin/pg_ctl" -D "$work/pg/data" \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$work/pg" -l "$work/pg/log.txt" -w start >/dev/null
pg_pid_file="$work/pg/data/postmaster.pid"
pg_results=""
for i in $(seq "$runs"); do
  psql -h 127.0.0.1 -p "$pg_port" -U cchc -d postgres -qc "CREATE DATABASE cchc_$i ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  pg_results+="$(start_once "pg-$i" Database__Provider=postgres ConnectionStrings__Cchc="Host=127.0.0.1;Port=$pg_port;Username=cchc;Database=cchc_$i")"$'\n'
done
pg_size=$(psql -h 127.0.0.1 -p "$pg_port" -U cchc -d postgres -tAc "SELECT pg_size_pretty(pg_database_size('cchc_$runs'))")
pg_version=$("$pg_bin/postgres" --version | awk '{ print $3 }')
report "PostgreSQL $pg_version, first start" "${pg_results%$'\n'}" "$pg_size"
restart_results=""
for i in $(seq "$runs"); do
  restart_results+="$(start_once "pg-restart-$i" Database__Provider=postgres ConnectionStrings__Cchc="Host=127.0.0.1;Port=$pg_port;Username=cchc;Database=cchc_$runs")"$'\n'
done
report "PostgreSQL $pg_version, restart" "${restart_results%$'\n'}" "$pg_size"
