// CMemoryPolicy is a header of one inline function (include/jh_memory_policy.h); SwiftPM wants a C file in
// a C target.
#include "jh_memory_policy.h"
