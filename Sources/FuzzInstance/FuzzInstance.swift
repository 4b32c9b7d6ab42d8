import DagrouteCore
import Foundation
import Instance

// libFuzzer entry for the instance reader (`clients.csv`, `locations.csv`, `fleet.csv`,
// `settings.json`, `postcodes.csv`). Built only by `Scripts/fuzz.sh FuzzInstance SECONDS`.
//
// The first input byte picks the file (byte mod 5, in the order above); the remaining bytes replace
// that file in a small valid generated instance, which is then read with `InstanceReader.read`.
// Accepted outcomes: a valid instance, or `DagrouteError.input` with at least one error diagnostic
// naming a file. Anything else — a crash, a sanitizer report, another error kind — is a finding.

/// The valid base instance, written once per process into a private temporary folder.
private let baseFolder: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dagroute-fuzz-instance-\(getpid())")
    do { try InstanceWriter.write(try RegionGenerator(clients: 8, seed: 1).generate(), to: folder) }
    catch { fatalError("cannot write the base instance: \(error)") }
    return folder
}()

private let baseFiles: [String: Data] = Dictionary(uniqueKeysWithValues: InstanceFiles.all.map {
    ($0, FileManager.default.contents(atPath: baseFolder.appendingPathComponent($0).path) ?? Data())
})

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInstance(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let names = InstanceFiles.all + [InstanceFiles.postcodes]
    let name = names[Int(bytes[0]) % names.count]
    let target = baseFolder.appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: target.path, contents: Data(bytes: bytes + 1, count: size - 1))
    defer {
        if let original = baseFiles[name] { FileManager.default.createFile(atPath: target.path, contents: original) }
        else { try? FileManager.default.removeItem(at: target) }
    }
    do {
        _ = try InstanceReader.read(folder: baseFolder)
    } catch DagrouteError.input(let diagnostics) {
        guard diagnostics.contains(where: { $0.severity == .error }), diagnostics.allSatisfy({ !$0.file.isEmpty }) else {
            fatalError("input error without a located error diagnostic: \(diagnostics)")
        }
    } catch {
        fatalError("\(name): expected a valid instance or an input error, found \(error)")
    }
    return 0
}
