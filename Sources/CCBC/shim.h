#ifndef CCSIM_CCBC_SHIM_H
#define CCSIM_CCBC_SHIM_H
/* COIN-OR CBC's C interface (Debian: coinor-libcbc-dev; pkg-config name cbc, whose
   flags add -I/usr/include/coin and the COIN-OR libraries CBC needs). */
#include <coin/Cbc_C_Interface.h>
#endif
