// The C API of hoso_poppler.h over poppler-cpp. Nothing escapes: each entry point catches everything.
#include "support.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-font.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

// Test hook, HOSO_POPPLER_TEST_FAULT=crash:TEXT or hang:TEXT: opening a file whose path contains TEXT aborts
// the process or never returns, as a fault inside poppler would.
void test_fault(const char *path) {
    const char *setting = std::getenv("HOSO_POPPLER_TEST_FAULT");
    if (!setting || !path) return;
    std::string s(setting);
    size_t colon = s.find(':');
    if (colon == std::string::npos || colon + 1 >= s.size()) return;
    if (!std::strstr(path, s.c_str() + colon + 1)) return;
    std::string kind = s.substr(0, colon);
    if (kind == "crash") std::abort();
    if (kind == "hang")
        for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}

} // namespace

extern "C" {

hoso_pdf *hoso_pdf_open(const char *path, char **error) {
    return guarded(error, static_cast<hoso_pdf *>(nullptr), "damaged", [&](const char *&failure) -> hoso_pdf * {
        silence_once();
        test_fault(path);
        std::string complaints;
        Listening listening(&complaints);
        std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
        if (!doc) {
            failure = "damaged";
            return nullptr;
        }
        if (doc->is_locked()) {
            failure = "locked";
            return nullptr;
        }
        hoso_pdf *pdf = new hoso_pdf_();
        pdf->doc = std::move(doc);
        pdf->path = path;
        pdf->complaints = std::move(complaints);
        return pdf;
    });
}

void hoso_pdf_close(hoso_pdf *pdf) {
    try { delete pdf; } catch (...) {}
}

void hoso_pdf_free(void *p) { std::free(p); }

int hoso_pdf_page_count(hoso_pdf *pdf) {
    try {
        return pdf && pdf->doc ? pdf->doc->pages() : -1;
    } catch (...) {
        return -1;
    }
}

char *hoso_pdf_complaints(hoso_pdf *pdf) {
    try {
        return copy_string(pdf ? pdf->complaints : std::string());
    } catch (...) {
        return nullptr;
    }
}

int hoso_pdf_loadable_pages(hoso_pdf *pdf, int cap) {
    try {
        if (!pdf || !pdf->doc) return -1;
        Listening listening(&pdf->complaints);
        int claimed = pdf->doc->pages();
        int n = 0;
        while (n < claimed && n < cap) {
            std::unique_ptr<poppler::page> page(pdf->doc->create_page(n));
            if (!page) break;
            ++n;
        }
        return n;
    } catch (...) {
        return -1;
    }
}

char *hoso_pdf_metadata(hoso_pdf *pdf, char **error) {
    return guarded(error, static_cast<char *>(nullptr), "damaged", [&](const char *&failure) -> char * {
        if (!pdf || !pdf->doc) {
            failure = "no document";
            return nullptr;
        }
        char *out = copy_string(utf8(pdf->doc->metadata()));
        if (!out) failure = "out of memory";
        return out;
    });
}

int hoso_pdf_page_size(hoso_pdf *pdf, int index, double *width, double *height, char **error) {
    return with_page(pdf, index, error, 1, [&](poppler::page &page, const char *&) {
        poppler::rectf r = page.page_rect(poppler::crop_box);
        double w = r.width(), h = r.height();
        poppler::page::orientation_enum o = page.orientation();
        if (o == poppler::page::landscape || o == poppler::page::seascape) std::swap(w, h);
        *width = w;
        *height = h;
        return 0;
    });
}

char *hoso_pdf_page_fonts(hoso_pdf *pdf, int index, char **error) {
    return guarded(error, static_cast<char *>(nullptr), "damaged page", [&](const char *&failure) -> char * {
        if (!pdf || !pdf->doc || index < 0 || index >= pdf->doc->pages()) {
            failure = "no such page";
            return nullptr;
        }
        std::unique_ptr<poppler::font_iterator> it(pdf->doc->create_font_iterator(index));
        std::string names;
        if (it && it->has_next()) {
            for (const poppler::font_info &f : it->next()) {
                names += f.name();
                names += '\n';
            }
        }
        char *out = copy_string(names);
        if (!out) failure = "out of memory";
        return out;
    });
}

int hoso_pdf_page_words(hoso_pdf *pdf, int index, char **text, double **boxes, int *count, char **error) {
    *text = nullptr;
    *boxes = nullptr;
    *count = 0;
    return with_page(pdf, index, error, 1, [&](poppler::page &page, const char *&failure) {
        std::vector<poppler::text_box> words = page.text_list();
        std::string joined;
        std::vector<double> rects;
        rects.reserve(words.size() * 4);
        for (const poppler::text_box &w : words) {
            std::string s = utf8(w.text());
            if (s.empty()) continue;
            joined += s;
            joined += '\n';
            poppler::rectf r = w.bbox();
            rects.insert(rects.end(), {r.x(), r.y(), r.width(), r.height()});
        }
        char *t = copy_string(joined);
        double *b = static_cast<double *>(std::malloc(sizeof(double) * (rects.empty() ? 1 : rects.size())));
        if (!t || !b) {
            std::free(t);
            std::free(b);
            failure = "out of memory";
            return 1;
        }
        if (!rects.empty()) std::memcpy(b, rects.data(), sizeof(double) * rects.size());
        *text = t;
        *boxes = b;
        *count = static_cast<int>(rects.size() / 4);
        return 0;
    });
}

int hoso_pdf_render(hoso_pdf *pdf, int index, double dpi, int gray, long max_pixels, unsigned char **pixels,
                    int *width, int *height, int *stride, char **error) {
    return hoso_pdf_render_region(pdf, index, dpi, gray, 0, 0, -1, -1, max_pixels, pixels, width, height, stride, error);
}

int hoso_pdf_render_region(hoso_pdf *pdf, int index, double dpi, int gray, int x, int y, int w, int h,
                           long max_pixels, unsigned char **pixels, int *width, int *height, int *stride,
                           char **error) {
    *pixels = nullptr;
    return with_page(pdf, index, error, 1, [&](poppler::page &page, const char *&failure) {
        poppler::rectf r = page.page_rect(poppler::crop_box);
        double pw = r.width() / 72.0 * dpi, ph = r.height() / 72.0 * dpi;
        if (!(pw > 0 && ph > 0)) {
            failure = "empty page";
            return 1;
        }
        bool whole = w <= 0 || h <= 0;
        if (!whole && (x < 0 || y < 0)) {
            failure = "region outside the page";
            return 1;
        }
        // Refused before anything is drawn: a small file may declare a page of any size.
        double area = whole ? pw * ph : static_cast<double>(w) * static_cast<double>(h);
        if (area > static_cast<double>(max_pixels)) {
            failure = "too many pixels";
            return 1;
        }
        poppler::page_renderer renderer;
        renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
        renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
        renderer.set_image_format(gray ? poppler::image::format_gray8 : poppler::image::format_rgb24);
        poppler::image img = whole ? renderer.render_page(&page, dpi, dpi)
                                   : renderer.render_page(&page, dpi, dpi, x, y, w, h);
        if (!img.is_valid()) {
            failure = "render failed";
            return 1;
        }
        size_t bytes = static_cast<size_t>(img.bytes_per_row()) * static_cast<size_t>(img.height());
        unsigned char *out = static_cast<unsigned char *>(std::malloc(bytes ? bytes : 1));
        if (!out) {
            failure = "out of memory";
            return 1;
        }
        std::memcpy(out, img.const_data(), bytes);
        *pixels = out;
        *width = img.width();
        *height = img.height();
        *stride = img.bytes_per_row();
        return 0;
    });
}

} // extern "C"
