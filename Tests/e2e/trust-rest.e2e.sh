#!/usr/bin/env bash
# Trust in what is saved and found, with the real binary (tmux at 80x24 unless said):
#  1. a bad folder imported from the workstation: nothing of the bad file is written, the
#     problems are listed by line (scrollable), "v" imports the valid rows only and names the
#     rejected-rows file.
#  2. re-importing pegawai on the command line: --dry-run lists every change and writes
#     nothing; the import says what it changed and the audit keeps the old values.
#  3. search ignores case, accents and word order, and finds a NIP by its end or pasted with
#     Excel's apostrophe.
#  4. "selesai diinput": a parent is refused while its sub-units are open; kinerja with
#     missing SKP asks first and names who.
#  5. English mode shows English categories and dimension names; LANG=C shows ASCII dots
#     instead of question marks.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh
E2E_SOCK="ipasn-trust-rest-$$"

work_dir
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"

# --- Scenario 1: workstation import of a bad folder ------------------------------------
FOLDER="$WORK/impor"
mkdir -p "$FOLDER"
printf 'kode;nama;induk\r\nDISDIK;Dinas Pendidikan;\r\n' >"$FOLDER/units.csv"
{
  printf 'nip;nama;kode_unit;jenis_jabatan\r\n'
  printf '200012312024121001;Made Wirawan;DISDIK;pelaksana\r\n'
  for n in $(seq 10 39); do printf '1%s;Salah %s;DISDIK;pelaksana\r\n' "$n" "$n"; done
  printf '199001012019032003;Siti Rahma;NOPE;pelaksana\r\n'
} >"$FOLDER/pegawai.csv"
EMPTY="$WORK/empty.sqlite"
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$EMPTY"
wait_for "Selamat datang"
tmux_keys 1
wait_for "Lokasi berkas atau folder"
tmux_type "$FOLDER"
tmux_keys Enter
wait_for "Impor: masalah di pegawai.csv"
wait_for "31 masalah pada 31 baris. Tidak ada baris dari berkas ini yang disimpan."
wait_for "baris 3, kolom nip"
[ "$(sqlite3 "$EMPTY" "SELECT count(*) FROM pegawai")" = "0" ] || fail "rows of the bad file were written"
ok "the bad file stops the import, nothing of it written, problems listed by line"
tmux_keys End
wait_for "baris 33, kolom kode_unit"
ok "the problem list scrolls to the last line"
tmux_keys v
wait_for "Baris yang ditolak (dengan alasan)"
wait_for "Dinas Pendidikan"
[ "$(sqlite3 "$EMPTY" "SELECT count(*) FROM pegawai")" = "1" ] || fail "valid rows only did not write the valid row"
[ -f "$FOLDER/pegawai.rejected.csv" ] || fail "no rejected-rows file"
ok "v imports the valid row only; pegawai.rejected.csv is written and named"
tmux_keys q
wait_gone

# --- Scenario 2: re-importing pegawai --------------------------------------------------
DB="$WORK/ipasn.sqlite"
"$IPASN_BIN" --db "$DB" demo --pegawai 300 >"$WORK/demo.log" 2>&1 || fail "ipasn demo failed: $(cat "$WORK/demo.log")"
ROW="$(sqlite3 -csv "$DB" "SELECT nip, nama, kode_unit, jenis_jabatan, jenjang, status FROM pegawai WHERE kode_unit = 'DISDIK.01' AND nama NOT LIKE '%,%' ORDER BY nip LIMIT 1")"
OLD_NIP="${ROW%%,*}"
OLD_NAME="$(sqlite3 "$DB" "SELECT nama FROM pegawai WHERE nip = '$OLD_NIP'")"
NEW_NIP="199001012019031001"
while [ -n "$(sqlite3 "$DB" "SELECT 1 FROM pegawai WHERE nip = '$NEW_NIP'")" ]; do NEW_NIP=$((NEW_NIP + 1)); done
{
  echo "nip,nama,kode_unit,jenis_jabatan,jenjang,status"
  echo "$OLD_NIP,$OLD_NAME Baru,DISDIK.01,$(cut -d, -f4- <<<"$ROW")"
  echo "$NEW_NIP,Muhammad Ruslï Pratama,DISDIK.01,pelaksana,,pns"
} >"$WORK/pegawai.csv"
DRY="$("$IPASN_BIN" --db "$DB" import pegawai "$WORK/pegawai.csv" --dry-run)" || fail "dry run failed: $DRY"
# Indonesian by default (--lang id).
grep -qF "akan menambah 1 pegawai baru, akan mengubah 1 yang sudah ada" <<<"$DRY" || fail "dry run did not count the change: $DRY"
grep -qF "$OLD_NIP: nama \"$OLD_NAME\" -> \"$OLD_NAME Baru\"" <<<"$DRY" || fail "dry run did not list the change: $DRY"
[ "$(sqlite3 "$DB" "SELECT nama FROM pegawai WHERE nip = '$OLD_NIP'")" = "$OLD_NAME" ] || fail "the dry run wrote"
ok "--dry-run lists the change of $OLD_NIP and writes nothing"
# Changes to employees on file are applied only with --update (listed with their line otherwise).
REFUSED="$("$IPASN_BIN" --db "$DB" --lang en import pegawai "$WORK/pegawai.csv" 2>&1)" && fail "changes were applied without --update: $REFUSED"
grep -qF "line 2, $OLD_NIP: nama" <<<"$REFUSED" || fail "the refusal did not list the change: $REFUSED"
REAL="$("$IPASN_BIN" --db "$DB" --lang en import pegawai "$WORK/pegawai.csv" --update)" || fail "import failed: $REAL"
grep -qF "added 1 new pegawai, changed 1 existing" <<<"$REAL" || fail "the import did not say what changed: $REAL"
# The import keeps each changed employee's old and new values beside its audit row
# (import_pegawai_changes under the audit id), its summary the counts.
SUMMARY="$(sqlite3 "$DB" "SELECT c.old_value FROM audit a JOIN import_pegawai_changes c ON c.import_id = a.id WHERE a.action = 'import' AND a.entity = 'pegawai' AND c.nip = '$OLD_NIP' ORDER BY a.id DESC LIMIT 1")"
grep -qF "\"nama\":\"$OLD_NAME\"" <<<"$SUMMARY" || fail "the import lacks the old name: $SUMMARY"
ok "the import says what it changed; the old name is kept with it"

