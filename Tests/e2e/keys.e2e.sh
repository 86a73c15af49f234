#!/usr/bin/env bash
# Input an admin can trust, with the raw bytes terminals send (tmux send-keys -H / -l):
#  1. Home/End/F1 as PuTTY, tmux, screen, the Linux console, xterm and rxvt send them edit the
#     field or act as themselves; unknown sequences do nothing; a bare Esc still works.
#  2. Bracketed paste is on while the workstation runs (tmux paste-buffer -p brackets it) and
#     off after it quits and while it is stopped (SIGTSTP); pasted text with colours is clean
#     text, a tab moves to the next field.
#  3. Keys typed while the terminal is too small never reach the hidden form; F10 there quits
#     and keeps the form as a draft.
#  4. Pickers: "sem" + Tab is Seminar, "sos" + Tab chooses nothing (moves on marked), SKP "b" + Tab chooses
#     nothing and "ba" + Tab is Baik (saved as baik).
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

demo_workspace 40
NIP="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE aktif = 1 ORDER BY nip LIMIT 1")"
NAME="$(sqlite3 "$DB" "SELECT nama FROM pegawai WHERE nip = '$NIP'")"
SKP_BEFORE="$(sqlite3 "$DB" "SELECT count(*) FROM skp WHERE nip = '$NIP'")"
# A year without an SKP for this employee (the demo fills recent years).
SKP_YEAR=""
for year in 2025 2024 2023 2022 2021 2020 2019 2018; do
  if [ "$(sqlite3 "$DB" "SELECT count(*) FROM skp WHERE nip = '$NIP' AND tahun = $year")" = "0" ]; then
    SKP_YEAR="$year"
    break
  fi
done
[ -n "$SKP_YEAR" ] || fail "every year has an SKP for $NIP"
ok "demo database; $NAME ($NIP)"

# raw HEX...: bytes straight to the program, as a terminal sends them.
raw() { tmux_keys -H "$@"; }
ESC=1b

open_employee() {
  tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
  wait_for "Unit Kerja"
  tmux_keys /
  wait_for "Nama atau NIP"
  tmux_type "$NIP"
  wait_for "$NAME"
  tmux_keys Enter
  wait_for "Data Pegawai — $NAME"
}

# --- 1. Terminal keys -------------------------------------------------------------------
# The same keys whatever TERM says (the terminfo entry describes one terminal only).
for term in screen linux rxvt; do
  tmux_start 80 24 env TERM="$term" IPASN_LANG=id "$IPASN_BIN" --db "$DB"
  wait_for "Unit Kerja"
  raw 2f                     # /
  wait_for "Nama atau NIP"
  tmux_type "$NIP"
  wait_for "$NAME"
  raw 0d                     # Enter
  wait_for "Data Pegawai — $NAME"
  raw 6b                     # k
  wait_for "Tambah Diklat/Kursus"
  tmux_type "Teknis"
  raw 09                     # Tab (tingkat skipped)
  tmux_type "Kursus"
  raw $ESC 5b 31 7e          # ESC[1~ Home
  tmux_type "1"
  raw $ESC 5b 38 7e          # ESC[8~ rxvt End
  tmux_type "2"
  raw $ESC 5b 37 7e          # ESC[7~ rxvt Home
  tmux_type "3"
  raw $ESC 4f 46             # ESCOF End
  tmux_type "4"
  wait_line "Nama kegiatan" "31Kursus24"
  screen | grep -qF "belum disimpan" && fail "TERM=$term: a Home/End sequence acted as Esc"
  raw $ESC                   # a bare Esc: leave the form (it asks first)
  wait_for "belum disimpan"
  tmux_keys y
  wait_for "Data Pegawai — $NAME"
  tmux_keys q
  wait_gone
done
ok "TERM=screen, linux and rxvt: the same sequences are the same keys; a bare Esc is Esc"

