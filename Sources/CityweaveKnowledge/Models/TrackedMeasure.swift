import CityweaveDirectory
import Fluent
import Vapor

/// A measure a city took, as a response tracker recorded it (the "local
/// action tracker" view): which day, what kind, how strong, and the source.
package final class TrackedMeasure: Model, @unchecked Sendable {
    package static let schema = "tracked_measures"

    // managed fields
    @ID(custom: "id", generatedBy: .database) package var id: Int?

    // data fields
    /// "YYYY-MM-DD", so that text order is date order on every database.
    @Field(key: "date") package var date: String
    @Field(key: "category_code") package var categoryCode: String
    @Field(key: "category_name") package var categoryName: String
    /// The tracker's ordinal score; nil when it recorded a note only.
    @OptionalField(key: "score") package var score: Double?
    /// True when the measure applied to part of the city only.
    @OptionalField(key: "targeted") package var targeted: Bool?
    @Field(key: "note") package var note: String
    @OptionalField(key: "source_url") package var sourceURL: String?
    /// The tracker ("OxCGRT") and its code for the place ("BR_3550308").
    @Field(key: "tracker") package var tracker: String
    @Field(key: "tracker_place_code") package var trackerPlaceCode: String
    /// Loaded at the first start to show the tracker, not by this instance's operators.
    @Field(key: "is_example") package var isExample: Bool

    // relationships
    @Parent(key: "city_id") package var city: City

    package init() {
        isExample = false
    }
}
