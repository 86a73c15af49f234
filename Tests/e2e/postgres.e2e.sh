#!/usr/bin/env bash
# The PostgreSQL server mode end to end (skipped without IPASN_TEST_PG, which `make test`
# sets to its throw-away cluster):
#  1. CLI: the demo's CSV files imported into a PostgreSQL database and into a SQLite file
#     give the same scores, the same unit report and `ipasn check` OK on both.
#  2. The workstation on postgresql://: find an employee, add a diklat, the subtotal moves,
#     save; the row and its audit row are on the server.
#  3. Undo (u) in the workstation's session removes it from the server; the CLI's score
#     goes back; another session's change (the CLI) shows on the open page within a second,
#     without a key (LISTEN/NOTIFY); `ipasn check` OK.
#  4. `ipasn migrate --to` copies the SQLite file into a second, empty PostgreSQL database
#     and proves it; a second copy onto that data is refused.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

if [ -z "${IPASN_TEST_PG:-}" ]; then
  echo "  skip - IPASN_TEST_PG is not set (make test starts a PostgreSQL cluster and sets it)"
  exit 0
fi
command -v psql >/dev/null || fail "psql is needed (apt-get install postgresql-client)"

WORK="$(mktemp -d)"
NAME="ipasn_e2e_$$"
COPY="ipasn_e2e_copy_$$"
cleanup() {
  tmux_stop
  psql "$IPASN_TEST_PG" -qAtc "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null 2>&1 || true
  psql "$IPASN_TEST_PG" -qAtc "DROP DATABASE IF EXISTS $COPY WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
build_binary
psql "$IPASN_TEST_PG" -qAtc "CREATE DATABASE $NAME" >/dev/null || fail "cannot create database $NAME"
# The test server's conninfo, as a postgresql:// URL naming the new database.
HOST="$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$IPASN_TEST_PG")"
USER_="$(sed -n 's/.*user=\([^ ]*\).*/\1/p' <<<"$IPASN_TEST_PG")"
PG="postgresql:///$NAME?host=$HOST${USER_:+&user=$USER_}"
# psql on the new database (a later dbname= wins in a conninfo).
pg() { psql "$IPASN_TEST_PG dbname=$NAME" -qAtc "$1"; }

# --- 1. CLI: import and score, PostgreSQL against SQLite ------------------------------
"$IPASN_BIN" demo --pegawai 300 --csv-dir "$WORK/csv" >/dev/null 2>&1 || fail "ipasn demo --csv-dir failed"
SQLITE="$WORK/ipasn.sqlite"
for kind in units pegawai pendidikan diklat skp disiplin; do
  "$IPASN_BIN" --db "$SQLITE" import "$kind" "$WORK/csv/$kind.csv" --quiet >/dev/null 2>"$WORK/err" || fail "SQLite import $kind: $(cat "$WORK/err")"
  "$IPASN_BIN" --db "$PG" import "$kind" "$WORK/csv/$kind.csv" --quiet >/dev/null 2>"$WORK/err" || fail "PostgreSQL import $kind: $(cat "$WORK/err")"
done
ok "the demo's six CSV files imported into PostgreSQL ($PG) and into SQLite"
[ "$(pg "SELECT count(*) FROM diklat")" = "$(sqlite3 "$SQLITE" "SELECT count(*) FROM diklat")" ] || fail "diklat counts differ"
"$IPASN_BIN" --db "$SQLITE" score --format csv >"$WORK/s1.csv" || fail "score on SQLite"
"$IPASN_BIN" --db "$PG" score --format csv >"$WORK/s2.csv" || fail "score on PostgreSQL"
cmp -s "$WORK/s1.csv" "$WORK/s2.csv" || fail "scores differ: $(diff "$WORK/s1.csv" "$WORK/s2.csv" | head -3)"
"$IPASN_BIN" --db "$SQLITE" report units >"$WORK/u1.txt" && "$IPASN_BIN" --db "$PG" report units >"$WORK/u2.txt" || fail "report units"
cmp -s "$WORK/u1.txt" "$WORK/u2.txt" || fail "unit reports differ"
[ "$("$IPASN_BIN" --db "$PG" check 2>&1)" = "OK" ] || fail "ipasn check on PostgreSQL: $("$IPASN_BIN" --db "$PG" check 2>&1)"
ok "$(($(wc -l <"$WORK/s1.csv") - 1)) scores and the unit report identical on both engines; ipasn check OK"

