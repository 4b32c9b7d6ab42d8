import Dispatch
import Foundation

/// Wall-clock seconds since `start`, formatted with millisecond precision for progress lines
/// (which benchmark scripts read).
func secondsSince(_ start: DispatchTime) -> String {
    String(format: "%.4f", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}
