import Testing
@testable import TerminalUI

@Suite struct ScreenBufferTests {
    let theme = Theme.builtinDefault

    @Test func wideCharactersTakeTwoCellsAndAreNeverCut() {
        var buffer = ScreenBuffer(width: 7, height: 2)
        #expect(buffer.write("東京ab", x: 0, y: 0, role: .tableRow, theme: theme) == 6)
        #expect(buffer.lines[0] == "東京ab ")
        #expect(buffer[1, 0].isContinuation && buffer[0, 0].width == 2)
        // At the edge a wide character that does not fit whole is cut, and the cut says so.
        #expect(buffer.write("abcdef東", x: 0, y: 1, role: .tableRow, theme: theme) == 7)
        #expect(buffer.lines[1] == "abcdef…")
        #expect(buffer.write("abcdefgh", x: 0, y: 1, maxWidth: 5, role: .tableRow, theme: theme) == 5)
        #expect(buffer.lines[1] == "abcd…f…", "the fifth cell says the text goes on")
        // Overwriting half of a wide character blanks the other half.
        buffer.write("x", x: 1, y: 0, role: .tableRow, theme: theme)
        #expect(buffer.lines[0] == " x京ab ")
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.write("a\u{1B}[2Jb\u{202E}c", x: 0, y: 0, role: .tableRow, theme: theme)
        #expect(buffer.lines[0] == "a␛[2Jb�c    ")
    }

    @Test func theDiffWritesOnlyWhatChanged() {
        var old = ScreenBuffer(width: 10, height: 3)
        old.write("hello", x: 0, y: 1, role: .tableRow, theme: theme)
        #expect(ScreenDiff.between(old, old).isEmpty)
        var new = old
        new.write("J", x: 0, y: 1, role: .tableRow, theme: theme)
        let diff = ScreenDiff.between(old, new)
        #expect(diff.runs.count == 1 && diff.runs[0].x == 0 && diff.runs[0].y == 1 && diff.cellCount == 1)
        #expect(ScreenDiff.between(old, ScreenBuffer(width: 11, height: 3)).cellCount == 33, "a resize redraws all")
        // A change under the second half of a wide character redraws the whole character.
        var wide = ScreenBuffer(width: 4, height: 1)
        wide.write("東", x: 0, y: 0, role: .tableRow, theme: theme)
        var changed = wide
        changed[1, 0].style = Style(bold: true)
        #expect(ScreenDiff.between(wide, changed).runs.first?.x == 0)
    }

    @Test func aStillFrameWritesNothing() {
        let backend = MemoryBackend(width: 20, height: 4)
        var buffer = ScreenBuffer(width: 20, height: 4)
        buffer.write("Clicktrax", x: 0, y: 0, role: .titleBar, theme: theme)
        backend.present(buffer)
        backend.present(buffer)
        #expect(backend.writtenCells == [80, 0])
    }
}

@Suite struct TextFieldTests {
    func typed(_ keys: [KeyPress], start: String = "") -> TextFieldState {
        var state = TextFieldState(start)
        for key in keys { _ = state.handle(key) }
        return state
    }

    @Test func readlineEditing() {
        #expect(typed([.char("a"), .char("b"), KeyPress(.left), .char("X")]).text == "aXb")
        #expect(typed([.ctrl("a"), .char(">")], start: "abc").text == ">abc")
        #expect(typed([.ctrl("a"), .ctrl("e"), .char("!")], start: "abc").text == "abc!")
        #expect(typed([KeyPress(.left), KeyPress(.left), .ctrl("u")], start: "hello").text == "lo")
        #expect(typed([KeyPress(.home), KeyPress(.right), .ctrl("k")], start: "hello").text == "h")
        #expect(typed([.ctrl("w")], start: "wonka holiday jp").text == "wonka holiday ")
        #expect(typed([.alt("b"), .alt("b"), .ctrl("k")], start: "wonka holiday jp").text == "wonka ")
        #expect(typed([KeyPress(.home), .alt("f"), .char("!")], start: "wonka holiday").text == "wonka! holiday")
        #expect(typed([KeyPress(.backspace), KeyPress(.home), KeyPress(.delete)], start: "abc").text == "b")
        var state = TextFieldState()
        #expect(!state.handle(KeyPress(.enter)) && !state.handle(KeyPress(.tab)) && !state.handle(KeyPress(.escape)))
    }

