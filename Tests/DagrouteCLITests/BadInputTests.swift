import Foundation
import XCTest

/// The bad-input corpus (`Fixtures/bad/`, one file or instance overlay per error class and format),
/// run through the built binary: every case exits with code 2, names the file and the line/field
/// (or byte offset for binary files) with an "expected …, found …" message, and leaves the output
/// folder empty — no result file, no half-written temporary file.
final class BadInputTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bad")

    /// One corpus case: the command (with `{in}` replaced by the fixture path and `{out}` by a path
    /// inside an empty output folder) and the text the error must contain.
    struct Case {
        var fixture: String
        var arguments: [String]
        /// `file:line…` or `file:byte …`: where the error must point.
        var place: String
        /// A fragment of the message (what was expected or found).
        var message: String
    }

    // MARK: - instance folders (`validate`; the overlay files replace those of instance-base)

    func testInstanceCorpus() throws {
        let cases: [(overlay: String, place: String, message: String)] = [
            ("truncated-clients", "clients.csv:6:6", "expected 14 fields as in the header, found 5"),
            ("delimiter-mix", "clients.csv:8:2", "expected 14 fields as in the header, found 1"),
            ("non-utf8", "clients.csv:8", "expected UTF-8 text, found byte 0xFF at byte offset"),
            ("huge-number", "clients.csv:8:13", "expected a number of minutes, found \"1e400\""),
            ("negative-ride-limit", "clients.csv:8:13", "found \"-5\""),
            ("nan-latitude", "clients.csv:8:2", "expected a number of degrees, found \"NaN\""),
            ("time-25-61", "locations.csv:2:15", "expected a time HH:MM (00:00 to 23:59), found \"25:61\""),
            ("empty-clients", "clients.csv", "expected a header line, found an empty file"),
            ("header-only-locations", "locations.csv:1", "expected at least one location after the header, found none"),
            ("duplicate-ids", "clients.csv:8:1", "expected a unique client id, found \"C0001\" again (first on line 2)"),
            ("unknown-location", "clients.csv:8:11", "expected a location id from locations.csv, found \"L99\""),
            ("zero-seats-everywhere", "fleet.csv:2:3", "expected at least one seat or wheelchair place, found 0 and 0"),
            ("truncated-settings", "settings.json:14:", "found the end of the file"),
            ("settings-nan", "settings.json:1:26", "found 'NaN"),
            ("settings-huge-number", "settings.json:1:27", "found '1e999"),
            ("settings-negative", "settings.json:1:26", "[ride_time.factor]: expected a number from 1 to 10, found -2"),
            ("settings-non-utf8", "settings.json:2", "expected UTF-8 text, found byte 0xFF at byte offset"),
            ("settings-unknown-location", "settings.json:1:50", "expected a location id from locations.csv, found \"L77\""),
        ]
        for c in cases {
            let folder = try instance(overlay: c.overlay)
            let before = try listing(folder)
            let r = try CLIRunner.run(["validate", folder.path])
            XCTAssertEqual(r.status, 2, "\(c.overlay): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(c.place + (c.place.hasSuffix(":") ? "" : ":")) || r.stderr.contains(c.place + " "),
                          "\(c.overlay): expected the place \(c.place) in \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(c.message), "\(c.overlay): expected '\(c.message)' in \(r.stderr)")
            XCTAssertTrue(r.stdout.isEmpty, "\(c.overlay): nothing on stdout, found \(r.stdout)")
            XCTAssertEqual(try listing(folder), before, "\(c.overlay): validate must not write into the instance")
        }
    }

    /// Decided: a client 300 km from the region (or any position outside the Netherlands) is a
    /// warning naming file:line:field, not an error — the client is kept so that planning can put
    /// them on the waiting list with a reason (docs/reliability.md).
    func testClientFarAwayIsAWarningWithItsPlace() throws {
        let r = try CLIRunner.run(["validate", try instance(overlay: "client-300-km-away").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("clients.csv:8:2: warning [lat]: expected a position in the Netherlands"), r.stderr)
    }

    /// Decided: capacity 0 at every location is valid (a full closure is a legitimate scenario) but
    /// every location whose current clients no longer fit is warned about with file:line:field.
    func testZeroCapacityEverywhereWarnsPerLocation() throws {
        let r = try CLIRunner.run(["validate", try instance(overlay: "zero-capacity-everywhere").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("locations.csv:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("warning [capacity]: expected at most 0 current clients per slot"), r.stderr)
    }

    // MARK: - benchmark files (`solve`) and points files (`matrix`)

    func testBenchmarkAndPointsCorpus() throws {
        let solve = { (format: String) in ["solve", "{in}", "--format", format, "--time-limit", "1", "--threads", "1", "--solution-out", "{out}"] }
        let orlib = { (format: String) in ["solve", "{in}", "--format", format, "--time-limit", "1"] }
        let matrix = ["matrix", "--points", "{in}", "--out", "{out}", "--quiet"]
        let cases: [Case] = [
            Case(fixture: "vrplib/truncated.vrp", arguments: solve("vrplib"), place: "truncated.vrp:73:1", message: "expected exactly one depot id in 1…32 in DEPOT_SECTION, found none"),
            Case(fixture: "vrplib/nan-demand.vrp", arguments: solve("vrplib"), place: "nan-demand.vrp:42:3", message: "expected a demand (an integer), found 'nan'"),
            Case(fixture: "vrplib/negative-demand.vrp", arguments: solve("vrplib"), place: "negative-demand.vrp:42:3", message: "expected a non-negative demand, found -19"),
            Case(fixture: "vrplib/huge-demand.vrp", arguments: solve("vrplib"), place: "huge-demand.vrp:42:3", message: "found '99999999999999999999999'"),
            Case(fixture: "vrplib/zero-capacity.vrp", arguments: solve("vrplib"), place: "zero-capacity.vrp:6:1", message: "expected CAPACITY to be a positive integer, found '0'"),
            Case(fixture: "vrplib/unknown-depot.vrp", arguments: solve("vrplib"), place: "unknown-depot.vrp:74:", message: "expected a depot id in 1…32 (DIMENSION), found 99"),
            Case(fixture: "vrplib/duplicate-node.vrp", arguments: solve("vrplib"), place: "duplicate-node.vrp:10:", message: "found node 2 again"),
            Case(fixture: "vrplib/non-utf8.vrp", arguments: solve("vrplib"), place: "non-utf8.vrp:1", message: "expected UTF-8 text, found byte 0xE9 at byte offset 7"),
            Case(fixture: "vrplib/empty.vrp", arguments: solve("vrplib"), place: "empty.vrp:", message: "expected a 'TYPE :' header line, found none"),
            Case(fixture: "vrplib/header-only.vrp", arguments: solve("vrplib"), place: "header-only.vrp:", message: "expected coordinates of node 1 in NODE_COORD_SECTION"),
            Case(fixture: "solomon/truncated.txt", arguments: solve("solomon"), place: "truncated.txt:28:4", message: "expected 7 fields (id x y demand ready due service), found 4"),
            Case(fixture: "solomon/time-window-nan.txt", arguments: solve("solomon"), place: "time-window-nan.txt:11:", message: "found 'nan'"),
            Case(fixture: "cordeau/truncated.txt", arguments: solve("cordeau"), place: "truncated.txt:25:2", message: "expected 7 fields (id x y service load tw_start tw_end), found 2"),
            Case(fixture: "orlib-gap/truncated.txt", arguments: orlib("orlib-gap"), place: "truncated.txt:", message: "found end of file"),
            Case(fixture: "orlib-gap/negative-capacity.txt", arguments: orlib("orlib-gap"), place: "negative-capacity.txt:7:2", message: "found '-5'"),
            Case(fixture: "orlib-cap/truncated.txt", arguments: orlib("orlib-cap"), place: "truncated.txt:32:138", message: "found end of file"),
            // Crashes found by Scripts/fuzz.sh (the input without its selector byte).
            Case(fixture: "fuzz/orlib-gap-huge-integer.txt", arguments: orlib("orlib-gap"), place: "orlib-gap-huge-integer.txt:21:35", message: "found '205555555555555555555555555555555555555555555'"),
            Case(fixture: "fuzz/vrplib-huge-coordinate.vrp", arguments: solve("vrplib"), place: "vrplib-huge-coordinate.vrp:29:5", message: "expected an x coordinate of at most 1000000000 in magnitude"),
            Case(fixture: "points/header-only.csv", arguments: matrix, place: "header-only.csv:1", message: "expected at least one point after the header, found none"),
            Case(fixture: "points/duplicate-ids.csv", arguments: matrix, place: "duplicate-ids.csv:3:1", message: "expected a unique id, found A again (first on line 2)"),
            Case(fixture: "points/delimiter-mix.csv", arguments: matrix, place: "delimiter-mix.csv:3:2", message: "found a missing field (the row has 1 fields)"),
            Case(fixture: "points/nan.csv", arguments: matrix, place: "nan.csv:3:2", message: "found \"nan\""),
            Case(fixture: "points/huge-number.csv", arguments: matrix, place: "huge-number.csv:3:2", message: "found \"1e999\""),
            Case(fixture: "points/truncated.csv", arguments: matrix, place: "truncated.csv:3:3", message: "found a missing field (the row has 2 fields)"),
            Case(fixture: "points/empty.csv", arguments: matrix, place: "empty.csv:", message: "expected a header line, found an empty file"),
            Case(fixture: "points/non-utf8.csv", arguments: matrix, place: "non-utf8.csv:3", message: "expected UTF-8 text, found byte 0xFF at byte offset"),
        ]
        for c in cases { try check(c, input: Self.corpus.appendingPathComponent(c.fixture)) }
    }

    // MARK: - OpenStreetMap PBF (`graph export`, `matrix --road`): cut and patched from the real extract

    static var amsterdam: URL { CLIRunner.sharedInstances.appendingPathComponent("osm/amsterdam.osm.pbf") }

    func testPBFTruncatedAtSeveralOffsets() throws {
        let whole = try Data(contentsOf: Self.amsterdam)
        // Inside the first length prefix, the first header, the first blob, a later blob, the last bytes.
        let expectations: [(Int, String)] = [(3, "byte 0"), (10, "byte 0"), (100, "byte 0"), (5000, "byte 131"), (whole.count - 7, "byte ")]
        for (cut, place) in expectations {
            let file = try temporaryFolder().appendingPathComponent("cut-\(cut).osm.pbf")
            try whole.prefix(cut).write(to: file)
            try check(Case(fixture: file.lastPathComponent, arguments: ["graph", "export", "--road", "{in}", "--out", "{out}", "--quiet"],
                           place: "cut-\(cut).osm.pbf:\(place)", message: "truncated file"), input: file)
        }
        let points = try temporaryFolder().appendingPathComponent("points.csv")
        try "id,lat,lon\nA,52.37,4.89\nB,52.36,4.90\n".write(to: points, atomically: true, encoding: .utf8)
        let file = try temporaryFolder().appendingPathComponent("cut.osm.pbf")
        try whole.prefix(5000).write(to: file)
        try check(Case(fixture: "cut.osm.pbf", arguments: ["matrix", "--points", points.path, "--road", "{in}", "--out", "{out}", "--quiet"],
                       place: "cut.osm.pbf:byte 131", message: "truncated file"), input: file)
    }

    /// The first data blob's `zlib_data` (field 3) is re-tagged as `zstd_data` (field 7, which
    /// dagroute does not decode) and as field 15 (no compression the format knows): the error names
    /// the blob's byte offset and what was found.
    func testPBFWithUnknownCompression() throws {
        let original = [UInt8](try Data(contentsOf: Self.amsterdam))
        // [4-byte big-endian BlobHeader length][BlobHeader][Blob]; returns where the Blob starts and its size.
        func blob(at: Int) -> (start: Int, size: Int) {
            let headerLength = Int(original[at]) << 24 | Int(original[at + 1]) << 16 | Int(original[at + 2]) << 8 | Int(original[at + 3])
            let header = Array(original[(at + 4)..<(at + 4 + headerLength)])
            // BlobHeader field 3 (datasize, varint) is its last field.
            var k = header.lastIndex(of: 0x18)! + 1, size = 0, shift = 0
            while true { size |= Int(header[k] & 0x7F) << shift; if header[k] < 0x80 { break }; k += 1; shift += 7 }
            return (at + 4 + headerLength, size)
        }
        let osmHeader = blob(at: 0)
        let secondAt = osmHeader.start + osmHeader.size
        // Blob: field 2 raw_size (0x10, varint), then field 3 zlib_data (0x1A).
        var k = blob(at: secondAt).start
        XCTAssertEqual(original[k], 0x10, "expected raw_size first in the blob")
        k += 1
        while original[k] >= 0x80 { k += 1 }
        k += 1
        XCTAssertEqual(original[k], 0x1A, "expected zlib_data after raw_size")
        for (tag, expected) in [(UInt8(0x3A), "zstd-compressed blobs are not supported"), (UInt8(0x7A), "the blob holds no data (neither raw nor zlib)")] {
            var bytes = original
            bytes[k] = tag
            let file = try temporaryFolder().appendingPathComponent("tag-\(tag).osm.pbf")
            try Data(bytes).write(to: file)
            try check(Case(fixture: file.lastPathComponent, arguments: ["graph", "export", "--road", "{in}", "--out", "{out}", "--quiet"],
                           place: "tag-\(tag).osm.pbf:byte \(secondAt)", message: expected), input: file)
        }
    }

    // MARK: - helpers

    /// Runs one case with an empty output folder and checks exit code, place, message and that the
    /// folder stays empty.
    @discardableResult
    func check(_ c: Case, input: URL) throws -> CLIResult {
        let out = try temporaryFolder().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let outFile = out.appendingPathComponent(c.arguments.contains("graph") ? "graph" : "result")
        let arguments = c.arguments.map { $0 == "{in}" ? input.path : $0 == "{out}" ? outFile.path : $0 }
        let r = try CLIRunner.run(arguments)
        XCTAssertEqual(r.status, 2, "\(c.fixture): expected exit code 2; stderr: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains(c.place), "\(c.fixture): expected the place '\(c.place)' in: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains(c.message), "\(c.fixture): expected '\(c.message)' in: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("error"), "\(c.fixture): \(r.stderr)")
        XCTAssertEqual(try listing(out), [], "\(c.fixture): the output folder must stay empty")
        return r
    }

    /// A fresh copy of `instance-base` with the overlay's files laid over it.
    func instance(overlay: String) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent(overlay)
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent("instance-base"), to: folder)
        let overlayFolder = Self.corpus.appendingPathComponent("instance/\(overlay)")
        for name in try FileManager.default.contentsOfDirectory(atPath: overlayFolder.path) {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: overlayFolder.appendingPathComponent(name), to: target)
        }
        return folder
    }

    func listing(_ folder: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
