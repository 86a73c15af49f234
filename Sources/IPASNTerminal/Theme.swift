/// A terminal colour as understood by ncurses and most terminals.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    case black, red, green, yellow, blue, magenta, cyan, white
    /// A palette index (8...255 need a terminal with that many colours; the
    /// adaptor folds them into 0...7 otherwise).
    case indexed(Int)

    /// The curses colour number; `-1` for ``terminalDefault``.
    public var cursesNumber: Int {
        switch self {
        case .terminalDefault: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .indexed(let n): return n
        }
    }
}

/// Colour-independent text attributes; the only tools a monochrome terminal has.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    /// Creates attributes from their raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// How one ``Style`` is rendered: foreground, background and attributes.
public struct StyleAppearance: Hashable, Sendable {
    /// Foreground (text) colour.
    public var foreground: TerminalColor
    /// Background colour.
    public var background: TerminalColor
    /// Attributes added on top of the colours.
    public var attributes: TextAttributes

    /// Creates an appearance; colours default to the terminal's own.
    public init(
        foreground: TerminalColor = .terminalDefault,
        background: TerminalColor = .terminalDefault,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Maps each ``Style`` role to its look, for colour and for monochrome terminals.
///
/// The monochrome table is used when `NO_COLOR` is set or the terminal has no
/// colours; it only uses bold, reverse, underline and dim so every role stays
/// distinguishable. Horizontal bars are drawn with block characters, so they
/// remain visible without colour (their monochrome style must therefore not be
/// reverse video, which would invert the blocks into blanks).
public struct Theme: Hashable, Sendable {
    /// Appearance on a colour terminal, per normalized role.
    public var color: [Style: StyleAppearance]
    /// Attributes on a monochrome terminal, per normalized role.
    public var monochrome: [Style: TextAttributes]

    /// Creates a theme from two tables; missing roles render as plain text.
    public init(color: [Style: StyleAppearance], monochrome: [Style: TextAttributes]) {
        self.color = color
        self.monochrome = monochrome
    }

    /// The appearance of `style`, with colours when `colorEnabled`, otherwise
    /// default colours plus the monochrome attributes.
    public func appearance(for style: Style, colorEnabled: Bool) -> StyleAppearance {
        let role = style.normalized
        if colorEnabled {
            return color[role] ?? StyleAppearance()
        }
        return StyleAppearance(attributes: monochrome[role] ?? [])
    }

    /// The default workstation theme (light text on the terminal background,
    /// blue title/key bars, green-to-red category colours).
    public static let standard = Theme(
        color: [
            .normal: StyleAppearance(),
            .title: StyleAppearance(foreground: .white, background: .blue, attributes: .bold),
            .header: StyleAppearance(foreground: .cyan, attributes: .bold),
            .selected: StyleAppearance(foreground: .black, background: .cyan),
            .highlight: StyleAppearance(foreground: .yellow, attributes: .bold),
            .dim: StyleAppearance(attributes: .dim),
            .error: StyleAppearance(foreground: .white, background: .red, attributes: .bold),
            .warning: StyleAppearance(foreground: .yellow, attributes: .bold),
            .ok: StyleAppearance(foreground: .green, attributes: .bold),
            .keyBar: StyleAppearance(foreground: .black, background: .cyan),
            .keyName: StyleAppearance(foreground: .white, background: .blue, attributes: .bold),
            .input: StyleAppearance(attributes: .underline),
            .inputFocused: StyleAppearance(foreground: .black, background: .white),
            .barFill: StyleAppearance(foreground: .green),
            .barEmpty: StyleAppearance(attributes: .dim),
            .category(0): StyleAppearance(foreground: .green, attributes: .bold),
            .category(1): StyleAppearance(foreground: .cyan, attributes: .bold),
            .category(2): StyleAppearance(foreground: .yellow, attributes: .bold),
            .category(3): StyleAppearance(foreground: .magenta, attributes: .bold),
            .category(4): StyleAppearance(foreground: .red, attributes: .bold),
            .border: StyleAppearance(foreground: .blue),
            .status: StyleAppearance(foreground: .cyan),
        ],
        monochrome: [
            .normal: [],
            .title: [.bold, .reverse],
            .header: [.bold, .underline],
            .selected: .reverse,
            .highlight: .bold,
            .dim: .dim,
            .error: [.bold, .reverse],
            .warning: [.bold, .underline],
            .ok: .bold,
            .keyBar: .reverse,
            .keyName: [.bold, .reverse],
            .input: .underline,
            .inputFocused: .reverse,
            .barFill: .bold,
            .barEmpty: .dim,
            .category(0): .bold,
            .category(1): .bold,
            .category(2): [],
            .category(3): .underline,
            .category(4): [.bold, .underline],
            .border: [],
            .status: .dim,
        ]
    )
}
