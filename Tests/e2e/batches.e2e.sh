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
wait_for "Batalkan penghapusan"
# The dialog wraps the question: the event's name ends it.
screen | grep -qF "Kode Etik'?" || fail "the undo question does not name the event: $(screen)"
key y
wait_for "Sosialisasi Kode Etik — 4 peserta"
[ "$(members)" = "4" ] || fail "after undoing the removal, $(members) records"
CHECK="$("$IPASN_BIN" --db "$DB" check 2>&1)" || fail "ipasn check after the edits: $CHECK"
ok "u brings the removed participant back; ipasn check is clean"
echo "  measured: $KEYS keystrokes to reopen, add one, remove one and undo"
tmux_stop

# --- Bulk SKP for 5 employees: n on the unit's list, one predikat per row --------------------
# Five new employees of the first unit (the demo gives everyone this year's SKP), first by name.
ROOT="$(sqlite3 "$DB" "SELECT kode FROM units WHERE induk IS NULL OR induk = '' ORDER BY kode LIMIT 1")"
{
  echo "nip;nama;kode_unit;jenis_jabatan"
  for n in 1 2 3 4 5; do echo "19900101201501190$n;Aaa Pegawai $n;$ROOT;pelaksana"; done
} >"$WORK/baru.csv"
"$IPASN_BIN" --db "$DB" import pegawai "$WORK/baru.csv" >/dev/null || fail "importing the five employees failed"
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
SKPBEFORE="$(sqlite3 "$DB" "SELECT count(*) FROM skp WHERE tahun = $YEAR")"
KEYS=0
key Enter
wait_for "Pegawai — "
key v Down Down Down Down v
wait_for "5 dipilih"
key n
wait_for "SKP $YEAR — 5 pegawai"
for _ in 1 2 3 4 5; do
  typ "b"
  key Enter
done
key C-s
wait_for "Tinjau: SKP $YEAR — 5 pegawai"
key C-s
wait_for "Tersimpan: SKP $YEAR untuk"
SAVED="$(screen | grep -o "Tersimpan: SKP $YEAR untuk [0-9]*" | awk '{print $NF}')"
SKPAFTER="$(sqlite3 "$DB" "SELECT count(*) FROM skp WHERE tahun = $YEAR")"
[ "$((SKPAFTER - SKPBEFORE))" = "$SAVED" ] || fail "the screen says $SAVED saved, the table grew by $((SKPAFTER - SKPBEFORE))"
ONEBATCH="$(sqlite3 "$DB" "SELECT count(DISTINCT a.batch) || '|' || count(*) FROM audit a JOIN batches b ON b.id = a.batch WHERE b.label = 'SKP $YEAR'")"
[ "$ONEBATCH" = "1|$SAVED" ] || fail "expected $SAVED audit rows of one batch, found $ONEBATCH"
[ "$SAVED" = "5" ] || fail "expected 5 SKP saved, the screen says $SAVED"
ok "bulk SKP for 5 employees saved in $KEYS keystrokes from the unit list, one batch"
echo "  measured: $KEYS keystrokes for a bulk SKP of 5 employees"
key u
wait_for "Batalkan penyimpanan SKP $YEAR untuk 5 pegawai?"
screen | grep -qF "peserta" && fail "the SKP undo question speaks of peserta: $(screen)"
key y
wait_for "Dibatalkan: penyimpanan SKP $YEAR untuk 5 pegawai."
[ "$(sqlite3 "$DB" "SELECT count(*) FROM skp WHERE tahun = $YEAR")" = "$SKPBEFORE" ] || fail "undo of the bulk SKP left records"
ok "u undoes the bulk SKP in one step"
tmux_stop
