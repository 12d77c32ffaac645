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

    /// The name as pages show it: for a code of the tracker's codebook, its name there, worded from the
    /// catalogues; a name a file words otherwise is shown as the file words it.
    public var message: Message {
        let codebook: Message? =
            switch code {
            case "C1": Message("measure-category.c1", "School closing")
            case "C2": Message("measure-category.c2", "Workplace closing")
            case "C3": Message("measure-category.c3", "Cancel public events")
            case "C4": Message("measure-category.c4", "Restrictions on gatherings")
            case "C5": Message("measure-category.c5", "Close public transport")
            case "C6": Message("measure-category.c6", "Stay at home requirements")
            case "C7": Message("measure-category.c7", "Restrictions on internal movement")
            case "C8": Message("measure-category.c8", "International travel controls")
            case "E1": Message("measure-category.e1", "Income support")
            case "E2": Message("measure-category.e2", "Debt/contract relief")
            case "E3": Message("measure-category.e3", "Fiscal measures")
            case "E4": Message("measure-category.e4", "International support")
            case "H1": Message("measure-category.h1", "Public information campaigns")
            case "H2": Message("measure-category.h2", "Testing policy")
            case "H3": Message("measure-category.h3", "Contact tracing")
            case "H4": Message("measure-category.h4", "Emergency investment in healthcare")
            case "H5": Message("measure-category.h5", "Investment in vaccines")
            case "H6": Message("measure-category.h6", "Facial Coverings")
            case "H7": Message("measure-category.h7", "Vaccination policy")
            case "H8": Message("measure-category.h8", "Protection of elderly people")
            case "M1": Message("measure-category.m1", "Wildcard")
            default: nil
            }
        guard let codebook, codebook.english == name else { return .name(name) }
        return codebook
    }

    /// "Containment and closure", "Economic response" or "Health systems".
    public var group: Message {
        switch code.first {
        case "C": Message("measure-group.containment", "Containment and closure")
        case "E": Message("measure-group.economic", "Economic response")
        case "H": Message("measure-group.health", "Health systems")
        default: Message("measure-group.other", "Other")
        }
    }
}