    @Test func pasteFlattensLinesAndDropsControls() {
        var state = TextFieldState("ab", maxLength: 8)
        state.insert("x\ny\u{7}z\tw123456")
        #expect(state.text == "abx yz w")
    }

    @Test func aLongFieldScrollsToKeepTheCursorInView() {
        var state = TextFieldState("東京ラーメン Wonka Holiday")
        var buffer = ScreenBuffer(width: 10, height: 1)
        TextFieldWidget.render(&state, in: Rect(x: 0, y: 0, width: 10, height: 1), focused: true, theme: .builtinDefault, into: &buffer)
        #expect(buffer.lines[0] == "a Holiday ")
        #expect(buffer.cursor?.x == 9)
        _ = state.handle(KeyPress(.home))
        TextFieldWidget.render(&state, in: Rect(x: 0, y: 0, width: 10, height: 1), focused: true, theme: .builtinDefault, into: &buffer)
        #expect(buffer.lines[0] == "東京ラー …", "the text goes on past the field: its last cell says so")
        #expect(buffer.cursor?.x == 0)
    }

    @Test func placeholderAndErrorRoles() {
        var empty = TextFieldState(placeholder: "search")
        var buffer = ScreenBuffer(width: 8, height: 1)
        TextFieldWidget.render(&empty, in: Rect(x: 0, y: 0, width: 8, height: 1), focused: false, theme: .builtinDefault, into: &buffer)
        #expect(buffer.lines[0] == "search  " && buffer[0, 0].role == .fieldPlaceholder)
        var wrong = TextFieldState("bad")
        wrong.error = "must be a URL"
        TextFieldWidget.render(&wrong, in: Rect(x: 0, y: 0, width: 8, height: 1), focused: true, theme: .builtinDefault, into: &buffer)
        #expect(buffer[0, 0].role == .fieldError)
    }
}

@Suite struct TableWidgetTests {
    @Test func aMillionVirtualRowsAreAskedOnlyForWhatIsVisible() {
        var state = TableState<Int>(rowCount: 1_000_000)
        var requested: [Range<Int>] = []
        var buffer = ScreenBuffer(width: 40, height: 6)
        let columns = [TableColumn("ID", minWidth: 8, alignRight: true), TableColumn("Name", minWidth: 10, flex: 1)]
        func render() {
            TableWidget.render(&state, columns: columns, checkboxes: true, in: buffer.bounds, theme: .builtinDefault, into: &buffer) { range in
                requested.append(range)
                return range.map { TableRow(id: $0, cells: [String($0), "Row \($0)"], dimmed: $0 % 2 == 1) }
            }
        }
        render()
        #expect(requested == [0..<5])
        state.moveToBottom()
        state.toggle(999_999)
        render()
        #expect(requested.last == 999_995..<1_000_000)
        #expect(buffer.lines[5].hasPrefix("[x]   999999 Row 999999"))
        #expect(buffer[5, 5].role == .tableRowCursor)
        #expect(buffer[5, 3].role == .tableRowInactive)
        #expect(buffer[5, 4].role == .tableRow)
        #expect(buffer.lines[5].hasSuffix("█"), "the scroll thumb is at the bottom")
        #expect(buffer.lines[1].hasSuffix("│"))
    }

    @Test func headerShowsTheSortAndTicksSurviveScrolling() {
        var state = TableState<Int>(rowCount: 3)
        state.sort(by: 1)
        state.sort(by: 1)
        var buffer = ScreenBuffer(width: 30, height: 4)
        let columns = [TableColumn("ID", minWidth: 4), TableColumn("Name", minWidth: 10, flex: 1)]
        TableWidget.render(&state, columns: columns, checkboxes: false, in: buffer.bounds, theme: .builtinDefault, into: &buffer) { range in
            range.map { TableRow(id: $0, cells: [String($0), "n\($0)"]) }
        }
        #expect(buffer.lines[0].hasPrefix("ID   Name ▼"))
        #expect(buffer[5, 0].role == .tableHeaderSorted)
        state.scroll(by: 5)
        #expect(state.offset == 0, "nothing to scroll when all rows fit")
    }
}

