import Foundation

/// Fills a store with a believable catalog: advertisers, line items with realistic names, ~40
/// publishers with their placements and payment rules, and click and impression trackers in both states.
/// The same options and seed always give the same catalog.
public struct DemoCatalog: Sendable {
    public var lineItemCount: Int
    public var trackerCount: Int
    public var seed: UInt64

    /// Invest's documented example member, and the id its example tracker has.
    public static let memberId: Int64 = 958
    public static let firstTrackerId: Int64 = 21378
    /// The id of the impression tracker in Invest's documented examples.
    public static let firstImpressionTrackerId: Int64 = 1425
    static let firstAdvertiserId: Int64 = 37236
    static let firstLineItemId: Int64 = 74957
    static let firstPublisherId: Int64 = 44449
    static let firstPlacementId: Int64 = 620_001
    static let firstPaymentRuleId: Int64 = 9101

    /// The first tracker's id (`firstTrackerId` in a new database; past every id ever given
    /// after `demo --replace`, which must not hand an old id to a new tracker).
    public var firstTracker: Int64 = DemoCatalog.firstTrackerId
    public var impressionTrackerCount = 0
    public var firstImpressionTracker: Int64 = DemoCatalog.firstImpressionTrackerId

    public init(lineItemCount: Int = 300, trackerCount: Int = 25, seed: UInt64 = 1) {
        self.lineItemCount = lineItemCount
        self.trackerCount = trackerCount
        self.seed = seed
    }

    /// What was made, for the command to report.
    public struct Summary: Sendable, Equatable {
        public var advertisers = 0, lineItems = 0, publishers = 0, placements = 0, paymentRules = 0, trackers = 0
        public var impressionTrackers = 0
        public init() {}
    }

    /// Adds the catalog through `loader` (inside one transaction of `TrackerStore.load`).
    /// `progress` is told how many line items are done, every 50,000.
    public func fill(_ loader: any CatalogLoader, progress: (Int) -> Void = { _ in }) throws -> Summary {
        var random = SeededRandom(seed: seed)
        var summary = Summary()
        try loader.setMemberId(Self.memberId)

        let brands = DemoVocabulary.brands
        for (index, brand) in brands.enumerated() {
            try loader.add(Advertiser(id: Self.firstAdvertiserId + Int64(index), code: brand.code, name: brand.name))
        }
        summary.advertisers = brands.count

        var lineItems: [(id: Int64, name: String, brand: DemoVocabulary.Brand)] = []
        for index in 0..<lineItemCount {
            let item = makeLineItem(index, &random)
            try loader.add(item)
            // Trackers are spread over the first few hundred line items, however big the catalog.
            if index < 500 { lineItems.append((item.id, item.name, brands[Int(item.advertiserId! - Self.firstAdvertiserId)])) }
            if (index + 1) % 50_000 == 0 { progress(index + 1) }
        }
        summary.lineItems = lineItemCount

        var publishers: [(publisher: Publisher, placements: [Placement], rules: [PaymentRule])] = []
        var placementId = Self.firstPlacementId
        var ruleId = Self.firstPaymentRuleId
        for (index, name) in DemoVocabulary.publishers.enumerated() {
            let publisher = Publisher(
                id: Self.firstPublisherId + Int64(index), code: "PUB-\(index + 1)", name: name,
                state: index % 13 == 12 ? .inactive : .active)
            try loader.add(publisher)
            var placements: [Placement] = []
            for _ in 0..<random.int(in: 2...6) {
                let size = random.pick(DemoVocabulary.sizes)
                let section = random.pick(DemoVocabulary.sections)
                let placement = Placement(
                    id: placementId, code: random.chance(0.5) ? "PL\(placementId)" : nil,
                    name: "\(section) – \(size.label)", publisherId: publisher.id, width: size.width, height: size.height)
                placementId += 1
                try loader.add(placement)
                placements.append(placement)
            }
            var rules: [PaymentRule] = []
            for ruleIndex in 0..<random.int(in: 1...3) {
                let rule = makePaymentRule(id: ruleId, publisherId: publisher.id, type: PricingType.documented[(index + ruleIndex) % 3], &random)
                ruleId += 1
                try loader.add(rule)
                rules.append(rule)
            }
            publishers.append((publisher, placements, rules))
            summary.placements += placements.count
            summary.paymentRules += rules.count
        }
        summary.publishers = publishers.count

        for index in 0..<trackerCount where !lineItems.isEmpty {
            let lineItem = index == 0 ? lineItems[0] : random.pick(lineItems)
            let target = random.pick(publishers.filter { $0.publisher.state == .active })
            let id = firstTracker + Int64(index)
            let purpose = random.pick(DemoVocabulary.trackerPurposes)
            let tracker = Tracker(
                id: id, memberId: Self.memberId,
                name: index == 0 ? "CLIK TRAX" : "\(lineItem.brand.short) – \(target.publisher.name) – \(purpose)",
                code: random.chance(0.5) ? "CT-\(id)" : nil,
                state: random.chance(0.2) ? .inactive : .active,
                clickUrl: random.chance(0.8)
                    ? "https://www.\(lineItem.brand.domain)/\(purpose.replacingOccurrences(of: " ", with: "-"))?utm_source=invest&utm_campaign=\(id)"
                    : nil,
                lineItem: ObjectRef(id: lineItem.id, name: lineItem.name),
                publisher: ObjectRef(id: target.publisher.id, name: target.publisher.name),
                tag: random.chance(0.6) ? random.pick(target.placements).ref : nil,
                paymentRule: random.chance(0.35) ? random.pick(target.rules).ref : nil,
                lastModified: "2026-\(String(format: "%02d", random.int(in: 1...11)))-\(String(format: "%02d", random.int(in: 1...28))) \(String(format: "%02d:%02d:%02d", random.int(in: 0...23), random.int(in: 0...59), random.int(in: 0...59)))")
            try loader.add(tracker)
        }
        summary.trackers = lineItems.isEmpty ? 0 : trackerCount
        // A generator of their own: the click trackers above stay what they were.
        var impressions = SeededRandom(seed: seed &+ 0x1425)
        for index in 0..<impressionTrackerCount where !lineItems.isEmpty {
            let lineItem = index == 0 ? lineItems[0] : impressions.pick(lineItems)
            let target = impressions.pick(publishers.filter { $0.publisher.state == .active })
            let id = firstImpressionTracker + Int64(index)
            let tracker = Tracker(
                id: id, memberId: Self.memberId,
                name: index == 0 ? "Test Impression Tracker" : "\(lineItem.brand.short) – \(target.publisher.name) – impressions",
                code: impressions.chance(0.5) ? "IT-\(id)" : nil,
                state: impressions.chance(0.2) ? .inactive : .active,
                lineItem: ObjectRef(id: lineItem.id, name: lineItem.name),
                publisher: ObjectRef(id: target.publisher.id, name: target.publisher.name),
                tag: impressions.chance(0.6) ? impressions.pick(target.placements).ref : nil,
                paymentRule: impressions.chance(0.35) ? impressions.pick(target.rules).ref : nil,
                lastModified: "2026-\(String(format: "%02d", impressions.int(in: 1...11)))-\(String(format: "%02d", impressions.int(in: 1...28))) 12:00:00",
                kind: .impression)
            try loader.add(tracker)
        }
        summary.impressionTrackers = lineItems.isEmpty ? 0 : impressionTrackerCount
        return summary
    }

