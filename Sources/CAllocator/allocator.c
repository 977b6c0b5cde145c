#include "hoso_allocator.h"

// jemalloc's settings, read from this symbol when the process starts. Requests above oversize_threshold (8 MiB
// by default) go to an arena that returns its pages to the kernel at once; a page image (a 300 ppi A4 page is
// 8.7 MB in grey) and Tesseract's arrays are that size, and unmapping them on every page costs each recognition
// worker page faults and TLB shootdowns. Kept with the other sizes (returned after jemalloc's usual decay).
const char *malloc_conf = "oversize_threshold:134217728";

int hoso_allocator_linked(void) { return 1; }
