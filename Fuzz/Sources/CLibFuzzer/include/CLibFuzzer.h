#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own main (compiler-rt's
/// FuzzerDriver.cpp); linked in by `-sanitize=fuzzer`. It parses the libFuzzer flags in
/// argv and runs `callback` on each input, exactly as libFuzzer's own main would.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
