/// How far a practice has come where it was recorded.
public enum PracticeStage: String, CaseIterable, Codable, Sendable {
    case idea, pilot, implemented, evaluated

    /// The stage as pages show it, worded from the catalogues.
    public var message: Message {
        switch self {
        case .idea: Message("practice-stage.idea", "Idea")
        case .pilot: Message("practice-stage.pilot", "Pilot")
        case .implemented: Message("practice-stage.implemented", "Implemented")
        case .evaluated: Message("practice-stage.evaluated", "Evaluated")
        }
    }
}

/// A rough yearly cost, so that a city can tell at a glance whether a
/// practice is within its means (US dollars or the equivalent).
public enum BudgetBand: String, CaseIterable, Codable, Sendable {
    case under10k = "under_10k"
    case from10kTo100k = "10k_100k"
    case from100kTo1m = "100k_1m"
    case over1m = "over_1m"

    /// The band as pages show it, worded from the catalogues.
    public var message: Message {
        switch self {
        case .under10k: Message("budget-band.under-10k", "Under 10,000 a year")
        case .from10kTo100k: Message("budget-band.10k-100k", "10,000 to 100,000 a year")
        case .from100kTo1m: Message("budget-band.100k-1m", "100,000 to 1 million a year")
        case .over1m: Message("budget-band.over-1m", "Over 1 million a year")
        }
    }
}

/// Where a city stands in adapting another city's practice, after the
/// understand-adapt-re-use path of transfer networks.
public enum TransferStage: String, CaseIterable, Codable, Sendable {
    case exploring, adapting, piloting, implemented, evaluated, abandoned

    /// The stage as pages show it, worded from the catalogues.
    public var message: Message {
        switch self {
        case .exploring: Message("transfer-stage.exploring", "Exploring")
        case .adapting: Message("transfer-stage.adapting", "Adapting")
        case .piloting: Message("transfer-stage.piloting", "Piloting")
        case .implemented: Message("transfer-stage.implemented", "Implemented")
        case .evaluated: Message("transfer-stage.evaluated", "Evaluated")
        case .abandoned: Message("transfer-stage.abandoned", "Abandoned")
        }
    }

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
