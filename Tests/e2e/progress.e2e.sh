#!/usr/bin/env bash
# Progress bars on stderr, on a real terminal (tmux) and off it:
#  1. `ipasn demo` and `ipasn import` on a terminal draw a bar (rows, MB, rate) that is erased
#     before the result line; the words follow --lang.
#  2. with --quiet, or when stderr is a file, no bar and no terminal codes at all.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

work_dir
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
DB="$WORK/ipasn.sqlite"
ESC=$'\033'

# --- Off a terminal: stderr to a file ---------------------------------------------------
"$IPASN_BIN" --db "$DB" demo --pegawai 3000 >"$WORK/demo.out" 2>"$WORK/demo.err" || fail "ipasn demo failed: $(cat "$WORK/demo.err")"
grep -q "diklat: " "$WORK/demo.err" || fail "demo did not list its kinds on stderr"
if grep -q "$ESC\|"$'\r' "$WORK/demo.err"; then fail "demo wrote terminal codes to a file"; fi
ok "demo with stderr in a file: the kinds listed, no bar"

YEAR="$(sqlite3 "$DB" "SELECT MAX(year) FROM score_year")"
# A 60,000-row diklat file (a few seconds of import in a debug build).
make_file() {
  sqlite3 "$DB" "SELECT nip FROM pegawai ORDER BY nip" | awk -v year="$YEAR" -v tag="$2" '
    BEGIN { print "nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan" }
    { nip[NR - 1] = $0 }
    END { for (r = 0; r < 60000; r++) printf "%s,9,,Seminar %s %d,BPSDM,%s-01-05,%s-01-05,2,,Y\n", nip[r % NR], tag, r, year, year }' \
    >"$1"
}
make_file "$WORK/satu.csv" satu
make_file "$WORK/dua.csv" dua
make_file "$WORK/tiga.csv" tiga
"$IPASN_BIN" --db "$DB" import diklat "$WORK/satu.csv" >"$WORK/import.out" 2>"$WORK/import.err" || fail "import failed: $(cat "$WORK/import.err")"
grep -q "diimpor 60000 baris diklat" "$WORK/import.out" || fail "import said: $(cat "$WORK/import.out")"
[ -s "$WORK/import.err" ] && fail "import wrote to a file stderr: $(cat -v "$WORK/import.err")"
ok "import with stderr in a file: nothing on stderr"

# --- On a terminal: the raw bytes of the pane are kept (pipe-pane) ------------------------
tmux_start 100 24 sh
tmux -L "$E2E_SOCK" pipe-pane -o "cat >> '$WORK/pane.raw'"
tmux_type "env IPASN_LANG=en '$IPASN_BIN' --db '$DB' import diklat '$WORK/dua.csv'; echo DONE-\$((0+1))"
tmux_keys Enter
wait_for "DONE-1" 120
sleep 0.2
raw="$(cat -v "$WORK/pane.raw")"
grep -qF "dua.csv [" <<<"$raw" || fail "no bar drawn: $raw"
grep -qE "dua\.csv \[[#-]+\]  [0-9]+%  [0-9,]+ rows  [0-9.]+/[0-9.]+ MB" <<<"$raw" || fail "the bar lacks the percentage, rows or MB: $raw"
grep -qE "[0-9.]+ MB/s" <<<"$raw" || fail "the bar never showed a rate: $raw"
screen | grep -qF "imported 60000 diklat rows" || fail "no result line"
screen | grep -qF "dua.csv [" && fail "the bar was left on the screen"
ok "import on a terminal: a bar with percentage, rows, MB and rate, erased before the result"

# --quiet: not a byte of it.
: >"$WORK/pane.raw"
tmux_type "'$IPASN_BIN' --db '$DB' import diklat '$WORK/tiga.csv' --quiet; echo DONE-\$((0+2))"
tmux_keys Enter
wait_for "DONE-2" 120
sleep 0.2
grep -qF "tiga.csv" "$WORK/pane.raw" || fail "the command line was not captured"
if grep -qF "tiga.csv [" "$WORK/pane.raw" || grep -v "diimpor 60000 baris diklat" "$WORK/pane.raw" | grep -qF "baris"; then fail "--quiet drew a bar: $(cat -v "$WORK/pane.raw")"; fi
ok "import --quiet on a terminal: no bar"

# The demo in Indonesian (the default) on a terminal.
: >"$WORK/pane.raw"
tmux_type "'$IPASN_BIN' --db '$WORK/demo2.sqlite' demo --pegawai 3000; echo DONE-\$((0+3))"
tmux_keys Enter
wait_for "DONE-3" 180
sleep 0.2
grep -qE "demo: diklat[^[:cntrl:]]* [0-9.]+ baris" "$WORK/pane.raw" || fail "the demo drew no bar for diklat: $(cat -v "$WORK/pane.raw")"
screen | grep -qF "demo sample written" || fail "no demo result line"
ok "demo on a terminal: a bar per kind, in Indonesian"
tmux_stop
