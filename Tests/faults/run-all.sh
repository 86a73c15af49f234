#!/usr/bin/env bash
# The fault suite: the real ipasn binary under kills, a crowd of writers and readers, fuzzed
# files and a read-only database. Each check prints "ok"/"FAIL"; the last line is
# "faults: N passed, M failed" and the exit status is non-zero on any failure.
# Deterministic (seeded) and bounded: well under two minutes on a debug build.
set -uo pipefail
cd "$(dirname "$0")/../.."

IPASN_BIN="${IPASN_BIN:-$(swift build --show-bin-path 2>/dev/null)/ipasn}"
[ -x "$IPASN_BIN" ] || { echo "faults: no ipasn binary at $IPASN_BIN (run swift build first)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "faults: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ipasn-faults.XXXXXX")"
# The workstation keeps a draft the store could not take in ~/.local/state/ipasn (the
# read-only cases make one): a home inside the work folder, gone with it.
mkdir -p "$WORK/home" && export HOME="$WORK/home"
PROTECTED=()
cleanup() {
  for path in "${PROTECTED[@]:-}"; do
    [ -n "$path" ] || continue
    if [ "$(id -u)" = 0 ]; then chattr -i "$path" 2>/dev/null; else chmod u+w "$path" 2>/dev/null; fi
  done
  [ -n "${PG_CLUSTER:-}" ] && scripts/pg-test-cluster stop "$PG_CLUSTER"
  rm -rf "$WORK"
}
trap cleanup EXIT
export HOME="$WORK/home" USER=faults IPASN_LANG=id
unset IPASN_DB
mkdir -p "$HOME"

passed=0
failed=0
ok() { echo "  ok - $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL - $*" >&2; failed=$((failed + 1)); }
ipasn() { "$IPASN_BIN" "$@"; }
count() { sqlite3 -readonly "$1" "SELECT COUNT(*) FROM $2"; }
content() { sqlite3 -readonly "$1" "SELECT nip, nama, jp FROM diklat ORDER BY id" | sha256sum; }
# The triggers and indexes, as created (an import's bulk-write path drops some inside its transaction).
schema() { sqlite3 -readonly "$1" "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('trigger', 'index') ORDER BY name" | sha256sum; }
# A stable pseudo-random sequence (bash's RANDOM is reproducible once seeded).
RANDOM=1318

# The sample: units and employees, and a diklat file long enough to kill mid-import.
ipasn demo --csv-dir "$WORK/csv" --pegawai 3000 >/dev/null
base="$WORK/base.sqlite"
ipasn --db "$base" import units "$WORK/csv/units.csv" >/dev/null 2>&1
ipasn --db "$base" import pegawai "$WORK/csv/pegawai.csv" >/dev/null 2>&1
diklat_rows=$(($(wc -l <"$WORK/csv/diklat.csv") - 1))

section() { echo "faults: $* (at ${SECONDS}s)"; }
section "kill -9 during an import (all or nothing, database intact)"
for round in 1 2 3; do
  db="$WORK/kill-$round.sqlite"
  cp "$base" "$db"
  # The binary itself in the background (not through the shell function: $! must be its pid).
  "$IPASN_BIN" --db "$db" import diklat "$WORK/csv/diklat.csv" >/dev/null 2>&1 &
  pid=$!
  # 0.3 to 1.8 s into a ~2.5 s import.
  sleep "$(printf '0.%d' $((3 + RANDOM % 6)))"
  [ "$round" = 3 ] && sleep 1
  if kill -9 "$pid" 2>/dev/null; then when="killed mid-import"; else when="finished before the kill"; fi
  wait "$pid" 2>/dev/null
  rows=$(count "$db" diklat)
  if ! checked=$(ipasn --db "$db" check 2>&1); then
    bad "round $round: check failed after the kill: $(head -3 <<<"$checked")"
  elif [ "$rows" != 0 ] && [ "$rows" != "$diklat_rows" ]; then
    bad "round $round: $rows of $diklat_rows diklat rows after the kill (not all or nothing)"
  elif [ "$(schema "$db")" != "$(schema "$base")" ]; then
    bad "round $round: the triggers or indexes differ from before the import after the kill"
  else
    ok "round $round: $when, $rows of $diklat_rows rows, check OK, triggers and indexes as before"
  fi
done

section "kill -9 during a join (migrate --join: all or nothing, the target intact)"
# The city: the sample with its courses; the province: its own unit and one employee.
city="$WORK/join-city.sqlite"
cp "$base" "$city"
ipasn --db "$city" import diklat "$WORK/csv/diklat.csv" >/dev/null 2>&1
printf 'kode,nama,induk\nPROV,Pemerintah Provinsi,\n' >"$WORK/prov-units.csv"
printf 'nip,nama,kode_unit,jenis_jabatan,jenjang,status\n199912312020121001,Rahmat,PROV,pelaksana,,pns\n' >"$WORK/prov-pegawai.csv"
province="$WORK/join-province.sqlite"
ipasn --db "$province" import units "$WORK/prov-units.csv" >/dev/null 2>&1
ipasn --db "$province" import pegawai "$WORK/prov-pegawai.csv" >/dev/null 2>&1
city_diklat=$(count "$city" diklat)
for round in 1 2; do
  target="$WORK/join-$round.sqlite"
  cp "$province" "$target"
  "$IPASN_BIN" --db "$city" migrate --to "$target" --join >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%d' $((4 + RANDOM % 5)))"
  [ "$round" = 2 ] && sleep 1
  if kill -9 "$pid" 2>/dev/null; then when="killed mid-join"; else when="finished before the kill"; fi
  wait "$pid" 2>/dev/null
  rows=$(count "$target" diklat)
  employees=$(count "$target" pegawai)
  if ! checked=$(ipasn --db "$target" check 2>&1); then
    bad "join round $round: check failed after the kill: $(head -3 <<<"$checked")"
  elif ! { [ "$rows" = 0 ] && [ "$employees" = 1 ]; } && [ "$rows" != "$city_diklat" ]; then
    bad "join round $round: $rows of $city_diklat diklat rows, $employees employees after the kill (not all or nothing)"
  else
    ok "join round $round: $when, $rows of $city_diklat diklat rows, $employees employees, check OK"
  fi
done

section "8 concurrent writers (2 imports of 6,000 rows and 4 small ones each) with 3 readers"
crowd="$WORK/crowd.sqlite"
cp "$base" "$crowd"
sqlite3 -readonly "$crowd" "SELECT nip FROM pegawai ORDER BY nip" >"$WORK/nips.txt"
mapfile -t nips <"$WORK/nips.txt"
header="nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan"
for w in $(seq 0 7); do
  for f in 0 1; do
    # Together the big files keep the write lock busy for longer than any fixed lock timeout.
    awk -v w="$w" -v f="$f" -v header="$header" 'BEGIN { print header } { nip[NR - 1] = $0 }
      END { for (r = 0; r < 6000; r++) printf "%s,3,,Kursus %d-%d-%d,BPSDM,2024-03-01,2024-03-02,2,,Y\n", nip[r % NR], w, f, r }' \
      "$WORK/nips.txt" >"$WORK/crowd-$w-$f.csv"
  done
  for f in 2 3 4 5; do
    {
      echo "$header"
      for r in $(seq 0 24); do echo "${nips[$w]},3,,Kursus $w-$f-$r,BPSDM,2024-03-01,2024-03-02,2,,Y"; done
    } >"$WORK/crowd-$w-$f.csv"
  done
done
expected=$((8 * (2 * 6000 + 4 * 25)))
reader() {
  local failures=0 reads=0
  while [ ! -e "$WORK/crowd.done" ]; do
    if ! ipasn --db "$crowd" report units >/dev/null 2>"$WORK/reader-$1.last"; then
      failures=$((failures + 1))
      cat "$WORK/reader-$1.last" >>"$WORK/reader-$1.err"
    fi
    reads=$((reads + 1))
    sleep 0.3  # admins reading now and then; the writers keep the CPU
  done
  echo "$reads" >"$WORK/reader-$1.reads"
  echo "$failures" >"$WORK/reader-$1.failures"
}
for r in 1 2 3; do reader "$r" & done
writer_pids=()
for w in $(seq 0 7); do
  (
    for f in $(seq 0 5); do
      ipasn --db "$crowd" import diklat "$WORK/crowd-$w-$f.csv" >/dev/null 2>"$WORK/writer-$w-$f.err" || echo "$w-$f" >>"$WORK/crowd.failed"
    done
  ) &
  writer_pids+=($!)
done
for pid in "${writer_pids[@]}"; do wait "$pid"; done
touch "$WORK/crowd.done"
wait
lost=$(cat "$WORK/crowd.failed" 2>/dev/null | wc -l)
landed=$(sqlite3 -readonly "$crowd" "SELECT COUNT(*) FROM diklat WHERE nama LIKE 'Kursus %-%-%'")
reader_failures=$(cat "$WORK"/reader-*.failures | awk '{ sum += $1 } END { print sum + 0 }')
if [ "$lost" = 0 ] && [ "$landed" = "$expected" ]; then ok "all 48 imports landed ($expected rows)"; else
  bad "$lost of 48 imports failed, $landed of $expected rows landed: $(cat "$WORK"/writer-*.err | sort | uniq -c | head -3)"
fi
reads=$(cat "$WORK"/reader-*.reads | awk '{ sum += $1 } END { print sum + 0 }')
told=$(grep -l "menunggu impor lain selesai" "$WORK"/writer-*.err 2>/dev/null | wc -l)
if [ "$told" -gt 0 ]; then ok "waiting imports said so ($told of 48)"; else bad "no waiting import said it was waiting"; fi
if [ "$reader_failures" = 0 ] && [ "$reads" -gt 0 ]; then ok "readers never failed ($reads reads during the imports)"; else bad "$reader_failures reads failed: $(cat "$WORK"/reader-*.err 2>/dev/null | head -3)"; fi
if ipasn --db "$crowd" check >/dev/null 2>&1; then ok "check OK after the crowd"; else bad "check failed after the crowd"; fi

section "fuzzed import files (no crash; a refused file changes nothing)"
fuzz="$WORK/fuzz.sqlite"
cp "$base" "$fuzz"
head -200 "$WORK/csv/diklat.csv" >"$WORK/seed.csv"
size=$(wc -c <"$WORK/seed.csv")
crashes=0
changed=0
for i in $(seq 1 24); do
  f="$WORK/fuzz-$i.csv"
  cp "$WORK/seed.csv" "$f"
  case $((i % 6)) in
    0) head -c $((RANDOM % size)) "$WORK/seed.csv" >"$f" ;;                                    # cut anywhere
    1) printf '"' | dd of="$f" bs=1 seek=$((RANDOM % size)) conv=notrunc 2>/dev/null ;;          # a stray quote
    2) printf '\000' | dd of="$f" bs=1 seek=$((RANDOM % size)) conv=notrunc 2>/dev/null ;;       # a NUL byte
    3) printf "\\$(printf '%03o' $((128 + RANDOM % 128)))" | dd of="$f" bs=1 seek=$((RANDOM % size)) conv=notrunc 2>/dev/null ;;
    4) for _ in 1 2 3 4 5 6 7 8; do                                                              # scattered bytes
         printf "\\$(printf '%03o' $((RANDOM % 256)))" | dd of="$f" bs=1 seek=$((RANDOM % size)) conv=notrunc 2>/dev/null
       done ;;
    5) { head -c $((RANDOM % 100)) "$WORK/seed.csv"; for _ in $(seq 1 64); do printf "\\$(printf '%03o' $((RANDOM % 256)))"; done; } >"$f" ;;
  esac
  before=$(content "$fuzz")
  timeout 30 "$IPASN_BIN" --db "$fuzz" import diklat "$f" >/dev/null 2>"$WORK/fuzz.err"
  status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    crashes=$((crashes + 1))
    echo "    file $i: exit $status" >&2
  elif [ "$status" -eq 1 ] && [ "$(content "$fuzz")" != "$before" ]; then
    changed=$((changed + 1))
    echo "    file $i: refused but the database changed" >&2
  fi
  if grep -qi "sqlite" "$WORK/fuzz.err"; then echo "    file $i: SQLite text reached the admin" >&2; crashes=$((crashes + 1)); fi
