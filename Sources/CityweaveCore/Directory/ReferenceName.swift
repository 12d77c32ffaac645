/// The names the reference data gives places and incomes, as the directory stores them: UN M49 regions and
/// subregions, World Bank income groups. Pages word them from the catalogues; a name the catalogues do not
/// know is shown as it is written.
public enum ReferenceName {
    /// A UN M49 region ("Europe") or subregion ("Western Europe").
    public static func region(_ name: String) -> Message {
        switch name {
        case "Africa": Message("region.africa", "Africa")
        case "Americas": Message("region.americas", "Americas")
        case "Asia": Message("region.asia", "Asia")
        case "Europe": Message("region.europe", "Europe")
        case "Oceania": Message("region.oceania", "Oceania")
        case "Australia and New Zealand": Message("region.australia-new-zealand", "Australia and New Zealand")
        case "Caribbean": Message("region.caribbean", "Caribbean")
        case "Central America": Message("region.central-america", "Central America")
        case "Central Asia": Message("region.central-asia", "Central Asia")
        case "Eastern Africa": Message("region.eastern-africa", "Eastern Africa")
        case "Eastern Asia": Message("region.eastern-asia", "Eastern Asia")
        case "Eastern Europe": Message("region.eastern-europe", "Eastern Europe")
        case "Melanesia": Message("region.melanesia", "Melanesia")
        case "Micronesia": Message("region.micronesia", "Micronesia")
        case "Middle Africa": Message("region.middle-africa", "Middle Africa")
        case "Northern Africa": Message("region.northern-africa", "Northern Africa")
        case "Northern America": Message("region.northern-america", "Northern America")
        case "Northern Europe": Message("region.northern-europe", "Northern Europe")
        case "Polynesia": Message("region.polynesia", "Polynesia")
        case "South America": Message("region.south-america", "South America")
        case "South-Eastern Asia": Message("region.south-eastern-asia", "South-Eastern Asia")
        case "Southern Africa": Message("region.southern-africa", "Southern Africa")
        case "Southern Asia": Message("region.southern-asia", "Southern Asia")
        case "Southern Europe": Message("region.southern-europe", "Southern Europe")
        case "Western Africa": Message("region.western-africa", "Western Africa")
        case "Western Asia": Message("region.western-asia", "Western Asia")
        case "Western Europe": Message("region.western-europe", "Western Europe")
        default: .name(name)
        }
    }

    /// A World Bank income group, one of ``CityProfile/incomeGroups``.
    public static func incomeGroup(_ name: String) -> Message {
        switch name {
        case "Low income": Message("income-group.low", "Low income")
        case "Lower middle income": Message("income-group.lower-middle", "Lower middle income")
        case "Upper middle income": Message("income-group.upper-middle", "Upper middle income")
        case "High income": Message("income-group.high", "High income")
        default: .name(name)
        }
    }
}
