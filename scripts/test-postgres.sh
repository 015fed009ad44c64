# Sourced by test.sh. start_test_postgres starts a throwaway PostgreSQL cluster in a temporary
# directory, listening on 127.0.0.1 only, on a free port; it exports COUNTERLINE_TEST_POSTGRES
# (a URL to its "postgres" database, superuser "counterline", no password) and removes the
# cluster when the script exits.

start_test_postgres() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "error: PostgreSQL server binaries not found under /usr/lib/postgresql" >&2
        return 1
    fi

    COUNTERLINE_PG_DIR="$(mktemp -d -t counterline-pg.XXXXXX)"
    # PostgreSQL refuses to run as root; as root, the cluster belongs to the postgres user.
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$COUNTERLINE_PG_DIR"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bin/initdb" -D "$COUNTERLINE_PG_DIR/data" -U counterline -A trust \
        --no-sync -E UTF8 >"$COUNTERLINE_PG_DIR/initdb.log" 2>&1 || {
        cat "$COUNTERLINE_PG_DIR/initdb.log" >&2
        return 1
    }

    # A port below the kernel's ephemeral range (32768 and up), so that no outgoing connection
    # holds it; if it is taken all the same, another one.
    local port started=0
    for _ in $(seq 1 10); do
        port=$(( (RANDOM % 12000) + 20000 ))
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            continue
        fi
        if "${run[@]}" "$bin/pg_ctl" -D "$COUNTERLINE_PG_DIR/data" \
            -l "$COUNTERLINE_PG_DIR/server.log" \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $COUNTERLINE_PG_DIR -c fsync=off \
                -c max_connections=300" \
            -w start >/dev/null; then
            started=1
            break
        fi
    done
    if [ "$started" -ne 1 ]; then
        cat "$COUNTERLINE_PG_DIR/server.log" >&2
        return 1
    fi
    COUNTERLINE_PG_BIN="$bin"
    COUNTERLINE_PG_RUN=("${run[@]}")
    export COUNTERLINE_TEST_POSTGRES="postgresql://counterline@127.0.0.1:$port/postgres"
    trap stop_test_postgres EXIT
    echo "== PostgreSQL for tests on 127.0.0.1:$port ($COUNTERLINE_PG_DIR)"
}

stop_test_postgres() {
    if [ -n "${COUNTERLINE_PG_DIR:-}" ] && [ -d "$COUNTERLINE_PG_DIR" ]; then
        "${COUNTERLINE_PG_RUN[@]}" "$COUNTERLINE_PG_BIN/pg_ctl" -D "$COUNTERLINE_PG_DIR/data" \
            -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$COUNTERLINE_PG_DIR"
    fi
}
