/// How much of a resource was asked for and not yet received, day by day:
/// the curve a resource page draws.
public enum UnmetNeed {
    /// A request as the curve sees it. Days are counted from 1970-01-01.
    public struct Request: Sendable, Hashable {
        public var postedOn: Int
        /// The day it was withdrawn or fulfilled; nil while open.
        public var closedOn: Int?
        public var quantity: Int

        public init(postedOn: Int, closedOn: Int?, quantity: Int) {
            self.postedOn = postedOn
            self.closedOn = closedOn
            self.quantity = quantity
        }
    }

    /// Units that arrived for a request, on a day.
    public struct Receipt: Sendable, Hashable {
        public var request: Int
        public var day: Int
        public var quantity: Int

        public init(request: Int, day: Int, quantity: Int) {
            self.request = request
            self.day = day
            self.quantity = quantity
        }
    }

    /// The unmet quantity at the end of each day from `first` to `last`:
    /// for every request open that day, what it asked minus what had
    /// arrived for it by then (never below zero). `receipts` name requests
    /// by their index in `requests`.
    public static func series(requests: [Request], receipts: [Receipt], from first: Int, to last: Int) -> [Int] {
        guard first <= last else { return [] }
        let days = last - first + 1
        // Each request adds its remaining quantity to a difference array on
        // the days it is open, piece by piece between its receipts.
        var change = [Int](repeating: 0, count: days + 1)
        let receiptsByRequest = Dictionary(grouping: receipts, by: \.request)
        for (index, request) in requests.enumerated() {
            let end = min(request.closedOn.map { $0 - 1 } ?? last, last)
            var day = max(request.postedOn, first)
            guard day <= end else { continue }
            var remaining = request.quantity
            for receipt in (receiptsByRequest[index] ?? []).sorted(by: { $0.day < $1.day }) {
                if receipt.day > end { break }
                if receipt.day >= day {
                    change[day - first] += remaining
                    change[receipt.day - first] -= remaining
                    day = receipt.day
                }
                remaining = max(0, remaining - receipt.quantity)
            }
            change[day - first] += remaining
            change[end - first + 1] -= remaining
        }
        var running = 0
        return (0..<days).map { index in
            running += change[index]
            return running
        }
    }
}
