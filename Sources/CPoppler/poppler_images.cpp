// The page images of hoso_poppler.h over poppler-glib (poppler-cpp has no access to a page's images). The same
// complaint listener and guards as poppler_bridge.cpp: nothing escapes, failures come back as values.
#include "support.h"

#include <poppler.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <vector>

hoso_pdf_::~hoso_pdf_() {
    if (images) g_object_unref(images);
}

namespace {

// The file opened a second time by poppler-glib, once per handle.
PopplerDocument *image_document(hoso_pdf *pdf, const char *&failure) {
    if (pdf->images) return pdf->images;
    GError *gerror = nullptr;
    // A URI needs an absolute path; the handle may have been opened with a relative one.
    gchar *absolute = g_canonicalize_filename(pdf->path.c_str(), nullptr);
    gchar *uri = g_filename_to_uri(absolute, nullptr, &gerror);
    if (uri) pdf->images = poppler_document_new_from_file(uri, nullptr, &gerror);
    g_free(uri);
    g_free(absolute);
    if (gerror) g_error_free(gerror);
    if (!pdf->images) failure = "damaged";
    return pdf->images;
}

// One decoded image and where it lies on the page.
struct Placed {
    cairo_surface_t *surface;
    double x0, y0, x1, y1; // points from the top-left corner
};

struct Surfaces {
    std::vector<Placed> list;
    ~Surfaces() {
        for (Placed &p : list) cairo_surface_destroy(p.surface);
    }
};

// What every 4th row and column of an image shows: pixels looked at, not fully opaque, and dark in the red channel.
struct Sample {
    long seen = 0, clear = 0, dark = 0;
    explicit Sample(cairo_surface_t *s) {
        int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
        int stride = cairo_image_surface_get_stride(s);
        bool alpha = cairo_image_surface_get_format(s) == CAIRO_FORMAT_ARGB32;
        const unsigned char *data = cairo_image_surface_get_data(s);
        for (int y = 0; y < h; y += 4) {
            const uint32_t *row = reinterpret_cast<const uint32_t *>(data + static_cast<size_t>(y) * stride);
            for (int x = 0; x < w; x += 4, ++seen) {
                if (alpha && (row[x] >> 24) != 0xFF) ++clear;
                if (((row[x] >> 16) & 0xFF) < 128) ++dark;
            }
        }
    }
    // At least 1 % of the pixels transparent: a stencil or a masked image, not a picture.
    bool transparent() const { return seen > 0 && clear * 100 >= seen; }
};

// Sets the pixels of `out` (1 bit a pixel, most significant bit first, 1 = ink) that `p` inks at `ppi`: where the
// image is opaque and its colour dark in the red channel, as recognition reads colour (blue and black ink are kept,
// a red stamp is not). Each output pixel takes the image pixel under its centre: the stencils are already at the
// page's resolution, and their edges stay sharp.
void compose(const Placed &p, double ppi, unsigned char *out, int ow, int oh, int ostride) {
    int sw = cairo_image_surface_get_width(p.surface), sh = cairo_image_surface_get_height(p.surface);
    int sstride = cairo_image_surface_get_stride(p.surface);
    const unsigned char *src = cairo_image_surface_get_data(p.surface);
    double k = ppi / 72.0;
    int dx0 = std::max(0, static_cast<int>(std::lround(p.x0 * k))), dy0 = std::max(0, static_cast<int>(std::lround(p.y0 * k)));
    int dx1 = std::min(ow, static_cast<int>(std::lround(p.x1 * k))), dy1 = std::min(oh, static_cast<int>(std::lround(p.y1 * k)));
    double fx = sw / ((p.x1 - p.x0) * k), fy = sh / ((p.y1 - p.y0) * k);
    double ox = p.x0 * k, oy = p.y0 * k;
    std::vector<int> columns(static_cast<size_t>(std::max(0, dx1 - dx0)));
    for (int x = dx0; x < dx1; ++x)
        columns[x - dx0] = std::min(sw - 1, std::max(0, static_cast<int>((x + 0.5 - ox) * fx)));
    for (int y = dy0; y < dy1; ++y) {
        int sy = std::min(sh - 1, std::max(0, static_cast<int>((y + 0.5 - oy) * fy)));
        const uint32_t *row = reinterpret_cast<const uint32_t *>(src + static_cast<size_t>(sy) * sstride);
        unsigned char *line = out + static_cast<size_t>(y) * ostride;
        for (int x = dx0; x < dx1; ++x) {
            uint32_t v = row[columns[x - dx0]];
            unsigned a = v >> 24, red = (v >> 16) & 0xFF; // red premultiplied by a
            if (a >= 128 && red * 2 < a) line[x >> 3] |= static_cast<unsigned char>(0x80u >> (x & 7));
        }
    }
}

} // namespace

