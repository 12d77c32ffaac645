/// A kind of government response to COVID-19 as the Oxford COVID-19
/// Government Response Tracker (OxCGRT) codes it: "C1" school closing,
/// "E1" income support, "H2" testing policy, and so on.
public struct MeasureCategory: Sendable, Hashable, Codable {
    /// "C1"
    public var code: String
    /// "School closing"
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The practice theme a measure belongs to, so that a measure links to
    /// practices on the same subject.
    public var theme: Theme {
        switch code {
        case "C1": .education
        case "C2", "E1", "E2", "E3", "E4": .economy
        case "C5", "C7", "C8": .mobility
        case "M1": .governance
        default: .health
        }
    }

    /// Fiscal measures, international support and investments are amounts
    /// of money announced on a day, not ordinal scores that hold until changed.
    public var isAmount: Bool { ["E3", "E4", "H4", "H5"].contains(code) }

    /// "Containment and closure", "Economic response" or "Health systems".
    public var group: String {
        switch code.first {
        case "C": "Containment and closure"
        case "E": "Economic response"
        case "H": "Health systems"
        default: "Other"
        }
    }
}
