import DagrouteCore
import Formats
import Foundation
import Routing

// libFuzzer entry for the routing benchmark readers. Built only by
// `Scripts/fuzz.sh FuzzRoutingFormats SECONDS`.
//
// The first input byte picks the reader (byte mod 4: CVRPLIB .vrp, CVRPLIB .sol, Solomon, Cordeau);
// the remaining bytes are the file, read through the same path as `dagroute solve` (UTF-8 check
// included). A parsed benchmark is solved for one ruin-and-recreate iteration and the plan's
// objective computed, which exercises the built problem. Accepted outcomes: a benchmark, or `DagrouteError.input` with at least one error
// diagnostic naming the file and a line. Anything else is a finding.

private let path = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-fuzz-routing-\(getpid()).txt").path

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoutingFormats(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes: bytes + 1, count: size - 1))
    let selector = bytes[0] % 4
    do {
        switch selector {
        case 0: exercise(try CVRPLIBReader.read(path: path))
        case 1:
            let text = String(decoding: UnsafeBufferPointer(start: bytes + 1, count: size - 1), as: UTF8.self)
            _ = try CVRPLIBSolution.parse(text: text, file: path)
        case 2: exercise(try SolomonReader.read(path: path))
        default: exercise(try CordeauReader.read(path: path))
        }
    } catch DagrouteError.input(let diagnostics) {
        guard diagnostics.contains(where: { $0.severity == .error }), diagnostics.allSatisfy({ $0.file == path }) else {
            fatalError("input error not naming the file: \(diagnostics)")
        }
    } catch {
        fatalError("reader \(selector): expected a benchmark or an input error, found \(error)")
    }
    return 0
}

private func exercise(_ benchmark: RoutingBenchmark) {
    let result = RoutingSolver.solve(benchmark.problem, stop: .maxIterations(1), seed: 1)
    _ = benchmark.objective(result.routes)
    _ = benchmark.solutionText(result.routes)
}
