// The C API of hoso_tesseract.h over Tesseract's capi.h (compiled here as C++). Every entry point runs its body
// through `guard`, which turns any C++ exception into HOSO_TESS_EXCEPTION and a message: nothing unwinds into Swift.
#include "hoso_tesseract.h"

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>

static_assert(HOSO_TESS_OEM_TESSERACT_ONLY == tesseract::OEM_TESSERACT_ONLY, "OEM values");
static_assert(HOSO_TESS_OEM_LSTM_ONLY == tesseract::OEM_LSTM_ONLY, "OEM values");
static_assert(HOSO_TESS_PSM_OSD_ONLY == tesseract::PSM_OSD_ONLY, "PSM values");
static_assert(HOSO_TESS_PSM_AUTO == tesseract::PSM_AUTO, "PSM values");
static_assert(HOSO_TESS_RIL_TEXTLINE == tesseract::RIL_TEXTLINE, "RIL values");
static_assert(HOSO_TESS_RIL_WORD == tesseract::RIL_WORD, "RIL values");

struct hoso_tess {
    TessBaseAPI *api = nullptr;
};
struct hoso_tess_words {
    TessResultIterator *it = nullptr;
};

namespace {

// Runs inside catch handlers, so it must not throw: malloc + memcpy only (no message when malloc fails).
void set_error(char **error, const char *message) noexcept {
    if (!error) return;
    size_t n = std::strlen(message);
    char *copy = static_cast<char *>(std::malloc(n + 1));
    if (copy) std::memcpy(copy, message, n + 1);
    *error = copy;
}

// `body` returns nullptr on success or the message of a failure Tesseract reported; an exception is caught
// here and its message (what()) copied while the handler still holds it.
template <class F> int guard(char **error, F &&body) noexcept {
    try {
        const char *failure = body();
        if (!failure) return HOSO_TESS_OK;
        set_error(error, failure);
        return HOSO_TESS_FAILED;
    } catch (const std::bad_alloc &) {
        set_error(error, "out of memory");
    } catch (const std::exception &e) {
        set_error(error, e.what());
    } catch (...) {
        set_error(error, "unknown C++ exception");
    }
    return HOSO_TESS_EXCEPTION;
}

char *copy_string(const char *s) {
    size_t n = std::strlen(s);
    char *out = static_cast<char *>(std::malloc(n + 1));
    if (!out) throw std::bad_alloc();
    std::memcpy(out, s, n + 1);
    return out;
}

bool valid_level(int level) { return level >= tesseract::RIL_BLOCK && level <= tesseract::RIL_SYMBOL; }

const char *const no_engine = "no Tesseract engine";
const char *const no_iterator = "no result iterator";
const char *const bad_level = "invalid iterator level";

} // namespace

extern "C" {

void hoso_tess_free(void *p) { std::free(p); }

const char *hoso_tess_version(void) {
    try {
        return TessVersion();
    } catch (...) {
        return nullptr;
    }
}

int hoso_tess_create(hoso_tess **out, char **error) {
    *out = nullptr;
    return guard(error, [&]() -> const char * {
        std::unique_ptr<hoso_tess> tess(new hoso_tess());
        tess->api = TessBaseAPICreate();
        if (!tess->api) return "TessBaseAPICreate failed";
        *out = tess.release();
        return nullptr;
    });
}

void hoso_tess_delete(hoso_tess *tess) {
    if (!tess) return;
    try {
        if (tess->api) TessBaseAPIDelete(tess->api);
    } catch (...) {
    }
    delete tess;
}

int hoso_tess_init(hoso_tess *tess, const char *datapath, const char *language, int oem, char **error) {
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        if (!language) return "no language";
        if (oem < tesseract::OEM_TESSERACT_ONLY || oem >= tesseract::OEM_COUNT) return "invalid engine mode";
        if (TessBaseAPIInit2(tess->api, datapath, language, static_cast<TessOcrEngineMode>(oem)) != 0)
            return "Tesseract could not load the language model";
        return nullptr;
    });
}

