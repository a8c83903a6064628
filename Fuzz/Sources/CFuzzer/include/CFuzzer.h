// libFuzzer's entry for programs that have their own main (in the runtime -sanitize=fuzzer links).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
