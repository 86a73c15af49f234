#!/usr/bin/env bash
# Five workstations started at the same moment on a database that needs upgrading (an update
# of ipasn added a migration): every one of them opens its screen (one upgrades, the others
# wait for it), the migration is applied once, and `ipasn check` finds nothing. Three rounds,
# each on a fresh copy of the old database. Before branch fixes some of the five stopped at
# once with "Data tersimpan tidak terbaca (unexpected database error 19 ...)": they ran the
# migration step another had just committed (tmux 80x24, the real binary).
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

demo_workspace 3000
# The old database: the last SQLite migration (2026-11-30-skp2022, which re-creates the SKP
# pending triggers and recounts) not applied yet.
OLD="$WORK/old.sqlite"
cp "$DB" "$OLD"
sqlite3 "$OLD" "DELETE FROM grdb_migrations WHERE identifier = '2026-11-30-skp2022'"
[ "$(sqlite3 "$OLD" "SELECT COUNT(*) FROM grdb_migrations WHERE identifier = '2026-11-30-skp2022'")" = 0 ] || fail "the old database was not made"

window_screen() { tmux -L "$E2E_SOCK" capture-pane -p -t "crowd:$1" 2>/dev/null || true; }

for round in 1 2 3; do
  db="$WORK/round-$round.sqlite"
  cp "$OLD" "$db"
  tmux_start 80 24 -s crowd "sleep 600"
  # Five windows, each a workstation whose exit status and stderr are kept.
  for i in 1 2 3 4 5; do
    tmux -L "$E2E_SOCK" new-window -d -t "crowd:$i" \
      "\"$IPASN_BIN\" --db \"$db\" 2>\"$WORK/err-$round-$i\"; echo \$? >\"$WORK/exit-$round-$i\"; sleep 600"
  done
  for i in 1 2 3 4 5; do
    waited=0
    until window_screen "$i" | grep -qF "Unit Kerja"; do
      if [ -e "$WORK/exit-$round-$i" ]; then
        fail "round $round: workstation $i stopped (status $(cat "$WORK/exit-$round-$i")): $(cat "$WORK/err-$round-$i")"
      fi
      [ "$waited" -lt 1200 ] || fail "round $round: workstation $i never showed its screen: $(window_screen "$i" | head -3)"
      sleep 0.05
      waited=$((waited + 1))
    done
  done
  ok "round $round: all five workstations opened their screens"
  for i in 1 2 3 4 5; do tmux -L "$E2E_SOCK" send-keys -t "crowd:$i" q; done
  for i in 1 2 3 4 5; do
    waited=0
    until [ -e "$WORK/exit-$round-$i" ]; do
      [ "$waited" -lt 200 ] || fail "round $round: workstation $i did not quit"
      sleep 0.05
      waited=$((waited + 1))
    done
    [ "$(cat "$WORK/exit-$round-$i")" = 0 ] || fail "round $round: workstation $i exited with $(cat "$WORK/exit-$round-$i"): $(cat "$WORK/err-$round-$i")"
  done
  tmux_stop
  [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM grdb_migrations WHERE identifier = '2026-11-30-skp2022'")" = 1 ] \
    || fail "round $round: the migration is not recorded once"
  "$IPASN_BIN" --db "$db" check >"$WORK/check-$round" 2>&1 || fail "round $round: ipasn check: $(cat "$WORK/check-$round")"
  ok "round $round: migrated once, every workstation quit normally, ipasn check is clean"
done
