/*
 * The C ncurses peer for the start-up and keystroke benchmarks (see BENCHMARKS.md):
 * the least a C program needs to draw a screen comparable to Rolescope's first one.
 * A header with tabs, a bordered two-column body (a list of four roles with a
 * highlighted row on the left, a preview of the selected one on the right) and a
 * key-hint bar on the last row, drawn last. j/k move the highlight; q quits.
 *
 * Built by the benchmark: cc -O2 -o peer peer.c -lncursesw
 * With -DPEER_LIBRARY the entry point is peer_main(), which swift-peer.swift calls: the
 * same screen from a Swift executable, to measure what the Swift runtime (and Foundation)
 * add before a first frame.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <string.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

static const char *titles[] = {"AI Engineer", "Data Engineer", "Data Scientist", "ML Engineer"};
static const char *ids[] = {"aie", "de", "ds", "mle"};
static const char *summaries[] = {
    "Turns existing AI models into dependable product features and systems that people use.",
    "Builds and runs the pipelines that get trustworthy data to the people who need it.",
    "Digs into data, runs experiments and builds models to answer business questions.",
    "Builds and runs the systems that train, ship and watch machine learning models.",
};
static const char *rows[][2] = {
    {"Primary output", "Systems built on top of foundation models. [JoinAI] +2 more"},
    {"What it ships", "Features that run in production. [JoinAI]"},
    {"Centre of gravity", "Software engineering: using what models can do. [JoinAI]"},
    {"Background fit", "People who would rather engineer systems. [A.Team]"},
    {"Pay", "$220K-$400K mid-level total compensation, 2026 [JoinAI]"},
    {"Interview focus", "System design, evaluations, shipping features. [H2K]"},
    {"Career ladder", "Engineer, senior, staff, principal. [AI Graduate]"},
    {"When to hire", "You build on models others trained. [A.Team]"},
};

static void text(int y, int x, int width, const char *s, attr_t attr, short pair) {
    attr_set(attr, pair, NULL);
    mvaddnstr(y, x, s, width);
    attr_set(A_NORMAL, 0, NULL);
}

static void draw(int selected) {
    int lines = LINES, cols = COLS, split = 20;
    erase();
    /* Header: name and tabs, then where you are. */
    attr_set(A_NORMAL, 1, NULL);
    mvhline(0, 0, ' ', cols);
    text(0, 0, cols, " Peer ", A_BOLD, 1);
    text(0, 7, cols - 7, " 1 Roles | 2 Compare | 3 Questionnaire | 4 Timeline", A_NORMAL, 1);
    text(1, 1, cols - 1, "Roles", A_DIM, 0);
    /* A box around the body, split into two columns. */
    attr_set(A_NORMAL, 2, NULL);
    mvwhline_set(stdscr, 2, 1, WACS_HLINE, cols - 2);
    mvwhline_set(stdscr, lines - 2, 1, WACS_HLINE, cols - 2);
    mvwvline_set(stdscr, 3, 0, WACS_VLINE, lines - 5);
    mvwvline_set(stdscr, 3, cols - 1, WACS_VLINE, lines - 5);
    mvwvline_set(stdscr, 3, split, WACS_VLINE, lines - 5);
    mvwadd_wch(stdscr, 2, 0, WACS_ULCORNER);
    mvwadd_wch(stdscr, 2, cols - 1, WACS_URCORNER);
    mvwadd_wch(stdscr, lines - 2, 0, WACS_LLCORNER);
    mvwadd_wch(stdscr, lines - 2, cols - 1, WACS_LRCORNER);
    mvwadd_wch(stdscr, 2, split, WACS_TTEE);
    mvwadd_wch(stdscr, lines - 2, split, WACS_BTEE);
    attr_set(A_NORMAL, 0, NULL);
    /* Left column: the roles, the selected one highlighted. */
    for (int i = 0; i < 4; i++) {
        attr_t attr = i == selected ? A_REVERSE | A_BOLD : A_NORMAL;
        short pair = i == selected ? 3 : 0;
        attr_set(attr, pair, NULL);
        mvhline(3 + 3 * i, 1, ' ', split - 1);
        text(3 + 3 * i, 1, split - 2, i == selected ? "> " : "  ", attr, pair);
        text(3 + 3 * i, 3, split - 4, titles[i], attr, pair);
        text(4 + 3 * i, 3, split - 4, ids[i], A_DIM, 0);
    }
    /* Right column: the selected role's preview. */
    int x = split + 2, width = cols - x - 2;
    text(3, x, width, titles[selected], A_BOLD, 4);
    text(4, x, width, summaries[selected], A_NORMAL, 0);
    for (int i = 0; i < 8 && 6 + 2 * i < lines - 2; i++) {
        text(6 + 2 * i, x, 18, rows[i][0], A_BOLD, 0);
        text(6 + 2 * i, x + 19, width - 19, rows[i][1], A_NORMAL, 0);
    }
    /* The key-hint bar, drawn last. */
    text(lines - 1, 0, cols, "Enter open profile  c compare  t its day  / search  ? help  q quit", A_NORMAL, 5);
    refresh();
}

#ifdef PEER_LIBRARY
int peer_main(void) {
#else
int main(void) {
#endif
    setlocale(LC_ALL, "");
    initscr();
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    if (has_colors()) {
        start_color();
        use_default_colors();
        init_pair(1, 255, 24);
        init_pair(2, 244, -1);
        init_pair(3, 231, 31);
        init_pair(4, 117, -1);
        init_pair(5, 250, -1);
    }
    int selected = 0;
    draw(selected);
    for (;;) {
        int key = getch();
        if (key == 'q' || key == 3 || key == ERR) break;
        if ((key == 'j' || key == KEY_DOWN) && selected < 3) selected++;
        else if ((key == 'k' || key == KEY_UP) && selected > 0) selected--;
        else continue;
        draw(selected);
    }
    endwin();
    return 0;
}
