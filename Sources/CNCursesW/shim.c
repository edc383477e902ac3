#include "CNCursesW.h"

WINDOW *rs_stdscr(void) { return stdscr; }
int rs_lines(void) { return LINES; }
int rs_cols(void) { return COLS; }
int rs_colors(void) { return COLORS; }
attr_t rs_attr_normal(void) { return A_NORMAL; }
attr_t rs_attr_bold(void) { return A_BOLD; }
attr_t rs_attr_reverse(void) { return A_REVERSE; }
attr_t rs_attr_underline(void) { return A_UNDERLINE; }
attr_t rs_attr_dim(void) { return A_DIM; }
attr_t rs_attr_italic(void) { return A_ITALIC; }
int rs_color_pair(int n) { return (int)COLOR_PAIR(n); }
int rs_key_resize(void) { return KEY_RESIZE; }
int rs_key_mouse(void) { return KEY_MOUSE; }
int rs_ok(void) { return OK; }
int rs_err(void) { return ERR; }

int rs_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

int rs_get_wch(wint_t *out) { return get_wch(out); }

void rs_enable_mouse(int on) {
    if (on) {
        mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
    } else {
        mousemask(0, NULL);
    }
}

int rs_get_mouse(int *y, int *x, unsigned long *bstate) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return ERR;
    *y = ev.y; *x = ev.x; *bstate = (unsigned long)ev.bstate;
    return OK;
}

unsigned long rs_button1_pressed(void) { return BUTTON1_PRESSED; }
unsigned long rs_button1_clicked(void) { return BUTTON1_CLICKED; }
unsigned long rs_button4_pressed(void) { return BUTTON4_PRESSED; }
unsigned long rs_button5_pressed(void) { return BUTTON5_PRESSED; }
