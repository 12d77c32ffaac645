import Fluent

/// The directory's migrations, in the order they landed.
package enum DirectoryMigrations {
    package static let all: [any Migration] = [
        CreateCountry(), CreateCity(), CreateNetwork(), CreateMembership(), CreatePartnership(), CreatePerson(),
        CreateDirectoryNames(), AddNetworkLifeAndMemberList(), CreateListedMember(),
    ]

    /// Those that need the accounts' tables (membership requests name their users).
    package static let afterAccounts: [any Migration] = [CreateMembershipRequest(), CreateNetworkMembersGeneration()]
}
