// zlib's C API (Debian zlib1g-dev: /usr/include/zlib.h, libz.so), used to inflate OSM PBF blobs.
#include <zlib.h>