int hoso_tess_end(hoso_tess *tess, char **error) {
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        TessBaseAPIEnd(tess->api);
        return nullptr;
    });
}

int hoso_tess_set_variable(hoso_tess *tess, const char *name, const char *value, int *accepted, char **error) {
    if (accepted) *accepted = 0;
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        if (!name || !value) return "no variable name or value";
        BOOL ok = TessBaseAPISetVariable(tess->api, name, value);
        if (accepted) *accepted = ok ? 1 : 0;
        return nullptr;
    });
}

int hoso_tess_set_page_seg_mode(hoso_tess *tess, int mode, char **error) {
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        if (mode < tesseract::PSM_OSD_ONLY || mode >= tesseract::PSM_COUNT) return "invalid page segmentation mode";
        TessBaseAPISetPageSegMode(tess->api, static_cast<TessPageSegMode>(mode));
        return nullptr;
    });
}

int hoso_tess_set_image(hoso_tess *tess, struct Pix *pix, char **error) {
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        // Tesseract would dereference a NULL image (a crash, not an exception).
        if (!pix) return "no image";
        TessBaseAPISetImage2(tess->api, pix);
        return nullptr;
    });
}

int hoso_tess_set_source_resolution(hoso_tess *tess, int ppi, char **error) {
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        TessBaseAPISetSourceResolution(tess->api, ppi);
        return nullptr;
    });
}

int hoso_tess_recognize(hoso_tess *tess, char **error) {
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        // Test hook: a failure forced inside recognition, to prove that it costs only its page.
        const char *forced = std::getenv("HOSO_TESS_TEST_THROW");
        if (forced && *forced && std::strcmp(forced, "0") != 0)
            throw std::runtime_error("hoso_tess_test_throw: forced exception");
        if (TessBaseAPIRecognize(tess->api, nullptr) != 0)
            return "Tesseract could not recognise the page (no image set or no model loaded)";
        return nullptr;
    });
}

int hoso_tess_mean_text_conf(hoso_tess *tess, int *out, char **error) {
    *out = 0;
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        *out = TessBaseAPIMeanTextConf(tess->api);
        return nullptr;
    });
}

int hoso_tess_clear(hoso_tess *tess, char **error) {
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        TessBaseAPIClear(tess->api);
        return nullptr;
    });
}

int hoso_tess_detect_orientation(hoso_tess *tess, int *degrees, float *confidence, float *script_confidence, int *found,
                                 char **error) {
    *degrees = 0;
    *confidence = 0;
    *script_confidence = 0;
    *found = 0;
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        // script_name is left NULL: Tesseract 5 returns a pointer into its own unicharset there (not a copy,
        // whatever capi.h says), and freeing it corrupts the heap.
        *found = TessBaseAPIDetectOrientationScript(tess->api, degrees, confidence, nullptr, script_confidence) ? 1 : 0;
        return nullptr;
    });
}

// ---- results ----

int hoso_tess_words_begin(hoso_tess *tess, hoso_tess_words **out, char **error) {
    *out = nullptr;
    return guard(error, [&]() -> const char * {
        if (!tess || !tess->api) return no_engine;
        std::unique_ptr<hoso_tess_words> words(new hoso_tess_words());
        words->it = TessBaseAPIGetIterator(tess->api);
        if (words->it) *out = words.release();
        return nullptr;
    });
}

void hoso_tess_words_delete(hoso_tess_words *words) {
    if (!words) return;
    try {
        if (words->it) TessResultIteratorDelete(words->it);
    } catch (...) {
    }
    delete words;
}

int hoso_tess_words_next(hoso_tess_words *words, int level, int *more, char **error) {
    *more = 0;
    return guard(error, [&]() -> const char * {
        if (!words || !words->it) return no_iterator;
        if (!valid_level(level)) return bad_level;
        *more = TessResultIteratorNext(words->it, static_cast<TessPageIteratorLevel>(level)) ? 1 : 0;
        return nullptr;
    });
}

