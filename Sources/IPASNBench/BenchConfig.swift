import Foundation

/// The sizes and repetitions of one benchmark run.
public struct BenchConfig: Sendable {
    public var name: String
    /// The province database.
    public var employees: Int
    public var diklatRows: Int
    /// Runs of the big measurements (import, recompute); the median is reported.
    public var bigRuns: Int
    /// Runs of the small ones (start).
    public var smallRuns: Int
    /// Keystrokes typed into the diklat form.
    public var keystrokes: Int
    /// Times the dashboard is opened.
    public var dashboardOpens: Int
    /// Employees of the three growth databases, smallest first, and their diklat per employee.
    public var growthEmployees: [Int]
    public var growthDiklatPerEmployee: [Int]
    /// Saves timed on each growth database.
    public var growthSaves: Int

    /// The province scale of the issue: 50,000 employees in about 300 units, 1,000,000
    /// diklat; growth at 5,000 / 50,000 / 500,000 employees.
    public static let full = BenchConfig(
        name: "full", employees: 50_000, diklatRows: 1_000_000, bigRuns: 3, smallRuns: 7, keystrokes: 10_000,
        dashboardOpens: 25, growthEmployees: [5_000, 50_000, 500_000], growthDiklatPerEmployee: [20, 20, 2],
        growthSaves: 150)

    /// Ten times the province: 500,000 employees, about 10,000,000 diklat (the linear-growth
    /// targets of issue 14). One run of each big measurement (`--runs` raises it); growth as
    /// in the full run. Needs several GB of disk and tens of minutes: `make bench-large`.
    public static let large = BenchConfig(
        name: "large", employees: 500_000, diklatRows: 10_000_000, bigRuns: 1, smallRuns: 5, keystrokes: 10_000,
        dashboardOpens: 25, growthEmployees: [5_000, 50_000, 500_000], growthDiklatPerEmployee: [20, 20, 20],
        growthSaves: 150)

    /// The same code on a small database, in seconds (also in a debug build).
    public static let quick = BenchConfig(
        name: "quick", employees: 500, diklatRows: 10_000, bigRuns: 3, smallRuns: 3, keystrokes: 500,
        dashboardOpens: 5, growthEmployees: [200, 500, 2_000], growthDiklatPerEmployee: [20, 20, 2],
        growthSaves: 20)

    /// The sizes `ipasn bench --size` takes, by name.
    public static let sizes: [BenchConfig] = [.quick, .full, .large]

    /// The size called `name` (`quick`, `full` or `large`; `province` is `full`).
    public static func named(_ name: String) -> BenchConfig? {
        let wanted = name.lowercased() == "province" ? "full" : name.lowercased()
        return sizes.first { $0.name == wanted }
    }

    /// How `ipasn bench` is called for this size.
    public var commandLine: String {
        switch name {
        case "full": "ipasn bench"
        case "quick": "ipasn bench --quick"
        default: "ipasn bench --size \(name)"
        }
    }

    /// Overrides the number of runs of every measurement.
    public func withRuns(_ runs: Int?) -> BenchConfig {
        guard let runs, runs > 0 else { return self }
        var copy = self
        copy.bigRuns = runs
        copy.smallRuns = max(runs, 1)
        return copy
    }
}

/// The options of `ipasn bench`.
public struct BenchOptions: Sendable {
    public var config: BenchConfig
    /// Where the markdown report goes (nil: stdout only).
    public var outputPath: String?
    /// Where databases and CSV files are made (deleted at the end unless kept).
    public var workDirectory: String
    /// The `ipasn` executable the child processes run (this very binary).
    public var executable: String
    /// The repository (for `git rev-parse` and the existing report).
    public var repositoryDirectory: String
    public var keepWorkDirectory: Bool

    public init(
        config: BenchConfig, outputPath: String?, workDirectory: String, executable: String,
        repositoryDirectory: String, keepWorkDirectory: Bool
    ) {
        self.config = config
        self.outputPath = outputPath
        self.workDirectory = workDirectory
        self.executable = executable
        self.repositoryDirectory = repositoryDirectory
        self.keepWorkDirectory = keepWorkDirectory
    }
}
