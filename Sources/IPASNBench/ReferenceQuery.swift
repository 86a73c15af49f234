import IPASNCore

/// The benchmark's reference: ONE hand-written SQL query, run by the `sqlite3` shell on the
/// same database file, that computes every unit's five means (kualifikasi, kompetensi,
/// kinerja, disiplin, total) straight from the record tables, without any Swift code.
///
/// It encodes the **bkn-2019 ruleset only**, with its values written out by hand from
/// `docs/scoring.md` / `Ruleset.bkn2019` (weights 25 / 40 / 30 / 5): the education points
/// by SIASN level via CASE, the jenis-diklat groups (kepemimpinan 1, fungsional 2, teknis
/// 3 5 6 8 12 13 16 17, seminar the rest), the leadership ranks and the rank each struktural
/// jenjang needs, the teknis minimum of 20 JP in year Y, the seminar window Y-1..Y, the SKP
/// predikat points and the PP 46/2011 number thresholds, and the disiplin points for a
/// punishment with TMT in Y. The unit tree is folded with a recursive CTE (each unit with
/// all of its descendants). A database with another ruleset cannot be checked with it:
/// ``Benchmark`` refuses to compare then.
///
/// The benchmark runs it with `sqlite3 -csv DB < query` and compares every unit's means,
/// rounded to 2 decimals, with `recomputeAll` + `unitFigures`.
public enum ReferenceQuery {
    /// The ruleset the query encodes.
    public static let rulesetID = "bkn-2019"

    /// The query for measurement year `year`: columns kode, pegawai, the five means
    /// (kualifikasi, kompetensi, kinerja, disiplin, total; printed with 17 significant
    /// digits), then twice each dimension's sum as an exact integer (SQLite's printf is not
    /// exact in the 17th digit, so a mean that is exactly on a half cent, such as 29.865,
    /// can print on either side of it; the exact sums settle the cent). One row per unit,
    /// ordered by kode.
    ///
    /// `dialect` .postgresql gives the same query for `psql --csv` (``PostgresBench``): `bool_or`
    /// and `false` where SQLite takes `MAX` over a comparison and `0`, and the means left as
    /// `float8` divisions, which PostgreSQL prints exactly (shortest round-trip digits) instead
    /// of through `printf('%.17g')`. Everything else is one text.
    public static func sql(year: Int, dialect: Dialect = .sqlite) -> String {
        let postgres = dialect == .postgresql
        return template
            .replacingOccurrences(of: "{Y-1}", with: String(year - 1))
            .replacingOccurrences(of: "{Y}", with: String(year))
            .replacingOccurrences(of: "{ANY}", with: postgres ? "bool_or" : "MAX")
            .replacingOccurrences(of: "{NO}", with: postgres ? "false" : "0")
            .replacingOccurrences(of: "{MEAN}", with: postgres ? "(" : "printf('%.17g', ")
    }

    /// The SQL engine the query is written for.
    public enum Dialect: Sendable {
        case sqlite, postgresql
    }

