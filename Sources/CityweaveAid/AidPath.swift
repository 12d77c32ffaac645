import CityweaveShared

/// The pages of mutual aid: offers, requests, matching runs and the ledger.
package enum AidPath: String, SitePath {
    case overview = "/aid"
    case resource = "/aid/resources/:code"
    case newOffer = "/aid/offers/new"
    case newRequest = "/aid/requests/new"
    case offers = "/aid/offers"
    case requests = "/aid/requests"
    case offer = "/aid/offers/:id"
    case request = "/aid/requests/:id"
    case offerWithdraw = "/aid/offers/:id/withdraw"
    case requestWithdraw = "/aid/requests/:id/withdraw"
    case runs = "/aid/matching-runs"
    case run = "/aid/matching-runs/:id"
    case allocationStep = "/aid/allocations/:id/:step"
    case ledger = "/aid/ledger"
    case ledgerCSV = "/aid/ledger.csv"
}
