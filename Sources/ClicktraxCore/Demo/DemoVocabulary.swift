/// The words the demo catalog is made of: brands, campaigns, markets, formats, flights and
/// publishers that read like a real ad-operations catalog — accents and CJK included, because
/// real catalogs have them and every screen must show them right.
enum DemoVocabulary {
    struct Brand {
        var name: String
        /// How line item names start: "Wonka Holiday 2026 …".
        var short: String
        var code: String
        var domain: String
    }

    static let brands: [Brand] = [
        Brand(name: "Wonka Industries", short: "Wonka", code: "WNK", domain: "wonka.example"),
        Brand(name: "Acme Corporation", short: "Acme", code: "ACM", domain: "acme.example"),
        Brand(name: "Globex", short: "Globex", code: "GLX", domain: "globex.example"),
        Brand(name: "Initech", short: "Initech", code: "INT", domain: "initech.example"),
        Brand(name: "Umbrella Health", short: "Umbrella", code: "UMB", domain: "umbrella-health.example"),
        Brand(name: "Café Olé Roasters", short: "Café Olé", code: "CAF", domain: "cafe-ole.example"),
        Brand(name: "Zürich Uhren AG", short: "Zürich Uhren", code: "ZUR", domain: "zuerich-uhren.example"),
        Brand(name: "東京ラーメン株式会社", short: "東京ラーメン", code: "TKR", domain: "tokyo-ramen.example"),
        Brand(name: "Stark Mobility", short: "Stark", code: "STK", domain: "stark-mobility.example"),
        Brand(name: "Maison Dupré", short: "Maison Dupré", code: "MDP", domain: "maison-dupre.example"),
    ]

    static let campaigns: [(name: String, code: String)] = [
        ("Holiday", "HOL"), ("Black Friday", "BF"), ("Cyber Monday", "CM"), ("Back to School", "BTS"),
        ("Summer Sale", "SUM"), ("Spring Launch", "SPR"), ("Brand Awareness", "AWR"), ("Retargeting", "RTG"),
        ("Prospecting", "PRO"), ("New Year", "NY"), ("Valentine's Day", "VAL"), ("Été Promo", "ETE"),
        ("新春セール", "SHS"), ("Golden Week", "GW"), ("Fête des Mères", "FDM"), ("Singles Day 双十一", "SD"),
    ]

    /// Market, and the currency its line items are booked in.
    static let geos: [(code: String, currency: String)] = [
        ("US", "USD"), ("UK", "GBP"), ("DE", "EUR"), ("FR", "EUR"), ("JP", "JPY"), ("BR", "BRL"),
        ("ES", "EUR"), ("CA", "CAD"), ("AU", "AUD"), ("MX", "MXN"), ("IT", "EUR"), ("NL", "EUR"),
    ]

    static let formats = [
        "Display 300x250", "Display 728x90", "Display 160x600", "Mobile 320x50", "Video 15s", "Video 30s",
        "Native", "Rich Media", "CTV 30s", "Audio 30s",
    ]

    static let flights: [(label: String, start: String, end: String)] = [
        ("Q1 2026", "2026-01-01", "2026-03-31"), ("Q2 2026", "2026-04-01", "2026-06-30"),
        ("Q3 2026", "2026-07-01", "2026-09-30"), ("Nov 2026", "2026-11-01", "2026-11-30"),
        ("Dec 2026", "2026-12-01", "2026-12-31"), ("Jan–Feb 2027", "2027-01-01", "2027-02-28"),
        ("FY26 Always-on", "2026-01-01", "2026-12-31"),
    ]

    static let tactics = ["", "", "", " – Retargeting", " – Lookalike", " – Contextual", " – PMP", " – Test A", " – Test B"]

    static let publishers = [
        "The Daily Planet", "Gotham Gazette", "Metropolis Weather", "Central City Sports", "Le Journal Numérique",
        "Süddeutsche Rundschau", "日本ニュース網", "Ciudad Deportes", "Ocean Recipes", "Pixel Gaming Hub",
        "Startup Wire", "Outdoor Trails Magazine", "Motor Trend Daily", "Finance Fortnight", "Parenting Today",
        "The Travel Ledger", "Música Ahora", "Kino & Film", "Health Line Weekly", "Home & Garden Digest",
        "Riverside Radio", "Nordic Noir Streaming", "Campus Courier", "The Crossword Club", "Pet Pals",
        "Fashion Forward", "Ciné Québec", "Bollywood Buzz", "Seoul Beat 서울", "Desert Sun Times",
        "Harbor City Herald", "Mountain Bike Monthly", "Le Gourmet Parisien", "Tech Explained", "Podcast Lane",
        "Weekend Gardener", "Lakeside Local", "Arcade Replay", "Smart Money Daily", "Coastal Living Guide",
    ]

    static let sections = ["Homepage", "Article", "Sports", "News", "Video Player", "App Feed", "Newsletter", "Gallery", "Search Results"]

    static let sizes: [(label: String, width: Int?, height: Int?)] = [
        ("Leaderboard 728x90", 728, 90), ("Medium Rectangle 300x250", 300, 250), ("Skyscraper 160x600", 160, 600),
        ("Mobile Banner 320x50", 320, 50), ("Billboard 970x250", 970, 250), ("Half Page 300x600", 300, 600),
        ("Pre-roll", nil, nil), ("Native In-feed", nil, nil),
    ]

    static let trackerPurposes = [
        "homepage clicks", "newsletter CTA", "video end card", "store locator", "app install", "coupon page",
        "sweepstakes entry", "product detail", "booking funnel", "sign-up form",
    ]
}
