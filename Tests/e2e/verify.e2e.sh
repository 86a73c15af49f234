#!/usr/bin/env bash
# Verification in tmux at 80x24, with raw keys, on ONE database:
#  1. a verifikator (the nameless login "uid 41011", run through setpriv) opens the queue of the
#     top unit with V (newest first, with when and by whom), narrows it by time (s) and kind (j)
#     and clears the filters (c), accepts the newest record with m, rejects the next with t and a
#     typed reason; the database holds both verdicts and `ipasn check` says OK;
#  2. the admin of the rejected record's unit ("uid 41012") sees on the units list that one
#     record was rejected, presses V and reads the reason.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

work_dir
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
needs_logins two
VERA="uid 41011"
SARI="uid 41012"
shared_demo 40
"$IPASN_BIN" --db "$DB" users add "$VERA" --role verifikator >>"$WORK/demo.log" 2>&1 || fail "users add failed: $(cat "$WORK/demo.log")"
ok "demo database with a verifikator"

run_as() {  # run_as UID: the workstation of that login in the tmux session
  tmux_start 80 24 setpriv --reuid="$1" --regid="$1" --clear-groups -- env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
}

run_as 41011
wait_for "Tahun"
tmux_keys V
wait_for "data belum diverifikasi, terbaru di atas"
wait_for "Masuk       Oleh"
tmux_keys s
wait_for "Saring: sejak kemarin"
tmux_keys j
wait_for "Saring: Pendidikan · sejak kemarin"
tmux_keys c
wait_for "data belum diverifikasi, terbaru di atas"
ok "the queue is newest first; s and j narrow it, c clears the filters"
FIRST="$(sqlite3 "$DB" "SELECT COUNT(*) FROM verification")"
[ "$FIRST" = 0 ] || fail "verdicts before any key: $FIRST"
tmux_keys m
wait_for "Memenuhi syarat:"
tmux_keys t
wait_for "Alasan (apa yang harus diperbaiki admin):"
tmux_type "Ijazah tidak terbaca"
tmux_keys Enter
wait_for "Tidak memenuhi syarat:"
[ "$(sqlite3 "$DB" "SELECT status || ':' || by FROM verification ORDER BY status")" = "memenuhi:$VERA
tidak:$VERA" ] || fail "verdicts: $(sqlite3 "$DB" "SELECT * FROM verification")"
[ "$(sqlite3 "$DB" "SELECT reason FROM verification WHERE status = 'tidak'")" = "Ijazah tidak terbaca" ] || fail "reason not stored"
ok "the verifikator accepted one record (m) and rejected the next with a reason (t)"
tmux_keys F10
wait_gone
"$IPASN_BIN" --db "$DB" check >"$WORK/check.log" 2>&1 || fail "ipasn check: $(cat "$WORK/check.log")"
ok "ipasn check is clean after the verdicts"

# The admin of the rejected record's employee's unit.
KIND="$(sqlite3 "$DB" "SELECT kind FROM verification WHERE status = 'tidak'")"
ID="$(sqlite3 "$DB" "SELECT record_id FROM verification WHERE status = 'tidak'")"
UNIT="$(sqlite3 "$DB" "SELECT p.kode_unit FROM $KIND r JOIN pegawai p ON p.nip = r.nip WHERE r.id = $ID")"
"$IPASN_BIN" --db "$DB" users add "$SARI" --role admin --unit "$UNIT" >>"$WORK/demo.log" 2>&1 || fail "users add failed: $(cat "$WORK/demo.log")"
run_as 41012
wait_for "1 data Anda tidak memenuhi syarat: tekan V untuk melihat alasannya."
tmux_keys V
wait_for "Data Anda yang tidak memenuhi syarat"
wait_for "Ijazah tidak terbaca"
# An admin's m gives no verdict.
tmux_keys m
sleep 0.3
[ "$(sqlite3 "$DB" "SELECT COUNT(*) FROM verification WHERE status = 'tidak'")" = 1 ] || fail "the admin changed a verdict"
ok "the admin of $UNIT sees the rejected record and its reason (V)"
tmux_keys F10
wait_gone
