import Foundation
import IPASNFiles

/// The entry point of `ipasn bench`: runs the benchmark, prints the table, writes the report.
public enum BenchRunner {
    /// Runs the benchmark and writes its outputs. Returns the report; throws ``BenchError``
    /// when a self-check failed (the caller exits non-zero). Missed targets are not errors.
    @discardableResult
    public static func run(options: BenchOptions) throws -> BenchReport {
        let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let report = try Benchmark(options: options, log: log).run()
        print(report.terminalText)
        print("")
        for check in report.checks { print("check ok: " + check) }
        if report.missed.isEmpty {
            print("all targets met")
        } else {
            print("targets MISSED: " + report.missed.map { "\($0.id) \($0.measurement)" }.joined(separator: "; "))
        }
        if let path = options.outputPath {
            let existing = try? String(contentsOfFile: path, encoding: .utf8)
            let document = report.markdownDocument(existing: existing)
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(document, to: path)
            print("report written to \(path)")
        } else {
            print("")
            print(report.markdownBody)
        }
        return report
    }

    /// This process's executable (to run `ipasn import`, `ipasn --probe` as children).
    public static var currentExecutable: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 {
            return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let arg0 = CommandLine.arguments.first ?? "ipasn"
        if arg0.hasPrefix("/") { return arg0 }
        return FileManager.default.currentDirectoryPath + "/" + arg0
    }
}
