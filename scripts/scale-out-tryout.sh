#!/usr/bin/env bash
# A local try-out of the scale-out set-up: a throwaway PostgreSQL cluster, the database migrated,
# and two web instances on http://localhost:5080 and http://localhost:5081, each with a Hangfire
# server, sharing the database and one shared folder. Ctrl-C stops both instances and the cluster
# (and removes the throwaway folder). Not for real data: the cluster runs with fsync off.
#
#   scripts/scale-out-tryout.sh            (from the repository root; builds first)
#   KEEP=1 scripts/scale-out-tryout.sh     (leave the folder for a look afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

root=$(mktemp -d /tmp/resultataftaler-tryout.XXXXXX)
chmod 755 "$root"   # the cluster inside belongs to the postgres user when we are root
pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping the instances and the cluster …"
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_throwaway_stop "$root/pg"
  if [ -z "${KEEP:-}" ]; then rm -rf "$root"; else echo "Left in $root"; fi
}
trap stop INT TERM EXIT

echo "Building …"
dotnet build Resultataftaler.sln -v quiet -nologo >/dev/null

echo "PostgreSQL: a throwaway cluster in $root/pg"
pg_throwaway_start "$root/pg" "$(pg_free_port)"
host=$(sed 's/.*Host=\([^;]*\);Port=\([0-9]*\).*/\1 \2/' <<<"$PG_CONNECTION")
pg_as_owner "$(pg_bin)/createdb" -h "${host% *}" -p "${host#* }" -U postgres resultataftaler
export Resultataftaler__Database__Provider=PostgreSql
export ConnectionStrings__Resultataftaler="${PG_CONNECTION/Database=postgres/Database=resultataftaler}"
export Resultataftaler__SharedDirectory="$root/shared"

echo "db migrate"
dotnet run --no-build --project src/Resultataftaler.Cli -- db migrate --data-dir "$root/a"

for port in 5080 5081; do
  name=$([ "$port" = 5080 ] && echo a || echo b)
  # Both start at once: the first start's setup runs under a database lock, so there is one demo set-up.
  setsid env Resultataftaler__DataDirectory="$root/$name" dotnet run --no-build --project src/Resultataftaler.Web -- \
    --urls "http://localhost:$port" >"$root/$name.out" 2>&1 &
  pids+=($!)
done

for port in 5080 5081; do
  for _ in $(seq 1 120); do
    curl -fsS "http://localhost:$port/health" 2>/dev/null | grep -q Healthy && break
    sleep 1
  done
  echo "http://localhost:$port  $(curl -fsS "http://localhost:$port/health" 2>/dev/null || echo 'not answering: see '"$root"'/*.out')"
done

cat <<TEXT

Two instances on one PostgreSQL database ($ConnectionStrings__Resultataftaler).
Sign in on one (ministerium@demo.resultataftaler.dk / Demo-2011!) and open the other: the
sign-in holds, since the keys are in the database. Jobs: http://localhost:5080/hangfire (as admin@demo.resultataftaler.dk)
lists both servers. Shared folder: $root/shared (drop an activity file in its inbox/).
Logs: $root/a.out, $root/b.out. Ctrl-C stops everything.
TEXT
wait
