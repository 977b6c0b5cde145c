// poppler-glib and cairo (system libraries, pkg-config): reached only from CPoppler's C++ shim, which reads a page's
// images through them; Swift never calls them.
#include <poppler.h>
#include <cairo.h>
