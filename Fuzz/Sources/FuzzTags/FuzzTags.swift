import ClicktraxCore
import Foundation
import FuzzSupport

/// Any tracker data — name, code, landing page, line item and publisher names, link text —
/// split out of the input, through every export type. The tag's structure must be exactly that
/// of a harmless tracker's (`skeleton`), so no data ever opens or closes an element, an attribute
/// or a comment (SPEC §3).
@_cdecl("FuzzTags_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}

/// libFuzzer's runtime names this entry point too.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { fuzz(data, size) }

func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = text(data, size)
    var parts = input.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
    while parts.count < 5 { parts.append("") }
    // Click trackers and impression trackers (their own wrapper and path, no landing page) alike.
    for kind in TrackerKind.allCases {
        var hostile = tracker(name: parts[0], code: parts[1], clickUrl: parts[2].isEmpty ? nil : parts[2], lineItem: parts[3])
        var harmless = tracker(name: "x", code: nil, clickUrl: hostile.clickUrl == nil ? nil : "https://x.example/", lineItem: "x")
        hostile.kind = kind
        harmless.kind = kind
        check(hostile, harmless, linkText: parts[4])
    }
    return 0
}

func check(_ hostile: Tracker, _ harmless: Tracker, linkText: String) {
    for type in ExportType.allCases {
        for secure in [true, false] {
            var options = TagOptions(type: type)
            options.secure = secure
            options.linkText = linkText.isEmpty ? options.linkText : linkText
            let safe = TagOptions(type: type, secure: secure)
            // Lint refuses what it refuses (the export is then not made); what it lets through must be inert.
            guard let tag = try? TagExport.make([hostile], options: options).text,
                  let reference = try? TagExport.make([harmless], options: safe).text else { continue }
            precondition(skeleton(tag) == skeleton(reference),
                         "\(hostile.kind) \(type) secure=\(secure): data changed the tag's structure:\n\(tag)\nexpected the structure of:\n\(reference)")
        }
    }
}

func tracker(name: String, code: String?, clickUrl: String?, lineItem: String) -> Tracker {
    Tracker(id: 1, name: name, code: code, clickUrl: clickUrl, lineItem: ObjectRef(id: 2, name: lineItem),
                 publisher: ObjectRef(id: 3, name: lineItem), lastModified: "")
}

/// What gives the HTML its structure, in order: every `<` and `>`, quotes inside tags, and
/// comments as a whole (inside a comment only its end means anything — a name may hold quotes).
/// By Unicode scalars, as an HTML parser reads: a combining mark after `>` does not hide it.
func skeleton(_ html: String) -> String {
    // Scalars in an array, walked by index: slicing and re-making strings per character made
    // this check, not the code it checks, 90 % of the fuzzer's time.
    let scalars = Array(html.unicodeScalars)
    var out = String.UnicodeScalarView()
    var inTag = false
    var index = 0
    func startsComment(at i: Int) -> Bool {
        i + 3 < scalars.count && scalars[i] == "<" && scalars[i + 1] == "!" && scalars[i + 2] == "-" && scalars[i + 3] == "-"
    }
    while index < scalars.count {
        let next = scalars[index]
        if startsComment(at: index) {
            // The comment's end, looked for from its own "--" as a parser does (`<!-->` is closed).
            var end = index + 2
            while end + 2 < scalars.count && !(scalars[end] == "-" && scalars[end + 1] == "-" && scalars[end + 2] == ">") { end += 1 }
            guard end + 2 < scalars.count else { return String(out) + "<!-- never closed" }
            out.append(contentsOf: "<!---->".unicodeScalars)
            index = end + 3
            continue
        }
        if next == "<" { inTag = true; out.append(next) }
        else if next == ">" { inTag = false; out.append(next) }
        else if inTag && (next == "\"" || next == "'") { out.append(next) }
        index += 1
    }
    return String(out)
}
