/// A linear or mixed-integer program as a plain, validated Swift value.
///
/// Build it with `addVariable` and `addConstraint`; every argument is checked when added (finite
/// coefficients, `lower <= upper`, known and distinct variables per row, integral bounds for
/// integer variables), so a model that exists can always be handed to GLPK without aborting the
/// process. Solving (`solveLP`, `solveMIP`) builds a fresh GLPK problem on the calling thread and
/// frees it before returning, so a `Model` is `Sendable` and separate models may be solved on
/// separate threads at the same time.
public struct Model: Sendable {
    /// GLPK refuses names longer than this many bytes.
    public static let maximumNameLength = 255

    public var name: String
    /// Direction of the objective.
    public var sense: Sense
    /// Constant term added to the objective.
    public private(set) var objectiveConstant: Double = 0

    // Columns.
    private(set) var kinds: [VariableKind] = []
    private(set) var lowerBounds: [Double] = []
    private(set) var upperBounds: [Double] = []
    private(set) var objective: [Double] = []
    private(set) var variableNames: [String?] = []

    // Rows, stored as compressed sparse rows.
    private(set) var rowStart: [Int] = [0]
    private(set) var entryColumn: [Int32] = []
    private(set) var entryValue: [Double] = []
    private(set) var rowLower: [Double] = []
    private(set) var rowUpper: [Double] = []
    private(set) var constraintNames: [String?] = []

    public init(name: String = "model", sense: Sense = .minimize) {
        self.name = name
        self.sense = sense
    }

    /// Number of variables (columns).
    public var variableCount: Int { kinds.count }
    /// Number of constraints (rows).
    public var constraintCount: Int { rowLower.count }
    /// Number of nonzero constraint coefficients.
    public var nonzeroCount: Int { entryValue.count }
    /// Adds a variable.
    /// - Parameters:
    ///   - lower: lower bound, `-.infinity` for none; ignored for binaries (always 0).
    ///   - upper: upper bound, `.infinity` for none; ignored for binaries (always 1).
    ///   - objective: objective coefficient (finite).
    /// - Throws: `GLPKError.invalidArgument` for NaN, `lower > upper`, `lower == +inf`,
    ///   `upper == -inf`, a non-finite objective, non-integral finite bounds of an integer
    ///   variable, or a bad name.
    @discardableResult
    public mutating func addVariable(_ kind: VariableKind = .continuous, lower: Double = 0, upper: Double = .infinity,
                                     objective: Double = 0, name: String? = nil) throws -> Variable {
        let what = "variable \(name ?? "#\(variableCount)")"
        var lo = lower, up = upper
        if kind == .binary { lo = 0; up = 1 }
        try Model.checkBounds(lo, up, what)
        if kind == .integer {
            if lo.isFinite && lo != lo.rounded() { throw GLPKError.invalidArgument("\(what): integer variable needs an integral lower bound, found \(lo)") }
            if up.isFinite && up != up.rounded() { throw GLPKError.invalidArgument("\(what): integer variable needs an integral upper bound, found \(up)") }
        }
        guard objective.isFinite else { throw GLPKError.invalidArgument("\(what): expected a finite objective coefficient, found \(objective)") }
        try Model.checkName(name, what)
        kinds.append(kind); lowerBounds.append(lo); upperBounds.append(up)
        self.objective.append(objective); variableNames.append(name)
        return Variable(index: kinds.count - 1)
    }

    /// Changes a variable's objective coefficient (finite).
    public mutating func setObjective(_ v: Variable, _ coefficient: Double) throws {
        try checkVariable(v, "objective")
        guard coefficient.isFinite else { throw GLPKError.invalidArgument("expected a finite objective coefficient for variable #\(v.index), found \(coefficient)") }
        objective[v.index] = coefficient
    }

    /// Sets the constant term of the objective (finite).
    public mutating func setObjectiveConstant(_ c: Double) throws {
        guard c.isFinite else { throw GLPKError.invalidArgument("expected a finite objective constant, found \(c)") }
        objectiveConstant = c
    }

