import IPASNCore
import IPASNTerminal

/// Drawing helpers shared by the views.
enum Draw {
    /// The title row: the screen's title on the left, `right` on the right.
    static func title(_ grid: inout CellGrid, _ text: String, right: String = "") {
        grid.fill(row: 0, col: 0, width: grid.width, height: 1, style: .title)
        grid.put(DisplayWidth.truncate(" " + text, toWidth: grid.width), row: 0, col: 0, style: .title, maxWidth: grid.width)
        if !right.isEmpty {
            let w = DisplayWidth.width(of: right) + 1
            if w + DisplayWidth.width(of: text) + 3 < grid.width {
                grid.put(right, row: 0, col: grid.width - w, style: .title)
            }
        }
    }

    static func categoryStyle(_ category: Category) -> Style { .category(category.rank) }
}
