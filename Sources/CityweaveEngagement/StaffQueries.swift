import CityweaveAccounts
import CityweaveCore
import CityweaveDirectory
import CityweaveShared
import Fluent
import Vapor

/// A person of a city as continuity needs them: what they carry, what they
/// speak, what they know, what training they had.
package enum StaffQueries {
    package struct PersonDTO: Content {
        package var id: UUID
        package var cityID: Int
        package var name: String
        package var role: String?
        package var contactFor: String
        package var isActive: Bool
        package var languages: [String]
        package var expertise: [String]
        package var training: [TrainingRecord]
        /// Engagements they own, then those they back up.
        package var owns: [EngagementRef]
        package var backsUp: [EngagementRef]
    }

    package struct EngagementRef: Content {
        package var id: Int
        package var title: String
        package var status: String
    }

    /// A person of `cityID`; someone of another city, or no one, is a 404.
    package static func user(_ id: UUID?, ofCity cityID: Int, on database: any Database) async throws -> User {
        guard let id, let user = try await User.find(id, on: database), user.cityID == cityID else {
            throw Refusal(
                .notFound,
                Message("engagement.person.not-found", "City {city} has no such person.", ["city": .text("\(cityID)")]))
        }
        return user
    }

    package static func person(_ user: User, on database: any Database) async throws -> PersonDTO {
        let userID = try user.requireID()
        let profile = try await StaffProfile.query(on: database).filter(\.$user.$id == userID).first()
        let engagements = try await Engagement.query(on: database).filter(\.$city.$id == user.cityID ?? 0)
            .group(.or) { $0.filter(\.$owner.$id == userID).filter(\.$backup.$id == userID) }
            .sort(\.$title).all()
        func ref(_ engagement: Engagement) -> EngagementRef {
            EngagementRef(id: engagement.id!, title: engagement.title, status: engagement.status.rawValue)
        }
        return PersonDTO(
            id: userID, cityID: user.cityID ?? 0, name: user.name, role: user.role?.rawValue,
            contactFor: user.contactFor, isActive: user.isActive, languages: profile?.languages ?? [],
            expertise: profile?.expertise ?? [], training: profile?.training ?? [],
            owns: engagements.filter { $0.$owner.id == userID }.map(ref),
            backsUp: engagements.filter { $0.$backup.id == userID }.map(ref))
    }
}
