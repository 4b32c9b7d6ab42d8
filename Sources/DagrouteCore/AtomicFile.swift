import Foundation

/// Output files are written whole or not at all: into a temporary file beside the target, then
/// renamed over it. A failure leaves any previous file at the target untouched and no temporary
/// file behind.
///
/// A target that already exists and is not a regular file — a device such as `/dev/null` or
/// `/dev/stdout`, or a pipe — is written to directly (renaming over it would replace the device).
/// A folder is an input error.
public enum AtomicFile {
    /// Throws an input error when `url` names a folder; call before long work to fail fast.
    public static func checkWritable(_ url: URL) throws {
        if kind(of: url) == S_IFDIR {
            throw DagrouteError.input(file: url.path, "expected a file to write, found a folder")
        }
    }

    /// Writes `data` to `url` atomically, creating the parent folder when missing.
    public static func write(_ data: Data, to url: URL) throws {
        try write(to: url) { sink in try data.withUnsafeBytes { try sink($0) } }
    }

    /// Writes UTF-8 `text` to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes a large output without holding it in memory: `produce` receives a sink that appends
    /// bytes to a temporary file beside `url`, renamed over `url` when `produce` returns.
    public static func write(to url: URL, _ produce: (_ sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try checkWritable(url)
        if let existing = kind(of: url), existing != S_IFREG {
            try writeDirectly(to: url, produce)
            return
        }
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try writeDirectly(to: tmp, create: true, produce)
            // rename(2) replaces the target atomically within one file system.
            guard rename(tmp.path, url.path) == 0 else { throw posixError() }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw wrap(error, url)
        }
    }

    private static func writeDirectly(to url: URL, create: Bool = false,
                                      _ produce: (_ sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        if create, !FileManager.default.createFile(atPath: url.path, contents: nil) { throw posixError() }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try produce { bytes in try handle.write(contentsOf: bytes) }
        } catch {
            throw wrap(error, url)
        }
    }

    private static func kind(of url: URL) -> mode_t? {
        var status = stat()
        return stat(url.path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    private static func posixError() -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }

    private static func wrap(_ error: Error, _ url: URL) -> Error {
        if error is DagrouteError { return error }
        return DagrouteError.internal("cannot write \(url.path): \(error.localizedDescription)")
    }
}
