# The fault suite's PostgreSQL section, sourced by Tests/faults/run-all.sh (it uses that
# script's $WORK, $IPASN_BIN, $WORK/csv, ok, bad, section and RANDOM). On a throw-away cluster
# of its own, durable (fsync and synchronous commit on, as a production server), so that
# killing the server is a real crash:
#  1. kill -9 of `ipasn import diklat` at random points of a large file: the table holds
#     exactly what it held before, no transaction is left behind, `ipasn check` OK;
#  2. the server killed (pg_ctl stop -m immediate) during a stream of command-line saves:
#     after the restart every save that reported success is there, nothing is half-written
#     (each course with its audit row, none twice), `ipasn check` OK;
#  3. an admin's own role in raw psql cannot write another unit (row-level security).
# Skipped, with a line saying so, when PostgreSQL is not installed.

pg_faults() {
  local pgbin="" candidate
  for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && pgbin="$candidate"; done
  if [ -z "$pgbin" ] && ! command -v initdb >/dev/null 2>&1; then
    echo "  skip - PostgreSQL is not installed (initdb not found; apt-get install postgresql): no PostgreSQL faults"
    return
  fi
  if ! command -v psql >/dev/null; then
    bad "psql is needed for the PostgreSQL faults (apt-get install postgresql-client)"
    return
  fi
  PG_CLUSTER="$(IPASN_PG_DURABLE=1 scripts/pg-test-cluster start)" || { bad "cannot start a PostgreSQL cluster"; return; }
  local admin="host=$PG_CLUSTER user=postgres dbname=postgres"
  psql "$admin" -qAtc "CREATE DATABASE faults" >/dev/null || { bad "createdb faults"; return; }
  local pg="postgresql:///faults?host=$PG_CLUSTER&user=postgres"
  psqlf() { psql "host=$PG_CLUSTER user=postgres dbname=faults" -qAtc "$1"; }
  # What the tables hold: counts and a digest of every row that matters.
  digest() {
    psqlf "SELECT (SELECT count(*) FROM diklat) || ' ' || (SELECT count(*) FROM audit) || ' ' ||
      (SELECT md5(COALESCE(string_agg(id || nip || nama || jp, ',' ORDER BY id), '')) FROM diklat) || ' ' ||
      (SELECT md5(COALESCE(string_agg(nip || year || kualifikasi || kompetensi || kinerja || disiplin, ',' ORDER BY nip, year), '')) FROM employee_score)"
  }
  # Waits (at most 20 s) until no ipasn connection is left on the database: a killed client's
  # server process ends when it notices the closed socket.
  no_ipasn_left() {
    local n
    for n in $(seq 200); do
      [ "$(psqlf "SELECT count(*) FROM pg_stat_activity WHERE datname = 'faults' AND application_name = 'ipasn'")" = 0 ] && return 0
      sleep 0.1
    done
    return 1
  }

  ipasn --db "$pg" import units "$WORK/csv/units.csv" >/dev/null 2>&1 &&
    ipasn --db "$pg" import pegawai "$WORK/csv/pegawai.csv" >/dev/null 2>&1 || { bad "PostgreSQL: importing the sample failed"; return; }
  # The table is not empty before: the first 2,000 courses; the large file is the rest.
  head -2001 "$WORK/csv/diklat.csv" >"$WORK/pg-first.csv"
  { head -1 "$WORK/csv/diklat.csv"; tail -n +2002 "$WORK/csv/diklat.csv"; } >"$WORK/pg-rest.csv"
  ipasn --db "$pg" import diklat "$WORK/pg-first.csv" >/dev/null 2>&1 || { bad "PostgreSQL: importing the first courses failed"; return; }
  local rest_rows=$(($(wc -l <"$WORK/pg-rest.csv") - 1))

  section "PostgreSQL: kill -9 during an import of $rest_rows diklat rows (the table as before, check OK)"
  local round pid when before after checked
  for round in 1 2 3; do
    before="$(digest)"
    "$IPASN_BIN" --db "$pg" import diklat "$WORK/pg-rest.csv" >/dev/null 2>&1 &
    pid=$!
    # 0.3 to 2.8 s into the import (seeded).
    sleep "$((RANDOM % 3)).$((3 + RANDOM % 7))"
    if kill -9 "$pid" 2>/dev/null; then when="killed mid-import"; else when="finished before the kill"; fi
    wait "$pid" 2>/dev/null
    if ! no_ipasn_left; then bad "round $round: the killed import's connection is still on the server"; continue; fi
    after="$(digest)"
    checked="$(ipasn --db "$pg" check 2>&1)"
    if [ "$when" = "finished before the kill" ]; then
      bad "round $round: the import finished before the kill (make the file larger)"
    elif [ "$after" != "$before" ]; then
      bad "round $round: the tables changed after the kill: $before -> $after"
    elif [ "$checked" != OK ]; then
      bad "round $round: check failed after the kill: $(head -3 <<<"$checked")"
    else
      ok "round $round: $when, diklat/audit/scores exactly as before ($(cut -d' ' -f1 <<<"$after") rows), no connection left, check OK"
    fi
  done

  section "PostgreSQL: the server killed (pg_ctl stop -m immediate) during a stream of saves"
  local nip
  nip="$(psqlf "SELECT nip FROM pegawai WHERE aktif = 1 ORDER BY nip LIMIT 1")"
  local header="nip,jenis,tingkat,nama,penyelenggara,tanggal_mulai,tanggal_selesai,jp,nomor_sertifikat,sesuai_jabatan"
  local i
  : >"$WORK/pg-saved" && : >"$WORK/pg-failed"
  local mark
  mark="$(psqlf "SELECT COALESCE(max(id), 0) FROM audit")"
  # One course per save (a one-row import), until told to stop (at most 400).
  (
    for i in $(seq 1 400); do
      [ -e "$WORK/pg-stop" ] && break
      printf '%s\n%s,3,,Simpan %03d,BPSDM,2024-03-01,2024-03-02,2,,Y\n' "$header" "$nip" "$i" >"$WORK/pg-save-$i.csv"
      if "$IPASN_BIN" --db "$pg" import diklat "$WORK/pg-save-$i.csv" >/dev/null 2>"$WORK/pg-save-$i.err"; then
        echo "$i" >>"$WORK/pg-saved"
      else
        echo "$i" >>"$WORK/pg-failed"
      fi
    done
  ) &
  local stream=$!
  # Kill the server once 10 + (0..9) saves reported success, start it again after 3 failures,
  # and stop the stream once 5 more saves went through.
  local kill_after=$((10 + RANDOM % 10)) n back
  for n in $(seq 600); do [ "$(wc -l <"$WORK/pg-saved")" -ge "$kill_after" ] && break; sleep 0.05; done
  scripts/pg-test-cluster server-stop "$PG_CLUSTER" immediate || bad "pg_ctl stop -m immediate failed"
  for n in $(seq 600); do [ "$(wc -l <"$WORK/pg-failed")" -ge 3 ] && break; sleep 0.05; done
  scripts/pg-test-cluster server-start "$PG_CLUSTER" || bad "the server did not start again"
  back=$(wc -l <"$WORK/pg-saved")
  for n in $(seq 600); do [ "$(wc -l <"$WORK/pg-saved")" -ge $((back + 5)) ] && break; sleep 0.05; done
  touch "$WORK/pg-stop"
  wait "$stream"
  local saved failed lost=0 twice=0 unaudited half=0 told=0 count
  saved=$(wc -l <"$WORK/pg-saved")
  failed=$(wc -l <"$WORK/pg-failed")
  for i in $(cat "$WORK/pg-saved"); do
    count="$(psqlf "SELECT count(*) FROM diklat WHERE nip = '$nip' AND nama = 'Simpan $(printf %03d "$i")'")"
    [ "$count" = 1 ] || { [ "$count" = 0 ] && lost=$((lost + 1)) || twice=$((twice + 1)); }
  done
  for i in $(cat "$WORK/pg-failed"); do
    # A failed save is absent, or (the crash came between its commit and the reply) whole.
    count="$(psqlf "SELECT count(*) FROM diklat WHERE nip = '$nip' AND nama = 'Simpan $(printf %03d "$i")'")"
    [ "$count" -le 1 ] || half=$((half + 1))
    grep -q "Server basis data tidak dapat dihubungi" "$WORK/pg-save-$i.err" && told=$((told + 1))
  done
  # Every import of the stream that is there has its audit row (written in the same
  # transaction): as many import rows in the audit log since the stream began as courses.
  unaudited=$(($(psqlf "SELECT count(*) FROM diklat WHERE nip = '$nip' AND nama LIKE 'Simpan %'") -
    $(psqlf "SELECT count(*) FROM audit WHERE id > $mark AND action = 'import' AND entity = 'diklat'")))
  if [ "$failed" -lt 1 ]; then
    bad "no save failed while the server was down ($saved saved)"
  elif [ "$lost" = 0 ] && [ "$twice" = 0 ] && [ "$half" = 0 ] && [ "$unaudited" = 0 ]; then
    ok "killed after $kill_after saves: all $saved saves that reported success ($((saved - back)) after the restart) are there once, each with its audit row; $failed failed while it was down"
  else
    bad "after the crash: $lost reported saves lost, $twice twice, $half failed saves more than once, $unaudited without audit row"
  fi
  if [ "$told" = "$failed" ]; then ok "each of the $failed failed saves named the connection: $(head -1 "$WORK/pg-save-$(head -1 "$WORK/pg-failed").err" | cut -c1-110)"
  else bad "$((failed - told)) of $failed failed saves did not say the server was unreachable: $(cat "$WORK"/pg-save-*.err | sort | uniq -c | head -5)"; fi
  checked="$(ipasn --db "$pg" check 2>&1)"
  if [ "$checked" = OK ]; then ok "check OK after the crash"; else bad "check after the crash: $(head -3 <<<"$checked")"; fi

  section "PostgreSQL: an admin's own role in raw psql cannot write another unit"
  ipasn --db "$pg" users add "uid 41091" --role admin --unit DINKES >/dev/null 2>&1 || { bad "users add failed"; return; }
  local other own role_psql out
  other="$(psqlf "SELECT nip FROM pegawai WHERE kode_unit = 'DISDIK' AND aktif = 1 ORDER BY nip LIMIT 1")"
  own="$(psqlf "SELECT nip FROM pegawai WHERE kode_unit = 'DINKES' AND aktif = 1 ORDER BY nip LIMIT 1")"
  role_psql() { psql "host=$PG_CLUSTER user='uid 41091' dbname=faults" -qAt -v ON_ERROR_STOP=1 -c "$1" 2>&1; }
  before="$(digest)"
  [ "$(role_psql "SELECT session_user")" = "uid 41091" ] || bad "psql did not connect as the admin's role"
  out="$(role_psql "INSERT INTO diklat (nip, jenis, nama, tanggal_mulai, tanggal_selesai, jp, dedup_key)
    VALUES ('$other', 3, 'Lewat psql', '2024-03-01', '2024-03-02', 40, 1)")"
  if grep -q "row-level security" <<<"$out"; then ok "INSERT for a DISDIK employee refused: $out"; else bad "INSERT for another unit: $out"; fi
  out="$(role_psql "WITH u AS (UPDATE diklat SET jp = 99 WHERE nip = '$other' RETURNING 1) SELECT count(*) FROM u")"
  [ "$out" = 0 ] && ok "UPDATE of a DISDIK employee's courses changed 0 rows" || bad "UPDATE of another unit: $out"
  out="$(role_psql "WITH d AS (DELETE FROM diklat WHERE nip = '$other' RETURNING 1) SELECT count(*) FROM d")"
  [ "$out" = 0 ] && ok "DELETE of a DISDIK employee's courses removed 0 rows" || bad "DELETE of another unit: $out"
  out="$(role_psql "UPDATE pegawai SET kode_unit = 'DINKES' WHERE nip = '$other'")"
  [ "$out" = "" ] && [ "$(psqlf "SELECT kode_unit FROM pegawai WHERE nip = '$other'")" = DISDIK ] &&
    ok "moving a DISDIK employee into DINKES from psql changed nothing" || bad "moving another unit's employee: $out"
  out="$(role_psql "UPDATE employee_score SET kinerja = 99 WHERE nip = '$own'")"
  if grep -q "permission denied for table employee_score" <<<"$out"; then ok "UPDATE of a DINKES employee's own cached score refused: $out"
  else bad "hand UPDATE of the admin's own unit's cached score: $out"; fi
  out="$(role_psql "UPDATE audit SET actor = 'someone'; DELETE FROM audit")"
  [ "$(digest)" = "$before" ] && ok "the audit log and every table unchanged (the admin's own unit: $own)" ||
    bad "psql as the admin changed something: $before -> $(digest) ($out)"
  checked="$(ipasn --db "$pg" check 2>&1)"
  if [ "$checked" = OK ]; then ok "check OK after the psql attempts"; else bad "check after psql: $(head -3 <<<"$checked")"; fi
}

pg_faults
[ -n "${PG_CLUSTER:-}" ] && scripts/pg-test-cluster stop "$PG_CLUSTER"
PG_CLUSTER=""
