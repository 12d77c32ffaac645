import CityweaveShared

/// A city's portfolio, strategy, engagements and people.
package enum EngagementPath: String, SitePath {
    case portfolio = "/cities/:id/portfolio"
    case portfolioReport = "/cities/:id/portfolio/report"
    case engagementsCSV = "/cities/:id/portfolio/engagements.csv"
    case valueLogCSV = "/cities/:id/portfolio/value-log.csv"
    case plans = "/cities/:id/portfolio/plans"
    case plan = "/cities/:id/portfolio/plans/:planID"
    case strategyEdit = "/cities/:id/strategy/edit"
    case strategy = "/cities/:id/strategy"
    case newEngagement = "/cities/:id/engagements/new"
    case engagements = "/cities/:id/engagements"
    case engagement = "/engagements/:id"
    case engagementEdit = "/engagements/:id/edit"
    case valueLog = "/engagements/:id/value-log"
    case person = "/cities/:id/people/:userID"
    case personProfile = "/cities/:id/people/:userID/profile"
}