open_employee
tmux_keys k
wait_for "Tambah Diklat/Kursus"
tmux_type "Teknis"
tmux_keys Tab
tmux_type "Pelatihan"
wait_line "Nama kegiatan" "Pelatihan"
raw $ESC 5b 31 7e          # ESC[1~  Home: PuTTY, tmux, GNU screen, Linux console
tmux_type "A"
raw $ESC 5b 34 7e          # ESC[4~  End
tmux_type "B"
raw $ESC 5b 48             # ESC[H   xterm Home
tmux_type "C"
raw $ESC 5b 46             # ESC[F   xterm End
tmux_type "D"
raw $ESC 4f 48             # ESCOH   xterm application-mode Home
tmux_type "E"
raw $ESC 4f 46             # ESCOF   xterm application-mode End
tmux_type "F"
raw $ESC 5b 37 7e          # ESC[7~  rxvt Home
tmux_type "G"
raw $ESC 5b 38 24          # ESC[8$  rxvt Shift-End
tmux_type "H"
raw $ESC 5b 31 3b 35 44    # ESC[1;5D Ctrl-Left: Left
tmux_type "I"
raw $ESC 5b 39 39 7e       # ESC[99~ unknown
raw $ESC 5b 31 3b 35 58    # ESC[1;5X unknown
raw $ESC 5b 33 7e          # ESC[3~  Delete: the H after the cursor goes
wait_line "Nama kegiatan" "GECAPelatihanBDFI"
screen | grep -qF "belum disimpan" && fail "a Home/End sequence acted as Esc"
screen | grep -F "Nama kegiatan" | grep -qF "[" && fail "a sequence was typed into the field"
ok "Home/End of PuTTY, tmux, screen, console, xterm and rxvt edit the field; unknown keys do nothing"

raw $ESC 5b 31 31 7e       # ESC[11~ PuTTY F1: help
wait_for "Bantuan"
tmux_keys Escape           # a bare Esc (after the escape delay) closes it
wait_for "Tambah Diklat/Kursus"
wait_line "Nama kegiatan" "GECAPelatihanBDFI"
raw $ESC 5b 5b 41          # ESC[[A  Linux console F1
wait_for "Bantuan"
tmux_keys Escape
wait_for "Tambah Diklat/Kursus"
ok "F1 as PuTTY and the Linux console send it opens help; a bare Esc still closes it"

tmux_keys Escape
wait_for "belum disimpan"
tmux_keys y
wait_for "Data Pegawai — $NAME"
raw $ESC 5b 34 7e          # End on the employee page: it stays
raw $ESC 5b 31 7e          # Home
raw $ESC 5b 36 7e          # PgDn
sleep 0.3
wait_for "Data Pegawai — $NAME"
ok "a bare Esc still asks before discarding; End/Home/PgDn on a page never leave it"

# --- 2. Bracketed paste --------------------------------------------------------------------
# On the employee page "q" quits and "u" undoes: pasted (bracketed by tmux because the
# workstation asked for it) they are only text, and a page takes no text.
printf 'qu' >"$WORK/keys.txt"
tmux -L "$E2E_SOCK" load-buffer "$WORK/keys.txt"
tmux -L "$E2E_SOCK" paste-buffer -p
sleep 0.5
session_alive || fail "a pasted q quit the workstation (bracketed paste is not on)"
wait_for "Data Pegawai — $NAME"
screen | grep -qF "Dibatalkan" && fail "a pasted u undid something"
ok "bracketed paste is on: a pasted \"qu\" neither quits nor undoes"
tmux_keys k
wait_for "Tambah Diklat/Kursus"
# A row copied from a coloured terminal: jenis, nama, penyelenggara (tingkat is skipped for
# Teknis), with an Esc sequence, a bell and a "y" after an Esc in it.
printf 'Teknis\t\033[1;31mPelatihan Tempel\033[0m\a\tBPSDM\033y Provinsi' >"$WORK/paste.txt"
tmux -L "$E2E_SOCK" load-buffer "$WORK/paste.txt"
tmux -L "$E2E_SOCK" paste-buffer -p
wait_line "Penyelenggara" "BPSDM Provinsi"
wait_line "Nama kegiatan" "Pelatihan Tempel"
wait_line "Jenis diklat" "Teknis"
screen | grep -qF "[0m" && fail "an escape sequence was left in a field"
screen | grep -qF "belum disimpan" && fail "the paste opened the discard question"
ok "tmux paste-buffer -p: colours and control characters dropped, tabs move to the next field"

