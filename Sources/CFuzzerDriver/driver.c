#include "CFuzzerDriver.h"

/* Nothing to do at run time: the header declares libFuzzer's driver. This function only
   gives the target an object file. */
int ccsim_fuzz_argument_count(void) { return 0; }
