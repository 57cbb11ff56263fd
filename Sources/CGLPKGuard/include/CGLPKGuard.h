#ifndef CCSIM_CGLPK_GUARD_H
#define CCSIM_CGLPK_GUARD_H
/* GLPK aborts the process on an internal error unless an error hook jumps out of it.
   These wrappers set the jump point (Swift cannot call setjmp), run the solver and
   report an error as a return value instead of an abort. After such an error the GLPK
   environment is freed (glp_free_env) and the problem object must not be used again. */
#include <glpk.h>

/* Runs glp_simplex then, if the relaxation is optimal and `integer` is set, glp_intopt.
   Returns 0 when GLPK ran (its own return codes in *simplex_status and *intopt_status,
   -1 for a step not run), or -1 when GLPK raised an error (the environment is then freed). */
int ccsim_glpk_solve(glp_prob *problem, const glp_smcp *simplex, const glp_iocp *intopt, int integer,
                     int *simplex_status, int *intopt_status);

#endif
