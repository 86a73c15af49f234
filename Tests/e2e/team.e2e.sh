#!/usr/bin/env bash
# Two admins of two different units on ONE database, each in their own workstation (tmux,
# 80x24), and their pimpinan. Logins come from the process's real uid (setpriv), never $USER:
#  1. each saves a punishment for an employee of their own unit;
#  2. each sees the other's save on the other's employee page after a refresh (Ctrl-L);
#  3. neither can add a record to (told at once, no form), nor mark progress of, the other's
#     unit: the message names the unit, and nothing is written;
#  4. the pimpinan's activity screen (F5, w) shows both admins with one typed record each.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

work_dir
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
needs_logins three
ANI_UID=41011
BUDI_UID=41012
KEPALA_UID=41013
ANI="uid $ANI_UID"
BUDI="uid $BUDI_UID"
KEPALA="uid $KEPALA_UID"
shared_demo 120
sql() { sqlite3 "$DB" "$1"; }
YEAR="$(sql "SELECT COALESCE((SELECT value FROM config WHERE key = 'year'), strftime('%Y', 'now'))")"
# Two leaf units (no sub-units) with active employees, neither below the other.
LEAVES="SELECT DISTINCT p.kode_unit FROM pegawai p WHERE p.aktif = 1 AND NOT EXISTS (SELECT 1 FROM units c WHERE c.induk = p.kode_unit) ORDER BY p.kode_unit"
UNIT1="$(sql "$LEAVES LIMIT 1")"
UNIT2="$(sql "$LEAVES LIMIT 1 OFFSET 1")"
[ -n "$UNIT1" ] && [ -n "$UNIT2" ] || fail "the demo has no two leaf units"
NIP1="$(sql "SELECT nip FROM pegawai WHERE aktif = 1 AND kode_unit = '$UNIT1' ORDER BY nip LIMIT 1")"
NAME1="$(sql "SELECT nama FROM pegawai WHERE nip = '$NIP1'")"
NIP2="$(sql "SELECT nip FROM pegawai WHERE aktif = 1 AND kode_unit = '$UNIT2' ORDER BY nip LIMIT 1")"
NAME2="$(sql "SELECT nama FROM pegawai WHERE nip = '$NIP2'")"
"$IPASN_BIN" --db "$DB" users add "$ANI" --role admin --unit "$UNIT1" >>"$WORK/demo.log" 2>&1 || fail "users add: $(cat "$WORK/demo.log")"
"$IPASN_BIN" --db "$DB" users add "$BUDI" --role admin --unit "$UNIT2" >>"$WORK/demo.log" 2>&1 || fail "users add: $(cat "$WORK/demo.log")"
"$IPASN_BIN" --db "$DB" users add "$KEPALA" --role pimpinan >>"$WORK/demo.log" 2>&1 || fail "users add: $(cat "$WORK/demo.log")"
ok "demo database; ani is admin of $UNIT1 ($NAME1), budi of $UNIT2 ($NAME2), kepala is pimpinan"

# lib.sh's sessions: start_as, keys, waits, open_pegawai ...
punish() {  # punish SESSION DAY JENIS: types a punishment (a PP 94/2021 jenis) on the open employee page and saves; the day tells the saves apart
  keys "$1" h
  waits "$1" "Tambah Hukuman Disiplin"
  typed "$1" "ringan"
  keys "$1" Tab
  typed "$1" "$2-06-$YEAR"
  keys "$1" Tab
  typed "$1" "$3"
  keys "$1" C-s
}
# refused_at_once SESSION UNIT NAME: h on another unit's employee says the rule at once and
# opens no form (the store's refusal of a save is tested in PermissionTests).
refused_at_once() {
  keys "$1" h
  waits "$1" "Unit $2 bukan unit Anda: data unit ini hanya dapat dibaca."
  shot "$1" | grep -qF "Tambah Hukuman Disiplin" && fail "$1: a form opened on another unit's employee"
  waits "$1" "Data Pegawai — $3"
}

