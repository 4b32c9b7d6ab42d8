import CZlib
import DagrouteCore
import Foundation

/// The parts of an OpenStreetMap `.osm.pbf` file a car graph needs: every node's position and the
/// ways a car may drive (`CarProfile`), in file order.
///
/// The decoder is written against the OSM PBF specification (https://wiki.openstreetmap.org/wiki/PBF_Format):
/// a sequence of (4-byte big-endian length, `BlobHeader`, `Blob`); blobs are raw or zlib-compressed
/// (`lzma`, `bzip2`, `lz4` and `zstd` blobs are rejected with an error saying so); `OSMHeader` blobs
/// may require only the features `OsmSchema-V0.6` and `DenseNodes`; `OSMData` blobs hold primitive
/// blocks with plain or dense nodes and ways (relations are skipped). Blobs are decoded in parallel
/// and merged in file order. Any malformed, truncated or unsupported content is an input error
/// naming the byte offset of the blob concerned, never a crash.
public struct OSMExtract: Sendable {
    /// OSM node ids, ascending (sorted while reading when the file is not).
    public var nodeIds: [Int64]
    /// Node latitudes in degrees, parallel to `nodeIds`.
    public var latitudes: [Double]
    /// Node longitudes in degrees, parallel to `nodeIds`.
    public var longitudes: [Double]
    /// The drivable ways: their node references and how a car may use them.
    public var ways: [Way]

    /// One drivable way.
    public struct Way: Sendable {
        public var id: Int64
        public var refs: [Int64]
        public var use: CarProfile.WayUse
    }

    /// The largest uncompressed blob the format allows (32 MiB) and the largest header (64 KiB).
    static let maxBlobBytes = 32 << 20, maxHeaderBytes = 64 << 10

