#ifndef HOSO_CTESSERACT_SHIM_H
#define HOSO_CTESSERACT_SHIM_H
// Tesseract and Leptonica C APIs, nothing else. Swift's C++ interoperability stays off:
// tesseract/capi.h changes meaning when compiled as C++.
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#endif
