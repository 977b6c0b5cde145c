// Calls libtesseract makes into Leptonica and libgomp, bound by the dynamic linker to this executable's
// definitions (an executable's exported symbols come first). Each one does what the library would for callers
// inside libtesseract, with less work, and hands every other caller to the library's own definition.
#include "hoso_tesseract.h"

#include <leptonica/allheaders.h>

#include <atomic>
#include <cstring>
#include <dlfcn.h>

namespace {
// Whether `address` (a return address) lies in libtesseract; the last few answers are kept per thread, since
// the same few call sites ask again and again (OpenMP regions: thousands a page).
bool inTesseract(void *address) {
    struct Known { void *address; bool inside; };
    thread_local Known known[8] = {};
    thread_local unsigned nextSlot = 0;
    for (const Known &k : known)
        if (k.address == address) return k.inside;
    Dl_info info;
    bool inside = false;
    if (dladdr(address, &info) != 0 && info.dli_fname != nullptr) {
        const char *base = std::strrchr(info.dli_fname, '/');
        inside = std::strncmp(base ? base + 1 : info.dli_fname, "libtesseract", 12) == 0;
    }
    known[nextSlot++ % 8] = {address, inside};
    return inside;
}

template <typename F> F next(const char *name, const char *version) {
    void *f = version ? dlvsym(RTLD_NEXT, name, version) : dlsym(RTLD_NEXT, name);
    return reinterpret_cast<F>(f);
}

// MARK: text-line images

// Tesseract keeps each text line it recognises as an encoded image (ImageData::SetPixInternal writes it with
// pixWriteMem(IFF_PNG), GetPixInternal reads it back at once): deflate and PNG filters cost ~5 % of a page's
// recognition. Its lines are written as Leptonica's serialised pix instead (the pixels copied; pixReadMem tells
// formats by their bytes; PNM is slower still, read a byte at a time).
using WriteMem = l_ok (*)(l_uint8 **, size_t *, PIX *, l_int32);
std::atomic<int> plainLines{1};
std::atomic<unsigned long> plainWritten{0};

// MARK: OpenMP regions

// With OMP_THREAD_LIMIT=1 (one engine per core, see OCRRuntime) each of the LSTM's parallel regions, one per
// time step and layer, still makes and frees a team of one thread and wakes it through a futex: ~3 % of a page.
// Run on the calling thread instead, the region is what OpenMP calls an orphaned construct of the initial
// thread: the same code in the same order (omp_get_num_threads() 1, omp_get_thread_num() 0, barriers no-ops).
using Parallel = void (*)(void (*)(void *), void *, unsigned, unsigned);
using ParallelSections = void (*)(void (*)(void *), void *, unsigned, unsigned, unsigned);
using SectionsNext = unsigned (*)();
using SectionsEnd = void (*)();

std::atomic<int> serialRegions{1};

bool serialOpenMP() {
    static const bool singleThreaded = [] {
        auto limit = reinterpret_cast<int (*)()>(dlsym(RTLD_DEFAULT, "omp_get_thread_limit"));
        return limit != nullptr && limit() == 1;
    }();
    return singleThreaded && serialRegions.load(std::memory_order_relaxed);
}

// The sections region this thread runs serially, if any: the next section to hand out, and how many there are.
struct Sections { bool active = false; unsigned next = 0, count = 0; };
thread_local Sections sections;
std::atomic<unsigned long> serialRun{0};
} // namespace

extern "C" l_ok pixWriteMem(l_uint8 **pdata, size_t *psize, PIX *pix, l_int32 format) {
    if (format == IFF_PNG && plainLines.load(std::memory_order_relaxed) && inTesseract(__builtin_return_address(0))) {
        plainWritten.fetch_add(1, std::memory_order_relaxed);
        return pixWriteMemSpix(pdata, psize, pix);
    }
    static WriteMem leptonica = next<WriteMem>("pixWriteMem", nullptr);
    return leptonica ? leptonica(pdata, psize, pix, format) : 1;
}

namespace {
// Runs a region's function on this thread with `state` as its sections, restoring the enclosing region's
// sections afterwards, even when the function throws (Tesseract's exceptions unwind to the hoso_tess_* guards).
void runSerially(void (*fn)(void *), void *data, Sections state) {
    struct Restore {
        Sections outer = sections;
        ~Restore() { sections = outer; }
    } restore;
    serialRun.fetch_add(1, std::memory_order_relaxed);
    sections = state;
    fn(data);
}
} // namespace

extern "C" void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags) {
    static Parallel gomp = next<Parallel>("GOMP_parallel", "GOMP_4.0");
    if (gomp == nullptr || (serialOpenMP() && inTesseract(__builtin_return_address(0)))) {
        return runSerially(fn, data, Sections());
    }
    gomp(fn, data, num_threads, flags);
}

extern "C" void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count,
                                       unsigned flags) {
    static ParallelSections gomp = next<ParallelSections>("GOMP_parallel_sections", "GOMP_4.0");
    if (gomp == nullptr || (serialOpenMP() && inTesseract(__builtin_return_address(0)))) {
        return runSerially(fn, data, Sections{true, 1, count});
    }
    gomp(fn, data, num_threads, count, flags);
}

// Section numbers 1…count, then 0 (done), as libgomp hands them to a team of one.
extern "C" unsigned GOMP_sections_next(void) {
    if (sections.active) return sections.next <= sections.count ? sections.next++ : 0;
    static SectionsNext gomp = next<SectionsNext>("GOMP_sections_next", "GOMP_1.0");
    return gomp ? gomp() : 0;
}

extern "C" void GOMP_sections_end_nowait(void) {
    if (sections.active) return;
    static SectionsEnd gomp = next<SectionsEnd>("GOMP_sections_end_nowait", "GOMP_1.0");
    if (gomp) gomp();
}

extern "C" void hoso_tess_plain_line_images(int on) { plainLines.store(on ? 1 : 0); }
extern "C" unsigned long hoso_tess_plain_line_images_written(void) { return plainWritten.load(); }
extern "C" void hoso_tess_serial_openmp(int on) { serialRegions.store(on ? 1 : 0); }
extern "C" unsigned long hoso_tess_serial_openmp_regions(void) { return serialRun.load(); }

extern "C" int hoso_tess_calls_interposed(void) {
    // Bound to these definitions only when the executable exports them ahead of the libraries'.
    return dlsym(RTLD_DEFAULT, "pixWriteMem") == reinterpret_cast<void *>(&pixWriteMem)
        && dlsym(RTLD_DEFAULT, "GOMP_parallel_sections") == reinterpret_cast<void *>(&GOMP_parallel_sections);
}
