#!/usr/bin/env bash
# The workstation and another admin's import on one database, and a read-only database:
#  1. a save made while a large import holds the database waits, shows
#     "Menunggu impor lain selesai ...", and then saves; the import lands too.
#  2. a database that cannot be written opens for browsing, says so, and refuses a save
#     with a message (no SQLite text), leaving the file unchanged.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

WORK="$(mktemp -d)"
PROTECTED=()
cleanup() {
  tmux_stop
  for path in "${PROTECTED[@]:-}"; do
    [ -n "$path" ] || continue
    if [ "$(id -u)" = 0 ]; then chattr -i "$path" 2>/dev/null; else chmod u+w "$path" 2>/dev/null; fi
  done
  [ -n "${IMPORT_PID:-}" ] && kill "$IMPORT_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

build_binary
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
DB="$WORK/ipasn.sqlite"
"$IPASN_BIN" --db "$DB" demo --pegawai 3000 >"$WORK/demo.log" 2>&1 || fail "ipasn demo failed: $(cat "$WORK/demo.log")"
YEAR="$(sqlite3 "$DB" "SELECT MAX(year) FROM score_year")"
NIP="$(sqlite3 "$DB" "SELECT nip FROM pegawai WHERE aktif = 1 ORDER BY nip LIMIT 1")"
NAME="$(sqlite3 "$DB" "SELECT nama FROM pegawai WHERE nip = '$NIP'")"
# Another admin's file: 60,000 new diklat rows (a few seconds of import in a debug build).
sqlite3 "$DB" "SELECT nip FROM pegawai ORDER BY nip" | awk -v year="$YEAR" '
  BEGIN { print "nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan" }
  { nip[NR - 1] = $0 }
  END { for (r = 0; r < 60000; r++) printf "%s,9,,Seminar Impor %d,BPSDM,%s-01-05,%s-01-05,2,,Y\n", nip[r % NR], r, year, year }' \
  >"$WORK/besar.csv"
ok "demo database with 3000 pegawai and a 60,000-row diklat file"

# --- Scenario 1: a save waits for another admin's import ------------------------------
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "$NIP"
wait_for "$NAME"
tmux_keys Enter
wait_for "Data Pegawai"
tmux_keys k
wait_for "Tambah Diklat/Kursus"
tmux_type "Teknis"
tmux_keys Tab
tmux_type "E2E Giliran Simpan"
tmux_keys Tab
tmux_type "BPSDM"
tmux_keys Tab
tmux_type "02-01-$YEAR"
tmux_keys Tab
tmux_type "03-01-$YEAR"
tmux_keys Tab
tmux_type "24"
wait_line "Kompetensi" "->"
"$IPASN_BIN" --db "$DB" import diklat "$WORK/besar.csv" >"$WORK/import.log" 2>&1 &
IMPORT_PID=$!
# Until the import's transaction holds the write lock (a write that may not wait is refused).
locked=""
for _ in $(seq 1 200); do
  # `command`: the bare shell, which fails at once on a held lock (lib.sh's sqlite3 waits for it).
  if ! command sqlite3 "$DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; then locked=yes; break; fi
  sleep 0.05
done
[ -n "$locked" ] || fail "the import never held the database"
tmux_keys C-s
wait_for "Menunggu impor lain selesai" 20
ok "the save waits and says so: $(screen_line 'Menunggu' | sed 's/^ *//' | cut -c1-60)"
wait_for "Tersimpan" 120
ok "then it is saved"
wait "$IMPORT_PID"
status=$?
IMPORT_PID=""
[ "$status" = 0 ] || fail "the import failed: $(cat "$WORK/import.log")"
ok "the other admin's import landed: $(tail -1 "$WORK/import.log")"
tmux_keys q
wait_gone
[ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM diklat WHERE nama = 'E2E Giliran Simpan'")" = 1 ] || fail "the saved diklat is missing"
[ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM diklat WHERE nama LIKE 'Seminar Impor %'")" = 60000 ] || fail "the import is incomplete"
ok "both changes are in the database"

# --- Scenario 2: a read-only database -----------------------------------------------
RO="$WORK/arsip"
mkdir -p "$RO"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$DB" "$RO/ipasn.sqlite"
SUM="$(sha256sum <"$RO/ipasn.sqlite")"
for path in "$RO/ipasn.sqlite" "$RO"; do
  PROTECTED+=("$path")
  if [ "$(id -u)" = 0 ]; then chattr +i "$path" 2>/dev/null || { echo "  skipped - no chattr +i here"; exit 0; }; else chmod a-w "$path"; fi
done
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$RO/ipasn.sqlite"
wait_for "hanya bisa dibaca"
wait_for "Unit Kerja"
ok "a read-only database opens for browsing and says so"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "$NIP"
wait_for "$NAME"
tmux_keys Enter
wait_for "Data Pegawai"
tmux_keys k
wait_for "Tambah Diklat/Kursus"
tmux_type "Teknis"
tmux_keys Tab
tmux_type "E2E Hanya Baca"
tmux_keys Tab
tmux_type "BPSDM"
tmux_keys Tab
tmux_type "02-01-$YEAR"
tmux_keys Tab
tmux_type "03-01-$YEAR"
tmux_keys Tab
tmux_type "8"
tmux_keys C-s
wait_for "tidak bisa ditulis"
screen | grep -qi "sqlite" && fail "SQLite text on screen"
ok "a save is refused with a message: $(screen_line 'tidak bisa ditulis' | sed 's/^ *//' | cut -c1-60)"
tmux_stop
[ "$(sha256sum <"$RO/ipasn.sqlite")" = "$SUM" ] || fail "the read-only file changed"
ok "the read-only file is unchanged"
