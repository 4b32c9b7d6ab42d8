import DagrouteCore
import Foundation

/// Serialisations of a `DurationMatrix` with the ids of its origins and destinations.
/// Both formats are documented in this module's README (section "Matrix file formats").
public enum MatrixFile {
    /// The output formats of `dagroute matrix`.
    public enum Format: String, Sendable, CaseIterable {
        /// Long form CSV: header `from,to,seconds,metres`, one line per pair, row-major order.
        case csv
        /// The little-endian binary layout `DGMATRIX` version 1.
        case bin
    }

    /// The 8 magic bytes that open a binary matrix file.
    public static let magic = Array("DGMATRIX".utf8)
    /// The binary layout version written by `binary(_:rowIds:columnIds:)`.
    public static let binaryVersion: UInt32 = 1

    /// Writes the file for `format` to `url` atomically, streaming in chunks of a few megabytes so
    /// that memory stays at the matrix itself (no second copy of the output).
    public static func write(_ matrix: DurationMatrix, rowIds: [String], columnIds: [String],
                             format: Format, to url: URL) throws {
        precondition(rowIds.count == matrix.rows && columnIds.count == matrix.columns)
        try AtomicFile.write(to: url) { write in
            // Ctrl-C while writing abandons the temporary file; an existing file at `url` stays.
            func sink(_ bytes: UnsafeRawBufferPointer) throws {
                if Cancellation.isRequested { throw CancellationError() }
                try write(bytes)
            }
            switch format {
            case .csv:
                let chunkRows = max(1, (1 << 16) / max(1, matrix.columns))
                var start = 0
                let from = rowIds.map(csvField), to = columnIds.map(csvField)
                var out = Array("from,to,seconds,metres\n".utf8)
                while start < matrix.rows {
                    let end = min(matrix.rows, start + chunkRows)
                    appendCSVRows(matrix, from: from, to: to, rows: start..<end, into: &out)
                    try out.withUnsafeBytes { try sink($0) }
                    out.removeAll(keepingCapacity: true)
                    start = end
                }
            case .bin:
                try binaryHeader(matrix).withUnsafeBytes { try sink($0) }
                for storage in [matrix.secondsStorage, matrix.metresStorage] {
                    #if _endian(little)
                    try storage.withUnsafeBytes { all in
                        var offset = 0
                        while offset < all.count {
                            let end = min(all.count, offset + (4 << 20))
                            try sink(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                            offset = end
                        }
                    }
                    #else
                    try storage.map { $0.littleEndian }.withUnsafeBytes { try sink($0) }
                    #endif
                }
                try binaryIds(rowIds + columnIds).withUnsafeBytes { try sink($0) }
            }
        }
    }

    /// Long-form CSV; an unreachable pair has empty `seconds` and `metres` fields. Ids containing
    /// `,`, `"` or a line break are quoted.
    public static func csv(_ matrix: DurationMatrix, rowIds: [String], columnIds: [String]) -> Data {
        precondition(rowIds.count == matrix.rows && columnIds.count == matrix.columns)
        var out = Array("from,to,seconds,metres\n".utf8)
        out.reserveCapacity(matrix.rows * matrix.columns * 24 + 32)
        appendCSVRows(matrix, from: rowIds.map(csvField), to: columnIds.map(csvField), rows: 0..<matrix.rows, into: &out)
        return Data(out)
    }

    private static func appendCSVRows(_ matrix: DurationMatrix, from: [[UInt8]], to: [[UInt8]], rows: Range<Int>, into out: inout [UInt8]) {
        var digits = [UInt8](repeating: 0, count: 12)
        func append(_ v: Int32) {
            guard v != DurationMatrix.unreachable else { return }
            var x = Int(v), k = 0
            if x < 0 { out.append(UInt8(ascii: "-")); x = -x }
            repeat { digits[k] = UInt8(48 + x % 10); x /= 10; k += 1 } while x > 0
            while k > 0 { k -= 1; out.append(digits[k]) }
        }
        for i in rows {
            for j in 0..<matrix.columns {
                out.append(contentsOf: from[i]); out.append(44)
                out.append(contentsOf: to[j]); out.append(44)
                append(matrix.secondsStorage[i * matrix.columns + j]); out.append(44)
                append(matrix.metresStorage[i * matrix.columns + j]); out.append(10)
            }
        }
    }

    private static func csvField(_ s: String) -> [UInt8] {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return Array(s.utf8) }
        return Array(("\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"").utf8)
    }

    /// The binary layout (all integers little-endian):
    /// magic `DGMATRIX` (8 bytes), UInt32 version (1), UInt32 rows, UInt32 columns, UInt32 0
    /// (reserved); then rows × columns Int32 seconds row-major; then rows × columns Int32 metres
    /// row-major; then the row ids and the column ids, each as UInt32 byte count + UTF-8 bytes.
    public static func binary(_ matrix: DurationMatrix, rowIds: [String], columnIds: [String]) -> Data {
        precondition(rowIds.count == matrix.rows && columnIds.count == matrix.columns)
        var out = binaryHeader(matrix)
        for storage in [matrix.secondsStorage, matrix.metresStorage] {
            for v in storage { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out + binaryIds(rowIds + columnIds)
    }

    private static func binaryHeader(_ matrix: DurationMatrix) -> Data {
        var out = Data(magic)
        for v in [binaryVersion, UInt32(matrix.rows), UInt32(matrix.columns), 0] {
            withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
        }
        return out
    }

    private static func binaryIds(_ ids: [String]) -> Data {
        var out = Data()
        for id in ids {
            let bytes = Array(id.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: bytes)
        }
        return out
    }

    /// Reads a binary matrix file back (the inverse of `binary`). Throws an input error naming the
    /// byte offset for a wrong magic, version or a truncated file.
    public static func readBinary(_ data: Data, file: String) throws -> (matrix: DurationMatrix, rowIds: [String], columnIds: [String]) {
        let bytes = [UInt8](data)
        var at = 0
        func fail(_ message: String) -> DagrouteError {
            .input([Diagnostic(file: file, byteOffset: at, message: message)])
        }
        func u32() throws -> UInt32 {
            guard at + 4 <= bytes.count else { throw fail("expected 4 more bytes, found the end of the file") }
            defer { at += 4 }
            return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        guard bytes.count >= 8, Array(bytes[0..<8]) == magic else { throw fail("expected the magic bytes DGMATRIX, found something else") }
        at = 8
        let version = try u32()
        guard version == binaryVersion else { throw fail("expected version \(binaryVersion), found \(version)") }
        let rows = Int(try u32()), columns = Int(try u32())
        _ = try u32()
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, count <= (bytes.count - at) / 8 else {
            throw fail("expected 8 bytes for each of \(rows) × \(columns) matrix entries, found \(bytes.count - at) bytes")
        }
        var seconds: [Int32] = [], metres: [Int32] = []
        seconds.reserveCapacity(count); metres.reserveCapacity(count)
        for k in 0..<(2 * count) {
            let v = Int32(bitPattern: try u32())
            if k < count { seconds.append(v) } else { metres.append(v) }
        }
        var ids: [String] = []
        for _ in 0..<(rows + columns) {
            let n = Int(try u32())
            guard at + n <= bytes.count else { throw fail("expected an id of \(n) bytes, found the end of the file") }
            guard let id = String(validating: bytes[at..<(at + n)], as: UTF8.self) else { throw fail("expected an id in UTF-8, found other bytes") }
            ids.append(id)
            at += n
        }
        guard at == bytes.count else { throw fail("expected the end of the file, found \(bytes.count - at) more bytes") }
        return (DurationMatrix(rows: rows, columns: columns, seconds: seconds, metres: metres),
                Array(ids[0..<rows]), Array(ids[rows...]))
    }
}