extern "C" {

int hoso_pdf_page_foreground(hoso_pdf *pdf, int index, long max_pixels, unsigned char **pixels, int *width, int *height,
                             int *stride, double *ppi, int *layers, double *background_ink, char **error) {
    *pixels = nullptr;
    *width = *height = *stride = *layers = 0;
    *ppi = 0;
    *background_ink = 0;
    return with_page(pdf, index, error, 1, [&](poppler::page &cpage, const char *&failure) {
        if (cpage.orientation() != poppler::page::portrait) {
            failure = "rotated";
            return 1;
        }
        PopplerDocument *doc = image_document(pdf, failure);
        if (!doc) return 1;
        std::unique_ptr<PopplerPage, void (*)(gpointer)> page(poppler_document_get_page(doc, index), g_object_unref);
        if (!page) {
            failure = "no such page";
            return 1;
        }
        double pw = 0, ph = 0;
        poppler_page_get_size(page.get(), &pw, &ph);
        std::unique_ptr<GList, void (*)(GList *)> mapping(poppler_page_get_image_mapping(page.get()),
                                                          poppler_page_free_image_mapping);
        Surfaces foreground;
        long dark = 0, seen = 0;
        double native = 0, widest = 0;
        for (GList *l = mapping.get(); l; l = l->next) {
            auto *m = static_cast<PopplerImageMapping *>(l->data);
            double aw = m->area.x2 - m->area.x1, ah = m->area.y2 - m->area.y1;
            if (!(aw > 0 && ah > 0)) continue;
            cairo_surface_t *s = poppler_page_get_image(page.get(), m->image_id);
            if (!s) continue;
            cairo_format_t format = cairo_image_surface_get_format(s);
            if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)) {
                cairo_surface_destroy(s);
                continue;
            }
            cairo_surface_flush(s);
            Sample sample(s);
            if (sample.transparent()) {
                // The widest image tells the resolution best: its area is rounded to whole points.
                if (aw > widest) {
                    widest = aw;
                    native = cairo_image_surface_get_width(s) / aw * 72.0;
                }
                try {
                    foreground.list.push_back({s, m->area.x1, m->area.y1, m->area.x2, m->area.y2});
                } catch (...) {
                    cairo_surface_destroy(s);
                    throw;
                }
            } else {
                dark += sample.dark;
                seen += sample.seen;
                cairo_surface_destroy(s);
            }
        }
        *background_ink = seen > 0 ? static_cast<double>(dark) / static_cast<double>(seen) : 0;
        *layers = static_cast<int>(foreground.list.size());
        if (foreground.list.empty()) return 0;
        double at = std::min(600.0, std::round(native));
        if (at < 50) {
            failure = "foreground below 50 ppi";
            return 1;
        }
        double w = std::ceil(pw / 72.0 * at), h = std::ceil(ph / 72.0 * at);
        if (!(w > 0 && h > 0) || w * h > static_cast<double>(max_pixels)) {
            failure = "too many pixels";
            return 1;
        }
        int ow = static_cast<int>(w), oh = static_cast<int>(h), ostride = ((ow + 31) / 32) * 4;
        auto *out = static_cast<unsigned char *>(std::calloc(static_cast<size_t>(ostride) * oh, 1));
        if (!out) {
            failure = "out of memory";
            return 1;
        }
        for (Placed &p : foreground.list) {
            // poppler-glib gives an image's area with its corner exact and its size rounded to whole points: an image
            // at the page's resolution is placed pixel for pixel from its corner, any other scaled to its area.
            int sw = cairo_image_surface_get_width(p.surface), sh = cairo_image_surface_get_height(p.surface);
            double dw = sw / at * 72.0, dh = sh / at * 72.0;
            if (std::fabs(dw - (p.x1 - p.x0)) <= 1.0 && std::fabs(dh - (p.y1 - p.y0)) <= 1.0) {
                p.x1 = p.x0 + dw;
                p.y1 = p.y0 + dh;
            }
            compose(p, at, out, ow, oh, ostride);
        }
        *pixels = out;
        *width = ow;
        *height = oh;
        *stride = ostride;
        *ppi = at;
        return 0;
    });
}

} // extern "C"
