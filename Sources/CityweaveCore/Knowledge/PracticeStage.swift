/// How far a practice has come where it was recorded.
public enum PracticeStage: String, CaseIterable, Codable, Sendable {
    case idea, pilot, implemented, evaluated

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A rough yearly cost, so that a city can tell at a glance whether a
/// practice is within its means (US dollars or the equivalent).
public enum BudgetBand: String, CaseIterable, Codable, Sendable {
    case under10k = "under_10k"
    case from10kTo100k = "10k_100k"
    case from100kTo1m = "100k_1m"
    case over1m = "over_1m"

    public var label: String {
        switch self {
        case .under10k: "Under 10,000 a year"
        case .from10kTo100k: "10,000 to 100,000 a year"
        case .from100kTo1m: "100,000 to 1 million a year"
        case .over1m: "Over 1 million a year"
        }
    }
}

/// Where a city stands in adapting another city's practice, after the
/// understand-adapt-re-use path of transfer networks.
public enum TransferStage: String, CaseIterable, Codable, Sendable {
    case exploring, adapting, piloting, implemented, evaluated, abandoned

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// A transfer moves forward, possibly skipping stages (a city may go
    /// from adapting straight to implementing), and may be abandoned at any
    /// point before it ends; an evaluated or abandoned transfer is finished.
    public func mayMove(to next: TransferStage) -> Bool {
        switch (self, next) {
        case (.evaluated, _), (.abandoned, _): false
        case (_, .abandoned): true
        default: Self.allCases.firstIndex(of: next)! > Self.allCases.firstIndex(of: self)!
        }
    }

    /// A transfer that got this far has a result the original can cite.
    public var hasResult: Bool { self == .implemented || self == .evaluated }
}
