#!/usr/bin/env bash
# Two admins (ani and budi), each in their own workstation, on ONE database, in tmux at 80x24.
# ipasn takes the login from the process's real uid (never $USER), so "ani" and "budi" are two
# uids without a name (logins "uid 41001" and "uid 41002", run through setpriv), made
# operators by the database's first login (root, who made the demo):
#  1. drafts belong to their author: both leave a form open, ani's terminal hangs up, her
#     next start offers her course only (never budi's SKP) and budi's draft survives.
#  2. undo is this session's: ani's `u` names her own change (the newest record), asks, and
#     undoes only it;
#     budi's screen refreshes by itself and says who changed the data; a command-line import
#     by budi gets new record ids (never the one ani's undo freed), and ani's redo (U)
#     brings her record back under its own id; `ipasn check` says OK.
#  3. "tambah unit dan pegawai" leaves the unit alone; "ubah unit" (e) asks, then changes it
#     with its own audit row.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

work_dir
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
needs_logins two
ANI_UID=41001
BUDI_UID=41002
ANI="uid $ANI_UID"
BUDI="uid $BUDI_UID"
as_uid() {  # as_uid UID COMMAND...: runs COMMAND as that (nameless) user
  local uid="$1"
  shift
  setpriv --reuid="$uid" --regid="$uid" --clear-groups -- "$@"
}
# A database directory both logins may write (deployment.md does it with a group and
# umask 002; these uids share no group, so everyone may write here).
shared_demo 120 "$ANI" "$BUDI"
YEAR="$(sqlite3 "$DB" "SELECT COALESCE((SELECT value FROM config WHERE key = 'year'), strftime('%Y', 'now'))")"
NIP1="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE aktif = 1 ORDER BY nip LIMIT 1")"
NAME1="$(sqlite3 "$DB" "SELECT nama FROM pegawai WHERE nip = '$NIP1'")"
NIP2="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE aktif = 1 ORDER BY nip LIMIT 1 OFFSET 1")"
NAME2="$(sqlite3 "$DB" "SELECT nama FROM pegawai WHERE nip = '$NIP2'")"
ok "demo database; ani works on $NAME1, budi on $NAME2 ($YEAR)"

