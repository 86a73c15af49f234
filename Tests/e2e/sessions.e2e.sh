#!/usr/bin/env bash
# Two admins (ani and budi), each in their own workstation, on ONE database, in tmux at 80x24:
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

WORK="$(mktemp -d)"
cleanup() {
  tmux_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

build_binary
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
DB="$WORK/ipasn.sqlite"
"$IPASN_BIN" --db "$DB" demo --pegawai 120 >"$WORK/demo.log" 2>&1 || fail "ipasn demo failed: $(cat "$WORK/demo.log")"
YEAR="$(sqlite3 "$DB" "SELECT COALESCE((SELECT value FROM config WHERE key = 'year'), strftime('%Y', 'now'))")"
NIP1="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE aktif = 1 ORDER BY nip LIMIT 1")"
NAME1="$(sqlite3 "$DB" "SELECT nama FROM pegawai WHERE nip = '$NIP1'")"
NIP2="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE aktif = 1 ORDER BY nip LIMIT 1 OFFSET 1")"
NAME2="$(sqlite3 "$DB" "SELECT nama FROM pegawai WHERE nip = '$NIP2'")"
ok "demo database; ani works on $NAME1, budi on $NAME2 ($YEAR)"

# One tmux server, one session per admin (ani, budi).
tx() { tmux -L "$E2E_SOCK" "$@"; }
start_as() {  # start_as SESSION USER
  tx -f /dev/null new-session -d -s "$1" -x 80 -y 24 -e TERM=xterm-256color env USER="$2" IPASN_LANG=id "$IPASN_BIN" --db "$DB"
  tx set-option -g status off >/dev/null
}
keys() { local s="$1"; shift; tx send-keys -t "$s" "$@"; }
typed() { tx send-keys -t "$1" -l "$2"; }
shot() { tx capture-pane -p -t "$1" 2>/dev/null || true; }
alive() { tx has-session -t "$1" 2>/dev/null; }
waits() {  # waits SESSION TEXT [SECONDS]
  local s="$1" text="$2" limit="${3:-10}" n=0
  while [ "$n" -lt $((limit * 20)) ]; do
    if shot "$s" | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
    n=$((n + 1))
  done
  echo "  --- $s ---" >&2
  shot "$s" >&2
  fail "$s never showed: $text"
}
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
open_employee() {  # open_employee SESSION NIP NAME
  keys "$1" /
  waits "$1" "Nama atau NIP"
  typed "$1" "$2"
  waits "$1" "$3"
  keys "$1" Enter
  waits "$1" "Data Pegawai — $3"
}

# --- 1. Drafts belong to their author ---------------------------------------------------
start_as ani ani
start_as budi budi
waits ani "Unit Kerja"
waits budi "Unit Kerja"
open_employee ani "$NIP1" "$NAME1"
open_employee budi "$NIP2" "$NAME2"
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
poll_sql "SELECT group_concat(owner || ' ' || substr(form_key, 1, instr(form_key, ':') - 1), ',') FROM (SELECT * FROM drafts ORDER BY owner)" "ani diklat,budi skp"
ok "both forms are kept as drafts, one per admin and form"

kill -HUP "$(tx list-panes -t ani -F '#{pane_pid}')"
gone ani
start_as ani ani
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
poll_sql "SELECT group_concat(owner) FROM drafts" "budi"
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
typed budi "teguran lisan E2E budi"
keys budi C-s
waits budi "Tersimpan"
keys ani h
waits ani "Tambah Hukuman Disiplin"
typed ani "ringan"
keys ani Tab
typed ani "01-06-$YEAR"
keys ani Tab
typed ani "teguran lisan E2E ani"
keys ani C-s
waits ani "Tersimpan"
ANI_ID="$(sql "SELECT id FROM disiplin WHERE jenis = 'teguran lisan E2E ani'")"
[ -n "$ANI_ID" ] || fail "ani's punishment was not saved"
MAX_BEFORE="$(sql "SELECT MAX(id) FROM disiplin")"
[ "$ANI_ID" = "$MAX_BEFORE" ] || fail "ani's punishment #$ANI_ID is not the newest (#$MAX_BEFORE)"
ok "budi, then ani saved a punishment (ani's is disiplin #$ANI_ID, the highest id)"

keys ani u
waits ani "Batalkan: tambah hukuman disiplin"
shot ani | grep -qF "E2E budi" && fail "ani's undo names budi's record"
poll_sql "SELECT count(*) FROM disiplin WHERE jenis LIKE 'teguran lisan E2E%'" "2" 1
keys ani y
waits ani "Dibatalkan: tambah hukuman disiplin"
poll_sql "SELECT group_concat(jenis) FROM disiplin WHERE jenis LIKE 'teguran lisan E2E%'" "teguran lisan E2E budi"
ok "ani's u named her change, asked, and undid only hers (budi's stays)"
waits budi "Data diubah oleh ani" 8
ok "budi's open screen refreshed by itself and said who changed the data"

printf 'nip,tingkat,tmt,jenis\n%s,sedang,03-06-%s,impor E2E budi\n' "$NIP2" "$YEAR" >"$WORK/disiplin.csv"
USER=budi "$IPASN_BIN" --db "$DB" import disiplin "$WORK/disiplin.csv" >"$WORK/import.log" 2>&1 || fail "import failed: $(cat "$WORK/import.log")"
IMPORTED_ID="$(sql "SELECT id FROM disiplin WHERE jenis = 'impor E2E budi'")"
[ "$IMPORTED_ID" -gt "$ANI_ID" ] || fail "the import reused id $IMPORTED_ID (ani's undone record was #$ANI_ID)"
ok "budi's command-line import got id #$IMPORTED_ID, not the freed #$ANI_ID"
waits ani "Data diubah oleh budi" 8
ok "ani's screen refreshed after the command-line import"

keys ani U
waits ani "Ulangi: tambah hukuman disiplin"
keys ani y
waits ani "Diulang: tambah hukuman disiplin"
poll_sql "SELECT id FROM disiplin WHERE jenis = 'teguran lisan E2E ani'" "$ANI_ID"
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
poll_sql "SELECT count(*) FROM audit WHERE entity = 'units' AND action = 'update' AND actor = 'ani'" "1"
ok "ubah unit (e) asked, then changed the unit with its own audit row"

keys ani q
gone ani
keys budi q
gone budi
ok "both quit"
