import Fluent
import Vapor

/// A measure a city took, as a response tracker recorded it (the "local
/// action tracker" view): which day, what kind, how strong, and the source.
final class TrackedMeasure: Model, @unchecked Sendable {
    static let schema = "tracked_measures"

    // managed fields
    @ID(custom: "id", generatedBy: .database) var id: Int?

    // data fields
    /// "YYYY-MM-DD", so that text order is date order on every database.
    @Field(key: "date") var date: String
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "category_name") var categoryName: String
    /// The tracker's ordinal score; nil when it recorded a note only.
    @OptionalField(key: "score") var score: Double?
    /// True when the measure applied to part of the city only.
    @OptionalField(key: "targeted") var targeted: Bool?
    @Field(key: "note") var note: String
    @OptionalField(key: "source_url") var sourceURL: String?
    /// The tracker ("OxCGRT") and its code for the place ("BR_3550308").
    @Field(key: "tracker") var tracker: String
    @Field(key: "tracker_place_code") var trackerPlaceCode: String

    // relationships
    @Parent(key: "city_id") var city: City

    init() {}
}