    /// Reads `url` (named `displayName` in diagnostics) decoding blobs on up to `threads` threads.
    public static func read(_ url: URL, displayName: String? = nil, threads: Int = 1,
                            progress: DagrouteCore.Progress = .silent) throws -> OSMExtract {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DagrouteError.input(file: name, "expected a readable OpenStreetMap .osm.pbf file, found none")
        }
        return try decode(data, file: name, threads: threads, progress: progress)
    }

    /// Decodes the bytes of a `.osm.pbf` file (see `read`).
    public static func decode(_ data: Data, file: String, threads: Int = 1,
                              progress: DagrouteCore.Progress = .silent) throws -> OSMExtract {
        let bytes = [UInt8](data)
        let blobs = try scanBlobs(bytes, file: file)
        guard !blobs.isEmpty else {
            throw DagrouteError.input(file: file, "expected an OpenStreetMap PBF file, found an empty file")
        }
        guard blobs[0].type == "OSMHeader" else {
            throw DagrouteError.input([Diagnostic(file: file, byteOffset: blobs[0].offset,
                message: "expected the first blob to be OSMHeader, found \(blobs[0].type)")])
        }
        var results = [Result<Block, any Error>?](repeating: nil, count: blobs.count)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let out = slots
            bytes.withUnsafeBufferPointer { all in
                nonisolated(unsafe) let input = all
                ParallelBlocks.run(count: blobs.count, blockSize: 1, threads: threads) { _, range in
                    for k in range {
                        let blob = blobs[k]
                        out[k] = Result { try decodeBlob(UnsafeBufferPointer(rebasing: input[blob.payload]), type: blob.type) }
                    }
                }
            }
        }
        var extract = OSMExtract(nodeIds: [], latitudes: [], longitudes: [], ways: [])
        for (k, result) in results.enumerated() {
            switch result! {
            case .failure(let error):
                let message = (error as? ProtobufError)?.message ?? "\(error)"
                throw DagrouteError.input([Diagnostic(file: file, byteOffset: blobs[k].offset,
                    message: "corrupt OpenStreetMap PBF blob \(k + 1) (\(blobs[k].type)): \(message)")])
            case .success(let block):
                extract.nodeIds += block.nodeIds
                extract.latitudes += block.latitudes
                extract.longitudes += block.longitudes
                extract.ways += block.ways
            }
        }
        extract.sortNodes()
        progress.say("read \(file): \(blobs.count) blobs, \(extract.nodeIds.count) nodes, \(extract.ways.count) drivable ways")
        return extract
    }

    /// The index of node `id` in the node arrays, or nil.
    public func nodeIndex(_ id: Int64) -> Int? {
        var lo = 0, hi = nodeIds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if nodeIds[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < nodeIds.count && nodeIds[lo] == id ? lo : nil
    }

    private mutating func sortNodes() {
        if zip(nodeIds, nodeIds.dropFirst()).allSatisfy({ $0 < $1 }) { return }
        let order = nodeIds.indices.sorted { nodeIds[$0] < nodeIds[$1] }
        nodeIds = order.map { nodeIds[$0] }
        latitudes = order.map { latitudes[$0] }
        longitudes = order.map { longitudes[$0] }
    }

    // MARK: - File framing

    struct BlobLocation: Sendable {
        var type: String
        var offset: Int
        var payload: Range<Int>
    }

    static func scanBlobs(_ bytes: [UInt8], file: String) throws -> [BlobLocation] {
        var blobs: [BlobLocation] = []
        var at = 0
        func fail(_ offset: Int, _ message: String) -> DagrouteError {
            .input([Diagnostic(file: file, byteOffset: offset, message: message)])
        }
        while at < bytes.count {
            guard bytes.count - at >= 4 else {
                throw fail(at, "expected a 4-byte blob header length, found \(bytes.count - at) bytes (truncated file)")
            }
            let headerLength = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            guard headerLength > 0, headerLength <= maxHeaderBytes else {
                throw fail(at, "expected a blob header length of 1 to \(maxHeaderBytes) bytes, found \(headerLength) (not an OSM PBF file, or corrupt)")
            }
            let headerStart = at + 4
            guard bytes.count - headerStart >= headerLength else {
                throw fail(at, "expected a blob header of \(headerLength) bytes, found \(bytes.count - headerStart) (truncated file)")
            }
            var type: String?, size: Int?
            do {
                try bytes.withUnsafeBufferPointer { all in
                    var r = ProtobufReader(UnsafeBufferPointer(rebasing: all[headerStart..<(headerStart + headerLength)]))
                    while !r.atEnd {
                        let (field, wire) = try r.tag()
                        switch (field, wire) {
                        case (1, 2): type = try r.string()
                        case (3, 0): size = Int(truncatingIfNeeded: try r.varint())
                        default: try r.skip(wire: wire)
                        }
                    }
                }
            } catch let error as ProtobufError {
                throw fail(at, "corrupt blob header: \(error.message)")
            }
            guard let type else { throw fail(at, "expected a blob type in the blob header, found none") }
            guard type == "OSMHeader" || type == "OSMData" else {
                throw fail(at, "expected blob type OSMHeader or OSMData, found unknown blob type \"\(type)\"")
            }
            guard let size, size >= 0, size <= maxBlobBytes else {
                throw fail(at, "expected a blob size of 0 to \(maxBlobBytes) bytes, found \(size.map(String.init) ?? "none")")
            }
            let payloadStart = headerStart + headerLength
            guard bytes.count - payloadStart >= size else {
                throw fail(at, "expected a blob of \(size) bytes, found \(bytes.count - payloadStart) (truncated file)")
            }
            blobs.append(BlobLocation(type: type, offset: at, payload: payloadStart..<(payloadStart + size)))
            at = payloadStart + size
        }
        return blobs
    }

    // MARK: - Blobs and blocks

    struct Block: Sendable {
        var nodeIds: [Int64] = []
        var latitudes: [Double] = []
        var longitudes: [Double] = []
        var ways: [Way] = []
    }

    static let supportedFeatures: Set<String> = ["OsmSchema-V0.6", "DenseNodes"]

    static func decodeBlob(_ payload: UnsafeBufferPointer<UInt8>, type: String) throws -> Block {
        var r = ProtobufReader(payload)
        var raw: UnsafeBufferPointer<UInt8>?, zlib: UnsafeBufferPointer<UInt8>?, rawSize: Int?
        while !r.atEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, 2): raw = try r.bytes()
            case (2, 0): rawSize = Int(truncatingIfNeeded: try r.varint())
            case (3, 2): zlib = try r.bytes()
            case (4, 2): throw ProtobufError("lzma-compressed blobs are not supported (re-encode with zlib, e.g. osmium cat -f pbf,pbf_compression=zlib)")
            case (5, 2): throw ProtobufError("bzip2-compressed blobs are not supported (re-encode with zlib)")
            case (6, 2): throw ProtobufError("lz4-compressed blobs are not supported (re-encode with zlib)")
            case (7, 2): throw ProtobufError("zstd-compressed blobs are not supported (re-encode with zlib, e.g. osmium cat -f pbf,pbf_compression=zlib)")
            default: try r.skip(wire: wire)
            }
        }
        if let raw { return try decodeBlock(raw, type: type) }
        guard let zlib else { throw ProtobufError("the blob holds no data (neither raw nor zlib)") }
        guard let rawSize, rawSize > 0, rawSize <= maxBlobBytes else {
            throw ProtobufError("expected an uncompressed size of 1 to \(maxBlobBytes) bytes, found \(rawSize.map(String.init) ?? "none")")
        }
        var inflated = [UInt8](repeating: 0, count: rawSize)
        var length = uLongf(rawSize)
        let status = inflated.withUnsafeMutableBufferPointer { out in
            uncompress(out.baseAddress, &length, zlib.baseAddress, uLong(zlib.count))
        }
        guard status == Z_OK else { throw ProtobufError("zlib data does not inflate (zlib status \(status))") }
        guard Int(length) == rawSize else { throw ProtobufError("expected \(rawSize) inflated bytes, found \(length)") }
        return try inflated.withUnsafeBufferPointer { try decodeBlock($0, type: type) }
    }

    static func decodeBlock(_ bytes: UnsafeBufferPointer<UInt8>, type: String) throws -> Block {
        var r = ProtobufReader(bytes)
        if type == "OSMHeader" {
            while !r.atEnd {
                let (field, wire) = try r.tag()
                if field == 4, wire == 2 {
                    let feature = try r.string()
                    guard supportedFeatures.contains(feature) else {
                        throw ProtobufError("the file requires the unsupported feature \"\(feature)\"")
                    }
                } else { try r.skip(wire: wire) }
            }
            return Block()
        }
        var strings: [String] = []
        var groups: [ProtobufReader] = []
        var granularity: Int64 = 100, latOffset: Int64 = 0, lonOffset: Int64 = 0
        while !r.atEnd {
            let (field, wire) = try r.tag()
            switch (field, wire) {
            case (1, 2):
                var table = try r.message()
                while !table.atEnd {
                    let (f, w) = try table.tag()
                    if f == 1, w == 2 { strings.append(try table.string()) } else { try table.skip(wire: w) }
                }
            case (2, 2): groups.append(try r.message())
            case (17, 0): granularity = Int64(truncatingIfNeeded: try r.varint())
            case (19, 0): latOffset = Int64(bitPattern: try r.varint())
            case (20, 0): lonOffset = Int64(bitPattern: try r.varint())
            default: try r.skip(wire: wire)
            }
        }
        guard granularity > 0 else { throw ProtobufError("expected a positive granularity, found \(granularity)") }
        let relevant = strings.map { CarProfile.relevantKeys.contains($0) }
        var block = Block()
        func addNode(_ id: Int64, _ lat: Int64, _ lon: Int64) throws {
            let latitude = 1e-9 * Double(latOffset &+ granularity &* lat), longitude = 1e-9 * Double(lonOffset &+ granularity &* lon)
            guard abs(latitude) <= 90, abs(longitude) <= 180 else {
                throw ProtobufError("node \(id) lies at (\(latitude), \(longitude)), outside WGS84")
            }
            block.nodeIds.append(id); block.latitudes.append(latitude); block.longitudes.append(longitude)
        }
        for var group in groups {
            while !group.atEnd {
                let (field, wire) = try group.tag()
                switch (field, wire) {
                case (1, 2):
                    var node = try group.message()
                    var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
                    while !node.atEnd {
                        let (f, w) = try node.tag()
                        switch (f, w) {
                        case (1, 0): id = ProtobufReader.zigzag(try node.varint())
                        case (8, 0): lat = ProtobufReader.zigzag(try node.varint())
                        case (9, 0): lon = ProtobufReader.zigzag(try node.varint())
                        default: try node.skip(wire: w)
                        }
                    }
                    try addNode(id, lat, lon)
                case (2, 2):
                    var dense = try group.message()
                    var ids: [Int64] = [], lats: [Int64] = [], lons: [Int64] = []
                    while !dense.atEnd {
                        let (f, w) = try dense.tag()
                        switch f {
                        case 1: var last: Int64 = 0; try dense.packedVarints(wire: w) { last &+= ProtobufReader.zigzag($0); ids.append(last) }
                        case 8: var last: Int64 = 0; try dense.packedVarints(wire: w) { last &+= ProtobufReader.zigzag($0); lats.append(last) }
                        case 9: var last: Int64 = 0; try dense.packedVarints(wire: w) { last &+= ProtobufReader.zigzag($0); lons.append(last) }
                        default: try dense.skip(wire: w)
                        }
                    }
                    guard ids.count == lats.count, ids.count == lons.count else {
                        throw ProtobufError("dense nodes hold \(ids.count) ids but \(lats.count) latitudes and \(lons.count) longitudes")
                    }
                    for k in ids.indices { try addNode(ids[k], lats[k], lons[k]) }
                case (3, 2):
                    var way = try group.message()
                    var id: Int64 = 0
                    var keys: [Int] = [], values: [Int] = [], refs: [Int64] = []
                    while !way.atEnd {
                        let (f, w) = try way.tag()
                        switch f {
                        case 1 where w == 0: id = Int64(bitPattern: try way.varint())
                        case 2: try way.packedVarints(wire: w) { keys.append(Int(truncatingIfNeeded: $0)) }
                        case 3: try way.packedVarints(wire: w) { values.append(Int(truncatingIfNeeded: $0)) }
                        case 8: var last: Int64 = 0; try way.packedVarints(wire: w) { last &+= ProtobufReader.zigzag($0); refs.append(last) }
                        default: try way.skip(wire: w)
                        }
                    }
                    guard keys.count == values.count else {
                        throw ProtobufError("way \(id) has \(keys.count) tag keys but \(values.count) values")
                    }
                    var tags: [String: String] = [:]
                    for (k, v) in zip(keys, values) {
                        guard k >= 0, k < strings.count, v >= 0, v < strings.count else {
                            throw ProtobufError("way \(id) refers to string \(max(k, v)) of a table of \(strings.count)")
                        }
                        if relevant[k] { tags[strings[k]] = strings[v] }
                    }
                    if refs.count >= 2, let use = CarProfile.use(tags) {
                        block.ways.append(Way(id: id, refs: refs, use: use))
                    }
                default: try group.skip(wire: wire)
                }
            }
        }
        return block
    }
}
