#!/usr/bin/env bash
# Remakes the committed .xlsx fixtures of the import tests (run by hand, not by the tests).
# Needs: a debug build of ipasn, python3-openpyxl, and LibreOffice (libreoffice-calc-nogui).
#
# - diklat-template-filled.xlsx: `ipasn template diklat`, filled in with openpyxl as an admin
#   would in a spreadsheet (NIP as text, dates as date cells, JP as numbers, a blank row);
# - diklat-libreoffice.xlsx: diklat-libreoffice.csv saved as .xlsx by LibreOffice Calc, with
#   the NIP column as text and the dates read day-month-year;
# - pegawai-nip-number.xlsx: pegawai-nip-number.csv saved by LibreOffice with every column
#   "standard", so the NIPs became numbers (the Excel habit the importer refuses).
set -euo pipefail
cd "$(dirname "$0")"
bin="$(cd ../../.. && swift build --show-bin-path)/ipasn"
"$bin" template diklat --out diklat-template-filled.xlsx
/usr/bin/python3 - <<'PY'
import datetime, openpyxl
wb = openpyxl.load_workbook("diklat-template-filled.xlsx")
ws = wb["diklat"]
rows = [
    ("198609262015051001", "Teknis", None, "Pengelolaan Arsip Dinamis", "BKPSDM",
     datetime.datetime(2024, 2, 3), datetime.datetime(2024, 2, 5), 24, "800/1/2024", "Y"),
    ("199001012019032002", "Sosialisasi", None, "Sosialisasi Disiplin ASN", "Inspektorat",
     datetime.datetime(2024, 3, 1), datetime.datetime(2024, 3, 1), 4, None, "N"),
    None,
    ("198609262015051001", "Struktural", "PKP", "Pelatihan Kepemimpinan Pengawas", "BPSDM Provinsi",
     datetime.datetime(2024, 5, 6), datetime.datetime(2024, 8, 30), 200, "PKP-2024-17", None),
]
for index, row in enumerate(rows):
    if row is None:
        continue
    for column, value in enumerate(row, start=1):
        if value is None:
            continue
        cell = ws.cell(row=index + 2, column=column, value=value)
        if isinstance(value, datetime.datetime):
            cell.number_format = "dd-mm-yyyy"
wb.save("diklat-template-filled.xlsx")
PY
export HOME="${TMPDIR:-/tmp}/ipasn-lo-home"
mkdir -p "$HOME"
soffice --headless --infilter="CSV:44,34,76,1,1/2/2/1/3/1/4/1/5/4/6/4/7/1/8/1" --convert-to xlsx diklat-libreoffice.csv
soffice --headless --infilter="CSV:59,34,76,1,1/1/2/1/3/1/4/1" --convert-to xlsx pegawai-nip-number.csv
# diklat-merged-header.xlsx: written with libxlsxwriter (libxlsxwriter-dev) as Excel writes a
# unit's own sheet: merged title and two-row header, serial dates, a NIP as a number.
cc -o "${TMPDIR:-/tmp}/diklat-merged-header" diklat-merged-header.c -lxlsxwriter
"${TMPDIR:-/tmp}/diklat-merged-header"
rm -f "${TMPDIR:-/tmp}/diklat-merged-header"
