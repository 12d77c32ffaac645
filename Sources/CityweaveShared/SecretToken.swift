import Crypto
import Foundation

/// A random secret for a cookie, a link or an API token, and the digest
/// under which it is stored. Secrets carry 256 random bits, so a plain
/// SHA-256 (not a slow password hash) is enough to make a stolen table useless.
package struct SecretToken: Sendable {
    /// What the user holds: a readable prefix saying what it is, then base64url.
    package let value: String

    package init(prefix: String = "") {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        value = prefix + bytes.base64URLEncoded
    }

    package var digest: String { Self.digest(of: value) }

    package static func digest(of value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    package static func matches(_ given: String, _ expected: String) -> Bool {
        let lhs = Array(given.utf8)
        let rhs = Array(expected.utf8)
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Data {
    package var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
