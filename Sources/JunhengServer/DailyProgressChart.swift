import Foundation
import JunhengCollection
import JunhengReports

/// Responses received a day (China Standard Time), as an inline SVG bar chart with the running total as a
/// line: drawn on the server, no script.
struct DailyProgressChart {
    /// (day `2024-05-20`, responses that day), in order, every day from the first to the last.
    var days: [(day: String, count: Int)]

    init(_ responses: [CollectedResponse]) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        var counts: [Date: Int] = [:]
        for response in responses { counts[calendar.startOfDay(for: response.submittedAt), default: 0] += 1 }
        guard let first = counts.keys.min(), let last = counts.keys.max() else {
            days = []
            return
        }
        var result: [(String, Int)] = []
        var day = first
        while day <= last {
            let c = calendar.dateComponents([.year, .month, .day], from: day)
            result.append((String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0), counts[day] ?? 0))
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        days = result
    }

    /// The chart, `label` naming it for screen readers.
    func svg(label: String) -> String {
        guard !days.isEmpty else { return "" }
        let width = 640.0
        let height = 180.0
        let left = 40.0
        let bottom = 24.0
        let plotHeight = height - bottom - 10
        let most = Double(max(1, days.map(\.count).max() ?? 1))
        let total = Double(max(1, days.reduce(0) { $0 + $1.count }))
        let step = (width - left - 10) / Double(days.count)
        var bars = ""
        var line: [String] = []
        var running = 0
        for (index, day) in days.enumerated() {
            let x = left + Double(index) * step
            let h = Double(day.count) / most * plotHeight
            bars += String(
                format:
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1f6feb\"><title>%@ %d</title></rect>",
                x + step * 0.1, height - bottom - h, step * 0.8, h, day.day, day.count)
            running += day.count
            line.append(
                String(format: "%.1f,%.1f", x + step / 2, height - bottom - Double(running) / total * plotHeight))
        }
        let firstDay = HTMLEscaping.escape(days.first!.day)
        let lastDay = HTMLEscaping.escape(days.last!.day)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" width="100%" role="img" \
            aria-label="\(HTMLEscaping.escape(label))" class="daily">\
            <line x1="\(left)" y1="\(height - bottom)" x2="\(width - 10)" y2="\(height - bottom)" stroke="#999"/>\
            \(bars)<polyline points="\(line.joined(separator: " "))" fill="none" stroke="#c0392b" stroke-width="2"/>\
            <text x="\(left - 4)" y="\(height - bottom - plotHeight + 10)" font-size="11" text-anchor="end">\(Int(most))</text>\
            <text x="\(left)" y="\(height - 6)" font-size="11">\(firstDay)</text>\
            <text x="\(width - 10)" y="\(height - 6)" font-size="11" text-anchor="end">\(lastDay)</text></svg>
            """
    }
}
