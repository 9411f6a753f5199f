#!/usr/bin/env bash
# Sourced: starts a PostgreSQL server from the machine's initdb/pg_ctl on a temporary folder and
# a free loopback port, exports TEST_DATABASE_URL, and defines postgres_throwaway_stop.
# Returns non-zero when no server binaries are found.
pg_bin=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then pg_bin="$candidate"; break; fi
done
[ -n "$pg_bin" ] || return 1

pg_dir=$(mktemp -d /tmp/wengang-pg.XXXXXX)
pg_port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
run_as=()
if [ "$(id -u)" = "0" ]; then
  # initdb refuses to run as root
  chown postgres:postgres "$pg_dir"
  run_as=(runuser -u postgres --)
fi
"${run_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; return 1; }
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c max_connections=200" \
  start > /dev/null || { cat "$pg_dir/server.log" >&2; return 1; }
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
echo "# PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for tests at 127.0.0.1:$pg_port"

postgres_throwaway_stop() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
