#ifndef CCSIM_CFUZZER_DRIVER_H
#define CCSIM_CFUZZER_DRIVER_H
/* libFuzzer's driver, for a program that has a main of its own (the ccsim-fuzz target
   built with -sanitize=fuzzer links libFuzzer, which defines it). */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/* The number of arguments, for Swift, which sees argv as a pointer. */
int ccsim_fuzz_argument_count(void);
#endif
