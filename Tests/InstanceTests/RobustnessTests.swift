import DagrouteCore
@testable import Instance
import XCTest

/// Damaged files never crash the reader and never yield an instance that differs silently:
/// every outcome is either a valid instance or `DagrouteError.input` with at least one error.
final class RobustnessTests: XCTestCase {
    func testEmptyAndHeaderOnlyFiles() throws {
        for name in ["clients.csv", "locations.csv", "fleet.csv", "settings.json"] {
            for content in ["", "\u{FEFF}", "\n\n", "id\n", "\"unclosed\n", "\u{00}\u{01}"] {
                var files = Fixture.valid
                files[name] = content
                let dir = try Fixture.folder(files)
                defer { Fixture.remove(dir) }
                XCTAssertThrowsError(try InstanceReader.read(folder: dir), "\(name): \(content.debugDescription)") { error in
                    guard case DagrouteError.input(let ds) = error else { return XCTFail("\(error)") }
                    XCTAssertTrue(ds.contains { $0.severity == .error })
                }
            }
        }
    }

    /// Small random edits (delete, duplicate or replace a byte) of a small real instance.
    func testRandomSingleByteEditsNeverCrash() throws {
        var base: [String: [UInt8]] = [:]
        for name in InstanceFiles.all {
            let text = try String(contentsOf: Fixture.defaultInstance.appendingPathComponent(name), encoding: .utf8)
            base[name] = Array((name.hasSuffix(".csv") ? text.split(separator: "\n").prefix(25).joined(separator: "\n") + "\n" : text).utf8)
        }
        var rng = SeededGenerator(seed: 42)
        let alphabet = Array(",;\"\n:{}[]-.0123456789aZ ".utf8) + [0xFF]
        var valid = 0, invalid = 0
        for _ in 0..<120 {
            var files = base
            let name = InstanceFiles.all[Int(rng.next() % 4)]
            var bytes = files[name]!
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 3 {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(bytes[at], at: at)
            default: bytes[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            }
            files[name] = bytes
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-fuzz-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { Fixture.remove(dir) }
            for (n, b) in files { try Data(b).write(to: dir.appendingPathComponent(n)) }
            do {
                _ = try InstanceReader.read(folder: dir)
                valid += 1
            } catch DagrouteError.input(let ds) {
                XCTAssertTrue(ds.contains { $0.severity == .error })
                invalid += 1
            }
        }
        XCTAssertGreaterThan(invalid, 0)
        XCTAssertEqual(valid + invalid, 120)
    }
}
