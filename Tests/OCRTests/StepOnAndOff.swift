@testable import OCR

/// A page recognised with one of the engine's steps off, then on, the other options at their defaults: what the step
/// brings, with the same Tesseract.
func recognized(_ image: PageImage, without step: WritableKeyPath<RecognitionOptions, Bool>) throws
    -> (off: RecognizedPage, on: RecognizedPage) {
    var options = RecognitionOptions()
    options[keyPath: step] = false
    let off = try TesseractEngine(options: options).recognize(image)
    options[keyPath: step] = true
    return (off, try TesseractEngine(options: options).recognize(image))
}
