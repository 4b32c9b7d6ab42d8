import Foundation

/// Output files are written whole or not at all: into a temporary file beside the target, then
/// renamed over it. A failure leaves any previous file at `url` untouched.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating the parent folder when missing.
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            do {
                try data.write(to: tmp)
                // rename(2) replaces the target atomically within one file system.
                guard rename(tmp.path, url.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
                }
            } catch {
                try? FileManager.default.removeItem(at: tmp)
                throw error
            }
        } catch {
            throw DagrouteError.internal("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Writes the chunks that `body` passes to its `emit` argument to `url` atomically, without
    /// holding the whole content in memory. An error thrown by `body` leaves `url` untouched and
    /// removes the temporary file.
    public static func write(to url: URL, _ body: (_ emit: (Data) throws -> Void) throws -> Void) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create \(tmp.path)"])
            }
            let handle = try FileHandle(forWritingTo: tmp)
            do {
                try body { try handle.write(contentsOf: $0) }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            guard rename(tmp.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch let error as DagrouteError {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw DagrouteError.internal("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// Writes UTF-8 `text` to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
