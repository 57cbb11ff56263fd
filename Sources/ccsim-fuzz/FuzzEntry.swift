#if FUZZING
import CFuzzerDriver
#endif
import Foundation
import ScenarioFuzzing

// Built with `-sanitize=fuzzer -DFUZZING` (Scripts/fuzz.sh), this is a libFuzzer target
// over the scenario loader, `--set` and small simulations; built normally, it replays
// files given as arguments through the same check (a crash reproducer, or a corpus).

/// libFuzzer's entry point: one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    ScenarioInputCheck.check(Data(bytes: bytes, count: count))
    return 0
}

#if FUZZING
/// Hands the command line to libFuzzer's driver.
@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            guard let bytes else { return 0 }
            ScenarioInputCheck.check(Data(bytes: bytes, count: count))
            return 0
        })
    }
}
#else
/// Replays each file given as an argument and prints what became of it.
@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                continue
            }
            print("\(path): \(ScenarioInputCheck.check(data))")
        }
    }
}
#endif
