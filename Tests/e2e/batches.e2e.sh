#!/usr/bin/env bash
# Reopening an event (issue 9), through the real binary in tmux with raw keys:
#  a sosialisasi for 3 employees is saved from the unit list, then opened again with B:
#  one participant added (t, choose in the unit's list, Enter, y), another removed (d, y),
#  and the removal undone (u, y). The database is checked after each step; the keys of the
#  reopening are counted.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

demo_workspace 60
YEAR="$(date +%Y)"
ok "demo database of 60 employees"

KEYS=0
key() {
  tmux_keys "$@"
  KEYS=$((KEYS + $#))
}
typ() {
  tmux_type "$1"
  KEYS=$((KEYS + ${#1}))
}

tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
# --- The event: three employees of the first unit ------------------------------------------
key Enter
wait_for "Pegawai — "
key v Down Down v
wait_for "3 dipilih"
key k
wait_for "Tambah Diklat/Kursus — 3 peserta"
typ "sosialis"
key Tab
wait_line "Jenis diklat" "Sosialisasi"
typ "Sosialisasi Kode Etik"
key Tab Tab
typ "5-1-$YEAR"
key Tab
wait_line "Tanggal selesai" "5-1-$YEAR"
key Tab
typ "2"
wait_for "Rata-rata unit"
key C-s
wait_for "Tinjau: Sosialisasi Kode Etik — 3 peserta"
key C-s
wait_for "Tersimpan: Sosialisasi Kode Etik untuk 3 peserta."
members() { sqlite3 "$DB" "SELECT count(*) FROM diklat WHERE nama = 'Sosialisasi Kode Etik' AND jenis = 7 AND tanggal_mulai = '$YEAR-01-05' AND jp = 2"; }
[ "$(members)" = "3" ] || fail "expected 3 records of the event, found $(members)"
ok "the event is saved for 3 employees"

# --- Reopen it: B, Enter ---------------------------------------------------------------------
KEYS=0
key B
wait_for "Daftar Kegiatan (input bersama)"
wait_line "Sosialisasi Kode Etik" " 3 "
key Enter
wait_for "Sosialisasi Kode Etik — 3 peserta"
# Add the 4th employee of the unit's list (the chosen three were the first three).
key t
wait_for "Pilih pegawai untuk 'Sosialisasi Kode Etik'"
key Down Down Down Enter
wait_for "Tambahkan 1 peserta ke 'Sosialisasi Kode Etik'?"
key y
wait_for "Sosialisasi Kode Etik — 4 peserta"
wait_for "1 peserta ditambahkan"
[ "$(members)" = "4" ] || fail "after adding, $(members) records"
ok "one participant added from the unit's list ($KEYS keys since B)"
# Remove the first participant (by name), asked first.
FIRST="$(screen | grep -A1 -F "NIP" | tail -1 | awk '{print $1 $2 $3 $4}')"
key d
wait_for "dari 'Sosialisasi Kode Etik'?"
key y
wait_for "Sosialisasi Kode Etik — 3 peserta"
[ "$(members)" = "3" ] || fail "after removing, $(members) records"
EDITS="$(sqlite3 "$DB" "SELECT count(*) FROM batches WHERE parent IS NOT NULL")"
[ "$EDITS" = "2" ] || fail "expected 2 edits of the event, found $EDITS"
ok "one participant removed; each change is a batch edit of its own"
# Undo the removal: one step.
key u
wait_for "hapus diklat 'Sosialisasi Kode Etik' untuk 1 peserta"
key y
wait_for "Sosialisasi Kode Etik — 4 peserta"
[ "$(members)" = "4" ] || fail "after undoing the removal, $(members) records"
CHECK="$("$IPASN_BIN" --db "$DB" check 2>&1)" || fail "ipasn check after the edits: $CHECK"
ok "u brings the removed participant back; ipasn check is clean"
echo "  measured: $KEYS keystrokes to reopen, add one, remove one and undo"
tmux_stop
