import DagrouteCore
import Foundation
import RoadNetwork

// libFuzzer entry for the OpenStreetMap PBF reader and the car-graph builder. Built only by
// `Scripts/fuzz.sh FuzzOSMPBF SECONDS`.
//
// The input is decoded as a `.osm.pbf` file on one thread; a decoded extract is turned into a
// `RoadGraph`. Accepted outcomes: a graph, or `DagrouteError.input` with at least one error
// diagnostic. Anything else — a crash, a sanitizer report, another error kind — is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOSMPBF(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    do {
        let extract = try OSMExtract.decode(data, file: "fuzz.osm.pbf", threads: 1)
        _ = try RoadGraph(extract: extract)
    } catch DagrouteError.input(let diagnostics) {
        guard diagnostics.contains(where: { $0.severity == .error }) else {
            fatalError("input error without an error diagnostic: \(diagnostics)")
        }
    } catch {
        fatalError("expected a road graph or an input error, found \(error)")
    }
    return 0
}
