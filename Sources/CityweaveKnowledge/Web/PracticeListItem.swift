import CityweaveCore
import CityweaveShared
import Vapor

/// A practice in a page's list: the summary the API gives, with its stage in the reader's language and, for
/// a recommendation, why it is recommended.
package struct PracticeListItem: Encodable {
    package var practice: PracticeSummaryDTO
    package var stage: String
    package var reasons: [String]

    package init(_ practice: PracticeSummaryDTO, reasons: [String] = [], request: Request) {
        self.practice = practice
        stage = request.text(practice.stage.message)
        self.reasons = reasons
    }

    package init(_ recommendation: RecommendedPracticeDTO, request: Request) {
        self.init(recommendation.practice, reasons: recommendation.reasons, request: request)
    }
}
