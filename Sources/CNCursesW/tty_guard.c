/* The terminal guard: whatever ends the process, the user gets their terminal back.
 *
 * Handlers run asynchronously, so they only use async-signal-safe calls: write(2) of
 * byte sequences prepared in advance from terminfo, tcsetattr(3) with termios saved in
 * advance, sigaction, sigprocmask, raise and kill. (htop calls endwin() here; it works
 * in practice but is not async-signal-safe, and a crash inside curses would re-enter it.)
 */
#include "CNCursesW.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/term.h>

static volatile sig_atomic_t guard_armed = 0;
static volatile sig_atomic_t resume_pending = 0;
static int guard_fd = -1;
static struct termios shell_mode;
static int have_shell_mode = 0;
/* What arming prepares is kept twice and switched with one atomic store, so re-arming
   (after set-up changes the modes) never shows a handler a half-written copy. */
struct prepared {
    struct termios program_mode;
    int have_program_mode;
    char leave_sequence[512];
    size_t leave_length;
};
static struct prepared prepared[2];
static volatile sig_atomic_t active = 0;

static const int exit_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
static struct sigaction previous_exit[COUNT(exit_signals)];
static struct sigaction previous_fatal[COUNT(fatal_signals)];
static struct sigaction previous_tstp;
static int handlers_installed = 0;
/* While the screen is ours, fd 2 points at an unlinked temporary file: a library
   warning or Swift's "Fatal error: ..." would otherwise be drawn on the alternate
   screen, garbling it and vanishing with it. The text is replayed on the real stderr
   when the terminal is given back, by stop() or by a signal. */
static int saved_stderr = -1;
static int captured_stderr = -1;

static void write_all(const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(guard_fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return; /* the terminal is gone (SIGHUP): nothing more to do */
        }
        bytes += written;
        length -= (size_t)written;
    }
}

/* Points fd 2 back at the terminal and copies what was written meanwhile. Only
   dup2, lseek, read, write and close: safe in a signal handler. */
static void release_stderr(void) {
    if (saved_stderr < 0) return;
    dup2(saved_stderr, STDERR_FILENO);
    char chunk[1024];
    if (lseek(captured_stderr, 0, SEEK_SET) == 0) {
        for (;;) {
            ssize_t n = read(captured_stderr, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            for (ssize_t done = 0; done < n;) {
                ssize_t w = write(STDERR_FILENO, chunk + done, (size_t)(n - done));
                if (w < 0) { if (errno == EINTR) continue; break; }
                done += w;
            }
        }
    }
    close(captured_stderr);
    close(saved_stderr);
    captured_stderr = saved_stderr = -1;
}

/* Leaves full-screen mode and puts the shell's tty settings back. */
static void leave_terminal(void) {
    int saved_errno = errno;
    const struct prepared *p = &prepared[active];
    write_all(p->leave_sequence, p->leave_length);
    /* TCSANOW: draining could block forever if the terminal has stopped reading. */
    if (have_shell_mode) tcsetattr(guard_fd, TCSANOW, &shell_mode);
    errno = saved_errno;
}

void rs_guard_capture_stderr(void) {
    if (saved_stderr >= 0 || !isatty(STDERR_FILENO)) return;
    const char *dir = getenv("TMPDIR");
    char path[512];
    int length = snprintf(path, sizeof path, "%s/rolescope-stderr-XXXXXX", dir && *dir ? dir : "/tmp");
    if (length <= 0 || (size_t)length >= sizeof path) return;
    int fd = mkstemp(path);
    if (fd < 0) return;
    unlink(path);
    int saved = dup(STDERR_FILENO);
    if (saved < 0 || dup2(fd, STDERR_FILENO) < 0) {
        if (saved >= 0) close(saved);
        close(fd);
        return;
    }
    saved_stderr = saved;
    captured_stderr = fd;
}

void rs_guard_release_stderr(void) { release_stderr(); }

static void set_action(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = handler;
    sigaction(sig, &action, NULL);
}

static void unblock(int sig) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static volatile sig_atomic_t hold_exit_signals = 0;
static volatile sig_atomic_t exit_request = 0;

void rs_guard_hold_exit_signals(int hold) { hold_exit_signals = hold; }

int rs_guard_take_exit_request(void) {
    int sig = exit_request;
    return sig;
}

void rs_guard_die_of(int sig) {
    set_action(sig, SIG_DFL);
    unblock(sig);
    raise(sig);
    _exit(128 + sig);
}

static void on_exit_signal(int sig) {
    if (hold_exit_signals && (sig == SIGTERM || sig == SIGHUP) && exit_request == 0) {
        /* The blocked read returns (no SA_RESTART) and the run loop saves and leaves. */
        exit_request = sig;
        return;
    }
    if (guard_armed) { guard_armed = 0; leave_terminal(); }
    release_stderr();
    /* Die of the same signal, so the parent shell sees how the program ended. */
    set_action(sig, SIG_DFL);
    unblock(sig);
    raise(sig);
    _exit(128 + sig);
}

static void on_fatal_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (guard_armed) { guard_armed = 0; leave_terminal(); }
    release_stderr();
    /* Hand over to whoever was there before (Swift's crash backtracer, or the default
       action that dumps core), now on a sane terminal. */
    for (size_t i = 0; i < COUNT(fatal_signals); i++) {
        if (fatal_signals[i] != sig) continue;
        struct sigaction previous = previous_fatal[i];
        if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) previous.sa_handler = SIG_DFL;
        sigaction(sig, &previous, NULL);
    }
    /* A fault raised by the CPU repeats when the handler returns, this time reaching the
       previous handler with the real context. One sent by kill/raise/abort (si_code <= 0)
       and a trap (which resumes after the trapping instruction) must be raised again. */
    if (info == NULL || info->si_code <= 0 || sig == SIGTRAP || sig == SIGABRT) {
        unblock(sig);
        raise(sig);
    }
}

