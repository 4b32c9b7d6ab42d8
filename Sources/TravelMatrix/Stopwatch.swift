import Dispatch
import Foundation

/// Wall-clock seconds since `start`, formatted with millisecond precision for progress lines
/// (which benchmark scripts read).
func secondsSince(_ start: DispatchTime) -> String {
    String(format: "%.4f", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}

/// CPU seconds used so far by all threads of this process (user + system), for progress lines
/// that benchmarks read: unlike wall time, hardly affected by other processes on a shared machine.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
