import Foundation
import XCTest

/// Runs the built `dagroute` binary as a subprocess, as a user would.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLIRunner {
    /// The folder holding the built products (`.build/debug` or similar).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// The repository root (for `Instances/`) and the shared benchmark folder beside it.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedInstances = repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/instances")

    /// Runs the built `dagroute` with `arguments`.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> CLIResult {
        try run(executable: productsDirectory.appendingPathComponent("dagroute"), arguments, in: directory)
    }

    /// Runs any `executable` (e.g. `unshare` or `strace` wrapping dagroute), collecting both streams.
    static func run(executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}
