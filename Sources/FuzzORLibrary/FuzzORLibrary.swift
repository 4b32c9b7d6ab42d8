import DagrouteCore
import Formats
import Foundation

// libFuzzer entry for the OR-Library readers. Built only by `Scripts/fuzz.sh FuzzORLibrary SECONDS`.
//
// The first input byte picks the reader (byte mod 3: GAP, CFLP, CFLP with `--capacity 8000` as for
// capa); the remaining bytes are the file, read through the same path as `dagroute solve`
// (UTF-8 check included). Accepted outcomes: problems, or `DagrouteError.input` with at least one
// error diagnostic naming the file. Anything else is a finding.

private let url = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-fuzz-orlib-\(getpid()).txt")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzORLibrary(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes: bytes + 1, count: size - 1))
    let selector = bytes[0] % 3
    do {
        switch selector {
        case 0:
            for p in try ORLibraryGAP.read(url, displayName: "fuzz.txt") {
                precondition(p.cost.count == p.agents && p.resource.count == p.agents && p.capacity.count == p.agents)
                precondition(p.cost.allSatisfy { $0.count == p.jobs } && p.resource.allSatisfy { $0.count == p.jobs })
            }
        default:
            let f = try ORLibraryCFLP.read(url, displayName: "fuzz.txt", capacity: selector == 2 ? 8000 : nil)
            precondition(f.fixedCost.count == f.warehouses && f.allocationCost.count == f.customers)
            precondition(f.allocationCost.allSatisfy { $0.count == f.warehouses && $0.allSatisfy(\.isFinite) })
            // The documented invariants: capacities > 0, fixed costs and demands ≥ 0, all finite.
            precondition(f.capacity.allSatisfy { $0 > 0 && $0.isFinite })
            precondition(f.fixedCost.allSatisfy { $0 >= 0 && $0.isFinite } && f.demand.allSatisfy { $0 >= 0 && $0.isFinite })
        }
    } catch DagrouteError.input(let diagnostics) {
        guard diagnostics.contains(where: { $0.severity == .error }), diagnostics.allSatisfy({ $0.file == "fuzz.txt" }) else {
            fatalError("input error not naming the file: \(diagnostics)")
        }
    } catch {
        fatalError("reader \(selector): expected problems or an input error, found \(error)")
    }
    return 0
}
