#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The target named by `STSIM_FUZZ_TARGET` (lexer, manifest or script; lexer when unset).
func chosenTarget() -> FuzzTarget {
    getenv("STSIM_FUZZ_TARGET").flatMap { FuzzTarget(rawValue: String(cString: $0)) } ?? .lexer
}

/// One input, as libFuzzer hands it over.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    chosenTarget().run(String(decoding: bytes, as: UTF8.self))
    return 0
}

#if FUZZING
    /// libFuzzer's own `main` (when the linker takes it) calls this by name.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzOneInput(data, size) }

    // libFuzzer's driver, in the fuzzer runtime that `-sanitize=fuzzer` links.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

/// Built with `-sanitize=fuzzer -D FUZZING` (scripts/fuzz), this hands the arguments to
/// libFuzzer's driver (SwiftPM names an executable's entry point after its module, so libFuzzer's
/// own `main` is not the one that runs). A plain build runs the files it is given through the
/// target once each: how a finding is replayed under a debugger.
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv) { fuzzOneInput($0, $1) })
        #else
            for path in CommandLine.arguments.dropFirst() {
                guard let file = fopen(path, "rb") else { continue }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while case let n = fread(&chunk, 1, chunk.count, file), n > 0 { bytes += chunk[0..<n] }
                fclose(file)
                _ = bytes.withUnsafeBufferPointer { fuzzOneInput($0.baseAddress, $0.count) }
            }
        #endif
    }
}
