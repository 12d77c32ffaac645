import CityweaveShared

/// The landscape of networks.
package enum LandscapePath: String, SitePath {
    case landscape = "/landscape"
}