done
if [ "$crashes" = 0 ]; then ok "24 fuzzed files: no crash, no SQLite text"; else bad "$crashes fuzzed files crashed or leaked SQLite text"; fi
if [ "$changed" = 0 ]; then ok "no refused file changed the database"; else bad "$changed refused files changed the database"; fi
if ipasn --db "$fuzz" check >/dev/null 2>&1; then ok "check OK after the fuzzing"; else bad "check failed after the fuzzing"; fi

# PostgreSQL: an import killed, the server killed under saves, raw psql across units.
source Tests/faults/postgres.sh

section "a read-only database"
ro="$WORK/readonly"
mkdir -p "$ro"
# Everything committed into the main file first (the last process to close may have been a
# read-only one, which leaves the WAL to the next writer).
sqlite3 "$crowd" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$crowd" "$ro/ipasn.sqlite"
sum=$(sha256sum <"$ro/ipasn.sqlite")
protect() {
  PROTECTED+=("$1")
  if [ "$(id -u)" = 0 ]; then chattr +i "$1" 2>/dev/null; else chmod a-w "$1"; fi
}
# Root ignores permission bits: the file system must support chattr +i to stage this.
if ! protect "$ro/ipasn.sqlite" || ! protect "$ro" || touch "$ro/probe" 2>/dev/null; then
  echo "  skipped - this file system cannot make a file read-only for root (no chattr +i)"
  echo "faults: $passed passed, $failed failed (${SECONDS}s)"
  [ "$failed" = 0 ]
  exit
fi
nip="${nips[0]}"
for command in "score --year 2024" "report units --year 2024" "explain $nip --year 2024" "check"; do
  # shellcheck disable=SC2086
  if out=$(ipasn --db "$ro/ipasn.sqlite" $command 2>&1); then ok "read-only: $command"; else bad "read-only: $command failed: $out"; fi
done
out=$(ipasn --db "$ro/ipasn.sqlite" import diklat "$WORK/crowd-0-2.csv" 2>&1)
status=$?
if [ "$status" = 1 ] && grep -q "tidak bisa ditulis" <<<"$out" && ! grep -qi sqlite <<<"$out"; then
  ok "read-only: an import is refused cleanly"
else
  bad "read-only: import exit $status: $out"
fi
if [ "$(sha256sum <"$ro/ipasn.sqlite")" = "$sum" ]; then ok "read-only: the file is unchanged"; else bad "read-only: the file changed"; fi

echo "faults: $passed passed, $failed failed (${SECONDS}s)"
[ "$failed" = 0 ]
