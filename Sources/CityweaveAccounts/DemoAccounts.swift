import Fluent
import Vapor

/// Example users for the demo, so that a fresh install can be tried signed
/// in. Their passwords are public (printed at first start and in the
/// README): turn them off with `CITYWEAVE_DEMO_ACCOUNTS=0` in service.
package enum DemoAccounts {
    package struct Account: Sendable {
        package var email: String
        package var name: String
        package var password: String
        package var organisation: Organisation.Kind?
        /// City name and country, or network slug.
        package var organisationKey: String
        package var role: Role?
        /// The title the person signs statements under, when they may sign for the organisation.
        package var signatoryTitle: String? = nil
    }

    package static let accounts: [Account] = [
        Account(
            email: "admin@example.org", name: "Demo platform administrator", password: "weave-the-demo-2026",
            organisation: nil, organisationKey: "", role: nil),
        Account(
            email: "yokohama.admin@example.org", name: "Demo Yokohama administrator", password: "harbour-lights-demo",
            organisation: .city, organisationKey: "Yokohama,JP", role: .admin),
        Account(
            email: "yokohama.editor@example.org", name: "Demo Yokohama editor", password: "blue-line-subway-demo",
            organisation: .city, organisationKey: "Yokohama,JP", role: .editor),
        Account(
            email: "yokohama.viewer@example.org", name: "Demo Yokohama viewer", password: "minato-mirai-demo",
            organisation: .city, organisationKey: "Yokohama,JP", role: .viewer),
        Account(
            email: "bristol.editor@example.org", name: "Demo Bristol editor", password: "suspension-bridge-demo",
            organisation: .city, organisationKey: "Bristol,GB", role: .editor),
        Account(
            email: "helsinki.editor@example.org", name: "Demo Helsinki editor", password: "senate-square-demo",
            organisation: .city, organisationKey: "Helsinki,FI", role: .editor),
        Account(
            email: "helsinki.signatory@example.org", name: "Demo Helsinki signatory", password: "esplanadi-demo",
            organisation: .city, organisationKey: "Helsinki,FI", role: .viewer,
            signatoryTitle: "Head of international affairs (example)"),
        Account(
            email: "vejle.editor@example.org", name: "Demo Vejle editor", password: "fjord-bridge-demo",
            organisation: .city, organisationKey: "Vejle,DK", role: .editor),
        Account(
            email: "c40.admin@example.org", name: "Demo C40 administrator", password: "forty-cities-demo",
            organisation: .network, organisationKey: "c40", role: .admin),
        Account(
            email: "eurocities.editor@example.org", name: "Demo Eurocities editor", password: "rue-belliard-demo",
            organisation: .network, organisationKey: "eurocities", role: .editor),
    ]

    /// Creates the demo users when there are no users at all; returns the lines to print.
    package static func createIfNoUsers(
        on database: any Database, in directory: any OrganisationDirectory, hasher: AsyncPasswordHasher
    ) async throws -> [String] {
        guard try await User.query(on: database).count() == 0 else { return [] }
        return try await database.transaction { db in
            var lines: [String] = []
            for account in accounts {
                let organisation: Organisation?
                switch try await placement(of: account, in: directory, on: db) {
                case .platform: organisation = nil
                case .organisation(let found): organisation = found
                case .notInDirectory: continue
                }
                let user = User(
                    email: account.email, name: account.name, organisation: organisation, role: account.role,
                    isPlatformAdmin: account.organisation == nil)
                user.passwordHash = try await hasher.hash(account.password)
                if let title = account.signatoryTitle {
                    user.isSignatory = true
                    user.signatoryTitle = title
                }
                try await user.create(on: db)
                try await AuditLog.record(
                    actor: nil, ip: "first start", action: "create_demo_user", recordType: "user",
                    recordID: try user.requireID().uuidString, organisation: organisation,
                    changes: AuditChanges([("email", nil, user.email)]), on: db)
                lines.append("  \(account.email)  \(account.password)  (\(account.name))")
            }
            return lines
        }
    }

    private enum Placement {
        case platform
        case organisation(Organisation)
        case notInDirectory
    }

    /// Where a demo account belongs; a test directory may lack its city or network.
    private static func placement(
        of account: Account, in directory: any OrganisationDirectory, on db: any Database
    ) async throws -> Placement {
        switch account.organisation {
        case nil:
            return .platform
        case .city:
            let parts = account.organisationKey.split(separator: ",").map(String.init)
            let city = try await directory.city(named: parts[0], inCountry: parts[1], on: db)
            return city.map { .organisation($0) } ?? .notInDirectory
        case .network:
            let network = try await directory.network(account.organisationKey, on: db)
            return network.map { .organisation($0) } ?? .notInDirectory
        }
    }
}
