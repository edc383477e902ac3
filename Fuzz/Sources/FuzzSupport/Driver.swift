import CLibFuzzer
import Foundation

/// Hands the process to libFuzzer with `testOneInput` as the target, and exits with its
/// status. SwiftPM gives every executable target a `main` of its own, so the fuzzers
/// call libFuzzer's driver from there instead of relying on libFuzzer's `main`.
public func runLibFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}
