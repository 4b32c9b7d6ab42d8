/// Where the rows and values of an instance came from, so that cross-file checks can name the
/// exact line and column. Values built in code have an empty map: diagnostics then name the file,
/// the field and the id instead of a line.
struct SourceMap {
    /// One CSV file: the line of every accepted row (same order as the values) and the 1-based
    /// column of every header name (lower-cased).
    struct Table {
        var file: String
        var lines: [Int] = []
        var columns: [String: Int] = [:]

        func line(_ index: Int) -> Int? { index < lines.count ? lines[index] : nil }
        func column(_ name: String) -> Int? { columns[name] }
    }

    var clients = Table(file: InstanceFiles.clients)
    var locations = Table(file: InstanceFiles.locations)
    var fleet = Table(file: InstanceFiles.fleet)
    /// Positions of scenario references in `settings.json`, by JSON path.
    var settings: JSONPositions = [:]
    /// Ids of location rows rejected by field checks: references to them are not reported again.
    var rejectedLocationIds: Set<String> = []
    /// Providers named on rejected location rows.
    var rejectedProviders: Set<String> = []
    /// False when some location row was rejected, so "no compatible location" cannot be judged.
    var locationsComplete = true
}

/// The file names of an instance folder.
public enum InstanceFiles {
    public static let clients = "clients.csv"
    public static let locations = "locations.csv"
    public static let fleet = "fleet.csv"
    public static let settings = "settings.json"
    /// Optional: a user-supplied postcode table (`postcode`, `lat`, `lon`) for clients given by postcode.
    public static let postcodes = "postcodes.csv"
    /// The four required files, in diagnostic order.
    public static let all = [clients, locations, fleet, settings]
}
