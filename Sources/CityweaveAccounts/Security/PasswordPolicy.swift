import CityweaveCore
import Foundation
import Vapor

/// What a new password must be: long enough, and not one that attackers try
/// first (the common-password list, with the digits and symbols people
/// append to them stripped, or the person's own address).
package struct PasswordPolicy: Sendable {
    package static let minimumLength = 10
    package static let maximumLength = 200

    package let commonPasswords: Set<String>

    /// Reads `Resources/Reference/common-passwords.txt` (one per line, `#` starts a comment).
    package static func load(referenceFolder: String) throws -> PasswordPolicy {
        let text = try String(contentsOfFile: referenceFolder + "common-passwords.txt", encoding: .utf8)
        let entries = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map(String.init)
        return PasswordPolicy(commonPasswords: Set(entries))
    }

    /// Why `password` is refused, or nil when it is acceptable.
    package func problem(with password: String, email: String) -> Message? {
        let field: [String: Message.Value] = ["field": .text("password")]
        if password.count < Self.minimumLength {
            return Message(
                "accounts.password.too-short", one: "'{field}' must have at least {count} character.",
                other: "'{field}' must have at least {count} characters.", count: Self.minimumLength, field)
        }
        if password.count > Self.maximumLength {
            return Message(
                "accounts.password.too-long", one: "'{field}' must have at most {count} character.",
                other: "'{field}' must have at most {count} characters.", count: Self.maximumLength, field)
        }
        let folded = password.lowercased()
        let core = folded.trimmingCharacters(in: CharacterSet.letters.inverted)
        if commonPasswords.contains(folded) || commonPasswords.contains(core) || Set(folded).count < 4 {
            return Message(
                "accounts.password.common",
                "'{field}' is among the passwords attackers try first; choose a less common one.", field)
        }
        let localPart = String(User.normalised(email: email).prefix { $0 != "@" })
        if localPart.count >= 4, folded.contains(localPart) || folded.contains("cityweave") {
            return Message(
                "accounts.password.guessable", "'{field}' must not contain your address or the name of the site.",
                field)
        }
        return nil
    }
}

extension Application {
    private struct PasswordPolicyKey: StorageKey {
        typealias Value = PasswordPolicy
    }

    /// The policy new passwords are checked against (set by `configure`).
    package var passwordPolicy: PasswordPolicy {
        get { storage[PasswordPolicyKey.self] ?? PasswordPolicy(commonPasswords: []) }
        set { storage[PasswordPolicyKey.self] = newValue }
    }
}
