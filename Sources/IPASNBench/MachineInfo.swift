import Foundation

/// The machine, date and commit a benchmark ran on, for the report header.
public struct MachineInfo: Sendable {
    public var cores: Int
    public var memoryBytes: Int
    public var cpuModel: String
    public var kernel: String
    public var date: Date
    public var commit: String?
    public var sqliteShellVersion: String?

    public static func current(workingDirectory: String) -> MachineInfo {
        var memory = 0
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") })
        {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            memory = kb * 1024
        } else {
            memory = Int(ProcessInfo.processInfo.physicalMemory)
        }
        var model = "unknown"
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let kernel = (try? ChildProcess.run("uname", ["-sr"]))?.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try? ChildProcess.run("git", ["-C", workingDirectory, "rev-parse", "--short", "HEAD"])
        let sqlite = try? ChildProcess.run("sqlite3", ["--version"])
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount, memoryBytes: memory, cpuModel: model,
            kernel: kernel ?? "unknown", date: Date(),
            commit: commit.flatMap { $0.status == 0 ? $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil },
            sqliteShellVersion: sqlite.flatMap {
                $0.status == 0 ? $0.stdout.split(separator: " ").prefix(2).joined(separator: " ") : nil
            })
    }

    var dateText: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    var summary: String {
        let gb = String(format: "%.1f GB", Double(memoryBytes) / 1_073_741_824)
        return "\(cores) cores (\(cpuModel)), \(gb) RAM, \(kernel)"
    }
}