# The same paste as raw bytes (ESC[200~ ... ESC[201~), into the date field: "03-01-2026\r\n".
tmux_keys Tab
raw $ESC 5b 32 30 30 7e 30 33 2d 30 31 2d 32 30 32 36 0d 0a $ESC 5b 32 30 31 7e
wait_line "Tanggal mulai" "03-01-2026"
screen | grep -F "Tanggal selesai" | grep -qF "03-01" && fail "the pasted line end acted as Enter"
ok "a raw bracketed paste is text; its line end is not Enter"
tmux_keys Escape
wait_for "belum disimpan"
tmux_keys y
wait_for "Data Pegawai — $NAME"
tmux_keys q
wait_gone

# After the workstation quits, bracketed paste is off again: cat sees no ESC[200~.
tmux_start 80 24 sh -c "\"$IPASN_BIN\" --db \"$DB\"; cat -v >\"$WORK/after.txt\""
wait_for "Unit Kerja"
tmux_keys q
sleep 0.5
printf 'sesudah' >"$WORK/paste2.txt"
tmux -L "$E2E_SOCK" load-buffer "$WORK/paste2.txt"
tmux -L "$E2E_SOCK" paste-buffer -p
tmux_keys Enter C-d
wait_gone
grep -qF "sesudah" "$WORK/after.txt" || fail "the shell after the workstation got no paste: $(cat -v "$WORK/after.txt")"
grep -qF "[200~" "$WORK/after.txt" && fail "bracketed paste was left on after quitting: $(cat "$WORK/after.txt")"
ok "bracketed paste is off after quitting"

# Stopped from outside (SIGTSTP) under an interactive shell, the workstation gives the terminal
# back: bracketed paste is off while it is stopped, and on again after fg.
printf 'set enable-bracketed-paste off\n' >"$WORK/inputrc"
tmux_start 80 24 env INPUTRC="$WORK/inputrc" PS1='sh$ ' bash --norc --noprofile -i
wait_for 'sh$'
tmux_type "env IPASN_LANG=id \"$IPASN_BIN\" --db \"$DB\""
tmux_keys Enter
wait_for "Unit Kerja"
STATION="$(pgrep -P "$(tmux_pid)" | head -1)"
[ -n "$STATION" ] || fail "no workstation process under the shell"
kill -TSTP "$STATION"
wait_for "Stopped"
tmux_type "cat -v >\"$WORK/stopped.txt\""
tmux_keys Enter
sleep 0.3
tmux -L "$E2E_SOCK" load-buffer "$WORK/paste2.txt"
tmux -L "$E2E_SOCK" paste-buffer -p
tmux_keys Enter C-d
sleep 0.3
grep -qF "sesudah" "$WORK/stopped.txt" || fail "cat got no paste while the workstation was stopped"
grep -qF "[200~" "$WORK/stopped.txt" && fail "bracketed paste stayed on while stopped: $(cat "$WORK/stopped.txt")"
ok "SIGTSTP: while the workstation is stopped bracketed paste is off"
tmux_type "fg"
tmux_keys Enter
wait_for "Unit Kerja"
tmux -L "$E2E_SOCK" load-buffer "$WORK/keys.txt"
tmux -L "$E2E_SOCK" paste-buffer -p
sleep 0.5
kill -0 "$STATION" 2>/dev/null || fail "a pasted q quit the workstation after fg (bracketed paste not on again)"
wait_for "Unit Kerja"
tmux_keys q
wait_for 'sh$'
tmux_type "exit"
tmux_keys Enter
wait_gone
ok "after fg the screen is redrawn and bracketed paste is on again"

