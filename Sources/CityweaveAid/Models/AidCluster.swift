import CityweaveCore

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

    package var label: Message {
        switch self {
        case .health: Message("aid.cluster.health", "Health")
        case .wash: Message("aid.cluster.wash", "Water, sanitation and hygiene")
        case .shelter: Message("aid.cluster.shelter", "Emergency shelter and household items")
        case .foodSecurity: Message("aid.cluster.food-security", "Food security")
        case .nutrition: Message("aid.cluster.nutrition", "Nutrition")
        case .logistics: Message("aid.cluster.logistics", "Logistics")
        case .telecommunications: Message("aid.cluster.telecommunications", "Emergency telecommunications")
        case .earlyRecovery: Message("aid.cluster.early-recovery", "Early recovery")
        case .campManagement: Message("aid.cluster.camp-management", "Camp coordination and management")
        case .education: Message("aid.cluster.education", "Education")
        case .protection: Message("aid.cluster.protection", "Protection")
        case .searchAndRescue: Message("aid.cluster.search-and-rescue", "Search and rescue")
        }
    }
}
