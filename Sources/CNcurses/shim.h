#ifndef IPASN_CNCURSES_SHIM_H
#define IPASN_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift 6 rejects ncurses' mutable globals and function-like macros; these
// accessors expose exactly what the adaptor needs.
static inline WINDOW *ipasn_stdscr(void) { return stdscr; }
static inline int ipasn_lines(void) { return LINES; }
static inline int ipasn_cols(void) { return COLS; }
static inline int ipasn_colors(void) { return COLORS; }
static inline attr_t ipasn_a_bold(void) { return A_BOLD; }
static inline attr_t ipasn_a_reverse(void) { return A_REVERSE; }
static inline attr_t ipasn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ipasn_a_dim(void) { return A_DIM; }
static inline attr_t ipasn_a_normal(void) { return A_NORMAL; }
static inline int ipasn_key_code_yes(void) { return KEY_CODE_YES; }
static inline const char *ipasn_setlocale_all(void) { return setlocale(LC_ALL, ""); }

// newterm on the process' own stdin/stdout (stdout/stdin are mutable C
// globals that Swift 6 will not touch directly). Returns NULL when the
// terminal type is unknown, instead of exiting like initscr.
static inline SCREEN *ipasn_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
static inline int ipasn_ok(void) { return OK; }
// Leave curses mode if it is active; safe to call at any time (atexit).
static inline void ipasn_endwin_if_active(void) {
    if (!isendwin()) { endwin(); }
}
// wcwidth of the current locale, declared here because glibc only exposes it
// under _XOPEN_SOURCE, which the system module map is not built with.
int wcwidth(wchar_t c);
static inline int ipasn_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
