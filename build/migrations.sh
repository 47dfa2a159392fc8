#!/usr/bin/env bash
# Adds a migration for both providers: build/migrations.sh NAME
# Or rebuilds the single initial migration from the current model: build/migrations.sh --reset
# EfDesign=true brings in EF's design package (with the two stub packages in build/stubfeed) only here.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: build/migrations.sh NAME | --reset}
dotnet tool restore >/dev/null
export EfDesign=true
if [ "$name" = "--reset" ]; then
  rm -rf src/Cchc.Web/Data/Migrations
  name=Initial
fi
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Cchc.Web --context "${p}CchcDb" --output-dir "Data/Migrations/$p"
done
# Leave the product's own restore (without the design package) in place for the next plain build.
unset EfDesign
dotnet restore src/Cchc.Web >/dev/null
