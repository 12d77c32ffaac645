import CityweaveShared

/// The pages of practices and measures, their forms and feeds.
package enum KnowledgePath: String, SitePath {
    case practices = "/practices"
    case practice = "/practices/:id"
    case measures = "/measures"
    case cityMeasures = "/measures/cities/:id"
    case recommended = "/cities/:id/recommended-practices"
    case newPractice = "/cities/:id/practices/new"
    case practiceEdit = "/practices/:id/edit"
    case practiceTranslate = "/practices/:id/translate"
    case practicePublish = "/practices/:id/publish"
    case practiceWithdraw = "/practices/:id/withdraw"
    case practiceDelete = "/practices/:id/delete"
    case review = "/practices/:id/reviews/:network"
    case transfers = "/practices/:id/transfers"
    case transferSteps = "/practices/:id/transfers/:transferID/steps"
    case transferEvidence = "/practices/:id/transfers/:transferID/evidence"
    case feed = "/feeds/practices.atom"
    case themeFeed = "/feeds/practices/:theme"
}