static void on_stop_signal(int sig) {
    int saved_errno = errno;
    int was_armed = guard_armed;
    if (was_armed) leave_terminal();
    set_action(sig, SIG_DFL);
    unblock(sig);
    raise(sig); /* stops here until SIGCONT */
    set_action(sig, on_stop_signal);
    if (was_armed) {
        /* Back in the program's tty mode at once, so keys typed before the repaint are
           not echoed; the main loop sees resume_pending and repaints everything. Continued
           in the background (kill -CONT while a job-control shell owns the terminal), this
           tcsetattr stops the process again with SIGTTOU until `fg`: the program never
           takes the terminal back from the shell. */
        const struct prepared *p = &prepared[active];
        if (p->have_program_mode) tcsetattr(guard_fd, TCSANOW, &p->program_mode);
        resume_pending = 1;
    }
    errno = saved_errno;
}

static void append_literal(struct prepared *p, const char *value) {
    size_t length = strlen(value);
    if (p->leave_length + length >= sizeof p->leave_sequence) return;
    memcpy(p->leave_sequence + p->leave_length, value, length);
    p->leave_length += length;
}

static void append(struct prepared *p, const char *capability) {
    const char *value = tigetstr((char *)capability);
    if (value != NULL && value != (char *)-1) append_literal(p, value);
}

/* At exit without stop() (a plain exit() from anywhere), curses is intact: end it properly. */
static void at_exit(void) {
    if (guard_armed) { guard_armed = 0; rs_close_terminal(); }
    release_stderr();
}

void rs_guard_save_shell_mode(int fd) {
    guard_fd = fd;
    have_shell_mode = tcgetattr(fd, &shell_mode) == 0;
}

void rs_guard_install(void) {
    if (handlers_installed) return;
    /* Installed before curses starts: ncurses then leaves SIGINT, SIGTERM and SIGTSTP to
       us instead of adding its own handlers, which would outlive stop(). Until armed,
       the handlers only pass each signal on to its default action. */
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_exit_signal;
    for (size_t i = 0; i < COUNT(exit_signals); i++) {
        sigaction(exit_signals[i], &action, &previous_exit[i]);
        /* A signal the parent chose to ignore (nohup, a background job's SIGINT)
           stays ignored. */
        if (!(previous_exit[i].sa_flags & SA_SIGINFO) && previous_exit[i].sa_handler == SIG_IGN)
            sigaction(exit_signals[i], &previous_exit[i], NULL);
    }

    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = on_fatal_signal;
    action.sa_flags = SA_SIGINFO;
    for (size_t i = 0; i < COUNT(fatal_signals); i++) sigaction(fatal_signals[i], &action, &previous_fatal[i]);

    /* No SA_RESTART: a read blocked in curses returns after SIGCONT, so the repaint
       does not wait for the next key. */
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_stop_signal;
    sigaction(SIGTSTP, &action, &previous_tstp);
    handlers_installed = 1;
}

void rs_guard_arm(int fd, int mouse_enabled) {
    static int registered_at_exit = 0;
    guard_fd = fd;
    struct prepared *p = &prepared[!active];
    p->have_program_mode = tcgetattr(fd, &p->program_mode) == 0;
    p->leave_length = 0;
    append(p, "sgr0");
    if (mouse_enabled) {
        const char *kmous = tigetstr("kmous");
        /* ncurses speaks the xterm mouse protocol whenever the terminal has kmous. */
        if (kmous != NULL && kmous != (char *)-1) append_literal(p, "\033[?1006l\033[?1003l\033[?1002l\033[?1000l");
    }
    append(p, "rmkx");
    append(p, "cnorm");
    const char *rmcup = tigetstr("rmcup");
    if (rmcup != NULL && rmcup != (char *)-1) {
        append_literal(p, rmcup);
    } else {
        /* No alternate screen (the Linux console): the drawing stays, so at least put
           the cursor on a fresh line below it for the shell prompt, as endwin does. */
        const char *cup = tigetstr("cup");
        if (cup != NULL && cup != (char *)-1 && LINES > 0) {
            const char *move = tiparm(cup, LINES - 1, 0);
            if (move) append_literal(p, move);
            append_literal(p, "\r\n");
        }
    }
    active = !active;
    rs_guard_install();
    if (!registered_at_exit) { atexit(at_exit); registered_at_exit = 1; }
    guard_armed = 1;
}

void rs_guard_disarm(void) {
    guard_armed = 0;
    if (!handlers_installed) return;
    for (size_t i = 0; i < COUNT(exit_signals); i++) sigaction(exit_signals[i], &previous_exit[i], NULL);
    for (size_t i = 0; i < COUNT(fatal_signals); i++) sigaction(fatal_signals[i], &previous_fatal[i], NULL);
    sigaction(SIGTSTP, &previous_tstp, NULL);
    handlers_installed = 0;
}

int rs_guard_take_resume(void) {
    if (!resume_pending) return 0;
    resume_pending = 0;
    return 1;
}

void rs_guard_suspend(void) {
    /* The whole process group, as the tty driver does for Ctrl-Z; our handler runs for
       this process before kill returns. */
    kill(0, SIGTSTP);
}
