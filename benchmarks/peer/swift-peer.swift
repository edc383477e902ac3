// The Swift peer for the start-up benchmark (see BENCHMARKS.md): peer.c's screen, drawn by
// the same C code (compiled with -DPEER_LIBRARY), started from a Swift executable. Built
// by the benchmark four ways: with and without Foundation (-D FOUNDATION), each with the
// Swift runtime linked dynamically and statically (-static-stdlib). What separates these
// from the C peer is what Swift itself costs before a first frame; what separates
// rolescope from them is Rolescope's own work.
#if FOUNDATION
import Foundation
#endif

@_silgen_name("peer_main")
func peerMain() -> Int32

#if FOUNDATION
// Use Foundation, so that it is linked and initialised as an app that uses it would be.
let started = Date()
_ = ProcessInfo.processInfo.environment["TERM"]
#endif
let status = peerMain()
#if FOUNDATION
_ = started.timeIntervalSinceNow
#endif
if status != 0 { fatalError("peer_main returned \(status)") }
