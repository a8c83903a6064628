import ClicktraxCore

/// What a picker shows for a search: the catalog read through the two capabilities it needs
/// (reading, line item search), each choice's cells ready for its table, advertisers by name.
struct PickerSearch {
    let catalog: any CatalogReading & LineItemSearching

    func results(_ kind: PickerDialog.Kind, _ term: String, advertiser: Int64? = nil) -> PickerDialog.Results {
        let limit = PickerDialog.limit
        func state(_ state: ObjectState) -> String { state == .active ? "active" : "● inactive" }
        do {
            switch kind {
            case .lineItem:
                let matches = try catalog.findLineItems(term, limit: limit, advertiser: advertiser)
                let all = try catalog.advertisers()
                let advertisers = Dictionary(all.map { ($0.id, $0.name) }) { first, _ in first }
                let choices = matches.items.map { item in
                    PickerDialog.Choice(id: item.id, name: item.name, cells: [
                        String(item.id), item.name, item.code ?? "",
                        item.advertiserId.map { advertisers[$0] ?? String($0) } ?? "", state(item.state),
                    ], inactive: item.state != .active)
                }
                var results = PickerDialog.Results(choices: choices, total: matches.matching, fuzzy: matches.fuzzy)
                results.advertisers = all.map { ObjectRef(id: $0.id, name: $0.name) }.sorted { $0.name < $1.name }
                return results
            case .publisher:
                let found = try catalog.publishers(matching: term)
                let choices = found.prefix(limit).map {
                    PickerDialog.Choice(id: $0.id, name: $0.name, cells: [String($0.id), $0.name, $0.code ?? "", state($0.state)],
                                        inactive: $0.state != .active)
                }
                return PickerDialog.Results(choices: Array(choices), total: MatchCount(found.count, exact: true))
            case .placement(let publisherId):
                let found = try catalog.placements(publisherId: publisherId).filter {
                    CatalogMatch.matches(id: $0.id, name: $0.name, code: $0.code, term: term)
                }
                let choices = found.prefix(limit).map { placement in
                    var size = ""
                    if let width = placement.width, let height = placement.height { size = "\(width)x\(height)" }
                    return PickerDialog.Choice(id: placement.id, name: placement.name,
                                               cells: [String(placement.id), placement.name, size, state(placement.state)],
                                               inactive: placement.state != .active)
                }
                return PickerDialog.Results(choices: Array(choices), total: MatchCount(found.count, exact: true))
            case .paymentRule(let publisherId):
                let found = try catalog.paymentRules(publisherId: publisherId).filter {
                    CatalogMatch.matches(id: $0.id, name: $0.name, code: $0.code, term: term)
                }
                let choices = found.prefix(limit).map {
                    PickerDialog.Choice(id: $0.id, name: $0.name, cells: [String($0.id), $0.name, $0.pricingType.rawValue, state($0.state)],
                                        inactive: $0.state != .active)
                }
                return PickerDialog.Results(choices: Array(choices), total: MatchCount(found.count, exact: true))
            }
        } catch {
            return PickerDialog.Results(choices: [], total: nil, error: "\(error)")
        }
    }
}
