// Writes diklat-merged-header.xlsx as Excel writes a unit's own course sheet (user test 10):
// a merged title, a two-row header (cells merged down both rows beside groups merged across
// their columns), dates as serial numbers, a NIP pasted as a number (shown 1.99E+17), a date
// typed as text that is no day, an empty JP, and trailing rows that hold only borders.
// Build and run by hand (make-fixtures.sh): cc diklat-merged-header.c -lxlsxwriter && ./a.out
#include <xlsxwriter.h>

int main(void) {
    lxw_workbook *wb = workbook_new("diklat-merged-header.xlsx");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet1");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_align(bold, LXW_ALIGN_CENTER);
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format *sci = workbook_add_format(wb);
    format_set_num_format(sci, "0.00E+00");
    lxw_format *border = workbook_add_format(wb);
    format_set_border(border, LXW_BORDER_THIN);
    worksheet_merge_range(ws, 0, 0, 0, 8, "REKAP DIKLAT/KURSUS PEGAWAI SEKRETARIAT", bold);
    worksheet_merge_range(ws, 1, 0, 1, 8, "TAHUN 2024", bold);
    worksheet_merge_range(ws, 3, 0, 4, 0, "No", bold);
    worksheet_merge_range(ws, 3, 1, 4, 1, "NIP", bold);
    worksheet_merge_range(ws, 3, 2, 4, 2, "Nama Pegawai", bold);
    worksheet_merge_range(ws, 3, 3, 3, 5, "Diklat", bold);
    worksheet_merge_range(ws, 3, 6, 3, 7, "Tanggal", bold);
    worksheet_merge_range(ws, 3, 8, 4, 8, "JP", bold);
    const char *lower[] = {"Jenis Diklat", "Nama Diklat", "Penyelenggara", "Mulai", "Selesai"};
    for (int c = 0; c < 5; c++) worksheet_write_string(ws, 4, 3 + c, lower[c], bold);
    // Rows 6-9 (1-based): 3-5 February 2024 is serial 45325-45327.
    const char *nips[] = {"198609262015051001", NULL, "199001012019032002", "199001012019032002"};
    for (int r = 0; r < 4; r++) {
        int row = 5 + r;
        worksheet_write_number(ws, row, 0, r + 1, NULL);
        if (nips[r]) worksheet_write_string(ws, row, 1, nips[r], NULL);
        else worksheet_write_number(ws, row, 1, 199001012019032000.0, sci);
        worksheet_write_string(ws, row, 2, r % 2 ? "Budi" : "Andi", NULL);
        worksheet_write_string(ws, row, 3, "Teknis", NULL);
        worksheet_write_string(ws, row, 4, "Pengelolaan Arsip Dinamis", NULL);
        worksheet_write_string(ws, row, 5, "BKPSDM", NULL);
        worksheet_write_number(ws, row, 6, 45325, date);
        if (r == 2) worksheet_write_string(ws, row, 7, "31/11/2024", NULL);
        else worksheet_write_number(ws, row, 7, 45327, date);
        if (r != 3) worksheet_write_number(ws, row, 8, 24, NULL);
    }
    for (int row = 9; row < 11; row++)
        for (int c = 0; c < 9; c++) worksheet_write_blank(ws, row, c, border);
    return workbook_close(wb);
}
