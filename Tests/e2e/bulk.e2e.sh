#!/usr/bin/env bash
# One event, many participants (issue 9), through the real binary in tmux:
#  1. From the unit list, one sosialisasi for 15 employees: open the unit, choose a run of 15
#     (v, Down x14, v), k, the course form, Ctrl-S (review), Ctrl-S (save). The script counts
#     every key it sends and fails above 60. The database then holds 15 new records whose
#     audit rows share one batch id. u undoes the whole batch in one step, U redoes it.
#  2. A pasted column of NIPs (bracketed paste) chooses the employees it names and lists the
#     unknown NIP on screen.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

demo_workspace 300
YEAR="$(date +%Y)"
ok "demo database of 300 employees"

# --- 1. One sosialisasi for 15 employees ---------------------------------------------------
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
KEYS=0
key Enter                          # the first unit (the whole province: sub-units included)
wait_for "Pegawai — "
key v
wait_for "Awal rentang ditandai"
for _ in $(seq 14); do key Down; done
key v
wait_for "15 dipilih"
key k
wait_for "Tambah Diklat/Kursus — 15 peserta"
typ "sosialis"                     # the picker: Sosialisasi (SIASN 7)
key Tab                            # tingkat is passed over (not struktural)
wait_line "Jenis diklat" "Sosialisasi"
typ "Sosialisasi SKP"
key Tab
key Tab                            # penyelenggara left empty
typ "2-1-$YEAR"
key Tab                            # the end date follows the start date
wait_line "Tanggal selesai" "2-1-$YEAR"
key Tab
typ "3"
wait_for "Rata-rata unit"
key C-s
wait_for "Tinjau: Sosialisasi SKP — 15 peserta"
wait_for "Nilai berubah untuk"
key C-s
wait_for "Tersimpan: Sosialisasi SKP untuk 15 peserta."
ok "one sosialisasi for 15 employees saved in $KEYS keystrokes from the unit list"
[ "$KEYS" -le 60 ] || fail "the sosialisasi took $KEYS keystrokes (target: at most 60)"
echo "  measured: $KEYS keystrokes for 15 participants"

RECORDS="$(sqlite3 "$DB" "SELECT count(*) FROM diklat WHERE nama = 'Sosialisasi SKP' AND jenis = 7 AND tanggal_mulai = '$YEAR-01-02' AND tanggal_selesai = '$YEAR-01-02' AND jp = 3")"
[ "$RECORDS" = "15" ] || fail "expected 15 records, found $RECORDS"
BATCHES="$(sqlite3 "$DB" "SELECT count(DISTINCT batch), count(*) FROM audit WHERE batch IS NOT NULL")"
[ "$BATCHES" = "1|15" ] || fail "expected 15 audit rows of one batch, found $BATCHES"
LABEL="$(sqlite3 "$DB" "SELECT label || '|' || count FROM batches")"
[ "$LABEL" = "Sosialisasi SKP|15" ] || fail "batch row: $LABEL"
ok "15 records, 15 audit rows with one batch id, batch 'Sosialisasi SKP'"
CHECK="$("$IPASN_BIN" --db "$DB" check 2>&1)" || fail "ipasn check after the batch: $CHECK"
ok "ipasn check is clean (scores refreshed in the same transaction)"

# --- Undo of the batch is one step (u, y), and so is redo (U, y) ---------------------------
tmux_keys u
wait_for "Batalkan penyimpanan diklat 'Sosialisasi SKP' untuk 15"
tmux_keys y
wait_for "Dibatalkan: penyimpanan diklat 'Sosialisasi SKP' untuk 15 peserta."
LEFT="$(sqlite3 "$DB" "SELECT count(*) FROM diklat WHERE nama = 'Sosialisasi SKP'")"
[ "$LEFT" = "0" ] || fail "after undoing the batch $LEFT records are left"
ok "u undoes all 15 records of the batch in one step"
tmux_keys U
wait_for "Ulangi penyimpanan diklat 'Sosialisasi SKP' untuk 15"
tmux_keys y
wait_for "Diulang: penyimpanan diklat 'Sosialisasi SKP' untuk 15 peserta."
BACK="$(sqlite3 "$DB" "SELECT count(*) FROM diklat WHERE nama = 'Sosialisasi SKP'")"
[ "$BACK" = "15" ] || fail "after redoing the batch $BACK records are there"
CHECK="$("$IPASN_BIN" --db "$DB" check 2>&1)" || fail "ipasn check after undo and redo: $CHECK"
ok "U redoes all 15 in one step; ipasn check is clean"

# --- 2. A pasted column of NIPs ------------------------------------------------------------
TWO="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE aktif = 1 ORDER BY nip DESC LIMIT 2")"
{
  echo "NIP"
  for nip in $TWO; do echo "'$nip"; done
  echo "199912312020121009"
} >"$WORK/nips.txt"
tmux -L "$E2E_SOCK" load-buffer "$WORK/nips.txt"
tmux -L "$E2E_SOCK" paste-buffer -p
wait_for "2 NIP dari tempelan dipilih"
wait_for "19991231 202012 1 009: NIP tidak dikenal"
wait_for "2 dipilih"
ok "a pasted NIP column chooses 2 employees and lists the unknown NIP"
tmux_stop
