import Foundation

/// `../shared/instances` (beside the repository root) and its `known_values.csv`, for the test
/// targets that check solvers against published values (one copy for all of them).
public enum SharedInstances {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/instances")

    public struct Row: Sendable {
        public var family: String
        public var instance: String
        public var value: Double
        /// `optimal`, `bks` or `unverified` (see the instances README).
        public var kind: String
    }

    /// Rows of known_values.csv; `instance` cut at the first blank (`gap1#1 (c515-1)` → `gap1#1`).
    public static let knownValues: [Row] = {
        let text = (try? String(contentsOf: root.appendingPathComponent("known_values.csv"), encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let f = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5, let v = Double(f[3]) else { return nil }
            return Row(family: f[0], instance: String(f[1].split(separator: " ")[0]), value: v, kind: f[4])
        }
    }()

    /// The known value of an instance (`family` and `instance` as in the CSV), nil if absent.
    public static func value(_ family: String, _ instance: String) -> Double? {
        knownValues.first { $0.family == family && $0.instance == instance }?.value
    }
}
