import CityweaveCore
import Leaf
import Vapor

/// `#day(allocation.arrivesOn)`: a day kept as `YYYY-MM-DD` (as records and forms write it), shown as
/// the reader's locale writes a day: "7 December 2026", "2026年12月7日". Text that is not such a day is
/// shown as it is.
package struct DayTag: LeafTag {
    package init() {}

    package func render(_ context: LeafContext) throws -> LeafData {
        guard context.parameters.count == 1 else {
            throw Abort(.internalServerError, reason: "#day takes one day, written YYYY-MM-DD")
        }
        let text = context.parameters[0].string ?? ""
        guard let request = context.request, let day = DateText.parseDay(text), DateText.day(day) == text else {
            return .string(text)
        }
        return .string(request.text(day: day))
    }
}

extension Message.Value {
    /// A day kept as `YYYY-MM-DD`, worded as the reader's locale writes days; other text as it is.
    package static func day(written text: String?) -> Message.Value {
        guard let text, let day = DateText.parseDay(text), DateText.day(day) == text else { return .text(text ?? "") }
        return .day(day)
    }
}
