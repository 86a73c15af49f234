# Helpers for end-to-end scripts that drive the real ipasn binary in tmux.
# Source it; it defines: build_binary, tmux_start, tmux_keys, tmux_type, tmux_resize, wait_for,
# wait_line, wait_gone, screen, screen_line, tmux_pid, tmux_stop, ok, fail, work_dir,
# demo_workspace, and the counted keys key/typ (KEYS).
set -euo pipefail

E2E_SOCK="ipasn-e2e-$$"
IPASN_BIN="${IPASN_BIN:-}"

ok() { echo "  ok - $*"; }
fail() {
  echo "  FAIL - $*" >&2
  if tmux -L "$E2E_SOCK" has-session 2>/dev/null; then
    echo "  --- screen ---" >&2
    tmux -L "$E2E_SOCK" capture-pane -p >&2 || true
    echo "  --------------" >&2
  fi
  tmux_stop
  exit 1
}

build_binary() {
  if [ -z "$IPASN_BIN" ]; then
    local dir
    dir="$(swift build --show-bin-path 2>/dev/null)"
    IPASN_BIN="$dir/ipasn"
  fi
  [ -x "$IPASN_BIN" ] || fail "no ipasn binary at $IPASN_BIN (run swift build first)"
}

# tmux_start WIDTH HEIGHT COMMAND...: runs the command in a detached tmux session.
tmux_start() {
  local width="$1" height="$2"
  shift 2
  tmux -L "$E2E_SOCK" -f /dev/null new-session -d -x "$width" -y "$height" -e TERM=xterm-256color "$@"
  tmux -L "$E2E_SOCK" set-option -g status off >/dev/null
}

tmux_keys() { tmux -L "$E2E_SOCK" send-keys "$@"; }
tmux_type() { tmux -L "$E2E_SOCK" send-keys -l "$1"; }
tmux_resize() { tmux -L "$E2E_SOCK" resize-window -x "$1" -y "$2"; }
screen() { tmux -L "$E2E_SOCK" capture-pane -p 2>/dev/null || true; }
session_alive() { tmux -L "$E2E_SOCK" has-session 2>/dev/null; }

# wait_for TEXT [SECONDS]: polls the screen until it shows TEXT (a fixed string).
wait_for() {
  local text="$1" limit="${2:-10}" waited=0
  while [ "$waited" -lt $((limit * 20)) ]; do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
    waited=$((waited + 1))
  done
  fail "screen never showed: $text"
}

# wait_gone [SECONDS]: polls until the session has ended (the program quit).
wait_gone() {
  local limit="${1:-10}" waited=0
  while session_alive && [ "$waited" -lt $((limit * 20)) ]; do
    sleep 0.05
    waited=$((waited + 1))
  done
  session_alive && fail "the program did not quit"
  return 0
}

# wait_line PATTERN TEXT [SECONDS]: polls until a screen line containing PATTERN also
# contains TEXT (both fixed strings), e.g. wait_line "Kompetensi" "-> 40".
wait_line() {
  local pattern="$1" text="$2" limit="${3:-10}" waited=0
  while [ "$waited" -lt $((limit * 20)) ]; do
    if screen | grep -F -- "$pattern" | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
    waited=$((waited + 1))
  done
  fail "no line with \"$pattern\" showed: $text"
}

# screen_line PATTERN: the first screen line containing PATTERN (empty when none).
screen_line() { screen | grep -F -m1 -- "$1" || true; }

# tmux_pid: the process id of the program in the pane.
tmux_pid() { tmux -L "$E2E_SOCK" list-panes -F '#{pane_pid}'; }

tmux_stop() { tmux -L "$E2E_SOCK" kill-server 2>/dev/null || true; }

# work_dir: a temporary folder $WORK (removed, with the tmux server, on exit) and the binary built.
# HOME points into it afterwards, so what the workstation keeps in the user's home (a draft the
# store could not take, in ~/.local/state/ipasn) never outlives the test or reaches the runner's.
work_dir() {
  WORK="$(mktemp -d)"
  trap 'tmux_stop; rm -rf "$WORK"' EXIT
  build_binary
  mkdir -p "$WORK/home" && chmod 1777 "$WORK/home"
  export HOME="$WORK/home"
}

# demo_workspace N: work_dir, and a demo database $DB of N employees.
demo_workspace() {
  work_dir
  command -v sqlite3 >/dev/null || fail "sqlite3 is needed (apt-get install sqlite3)"
  DB="$WORK/ipasn.sqlite"
  "$IPASN_BIN" --db "$DB" demo --pegawai "$1" >"$WORK/demo.log" 2>&1 || fail "ipasn demo failed: $(cat "$WORK/demo.log")"
}

