import DagrouteCore
@testable import Instance
import XCTest

/// The committed default instance never drifts from the generator, and reads without problems.
final class DefaultInstanceTests: XCTestCase {
    func testRegeneratingWithTheSameSeedGivesByteIdenticalFiles() throws {
        let generated = InstanceWriter.files(try RegionGenerator(clients: 600, seed: 1).generate())
        XCTAssertEqual(generated.map(\.name), InstanceFiles.all)
        for file in generated {
            let committed = try Data(contentsOf: Fixture.defaultInstance.appendingPathComponent(file.name))
            XCTAssertEqual(Data(file.text.utf8), committed, "\(file.name) differs from the generator's output; regenerate with `dagroute generate --force --clients 600 --seed 1 Instances/gooi-en-vechtstreek`")
        }
    }

    func testCommittedInstanceReadsWithoutWarningsAndWritesBackIdentically() throws {
        let i = try InstanceReader.read(folder: Fixture.defaultInstance)
        XCTAssertEqual(i.warnings, [])
        XCTAssertEqual(i.clients.count, 600)
        for file in InstanceWriter.files(i) {
            let committed = try Data(contentsOf: Fixture.defaultInstance.appendingPathComponent(file.name))
            XCTAssertEqual(Data(file.text.utf8), committed, file.name)
        }
    }
}
