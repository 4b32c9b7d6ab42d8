import DagrouteCore
import Instance

/// The scenarios `compare` runs, in order: the three built-in ones, then the planner's variants
/// from `settings.json`.
///
/// - `status-quo`: every client stays at the current location; each provider drives the clients
///   of its own locations with its own fleet (`fleet.csv` rows of that provider).
/// - `pooled`: same locations; one regional fleet (every row of `fleet.csv`) drives everyone.
/// - `reassigned-pooled`: clients re-assigned by the assignment model (continuity penalty from
///   `costs.moved_client_eur`, provider choice respected), then pooled routes.
public enum ScenarioCatalog {
    public static let statusQuo = ScenarioSpec(name: "status-quo", description: "current locations, each provider drives its own clients",
                                               transport: .perProvider, reassign: false)
    public static let pooled = ScenarioSpec(name: "pooled", description: "current locations, one regional fleet",
                                            transport: .pooled, reassign: false)
    public static let reassignedPooled = ScenarioSpec(name: "reassigned-pooled",
                                                      description: "clients re-assigned with a continuity penalty, one regional fleet",
                                                      transport: .pooled, reassign: true)
    public static let builtIn = [statusQuo, pooled, reassignedPooled]

    /// Built-in scenarios followed by those of `settings`. A settings scenario named like a
    /// built-in one replaces it in place.
    public static func all(_ settings: Settings) -> [ScenarioSpec] {
        let own = Dictionary(settings.scenarios.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return builtIn.map { own[$0.name] ?? $0 } + settings.scenarios.filter { s in !builtIn.contains { $0.name == s.name } }
    }

    /// The scenario called `name` (default `status-quo` when nil).
    /// - Throws: `DagrouteError.input` naming `--scenario` and listing the known names.
    public static func named(_ name: String?, in settings: Settings) throws -> ScenarioSpec {
        let all = all(settings)
        guard let name else { return all[0] }
        if let hit = all.first(where: { $0.name == name }) { return hit }
        throw DagrouteError.input(file: "<command line>", field: "--scenario",
                                  "expected one of \(all.map(\.name).joined(separator: ", ")), found \"\(name)\"")
    }
}
