import Foundation

/// Why two cities count as alike; a ranking shows each as its ``message``.
public enum LikenessReason: String, Sendable, Codable, CaseIterable {
    case similarSize = "similar size"
    case sameIncomeGroup = "same income group"
    case sameCountry = "same country"
    case sameSubregion = "same part of the world"
    case sameRegion = "same region"
    case sameGovernance = "same governance form"
    case sameFiscalAutonomy = "same fiscal autonomy"
    case similarOffice = "international office of similar size"
    case sharedLanguage = "a working language in common"

    /// The reason in words, as an item of a list ("similar size, same country").
    public var message: Message {
        switch self {
        case .similarSize: Message("likeness.similar-size", "similar size")
        case .sameIncomeGroup: Message("likeness.same-income-group", "same income group")
        case .sameCountry: Message("likeness.same-country", "same country")
        case .sameSubregion: Message("likeness.same-subregion", "same part of the world")
        case .sameRegion: Message("likeness.same-region", "same region")
        case .sameGovernance: Message("likeness.same-governance", "same governance form")
        case .sameFiscalAutonomy: Message("likeness.same-fiscal-autonomy", "same fiscal autonomy")
        case .similarOffice: Message("likeness.similar-office", "international office of similar size")
        case .sharedLanguage: Message("likeness.shared-language", "a working language in common")
        }
    }
}

/// How alike two cities are: a score from 0 to 1 and the reasons.
public struct CityLikeness: Sendable, Equatable {
    public var score: Double
    public var reasons: [LikenessReason]

    /// How much each context field counts. Size and wealth shape what a
    /// city can afford and what its problems are; place and governance what
    /// it may do; the office and languages how easily it can work with a peer.
    enum Weight {
        static let size = 0.25
        static let income = 0.2
        static let place = 0.15
        static let governance = 0.15
        static let fiscalAutonomy = 0.1
        static let office = 0.1
        static let language = 0.05
    }

    /// Compares two cities on every field both have; fields one of them left
    /// empty count for neither, so a city with a sparse profile is compared
    /// on what is known rather than penalised.
    public static func between(_ a: CityProfile, _ b: CityProfile) -> CityLikeness {
        var total = 0.0
        var weights = 0.0
        var reasons: [LikenessReason] = []
        func add(_ weight: Double, _ value: Double, _ reason: LikenessReason?, threshold: Double = 1) {
            total += weight * value
            weights += weight
            if let reason, value >= threshold { reasons.append(reason) }
        }

        if a.population > 0, b.population > 0 {
            // Equal within a factor of two counts as similar; ten times larger counts as nothing alike.
            let orders = abs(log10(Double(a.population)) - log10(Double(b.population)))
            add(Weight.size, max(0, 1 - orders), .similarSize, threshold: 1 - log10(2.0))
        }
        if let ia = CityProfile.incomeGroups.firstIndex(of: a.incomeGroup),
            let ib = CityProfile.incomeGroups.firstIndex(of: b.incomeGroup)
        {
            add(Weight.income, [1, 0.5, 0, 0][abs(ia - ib)], .sameIncomeGroup)
        }
        if a.countryCode == b.countryCode {
            add(Weight.place, 1, .sameCountry)
        } else if !a.subregion.isEmpty, a.subregion == b.subregion {
            add(Weight.place, 0.8, .sameSubregion, threshold: 0.8)
        } else if !a.region.isEmpty, a.region == b.region {
            add(Weight.place, 0.5, .sameRegion, threshold: 0.5)
        } else {
            add(Weight.place, 0, nil)
        }
        if let ga = a.formOfGovernment, let gb = b.formOfGovernment {
            add(Weight.governance, ga == gb ? 1 : 0, .sameGovernance)
        }
        if let fa = a.fiscalAutonomy.flatMap(CityProfile.fiscalAutonomyLevels.firstIndex),
            let fb = b.fiscalAutonomy.flatMap(CityProfile.fiscalAutonomyLevels.firstIndex)
        {
            add(Weight.fiscalAutonomy, [1, 0.5, 0][abs(fa - fb)], .sameFiscalAutonomy)
        }
        if let sa = a.internationalStaff, let sb = b.internationalStaff {
            // Staff counts within a factor of two (plus one, so 0 and 1 compare) are similar.
            let ratio = abs(log2(Double(sa + 1) / Double(sb + 1)))
            add(Weight.office, max(0, 1 - ratio / 3), .similarOffice, threshold: 2.0 / 3)
        }
        if !a.languages.isEmpty, !b.languages.isEmpty {
            add(Weight.language, Set(a.languages).isDisjoint(with: b.languages) ? 0 : 1, .sharedLanguage)
        }
        return CityLikeness(score: weights > 0 ? total / weights : 0, reasons: reasons)
    }
}
