#!/usr/bin/env bash
# SKP SIASN does not take (branch skp2022), the real binary, the workstation in tmux at 80x24:
#  1. a unit (Bidang A) with SKP 2020, 2021, 2023 and one 2023 "Cukup" in its parent: `report
#     pending` counts 2 SKP (the two from 2023), lists the Cukup one with the predikat to choose;
#  2. `export siasn-skp --pending` sends the Baik one and says on stderr that the Cukup one stays;
#     then 1 pending, and Bidang A has nothing pending;
#  3. the employee page shows the reason under the SKP 2020 and 2021 ("Tidak dikirim ke SIASN")
#     and under the Cukup one; the pending screen (P) lists only the parent unit, with 1 SKP.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

work_dir
DB="$WORK/ipasn.sqlite"
A=198609262015051001
B=199001012019032002
printf 'kode,nama,induk\nDINAS,Dinas Contoh,\nBIDA,Bidang A,DINAS\n' >"$WORK/units.csv"
printf 'nip,nama,kode_unit,jenis_jabatan\n%s,Andi Wijaya,DINAS,pelaksana\n%s,Budi Santoso,BIDA,pelaksana\n' "$A" "$B" >"$WORK/pegawai.csv"
printf 'nip,tahun,predikat,nilai\n%s,2020,baik,\n%s,2021,,80\n%s,2023,sangat_baik,\n%s,2023,cukup,\n' "$B" "$B" "$B" "$A" >"$WORK/skp.csv"
for kind in units pegawai skp; do
  "$IPASN_BIN" --db "$DB" import "$kind" "$WORK/$kind.csv" --quiet >"$WORK/import.log" 2>&1 || fail "import $kind: $(cat "$WORK/import.log")"
done
ok "a database with SKP 2020, 2021, 2023 in Bidang A and a 2023 Cukup in Dinas Contoh"

IPASN_LANG=id "$IPASN_BIN" --db "$DB" report pending >"$WORK/pending.txt" 2>&1 || fail "report pending: $(cat "$WORK/pending.txt")"
grep -q "^2 data belum dikirim ke SIASN" "$WORK/pending.txt" || fail "report pending before: $(cat "$WORK/pending.txt")"
grep -q "1 data SKP 2022 ke atas belum bisa dikirim" "$WORK/pending.txt" || fail "no Cukup notice: $(cat "$WORK/pending.txt")"
grep -q "SKP 2023  Cukup (PP 46/2011): ubah ke Butuh Perbaikan" "$WORK/pending.txt" || fail "no Cukup line: $(cat "$WORK/pending.txt")"
ok "report pending: 2 SKP pending (the two of 2023), the Cukup one listed with the predikat to choose"

IPASN_LANG=id "$IPASN_BIN" --db "$DB" export siasn-skp --pending --out "$WORK/skp-siasn.csv" 2>"$WORK/export.err" \
  || fail "export: $(cat "$WORK/export.err")"
[ "$(wc -l <"$WORK/skp-siasn.csv")" = 2 ] || fail "export rows: $(cat "$WORK/skp-siasn.csv")"
grep -q "1 data SKP 2022 ke atas belum bisa dikirim dan tetap belum dikirim" "$WORK/export.err" || fail "export notice: $(cat "$WORK/export.err")"
grep -q "sebelum 2022" "$WORK/export.err" && fail "--pending met SKP before 2022: $(cat "$WORK/export.err")"
IPASN_LANG=id "$IPASN_BIN" --db "$DB" report pending --format csv >"$WORK/pending.csv" 2>&1 || fail "report pending csv"
grep -q "^DINAS,Dinas Contoh,0,0,0,1,0,1,0," "$WORK/pending.csv" || fail "after the export: $(cat "$WORK/pending.csv")"
grep -q "^BIDA" "$WORK/pending.csv" && fail "Bidang A still pending: $(cat "$WORK/pending.csv")"
ok "export --pending sent the SKP 2023 of Bidang A (now 0 pending) and kept the Cukup one (1 pending)"

tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "$B"
wait_for "Budi Santoso"
tmux_keys Enter
wait_for "Data Pegawai — Budi Santoso"
wait_for "Tidak dikirim ke SIASN: SIASN hanya menerima SKP tahun 2022 ke atas"
[ "$(screen | grep -cF "Tidak dikirim ke SIASN: SIASN hanya menerima SKP tahun 2022 ke atas")" = 2 ] || fail "not two reason lines"
wait_line "2020" "  x"
ok "Budi's page at 80x24: SKP 2020 and 2021 marked 'x' (tidak ke SIASN, round 12's one-character mark) with the reason under each"
tmux_keys F10
wait_gone
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
tmux_keys /
wait_for "Nama atau NIP"
tmux_type "$A"
wait_for "Andi Wijaya"
tmux_keys Enter
wait_for "Data Pegawai — Andi Wijaya"
wait_for "SIASN tak menerima Cukup (PP 46/2011): ubah ke Butuh Perbaikan"
wait_line "2023" "  !"
ok "Andi's page: the Cukup SKP says which predikat SIASN takes"
tmux_keys F10
wait_gone
tmux_start 80 24 env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
wait_for "Unit Kerja"
tmux_keys P
wait_for "Belum Dikirim ke SIASN"
wait_for "1 SKP berpredikat PP 46/2011 tertahan: pilih predikat PermenPANRB 6/2022"
wait_line "Dinas Contoh" "1"
screen | grep -qF "Bidang A" && fail "Bidang A on the pending screen"
ok "the pending screen lists only Dinas Contoh (1 SKP) and says why it cannot be sent"
tmux_keys F10
wait_gone
"$IPASN_BIN" --db "$DB" check >"$WORK/check.log" 2>&1 || fail "ipasn check: $(cat "$WORK/check.log")"
ok "ipasn check is clean"
