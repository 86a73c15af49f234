#!/usr/bin/env bash
# The bulk SKP grid with SKP already stored, through the real binary in tmux at 80x24 with raw
# keys, as two admins on ONE database (ani and budi: two nameless uids run through setpriv, as
# sessions.e2e.sh does). The demo gives everyone this year's SKP.
#  1. ani opens the grid for three employees of the first unit (v Down Down v, n): every row
#     shows its stored predikat, and the row under the cursor says what will happen;
#     row 1 "sb" + F3 (ganti), row 2 "c" without a choice, row 3 F4 (biarkan);
#     Ctrl-S: the review lists ganti / belum dipilih / biarkan with counts.
#  2. meanwhile budi edits row 1's SKP on its page (Kurang) and saves;
#  3. ani's Ctrl-S is refused whole: "sudah diubah oleh uid ...", the grid shows Kurang, keeps
#     "Sangat Baik" and asks again (pilih!); nothing was written;
#  4. ani chooses F3 again and saves: one update audited in one batch by ani, row 2 untouched;
#  5. ani's u (y) restores budi's Kurang exactly; ipasn check says OK.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

work_dir
command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
needs_logins two
ANI_UID=41011
BUDI_UID=41012
ANI="uid $ANI_UID"
BUDI="uid $BUDI_UID"
shared_demo 60 "$ANI" "$BUDI"
YEAR="$(sqlite3 "$DB" "SELECT COALESCE((SELECT value FROM config WHERE key = 'year'), strftime('%Y', 'now'))")"

# lib.sh's sessions (start_as, keys, waits ...); a text waited for may wrap over lines (the status line).
WAITS_READS=flat
row() { shot "$1" | grep -F -m1 -- "$2" || true; }
sql() { sqlite3 "$DB" "$1"; }

# --- 1. ani's grid: three employees of the first unit, each with this year's SKP ---------------
start_as ani "$ANI_UID"
waits ani "Unit Kerja"
keys ani Enter
waits ani "Pegawai — "
keys ani v Down Down v
waits ani "3 dipilih"
keys ani n
waits ani "SKP $YEAR — 3 pegawai"
NIPS=($(shot ani | grep -o '[0-9]\{18\}'))
[ "${#NIPS[@]}" = 3 ] || fail "expected three NIPs in the grid, saw ${#NIPS[*]}"
NIP1="${NIPS[0]}"
NAME1="$(sql "SELECT nama FROM pegawai WHERE nip = '$NIP1'")"
for nip in "${NIPS[@]}"; do
  stored="$(sql "SELECT predikat FROM skp WHERE nip = '$nip' AND tahun = $YEAR")"
  [ -n "$stored" ] || fail "the demo gave $nip no SKP for $YEAR"
  shown="$(row ani "$nip")"
  case "$stored" in
    baik) echo "$shown" | grep -qF " Baik " || fail "row $nip does not show its stored Baik: $shown" ;;
  esac
done
waits ani "$NAME1 sudah punya SKP $YEAR:"
ok "the grid shows each row's stored SKP; the row under the cursor says it has one (quietly until typed in)"
AUDIT0="$(sql "SELECT count(*) FROM audit")"
OLD1="$(sql "SELECT predikat FROM skp WHERE nip = '$NIP1' AND tahun = $YEAR")"
OLD2="$(sql "SELECT predikat FROM skp WHERE nip = '${NIPS[1]}' AND tahun = $YEAR")"
typed ani "sb"
waits ani "F3 ganti dengan isian baris ini, F4 biarkan; tanpa pilihan tidak disimpan."
keys ani F3
waits ani "akan diganti dengan isian baris ini."
row ani "$NIP1" | grep -q "ganti$" || fail "row 1 does not say ganti: $(row ani "$NIP1")"
keys ani Enter
typed ani "c"
keys ani Enter
keys ani F4
waits ani "dibiarkan; isian baris ini tidak disimpan."
row ani "${NIPS[1]}" | grep -q "pilih!$" || fail "row 2 (typed, no choice) does not ask: $(row ani "${NIPS[1]}")"
keys ani C-s
waits ani "Tinjau: SKP $YEAR — 3 pegawai"
waits ani "Baru 0, ganti 1, biarkan 1, belum dipilih 1 (tidak disimpan)."
waits ani "Ctrl-S: 1 SKP disimpan dalam satu transaksi."
shot ani | grep -F "~ " | grep -qF "→ Sangat Baik" || fail "the review does not show ganti X → Sangat Baik: $(shot ani)"
shot ani | grep -qF "belum dipilih (ada " || fail "the review does not list the undecided row"
ok "the review lists ganti, belum dipilih and biarkan with counts"

