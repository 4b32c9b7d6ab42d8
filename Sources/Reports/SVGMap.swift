import DagrouteCore
import Foundation

/// The report's map as inline SVG, drawn from coordinates alone (no tiles): an equirectangular
/// projection with longitudes scaled by cos(mean latitude), so distances look right in a region.
/// Clients are dots coloured by their location, locations are rings sized by capacity and
/// labelled, routes are polylines grouped per `scenario · day · wave` (`<g class="routes"
/// data-group="…">`) so the report's script can show one group; without script all are drawn.
struct SVGMap {
    let model: ReportModel
    let width = 760.0
    let maxHeight = 620.0
    let padding = 24.0

    /// Colour of the location at `index` of the model: golden-angle hues, with the lightness
    /// cycling over three levels so that indices whose hues come close again still differ.
    static func colour(_ index: Int) -> String {
        let hue = (Double(index) * 137.508).truncatingRemainder(dividingBy: 360)
        return "hsl(\(Int(hue)),70%,\([38, 52, 28][index % 3])%)"
    }

    /// The colour of route `index` within its group.
    static func routeColour(_ index: Int) -> String {
        let hue = (Double(index) * 137.508 + 20).truncatingRemainder(dividingBy: 360)
        return "hsl(\(Int(hue)),85%,35%)"
    }

    private struct Projection {
        let minX: Double, maxY: Double, scale: Double, cosLat: Double, padding: Double
        func x(_ p: GeoPoint) -> Double { padding + (p.lon * cosLat - minX) * scale }
        func y(_ p: GeoPoint) -> Double { padding + (maxY - p.lat) * scale }
    }

    private func projection(for points: [GeoPoint]) -> (Projection, height: Double) {
        let lats = points.map(\.lat), lons = points.map(\.lon)
        let midLat = ((lats.min() ?? 0) + (lats.max() ?? 0)) / 2
        let cosLat = cos(midLat * Double.pi / 180)
        let xs = lons.map { $0 * cosLat }
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 0, minY = lats.min() ?? 0, maxY = lats.max() ?? 0
        let spanX = max(maxX - minX, 1e-4), spanY = max(maxY - minY, 1e-4)
        let scale = min((width - 2 * padding) / spanX, (maxHeight - 2 * padding) / spanY)
        return (Projection(minX: minX, maxY: maxY, scale: scale, cosLat: cosLat, padding: padding),
                spanY * scale + 2 * padding)
    }

    /// The route groups in first-appearance order.
    var routeGroups: [String] {
        var seen: Set<String> = [], order: [String] = []
        for r in model.routes where seen.insert(r.group).inserted { order.append(r.group) }
        return order
    }

    /// The `<svg>` element.
    var svg: String {
        let points = model.clients.map(\.position) + model.locations.map(\.position)
            + model.routes.flatMap { $0.stops.map(\.position) }
        // The frame comes from valid positions only; an invalid one cannot distort the map.
        let framed = points.filter { $0.lat.isFinite && $0.lon.isFinite }
        guard !framed.isEmpty else { return "<p>No positions to draw.</p>" }
        let (proj, height) = projection(for: framed)
        let f = Markup.coordinate
        var out = "<svg class=\"map\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"Map of clients, locations and routes\">\n"
        out += "<rect class=\"map-bg\" x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\"/>\n"

        var colourOf: [String: String] = [:]
        for (i, l) in model.locations.enumerated() { colourOf[l.id] = SVGMap.colour(i) }

        out += "<g class=\"clients\">\n"
        for c in model.clients {
            let colour = c.location.flatMap { colourOf[$0] } ?? "#888888"
            let label = Markup.escape(c.id + (c.location.map { " → " + $0 } ?? " (no location)"))
            out += "<circle cx=\"\(f(proj.x(c.position)))\" cy=\"\(f(proj.y(c.position)))\" r=\"2.6\" fill=\"\(colour)\"><title>\(label)</title></circle>\n"
        }
        out += "</g>\n"

        for group in routeGroups {
            out += "<g class=\"routes\" data-group=\"\(Markup.escape(group))\">\n"
            for (k, r) in model.routes.filter({ $0.group == group }).enumerated() where r.stops.count > 1 {
                let path = r.stops.map { "\(f(proj.x($0.position))),\(f(proj.y($0.position)))" }.joined(separator: " ")
                let first = r.stops.first!.time, last = r.stops.last!.time
                let label = Markup.escape("\(r.vehicle): \(r.stops.count) stops, \(GeoJSONWriter.clock(first))–\(GeoJSONWriter.clock(last))")
                out += "<polyline points=\"\(path)\" stroke=\"\(SVGMap.routeColour(k))\"><title>\(label)</title></polyline>\n"
            }
            out += "</g>\n"
        }

        out += "<g class=\"locations\">\n"
        for (i, l) in model.locations.enumerated() {
            let r = 4 + 1.1 * Double(max(0, l.capacity)).squareRoot()
            let x = proj.x(l.position), y = proj.y(l.position)
            out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"\(SVGMap.colour(i))\" fill-opacity=\"0.25\" stroke=\"\(SVGMap.colour(i))\" stroke-width=\"2\"><title>\(Markup.escape("\(l.id) \(l.name), \(l.capacity) places per day part"))</title></circle>\n"
            out += "<text x=\"\(f(x + r + 2))\" y=\"\(f(y + 4))\">\(Markup.escape(l.id))</text>\n"
        }
        out += "</g>\n"
        out += scaleBar(proj, height: height)
        out += "</svg>\n"
        return out
    }

    /// A scale bar of a round number of kilometres, about a fifth of the map's width.
    private func scaleBar(_ proj: Projection, height: Double) -> String {
        let metresPerPixel = GeoPoint.earthRadiusMetres * Double.pi / 180 / proj.scale
        let target = metresPerPixel * width / 5
        let nice = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500].map { $0 * 1000 }
        let metres = nice.last { $0 <= target } ?? nice[0]
        let length = metres / metresPerPixel
        let f = Markup.coordinate
        let x0 = padding, y0 = height - 10
        let km = metres >= 1000 ? "\(Int(metres / 1000)) km" : "\(Int(metres)) m"
        return "<g class=\"scale\"><line x1=\"\(f(x0))\" y1=\"\(f(y0))\" x2=\"\(f(x0 + length))\" y2=\"\(f(y0))\"/>"
            + "<text x=\"\(f(x0 + length + 6))\" y=\"\(f(y0 + 4))\">\(km)</text></g>\n"
    }
}