int hoso_tess_words_text(hoso_tess_words *words, int level, char **text, char **error) {
    *text = nullptr;
    return guard(error, [&]() -> const char * {
        if (!words || !words->it) return no_iterator;
        if (!valid_level(level)) return bad_level;
        // Tesseract's copy (new[]) goes back to TessDeleteText even when copying it fails.
        std::unique_ptr<char, void (*)(char *)> owned(
            TessResultIteratorGetUTF8Text(words->it, static_cast<TessPageIteratorLevel>(level)),
            [](char *p) { TessDeleteText(p); });
        if (owned) *text = copy_string(owned.get());
        return nullptr;
    });
}

int hoso_tess_words_box(hoso_tess_words *words, int level, int *left, int *top, int *right, int *bottom, int *found,
                        char **error) {
    *left = *top = *right = *bottom = 0;
    *found = 0;
    return guard(error, [&]() -> const char * {
        if (!words || !words->it) return no_iterator;
        if (!valid_level(level)) return bad_level;
        const TessPageIterator *page = TessResultIteratorGetPageIteratorConst(words->it);
        *found = TessPageIteratorBoundingBox(page, static_cast<TessPageIteratorLevel>(level), left, top, right, bottom)
                     ? 1 : 0;
        return nullptr;
    });
}

int hoso_tess_words_confidence(hoso_tess_words *words, int level, float *out, char **error) {
    *out = 0;
    return guard(error, [&]() -> const char * {
        if (!words || !words->it) return no_iterator;
        if (!valid_level(level)) return bad_level;
        *out = TessResultIteratorConfidence(words->it, static_cast<TessPageIteratorLevel>(level));
        return nullptr;
    });
}

int hoso_tess_words_begins(hoso_tess_words *words, int level, int *out, char **error) {
    *out = 0;
    return guard(error, [&]() -> const char * {
        if (!words || !words->it) return no_iterator;
        if (!valid_level(level)) return bad_level;
        const TessPageIterator *page = TessResultIteratorGetPageIteratorConst(words->it);
        *out = TessPageIteratorIsAtBeginningOf(page, static_cast<TessPageIteratorLevel>(level)) ? 1 : 0;
        return nullptr;
    });
}

int hoso_tess_words_symbol_choices(hoso_tess_words *words, char **text, char **error) {
    *text = nullptr;
    return guard(error, [&]() -> const char * {
        if (!words || !words->it) return no_iterator;
        // A copy walks the word's symbols: the caller's iterator stays on the word.
        std::unique_ptr<TessResultIterator, void (*)(TessResultIterator *)> sym(
            TessResultIteratorCopy(words->it), [](TessResultIterator *p) { TessResultIteratorDelete(p); });
        if (!sym) return no_iterator;
        std::string out;
        for (int index = 0;; index++) {
            std::unique_ptr<TessChoiceIterator, void (*)(TessChoiceIterator *)> choice(
                TessResultIteratorGetChoiceIterator(sym.get()), [](TessChoiceIterator *p) { TessChoiceIteratorDelete(p); });
            if (choice) {
                do {
                    const char *t = TessChoiceIteratorGetUTF8Text(choice.get());
                    if (!t) continue;
                    char conf[32];
                    std::snprintf(conf, sizeof conf, "%.2f", TessChoiceIteratorConfidence(choice.get()));
                    out += std::to_string(index) + "\t" + conf + "\t" + t + "\n";
                } while (TessChoiceIteratorNext(choice.get()));
            }
            const TessPageIterator *page = TessResultIteratorGetPageIteratorConst(sym.get());
            if (TessPageIteratorIsAtFinalElement(page, tesseract::RIL_WORD, tesseract::RIL_SYMBOL)) break;
            if (!TessResultIteratorNext(sym.get(), tesseract::RIL_SYMBOL)) break;
        }
        *text = copy_string(out.c_str());
        return nullptr;
    });
}

int hoso_tess_test_throw(char **error) {
    return guard(error, []() -> const char * { throw std::runtime_error("hoso_tess_test_throw: forced exception"); });
}

} // extern "C"
