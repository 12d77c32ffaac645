import Fluent

/// The directory's migrations, in the order they landed.
enum DirectoryMigrations {
    static let all: [any Migration] = [
        CreateCountry(), CreateCity(), CreateNetwork(), CreateMembership(), CreatePartnership(), CreatePerson(),
        CreateDirectoryNames(),
    ]

    /// Those that need the accounts' tables (membership requests name their users).
    static let afterAccounts: [any Migration] = [CreateMembershipRequest(), CreateNetworkMembersGeneration()]
}
