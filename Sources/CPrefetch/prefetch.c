// CPrefetch is a header of one inline function (include/jh_prefetch.h); SwiftPM wants a C file in a C target.
#include "jh_prefetch.h"
