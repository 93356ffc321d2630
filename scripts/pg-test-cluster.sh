#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: a temp folder, a local TCP port, a password user.
#   scripts/pg-test-cluster.sh start DIR   initdb + start in DIR (made if missing), print the URL
#   scripts/pg-test-cluster.sh restart DIR restart the server (same port and data)
#   scripts/pg-test-cluster.sh down DIR    stop the server, keep its data (the server goes away)
#   scripts/pg-test-cluster.sh up DIR      start it again after down (same port and data)
#   scripts/pg-test-cluster.sh stop DIR    stop the server and delete DIR
# PostgreSQL refuses to run as root: as root the cluster runs as $NIANBAO_PG_USER (default nobody).
# Exit status 3 when no PostgreSQL server binaries are installed (the tests then skip).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
    echo "usage: $0 start|restart|down|up|stop DIR" >&2
    exit 2
fi

bindir=${NIANBAO_PG_BINDIR:-}
if [[ -z "$bindir" ]]; then
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && bindir=$d
    done
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
    echo "no PostgreSQL server binaries (initdb, pg_ctl) found; install the Debian package postgresql" >&2
    exit 3
fi

as_user=()
owner=$(id -un)
if [[ "$(id -u)" = 0 ]]; then
    owner=${NIANBAO_PG_USER:-nobody}
    as_user=(runuser -u "$owner" --)
fi
run() { "${as_user[@]}" "$@"; }

user=nianbao
password=nianbao-test-secret
database=nianbao

case "$cmd" in
start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    chmod 700 "$dir"
    if [[ "$(id -u)" = 0 ]]; then
        chown "$owner" "$dir"
        # the server user must be able to reach the folder (a temp folder is often 0700 root)
        parent=$(dirname "$dir")
        run test -x "$parent" || chmod o+x "$parent"
    fi
    data="$dir/data"
    printf '%s\n' "$password" >"$dir/pwfile"
    [[ "$(id -u)" = 0 ]] && chown "$owner" "$dir/pwfile"
    run "$bindir/initdb" -D "$data" -U "$user" --pwfile="$dir/pwfile" --auth=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    rm -f "$dir/pwfile"
    started=
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        port=$((20000 + RANDOM % 20000))
        if run "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null 2>&1; then
            started=1
            break
        fi
    done
    if [[ -z "$started" ]]; then
        cat "$dir/server.log" >&2 || true
        exit 1
    fi
    echo "$port" >"$dir/port"
    PGPASSWORD=$password "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$database"
    echo "postgresql://$user:$password@127.0.0.1:$port/$database"
    ;;
restart)
    run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 30 restart >/dev/null
    ;;
down)
    run "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
    ;;
up)
    dir=$(cd "$dir" && pwd)
    port=$(cat "$dir/port")
    run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
    ;;
stop)
    if [[ -d "$dir/data" ]]; then
        run "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|restart|down|up|stop DIR" >&2
    exit 2
    ;;
esac
