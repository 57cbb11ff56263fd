#include "CGLPKGuard.h"
#include <setjmp.h>

static _Thread_local jmp_buf *ccsim_glpk_jump;

static void ccsim_glpk_error_hook(void *info) {
    (void)info;
    longjmp(*ccsim_glpk_jump, 1);
}

int ccsim_glpk_solve(glp_prob *problem, const glp_smcp *simplex, const glp_iocp *intopt, int integer,
                     int *simplex_status, int *intopt_status) {
    jmp_buf jump;
    *simplex_status = -1;
    *intopt_status = -1;
    ccsim_glpk_jump = &jump;
    if (setjmp(jump)) {
        glp_error_hook(NULL, NULL);
        glp_free_env();
        return -1;
    }
    glp_error_hook(ccsim_glpk_error_hook, NULL);
    *simplex_status = glp_simplex(problem, simplex);
    if (integer && *simplex_status == 0 && glp_get_status(problem) == GLP_OPT) {
        *intopt_status = glp_intopt(problem, intopt);
    }
    glp_error_hook(NULL, NULL);
    return 0;
}
