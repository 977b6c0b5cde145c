#ifndef HOSO_TESSERACT_H
#define HOSO_TESSERACT_H
/*
 * Tesseract behind a plain C API: the calls TesseractEngine makes, each run in C++ inside try/catch, so no
 * C++ exception ever reaches Swift (tesseract/capi.h is C++ underneath and lets them through).
 *
 * Every entry point that can fail returns HOSO_TESS_OK (0), HOSO_TESS_FAILED (1: Tesseract reported failure,
 * e.g. a model that cannot be loaded) or HOSO_TESS_EXCEPTION (2: a C++ exception was caught). On either
 * failure *error (when error is not NULL) receives a message (malloc'd, NUL-terminated, freed with
 * hoso_tess_free; NULL when even that allocation failed). Strings handed out are malloc'd too.
 * Handles are not thread-safe: one thread at a time. Leptonica (pix…) is plain C and is called directly.
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HOSO_TESS_OK 0
#define HOSO_TESS_FAILED 1
#define HOSO_TESS_EXCEPTION 2

/* Tesseract's values (checked against its enums in tesseract_bridge.cpp). */
enum { HOSO_TESS_OEM_TESSERACT_ONLY = 0, HOSO_TESS_OEM_LSTM_ONLY = 1 };
enum { HOSO_TESS_PSM_OSD_ONLY = 0, HOSO_TESS_PSM_AUTO = 3 };
enum { HOSO_TESS_RIL_TEXTLINE = 2, HOSO_TESS_RIL_WORD = 3 };

typedef struct hoso_tess hoso_tess;             /* a TessBaseAPI */
typedef struct hoso_tess_words hoso_tess_words; /* a TessResultIterator over the last recognition */
struct Pix;                                     /* Leptonica's PIX */

/* Frees a message or string this API returned. */
void hoso_tess_free(void *_Nullable p);

/* libtesseract's calls to Leptonica and libgomp that tesseract_calls.cpp answers itself:
 * - its text-line images (encoded and decoded again for every line it recognises) kept as Leptonica's serialised
 *   pix rather than PNG, the same pixels without deflate; hoso_tess_plain_line_images_written counts them;
 * - with OMP_THREAD_LIMIT=1, its OpenMP regions run on the calling thread without making a team of one;
 *   hoso_tess_serial_openmp_regions counts them.
 * Both on unless switched off. hoso_tess_calls_interposed is 1 when the executable exports these definitions
 * (so that the dynamic linker binds libtesseract's calls to them), else 0. */
void hoso_tess_plain_line_images(int on);
unsigned long hoso_tess_plain_line_images_written(void);
void hoso_tess_serial_openmp(int on);
unsigned long hoso_tess_serial_openmp_regions(void);
int hoso_tess_calls_interposed(void);

/* TessVersion(), e.g. "5.3.0"; NULL on failure. Static storage. */
const char *_Nullable hoso_tess_version(void);

/* TessBaseAPICreate. */
int hoso_tess_create(hoso_tess *_Nullable *_Nonnull out, char *_Nullable *_Nullable error);
/* TessBaseAPIDelete (after hoso_tess_end, or alone when init failed). Never fails. */
void hoso_tess_delete(hoso_tess *_Nullable tess);
/* TessBaseAPIInit2; HOSO_TESS_FAILED when the model (e.g. <language>.traineddata) cannot be loaded. */
int hoso_tess_init(hoso_tess *_Nonnull tess, const char *_Nullable datapath, const char *_Nonnull language, int oem,
                   char *_Nullable *_Nullable error);
/* TessBaseAPIEnd. */
int hoso_tess_end(hoso_tess *_Nonnull tess, char *_Nullable *_Nullable error);
/* TessBaseAPISetVariable; *accepted = 0 when Tesseract does not know the variable. */
int hoso_tess_set_variable(hoso_tess *_Nonnull tess, const char *_Nonnull name, const char *_Nonnull value,
                           int *_Nullable accepted, char *_Nullable *_Nullable error);
