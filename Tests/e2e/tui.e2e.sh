#!/usr/bin/env bash
# The workstation as a data admin uses it: the real binary in tmux at 80x24, keyboard only.
#  1. demo database -> find an employee with / -> add a diklat -> the Kompetensi subtotal
#     moves on screen -> save -> quit; the record and its audit row are in the database.
#  2. the terminal shrinks below the minimum and grows back mid-form (nothing lost), then
#     SIGHUP mid-form leaves a draft that the next start offers and restores.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

demo_workspace 300
ok "demo database with 300 pegawai"

# An active pelaksana with a seminar but under 20 JP teknis this year (kompetensi 17,5):
# 24 JP teknis takes kompetensi to 40.
SCORES="$WORK/scores.csv"
"$IPASN_BIN" --db "$DB" score --format csv >"$SCORES" || fail "ipasn score failed"
YEAR="$(awk -F, 'NR == 2 { print $4 }' "$SCORES")"
PELAKSANA="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE jenis_jabatan = 'pelaksana' AND aktif = 1")"
NIP=""
NAME=""
while IFS=, read -r nip nama _unit _year _kual komp _rest; do
  if [ "$komp" = "17.5" ] && grep -qx "$nip" <<<"$PELAKSANA"; then
    NIP="$nip"
    NAME="$nama"
    break
  fi
done < <(tail -n +2 "$SCORES" | grep -v '"')
[ -n "$NIP" ] || fail "the demo has no pelaksana with kompetensi 17.5"
ok "picked $NAME ($NIP), kompetensi 17,5 in $YEAR"

# --- Scenario 1: add a diklat with the keyboard -------------------------------------
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "$NIP"
wait_for "$NAME"
tmux_keys Enter
wait_for "Data Pegawai — $NAME"
wait_line "Kompetensi" "17,5 / 40"
ok "found by NIP with / and opened"

tmux_keys k
wait_for "Tambah Diklat/Kursus"
tmux_type "Teknis"
tmux_keys Tab
tmux_type "E2E Pelatihan Kearsipan"
tmux_keys Tab
tmux_type "BPSDM Provinsi"
tmux_keys Tab
tmux_type "02-01-$YEAR"
tmux_keys Tab
tmux_type "02-13-$YEAR"   # a typo in the month
tmux_keys Tab
wait_for "bukan tanggal yang benar"
ok "a wrong date is named as soon as the cursor leaves it"
tmux_keys C-u   # the cursor stays in the date it cannot read
tmux_type "03-01-$YEAR"
tmux_keys Tab
tmux_type "24"
wait_line "Kompetensi" "17,5 -> 40 (+22,5)"
wait_line "Total" "(+22,5)"
ok "the Kompetensi subtotal moves while typing: 17,5 -> 40 (+22,5)"

tmux_keys C-s
wait_for "Tersimpan: 03-01-$YEAR Teknis E2E Pelatihan Kearsipan 24 JP"
wait_line "Kompetensi" "40 / 40"
ok "saved; the employee page shows Kompetensi 40 / 40"
tmux_keys q
wait_gone
ok "q quits"

COUNT="$(sqlite3 "$DB" "SELECT count(*) FROM diklat WHERE nip = '$NIP' AND nama = 'E2E Pelatihan Kearsipan' AND jp = 24 AND tanggal_selesai LIKE '$YEAR-01-03%'")"
[ "$COUNT" = "1" ] || fail "the diklat is not in the database (count $COUNT)"
ID="$(sqlite3 "$DB" "SELECT id FROM diklat WHERE nip = '$NIP' AND nama = 'E2E Pelatihan Kearsipan'")"
AUDIT="$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'insert' AND entity = 'diklat' AND entity_id = '$ID' AND nip = '$NIP'")"
[ "$AUDIT" = "1" ] || fail "no audit insert row for diklat $ID (count $AUDIT)"
CHECK="$("$IPASN_BIN" --db "$DB" check 2>&1)" || fail "ipasn check failed: $CHECK"
grep -q "OK" <<<"$CHECK" || fail "ipasn check did not say OK: $CHECK"
ok "diklat $ID and its audit insert row are in the database; ipasn check says OK"

# --- Scenario 2: resize mid-form, then SIGHUP leaves a draft ---------------------------
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "$NIP"
wait_for "$NAME"
tmux_keys Enter
wait_for "Data Pegawai — $NAME"
tmux_keys k
wait_for "Tambah Diklat/Kursus"
tmux_type "Seminar"
tmux_keys Tab
tmux_type "E2E Seminar Terputus"
wait_line "Nama kegiatan" "E2E Seminar Terputus"
tmux_resize 50 12
wait_for "Perbesar terminal (minimal 60x16)"
ok "below the minimum size the screen says what to do"
tmux_resize 80 24
wait_for "E2E Seminar Terputus"
wait_for "Nilai jika disimpan"
ok "back at 80x24 the form is as typed"

kill -HUP "$(tmux_pid)"
wait_gone
DRAFT="$(sqlite3 "$DB" "SELECT count(*) FROM drafts")"
[ "$DRAFT" = "1" ] || fail "SIGHUP left no draft (count $DRAFT)"
ok "SIGHUP mid-form keeps the input as a draft"

tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Pulihkan?"
wait_for "$NAME"
tmux_keys y
wait_for "Isian dipulihkan"
wait_for "E2E Seminar Terputus"
ok "the next start offers the draft and restores the form"
tmux_keys F10
wait_for "Keluar dan buang isian?"
tmux_keys y
wait_gone
ok "quitting with unsaved input asks first"
