#!/usr/bin/env bash
# Employees change (issue 9), as an admin does it with raw keys in tmux:
#  1. Find an employee by NIP, `e` (ubah pegawai), Tab to the unit, type another unit's kode,
#     save without the mutasi date (refused, the field named), Tab to the date, type it, Ctrl-S,
#     confirm with y: the database holds the new unit and date, the page shows the mutasi history.
#  2. `a` (nonaktif): reason "pensiun" and a date, Ctrl-S, y: the page says NONAKTIF, the
#     database keeps the reason and date; `u` undoes it (asks first); `a` on the active
#     employee opens the form again and Esc leaves it.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

demo_workspace 300
ok "demo database of 300 employees"
NIP="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE aktif = 1 AND kode_unit LIKE '%.%' ORDER BY nip LIMIT 1")"
FROM="$(sqlite3 "$DB" "SELECT kode_unit FROM pegawai WHERE nip = '$NIP'")"
TO="$(sqlite3 "$DB" "SELECT kode FROM units WHERE kode <> '$FROM' AND induk IS NOT NULL ORDER BY kode LIMIT 1")"
TO_NAME="$(sqlite3 "$DB" "SELECT nama FROM units WHERE kode = '$TO'")"
YEAR="$(date +%Y)"

# --- 1. Mutasi ---------------------------------------------------------------------------
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "$NIP"
tmux_keys Enter
wait_for "Data Pegawai — "
tmux_keys e
wait_for "Ubah pegawai — "
tmux_keys Tab C-u
tmux_type "$TO"
tmux_keys C-s
wait_for "Tanggal mutasi wajib"
screen | grep -qF "Mutasi " && fail "a move without its date was asked about: $(screen)"
ok "a move without its date is refused, naming the field"
tmux_keys Tab
tmux_type "02-01-$YEAR"
tmux_keys C-s
wait_for "($FROM)"
screen | grep -qF "Ke: " || fail "the mutasi question does not name the new unit: $(screen)"
screen | grep -qF "($TO)" || fail "the mutasi question does not give the new unit's code: $(screen)"
tmux_keys y
wait_for "disimpan (u membatalkan)"
[ "$(sqlite3 "$DB" "SELECT kode_unit || ' ' || tmt_unit FROM pegawai WHERE nip = '$NIP'")" = "$TO $YEAR-01-02" ] \
  || fail "the mutasi was not stored: $(sqlite3 "$DB" "SELECT kode_unit, tmt_unit FROM pegawai WHERE nip = '$NIP'")"
tmux_keys End
wait_for "Riwayat mutasi"
wait_line "02-01-$YEAR" "→"
ok "mutasi $FROM -> $TO ($TO_NAME) stored with its date and shown in the history"

# --- 2. Nonaktif, undo, the form again -----------------------------------------------------
tmux_keys a
wait_for "Nonaktifkan pegawai — "
tmux_type "pensiun"
tmux_keys Tab
tmux_type "30-06-$YEAR"
tmux_keys C-s
wait_for "Pensiun sejak 30-06-$YEAR?"
tmux_keys y
wait_for "NONAKTIF: Pensiun sejak 30-06-$YEAR"
[ "$(sqlite3 "$DB" "SELECT aktif || ' ' || keluar_alasan || ' ' || keluar_tanggal FROM pegawai WHERE nip = '$NIP'")" = "0 pensiun $YEAR-06-30" ] \
  || fail "the inactivation was not stored"
ok "a: pensiun since 30-06-$YEAR stored, the page says NONAKTIF"
tmux_keys u
wait_for "Batalkan"
tmux_keys y
wait_gone_text() { local waited=0; while screen | grep -qF -- "$1" && [ $waited -lt 200 ]; do sleep 0.05; waited=$((waited + 1)); done; }
wait_gone_text "NONAKTIF"
[ "$(sqlite3 "$DB" "SELECT aktif FROM pegawai WHERE nip = '$NIP'")" = "1" ] || fail "u did not undo the inactivation"
ok "u undoes the inactivation"
tmux_keys a
wait_for "Nonaktifkan pegawai — "
tmux_keys Escape
wait_for "Data Pegawai — "
ok "a opens the form on an active employee; Esc leaves it"
tmux_keys q
wait_gone