    func makeLineItem(_ index: Int, _ random: inout SeededRandom) -> LineItem {
        var brandIndex = random.int(in: 0...(DemoVocabulary.brands.count - 1))
        var campaign = random.pick(DemoVocabulary.campaigns)
        var geo = random.pick(DemoVocabulary.geos)
        if index % 100 == 0 {
            // Every catalog has Wonka's Japanese holiday campaign: the query the docs and the
            // benchmarks use ("wonka holiday jp") always finds something, whatever the seed.
            brandIndex = 0
            campaign = DemoVocabulary.campaigns[0]
            geo = DemoVocabulary.geos[4]
        }
        let brand = DemoVocabulary.brands[brandIndex]
        let format = random.pick(DemoVocabulary.formats)
        let flight = random.pick(DemoVocabulary.flights)
        let tactic = random.pick(DemoVocabulary.tactics)
        let id = Self.firstLineItemId + Int64(index)
        let revenueType = random.pick(["cpm", "cpm", "cpc", "vcpm"])
        return LineItem(
            id: id,
            code: random.chance(0.7) ? "\(brand.code)-\(campaign.code)-\(geo.code)-\(id)" : nil,
            name: "\(brand.short) \(campaign.name) 2026 – \(geo.code) – \(format) – \(flight.label)\(tactic)",
            state: random.chance(0.1) ? .inactive : .active,
            advertiserId: Self.firstAdvertiserId + Int64(brandIndex),
            lineItemType: random.chance(0.85) ? "standard_v2" : "guaranteed_delivery",
            revenueType: revenueType,
            revenueValue: Double(random.int(in: 50...2500)) / 100,
            currency: geo.currency,
            startDate: flight.start + " 00:00:00",
            endDate: flight.end + " 23:59:59")
    }

    func makePaymentRule(id: Int64, publisherId: Int64, type: PricingType, _ random: inout SeededRandom) -> PaymentRule {
        switch type {
        case .revshare:
            let share = Double(random.int(in: 50...85)) / 100
            return PaymentRule(id: id, name: "\(Int(share * 100))% Rev Share", publisherId: publisherId,
                               pricingType: .revshare, revshare: share, priority: random.int(in: 1...10))
        case .cpm:
            let cpm = Double(random.int(in: 50...900)) / 100
            return PaymentRule(id: id, code: "CPM\(id)", name: "Fixed CPM " + String(format: "%.2f", cpm),
                               publisherId: publisherId, pricingType: .cpm, costCpm: cpm, priority: random.int(in: 1...10))
        default:
            return PaymentRule(id: id, name: "Dynamic – second price", publisherId: publisherId,
                               pricingType: .dynamic, priority: random.int(in: 1...10))
        }
    }
}

extension Placement {
    var ref: ObjectRef { ObjectRef(id: id, name: name) }
}

extension PaymentRule {
    var ref: ObjectRef { ObjectRef(id: id, name: name) }
}