# The scripts read the database with the sqlite3 shell while a workstation may be writing it:
# wait for its lock (up to 10 s) like ipasn does, instead of failing with "database is locked".
sqlite3() { command sqlite3 -cmd ".timeout 10000" "$@"; }

# needs_logins HOW_MANY: the script acts as several logins through setpriv, which needs root:
# skips the script (exit 0 with a note) when not root.
needs_logins() {
  command -v setpriv >/dev/null || fail "setpriv is needed (util-linux)"
  [ "$(id -u)" = 0 ] || { echo "  skip - $(basename "$0") runs $1 logins through setpriv, which needs root"; exit 0; }
}

# Keys as an admin presses them, counted in KEYS (a script resets KEYS=0 before a task it counts).
KEYS=0
# key NAME...: one tmux key per argument.
key() {
  tmux_keys "$@"
  KEYS=$((KEYS + $#))
}
# typ TEXT: the characters of TEXT, one key each.
typ() {
  tmux_type "$1"
  KEYS=$((KEYS + ${#1}))
}

# --- Several logins on one database, each workstation in its own tmux session ---------------
# (sessions, skpgrid, team, verify: nameless uids run through setpriv; `needs_logins` first.)

# shared_demo N LOGIN...: a demo database $DB of N employees in $WORK that every login may
# write (these uids share no group, so the folder is open to all, umask 000), the binary copied
# there as $IPASN_BIN (a checkout in a folder only root may enter is out of their reach), and
# each LOGIN an operator.
shared_demo() {
  chmod 777 "$WORK"
  umask 000
  cp "$IPASN_BIN" "$WORK/ipasn"
  chmod 755 "$WORK/ipasn"
  IPASN_BIN="$WORK/ipasn"
  DB="$WORK/ipasn.sqlite"
  "$IPASN_BIN" --db "$DB" demo --pegawai "$1" >"$WORK/demo.log" 2>&1 || fail "ipasn demo failed: $(cat "$WORK/demo.log")"
  shift
  local login
  for login in "$@"; do
    "$IPASN_BIN" --db "$DB" users add "$login" --role operator >>"$WORK/demo.log" 2>&1 || fail "users add failed: $(cat "$WORK/demo.log")"
  done
}

# tx ARGS...: the sessions' tmux server.
tx() { tmux -L "$E2E_SOCK" "$@"; }
# start_as SESSION UID: the workstation on $DB as that login, at 80x24, in Bahasa Indonesia.
start_as() {
  tx -f /dev/null new-session -d -s "$1" -x 80 -y 24 -e TERM=xterm-256color \
    setpriv --reuid="$2" --regid="$2" --clear-groups -- env IPASN_LANG=id "$IPASN_BIN" --db "$DB"
  tx set-option -g status off >/dev/null
}
# keys SESSION KEY...: tmux keys; typed SESSION TEXT: the characters of TEXT.
keys() { local s="$1"; shift; tx send-keys -t "$s" "$@"; }
typed() { tx send-keys -t "$1" -l "$2"; }
# shot SESSION: the session's screen; flat SESSION: the same on one line (a text that wraps).
shot() { tx capture-pane -p -t "$1" 2>/dev/null || true; }
flat() { shot "$1" | tr '\n' ' ' | tr -s ' '; }
alive() { tx has-session -t "$1" 2>/dev/null; }
# waits SESSION TEXT [SECONDS]: until the screen shows TEXT (read by $WAITS_READS: `shot`, or
# `flat` where TEXT may wrap over lines), else fails showing the screen.
waits() {
  local s="$1" text="$2" limit="${3:-10}" n=0
  while [ "$n" -lt $((limit * 20)) ]; do
    if "${WAITS_READS:-shot}" "$s" | grep -qF -- "$text"; then return 0; fi
    sleep 0.05
    n=$((n + 1))
  done
  echo "  --- $s ---" >&2
  shot "$s" >&2
  fail "$s never showed: $text"
}
# open_pegawai SESSION NIP NAME: the employee's page, found by the search (/).
open_pegawai() {
  keys "$1" /
  waits "$1" "Nama atau NIP"
  typed "$1" "$2"
  waits "$1" "$3"
  keys "$1" Enter
  waits "$1" "Data Pegawai — $3"
}
