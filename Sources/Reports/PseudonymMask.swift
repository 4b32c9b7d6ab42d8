import Scenario

extension ScenarioWriters.ClientMask {
    /// The `--anonymise` mask of the route sheets, GeoJSON and assignment files: client ids become
    /// `ClientPseudonym.hash(id, salt:)` and homes `GridSnap.snap(home)` — the same mapping as
    /// `ReportModel.anonymised(salt:)`, so with one salt per run every file of the run names a
    /// client by the same pseudonym and the files still join on it.
    public static func pseudonyms(salt: ClientPseudonym.Salt) -> Self {
        Self(id: { ClientPseudonym.hash($0, salt: salt) }, home: { GridSnap.snap($0) })
    }
}
