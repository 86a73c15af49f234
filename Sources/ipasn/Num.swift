import Foundation
import IPASNCore

/// Numbers in tables and CSV: points as `22.5`, means with two decimals.
enum Num {
    static func points(_ value: Double) -> String { NumberText.points(value, .en) }
    static func mean(_ value: Double) -> String { NumberText.decimal(value, .en) }
}
