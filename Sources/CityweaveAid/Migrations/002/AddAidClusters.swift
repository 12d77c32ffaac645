import Fluent
import SQLKit

/// The catalogue grows from a pandemic's needs to every disaster's: each
/// resource names its humanitarian cluster, and what cities send each
/// other after earthquakes, typhoons and floods joins it.
package struct AddAidClusters: AsyncMigration {
    /// The cluster of each resource of the first catalogue.
    static let clusters: [String: AidCluster] = [
        "food-parcels": .foodSecurity, "expert-logistics": .logistics,
    ]

    /// What cities send after earthquakes, typhoons and floods (code, name, unit, category, cluster).
    package static let catalogue:
        [(code: String, name: String, unit: String, category: AidCategory, cluster: AidCluster)] = [
            ("drinking-water", "Bottled drinking water", "litres", .water, .wash),
            ("water-purification-tablets", "Water purification tablets", "tablets", .water, .wash),
            ("water-treatment-units", "Mobile water treatment units", "units", .water, .wash),
            ("water-tanks", "Collapsible water tanks", "tanks", .water, .wash),
            ("hygiene-kits", "Family hygiene kits", "kits", .relief, .wash),
            ("dewatering-pumps", "Dewatering pumps", "pumps", .machinery, .wash),
            ("family-tents", "Family tents", "tents", .shelter, .shelter),
            ("tarpaulins", "Plastic tarpaulins", "sheets", .shelter, .shelter),
            ("blankets", "Blankets", "blankets", .shelter, .shelter),
            ("sleeping-mats", "Sleeping mats", "mats", .shelter, .shelter),
            ("field-kitchens", "Field kitchens", "kitchens", .relief, .foodSecurity),
            ("ready-meals", "Ready-to-eat meals", "meals", .relief, .foodSecurity),
            ("therapeutic-food", "Ready-to-use therapeutic food", "cartons", .relief, .nutrition),
            ("generators", "Power generators", "generators", .power, .logistics),
            ("satellite-phones", "Satellite phones", "phones", .power, .telecommunications),
            ("school-kits", "School-in-a-box kits", "kits", .relief, .education),
            ("emergency-medical-team", "Emergency medical team", "team-days", .teams, .health),
            ("search-and-rescue-team", "Urban search-and-rescue team", "team-days", .teams, .searchAndRescue),
            ("excavators", "Excavators with operators", "machine-days", .machinery, .earlyRecovery),
            (
                "expert-structural-engineering", "Expert hours: building safety assessment", "hours", .expertise,
                .earlyRecovery
            ),
            ("expert-water-sanitation", "Expert hours: water and sanitation", "hours", .expertise, .wash),
            (
                "expert-camp-management", "Expert hours: shelter and camp management", "hours", .expertise,
                .campManagement
            ),
            ("expert-psychosocial-support", "Expert hours: psychosocial support", "hours", .expertise, .protection),
        ]

    package func prepare(on database: any Database) async throws {
        try await database.schema(AidResource.schema)
            .field("cluster", .string, .required, .sql(.default(AidCluster.health.rawValue))).update()
        let sql = database as! any SQLDatabase
        for (code, cluster) in Self.clusters {
            try await sql.update(AidResource.schema).set("cluster", to: cluster.rawValue).where("code", .equal, code)
                .run()
        }
        let known = Set(try await AidResource.query(on: database).all().map(\.code))
        for resource in Self.catalogue where !known.contains(resource.code) {
            try await AidResource(
                code: resource.code, name: resource.name, unit: resource.unit, category: resource.category,
                cluster: resource.cluster
            ).create(on: database)
        }
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(AidResource.schema).deleteField("cluster").update()
    }
}
