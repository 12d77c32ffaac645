import CityweaveShared

extension AidPostKind {
    /// Where the form of a new post of this kind is sent.
    package var createPath: String { (self == .offer ? AidPath.offers : .requests).href() }

    /// The page of the post `id` of this kind.
    package func pagePath(_ id: Int) -> String { (self == .offer ? AidPath.offer : .request).href(id) }

    /// Where the post `id` of this kind is withdrawn.
    package func withdrawPath(_ id: Int) -> String {
        (self == .offer ? AidPath.offerWithdraw : .requestWithdraw).href(id)
    }
}
