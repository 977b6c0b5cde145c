// What both halves of the shim share (poppler_bridge.cpp over poppler-cpp, poppler_images.cpp over poppler-glib):
// the document handle, errors copied out as values, and poppler's complaints collected per calling thread.
#ifndef HOSO_POPPLER_SUPPORT_H
#define HOSO_POPPLER_SUPPORT_H
#include "hoso_poppler.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>

typedef struct _PopplerDocument PopplerDocument;

struct hoso_pdf_ {
    std::unique_ptr<poppler::document> doc;
    std::string path;
    // What poppler complained of while opening and reading this document, one message a line (bounded).
    std::string complaints;
    // The same file opened by poppler-glib, for its page images; opened when first asked for (poppler_images.cpp,
    // which also releases it).
    PopplerDocument *images = nullptr;
    ~hoso_pdf_();
};

// Messages are copied with malloc outside any catch handler that might be unwinding from bad_alloc.
inline void set_error(char **error, const char *message) {
    if (!error) return;
    size_t n = std::strlen(message);
    char *copy = static_cast<char *>(std::malloc(n + 1));
    if (copy) std::memcpy(copy, message, n + 1);
    *error = copy;
}

inline char *copy_string(const std::string &s) {
    char *out = static_cast<char *>(std::malloc(s.size() + 1));
    if (out) std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}

// poppler writes its complaints to stderr by default; they reach the user as hoso's own messages. They are kept
// (for the document the calling thread is reading, see Listening) to tell a damaged file from a clean one.
inline thread_local std::string *listener = nullptr;

inline void quiet(const std::string &message, void *) {
    if (listener && listener->size() < 4096) {
        *listener += message;
        *listener += '\n';
    }
}

// Collects poppler's complaints into `into` while in scope.
struct Listening {
    std::string *previous;
    explicit Listening(std::string *into) : previous(listener) { listener = into; }
    ~Listening() { listener = previous; }
};

inline void silence_once() {
    static std::once_flag flag;
    std::call_once(flag, [] { poppler::set_debug_error_function(quiet, nullptr); });
}

inline std::string utf8(const poppler::ustring &u) {
    poppler::byte_array bytes = u.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

inline poppler::page *page_at(hoso_pdf *pdf, int index) {
    if (!pdf || !pdf->doc || index < 0 || index >= pdf->doc->pages()) return nullptr;
    return pdf->doc->create_page(index);
}

// Runs `body`, which returns its result or sets `failure` and returns `failed`; any exception becomes a failure
// too. The message is copied into *error after the handler has finished.
template <typename R, typename F>
R guarded(char **error, R failed, const char *thrown, F body) {
    const char *failure = nullptr;
    try {
        R result = body(failure);
        if (!failure) return result;
    } catch (const std::bad_alloc &) {
        failure = "out of memory";
    } catch (...) {
        failure = thrown;
    }
    set_error(error, failure);
    return failed;
}

// The page `index` of `pdf` for `body(page, failure)`, or the failure "no such page".
template <typename R, typename F>
R with_page(hoso_pdf *pdf, int index, char **error, R failed, F body) {
    return guarded(error, failed, "damaged page", [&](const char *&failure) -> R {
        Listening listening(pdf ? &pdf->complaints : nullptr);
        std::unique_ptr<poppler::page> page(page_at(pdf, index));
        if (!page) {
            failure = "no such page";
            return failed;
        }
        return body(*page, failure);
    });
}

#endif
