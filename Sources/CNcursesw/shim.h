// The only C in Clicktrax. Swift cannot import ncurses' function-like macros, variadic
// functions or (under Swift 6) its mutable globals, so each one the backend needs is
// wrapped here in a static inline function.
#ifndef CLICKTRAX_CNCURSESW_SHIM_H
#define CLICKTRAX_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

extern int wcwidth(wchar_t);

static inline WINDOW *ctx_stdscr(void) { return stdscr; }
static inline FILE *ctx_stdout(void) { return stdout; }
static inline FILE *ctx_stdin(void) { return stdin; }
// Capabilities asked before the screen is taken: tigetstr answers (char *)-1 for a name that is
// not a string capability and NULL for one the terminal lacks.
static inline int ctx_has_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value != NULL && value != (char *)-1 && value[0] != 0;
}
// Sends a capability (with its padding) to stdout after endwin: the clear a terminal without an
// alternate screen needs so the shell's prompt does not land on the last frame.
static inline void ctx_put_capability(const char *name) {
    if (!ctx_has_string_capability(name)) return;
    putp(tigetstr(name));
    fflush(stdout);
}
static inline void ctx_forget_terminal(void) { if (cur_term != NULL) { del_curterm(cur_term); cur_term = NULL; } }
static inline int ctx_lines(void) { return LINES; }
static inline int ctx_cols(void) { return COLS; }
static inline int ctx_colors(void) { return COLORS; }
static inline int ctx_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t ctx_a_normal(void) { return A_NORMAL; }
static inline attr_t ctx_a_bold(void) { return A_BOLD; }
static inline attr_t ctx_a_dim(void) { return A_DIM; }
static inline attr_t ctx_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ctx_a_reverse(void) { return A_REVERSE; }
static inline attr_t ctx_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline int ctx_key_f(int n) { return KEY_F(n); }
static inline int ctx_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int ctx_getmaxx(WINDOW *w) { return getmaxx(w); }

static inline mmask_t ctx_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t ctx_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t ctx_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t ctx_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ctx_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t ctx_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }

#endif
