# A throwaway PostgreSQL cluster in a folder of its own (sourced by .ci/run and the scripts here).
# Debian's postgresql package; no Docker. The server listens on a Unix socket in the folder only
# (nothing on the network), fsync off: for tests and try-outs, never for real data.
#
#   pg_throwaway_start DIR PORT   starts it; sets PG_CONNECTION (an Npgsql connection string, database postgres)
#   pg_throwaway_stop DIR         stops exactly that cluster and removes the folder

pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [ -n "$initdb" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; return 1; }
  dirname "$initdb"
}

# Runs a PostgreSQL program as the postgres user when we are root (the server refuses root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_throwaway_start() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin) || return 1
  mkdir -p "$dir"
  # Only the cluster's owner (and root) reach its socket: trust authentication must not be open to every local user.
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  pg_as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses= -c fsync=off -c max_connections=200" \
    -w -t 30 -l "$dir/server.log" start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  PG_CONNECTION="Host=$dir;Port=$port;Username=postgres;Database=postgres"
  export PG_CONNECTION
}

pg_throwaway_stop() {
  local dir=$1 bin
  bin=$(pg_bin) || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -t 30 stop >/dev/null 2>&1 \
      || pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -t 30 stop >/dev/null 2>&1
  fi
  rm -rf "$dir"
}

# A free TCP port number (the cluster uses it only to name its socket file).
pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}
