#include "hoso_xapian.h"
#include <xapian.h>
extern "C" const char *hx_version(void) { return Xapian::version_string(); }