# --- Scenario 3: search ----------------------------------------------------------------
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "pratama RUSLI"
wait_for "Muhammad Ruslï Pratama"
ok "\"pratama RUSLI\" finds Muhammad Ruslï Pratama"
tmux_keys C-u
tmux_type "'${NEW_NIP:0:8} ${NEW_NIP:8:6}"
wait_for "Muhammad Ruslï Pratama"
ok "a NIP pasted with an apostrophe and spaces finds the employee"
tmux_keys C-u
tmux_type "${OLD_NIP:12:6}"
wait_for "$OLD_NAME Baru"
ok "the end of a NIP finds the employee"
tmux_keys Escape
wait_for "Unit Kerja"

# --- Scenario 4: selesai diinput ------------------------------------------------------
tmux_keys m
wait_for "Tandai selesai diinput"
tmux_keys 3
wait_for "Sub-unit belum selesai diinput"
ok "the parent unit cannot be marked done while its sub-units are open"
tmux_keys Escape
# A bare Esc acts after the terminal's escape delay: the dialog must be gone before the arrows.
for _ in $(seq 100); do screen | grep -qF "Tandai selesai diinput" || break; sleep 0.1; done
screen | grep -qF "Tandai selesai diinput" && fail "Esc did not close the dialog"
MISSING="$(sqlite3 "$DB" "SELECT p.nama FROM employee_score s JOIN pegawai p USING(nip) WHERE p.kode_unit = 'DISDIK.01' AND p.aktif = 1 AND s.year = (SELECT max(year) FROM score_year) AND s.missing LIKE '%skp%' ORDER BY p.nama LIMIT 1")"
[ -n "$MISSING" ] || fail "the demo has nobody without SKP in DISDIK.01"
for _ in 1 2 3 4 5 6; do tmux_keys Down; done
tmux_keys m
wait_for "Tandai selesai diinput"
tmux_keys 3
wait_for "Tetap tandai selesai?"
wait_for "${MISSING:0:20}"
ok "kinerja with missing SKP asks first and names $MISSING"
tmux_keys t
sleep 0.3
[ "$(sqlite3 "$DB" "SELECT count(*) FROM progress WHERE done = 1")" = "0" ] || fail "answering Tidak marked the unit"
ok "answering Tidak leaves the unit open"
tmux_keys q
wait_gone

# --- Scenario 5: English and LANG=C ----------------------------------------------------
tmux_start 100 30 env LANG=en_US.UTF-8 "$IPASN_BIN" --db "$DB" --lang en
wait_for "Work Units"
tmux_keys F5
wait_for "Supervisor Dashboard"
wait_for "Qualification"
screen | grep -qE "Sangat|Sedang|Rendah|Tinggi|Kualifikasi" && fail "Indonesian words on the English dashboard"
ok "the English dashboard shows English categories and dimension names"
tmux_keys q
wait_gone

tmux_stop
tmux -L "$E2E_SOCK" -f /dev/null new-session -d -x 80 -y 24 -e TERM=xterm-256color env LANG=C LC_ALL=C IPASN_LANG=id "$IPASN_BIN" --db "$DB"
tmux -L "$E2E_SOCK" set-option -g status off >/dev/null
wait_for "Unit Kerja"
wait_for "...."
screen | grep -qF "????" && fail "LANG=C shows question marks"
ok "LANG=C shows the progress dots as ASCII, no question marks"
tmux_keys q
wait_gone

RULES="$(env LANG=C LC_ALL=C "$IPASN_BIN" --db "$DB" --lang en rules show)" || fail "rules show failed"
LC_ALL=C grep -q '[^ -~]' <<<"$RULES" && fail "LANG=C rules show has non-ASCII text"
grep -qF "JP in Y >= 20" <<<"$RULES" || fail "LANG=C rules show lost the >= sign: $RULES"
ok "LANG=C ipasn rules show is ASCII (>= for the sign)"
