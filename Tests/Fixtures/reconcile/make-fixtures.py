#!/usr/bin/python3
"""Remakes bkn-2024.xlsx (run by hand, not by the tests): BKN's per-employee IP ASN result as
PIP ASN gives it, six title lines above the header on row 7, written with openpyxl
(python3-openpyxl; LibreOffice was not available), NIPs as text cells; and
bkn-2024-nip-number.xlsx, the same with Citra's NIP a number cell, as a spreadsheet makes of
an 18-digit NIP typed into a "General" column (its last digits lost: the reader refuses it).
The same table as Indonesian Excel's CSV is bkn-2024-id.csv (written by hand).

ipasn's side is the import files here (units, pegawai, pendidikan, diklat, skp, disiplin):
BKN's file lacks Andi's S-2 2019 and his 24 JP teknis course of 2024, Budi's SKP 2024,
counts an SKP for Citra that ipasn lacks and not her punishment; Dewi is not in BKN's file
and 199912312020121001 (Eko) is unknown to ipasn."""
import openpyxl
from openpyxl.styles import Font

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "IP ASN"
ws["A1"] = "HASIL PENGUKURAN INDEKS PROFESIONALITAS ASN"
ws["A1"].font = Font(bold=True)
ws["A2"] = "Instansi: Pemerintah Kota Contoh"
ws["A3"] = "Periode Pengukuran: 2024"
ws["A4"] = "Tanggal Unduh: 05-02-2025"
ws["A6"] = "Sumber: SIASN BKN"
header = ["No", "Nama", "NIP", "Nama Jabatan", "Satuan Kerja", "Kualifikasi", "Kompetensi", "Kinerja", "Disiplin", "Total"]
for col, text in enumerate(header, start=1):
    ws.cell(row=7, column=col, value=text).font = Font(bold=True)
rows = [
    (1, "Andi", "198609262015051001", "Pengadministrasi Umum", "Pemerintah Kota", 15, 0, 30, 5, 50),
    (2, "Budi", "199001012019032002", "Pengelola Data", "Bidang", 15, 0, 0, 5, 20),
    (3, "Citra", "CITRA", "Analis Hukum", "Bidang", 15, 0, 25, 5, 45),
    (4, "Eko", "199912312020121001", "Pengadministrasi Umum", "Bidang", 5, 17.5, 25, 5, 52.5),
]
for name, citra in [("bkn-2024.xlsx", "197512312000121001"), ("bkn-2024-nip-number.xlsx", 197512312000121001)]:
    for r, row in enumerate(rows, start=8):
        for c, value in enumerate(row, start=1):
            if value == "CITRA":
                value = citra
            cell = ws.cell(row=r, column=c, value=value)
            cell.number_format = "@" if c == 3 and isinstance(value, str) else "General"
    wb.save(name)
