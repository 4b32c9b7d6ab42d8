import DagrouteCore
import Foundation
import TravelMatrix

// libFuzzer entry for the matrix command's inputs: the points CSV (through `CSVTable`) and the
// binary DGMATRIX file. Built only by `Scripts/fuzz.sh FuzzMatrixFiles SECONDS`.
//
// The first input byte picks the reader (byte mod 2: points CSV, DGMATRIX); the remaining bytes are
// the file. Parsed points get a crow-fly matrix; a parsed DGMATRIX is re-encoded and must round-trip
// byte for byte (the reserved word aside). Accepted outcomes: those, or `DagrouteError.input` with at least one error
// diagnostic naming the file. Anything else is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatrixFiles(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let data = Data(bytes: bytes + 1, count: size - 1)
    let selector = bytes[0] % 2
    do {
        if selector == 0 {
            let points = try PointsFile.parse(CSVTable.parse(data, file: "fuzz.csv"))
            _ = try CrowFlySource().matrix(from: points, to: points, threads: 1, progress: .silent)
        } else {
            let m = try MatrixFile.readBinary(data, file: "fuzz.bin")
            var expected = [UInt8](data)
            expected.replaceSubrange(20..<24, with: [0, 0, 0, 0])  // the reserved word is written as 0
            precondition([UInt8](MatrixFile.binary(m.matrix, rowIds: m.rowIds, columnIds: m.columnIds)) == expected,
                         "a DGMATRIX file that reads must re-encode to the same bytes")
        }
    } catch DagrouteError.input(let diagnostics) {
        guard diagnostics.contains(where: { $0.severity == .error }), diagnostics.allSatisfy({ !$0.file.isEmpty }) else {
            fatalError("input error without a located error diagnostic: \(diagnostics)")
        }
    } catch {
        fatalError("reader \(selector): expected a result or an input error, found \(error)")
    }
    return 0
}
