#!/usr/bin/env bash
# Makes sure the system packages ipasn builds and tests with are present.
# Installs the missing ones with apt when run as root; otherwise says what to install.
# Usage: scripts/ensure-deps.sh [run|test|bench]
set -euo pipefail
purpose="${1:-run}"

need=()
have_header() { [ -e "$1" ]; }
have_header /usr/include/sqlite3.h || need+=(libsqlite3-dev)
have_header /usr/include/ncursesw/ncurses.h || need+=(libncurses-dev)
# Writing .xlsx (templates, reports) and reading it (ZIPFoundation links zlib).
have_header /usr/include/xlsxwriter.h || need+=(libxlsxwriter-dev)
have_header /usr/include/zlib.h || need+=(zlib1g-dev)
# The PostgreSQL server mode links libpq (IPASNPostgres, through Sources/CLibPQ).
have_header /usr/include/postgresql/libpq-fe.h || need+=(libpq-dev)
if [ "$purpose" = test ] || [ "$purpose" = bench ]; then
  command -v tmux >/dev/null 2>&1 || need+=(tmux)
  command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
  # The tests open written .xlsx files with a real reader (openpyxl) under Debian's python3.
  /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
  # The PostgreSQL tests run on a throw-away cluster (scripts/pg-test-cluster): the server
  # binaries (initdb, pg_ctl; Debian 12's postgresql is version 15) and psql.
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
  command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
fi
# Terminal descriptions for xterm/screen/tmux (ncurses-base is usually there already).
[ -e /usr/share/terminfo/x/xterm-256color ] || [ -e /lib/terminfo/x/xterm-256color ] || need+=(ncurses-term)

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-deps: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "ensure-deps: missing system packages: ${need[*]}" >&2
    echo "ensure-deps: install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
fi

if ! command -v swift >/dev/null 2>&1; then
  for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$dir/swift" ] && { echo "ensure-deps: add $dir to PATH" >&2; break; }
  done
  echo "ensure-deps: the Swift 6 toolchain (swift) is not on PATH; install it from swift.org" >&2
  exit 1
fi
