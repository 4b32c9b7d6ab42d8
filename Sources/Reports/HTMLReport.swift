import DagrouteCore

/// The report as ONE self-contained HTML file: inline CSS (with print rules), inline SVG (map,
/// bar charts, histogram) and a small inline script that only switches which route group the
/// map shows. It references no external URL of any kind (no links, fonts, tiles or images), so
/// it works offline and leaks nothing when opened.
///
/// The markup is well-formed XML (every element closed, attributes quoted, text escaped, the
/// script in a commented CDATA section), so it can be checked with any XML parser. Sections
/// without data (no scenarios, no routes, no ride times) are left out.
public enum HTMLReport {
    /// The complete document.
    public static func render(_ model: ReportModel) -> String {
        var body = "<header>\n<h1>\(Markup.escape(model.title))</h1>\n"
        if !model.subtitle.isEmpty { body += "<p class=\"sub\">\(Markup.escape(model.subtitle))</p>\n" }
        body += "<p class=\"privacy\">" + (model.isAnonymised
            ? "Pseudonymised: client ids are salted hashes and homes are snapped to a 100 m grid."
            : "Contains client ids and home positions: share only within the organisation (use --anonymise for a pseudonymised copy).")
            + "</p>\n</header>\n"
        body += mapSection(model)
        if !model.scenarios.isEmpty {
            body += section("savings", "Scenarios", tableHTML(SavingsTable.table(model.scenarios)))
            let cost = model.scenarios.map { ($0.name, $0.costPerYear.euros, NumberFormat.wholeEuros($0.costPerYear)) }
            let hours = model.scenarios.map {
                ($0.name, Double($0.vehicleTimePerWeek.value) / 3600, NumberFormat.decimal(Double($0.vehicleTimePerWeek.value) / 3600, digits: 1) + " h")
            }
            body += section("charts", "Cost and vehicle hours",
                            "<h3>Cost per year</h3>\n" + SVGCharts.bars(cost.map { (label: $0.0, value: $0.1, valueText: $0.2) })
                            + "<h3>Vehicle hours per week</h3>\n" + SVGCharts.bars(hours.map { (label: $0.0, value: $0.1, valueText: $0.2) }))
        }
        if model.rideTimes.contains(where: { !$0.samples.isEmpty }) {
            body += section("ride-times", model.rideTimeTitle, SVGCharts.histogram(model.rideTimes))
        }
        for (i, t) in model.tables.enumerated() { body += section("table-\(i + 1)", t.title, tableHTML(t, caption: false)) }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(Markup.escape(model.title))</title>
        <style>
        \(css)</style>
        </head>
        <body>
        \(body)<script>
        /*<![CDATA[*/
        \(script)/*]]>*/
        </script>
        </body>
        </html>

        """
    }

    static func section(_ id: String, _ title: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(Markup.escape(title))</h2>\n\(content)</section>\n"
    }

    static func mapSection(_ model: ReportModel) -> String {
        let map = SVGMap(model: model)
        var content = ""
        let groups = map.routeGroups
        if !groups.isEmpty {
            content += "<p class=\"pick\"><label for=\"route-pick\">Routes: </label><select id=\"route-pick\">\n"
            content += "<option value=\"*\">all</option>\n"
            for g in groups { content += "<option value=\"\(Markup.escape(g))\">\(Markup.escape(g))</option>\n" }
            content += "</select> <span class=\"noprint\">(without scripts every route is drawn)</span></p>\n"
            content += "<p class=\"note\">Routes shown: <span id=\"route-shown\">all</span></p>\n"
        }
        content += "<div class=\"mapbox\">\n" + map.svg + "</div>\n"
        if !model.locations.isEmpty {
            var clientsAt: [String: Int] = [:]
            for c in model.clients { if let l = c.location { clientsAt[l, default: 0] += 1 } }
            content += "<ul class=\"legend\">\n"
            for (i, l) in model.locations.enumerated() {
                content += "<li><svg width=\"12\" height=\"12\" viewBox=\"0 0 12 12\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"\(SVGMap.colour(i))\"/></svg> "
                    + "<b>\(Markup.escape(l.id))</b> \(Markup.escape(l.name)) (\(l.capacity) places, \(clientsAt[l.id] ?? 0) clients)</li>\n"
            }
            content += "</ul>\n"
        }
        content += "<p class=\"note\">Dots: clients' homes coloured by their location; rings: locations, area by capacity"
            + (groups.isEmpty ? "" : "; lines: vehicle routes in stop order (straight lines, not the roads driven)") + ".</p>\n"
        return section("map", "Map", content)
    }

    /// A table as HTML: numbers right-aligned, total rows bold, the note below.
    static func tableHTML(_ t: ReportTable, caption: Bool = true) -> String {
        var out = "<div class=\"tablebox\">\n<table>\n"
        if caption { out += "<caption>\(Markup.escape(t.title))</caption>\n" }
        out += "<thead><tr>" + t.columns.map { "<th\($0.alignment == .right ? " class=\"num\"" : "")>\(Markup.escape($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (i, row) in t.rows.enumerated() {
            out += "<tr\(t.totalRows.contains(i) ? " class=\"total\"" : "")>"
            for (k, cell) in row.enumerated() {
                out += "<td\(t.columns[k].alignment == .right ? " class=\"num\"" : "")>\(Markup.escape(cell))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        if !t.note.isEmpty { out += "<p class=\"note\">\(Markup.escape(t.note))</p>\n" }
        return out
    }

    static let css = """
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #222; margin: 1.5em auto; max-width: 1000px; padding: 0 1em; line-height: 1.35; }
    h1 { font-size: 1.6em; margin-bottom: 0.2em; }
    h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
    h3 { font-size: 1em; margin: 0.8em 0 0.2em; }
    .sub { color: #555; margin-top: 0; }
    .privacy, .note { color: #666; font-size: 0.85em; }
    table { border-collapse: collapse; font-size: 0.85em; margin: 0.4em 0; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
    .tablebox { overflow-x: auto; }
    th, td { padding: 0.2em 0.45em; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
    th { background: #f3f3f3; text-align: left; }
    td:first-child { white-space: nowrap; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.total td { font-weight: 600; border-top: 2px solid #999; }
    svg { max-width: 100%; height: auto; }
    svg.map { border: 1px solid #ccc; }
    .map-bg { fill: #f7f9fb; }
    .map text { font-size: 10px; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    .map polyline { fill: none; stroke-width: 2; stroke-opacity: 0.85; }
    .scale line { stroke: #222; stroke-width: 2; }
    .chart text { font-size: 11px; fill: #222; }
    .chart .grid { stroke: #e3e3e3; }
    .legend { columns: 3; font-size: 0.8em; list-style: none; padding: 0; }
    .legend li { break-inside: avoid; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      .tablebox { overflow: visible; }
      table { font-size: 8pt; }
      .pick, .noprint { display: none; }
      section { break-inside: avoid; }
      #map { break-inside: auto; }
      h2 { break-after: avoid; }
    }

    """

    /// Shows only the route group chosen in the selector (all when `*`). Written without `<` and
    /// `&` so the markup stays well-formed even outside the CDATA section.
    static let script = """
    (function () {
      var pick = document.getElementById('route-pick');
      if (!pick) { return; }
      function show() {
        var groups = document.querySelectorAll('g.routes');
        for (var i = 0; i !== groups.length; i += 1) {
          var g = groups[i];
          g.style.display = (pick.value === '*' || g.getAttribute('data-group') === pick.value) ? '' : 'none';
        }
        document.getElementById('route-shown').textContent = pick.value === '*' ? 'all' : pick.value;
      }
      if (pick.options.length > 1) { pick.selectedIndex = 1; }
      pick.addEventListener('change', show);
      show();
    })();

    """
}
