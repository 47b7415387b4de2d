#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The target named by `STSIM_FUZZ_TARGET` (lexer, manifest or script; lexer when unset).
func chosenTarget() -> FuzzTarget {
    getenv("STSIM_FUZZ_TARGET").flatMap { FuzzTarget(rawValue: String(cString: $0)) } ?? .lexer
}

#if FUZZING
    // Built with `-sanitize=fuzzer -D FUZZING` (scripts/fuzz): libFuzzer supplies `main` and calls this.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        chosenTarget().run(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
        return 0
    }
#else
    /// A plain build runs the files it is given through the target once each: how a finding of
    /// the fuzzer is replayed under a debugger.
    @main
    enum FuzzReplay {
        static func main() {
            let target = chosenTarget()
            for path in CommandLine.arguments.dropFirst() {
                guard let file = fopen(path, "rb") else { continue }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while case let n = fread(&chunk, 1, chunk.count, file), n > 0 { bytes += chunk[0..<n] }
                fclose(file)
                target.run(String(decoding: bytes, as: UTF8.self))
            }
        }
    }
#endif
