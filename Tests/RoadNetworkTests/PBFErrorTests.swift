import DagrouteCore
import Foundation
@testable import RoadNetwork
import XCTest

/// Broken input files give input errors, never crashes.
final class PBFErrorTests: XCTestCase {
    static let liechtenstein = RealExtractTests.osmFolder.appendingPathComponent("liechtenstein-latest.osm.pbf")
    static let amsterdam = RealExtractTests.osmFolder.appendingPathComponent("amsterdam.osm.pbf")

    func assertInputError(_ data: Data, _ expected: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try RoadGraph(extract: OSMExtract.decode(data, file: "x.osm.pbf")), file: file, line: line) { error in
            guard case DagrouteError.input(let ds) = error else { return XCTFail("not an input error: \(error)", file: file, line: line) }
            if let expected {
                XCTAssertTrue(ds.description.contains(expected), "\(ds)", file: file, line: line)
            }
        }
    }

    /// A blob as the file frames it: length, BlobHeader (type, datasize), Blob bytes.
    static func frame(type: String, blob: [UInt8]) -> [UInt8] {
        var header: [UInt8] = [0x0A, UInt8(type.utf8.count)] + Array(type.utf8)
        header += [0x18] + varint(UInt64(blob.count))
        let n = header.count
        return [UInt8(n >> 24), UInt8((n >> 16) & 255), UInt8((n >> 8) & 255), UInt8(n & 255)] + header + blob
    }

    static func varint(_ v: UInt64) -> [UInt8] {
        var v = v, out: [UInt8] = []
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        return out + [UInt8(v)]
    }

    /// A raw (uncompressed) blob holding `payload`.
    static func rawBlob(_ payload: [UInt8]) -> [UInt8] { [0x0A] + varint(UInt64(payload.count)) + payload }

    func testTruncatedFilesAreInputErrors() throws {
        let data = try Data(contentsOf: Self.liechtenstein)
        for cut in [1, 3, 4, 10, 100, 1000, data.count / 3, data.count / 2, data.count - 1] {
            assertInputError(data.prefix(cut), "x.osm.pbf")
        }
    }

    func testCorruptedBytesNeverCrash() throws {
        let data = try Data(contentsOf: Self.amsterdam)
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<60 {
            var bytes = [UInt8](data)
            for _ in 0..<4 { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            // Either still decodable (a flipped byte inside a name) or an input error; never a trap.
            do { _ = try RoadGraph(extract: OSMExtract.decode(Data(bytes), file: "x.osm.pbf")) }
            catch DagrouteError.input { }
        }
    }

    func testUnknownBlobTypeAndCompressionsAreRejected() throws {
        assertInputError(Data(Self.frame(type: "OSMFancy", blob: Self.rawBlob([]))), "unknown blob type \"OSMFancy\"")
        let header = Self.frame(type: "OSMHeader", blob: Self.rawBlob([]))
        let zstd: [UInt8] = [0x10, 0x05, 0x3A, 0x02, 0xAB, 0xCD]   // raw_size 5, zstd_data (field 7)
        assertInputError(Data(header + Self.frame(type: "OSMData", blob: zstd)), "zstd-compressed blobs are not supported")
        let lzma: [UInt8] = [0x10, 0x05, 0x22, 0x01, 0x00]          // lzma_data (field 4)
        assertInputError(Data(header + Self.frame(type: "OSMData", blob: lzma)), "lzma-compressed blobs are not supported")
        let badZlib: [UInt8] = [0x10, 0x05, 0x1A, 0x03, 1, 2, 3]   // zlib_data that does not inflate
        assertInputError(Data(header + Self.frame(type: "OSMData", blob: badZlib)), "does not inflate")
    }

    func testEmptyExtracts() {
        assertInputError(Data(), "empty file")
        assertInputError(Data(Self.frame(type: "OSMHeader", blob: Self.rawBlob([]))), "found none")
        assertInputError(Data("hello, this is not a PBF file".utf8), "not an OSM PBF file")
    }

    func testRealExtractDecodes() throws {
        let osm = try OSMExtract.read(Self.amsterdam, threads: 2)
        XCTAssertGreaterThan(osm.nodeIds.count, 1000)
        XCTAssertFalse(osm.ways.isEmpty)
        XCTAssertTrue(zip(osm.nodeIds, osm.nodeIds.dropFirst()).allSatisfy { $0 < $1 })
        // Positions lie in Amsterdam.
        XCTAssertTrue(osm.latitudes.allSatisfy { (52.2...52.5).contains($0) })
        XCTAssertTrue(osm.longitudes.allSatisfy { (4.7...5.1).contains($0) })
    }
}
