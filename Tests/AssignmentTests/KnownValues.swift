import Foundation

/// `../shared/instances` (beside the repository root) and its `known_values.csv`.
enum SharedInstances {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/instances")

    struct Row { var family: String; var instance: String; var value: Double; var kind: String }

    /// Rows of known_values.csv; `instance` cut at the first blank (`gap1#1 (c515-1)` → `gap1#1`).
    static let knownValues: [Row] = {
        let text = (try? String(contentsOf: root.appendingPathComponent("known_values.csv"), encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let f = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5, let v = Double(f[3]) else { return nil }
            return Row(family: f[0], instance: String(f[1].split(separator: " ")[0]), value: v, kind: f[4])
        }
    }()

    static func value(_ family: String, _ instance: String) -> Double? {
        knownValues.first { $0.family == family && $0.instance == instance }?.value
    }
}