# --- 3. Too-small terminal -----------------------------------------------------------------
open_employee
tmux_keys k
wait_for "Tambah Diklat/Kursus"
tmux_type "Teknis"
tmux_keys Tab
tmux_type "Pelatihan Tersembunyi"
wait_line "Nama kegiatan" "Pelatihan Tersembunyi"
tmux_resize 50 12
wait_for "Perbesar terminal"
tmux_keys Escape
sleep 0.2
tmux_type "y"
raw $ESC 5b 32 30 30 7e 7a 7a 7a $ESC 5b 32 30 31 7e   # a paste of "zzz"
tmux_keys C-s
sleep 0.3
tmux_resize 80 24
wait_for "Tambah Diklat/Kursus"
wait_line "Nama kegiatan" "Pelatihan Tersembunyi"
screen | grep -qF "zzz" && fail "a paste reached the hidden form"
COUNT="$(sqlite3 "$DB" "SELECT count(*) FROM diklat WHERE nip = '$NIP' AND nama = 'Pelatihan Tersembunyi'")"
[ "$COUNT" = "0" ] || fail "Ctrl-S saved the hidden form"
ok "Esc, y, a paste and Ctrl-S typed while too small never reached the form"
tmux_resize 50 12
wait_for "F10/Ctrl-C: keluar"
tmux_keys F10
wait_gone
DRAFT="$(sqlite3 "$DB" "SELECT count(*) FROM drafts")"
[ "$DRAFT" -ge 1 ] || fail "F10 while too small left no draft"
ok "F10 while too small quits and keeps the form as a draft"
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Pulihkan?"
tmux_keys t
wait_for "Unit Kerja"
tmux_keys q
wait_gone

# --- 4. Pickers ----------------------------------------------------------------------------
open_employee
tmux_keys k
wait_for "Tambah Diklat/Kursus"
tmux_type "sos"
tmux_keys Tab
# Tab takes nothing and moves on (what is typed next lands in the next field); the field is marked.
wait_for "Jenis diklat \"sos\" belum dipilih (6 Sosial Kultural, 7 Sosialisasi)"
wait_line "Jenis diklat" "!"
# The save sends the cursor back to the picker, its list open; nothing is saved.
tmux_keys C-s
wait_for "\"sos\" cocok dengan 2 pilihan"
wait_for "6 Sosial Kultural"
wait_for "7 Sosialisasi"
ok "\"sos\" + Tab chooses nothing: the field is marked, and the save reopens its list"
tmux_keys C-u
tmux_type "sem"
tmux_keys Tab
wait_line "Jenis diklat" "Seminar"
tmux_type "E2E Seminar Pilihan"
tmux_keys Tab Tab
tmux_type "05-01-2026"
tmux_keys Tab
tmux_type "05-01-2026"
tmux_keys Tab
tmux_type "8"
tmux_keys C-s
wait_for "Tersimpan"
JENIS="$(sqlite3 "$DB" "SELECT jenis FROM diklat WHERE nip = '$NIP' AND nama = 'E2E Seminar Pilihan'")"
[ "$JENIS" = "9" ] || fail "\"sem\" saved jenis $JENIS, not Seminar (9)"
ok "\"sem\" + Tab saves Seminar"

tmux_keys n
wait_for "Tambah SKP"
tmux_keys C-u
tmux_type "$SKP_YEAR"
tmux_keys Tab
tmux_type "b"
tmux_keys Tab
wait_for "\"b\" belum dipilih"
tmux_keys C-s
wait_for "\"b\" cocok dengan 4 pilihan"
sleep 0.3
wait_for "Tambah SKP"
COUNT="$(sqlite3 "$DB" "SELECT count(*) FROM skp WHERE nip = '$NIP'")"
[ "$COUNT" = "$SKP_BEFORE" ] || fail "\"b\" saved an SKP"
ok "SKP \"b\" + Tab chooses nothing and Ctrl-S saves nothing"
tmux_type "a"
tmux_keys Tab
wait_line "Predikat" "Baik"
screen | grep -F "Predikat" | grep -qF "Sangat" && fail "\"ba\" became Sangat Baik"
tmux_keys C-s
wait_for "Tersimpan"
PREDIKAT="$(sqlite3 "$DB" "SELECT predikat FROM skp WHERE nip = '$NIP' AND tahun = $SKP_YEAR")"
[ "$PREDIKAT" = "baik" ] || fail "SKP $SKP_YEAR saved as $PREDIKAT, not baik"
ok "SKP \"ba\" + Tab saves Baik"
tmux_keys q
wait_gone
