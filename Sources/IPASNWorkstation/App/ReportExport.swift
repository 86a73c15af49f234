import Foundation
import IPASNCore
import IPASNReportFiles
import IPASNReports
import IPASNStore

/// The `x` key of the dashboard, the unit list and the intervention screen: the same .xlsx
/// report `ipasn report units|interventions --format xlsx` writes (IPASNReportFiles), into a
/// file the workstation names, then a message naming it.
enum ReportExport {
    /// The folder a report goes to: the current directory when it can be written, else
    /// `~/ipasn-laporan/` (made when missing).
    static func folder(current: String = FileManager.default.currentDirectoryPath, home: String = NSHomeDirectory())
        throws -> String
    {
        if FileManager.default.isWritableFile(atPath: current) { return current }
        let folder = (home as NSString).appendingPathComponent("ipasn-laporan")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `folder/base.xlsx`, or `base-2.xlsx`, `base-3.xlsx` ... when taken: an earlier report is
    /// never overwritten.
    static func freePath(in folder: String, base: String) -> String {
        var path = (folder as NSString).appendingPathComponent("\(base).xlsx")
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = (folder as NSString).appendingPathComponent("\(base)-\(n).xlsx")
            n += 1
        }
        return path
    }

    /// The unit recap (dashboard, unit list).
    static func unitRecap(app: App) {
        write(app: app, base: "rekap-unit-ipasn-\(app.year)") { path in
            try UnitRecapReport.write(
                try ProgressReport.compute(store: app.store, year: app.year),
                instansi: ReportTitle.instansi(try app.store.units()), language: app.language, to: path)
        }
    }

    /// The intervention plan with its employees, the rows as shown (in the order shown).
    static func interventions(app: App, plan: InterventionPlan, rows: [InterventionPlan.Row], order: InterventionPlan.Order) {
        write(app: app, base: "rencana-intervensi-ipasn-\(app.year)") { path in
            let units = try app.store.units()
            var employees: [String: Pegawai] = [:]
            for root in UnitTree(units).roots {
                for p in try app.store.pegawai(inUnit: root.kode, includeSubunits: true) { employees[p.nip] = p }
            }
            try InterventionReport.write(
                plan, rows: rows, employees: employees, order: order, instansi: ReportTitle.instansi(units),
                language: app.language, to: path)
        }
    }

    static func write(app: App, base: String, _ body: (String) throws -> Void) {
        do {
            let path = freePath(in: try folder(current: app.reportFolder ?? FileManager.default.currentDirectoryPath), base: base)
            try body(path)
            app.inform(app.t(L.reportWritten(path)))
        } catch {
            app.fail(app.t(L.reportFailed(String(describing: error))))
        }
    }
}