# --- 1. Each saves into their own unit ----------------------------------------------------
start_as ani "$ANI_UID"
start_as budi "$BUDI_UID"
waits ani "Unit Kerja"
waits budi "Unit Kerja"
# A unit admin starts on their own unit: the first Enter opens it (user test 4: DISDIK's
# admin pressed Down 19 times, KEC-UTARA's 50, before every session's first Enter).
UNIT1_NAME="$(sql "SELECT nama FROM units WHERE kode = '$UNIT1'")"
keys ani Enter
waits ani "Pegawai — "
shot ani | head -1 | grep -qF -- "$UNIT1_NAME" || { shot ani >&2; fail "ani's first Enter did not open $UNIT1 ($UNIT1_NAME)"; }
keys ani Escape
waits ani "Unit Kerja"
ok "ani's first Enter opens her own unit $UNIT1"
open_pegawai ani "$NIP1" "$NAME1"
open_pegawai budi "$NIP2" "$NAME2"
punish ani 01 "Teguran lisan"
waits ani "Tersimpan"
punish budi 02 "Teguran tertulis"
waits budi "Tersimpan"
[ "$(sql "SELECT count(*) FROM disiplin WHERE tmt IN ('$YEAR-06-01', '$YEAR-06-02')")" = 2 ] || fail "both saves are not in the database"
ok "ani and budi each saved a punishment in their own unit"

# --- 2. Each sees the other's save after a refresh -----------------------------------------
keys ani Escape
waits ani "Unit Kerja"
open_pegawai ani "$NIP2" "$NAME2"
keys budi Escape
waits budi "Unit Kerja"
open_pegawai budi "$NIP1" "$NAME1"
refused_at_once budi "$UNIT1" "$NAME1"  # h on ani's employee: told at once, no form
# The punishments are listed last on the page: End shows them.
keys ani C-l
keys ani End
waits ani "02-06-$YEAR  Ringan  Teguran tertulis"
keys budi C-l
keys budi End
waits budi "01-06-$YEAR  Ringan  Teguran lisan"
ok "after Ctrl-L each sees the other's save on the other's employee page"

# --- 3. Neither can touch the other's unit -------------------------------------------------
refused_at_once ani "$UNIT2" "$NAME2"
[ "$(sql "SELECT count(*) FROM disiplin WHERE tmt IN ('$YEAR-06-03', '$YEAR-06-04')")" = 0 ] || fail "a refused record was written"
ok "each was refused a record in the other's unit at once (no form), the message naming the unit"

# ani marks progress of budi's unit on the unit list: the row of UNIT2 in tree order.
ROW="$(sql "WITH RECURSIVE t(k, path) AS (SELECT kode, kode FROM units WHERE induk IS NULL OR induk NOT IN (SELECT kode FROM units) UNION ALL SELECT u.kode, t.path || char(1) || u.kode FROM units u JOIN t ON u.induk = t.k) SELECT count(*) FROM t WHERE path < (SELECT path FROM t WHERE k = '$UNIT2')")"
keys ani Escape
waits ani "Unit Kerja"
keys ani Home
for _ in $(seq 1 "$ROW"); do keys ani Down; done
keys ani m
waits ani "Tandai selesai diinput"
keys ani 4  # disiplin: every employee has no punishment on record until today, so nothing is missing
sleep 0.5
if ! shot ani | grep -qF "bukan unit Anda"; then
  shot ani | grep -qF "?" && keys ani y
fi
waits ani "Unit $UNIT2 bukan unit Anda"
[ "$(sql "SELECT count(*) FROM progress WHERE unit = '$UNIT2'")" = 0 ] || fail "a refused mark was written"
ok "ani was refused marking progress of $UNIT2 (the store's message), nothing written"
keys ani Escape

# --- 4. The pimpinan sees both in the activity screen --------------------------------------
start_as kepala "$KEPALA_UID"
waits kepala "Unit Kerja"
keys kepala F5
waits kepala "Dasbor Pimpinan"
keys kepala w
waits kepala "Siapa mengerjakan apa — per admin"
waits kepala "Diketik 2, diubah 0, dihapus 0"
for login in "$ANI" "$BUDI"; do
  line="$(shot kepala | grep -F " $login " || true)"
  [ -n "$line" ] || fail "the activity screen does not list $login: $(shot kepala)"
  set -- $line
  [ "$3" = 1 ] || fail "$login should have typed 1: $line"
done
keys kepala g
waits kepala "per unit"
ok "the pimpinan's activity screen lists ani and budi with one typed record each"

for s in ani budi kepala; do keys "$s" q; done
CHECK="$("$IPASN_BIN" --db "$DB" check 2>&1)" || fail "ipasn check failed: $CHECK"
grep -q "OK" <<<"$CHECK" || fail "ipasn check did not say OK: $CHECK"
ok "all quit; ipasn check says OK"
