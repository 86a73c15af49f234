#!/usr/bin/env bash
# The PostgreSQL server's hard edges, as admins meet them: the real binary on its own
# throw-away cluster, three workstations in tmux on ONE database, each as its own login
# (setpriv; the PostgreSQL role is the login, so row-level security applies): admin A of
# DINKES, admin B of DISDIK, their pimpinan K, and later admin D, A's colleague in DINKES.
# Keys are sent as PuTTY sends them (raw bytes: Tab 09, Enter 0d, Ctrl-S 13, F5 ESC[15~);
# the script polls the screens for text, never sleeps for timing.
#  a. A types a diklat (unsaved); the server restarts (pg_ctl restart -m fast): the screen
#     says it lost the server and then that it is back, the input stays. The server then stops
#     for a while: the screen says so, keys still answer (a digit typed into the form shows), a
#     save says "Tidak tersimpan" and keeps the form, the screen says it keeps trying every
#     second; the server starts, the screen is back within 3 s (tries never block: pgdash2),
#     the save lands exactly once (psql), with its audit row.
#  b. B saves a diklat in DISDIK: K's open dashboard and A's open unit list show the new
#     average within a second, without a key.
#  c. A and D save two diklat to one employee at the same moment: both land, the cached score
#     counts both (no lost update), each screen shows the other's save with its name.
cd "$(dirname "$0")/../.."
source Tests/e2e/lib.sh

PGBIN=""
for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && PGBIN="$candidate"; done
if [ -z "$PGBIN" ] && ! command -v initdb >/dev/null 2>&1; then
  echo "  skip - PostgreSQL is not installed (initdb not found; apt-get install postgresql): the server tests need their own cluster"
  exit 0
fi
command -v psql >/dev/null || fail "psql is needed (apt-get install postgresql-client)"
needs_logins four

WORK="$(mktemp -d)"
CLUSTER=""
cleanup() {
  tmux_stop
  [ -n "$CLUSTER" ] && scripts/pg-test-cluster stop "$CLUSTER"
  rm -rf "$WORK"
}
trap cleanup EXIT
build_binary
chmod 755 "$WORK"
cp "$IPASN_BIN" "$WORK/ipasn"
chmod 755 "$WORK/ipasn"
IPASN_BIN="$WORK/ipasn"
CLUSTER="$(scripts/pg-test-cluster start)" || fail "cannot start a PostgreSQL cluster"
psql "host=$CLUSTER user=postgres dbname=postgres" -qAtc "CREATE DATABASE ipasn" >/dev/null || fail "createdb"
OPS="postgresql:///ipasn?host=$CLUSTER&user=postgres"
pg() { psql "host=$CLUSTER user=postgres dbname=ipasn" -qAtc "$1"; }
server() { scripts/pg-test-cluster "server-$1" "$CLUSTER" "${@:2}"; }

"$IPASN_BIN" demo --pegawai 300 --csv-dir "$WORK/csv" >/dev/null 2>&1 || fail "ipasn demo --csv-dir failed"
for kind in units pegawai pendidikan diklat skp disiplin; do
  "$IPASN_BIN" --db "$OPS" import "$kind" "$WORK/csv/$kind.csv" --quiet >/dev/null 2>"$WORK/err" || fail "import $kind: $(cat "$WORK/err")"
done
A=41021 B=41022 K=41023 D=41024
for spec in "$A admin DINKES" "$B admin DISDIK" "$K pimpinan" "$D admin DINKES"; do
  set -- $spec
  "$IPASN_BIN" --db "$OPS" users add "uid $1" --role "$2" ${3:+--unit "$3"} >>"$WORK/users.log" 2>&1 || fail "users add: $(cat "$WORK/users.log")"
