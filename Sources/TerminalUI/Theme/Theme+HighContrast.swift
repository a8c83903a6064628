/// Themes/high-contrast.toml, compiled in (a test keeps the two equal): the shipped themes work
/// wherever the binary is, whether or not their files were installed beside it.
extension Theme {
    public static let builtinHighContrast: Theme = {
        // Parsing a constant checked by the tests cannot fail; if it ever did, the default is the
        // honest fallback rather than a crash at start.
        (try? ThemeFile.parse(highContrastFile, source: "built-in high-contrast", name: "high-contrast")) ?? builtinDefault
    }()

    static let highContrastFile = """
        # High contrast: pure black and white with bright accents, bold where it helps, for low vision
        # and washed-out projectors.
        name = "high-contrast"

        screen = { fg = "bright-white", bg = "black" }
        "title.bar" = { fg = "black", bg = "bright-white", bold = true }
        "title.product" = { fg = "black", bg = "bright-yellow", bold = true }
        "toolbar.button" = { fg = "bright-yellow", bg = "black", bold = true }
        "toolbar.button.focused" = { fg = "black", bg = "bright-yellow", bold = true }
        "toolbar.counts" = { fg = "bright-white", bg = "black" }
        "table.header" = { fg = "black", bg = "bright-white", bold = true }
        "table.header.sorted" = { fg = "black", bg = "bright-yellow", bold = true, underline = true }
        "table.row" = { fg = "bright-white", bg = "black" }
        "table.row.cursor" = { fg = "black", bg = "bright-cyan", bold = true }
        "table.row.selected" = { fg = "bright-yellow", bg = "black", bold = true, underline = true }
        "table.row.inactive" = { fg = "white", bg = "black" }
        "table.scrollbar" = { fg = "bright-white", bg = "black" }
        "text.muted" = { fg = "white", bg = "black" }
        "text.error" = { fg = "bright-white", bg = "red", bold = true }
        field = { fg = "bright-white", bg = "black", underline = true }
        "field.focused" = { fg = "black", bg = "bright-white", bold = true }
        "field.error" = { fg = "bright-white", bg = "red", bold = true, underline = true }
        "button.focused" = { fg = "black", bg = "bright-yellow", bold = true }
        dialog = { fg = "bright-white", bg = "black" }
        "dialog.border" = { fg = "bright-yellow", bg = "black", bold = true }
        "dialog.title" = { fg = "bright-yellow", bg = "black", bold = true }
        "dialog.key" = { fg = "bright-yellow", bg = "black", bold = true }
        "menu.item.focused" = { fg = "black", bg = "bright-yellow", bold = true }
        footer = { fg = "bright-white", bg = "black" }
        "footer.key" = { fg = "bright-yellow", bg = "black", bold = true }
        "toast.error" = { fg = "bright-white", bg = "red", bold = true }
        "chart.bar" = { fg = "bright-cyan", bg = "black" }
        "chart.bar.selected" = { fg = "bright-yellow", bg = "black", bold = true }
        "chart.axis" = { fg = "white", bg = "black" }
        """
}
