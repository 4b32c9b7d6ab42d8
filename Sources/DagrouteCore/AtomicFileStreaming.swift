import Foundation

extension AtomicFile {
    /// Writes a large output atomically without holding it in memory: `produce` receives a sink
    /// that appends bytes to a temporary file beside `url`, which is renamed over `url` when
    /// `produce` returns. On any error the temporary file is removed and `url` is left untouched.
    /// `url` must not name an existing non-regular file (a device such as /dev/null, a folder).
    public static func write(to url: URL, _ produce: (_ sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        var status = stat()
        if stat(url.path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            throw DagrouteError.input(file: url.path, "expected a regular file to write, found a device, folder or other special file")
        }
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create \(tmp.path)"])
            }
            let handle = try FileHandle(forWritingTo: tmp)
            do {
                try produce { bytes in try handle.write(contentsOf: bytes) }
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
}