done
YEAR="$("$IPASN_BIN" --db "$OPS" score --format csv | awk -F, 'NR == 2 { print $4 }')"
# An active pelaksana of UNIT whose Kompetensi is 17,5, with no teknis-group course in the year (a 24 JP
# course takes it to 40; two of 10 JP do together, not alone).
pelaksana() {
  pg "SELECT p.nip FROM pegawai p JOIN employee_score s ON s.nip = p.nip AND s.year = $YEAR
      WHERE p.kode_unit = '$1' AND p.aktif = 1 AND p.jenis_jabatan = 'pelaksana' AND s.kompetensi = 17.5
        AND NOT EXISTS (SELECT 1 FROM diklat d WHERE d.nip = p.nip AND extract(year FROM d.tanggal_selesai) = $YEAR
                        AND d.jenis IN (3, 5, 6, 8, 12, 13, 16, 17))
      ORDER BY p.nip LIMIT 1 OFFSET ${2:-0}"
}
NIP_A="$(pelaksana DINKES)"
NIP_B="$(pelaksana DISDIK)"
NIP_C="$(pelaksana DINKES 1)"
[ -n "$NIP_A" ] && [ -n "$NIP_B" ] && [ -n "$NIP_C" ] || fail "the demo lacks pelaksana with Kompetensi 17,5"
ok "a throw-away cluster; ipasn with 300 employees; A and D admin DINKES, B admin DISDIK, K pimpinan (each a PostgreSQL role)"

