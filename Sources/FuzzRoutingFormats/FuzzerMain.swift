// SwiftPM links a debug executable with `main` aliased to `FuzzRoutingFormats_main`; this hands control to
// libFuzzer's driver with the entry point of FuzzRoutingFormats.swift.

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzRoutingFormats_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc, vector = argv
    return runDriver(&count, &vector) { fuzzRoutingFormats($0, $1) }
}
