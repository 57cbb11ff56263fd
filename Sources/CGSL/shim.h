#ifndef CCSIM_CGSL_SHIM_H
#define CCSIM_CGSL_SHIM_H
/* The parts of GSL that ccsim uses. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_multifit.h>

/* Swift 6 refuses GSL's mutable global generator-type pointers; expose them through functions. */
static inline const gsl_rng_type *ccsim_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *ccsim_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_multimin_fminimizer_type *ccsim_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }

/* One uniform draw in (0,1) without the call through gsl_rng_uniform_pos's wrapper. */
static inline double ccsim_rng_uniform_pos(const gsl_rng *r) {
    double x;
    do { x = r->type->get_double(r->state); } while (x == 0);
    return x;
}
#endif
