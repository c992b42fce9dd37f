#!/usr/bin/env bash
# Writes the data of a public sample database as one gzipped CSV per table (PostgreSQL's CSV format: NULL is an
# unquoted empty field, bytea is \x hex), with exactly the columns of Slipway's desired-state schema.sql of it.
#
#   bench/samples/export-sample-data.sh SAMPLE UPSTREAM_DATABASE
#
# SAMPLE is a folder under slipway-migrate/src/test/resources/samples/ (chinook, northwind, sakila);
# UPSTREAM_DATABASE is a PostgreSQL database on 127.0.0.1:5432 into which the sample's own upstream script was
# loaded with psql (SOURCE.md in each sample names the script and the commit). Needs psql and gzip.
set -euo pipefail
sample="$1"
upstream="$2"
here="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$here/slipway-migrate/src/test/resources/samples/$sample"
[ -f "$dir/schema.sql" ] || { echo "no $dir/schema.sql; SAMPLE is one of: $(ls "$here/slipway-migrate/src/test/resources/samples")" >&2; exit 2; }
psql_() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

target="slipway_sample_export_$$"
psql_ -d postgres -c "create database $target"
trap 'psql_ -d postgres -c "drop database if exists $target"' EXIT
psql_ -d "$target" -f "$dir/schema.sql" >/dev/null

rm -rf "$dir/data" && mkdir -p "$dir/data"
for table in $(psql_ -d "$target" -c "select tablename from pg_tables where schemaname = 'public' order by 1"); do
  columns=$(psql_ -d "$target" -c "select string_agg(quote_ident(column_name), ', ' order by ordinal_position)
                                     from information_schema.columns where table_schema = 'public' and table_name = '$table'")
  psql_ -d "$upstream" -c "\\copy (select $columns from $table) to stdout with (format csv, header true)" \
    | gzip -9n > "$dir/data/$table.csv.gz"
  echo "$sample.$table: $(( $(gzip -dc "$dir/data/$table.csv.gz" | wc -l) - 1 )) rows"
done
