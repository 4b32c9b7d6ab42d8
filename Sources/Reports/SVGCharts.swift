import DagrouteCore
import Foundation

/// Small inline-SVG charts of the report: horizontal bar charts and a grouped histogram. Sizes
/// are fixed pixels in a `viewBox`, so the charts scale for print.
enum SVGCharts {
    /// A horizontal bar per item (label left, value text right of the bar). Values ≥ 0 are drawn
    /// to scale; `valueText` gives each bar's printed value.
    static func bars(_ items: [(label: String, value: Double, valueText: String)]) -> String {
        let width = 640.0, labelWidth = 170.0, valueWidth = 110.0, row = 24.0, top = 6.0
        let height = top * 2 + row * Double(items.count)
        let maxValue = max(items.map(\.value).max() ?? 0, 1e-9)
        let span = width - labelWidth - valueWidth
        let f = Markup.coordinate
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\">\n"
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * row
            let w = max(0, item.value) / maxValue * span
            out += "<text class=\"label\" x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 16))\" text-anchor=\"end\">\(Markup.escape(item.label))</text>"
            out += "<rect class=\"bar\" x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(w))\" height=\"\(f(row - 8))\" fill=\"\(SVGMap.colour(i))\"/>"
            out += "<text class=\"value\" x=\"\(f(labelWidth + w + 6))\" y=\"\(f(y + 16))\">\(Markup.escape(item.valueText))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// The bin width (whole minutes, a multiple of 5) that shows `maxMinutes` in at most 16 bins.
    static func binMinutes(maxMinutes: Double) -> Int {
        var bin = 5
        while Double(bin) * 16 < maxMinutes { bin += 5 }
        return bin
    }

    /// Counts per bin `[k·bin, (k+1)·bin)` minutes for each series; all series share the bins.
    static func binCounts(_ series: [ReportModel.RideTimes], bin: Int) -> [[Int]] {
        let maxSeconds = max(0, series.flatMap(\.samples).map(\.value).max() ?? 0)
        let bins = maxSeconds / (bin * 60) + 1
        return series.map { s in
            var counts = [Int](repeating: 0, count: bins)
            for t in s.samples { counts[max(0, t.value) / (bin * 60)] += 1 }
            return counts
        }
    }

    /// A histogram of ride times in minutes: per bin one bar per series side by side, a count axis
    /// and a legend when there is more than one series.
    static func histogram(_ series: [ReportModel.RideTimes]) -> String {
        let maxMinutes = Double(max(0, series.flatMap(\.samples).map(\.value).max() ?? 0)) / 60
        let bin = binMinutes(maxMinutes: maxMinutes)
        let counts = binCounts(series, bin: bin)
        let bins = counts.first?.count ?? 0
        let width = 640.0, height = 260.0, left = 44.0, bottom = 34.0, top = 10.0 + (series.count > 1 ? 18 : 0)
        let plotW = width - left - 10, plotH = height - bottom - top
        let maxCount = max(counts.flatMap { $0 }.max() ?? 0, 1)
        let slot = plotW / Double(max(bins, 1)), barW = slot * 0.85 / Double(max(series.count, 1))
        let f = Markup.coordinate
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\">\n"
        // Count axis with about four ticks of a round step.
        let raw = Double(maxCount) / 4, magnitude = pow(10, floor(log10(raw)))
        let step = max(1, Int(([1.0, 2, 5, 10].first { $0 * magnitude >= raw } ?? 10) * magnitude))
        var tick = 0
        while tick <= maxCount {
            let y = top + plotH - Double(tick) / Double(maxCount) * plotH
            out += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - 10))\" y2=\"\(f(y))\"/><text class=\"axis\" x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(tick)</text>\n"
            tick += step
        }
        for (s, row) in counts.enumerated() {
            for (k, n) in row.enumerated() where n > 0 {
                let h = Double(n) / Double(maxCount) * plotH
                let x = left + Double(k) * slot + slot * 0.075 + Double(s) * barW
                out += "<rect x=\"\(f(x))\" y=\"\(f(top + plotH - h))\" width=\"\(f(barW))\" height=\"\(f(h))\" fill=\"\(SVGMap.colour(s))\"><title>\(Markup.escape("\(series[s].name): \(n) in \(k * bin)–\((k + 1) * bin) min"))</title></rect>\n"
            }
        }
        let labelEvery = max(1, bins / 8)
        for k in stride(from: 0, through: bins, by: labelEvery) {
            out += "<text class=\"axis\" x=\"\(f(left + Double(k) * slot))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"middle\">\(k * bin)</text>\n"
        }
        out += "<text class=\"axis\" x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 4))\" text-anchor=\"middle\">minutes</text>\n"
        if series.count > 1 {
            for (s, item) in series.enumerated() {
                let x = left + Double(s) * 150
                out += "<rect x=\"\(f(x))\" y=\"2\" width=\"10\" height=\"10\" fill=\"\(SVGMap.colour(s))\"/><text class=\"axis\" x=\"\(f(x + 14))\" y=\"11\">\(Markup.escape(item.name))</text>\n"
            }
        }
        return out + "</svg>\n"
    }
}
