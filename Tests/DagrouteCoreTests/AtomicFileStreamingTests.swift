import DagrouteCore
import Foundation
import XCTest

/// `AtomicFile.write(to:_:)`: chunks land in order; a failure mid-stream keeps the previous file
/// and leaves no temporary file behind.
final class AtomicFileStreamingTests: XCTestCase {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testChunksAreWrittenInOrder() throws {
        let url = try folder().appendingPathComponent("out.txt")
        try AtomicFile.write(to: url) { emit in for k in 0..<1000 { try Data("\(k)\n".utf8).withUnsafeBytes { try emit($0) } } }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), (0..<1000).map { "\($0)\n" }.joined())
    }

    func testFailureMidStreamKeepsThePreviousFile() throws {
        let dir = try folder()
        let url = dir.appendingPathComponent("out.txt")
        try AtomicFile.write("previous", to: url)
        struct Stop: Error {}
        XCTAssertThrowsError(try AtomicFile.write(to: url) { emit in
            try Data("half".utf8).withUnsafeBytes { try emit($0) }
            throw Stop()
        })
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "previous")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.txt"])
    }
}
