import DagrouteCore
import Foundation
import Instance

/// Reads an instance folder for the planning commands (`analyze`, `assign`, `routes`, `compare`)
/// with clients, locations and fleet rows sorted by id, so that results do not depend on the row
/// order of the files: a spreadsheet re-sorted before export plans the same. Output files list
/// clients in id order too. `validate` reads the files as they are (it reports by line).
enum InstanceInIDOrder {
    /// The instance in id order and the reader's warnings (with the files' line numbers).
    static func read(_ folder: URL) throws -> (instance: Instance, warnings: [Diagnostic]) {
        let loaded = try InstanceReader.read(folder: folder)
        let sorted = try Instance(clients: loaded.clients.sorted { $0.id < $1.id },
                                  locations: loaded.locations.sorted { $0.id < $1.id },
                                  fleet: loaded.fleet.sorted { $0.id < $1.id }, settings: loaded.settings)
        return (sorted, loaded.warnings)
    }
}
