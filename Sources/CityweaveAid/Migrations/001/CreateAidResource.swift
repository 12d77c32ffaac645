import CityweaveAccounts
import CityweaveShared
import Fluent
import SQLKit

package struct CreateAidResource: LandedMigration {
    /// The catalogue a fresh install knows: what cities sent each other in
    /// the first months of COVID-19 (code, name, unit, category). Platform
    /// administrators add more.
    package static let catalogue: [(code: String, name: String, unit: String, category: String)] = [
        ("ffp2-masks", "FFP2 / N95 respirator masks", "masks", "protection"),
        ("surgical-masks", "Surgical masks", "masks", "protection"),
        ("gloves", "Examination gloves", "pairs", "protection"),
        ("gowns", "Isolation gowns", "gowns", "protection"),
        ("face-shields", "Face shields", "shields", "protection"),
        ("hand-sanitiser", "Hand sanitiser", "litres", "protection"),
        ("pcr-test-kits", "PCR test kits", "tests", "testing"),
        ("rapid-antigen-tests", "Rapid antigen tests", "tests", "testing"),
        ("ventilators", "Ventilators", "ventilators", "equipment"),
        ("oxygen-concentrators", "Oxygen concentrators", "concentrators", "equipment"),
        ("pulse-oximeters", "Pulse oximeters", "oximeters", "equipment"),
        ("field-hospital-beds", "Field hospital beds", "beds", "equipment"),
        ("vaccine-doses", "Vaccine doses", "doses", "medicine"),
        ("food-parcels", "Food parcels", "parcels", "relief"),
        ("expert-epidemiology", "Expert hours: epidemiology", "hours", "expertise"),
        ("expert-intensive-care", "Expert hours: intensive care", "hours", "expertise"),
        ("expert-crisis-communication", "Expert hours: crisis communication", "hours", "expertise"),
        ("expert-logistics", "Expert hours: emergency logistics", "hours", "expertise"),
    ]

    package func prepare(on database: any Database) async throws {
        try await database.schema("aid_resources")
            .field("id", .int, .identifier(auto: true))
            .field("created_at", .datetime)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("category", .string, .required)
            .unique(on: "code")
            .create()
        let sql = database as! any SQLDatabase
        for resource in Self.catalogue {
            try await sql.insert(into: "aid_resources")
                .columns("code", "name", "unit", "category")
                .values(
                    SQLBind(resource.code), SQLBind(resource.name), SQLBind(resource.unit), SQLBind(resource.category)
                )
                .run()
        }
    }

    package func revert(on database: any Database) async throws {
        try await database.schema("aid_resources").delete()
    }
}