    static let template = """
        -- IP ASN unit means under the bkn-2019 ruleset ONLY, measurement year {Y}.
        WITH RECURSIVE
        -- Kualifikasi: the highest education completed by 31 Dec Y (an undated one counts).
        kual AS (
          SELECT nip, MAX(CASE tingkat
              WHEN 'S3' THEN 25 WHEN 'SUBSPESIALIS' THEN 25
              WHEN 'S2' THEN 20 WHEN 'SPESIALIS' THEN 20
              WHEN 'S1' THEN 15 WHEN 'D4' THEN 15 WHEN 'PROFESI' THEN 15
              WHEN 'D3' THEN 10
              WHEN 'D2' THEN 5 WHEN 'D1' THEN 5 WHEN 'SLTA' THEN 5 WHEN 'SLTA_KEJURUAN' THEN 5
              WHEN 'SLTA_KEGURUAN' THEN 5
              WHEN 'SLTP' THEN 1 WHEN 'SLTP_KEJURUAN' THEN 1 WHEN 'SD' THEN 1
              ELSE 0 END) AS points
          FROM pendidikan
          WHERE tanggal_lulus IS NULL OR tanggal_lulus <= '{Y}-12-31'
          GROUP BY nip),
        -- Kompetensi inputs per employee: best leadership rank, a matching fungsional course,
        -- teknis JP finished in Y, a seminar-group record finished in Y-1 or Y.
        dik AS (
          SELECT nip,
            MAX(CASE WHEN jenis = 1 THEN CASE tingkat
                  WHEN 'PIM_IV' THEN 1 WHEN 'PKP' THEN 1 WHEN 'PIM_III' THEN 2 WHEN 'PKA' THEN 2
                  WHEN 'PIM_II' THEN 3 WHEN 'PKN_II' THEN 3 WHEN 'PIM_I' THEN 4 WHEN 'PKN_I' THEN 4
                  ELSE 0 END ELSE 0 END) AS lead_rank,
            {ANY}(jenis = 2 AND sesuai_jabatan = 1) AS fungsional,
            SUM(CASE WHEN jenis IN (3, 5, 6, 8, 12, 13, 16, 17) AND tanggal_selesai >= '{Y}-01-01'
                THEN jp ELSE 0 END) AS teknis_jp,
            {ANY}(jenis IN (4, 7, 9, 10, 11, 14, 15, 18, 19, 20, 21, 22, 23, 24, 25)
                AND tanggal_selesai >= '{Y-1}-01-01') AS seminar
          FROM diklat
          WHERE tanggal_selesai <= '{Y}-12-31'
          GROUP BY nip),
        -- Kinerja: the SKP of year Y (the predikat stands; else the PP 46/2011 number).
        kin AS (
          SELECT nip, MAX(CASE
              WHEN predikat IS NOT NULL THEN CASE predikat
                WHEN 'sangat_baik' THEN 30 WHEN 'baik' THEN 25 WHEN 'cukup' THEN 15
                WHEN 'butuh_perbaikan' THEN 15 WHEN 'kurang' THEN 5 WHEN 'buruk' THEN 1
                WHEN 'sangat_kurang' THEN 1 END
              WHEN nilai >= 91 THEN 30 WHEN nilai >= 76 THEN 25 WHEN nilai >= 61 THEN 15
              WHEN nilai >= 51 THEN 5 WHEN nilai IS NOT NULL THEN 1 END) AS points
          FROM skp WHERE tahun = {Y}
          GROUP BY nip),
        -- Disiplin: the heaviest punishment with TMT in Y (none: 5).
        dis AS (
          SELECT nip, MIN(CASE tingkat WHEN 'ringan' THEN 3 WHEN 'sedang' THEN 2 WHEN 'berat' THEN 1 END) AS points
          FROM disiplin WHERE tmt >= '{Y}-01-01' AND tmt <= '{Y}-12-31'
          GROUP BY nip),
        -- Every active employee's four points.
        emp AS (
          SELECT p.kode_unit AS kode,
            COALESCE(k.points, 0) AS kual,
            CASE p.jenis_jabatan
              WHEN 'struktural' THEN
                (CASE WHEN COALESCE(d.lead_rank, 0) >= (CASE lower(replace(p.jenjang, ' ', '_'))
                      WHEN 'pengawas' THEN 1 WHEN 'administrator' THEN 2 WHEN 'jpt_pratama' THEN 3
                      WHEN 'jpt_madya' THEN 4 WHEN 'jpt_utama' THEN 4 END) THEN 15 ELSE 0 END)
                + (CASE WHEN COALESCE(d.teknis_jp, 0) >= 20 THEN 15 ELSE 0 END)
                + (CASE WHEN COALESCE(d.seminar, {NO}) THEN 10 ELSE 0 END)
              WHEN 'fungsional' THEN
                (CASE WHEN COALESCE(d.fungsional, {NO}) THEN 15 ELSE 0 END)
                + (CASE WHEN COALESCE(d.teknis_jp, 0) >= 20 THEN 15 ELSE 0 END)
                + (CASE WHEN COALESCE(d.seminar, {NO}) THEN 10 ELSE 0 END)
              WHEN 'pelaksana' THEN
                (CASE WHEN COALESCE(d.teknis_jp, 0) >= 20 THEN 22.5 ELSE 0 END)
                + (CASE WHEN COALESCE(d.seminar, {NO}) THEN 17.5 ELSE 0 END)
              ELSE 0 END AS komp,
            COALESCE(n.points, 0) AS kin,
            COALESCE(s.points, 5) AS dis
          FROM pegawai p
          LEFT JOIN kual k ON k.nip = p.nip
          LEFT JOIN dik d ON d.nip = p.nip
          LEFT JOIN kin n ON n.nip = p.nip
          LEFT JOIN dis s ON s.nip = p.nip
          WHERE p.aktif = 1),
        -- Each unit's sums over its own employees.
        direct AS (
          SELECT kode, COUNT(*) AS n, SUM(kual) AS kual, SUM(komp) AS komp, SUM(kin) AS kin, SUM(dis) AS dis
          FROM emp GROUP BY kode),
        -- Each unit with itself and all of its descendants (UNION keeps a damaged tree finite).
        tree(root, kode) AS (
          SELECT kode, kode FROM units
          UNION
          SELECT tree.root, units.kode FROM tree JOIN units ON units.induk = tree.kode)
        SELECT t.root AS kode,
          COALESCE(SUM(d.n), 0) AS pegawai,
          {MEAN}CASE WHEN SUM(d.n) > 0 THEN CAST(SUM(d.kual) AS DOUBLE PRECISION) / SUM(d.n) ELSE 0 END) AS kualifikasi,
          {MEAN}CASE WHEN SUM(d.n) > 0 THEN CAST(SUM(d.komp) AS DOUBLE PRECISION) / SUM(d.n) ELSE 0 END) AS kompetensi,
          {MEAN}CASE WHEN SUM(d.n) > 0 THEN CAST(SUM(d.kin) AS DOUBLE PRECISION) / SUM(d.n) ELSE 0 END) AS kinerja,
          {MEAN}CASE WHEN SUM(d.n) > 0 THEN CAST(SUM(d.dis) AS DOUBLE PRECISION) / SUM(d.n) ELSE 0 END) AS disiplin,
          {MEAN}CASE WHEN SUM(d.n) > 0
            THEN CAST(SUM(d.kual) + SUM(d.komp) + SUM(d.kin) + SUM(d.dis) AS DOUBLE PRECISION) / SUM(d.n) ELSE 0 END) AS total,
          -- The exact sums (points are multiples of 0.5, so twice a sum is an integer).
          CAST(COALESCE(SUM(d.kual), 0) * 2 AS BIGINT) AS kual_x2,
          CAST(COALESCE(SUM(d.komp), 0) * 2 AS BIGINT) AS komp_x2,
          CAST(COALESCE(SUM(d.kin), 0) * 2 AS BIGINT) AS kin_x2,
          CAST(COALESCE(SUM(d.dis), 0) * 2 AS BIGINT) AS dis_x2
        FROM tree t LEFT JOIN direct d ON d.kode = t.kode
        GROUP BY t.root
        ORDER BY t.root;

        """
}
