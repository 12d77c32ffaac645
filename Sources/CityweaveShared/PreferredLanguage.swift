import Vapor

extension Request {
    /// The language the person reads best, as their browser says (`Accept-Language`, highest
    /// weight first): its primary code, lower case ("zh" for "zh-Hans-CN"); English when it says none.
    package var preferredLanguage: String {
        let ranges = headers[.acceptLanguage].flatMap { $0.split(separator: ",") }
        var best: (code: String, weight: Double)?
        for range in ranges {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let code = tag.split(separator: "-").first,
                code.count >= 2, code.count <= 3, code.allSatisfy(\.isLetter)
            else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if weight > 0, weight > (best?.weight ?? 0) { best = (code.lowercased(), weight) }
        }
        return best?.code ?? "en"
    }
}