    /// Adds the constraint `lower <= Σ coefficient × variable <= upper`.
    ///
    /// Use `-.infinity` / `.infinity` for a missing side and `lower == upper` for an equality.
    /// Zero coefficients are dropped.
    /// - Throws: `GLPKError.invalidArgument` for an unknown or repeated variable, a non-finite
    ///   coefficient, NaN bounds, `lower > upper`, or a bad name.
    @discardableResult
    public mutating func addConstraint(_ terms: [(Variable, Double)], lower: Double = -.infinity, upper: Double = .infinity,
                                       name: String? = nil) throws -> Constraint {
        let what = "constraint \(name ?? "#\(constraintCount)")"
        try Model.checkBounds(lower, upper, what)
        try Model.checkName(name, what)
        try Model.checkTerms(terms, columns: variableCount, what)
        for (v, a) in terms where a != 0 {
            entryColumn.append(Int32(v.index)); entryValue.append(a)
        }
        rowStart.append(entryValue.count)
        rowLower.append(lower); rowUpper.append(upper); constraintNames.append(name)
        return Constraint(index: constraintCount - 1)
    }

    /// The objective value of a point (one value per variable), including the constant.
    public func objectiveValue(_ x: [Double]) -> Double {
        var s = objectiveConstant
        for j in 0..<variableCount { s += objective[j] * x[j] }
        return s
    }

    /// The first constraint or bound a point violates by more than `tolerance`, described in words;
    /// nil when the point is feasible (integrality included).
    public func violation(of x: [Double], tolerance: Double = 1e-6) -> String? {
        guard x.count == variableCount else { return "expected \(variableCount) values, found \(x.count)" }
        for j in 0..<variableCount {
            let v = x[j]
            guard v.isFinite else { return "variable #\(j) has value \(v)" }
            if v < lowerBounds[j] - tolerance || v > upperBounds[j] + tolerance {
                return "variable #\(j) = \(v) is outside [\(lowerBounds[j]), \(upperBounds[j])]"
            }
            if kinds[j] != .continuous && abs(v - v.rounded()) > tolerance { return "integer variable #\(j) = \(v) is fractional" }
        }
        for i in 0..<constraintCount {
            var s = 0.0
            for k in rowStart[i]..<rowStart[i + 1] { s += entryValue[k] * x[Int(entryColumn[k])] }
            let scale = tolerance * max(1, abs(s))
            if s < rowLower[i] - scale || s > rowUpper[i] + scale {
                return "constraint \(constraintNames[i] ?? "#\(i)") has activity \(s) outside [\(rowLower[i]), \(rowUpper[i])]"
            }
        }
        return nil
    }

    func checkVariable(_ v: Variable, _ context: String) throws {
        guard v.index >= 0 && v.index < variableCount else {
            throw GLPKError.invalidArgument("\(context): expected a variable of this model (0..<\(variableCount)), found #\(v.index)")
        }
    }

    /// Every variable of `terms` belongs to a model of `columns` variables and appears once; every
    /// coefficient is finite.
    static func checkTerms(_ terms: [(Variable, Double)], columns: Int, _ what: String) throws {
        var seen = Set<Int>(minimumCapacity: terms.count)
        for (v, a) in terms {
            guard v.index >= 0 && v.index < columns else {
                throw GLPKError.invalidArgument("\(what): expected a variable of this model (0..<\(columns)), found #\(v.index)")
            }
            guard a.isFinite else { throw GLPKError.invalidArgument("\(what): expected a finite coefficient for variable #\(v.index), found \(a)") }
            guard seen.insert(v.index).inserted else { throw GLPKError.invalidArgument("\(what): variable #\(v.index) appears twice") }
        }
    }

    static func checkBounds(_ lower: Double, _ upper: Double, _ what: String) throws {
        guard !lower.isNaN, !upper.isNaN else { throw GLPKError.invalidArgument("\(what): expected bounds that are numbers, found NaN") }
        guard lower != .infinity else { throw GLPKError.invalidArgument("\(what): expected a lower bound below +infinity") }
        guard upper != -.infinity else { throw GLPKError.invalidArgument("\(what): expected an upper bound above -infinity") }
        guard lower <= upper else { throw GLPKError.invalidArgument("\(what): expected lower <= upper, found \(lower) > \(upper)") }
    }

    static func checkName(_ name: String?, _ what: String) throws {
        guard let name else { return }
        guard !name.isEmpty, name.utf8.count <= maximumNameLength else {
            throw GLPKError.invalidArgument("\(what): expected a name of 1…\(maximumNameLength) bytes, found \(name.utf8.count) bytes")
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw GLPKError.invalidArgument("\(what): expected a name without control characters")
        }
    }
}
