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

/* Globals Swift 6 cannot touch safely, and pieces of set-up that need C types. */
WINDOW *rs_curscr(void);
int rs_color_pairs(void);
int rs_key_code_yes(void);
int rs_key_f0(void);
/* Opens the terminal on `path` (normally /dev/tty) for reading and writing, falling
   back to stdin/stdout when path is NULL or cannot be opened, and makes it the current
   screen. Returns the input file descriptor, or one of the negative RS_OPEN_ codes (and
   no screen, and the terminal untouched) on failure. */
enum {
    RS_OPEN_NOT_A_TERMINAL = -1,        /* no tty on either end */
    RS_OPEN_UNKNOWN_TERMINAL_TYPE = -2, /* TERM has no terminfo entry here */
    RS_OPEN_NO_CURSOR_ADDRESSING = -3,  /* TERM=dumb and the like: no full screen possible */
};
int rs_open_terminal(const char *path);
/* Ends curses on the screen opened by rs_open_terminal and frees it; idempotent. */
void rs_close_terminal(void);
/* The descriptor curses writes to (where the guard restores the tty). */
int rs_output_fd(void);
/* True when the current terminfo entry has the string capability `name`. */
int rs_has_string_capability(const char *name);
/* Reads one key with a timeout in milliseconds (-1 blocks): OK with one input byte,
   KEY_CODE_YES with a function key, or ERR. On ERR, *closed is set when the input is at
   end of file or gone. Characters are not decoded here: a broken multibyte sequence must
   not hold back the keys after it. */
int rs_read_key(int timeout_ms, wint_t *out, int *closed);
/* Gives a byte or a function key back, to be read next. */
int rs_unget_key(int key);
/* Writes one cell whose text is `count` code points and whose width the caller measured
   as `width` (1 or 2). When curses would measure the base character differently (or
   cannot draw it in this locale), a replacement of the same width is drawn instead so
   curses' idea of the screen never drifts from the Buffer's. */
int rs_put_cluster(int y, int x, const wchar_t *chars, int count, int width, attr_t attrs, int pair);

/* Re-enters full-screen mode after the process was stopped and continued, and repaints
   every cell from what curses last drew. */
void rs_resume_screen(void);

/* Terminal guard (tty_guard.c): a terminal is never left broken.
   rs_guard_save_shell_mode: call before curses takes the tty (saves its termios).
   rs_guard_arm: call after set-up; saves the program termios, prepares the byte
   sequences that leave full-screen mode, and arms the handlers for exit signals
   (TERM, HUP, INT, QUIT: restore, then die by the default action), fatal signals
   (SEGV, BUS, ILL, FPE, ABRT, TRAP: restore, then let the previous handler or the
   default action run) and SIGTSTP (restore, stop; on SIGCONT set the resume flag).
   rs_guard_disarm: puts the previous handlers back; call before endwin. */
void rs_guard_save_shell_mode(int fd);
/* Installs the handlers, unarmed (rs_open_terminal does this before newterm). */
void rs_guard_install(void);
void rs_guard_arm(int fd, int mouse_enabled);
void rs_guard_disarm(void);
/* Sends fd 2 to a temporary file while the screen is ours (a no-op when stderr is not
   a terminal); release points it back and replays what was written. The guard releases
   it on signals and at exit too. */
void rs_guard_capture_stderr(void);
void rs_guard_release_stderr(void);
/* 1 once after the process was stopped and continued: the screen must be repainted. */
int rs_guard_take_resume(void);
/* A SIGTERM or SIGHUP while the app runs is held for the run loop (which saves the view
   and gives the terminal back), unless one is already waiting: a second one ends the
   program at once. rs_guard_take_exit_request returns the held signal, or 0;
   rs_guard_die_of raises it again with its default action. */
void rs_guard_hold_exit_signals(int hold);
int rs_guard_take_exit_request(void);
void rs_guard_die_of(int sig);
/* Stops the process group as the tty's Ctrl-Z would (raw mode turns that off). */
void rs_guard_suspend(void);

#endif
