/*
 * The floor under any YAML loader built on libyaml (as Rolescope's is): libyaml's own parser
 * reading every file given, producing events and nothing else. Used by rolescope-bench's
 * scale part to show how much of a catalog load is YAML parsing that no change to
 * Rolescope can remove. Built by the benchmark against the system's libyaml, the one the
 * loader links:
 *   cc -O2 -o yaml-floor yaml-floor.c -lyaml
 * Usage: yaml-floor RUNS LIST, where LIST names one file per line. Prints the best of
 * RUNS passes over all the files, in milliseconds, and the number of events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "yaml.h"

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: yaml-floor RUNS LIST\n"); return 64; }
    int runs = atoi(argv[1]);
    FILE *list = fopen(argv[2], "r");
    if (!list) { perror(argv[2]); return 66; }
    int files = 0, capacity = 1024;
    char **paths = malloc(sizeof *paths * capacity);
    char line[4096];
    while (fgets(line, sizeof line, list)) {
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        if (n == 0) continue;
        if (files == capacity) { capacity *= 2; paths = realloc(paths, sizeof *paths * capacity); }
        paths[files++] = strdup(line);
    }
    fclose(list);
    unsigned char **texts = malloc(sizeof *texts * files);
    size_t *sizes = malloc(sizeof *sizes * files);
    for (int i = 0; i < files; i++) {
        FILE *f = fopen(paths[i], "rb");
        if (!f) { perror(paths[i]); return 66; }
        fseek(f, 0, SEEK_END);
        sizes[i] = (size_t)ftell(f);
        fseek(f, 0, SEEK_SET);
        texts[i] = malloc(sizes[i] + 1);
        if (fread(texts[i], 1, sizes[i], f) != sizes[i]) { perror(paths[i]); return 66; }
        fclose(f);
    }
    double best = -1;
    long events = 0;
    for (int run = 0; run < runs; run++) {
        events = 0;
        double start = now_ms();
        for (int i = 0; i < files; i++) {
            yaml_parser_t parser;
            yaml_event_t event;
            yaml_parser_initialize(&parser);
            yaml_parser_set_input_string(&parser, texts[i], sizes[i]);
            for (;;) {
                if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "%s: parse error\n", paths[i]); return 65; }
                int done = event.type == YAML_STREAM_END_EVENT;
                yaml_event_delete(&event);
                events++;
                if (done) break;
            }
            yaml_parser_delete(&parser);
        }
        double elapsed = now_ms() - start;
        if (best < 0 || elapsed < best) best = elapsed;
    }
    printf("%.3f %ld\n", best, events);
    return 0;
}
