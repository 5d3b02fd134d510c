public import JunhengCore

/// A chart in the neutral report model; the HTML renderer draws it as inline SVG.
public struct ReportChart: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Horizontal bars, one per item, optionally with a 95 % interval each and a reference line.
        case bars
        /// One line per series across ordered categories (e.g. years).
        case lines
    }

    public struct Point: Sendable, Hashable {
        public var label: LocalizedText
        public var value: Double
        /// A 95 % interval around `value`, drawn as whiskers.
        public var interval: ClosedRange<Double>?
        /// Drawn in the failing colour.
        public var fails: Bool
        /// The bar the value is judged against: near it, its label gets the digits the verdict needs.
        public var threshold: ReportThreshold?

        public init(
            label: LocalizedText, value: Double, interval: ClosedRange<Double>? = nil, fails: Bool = false,
            threshold: ReportThreshold? = nil
        ) {
            self.label = label
            self.value = value
            self.interval = interval
            self.fails = fails
            self.threshold = threshold
        }

        /// The value as its label writes it in `format`: widened near its threshold.
        public func text(_ format: ReportNumberFormat) -> String {
            NumberText.format(value, format, threshold: threshold, fails: threshold == nil ? nil : fails)
        }
    }

    public struct Series: Sendable, Hashable {
        public var name: LocalizedText
        public var points: [Point]

        public init(name: LocalizedText, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// A horizontal reference line (the 85 % bar, a CV threshold).
    public struct Reference: Sendable, Hashable {
        public var label: LocalizedText
        public var value: Double

        public init(label: LocalizedText, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var id: String
    public var title: LocalizedText
    public var kind: Kind
    public var series: [Series]
    public var references: [Reference]
    /// How values are written on the axis and labels.
    public var format: ReportNumberFormat

    public init(
        id: String, title: LocalizedText, kind: Kind, series: [Series], references: [Reference] = [],
        format: ReportNumberFormat = .decimal(2)
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.series = series
        self.references = references
        self.format = format
    }
}
