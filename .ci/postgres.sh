#!/usr/bin/env bash
# Start a local PostgreSQL for the hub's database tests and print its URL on stdout.
# Uses Debian's packaged server; installs it first if it is missing (CI runs as root).
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
# shellcheck disable=SC2086
pg_ctlcluster $cluster start >/dev/null 2>&1 || true
port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
for _ in $(seq 1 30); do
  su postgres -c "psql -p $port -tAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -p $port -tAc \"select 1 from pg_roles where rolname='safepost'\"" | grep -q 1 ||
  su postgres -c "psql -p $port -qc \"create role safepost login superuser password 'safepost'\"" >/dev/null
su postgres -c "psql -p $port -tAc \"select 1 from pg_database where datname='safepost'\"" | grep -q 1 ||
  su postgres -c "createdb -p $port -O safepost safepost" >/dev/null
echo "postgres://safepost:safepost@127.0.0.1:$port/safepost"
