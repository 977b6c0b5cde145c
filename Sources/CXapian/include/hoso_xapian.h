#ifndef HOSO_XAPIAN_H
#define HOSO_XAPIAN_H
/* Plain C API over Xapian. Filled in by the SearchIndex work; see docs/ARCHITECTURE.md. */
#ifdef __cplusplus
extern "C" {
#endif
const char *hx_version(void);
#ifdef __cplusplus
}
#endif
#endif
