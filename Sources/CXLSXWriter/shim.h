#ifndef IPASN_CXLSXWRITER_SHIM_H
#define IPASN_CXLSXWRITER_SHIM_H

// The system libxlsxwriter (Debian: libxlsxwriter-dev), for writing .xlsx files.
#include <xlsxwriter.h>

// Constants that are macros or enum values Swift imports awkwardly, as plain functions.
static inline uint8_t ipasn_lxw_paper_a4(void) { return 9; }
static inline double ipasn_lxw_def_col_width(void) { return LXW_DEF_COL_WIDTH; }

#endif
