import CityweaveCore
import CityweaveSyntheticData
import Testing

@Suite struct UnmetNeedTests {
    /// The definition, day by day: every request open that day, less what had arrived for it.
    static func direct(_ requests: [UnmetNeed.Request], _ receipts: [UnmetNeed.Receipt], day: Int) -> Int {
        requests.enumerated().reduce(0) { total, item in
            let (index, request) = item
            guard request.postedOn <= day, request.closedOn.map({ $0 > day }) ?? true else { return total }
            let arrived = receipts.filter { $0.request == index && $0.day <= day }.map(\.quantity).reduce(0, +)
            return total + max(0, request.quantity - arrived)
        }
    }

    @Test func theCurveEqualsTheDefinitionOnRandomHistories() {
        var random = SeededGenerator(seed: 29)
        for _ in 0..<200 {
            let requests = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                let posted = Int.random(in: 0...40, using: &random)
                return UnmetNeed.Request(
                    postedOn: posted,
                    closedOn: Bool.random(using: &random) ? posted + Int.random(in: 0...30, using: &random) : nil,
                    quantity: Int.random(in: 1...50, using: &random))
            }
            let receipts: [UnmetNeed.Receipt] =
                requests.isEmpty
                ? []
                : (0..<Int.random(in: 0...8, using: &random)).map { _ in
                    let index = Int.random(in: 0..<requests.count, using: &random)
                    return UnmetNeed.Receipt(
                        request: index, day: requests[index].postedOn + Int.random(in: 0...30, using: &random),
                        quantity: Int.random(in: 0...30, using: &random))
                }
            let first = Int.random(in: 0...20, using: &random)
            let last = first + Int.random(in: 0...50, using: &random)
            let series = UnmetNeed.series(requests: requests, receipts: receipts, from: first, to: last)
            #expect(series == (first...last).map { Self.direct(requests, receipts, day: $0) })
        }
    }

    @Test func aReceiptLowersTheCurveFromItsDayAndClosingEndsIt() {
        let series = UnmetNeed.series(
            requests: [UnmetNeed.Request(postedOn: 2, closedOn: 8, quantity: 100)],
            receipts: [UnmetNeed.Receipt(request: 0, day: 5, quantity: 30)], from: 0, to: 9)
        #expect(series == [0, 0, 100, 100, 100, 70, 70, 70, 0, 0])
        #expect(UnmetNeed.series(requests: [], receipts: [], from: 3, to: 2).isEmpty)
    }
}