/* TessBaseAPISetPageSegMode (HOSO_TESS_PSM_…). */
int hoso_tess_set_page_seg_mode(hoso_tess *_Nonnull tess, int mode, char *_Nullable *_Nullable error);
/* TessBaseAPISetImage2: Tesseract keeps its own reference (clone) of pix. A NULL pix is HOSO_TESS_FAILED. */
int hoso_tess_set_image(hoso_tess *_Nonnull tess, struct Pix *_Nullable pix, char *_Nullable *_Nullable error);
/* TessBaseAPISetSourceResolution. */
int hoso_tess_set_source_resolution(hoso_tess *_Nonnull tess, int ppi, char *_Nullable *_Nullable error);
/* TessBaseAPIRecognize (no monitor); HOSO_TESS_FAILED when Tesseract returns non-zero (no image set, no model).
   With the environment variable HOSO_TESS_TEST_THROW set (not "0"), throws inside the guard instead (tests). */
int hoso_tess_recognize(hoso_tess *_Nonnull tess, char *_Nullable *_Nullable error);
/* TessBaseAPIMeanTextConf, 0…100. */
int hoso_tess_mean_text_conf(hoso_tess *_Nonnull tess, int *_Nonnull out, char *_Nullable *_Nullable error);
/* TessBaseAPIClear. */
int hoso_tess_clear(hoso_tess *_Nonnull tess, char *_Nullable *_Nullable error);
/* TessBaseAPIDetectOrientationScript without the script name; *found = 0 when OSD finds too little text. */
int hoso_tess_detect_orientation(hoso_tess *_Nonnull tess, int *_Nonnull degrees, float *_Nonnull confidence,
                                 float *_Nonnull script_confidence, int *_Nonnull found,
                                 char *_Nullable *_Nullable error);

/* ---- results ---- */
/* TessBaseAPIGetIterator: *out = NULL when there is nothing to iterate (no recognition, an empty page). */
int hoso_tess_words_begin(hoso_tess *_Nonnull tess, hoso_tess_words *_Nullable *_Nonnull out,
                          char *_Nullable *_Nullable error);
/* TessResultIteratorDelete. */
void hoso_tess_words_delete(hoso_tess_words *_Nullable words);
/* TessResultIteratorNext; *more = 0 at the end. */
int hoso_tess_words_next(hoso_tess_words *_Nonnull words, int level, int *_Nonnull more, char *_Nullable *_Nullable error);
/* TessResultIteratorGetUTF8Text: *text (malloc'd) or NULL when the element has none. */
int hoso_tess_words_text(hoso_tess_words *_Nonnull words, int level, char *_Nullable *_Nonnull text,
                         char *_Nullable *_Nullable error);
/* TessPageIteratorBoundingBox; *found = 0 when the element has no box. */
int hoso_tess_words_box(hoso_tess_words *_Nonnull words, int level, int *_Nonnull left, int *_Nonnull top,
                        int *_Nonnull right, int *_Nonnull bottom, int *_Nonnull found, char *_Nullable *_Nullable error);
/* TessResultIteratorConfidence, 0…100. */
int hoso_tess_words_confidence(hoso_tess_words *_Nonnull words, int level, float *_Nonnull out,
                               char *_Nullable *_Nullable error);
/* TessPageIteratorIsAtBeginningOf. */
int hoso_tess_words_begins(hoso_tess_words *_Nonnull words, int level, int *_Nonnull out, char *_Nullable *_Nullable error);

/// The alternatives Tesseract weighed for each symbol of the word at the iterator (LSTM: set the variable
/// `lstm_choice_mode` to 2 before recognising, else only the best): lines `index\tconfidence\ttext\n`, symbols
/// numbered from 0, best first (malloc'd, NUL-terminated).
int hoso_tess_words_symbol_choices(hoso_tess_words *_Nonnull words, char *_Nullable *_Nonnull text,
                                   char *_Nullable *_Nullable error);

/* Test only: throws a std::runtime_error inside the guard; returns HOSO_TESS_EXCEPTION with its message. */
int hoso_tess_test_throw(char *_Nullable *_Nullable error);

#ifdef __cplusplus
}
#endif
#endif
