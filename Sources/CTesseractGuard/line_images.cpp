// Tesseract keeps each text line it recognises as an encoded image (ImageData::SetPixInternal writes it with
// pixWriteMem(IFF_PNG), GetPixInternal reads it back at once): deflate and PNG filters cost ~5 % of a page's
// recognition. This executable's pixWriteMem is the one the dynamic linker binds libtesseract's calls to; for
// Tesseract's own calls it writes Leptonica's serialised pix (the pixels copied, read back by pixReadMem, which
// tells formats by their bytes; PNM is slower still, read a byte at a time); every other caller gets Leptonica's.
#include "hoso_tesseract.h"

#include <leptonica/allheaders.h>

#include <atomic>
#include <cstring>
#include <dlfcn.h>

namespace {
using WriteMem = l_ok (*)(l_uint8 **, size_t *, PIX *, l_int32);

std::atomic<int> plainLines{1};
std::atomic<unsigned long> plainWritten{0};

WriteMem leptonicaWriteMem() {
    static WriteMem next = reinterpret_cast<WriteMem>(dlsym(RTLD_NEXT, "pixWriteMem"));
    return next;
}

// Whether `address` (a return address) lies in libtesseract.
bool inTesseract(void *address) {
    Dl_info info;
    if (dladdr(address, &info) == 0 || info.dli_fname == nullptr) return false;
    const char *base = std::strrchr(info.dli_fname, '/');
    return std::strncmp(base ? base + 1 : info.dli_fname, "libtesseract", 12) == 0;
}
} // namespace

extern "C" l_ok pixWriteMem(l_uint8 **pdata, size_t *psize, PIX *pix, l_int32 format) {
    if (format == IFF_PNG && plainLines.load(std::memory_order_relaxed) && inTesseract(__builtin_return_address(0)))
    {
        plainWritten.fetch_add(1, std::memory_order_relaxed);
        return pixWriteMemSpix(pdata, psize, pix);
    }
    WriteMem next = leptonicaWriteMem();
    if (next == nullptr) return 1;
    return next(pdata, psize, pix, format);
}

extern "C" void hoso_tess_plain_line_images(int on) { plainLines.store(on ? 1 : 0); }

extern "C" unsigned long hoso_tess_plain_line_images_written(void) { return plainWritten.load(); }

extern "C" int hoso_tess_line_images_interposed(void) {
    // Bound to this file's definition only when the executable exports it ahead of Leptonica's.
    void *bound = dlsym(RTLD_DEFAULT, "pixWriteMem");
    return bound == reinterpret_cast<void *>(&pixWriteMem) ? 1 : 0;
}
