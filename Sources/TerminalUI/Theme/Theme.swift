/// Styles by role. The built-in default is compiled in, so the app starts without any file;
/// a theme file overrides only the roles it lists (`ThemeFile`).
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: ThemeRole) -> Style { styles[role] ?? .plain }

    /// Every role without colour: for NO_COLOR and terminals without colour.
    public var monochrome: Theme {
        Theme(name: name, styles: styles.mapValues(\.monochrome))
    }

    private static func s(_ fg: String = "default", _ bg: String = "default", bold: Bool = false,
                          underline: Bool = false, reverse: Bool = false, dim: Bool = false) -> Style {
        Style(foreground: Color(parsing: fg)!, background: Color(parsing: bg)!, bold: bold, underline: underline, reverse: reverse, dim: dim)
    }

    /// Themes/default.toml, compiled in (a test keeps the two equal).
    public static let builtinDefault = Theme(name: "default", styles: [
        .screen: s(),
        .titleBar: s("white", "#005f87"),
        .titleProduct: s("bright-white", "#005f87", bold: true),
        .toolbar: s(),
        .toolbarButton: s("cyan", bold: true),
        .toolbarButtonFocused: s("black", "cyan", bold: true),
        .toolbarCounts: s("bright-black"),
        .tableHeader: s("bright-white", "#303030", bold: true),
        .tableHeaderSorted: s("bright-yellow", "#303030", bold: true, underline: true),
        .tableRow: s(),
        .tableRowCursor: s("black", "#87afd7"),
        .tableRowSelected: s("bright-yellow", bold: true),
        .tableRowInactive: s("bright-black"),
        .tableScrollbar: s("bright-black"),
        .textMuted: s("bright-black"),
        .textWarning: s("yellow"),
        .textError: s("#ff5f5f", bold: true),
        .textSuccess: s("green"),
        .fieldLabel: s(bold: true),
        .field: s("white", "#262626"),
        .fieldFocused: s("bright-white", "#3a3a3a", underline: true),
        .fieldPlaceholder: s("bright-black", "#262626"),
        .fieldError: s("#ff5f5f", "#262626", underline: true),
        .button: s("cyan"),
        .buttonFocused: s("black", "cyan", bold: true),
        .checkbox: s(),
        .checkboxFocused: s("black", "cyan"),
        .dialog: s("white", "#1c1c1c"),
        .dialogBorder: s("cyan", "#1c1c1c"),
        .dialogTitle: s("bright-white", "#1c1c1c", bold: true),
        .dialogKey: s("cyan", "#1c1c1c", bold: true),
        .menu: s("white", "#262626"),
        .menuItemFocused: s("black", "cyan"),
        .menuItemDisabled: s("bright-black", "#262626"),
        .footer: s("bright-black"),
        .footerKey: s("cyan", bold: true),
        .toastInfo: s("black", "cyan"),
        .toastSuccess: s("black", "green"),
        .toastError: s("bright-white", "red", bold: true),
        .code: s("bright-white", "#121212"),
        .chartBar: s("#5fafd7"),
        .chartBarSelected: s("bright-yellow", bold: true),
        .chartAxis: s("bright-black"),
    ])

    /// Themes/light.toml, compiled in (a test keeps the two equal) so `theme = "auto"` finds it
    /// without the folder: the default theme with the roles that assume a dark background changed.
    public static let builtinLight: Theme = {
        var theme = builtinDefault
        theme.name = "light"
        let changes: [ThemeRole: Style] = [
            .titleBar: s("white", "#005f87"),
            .titleProduct: s("bright-white", "#005f87", bold: true),
            .toolbarButton: s("blue", bold: true),
            .toolbarButtonFocused: s("white", "blue", bold: true),
            .toolbarCounts: s("#585858"),
            .tableHeader: s("black", "#d0d0d0", bold: true),
            .tableHeaderSorted: s("#870000", "#d0d0d0", bold: true, underline: true),
            .tableRowCursor: s("black", "#afd7ff"),
            .tableRowSelected: s("#875f00", bold: true),
            .tableRowInactive: s("#808080"),
            .tableScrollbar: s("#767676"),
            .textMuted: s("#6c6c6c"),
            .textWarning: s("#875f00"),
            .textError: s("#af0000", bold: true),
            .textSuccess: s("#005f00"),
            .field: s("black", "#eeeeee"),
            .fieldFocused: s("black", "#ffffd7", underline: true),
            .fieldPlaceholder: s("#767676", "#eeeeee"),
            .fieldError: s("#af0000", "#ffd7d7", underline: true),
            .button: s("blue"),
            .buttonFocused: s("white", "blue", bold: true),
            .checkboxFocused: s("white", "blue"),
            .dialog: s("black", "#f5f5f5"),
            .dialogBorder: s("blue", "#f5f5f5"),
            .dialogTitle: s("black", "#f5f5f5", bold: true),
            .dialogKey: s("blue", "#f5f5f5", bold: true),
            .menu: s("black", "#e4e4e4"),
            .menuItemFocused: s("white", "blue"),
            .menuItemDisabled: s("#767676", "#e4e4e4"),
            .footer: s("#585858"),
            .footerKey: s("blue", bold: true),
            .code: s("black", "#f0f0f0"),
            .chartBar: s("#005f87"),
            .chartBarSelected: s("#875f00", bold: true),
            .chartAxis: s("#6c6c6c"),
        ]
        theme.styles.merge(changes) { _, new in new }
        return theme
    }()

    /// Themes/mono.toml, compiled in: attributes only, for NO_COLOR and colourless terminals.
    public static let builtinMono = Theme(name: "mono", styles: [
        .screen: s(),
        .titleBar: s(reverse: true),
        .titleProduct: s(bold: true, reverse: true),
        .toolbar: s(),
        .toolbarButton: s(bold: true),
        .toolbarButtonFocused: s(bold: true, reverse: true),
        .toolbarCounts: s(dim: true),
        .tableHeader: s(bold: true, underline: true),
        .tableHeaderSorted: s(bold: true, underline: true, reverse: true),
        .tableRow: s(),
        .tableRowCursor: s(reverse: true),
        .tableRowSelected: s(bold: true),
        .tableRowInactive: s(dim: true),
        .tableScrollbar: s(dim: true),
        .textMuted: s(dim: true),
        .textWarning: s(bold: true),
        .textError: s(bold: true, underline: true),
        .textSuccess: s(bold: true),
        .fieldLabel: s(bold: true),
        .field: s(underline: true),
        .fieldFocused: s(bold: true, underline: true),
        .fieldPlaceholder: s(underline: true, dim: true),
        .fieldError: s(bold: true, underline: true),
        .button: s(),
        .buttonFocused: s(bold: true, reverse: true),
        .checkbox: s(),
        .checkboxFocused: s(reverse: true),
        .dialog: s(),
        .dialogBorder: s(bold: true),
        .dialogTitle: s(bold: true),
        .dialogKey: s(bold: true),
        .menu: s(),
        .menuItemFocused: s(reverse: true),
        .menuItemDisabled: s(dim: true),
        .footer: s(dim: true),
        .footerKey: s(bold: true),
        .toastInfo: s(reverse: true),
        .toastSuccess: s(reverse: true),
        .toastError: s(bold: true, reverse: true),
        .code: s(),
        .chartBar: s(),
        .chartBarSelected: s(bold: true),
        .chartAxis: s(dim: true),
    ])
}
