/// A decision variable of a `Model`: its 0-based position in the model's column list.
///
/// Only meaningful for the model that created it (and copies of that model).
public struct Variable: Hashable, Sendable, Comparable {
    /// 0-based column index.
    public let index: Int
    init(index: Int) { self.index = index }
    public static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
}

/// A constraint (row) of a `Model`: its 0-based position in the model's row list.
public struct Constraint: Hashable, Sendable {
    /// 0-based row index.
    public let index: Int
    init(index: Int) { self.index = index }
}

/// The domain of a variable.
public enum VariableKind: Sendable, Equatable {
    /// Real-valued between its bounds.
    case continuous
    /// Integer-valued between its (integral or infinite) bounds.
    case integer
    /// 0 or 1.
    case binary
}

/// Optimisation direction of the objective.
public enum Sense: Sendable, Equatable {
    case minimize, maximize
}
