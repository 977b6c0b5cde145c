#ifndef HOSO_POPPLER_H
#define HOSO_POPPLER_H
// poppler's C++ library behind a plain C API of opaque handles. Every call catches every exception and
// reports failure as a return value with a message in *error (free with hoso_pdf_free). Not thread-safe:
// one handle is used by one thread at a time.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hoso_pdf_ hoso_pdf;

/// Opens a PDF; NULL on failure (*error set: "locked" for a password, else poppler's reason).
hoso_pdf *_Nullable hoso_pdf_open(const char *_Nonnull path, char *_Nullable *_Nullable error);
void hoso_pdf_close(hoso_pdf *_Nullable pdf);
/// Frees a string or buffer this API returned.
void hoso_pdf_free(void *_Nullable p);

/// Number of pages, or -1.
int hoso_pdf_page_count(hoso_pdf *_Nonnull pdf);

/// What poppler complained of (syntax errors and warnings) while opening and reading the document so far, one
/// message a line (NUL-terminated, malloc'd; at most about 4 KB). NULL on failure.
char *_Nullable hoso_pdf_complaints(hoso_pdf *_Nonnull pdf);

/// The number of pages that really load, counted from the first while each one does, at most `cap`: a page
/// tree may claim any /Count, or list a node among its own kids. -1 on failure.
int hoso_pdf_loadable_pages(hoso_pdf *_Nonnull pdf, int cap);

/// The document's XMP metadata packet (UTF-8, NUL-terminated, malloc'd; empty when it has none). NULL on failure.
char *_Nullable hoso_pdf_metadata(hoso_pdf *_Nonnull pdf, char *_Nullable *_Nullable error);

/// The size of page `index` (0-based) in points, as displayed (its rotation applied). 0 on success.
int hoso_pdf_page_size(hoso_pdf *_Nonnull pdf, int index, double *_Nonnull width, double *_Nonnull height,
                       char *_Nullable *_Nullable error);

/// The names of the fonts used on page `index`, one per line (NUL-terminated, malloc'd). NULL on failure.
char *_Nullable hoso_pdf_page_fonts(hoso_pdf *_Nonnull pdf, int index, char *_Nullable *_Nullable error);

/// The words of page `index`'s text layer in reading order: *text holds them UTF-8, each followed by '\n'
/// (malloc'd); *boxes holds 4 doubles per word (x, y, width, height in points from the top-left corner,
/// malloc'd); *count the number of words. 0 on success.
int hoso_pdf_page_words(hoso_pdf *_Nonnull pdf, int index, char *_Nullable *_Nonnull text,
                        double *_Nullable *_Nonnull boxes, int *_Nonnull count, char *_Nullable *_Nullable error);

/// Renders page `index` at `dpi`, as 8-bit grey (`gray` != 0) or 24-bit RGB, refusing more than
/// `max_pixels` pixels. *pixels (malloc'd) holds *height rows of *stride bytes. 0 on success.
int hoso_pdf_render(hoso_pdf *_Nonnull pdf, int index, double dpi, int gray, long max_pixels,
                    unsigned char *_Nullable *_Nonnull pixels, int *_Nonnull width, int *_Nonnull height,
                    int *_Nonnull stride, char *_Nullable *_Nullable error);

/// Renders the `w` × `h` pixel region at (`x`, `y`) of page `index` at `dpi` (the whole page when `w` or `h` is
/// 0 or less), as hoso_pdf_render does; `max_pixels` bounds the region.
int hoso_pdf_render_region(hoso_pdf *_Nonnull pdf, int index, double dpi, int gray, int x, int y, int w, int h,
                           long max_pixels, unsigned char *_Nullable *_Nonnull pixels, int *_Nonnull width,
                           int *_Nonnull height, int *_Nonnull stride, char *_Nullable *_Nullable error);

/// Page `index`'s foreground: every raster image it draws with transparent pixels (the 1-bit stencils and masked
/// images that carry a mixed-raster scan's print and handwriting) composed at the foreground's own resolution as 1
/// bit a pixel, set where they ink in a colour dark in its red channel; the opaque images (the background: paper,
/// seals, signatures) left out. *pixels (malloc'd) holds *height rows of *stride bytes (a multiple of 4), most
/// significant bit first; *ppi the resolution; *layers how many images were composed; *background_ink the share of
/// the opaque images' pixels whose red channel is below 128 (text left in the background shows there). Fails with
/// "rotated" on a rotated page and "too many pixels" above `max_pixels`. 0 on success (also when *layers is 0: then
/// no pixels).
int hoso_pdf_page_foreground(hoso_pdf *_Nonnull pdf, int index, long max_pixels, unsigned char *_Nullable *_Nonnull pixels,
                             int *_Nonnull width, int *_Nonnull height, int *_Nonnull stride, double *_Nonnull ppi,
                             int *_Nonnull layers, double *_Nonnull background_ink, char *_Nullable *_Nullable error);

#ifdef __cplusplus
}
#endif
#endif