@Suite struct SmallWidgetTests {
    let theme = Theme.builtinDefault

    @Test func checkboxRadioButtonMenuDialogFooterToast() {
        var buffer = ScreenBuffer(width: 40, height: 12)
        CheckboxWidget.render("Escape ampersands", checked: true, focused: true, x: 0, y: 0, theme: theme, into: &buffer)
        RadioGroupWidget.render(["JavaScript", "Pixel"], selected: 1, focused: false, x: 0, y: 1, theme: theme, into: &buffer)
        ButtonWidget.render("Save", focused: true, x: 0, y: 2, theme: theme, into: &buffer)
        #expect(buffer.lines[0].hasPrefix("[x] Escape ampersands") && buffer[0, 0].role == .checkboxFocused)
        #expect(buffer.lines[1].hasPrefix("( ) JavaScript  (•) Pixel"))
        #expect(buffer.lines[2].hasPrefix("[ Save ]") && buffer[0, 2].role == .buttonFocused)
        let items = [Binding([.char("e")], 0, "Export Tags"), Binding([], 1, "Delete").item("Delete", disabledReason: "select a tracker")]
        let menu = MenuWidget.render(items, focused: 0, x: 1, y: 3, theme: theme, into: &buffer)
        #expect(menu == Rect(x: 1, y: 3, width: 18, height: 4))
        #expect(buffer.lines[4].dropFirst().hasPrefix("│ Export Tags  e │"))
        #expect(buffer[3, 5].role == .menuItemDisabled)
        var frame = ScreenBuffer(width: 20, height: 4)
        let inner = DialogFrame.render(title: "Export", in: frame.bounds, theme: theme, into: &frame)
        #expect(frame.lines == ["┌─ Export ─────────┐", "│                  │", "│                  │", "└──────────────────┘"])
        #expect(inner == Rect(x: 2, y: 1, width: 16, height: 2))
        var footer = ScreenBuffer(width: 24, height: 2)
        FooterWidget.render([("/", "Filter"), ("?", "Help"), ("q", "Quit")], y: 1, width: 24, theme: theme, into: &footer)
        #expect(footer.lines[1] == " / Filter  ? Help       ", "a hint that does not fit whole is left out")
        Toast("Copied", kind: .success).render(y: 0, width: 24, theme: theme, into: &footer)
        #expect(footer.lines[0] == "                Copied  " && footer[17, 0].role == .toastSuccess)
    }

    @Test func bindingsDriveDispatchAndTheFooter() {
        enum Action: Sendable { case quit, help }
        let table = [Binding([.char("q"), .ctrl("c")], Action.quit, "Quit the app", footer: "Quit"), Binding([.char("?")], Action.help, "Help")]
        #expect(Binding.action(for: .ctrl("c"), in: table) == .quit)
        #expect(Binding.action(for: .char("x"), in: table) == nil)
        #expect(Binding.footerHints(table).map(\.label) == ["Quit"])
        #expect(table[0].keysLabel == "q/Ctrl-C")
    }
}

extension ScreenBufferTests {
    /// Thirty days at 80 columns leave two cells a bar: one for the bar, one blank, so
    /// neighbouring days never run into one block (issue 30).
    @Test func barsTwoCellsWideStandApart() {
        var buffer = ScreenBuffer(width: 80, height: 10)
        let values = (0..<30).map { 10 + $0 % 5 }
        BarChartWidget.render(title: "Clicks per day", values: values, labels: values.map { "\($0)" }, highlight: nil,
                              in: Rect(x: 0, y: 0, width: 78, height: 10), theme: .builtinDefault, into: &buffer)
        let bottom = buffer.lines.last { $0.contains("0│") } ?? ""
        let runs = bottom.split(separator: "│").last?.split(separator: " ") ?? []
        #expect(runs.count == 30, "\(bottom)")
    }
}
