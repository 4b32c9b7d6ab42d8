import DagrouteCore

/// The savings table of a scenario comparison: one row per scenario with yearly cost, the saving
/// against the baseline (the first scenario) in euros and percent, and the operational figures.
/// Used by the HTML report and, as text, by `compare`.
public enum SavingsTable {
    /// The table; empty when there are no scenarios. A positive saving means cheaper than the
    /// baseline. The percentage is `-` when the baseline costs nothing.
    public static func table(_ scenarios: [ReportModel.ScenarioKPIs]) -> ReportTable {
        var t = ReportTable(title: "Savings against \(scenarios.first?.name ?? "the baseline")", columns: [
            .text("scenario"), .number("cost / year"), .number("saving / year"), .number("saving"),
            .number("cost / day"), .number("vehicle h / week"), .number("km / week"), .number("peak vehicles"),
            .number("mean ride min"), .number("max ride min"), .number("moved"), .number("unplaced"),
        ], note: "Costs in euros; a positive saving is cheaper than the first row. Per week: five working days.")
        guard let base = scenarios.first else { return t }
        for s in scenarios {
            let saving = base.costPerYear - s.costPerYear
            let share = base.costPerYear.value == 0 ? Double.nan : Double(saving.value) / Double(base.costPerYear.value)
            t.add([s.name, NumberFormat.wholeEuros(s.costPerYear), NumberFormat.wholeEuros(saving), NumberFormat.percent(share),
                   NumberFormat.euros(s.costPerDay), NumberFormat.decimal(Double(s.vehicleTimePerWeek.value) / 3600, digits: 1),
                   NumberFormat.decimal(Double(s.distancePerWeek.value) / 1000, digits: 0), NumberFormat.integer(s.peakVehicles),
                   NumberFormat.minutes(s.meanRide), NumberFormat.minutes(s.maxRide),
                   NumberFormat.integer(s.clientsMoved), NumberFormat.integer(s.clientsUnplaced)])
        }
        return t
    }
}