# --- the three sessions -----------------------------------------------------------------
tx() { tmux -L "$E2E_SOCK" "$@"; }
start_as() {  # start_as SESSION UID: the workstation as that login, connecting as its role
  tx -f /dev/null new-session -d -s "$1" -x 80 -y 24 -e TERM=xterm-256color \
    setpriv --reuid="$2" --regid="$2" --clear-groups -- \
    env IPASN_LANG=id "$IPASN_BIN" --db "postgresql:///ipasn?host=$CLUSTER&user=uid%20$2"
  tx set-option -g status off >/dev/null
}
raw() { local s="$1"; shift; tx send-keys -t "$s" -H "$@"; }  # bytes in hex
typed() { tx send-keys -t "$1" -l "$2"; }
TAB=09 ENTER=0d CTRL_S=13 ESC=1b
F5=(1b 5b 31 35 7e)
shot() { tx capture-pane -p -t "$1" 2>/dev/null || true; }
waits() {  # waits SESSION TEXT [SECONDS]
  local s="$1" text="$2" limit="${3:-10}" n=0
  while [ "$n" -lt $((limit * 50)) ]; do
    if shot "$s" | grep -qF -- "$text"; then return 0; fi
    sleep 0.02
    n=$((n + 1))
  done
  echo "  --- $s ---" >&2
  shot "$s" >&2
  fail "$s never showed: $text"
}
# waits_line SESSION PATTERN TEXT [SECONDS]: a line with PATTERN shows TEXT.
waits_line() {
  local s="$1" pattern="$2" text="$3" limit="${4:-10}" n=0
  while [ "$n" -lt $((limit * 50)) ]; do
    if shot "$s" | grep -F -- "$pattern" | grep -qF -- "$text"; then return 0; fi
    sleep 0.02
    n=$((n + 1))
  done
  echo "  --- $s ---" >&2
  shot "$s" >&2
  fail "$s: no line with \"$pattern\" showed: $text"
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
open_employee() {  # open_employee SESSION NIP
  typed "$1" /
  waits "$1" "Nama atau NIP"
  typed "$1" "$2"
  waits "$1" "$2"
  raw "$1" $ENTER
  waits_line "$1" "Kompetensi" "17,5 / 40"
}
# type_diklat SESSION NAME [JP]: the add-diklat form filled in (not saved).
type_diklat() {
  typed "$1" k
  waits "$1" "Tambah Diklat/Kursus"
  typed "$1" "Teknis"; raw "$1" $TAB
  typed "$1" "$2"; raw "$1" $TAB
  typed "$1" "BPSDM Provinsi"; raw "$1" $TAB
  typed "$1" "02-01-$YEAR"; raw "$1" $TAB
  typed "$1" "03-01-$YEAR"; raw "$1" $TAB
  typed "$1" "${3:-24}"
}
count_diklat() { pg "SELECT count(*) FROM diklat WHERE nip = '$1' AND nama = '$2'"; }

start_as a $A
start_as b $B
start_as k $K
for s in a b k; do waits $s "Unit Kerja"; done
ok "three workstations open on one database: A (uid $A), B (uid $B), K (uid $K)"

# --- a. a server restart and a server stop under A's unsaved form ------------------------
open_employee a "$NIP_A"
type_diklat a "E2E Kursus Server" 2
waits_line a "Total" "57,5 -> 57,5"
server restart || fail "pg_ctl restart failed"
waits a "Tersambung kembali ke server basis data"
shot a | grep -qF "E2E Kursus Server" || fail "the typed diklat is gone after the restart: $(shot a)"
waits_line a "Total" "57,5 -> 57,5"
ok "a restart (pg_ctl restart -m fast) under A's unsaved form: 'Tersambung kembali', the typed diklat still there"

server stop fast || fail "pg_ctl stop failed"
waits a "Server basis data terputus"
ok "the server stopped: A's screen says \"$(shot a | grep -F -m1 "terputus" | sed 's/^ *//')\""
# Keys answer while it is down: a digit typed into JP shows at once (2 -> 24).
typed a 4
waits_line a "Kompetensi" "17,5 -> 40 (+22,5)" 2
raw a $CTRL_S
waits a "Tidak tersimpan: server basis data terputus"
shot a | grep -qF "Tambah Diklat/Kursus" || fail "the form was closed by the failed save: $(shot a)"
ok "while it is down keys answer (JP 2 -> 24 typed), a save says 'Tidak tersimpan' and keeps the form"
# Stopped for about ten seconds: the screen keeps answering throughout (each check a key).
STOPPED_AT=$(now_ms)
while [ $(($(now_ms) - STOPPED_AT)) -lt 10000 ]; do
  raw a $TAB
  waits a "Tambah Diklat/Kursus" 2
  sleep 1
done
shot a | grep -qF "tidak terjangkau; mencoba menyambung lagi tiap detik" || fail "the screen does not say it keeps trying: $(shot a)"
server start || fail "pg_ctl start failed"
STARTED_AT=$(now_ms)
waits a "Tersambung kembali ke server basis data" 20
BACK_MS=$(($(now_ms) - STARTED_AT))
# Tries never block and come at least once a second (pgdash2): no long back-off after an outage.
[ "$BACK_MS" -le 3000 ] || fail "reconnected ${BACK_MS} ms after the server was up (a try at least every second expected)"
ok "after ~10 s down the screen said it keeps trying; reconnected ${BACK_MS} ms after the server was up"
[ "$(count_diklat "$NIP_A" "E2E Kursus Server")" = 0 ] || fail "the failed save left a row"
raw a $CTRL_S
waits a "Tersimpan: 03-01-$YEAR Teknis E2E Kursus Server 24 JP"
waits_line a "Kompetensi" "40 / 40"
[ "$(count_diklat "$NIP_A" "E2E Kursus Server")" = 1 ] || fail "the save is not there exactly once"
ID="$(pg "SELECT id FROM diklat WHERE nip = '$NIP_A' AND nama = 'E2E Kursus Server'")"
[ "$(pg "SELECT count(*) FROM audit WHERE entity = 'diklat' AND entity_id = '$ID' AND actor = 'uid $A'")" = 1 ] || fail "no audit row by uid $A"
ok "stopped ~10 s and started: 'Tersambung kembali', Ctrl-S saved it exactly once (diklat $ID, one audit row by uid $A)"

# --- b. B's save shows on K's dashboard and A's unit list within a second -----------------
# B and K sat idle through the stop: they reconnect on their own backoff (0.5 s doubling
# up to 8 s), so each says it is back within 8 s of the start (no key pressed).
waits b "Tersambung kembali ke server basis data" 12
waits k "Tersambung kembali ke server basis data" 12
ok "B and K, idle through the stop, reconnected by themselves"
raw a $ESC
waits a "Unit Kerja"
raw k "${F5[@]}"
waits k "Dasbor Pimpinan"
typed k v  # the figures as entered (the default shows verified figures only)
waits k "sesuai input"
BEFORE_A="$(shot a | grep -F -m1 "Dinas Pendidikan")"
BEFORE_K="$(shot k | grep -F -m1 "Dinas Pendidikan")"
# Records entered today before B's save (typed and imported; the operator's set-up import is
# set apart once unit admins exist); the summary says "Input hari ini N" or, when that does
# not fit, "Hari ini N".
TODAY_K="$(shot k | grep -o '[Hh]ari ini [0-9]*' | head -1 | grep -o '[0-9]*$' || true)"
[ -n "$TODAY_K" ] || fail "K's dashboard shows no 'hari ini' count: $(shot k)"
open_employee b "$NIP_B"
type_diklat b "E2E Kursus Live"
raw b $CTRL_S
waits b "Tersimpan: 03-01-$YEAR Teknis E2E Kursus Live 24 JP"
SAVED=$(now_ms)
# Both screens polled in one loop, each timed from B's "Tersimpan" until its Dinas
# Pendidikan line differs (at most ~5 s).
MS_K="" MS_A=""
for _ in $(seq 1000); do
  [ -z "$MS_K" ] && [ "$(shot k | grep -F -m1 "Dinas Pendidikan")" != "$BEFORE_K" ] && MS_K=$(($(now_ms) - SAVED))
  [ -z "$MS_A" ] && [ "$(shot a | grep -F -m1 "Dinas Pendidikan")" != "$BEFORE_A" ] && MS_A=$(($(now_ms) - SAVED))
  [ -n "$MS_K" ] && [ -n "$MS_A" ] && break
  sleep 0.002
done
[ -n "$MS_K" ] && [ -n "$MS_A" ] || fail "B's save never showed: K '$(shot k | grep -F -m1 "Dinas Pendidikan")', A '$(shot a | grep -F -m1 "Dinas Pendidikan")'"
[ "$MS_K" -lt 1000 ] && [ "$MS_A" -lt 1000 ] || fail "live refresh too slow: K $MS_K ms, A $MS_A ms"
# The figure they must show: DISDIK's average as the command line computes it.
DISDIK="$("$IPASN_BIN" --db "$OPS" report units | awk '$1 == "DISDIK" { print $(NF - 1) }' | tr . ,)"
[ -n "$DISDIK" ] && [ "$DISDIK" != "$(awk '{ print $(NF - 4) }' <<<"$BEFORE_A")" ] || fail "DISDIK's average did not move: $DISDIK"
waits_line k "Dinas Pendidikan" " $DISDIK " 1
waits_line a "Dinas Pendidikan" " $DISDIK " 1
waits k "Data diubah oleh uid $B: layar dimuat ulang." 1
waits k "ari ini $((TODAY_K + 1)), minggu ini" 1
ok "B's save (DISDIK average -> $DISDIK) showed on K's dashboard in $MS_K ms and on A's unit list in $MS_A ms, without a key (wall clock from B's 'Tersimpan')"

# --- c. two admins of one unit save to one employee at the same moment ------------------
# Two 10 JP courses: neither alone reaches the 20 JP that earns Kompetensi's teknis row
# (17,5 stays 17,5); together they do (40). A lost update would leave 17,5.
start_as d $D
waits d "Unit Kerja"
open_employee a "$NIP_C"
open_employee d "$NIP_C"
type_diklat a "Bersama A" 10
type_diklat d "Bersama D" 10
waits_line a "Kompetensi" "17,5 -> 17,5" 2
waits_line d "Kompetensi" "17,5 -> 17,5" 2
raw a $CTRL_S
raw d $CTRL_S
waits a "Tersimpan: 03-01-$YEAR Teknis Bersama A 10 JP"
waits d "Tersimpan: 03-01-$YEAR Teknis Bersama D 10 JP"
[ "$(count_diklat "$NIP_C" "Bersama A")" = 1 ] && [ "$(count_diklat "$NIP_C" "Bersama D")" = 1 ] ||
  fail "not both saved once"
[ "$(pg "SELECT kompetensi FROM employee_score WHERE nip = '$NIP_C' AND year = $YEAR")" = 40 ] || fail "the cached score lost one save"
waits_line a "Kompetensi" "40 / 40" 2
waits_line d "Kompetensi" "40 / 40" 2
# Whoever saved second saw the other's save on the page, named.
if shot a | grep -qF "Data diubah oleh uid $D"; then WHO=a; else waits d "Data diubah oleh uid $A" 2; WHO=d; fi
shot a | grep -qF "Bersama D" && shot d | grep -qF "Bersama A" || fail "a page does not list the other's course"
ok "A and D saved 10 JP each to one employee at once: both rows, Kompetensi 40 in the cache and on both screens; $WHO was told 'Data diubah oleh ...'"
[ "$("$IPASN_BIN" --db "$OPS" check 2>&1)" = "OK" ] || fail "ipasn check: $("$IPASN_BIN" --db "$OPS" check 2>&1)"
for s in a b k d; do typed $s q; done
for s in a b k d; do
  for _ in $(seq 200); do tx has-session -t $s 2>/dev/null || break; sleep 0.05; done
done
ok "ipasn check OK; the four workstations quit"
