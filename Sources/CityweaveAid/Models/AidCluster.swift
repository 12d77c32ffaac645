/// How humanitarian responders group help: the clusters of the
/// Inter-Agency Standing Committee (IASC), which every response after an
/// earthquake, a typhoon or a flood is coordinated by, and search and
/// rescue, which INSARAG coordinates outside them.
package enum AidCluster: String, Codable, CaseIterable, Sendable {
    case health
    case wash
    case shelter
    case foodSecurity = "food_security"
    case nutrition
    case logistics
    case telecommunications
    case earlyRecovery = "early_recovery"
    case campManagement = "camp_management"
    case education
    case protection
    case searchAndRescue = "search_and_rescue"

    package var label: String {
        switch self {
        case .health: "Health"
        case .wash: "Water, sanitation and hygiene"
        case .shelter: "Emergency shelter and household items"
        case .foodSecurity: "Food security"
        case .nutrition: "Nutrition"
        case .logistics: "Logistics"
        case .telecommunications: "Emergency telecommunications"
        case .earlyRecovery: "Early recovery"
        case .campManagement: "Camp coordination and management"
        case .education: "Education"
        case .protection: "Protection"
        case .searchAndRescue: "Search and rescue"
        }
    }
}