# --- 2. budi edits row 1's SKP meanwhile ----------------------------------------------------
start_as budi "$BUDI_UID"
waits budi "Unit Kerja"
keys budi /
waits budi "Nama atau NIP"
typed budi "$NIP1"
waits budi "$NAME1"
keys budi Enter
waits budi "Data Pegawai — $NAME1"
# The page lists pendidikan, then diklat, then SKP newest first: Down over the others.
BEFORE="$(sql "SELECT (SELECT count(*) FROM pendidikan WHERE nip = '$NIP1') + (SELECT count(*) FROM diklat WHERE nip = '$NIP1')")"
for _ in $(seq 1 "$BEFORE"); do keys budi Down; done
keys budi Enter
waits budi "Ubah SKP — $NAME1"
keys budi Tab C-u
typed budi "Kurang"
keys budi Tab C-s
waits budi "Tersimpan: SKP $YEAR Kurang."
[ "$(sql "SELECT predikat FROM skp WHERE nip = '$NIP1' AND tahun = $YEAR")" = "kurang" ] || fail "budi's edit was not stored"
ok "budi changed $NAME1's SKP $YEAR to Kurang on its page"

# --- 3. ani's save is refused whole, naming budi; the input stays -----------------------------
AUDIT1="$(sql "SELECT count(*) FROM audit")"
keys ani C-s
waits ani "Tidak disimpan: SKP 1 baris ($NAME1) sudah diubah oleh $BUDI."
waits ani "SKP $YEAR — 3 pegawai"
R1="$(row ani "$NIP1")"
echo "$R1" | grep -qF "Kurang" && echo "$R1" | grep -qF "Sangat Baik" && echo "$R1" | grep -q "pilih!$" \
  || fail "row 1 should show budi's Kurang, keep Sangat Baik and ask again: $R1"
[ "$(sql "SELECT count(*) FROM audit")" = "$AUDIT1" ] || fail "the refused save wrote audit rows"
[ "$(sql "SELECT predikat FROM skp WHERE nip = '$NIP1' AND tahun = $YEAR")" = "kurang" ] || fail "budi's Kurang was overwritten"
ok "ani's save refused whole, naming $BUDI; Kurang shown, Sangat Baik kept, a choice asked again"

# --- 4. chosen again: saved in one batch -------------------------------------------------------
keys ani F3
waits ani "SKP $YEAR $NAME1 (Kurang) akan diganti"
keys ani C-s
waits ani "ganti Kurang → Sangat Baik"
keys ani C-s
waits ani "Tersimpan: SKP $YEAR untuk 1 pegawai (0 baru, 1 diganti)."
[ "$(sql "SELECT predikat FROM skp WHERE nip = '$NIP1' AND tahun = $YEAR")" = "sangat_baik" ] || fail "the replacement was not stored"
[ "$(sql "SELECT predikat FROM skp WHERE nip = '${NIPS[1]}' AND tahun = $YEAR")" = "$OLD2" ] || fail "the undecided row was saved"
LAST="$(sql "SELECT a.action || '|' || a.actor || '|' || b.label FROM audit a JOIN batches b ON b.id = a.batch ORDER BY a.id DESC LIMIT 1")"
[ "$LAST" = "update|$ANI|SKP $YEAR" ] || fail "expected one update by $ANI in batch 'SKP $YEAR', found $LAST"
ok "ganti again saves one audited update in one batch; the undecided row is untouched (was $OLD1, budi's Kurang replaced)"

# --- 5. undo restores budi's SKP exactly -------------------------------------------------------
keys ani u
waits ani "Batalkan perubahan SKP $YEAR untuk $NAME1?"
keys ani y
waits ani "Dibatalkan:"
[ "$(sql "SELECT predikat || '|' || COALESCE(nilai, '') FROM skp WHERE nip = '$NIP1' AND tahun = $YEAR")" = "kurang|" ] || fail "undo did not restore Kurang"
CHECK="$("$IPASN_BIN" --db "$DB" check 2>&1)" || fail "ipasn check: $CHECK"
ok "u restores budi's Kurang exactly; ipasn check is clean"
keys budi F10
keys ani F10
tmux_stop
