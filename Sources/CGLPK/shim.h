// GLPK, the GNU Linear Programming Kit (Debian: libglpk-dev, which ships no pkg-config file).
#include <glpk.h>