# --- 2. The workstation on PostgreSQL --------------------------------------------------
YEAR="$(awk -F, 'NR == 2 { print $4 }' "$WORK/s2.csv")"
PELAKSANA="$(pg "SELECT nip FROM pegawai WHERE jenis_jabatan = 'pelaksana' AND aktif = 1")"
NIP=""
while IFS=, read -r nip nama _unit _year _kual komp _rest; do
  if [ "$komp" = "17.5" ] && grep -qx "$nip" <<<"$PELAKSANA"; then NIP="$nip"; EMP="$nama"; break; fi
done < <(tail -n +2 "$WORK/s2.csv" | grep -v '"')
[ -n "$NIP" ] || fail "the demo has no pelaksana with kompetensi 17.5"

tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$PG"
wait_for "Unit Kerja"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "$NIP"
wait_for "$EMP"
tmux_keys Enter
wait_line "Kompetensi" "17,5 / 40"
ok "the workstation on PostgreSQL found $EMP ($NIP) by NIP"
tmux_keys k
wait_for "Tambah Diklat/Kursus"
tmux_type "Teknis"
tmux_keys Tab
tmux_type "E2E Pelatihan Server"
tmux_keys Tab
tmux_type "BPSDM Provinsi"
tmux_keys Tab
tmux_type "02-01-$YEAR"
tmux_keys Tab
tmux_type "03-01-$YEAR"
tmux_keys Tab
tmux_type "24"
wait_line "Kompetensi" "17,5 -> 40 (+22,5)"
tmux_keys C-s
wait_for "Tersimpan: 03-01-$YEAR Teknis E2E Pelatihan Server 24 JP"
wait_line "Kompetensi" "40 / 40"
ok "a diklat typed and saved: Kompetensi 17,5 -> 40 on screen"
ID="$(pg "SELECT id FROM diklat WHERE nip = '$NIP' AND nama = 'E2E Pelatihan Server' AND jp = 24")"
[ -n "$ID" ] || fail "the diklat is not on the server"
[ "$(pg "SELECT count(*) FROM audit WHERE action = 'insert' AND entity = 'diklat' AND entity_id = '$ID'")" = 1 ] || fail "no audit row"
[ "$(pg "SELECT kompetensi FROM employee_score WHERE nip = '$NIP' AND year = $YEAR")" = 40 ] || fail "cached score not 40"
ok "diklat $ID, its audit row and the cached score 40 are on the server"

# --- 3. Undo in the workstation's session; the CLI sees it -----------------------------
tmux_keys u
wait_for "Batalkan penyimpanan diklat"
tmux_keys y
wait_for "Dibatalkan"
wait_line "Kompetensi" "17,5 / 40"
[ "$(pg "SELECT count(*) FROM diklat WHERE id = $ID")" = 0 ] || fail "undo left the diklat"
"$IPASN_BIN" --db "$PG" score --nip "$NIP" --format csv | grep -q ",17.5," || fail "score after undo is not 17.5"
ok "u (Batalkan) undid the save on the server; ipasn score shows 17,5 again"
# --- 3b. Live refresh: another session's change redraws the open page without a key ----
# The command-line change commits a NOTIFY; the workstation waits on its connection's
# socket and reloads the page. Measured from the command's end to the screen showing it.
"$IPASN_BIN" --db "$PG" pegawai ubah "$NIP" --nama "$EMP Live" >/dev/null 2>"$WORK/err" || fail "pegawai ubah: $(cat "$WORK/err")"
START="$(date +%s%N)"
wait_for "Data diubah oleh" 5
SHOWN="$(date +%s%N)"
wait_for "$EMP Live" 1
MS=$(((SHOWN - START) / 1000000))
[ "$MS" -lt 1000 ] || fail "the refresh took $MS ms (more than a second)"
ok "another session's rename showed on the open page without a key, $MS ms after it committed (wall clock)"
"$IPASN_BIN" --db "$PG" pegawai ubah "$NIP" --nama "$EMP" >/dev/null 2>&1 || fail "pegawai ubah back"
for _ in $(seq 100); do screen | grep -qF -- "$EMP Live" || break; sleep 0.05; done
screen | grep -qF -- "$EMP Live" && fail "the name back was not shown"
tmux_keys q
wait_gone
[ "$("$IPASN_BIN" --db "$PG" check 2>&1)" = "OK" ] || fail "ipasn check after the workstation"
ok "ipasn check OK after the workstation"

