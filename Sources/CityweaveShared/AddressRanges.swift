import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A list of IP addresses and CIDR ranges (`127.0.0.1`, `10.0.0.0/8`,
/// `::1`, `fd00::/8`), such as the reverse proxies Cityweave trusts or the
/// addresses that may read `/metrics`.
package struct AddressRanges: Sendable, Equatable {
    private struct Range: Sendable, Equatable {
        var bytes: [UInt8]
        var prefixLength: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefixLength
            for (a, b) in zip(address, bytes) where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                guard a & mask == b & mask else { return false }
                remaining -= bits
            }
            return true
        }
    }

    private var ranges: [Range]

    package static let loopback = try! AddressRanges("127.0.0.0/8, ::1")
    package static let none = AddressRanges(ranges: [])

    private init(ranges: [Range]) { self.ranges = ranges }

    /// Parses a comma-separated list; an entry that is neither an address nor a range throws, naming it.
    package init(_ list: String) throws {
        ranges = try list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map { entry in
                let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
                guard let bytes = Self.bytes(of: parts[0]) else {
                    throw ConfigurationError("'\(entry)' is not an IP address or a CIDR range")
                }
                let bits = bytes.count * 8
                guard let prefix = parts.count == 2 ? Int(parts[1]) : bits, (0...bits).contains(prefix) else {
                    throw ConfigurationError("'\(entry)' has a prefix length outside 0 to \(bits)")
                }
                return Range(bytes: bytes, prefixLength: prefix)
            }
    }

    /// Whether `address` (as text) is in one of the ranges; text that is no address is in none.
    package func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The address's bytes: 4 for IPv4 (also when written as IPv4-mapped IPv6), 16 for IPv6.
    package static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
        return bytes.starts(with: mappedPrefix) ? Array(bytes.suffix(4)) : bytes
    }
}

/// Which client a request came from, behind the reverse proxies Cityweave trusts.
package enum ClientAddress {
    /// The peer when it is no trusted proxy; otherwise the rightmost `X-Forwarded-For` hop that no
    /// trusted proxy added. Hops to its left were written by the client and prove nothing.
    package static func resolve(peer: String?, forwardedFor: [String], trustedProxies: AddressRanges) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trustedProxies.contains(hop) { return hop }
        return hops.first ?? peer
    }
}

extension Request {
    /// The client's address: the peer's, or behind a trusted reverse proxy the rightmost
    /// `X-Forwarded-For` hop that no trusted proxy added (see ``ClientAddress``).
    package var clientAddress: String {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
            trustedProxies: application.cityweave.trustedProxies)
    }

    /// Whether the peer is a reverse proxy whose forwarding headers are believed.
    package var comesThroughTrustedProxy: Bool {
        remoteAddress?.ipAddress.map(application.cityweave.trustedProxies.contains) ?? false
    }

    /// Whether the browser reached us over HTTPS, so that cookies can be marked Secure.
    package var isSecureOrigin: Bool {
        if application.cityweave.publicURL?.hasPrefix("https://") == true { return true }
        return comesThroughTrustedProxy && headers.first(name: .xForwardedProto) == "https"
    }
}
