#define _GNU_SOURCE 1 /* wcwidth and MB_CUR_MAX from glibc */
#include "CNCursesW.h"
#include <poll.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>
#include <ncursesw/term.h>

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

WINDOW *rs_curscr(void) { return curscr; }
int rs_color_pairs(void) { return COLOR_PAIRS; }
int rs_key_code_yes(void) { return KEY_CODE_YES; }
int rs_key_f0(void) { return KEY_F0; }

static SCREEN *rs_screen = NULL;
static FILE *rs_tty = NULL;

int rs_output_fd(void) { return rs_tty ? fileno(rs_tty) : fileno(stdout); }

int rs_has_string_capability(const char *name) {
    const char *value = tigetstr((char *)name);
    return value != NULL && value != (char *)-1;
}

int rs_open_terminal(const char *path) {
    if (rs_screen) return fileno(rs_tty ? rs_tty : stdin);
    FILE *in = stdin, *out = stdout;
    /* /dev/tty keeps the screen on the terminal even when stdout is redirected. */
    if (path) {
        rs_tty = fopen(path, "r+");
        if (rs_tty) { in = rs_tty; out = rs_tty; }
    }
    if (!isatty(fileno(in)) || !isatty(fileno(out))) {
        if (rs_tty) { fclose(rs_tty); rs_tty = NULL; }
        return RS_OPEN_NOT_A_TERMINAL;
    }
    /* Ask terminfo before curses touches anything: newterm on an unknown TERM would
       fail after nothing useful, and on a terminal that cannot move the cursor (TERM=dumb,
       an editor's shell buffer, a hardcopy terminal) it would draw garbage. setupterm
       only reads the entry; with a status pointer it prints nothing and leaves the tty
       modes alone, so a refusal leaves the terminal exactly as it was. */
    /* The size comes from the terminal (TIOCGWINSZ), never from COLUMNS/LINES when the
       terminal knows its size: a stale or hostile COLUMNS=5000 LINES=5000 made curses
       allocate gigabytes, and COLUMNS=40000 made setupterm fail as if TERM had no
       terminfo entry. use_env(FALSE) would do it too, but ncurses 6.4 then stops
       following resizes; without the variables it asks the terminal every time. */
    struct winsize size;
    if (ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0 && size.ws_row > 0) {
        unsetenv("COLUMNS");
        unsetenv("LINES");
    }
    int status = 0;
    int found = setupterm(NULL, fileno(out), &status) == OK;
    int usable = found && rs_has_string_capability("cup") && tigetflag("hc") <= 0;
    if (cur_term) del_curterm(cur_term);
    if (!usable) {
        if (rs_tty) { fclose(rs_tty); rs_tty = NULL; }
        return found ? RS_OPEN_NO_CURSOR_ADDRESSING : RS_OPEN_UNKNOWN_TERMINAL_TYPE;
    }
    rs_guard_save_shell_mode(fileno(out));
    rs_guard_install();
    rs_screen = newterm(NULL, out, in);
    if (!rs_screen) {
        rs_guard_disarm();
        if (rs_tty) { fclose(rs_tty); rs_tty = NULL; }
        return RS_OPEN_UNKNOWN_TERMINAL_TYPE;
    }
    set_term(rs_screen);
    /* No typeahead check: by default doupdate polls the input every few lines and flushes
       what it has so far before each poll, so one frame left in twenty small writes (each
       a system call and a wake-up of the terminal). The run loop already applies every
       waiting key before it draws, which is what the check was for. */
    typeahead(-1);
    /* newterm has already switched to the alternate screen: guard it from this moment.
       CursesTerminal arms again once the modes are set, to save the final ones. */
    rs_guard_arm(fileno(out), 0);
    return fileno(in);
}

void rs_close_terminal(void) {
    if (!rs_screen) return;
    endwin();
    delscreen(rs_screen);
    rs_screen = NULL;
    if (rs_tty) { fclose(rs_tty); rs_tty = NULL; }
}

int rs_read_key(int timeout_ms, wint_t *out, int *closed) {
    *closed = 0;
    wtimeout(stdscr, timeout_ms);
    /* Bytes, not wget_wch: wget_wch waits for a multibyte character to complete, so one
       stray byte (or any non-ASCII key in a non-UTF-8 locale) swallowed the keys after
       it, Ctrl-C included. The caller decodes characters itself (KeyByteDecoder). */
    int result = wgetch(stdscr);
    if (result != ERR) {
        *out = (wint_t)result;
        return result >= KEY_MIN ? KEY_CODE_YES : OK;
    }
    /* ERR is a timeout, an interrupted read, or end of input. Ask the descriptor:
       a hang-up or error is final; "readable" while curses read nothing means the
       read returned 0 bytes, i.e. end of file. The caller confirms over a few calls,
       because a key may arrive between the timeout and this poll. */
    int fd = rs_tty ? fileno(rs_tty) : fileno(stdin);
    struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
    if (poll(&p, 1, 0) > 0) {
        if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) *closed = 2;
        else if (p.revents & POLLIN) *closed = 1;
    }
    return ERR;
}

int rs_unget_key(int key) { return ungetch(key); }

int rs_put_cluster(int y, int x, const wchar_t *chars, int count, int width, attr_t attrs, int pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = chars[i];
    text[n] = 0;
    cchar_t cell;
    int ok = n > 0 && wcwidth(text[0]) == width;
    /* Emoji sequences joined by ZWJ are not "combining" to curses: keep the base only. */
    if (ok && setcchar(&cell, text, attrs, (short)pair, &pair) == ERR) {
        text[1] = 0;
        ok = setcchar(&cell, text, attrs, (short)pair, &pair) != ERR;
    }
    if (!ok) {
        /* A character this locale cannot show, or whose width curses disagrees with. */
        wchar_t replacement[2] = { MB_CUR_MAX > 1 ? 0xFFFD : '?', 0 };
        if (wcwidth(replacement[0]) != 1) replacement[0] = '?';
        if (setcchar(&cell, replacement, attrs, (short)pair, &pair) == ERR) return ERR;
        mvwadd_wch(stdscr, y, x, &cell);
        if (width == 2) {
            wchar_t space[2] = { ' ', 0 };
            setcchar(&cell, space, attrs, (short)pair, &pair);
            mvwadd_wch(stdscr, y, x + 1, &cell);
        }
        return OK;
    }
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* putp() would go through C's stdout buffer, which with /dev/tty is not where curses
   writes and is only flushed at exit (sending the sequence after the program ended). */
static int put_byte_to_terminal(int c) {
    char byte = (char)c;
    return write(rs_output_fd(), &byte, 1) == 1 ? c : EOF;
}

void rs_resume_screen(void) {
    /* The guard left full-screen mode by hand when the process stopped; endwin() and a
       refresh is curses' way back in. Entering the alternate screen first matters:
       endwin's rmcup restores the cursor saved by the latest smcup, and without this
       one that is where the program started, so the shell's lines after "fg" would be
       overwritten on exit. */
    if (rs_has_string_capability("smcup")) tputs(tigetstr("smcup"), 1, put_byte_to_terminal);
    endwin();
    clearok(curscr, TRUE);
    wnoutrefresh(stdscr);
    doupdate();
}
