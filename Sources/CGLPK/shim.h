// GLPK's C API (Debian libglpk-dev: /usr/include/glpk.h, libglpk.so). No pkg-config file exists.
#include <glpk.h>
