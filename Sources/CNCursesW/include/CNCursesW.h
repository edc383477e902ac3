#ifndef CNCURSESW_H
#define CNCURSESW_H

/* Wide-character ncurses: these must be set before the header is read. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros and globals Swift cannot import, exposed as functions. */
WINDOW *rs_stdscr(void);
int rs_lines(void);
int rs_cols(void);
int rs_colors(void);
attr_t rs_attr_normal(void);
attr_t rs_attr_bold(void);
attr_t rs_attr_reverse(void);
attr_t rs_attr_underline(void);
attr_t rs_attr_dim(void);
attr_t rs_attr_italic(void);
int rs_color_pair(int n);
int rs_key_resize(void);
int rs_key_mouse(void);
int rs_ok(void);
int rs_err(void);
/* Writes one cell: up to 4 code points (base plus combining marks), attributes, colour pair. */
int rs_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, short pair);
/* Reads one wide key: returns OK, KEY_CODE_YES or ERR, as wget_wch does. */
int rs_get_wch(wint_t *out);
/* Mouse: enables button and wheel events; reads the last event. */
void rs_enable_mouse(int on);
int rs_get_mouse(int *y, int *x, unsigned long *bstate);
unsigned long rs_button1_pressed(void);
unsigned long rs_button1_clicked(void);
unsigned long rs_button4_pressed(void);
unsigned long rs_button5_pressed(void);

#endif