# --- 4. migrate --to: the SQLite file into an empty PostgreSQL database ---------------
psql "$IPASN_TEST_PG" -qAtc "CREATE DATABASE $COPY" >/dev/null || fail "cannot create database $COPY"
TO="postgresql:///$COPY?host=$HOST${USER_:+&user=$USER_}"
"$IPASN_BIN" --db "$SQLITE" migrate --to "$TO" >"$WORK/migrate.out" 2>&1 || fail "ipasn migrate: $(cat "$WORK/migrate.out")"
grep -q "^  diklat: $(sqlite3 "$SQLITE" "SELECT count(*) FROM diklat")$" "$WORK/migrate.out" || fail "no diklat count: $(cat "$WORK/migrate.out")"
grep -q "terbukti sama" "$WORK/migrate.out" || fail "no proof: $(cat "$WORK/migrate.out")"
"$IPASN_BIN" --db "$TO" score --format csv >"$WORK/s3.csv" || fail "score on the copy"
cmp -s "$WORK/s1.csv" "$WORK/s3.csv" || fail "the copy's scores differ from the SQLite file's"
ok "ipasn migrate --to copied the SQLite file and proved it; its scores are the file's"
if "$IPASN_BIN" --db "$SQLITE" migrate --to "$TO" >"$WORK/again.out" 2>&1; then fail "a second copy was not refused"; fi
grep -q "sudah berisi data ipasn" "$WORK/again.out" || fail "unclear refusal: $(cat "$WORK/again.out")"
grep -q -- "--join" "$WORK/again.out" || fail "the refusal does not name --join: $(cat "$WORK/again.out")"
ok "a second copy onto that data is refused: $(tail -1 "$WORK/again.out")"

# --- 5. units rename on PostgreSQL: the owner's function, every figure the same ---------
"$IPASN_BIN" --db "$TO" report units --format csv >"$WORK/u1.csv" || fail "report units on the copy"
"$IPASN_BIN" --db "$TO" units rename BKPSDM KOTA-BKPSDM >"$WORK/rename.out" 2>&1 || fail "units rename: $(cat "$WORK/rename.out")"
grep -q "kode BKPSDM -> KOTA-BKPSDM" "$WORK/rename.out" || fail "unclear rename: $(cat "$WORK/rename.out")"
"$IPASN_BIN" --db "$TO" score --format csv >"$WORK/s4.csv" || fail "score after the rename"
# (Rows are ordered by unit: compared as sets of lines.)
sed 's/,BKPSDM,/,KOTA-BKPSDM,/g' "$WORK/s3.csv" | sort >"$WORK/s3r.csv"
sort "$WORK/s4.csv" | cmp -s "$WORK/s3r.csv" - || fail "the scores changed with the code: $(sort "$WORK/s4.csv" | diff "$WORK/s3r.csv" - | head -3)"
"$IPASN_BIN" --db "$TO" report units --format csv >"$WORK/u2.csv" || fail "report units after the rename"
[ "$(wc -l <"$WORK/u1.csv")" = "$(wc -l <"$WORK/u2.csv")" ] || fail "the unit report lost or gained rows"
grep -q "KOTA-BKPSDM" "$WORK/u2.csv" || fail "the unit report does not show the new code"
[ "$("$IPASN_BIN" --db "$TO" check 2>&1)" = "OK" ] || fail "ipasn check after the rename"
ok "units rename on PostgreSQL: $(head -1 "$WORK/rename.out" | cut -c1-80)...; scores the same under the new code; check OK"