# One tmux server, one session per admin (ani, budi): lib.sh's start_as, keys, waits ...
gone() {
  local n=0
  while alive "$1" && [ "$n" -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
  alive "$1" && fail "$1 did not quit"
  return 0
}
sql() { sqlite3 "$DB" "$1"; }
# poll_sql QUERY EXPECTED [SECONDS]: waits until the query prints EXPECTED.
poll_sql() {
  local n=0 limit="${3:-10}"
  while [ "$n" -lt $((limit * 20)) ]; do
    [ "$(sql "$1")" = "$2" ] && return 0
    sleep 0.05
    n=$((n + 1))
  done
  fail "database: \"$1\" gave \"$(sql "$1")\", expected \"$2\""
}

# --- 1. Drafts belong to their author ---------------------------------------------------
start_as ani "$ANI_UID"
start_as budi "$BUDI_UID"
waits ani "Unit Kerja"
waits budi "Unit Kerja"
open_pegawai ani "$NIP1" "$NAME1"
open_pegawai budi "$NIP2" "$NAME2"
keys ani k
waits ani "Tambah Diklat/Kursus"
typed ani "Teknis"
keys ani Tab
typed ani "E2E Kursus Ani"
keys budi n
waits budi "Tambah SKP"
typed budi "$YEAR"
keys budi Tab
typed budi "Baik"
# Each autosaves on its idle tick (2 s), under its own login and form.
poll_sql "SELECT group_concat(owner || ' ' || substr(form_key, 1, instr(form_key, ':') - 1), ',') FROM (SELECT * FROM drafts ORDER BY owner)" "$ANI diklat,$BUDI skp"
ok "both forms are kept as drafts, one per admin and form"

kill -HUP "$(tx list-panes -t ani -F '#{pane_pid}')"
gone ani
start_as ani "$ANI_UID"
waits ani "Pulihkan?"
shot ani | grep -qF "Diklat/Kursus" || fail "ani is not offered her course: $(shot ani)"
shot ani | grep -qF "SKP untuk" && fail "ani is offered budi's SKP"
keys ani y
waits ani "E2E Kursus Ani"
ok "ani's next start offers only her own course and restores it"
keys ani Escape
waits ani "Tinggalkan formulir"
keys ani y
waits ani "Data Pegawai — $NAME1"
poll_sql "SELECT group_concat(owner) FROM drafts" "$BUDI"
ok "ani discards hers; budi's draft is untouched"
keys budi Escape
waits budi "Tinggalkan formulir"
keys budi y
waits budi "Data Pegawai — $NAME2"
poll_sql "SELECT count(*) FROM drafts" "0"

# --- 2. Undo is this session's; live refresh; ids never reused --------------------------
keys budi h
waits budi "Tambah Hukuman Disiplin"
typed budi "ringan"
keys budi Tab
typed budi "02-06-$YEAR"
keys budi Tab
typed budi "lisan"  # the jenis hukuman picker: Teguran lisan
keys budi C-s
waits budi "Tersimpan"
keys ani h
waits ani "Tambah Hukuman Disiplin"
typed ani "ringan"
keys ani Tab
typed ani "01-06-$YEAR"
keys ani Tab
typed ani "teguran tertulis"
keys ani C-s
waits ani "Tersimpan"
ANI_ID="$(sql "SELECT id FROM disiplin WHERE nip = '$NIP1' AND tmt = '$YEAR-06-01'")"
[ -n "$ANI_ID" ] || fail "ani's punishment was not saved"
MAX_BEFORE="$(sql "SELECT MAX(id) FROM disiplin")"
[ "$ANI_ID" = "$MAX_BEFORE" ] || fail "ani's punishment #$ANI_ID is not the newest (#$MAX_BEFORE)"
ok "budi, then ani saved a punishment (ani's is disiplin #$ANI_ID, the highest id)"

keys ani u
waits ani "Batalkan penyimpanan hukuman disiplin"
shot ani | grep -qF "Teguran lisan" && fail "ani's undo names budi's record"
poll_sql "SELECT count(*) FROM disiplin WHERE (nip = '$NIP1' AND tmt = '$YEAR-06-01') OR (nip = '$NIP2' AND tmt = '$YEAR-06-02')" "2" 1
keys ani y
waits ani "Dibatalkan: penyimpanan hukuman disiplin"
poll_sql "SELECT group_concat(jenis) FROM disiplin WHERE (nip = '$NIP1' AND tmt = '$YEAR-06-01') OR (nip = '$NIP2' AND tmt = '$YEAR-06-02')" "Teguran lisan"
ok "ani's u named her change, asked, and undid only hers (budi's stays)"
waits budi "Data diubah oleh $ANI" 8
ok "budi's open screen refreshed by itself and said who changed the data"

printf 'nip,tingkat,tmt,jenis\n%s,sedang,03-06-%s,impor E2E budi\n' "$NIP2" "$YEAR" >"$WORK/disiplin.csv"
as_uid "$BUDI_UID" "$IPASN_BIN" --db "$DB" import disiplin "$WORK/disiplin.csv" >"$WORK/import.log" 2>&1 || fail "import failed: $(cat "$WORK/import.log")"
IMPORTED_ID="$(sql "SELECT id FROM disiplin WHERE jenis = 'impor E2E budi'")"
[ "$IMPORTED_ID" -gt "$ANI_ID" ] || fail "the import reused id $IMPORTED_ID (ani's undone record was #$ANI_ID)"
ok "budi's command-line import got id #$IMPORTED_ID, not the freed #$ANI_ID"
waits ani "Data diubah oleh $BUDI" 8
ok "ani's screen refreshed after the command-line import"

keys ani U
waits ani "Ulangi penyimpanan hukuman disiplin"
keys ani y
waits ani "Diulang: penyimpanan hukuman disiplin"
poll_sql "SELECT id FROM disiplin WHERE nip = '$NIP1' AND tmt = '$YEAR-06-01'" "$ANI_ID"
[ "$(sql "SELECT jenis FROM disiplin WHERE id = $IMPORTED_ID")" = "impor E2E budi" ] || fail "budi's imported record was overwritten"
CHECK="$("$IPASN_BIN" --db "$DB" check 2>&1)" || fail "ipasn check failed: $CHECK"
grep -q "OK" <<<"$CHECK" || fail "ipasn check did not say OK: $CHECK"
ok "ani's redo (U) restored her record as #$ANI_ID; budi's import is intact; ipasn check says OK"

# --- 3. Adding an employee never changes a unit; "ubah unit" is explicit ---------------
keys ani Escape
keys ani Escape
waits ani "Unit Kerja"
keys ani t
waits ani "Tambah unit dan pegawai"
waits ani "Unit ini sudah ada"
keys ani BTab BTab BTab BTab  # cannot reach the locked unit fields
typed ani "199901012024011001"
keys ani Tab
typed ani "E2E Pegawai Baru"
keys ani Tab
typed ani "pelaksana"
keys ani C-s
waits ani "Unit dan pegawai tersimpan"
UNIT="$(sql "SELECT kode_unit FROM pegawai WHERE nip = '199901012024011001'")"
[ -n "$UNIT" ] || fail "the employee was not saved"
UPDATES="$(sql "SELECT count(*) FROM audit WHERE entity = 'units' AND action = 'update'")"
[ "$UPDATES" = "0" ] || fail "adding an employee changed a unit ($UPDATES unit updates)"
ok "tambah unit dan pegawai added the employee to $UNIT and left the unit alone"
# The save opened the new employee's page above the unit's list: back twice, one Esc at a
# time (two Esc bytes in one burst are read as one key within the escape delay).
keys ani Escape
waits ani "Kual Komp"  # the unit's employee list
keys ani Escape
waits ani "Unit Kerja"
keys ani Home
keys ani e
waits ani "Ubah unit"
keys ani C-u
typed ani "E2E Unit Baru"
keys ani C-s
waits ani "\"E2E Unit Baru\"?"
keys ani y
waits ani "diubah. Tekan u untuk membatalkan"
poll_sql "SELECT count(*) FROM units WHERE nama = 'E2E Unit Baru'" "1"
poll_sql "SELECT count(*) FROM audit WHERE entity = 'units' AND action = 'update' AND actor = '$ANI'" "1"
ok "ubah unit (e) asked, then changed the unit with its own audit row"

keys ani q
gone ani
keys budi q
gone budi
ok "both quit"

# --- 4. Roles: admins of their own units ---------------------------------------------------
# The operator (root) makes ani the admin of her employee's unit only: the store refuses her
# a record of an employee of another unit (the command says which unit and which line) and
# lets her save into her own; budi becomes pimpinan, who only reads.
UNIT1="$(sql "SELECT kode_unit FROM pegawai WHERE nip = '$NIP1'")"
NIP3="$(sql "SELECT nip FROM pegawai WHERE aktif = 1 AND kode_unit NOT IN (WITH RECURSIVE s(k) AS (SELECT '$UNIT1' UNION SELECT kode FROM units JOIN s ON induk = k) SELECT k FROM s) ORDER BY nip LIMIT 1")"
UNIT3="$(sql "SELECT kode_unit FROM pegawai WHERE nip = '$NIP3'")"
"$IPASN_BIN" --db "$DB" users set "$ANI" --role admin --unit "$UNIT1" >/dev/null || fail "users set failed"
"$IPASN_BIN" --db "$DB" users set "$BUDI" --role pimpinan >/dev/null || fail "users set failed"
printf 'nip,tingkat,tmt,jenis\n%s,ringan,04-06-%s,peran E2E sendiri\n%s,ringan,04-06-%s,peran E2E lain\n' \
  "$NIP1" "$YEAR" "$NIP3" "$YEAR" >"$WORK/roles.csv"
if as_uid "$ANI_UID" "$IPASN_BIN" --db "$DB" import disiplin "$WORK/roles.csv" >"$WORK/roles.log" 2>&1; then
  fail "ani imported a row of unit $UNIT3: $(cat "$WORK/roles.log")"
fi
grep -qF "baris 3, kolom nip: Unit $UNIT3 bukan unit Anda." "$WORK/roles.log" \
  || fail "the refusal does not name line 3 and unit $UNIT3: $(cat "$WORK/roles.log")"
[ "$(sql "SELECT count(*) FROM disiplin WHERE jenis LIKE 'peran E2E%'")" = 0 ] || fail "a refused import wrote rows"
ok "ani (admin of $UNIT1) is refused line 3 for unit $UNIT3, and nothing of the file is written"
printf 'nip,tingkat,tmt,jenis\n%s,ringan,04-06-%s,peran E2E sendiri\n' "$NIP1" "$YEAR" >"$WORK/own.csv"
as_uid "$ANI_UID" "$IPASN_BIN" --db "$DB" import disiplin "$WORK/own.csv" >"$WORK/own.log" 2>&1 || fail "ani's own import failed: $(cat "$WORK/own.log")"
if as_uid "$BUDI_UID" "$IPASN_BIN" --db "$DB" config year 2030 >"$WORK/budi.log" 2>&1; then fail "pimpinan changed the year"; fi
grep -qF "Peran pimpinan hanya dapat membaca" "$WORK/budi.log" || fail "budi was not told his role reads only: $(cat "$WORK/budi.log")"
as_uid "$BUDI_UID" "$IPASN_BIN" --db "$DB" report units >/dev/null 2>&1 || fail "pimpinan cannot read the report"
if as_uid 41003 "$IPASN_BIN" --db "$DB" report units >"$WORK/stranger.log" 2>&1; then fail "a login without an account read the data"; fi
grep -qF "Login uid 41003 belum punya akun di basis data ini; minta operator (root)" "$WORK/stranger.log" \
  || fail "the stranger was not told whom to ask: $(cat "$WORK/stranger.log")"
ok "ani saves into her own unit; budi (pimpinan) reads but may not change the year; a login without an account is told to ask root"
# The workstation of a login without an account shows whom to ask, and quits on a key.
start_as stranger 41003
waits stranger "Belum ada akun"
waits stranger "Login uid 41003 belum punya akun di basis data ini; minta operator (root)"
waits stranger "Tekan tombol apa saja untuk keluar."
keys stranger x
gone stranger
ok "the workstation of a login without an account says whom to ask and quits on a key"
