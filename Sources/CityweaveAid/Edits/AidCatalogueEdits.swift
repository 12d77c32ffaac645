import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// Platform administrators extend the catalogue of resources.
package enum AidCatalogueEdits {
    package struct Input: Content {
        package var code: String
        package var name: String
        package var unit: String
        package var category: String
        /// One of ``AidCluster``; the category's usual cluster when absent.
        package var cluster: String?
    }

    package static func create(_ input: Input, context: EditContext) async throws -> AidResource {
        let code = input.code.trimmingCharacters(in: .whitespaces).lowercased()
        guard (2...60).contains(code.count),
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else {
            throw BadRequest(
                Message(
                    "aid.error.resource-code",
                    "'{field}' must be 2 to 60 lowercase letters, digits and hyphens, such as 'n95-masks'; got '{given}'.",
                    ["field": .text("code"), "given": .text(input.code)]))
        }
        let name = try DirectoryEdits.text(input.name, field: "name", limit: 120)
        let unit = try DirectoryEdits.text(input.unit, field: "unit", limit: 40).lowercased()
        guard !name.isEmpty else {
            throw BadRequest(
                Message("aid.error.resource-name-required", "'{field}' is required.", ["field": .text("name")]))
        }
        guard !unit.isEmpty else {
            throw BadRequest(
                Message(
                    "aid.error.resource-unit-required",
                    "'{field}' is required: what the resource is counted in, such as 'masks'.",
                    ["field": .text("unit")]))
        }
        let category = try FieldChoice.parse(AidCategory.self, input.category, field: "category")
        let cluster = try input.cluster.map { try FieldChoice.parse(AidCluster.self, $0, field: "cluster") }
        let exists = Refusal(
            .conflict,
            Message(
                "aid.error.resource-exists", "'{field}': the resource '{code}' exists already.",
                ["field": .text("code"), "code": .text(code)]))
        guard try await AidResource.query(on: context.db).filter(\.$code == code).first() == nil else { throw exists }
        let resource = AidResource(
            code: code, name: name, unit: unit, category: category, cluster: cluster ?? category.usualCluster)
        try await refusingDuplicates(exists) {
            try await context.db.transaction { db in
                try await resource.create(on: db)
                try await AuditLog.record(
                    context, action: "create", recordType: "aid_resource", recordID: code, organisation: nil,
                    changes: AuditChanges(changes: [.init(field: "unit", from: "", to: unit)]), on: db)
            }
        }
        return resource
    }
}
