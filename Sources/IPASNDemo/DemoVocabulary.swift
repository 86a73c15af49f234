/// The words the demo sample is made of: perangkat daerah, names, schools, courses.
/// All invented for the demo; a fictional regency, "Kabupaten Sukamaju".
enum DemoVocabulary {
    /// What a perangkat daerah does, which decides its fungsional posts and course topics.
    enum Domain: Sendable {
        case umum, pendidikan, kesehatan, teknik, pertanian, pengawasan, keuangan, kepegawaian, ketertiban, kewilayahan
    }

    struct Perangkat: Sendable {
        let kode: String
        let nama: String
        /// Share of the employees (relative).
        let weight: Double
        let domain: Domain
        let bidang: [String]
    }

    static let regency = "Sukamaju"

    /// The perangkat daerah, most important first (a small sample keeps the first few).
    static let perangkat: [Perangkat] = [
        .init(kode: "DISDIK", nama: "Dinas Pendidikan", weight: 30, domain: .pendidikan,
              bidang: ["Sekretariat", "Bidang Pembinaan SD", "Bidang Pembinaan SMP", "Bidang PAUD dan Pendidikan Nonformal", "Bidang Ketenagaan", "UPTD Pendidikan Wilayah I", "UPTD Pendidikan Wilayah II"]),
        .init(kode: "DINKES", nama: "Dinas Kesehatan", weight: 13, domain: .kesehatan,
              bidang: ["Sekretariat", "Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit", "Bidang Pelayanan Kesehatan", "Bidang Sumber Daya Kesehatan", "UPTD Puskesmas Sukamaju", "UPTD Puskesmas Cibening", "UPTD Puskesmas Karangrejo"]),
        .init(kode: "BKPSDM", nama: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", weight: 1.2, domain: .kepegawaian,
              bidang: ["Sekretariat", "Bidang Pengadaan dan Informasi ASN", "Bidang Mutasi dan Promosi", "Bidang Pengembangan Kompetensi", "Bidang Penilaian Kinerja dan Disiplin"]),
        .init(kode: "SETDA", nama: "Sekretariat Daerah", weight: 3, domain: .umum,
              bidang: ["Bagian Pemerintahan", "Bagian Hukum", "Bagian Organisasi", "Bagian Umum", "Bagian Perekonomian", "Bagian Pengadaan Barang dan Jasa", "Bagian Protokol dan Komunikasi Pimpinan"]),
        .init(kode: "RSUD", nama: "Rumah Sakit Umum Daerah Sukamaju", weight: 6, domain: .kesehatan,
              bidang: ["Bagian Tata Usaha", "Bidang Pelayanan Medik", "Bidang Keperawatan", "Bidang Penunjang", "Bagian Keuangan"]),
        .init(kode: "BAPPEDA", nama: "Badan Perencanaan Pembangunan Daerah", weight: 1, domain: .umum,
              bidang: ["Sekretariat", "Bidang Perencanaan Ekonomi", "Bidang Sosial Budaya", "Bidang Infrastruktur dan Kewilayahan", "Bidang Penelitian dan Pengembangan"]),
        .init(kode: "INSPEKTORAT", nama: "Inspektorat Daerah", weight: 1, domain: .pengawasan,
              bidang: ["Sekretariat", "Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II", "Inspektur Pembantu Wilayah III", "Inspektur Pembantu Khusus"]),
        .init(kode: "BPKAD", nama: "Badan Pengelolaan Keuangan dan Aset Daerah", weight: 1.5, domain: .keuangan,
              bidang: ["Sekretariat", "Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Akuntansi", "Bidang Aset"]),
        .init(kode: "DPUPR", nama: "Dinas Pekerjaan Umum dan Penataan Ruang", weight: 2, domain: .teknik,
              bidang: ["Sekretariat", "Bidang Bina Marga", "Bidang Sumber Daya Air", "Bidang Cipta Karya", "Bidang Penataan Ruang", "UPTD Peralatan"]),
        .init(kode: "KEC-UTARA", nama: "Kecamatan Sukamaju Utara", weight: 1.3, domain: .kewilayahan,
              bidang: ["Sekretariat Kecamatan", "Seksi Pemerintahan", "Seksi Pelayanan Umum", "Kelurahan Sindangsari", "Kelurahan Tegalwaru"]),
        .init(kode: "BAPENDA", nama: "Badan Pendapatan Daerah", weight: 1, domain: .keuangan,
              bidang: ["Sekretariat", "Bidang Pendataan dan Penetapan", "Bidang Penagihan", "Bidang Pajak Bumi dan Bangunan"]),
        .init(kode: "DISPERTA", nama: "Dinas Pertanian", weight: 2.5, domain: .pertanian,
              bidang: ["Sekretariat", "Bidang Tanaman Pangan", "Bidang Hortikultura", "Bidang Peternakan", "Bidang Penyuluhan", "UPTD Balai Penyuluhan Pertanian"]),
        .init(kode: "SATPOLPP", nama: "Satuan Polisi Pamong Praja", weight: 2, domain: .ketertiban,
              bidang: ["Sekretariat", "Bidang Penegakan Perda", "Bidang Ketertiban Umum", "Bidang Perlindungan Masyarakat"]),
        .init(kode: "DISDUKCAPIL", nama: "Dinas Kependudukan dan Pencatatan Sipil", weight: 1, domain: .umum,
              bidang: ["Sekretariat", "Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil", "Bidang Pengelolaan Informasi Administrasi Kependudukan"]),
        .init(kode: "DISHUB", nama: "Dinas Perhubungan", weight: 1.5, domain: .teknik,
              bidang: ["Sekretariat", "Bidang Lalu Lintas", "Bidang Angkutan", "Bidang Sarana dan Prasarana"]),
        .init(kode: "DLH", nama: "Dinas Lingkungan Hidup", weight: 1.5, domain: .teknik,
              bidang: ["Sekretariat", "Bidang Tata Lingkungan", "Bidang Pengelolaan Sampah", "Bidang Pengendalian Pencemaran"]),
        .init(kode: "DINSOS", nama: "Dinas Sosial", weight: 1, domain: .umum,
              bidang: ["Sekretariat", "Bidang Rehabilitasi Sosial", "Bidang Perlindungan dan Jaminan Sosial", "Bidang Pemberdayaan Sosial"]),
        .init(kode: "KEC-SELATAN", nama: "Kecamatan Sukamaju Selatan", weight: 1.3, domain: .kewilayahan,
              bidang: ["Sekretariat Kecamatan", "Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban", "Kelurahan Karanganyar", "Kelurahan Mekarsari"]),
        .init(kode: "DISKOMINFO", nama: "Dinas Komunikasi dan Informatika", weight: 1, domain: .umum,
              bidang: ["Sekretariat", "Bidang Informasi dan Komunikasi Publik", "Bidang Aplikasi Informatika", "Bidang Persandian dan Statistik"]),
        .init(kode: "DISNAKER", nama: "Dinas Tenaga Kerja", weight: 1, domain: .umum,
              bidang: ["Sekretariat", "Bidang Pelatihan dan Produktivitas", "Bidang Penempatan Tenaga Kerja", "Bidang Hubungan Industrial"]),
        .init(kode: "DPMPTSP", nama: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", weight: 1, domain: .umum,
              bidang: ["Sekretariat", "Bidang Pelayanan Perizinan", "Bidang Promosi Penanaman Modal", "Bidang Pengaduan dan Informasi"]),
        .init(kode: "DKP", nama: "Dinas Ketahanan Pangan dan Perikanan", weight: 1, domain: .pertanian,
              bidang: ["Sekretariat", "Bidang Ketersediaan Pangan", "Bidang Perikanan Budidaya", "Bidang Konsumsi dan Keamanan Pangan"]),
        .init(kode: "DISPERKIM", nama: "Dinas Perumahan dan Kawasan Permukiman", weight: 1, domain: .teknik,
              bidang: ["Sekretariat", "Bidang Perumahan", "Bidang Kawasan Permukiman", "Bidang Pertanahan"]),
        .init(kode: "DINKOPUKM", nama: "Dinas Koperasi, Usaha Kecil dan Menengah", weight: 1, domain: .umum,
              bidang: ["Sekretariat", "Bidang Kelembagaan Koperasi", "Bidang Pemberdayaan Usaha Mikro", "Bidang Pengawasan Koperasi"]),
        .init(kode: "DISPARBUD", nama: "Dinas Pariwisata dan Kebudayaan", weight: 1, domain: .umum,
              bidang: ["Sekretariat", "Bidang Destinasi Pariwisata", "Bidang Kebudayaan", "Bidang Ekonomi Kreatif"]),
        .init(kode: "DISPORA", nama: "Dinas Pemuda dan Olahraga", weight: 0.8, domain: .umum,
              bidang: ["Sekretariat", "Bidang Kepemudaan", "Bidang Keolahragaan"]),
        .init(kode: "BPBD", nama: "Badan Penanggulangan Bencana Daerah", weight: 0.8, domain: .ketertiban,
              bidang: ["Sekretariat", "Bidang Pencegahan dan Kesiapsiagaan", "Bidang Kedaruratan dan Logistik", "Bidang Rehabilitasi dan Rekonstruksi"]),
        .init(kode: "SETWAN", nama: "Sekretariat DPRD", weight: 1, domain: .umum,
              bidang: ["Bagian Umum", "Bagian Persidangan dan Perundang-undangan", "Bagian Keuangan", "Bagian Fasilitasi Penganggaran"]),
        .init(kode: "KESBANGPOL", nama: "Badan Kesatuan Bangsa dan Politik", weight: 0.6, domain: .umum,
              bidang: ["Sekretariat", "Bidang Ideologi dan Wawasan Kebangsaan", "Bidang Politik Dalam Negeri", "Bidang Ketahanan Ekonomi, Sosial dan Budaya"]),
        .init(kode: "KEC-TIMUR", nama: "Kecamatan Sukamaju Timur", weight: 1.2, domain: .kewilayahan,
              bidang: ["Sekretariat Kecamatan", "Seksi Pemerintahan", "Seksi Pemberdayaan Masyarakat", "Kelurahan Sukaresmi", "Kelurahan Jatimulya"]),
    ]

    /// Section names under a bidang.
    static let seksiPrefixes = ["Seksi Perencanaan", "Seksi Pembinaan", "Seksi Evaluasi", "Subbagian Umum", "Seksi Data dan Informasi"]

    // MARK: Names

    enum Ethnicity: CaseIterable {
        case jawa, sunda, batak, minang, bugis, bali, melayu, umum
    }

    struct NamePool: Sendable {
        let male: [String]
        let female: [String]
        let last: [String]
    }

    static let pools: [Ethnicity: NamePool] = [
        .jawa: NamePool(
            male: ["Budi", "Agus", "Bambang", "Eko", "Joko", "Slamet", "Sugeng", "Wahyu", "Heru", "Teguh", "Purwanto", "Hadi", "Dwi", "Tri", "Suryo", "Bayu", "Adi", "Sutrisno", "Gunawan", "Priyo", "Yudi", "Dimas", "Rizky", "Anang"],
            female: ["Sri", "Endang", "Siti", "Dewi", "Rini", "Wulan", "Ratna", "Sulistyowati", "Tri", "Dyah", "Retno", "Puji", "Ayu", "Kartika", "Lestari", "Nur", "Yuliana", "Indah", "Fitri", "Eni"],
            last: ["Santoso", "Wibowo", "Susanto", "Prasetyo", "Setiawan", "Hidayat", "Nugroho", "Wijaya", "Saputra", "Kurniawan", "Purnomo", "Raharjo", "Utomo", "Haryanto", "Sulistyo", "Wahyuni", "Rahayu", "Handayani", "Lestari", "Pratiwi", "Kusumawati", "Astuti", "Mulyani", "Rahmawati"]),
        .sunda: NamePool(
            male: ["Asep", "Dede", "Ujang", "Cecep", "Dadang", "Yayan", "Iwan", "Ade", "Jajang", "Engkos", "Deden", "Aep", "Ridwan", "Yusuf"],
            female: ["Euis", "Neneng", "Yeni", "Imas", "Enok", "Cucu", "Nining", "Lilis", "Rina", "Tati", "Popon", "Nia"],
            last: ["Saepudin", "Sumarna", "Hermawan", "Kusnadi", "Ruhiyat", "Permana", "Sopandi", "Suherman", "Nurhayati", "Sumiati", "Rohaeti", "Kurniasih", "Mulyana", "Hidayat"]),
        .batak: NamePool(
            male: ["Parlindungan", "Togar", "Maruli", "Hotma", "Binsar", "Sahat", "Johannes", "Ronald", "Poltak", "Bonar", "Martua"],
            female: ["Rosmawati", "Lusiana", "Tiur", "Rugun", "Debora", "Mariani", "Hotnida", "Sondang", "Dormaida"],
            last: ["Simanjuntak", "Siregar", "Nasution", "Harahap", "Lubis", "Sitompul", "Panjaitan", "Hutapea", "Sinaga", "Situmorang", "Pardede", "Manurung", "Tambunan", "Simatupang"]),
        .minang: NamePool(
            male: ["Afrizal", "Yusrizal", "Hendri", "Zulkifli", "Irwan", "Syafril", "Fadli", "Rahmat", "Erwin", "Arif"],
            female: ["Yulia", "Fitriani", "Nurhasanah", "Desmawati", "Rahmi", "Elvi", "Yusnita", "Mardiah", "Fauziah"],
            last: ["Putra", "Syahputra", "Chaniago", "Koto", "Tanjung", "Sikumbang", "Piliang", "Effendi", "Yunita", "Asmara", "Rosalina", "Sari"]),
        .bugis: NamePool(
            male: ["Andi", "Muhammad", "Syamsul", "Amiruddin", "Baharuddin", "Rusli", "Hasanuddin", "Irfan", "Arman", "Jumadi"],
            female: ["Andi", "Hasnawati", "Nurhayati", "Sitti", "Hasmiah", "Rosmini", "Nurlina", "Marlina", "Ernawati"],
            last: ["Mappaturung", "Latif", "Rahman", "Hamzah", "Arifin", "Makkasau", "Pawelloi", "Jamaluddin", "Syarifuddin", "Ramli"]),
        .bali: NamePool(
            male: ["Putu Adi", "Made Suarta", "Wayan Sudarma", "Nyoman Arta", "Ketut Wirawan", "Gede Ariawan", "Komang Astawa", "Kadek Surya"],
            female: ["Putu Ayu", "Made Sri", "Wayan Sumerti", "Nyoman Suci", "Ketut Ariani", "Luh Sukerti", "Komang Dewi", "Kadek Yuliantari"],
            last: ["Sudiarta", "Wirawan", "Suardana", "Mahendra", "Pramana", "Astiti", "Widiastuti", "Puspitasari", "Sanjaya", "Antara"]),
        .melayu: NamePool(
            male: ["Zainal", "Syahrial", "Rusdi", "Hamdan", "Azhar", "Fauzi", "Junaidi", "Firdaus", "Hasbullah"],
            female: ["Zubaidah", "Rohani", "Salmah", "Nurbaiti", "Aisyah", "Halimah", "Rosnah", "Mariana"],
            last: ["Abdullah", "Ismail", "Ibrahim", "Yusuf", "Rahim", "Hasan", "Anwar", "Bakar", "Kadir", "Umar"]),
        .umum: NamePool(
            male: ["Ahmad", "Muhammad", "Rudi", "Andi", "Hendra", "Fajar", "Yoga", "Arief", "Dani", "Reza", "Fikri", "Ilham", "Galih", "Aditya"],
            female: ["Nurul", "Fitri", "Dian", "Novi", "Mega", "Putri", "Anisa", "Intan", "Rizka", "Maya", "Citra", "Dina", "Ayu", "Vina"],
            last: ["Firmansyah", "Ramadhan", "Hakim", "Permatasari", "Maulana", "Pratama", "Anggraini", "Kusuma", "Febriani", "Nugraha", "Hartono", "Septiani"]),
    ]

    static let ethnicityWeights: [(Ethnicity, Double)] = [
        (.jawa, 40), (.sunda, 15), (.batak, 8), (.minang, 8), (.bugis, 7), (.bali, 5), (.melayu, 7), (.umum, 10),
    ]

    // MARK: Posts

    static let fungsionalPosts: [Domain: [String]] = [
        .pendidikan: ["Guru Ahli Pertama", "Guru Ahli Muda", "Guru Ahli Madya", "Guru Ahli Muda", "Guru Ahli Pertama", "Pengawas Sekolah Ahli Madya", "Penilik Ahli Muda", "Pamong Belajar Ahli Pertama"],
        .kesehatan: ["Perawat Terampil", "Perawat Ahli Pertama", "Perawat Ahli Muda", "Bidan Terampil", "Bidan Ahli Pertama", "Dokter Ahli Pertama", "Dokter Ahli Muda", "Apoteker Ahli Pertama", "Nutrisionis Terampil", "Sanitarian Terampil", "Pranata Laboratorium Kesehatan Terampil", "Epidemiolog Kesehatan Ahli Muda", "Administrator Kesehatan Ahli Muda"],
        .teknik: ["Teknik Jalan dan Jembatan Ahli Pertama", "Teknik Pengairan Ahli Muda", "Penata Ruang Ahli Muda", "Pengawas Lingkungan Hidup Ahli Pertama", "Penguji Kendaraan Bermotor Terampil"],
        .pertanian: ["Penyuluh Pertanian Ahli Pertama", "Penyuluh Pertanian Ahli Muda", "Penyuluh Pertanian Terampil", "Pengawas Mutu Hasil Pertanian Ahli Pertama", "Medik Veteriner Ahli Pertama"],
        .pengawasan: ["Auditor Ahli Pertama", "Auditor Ahli Muda", "Auditor Ahli Madya", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Muda"],
        .keuangan: ["Analis Keuangan Pusat dan Daerah Ahli Pertama", "Analis Keuangan Pusat dan Daerah Ahli Muda", "Pranata Keuangan APBN Terampil", "Penilai Pajak Ahli Pertama"],
        .kepegawaian: ["Analis Sumber Daya Manusia Aparatur Ahli Pertama", "Analis Sumber Daya Manusia Aparatur Ahli Muda", "Pranata Sumber Daya Manusia Aparatur Terampil", "Widyaiswara Ahli Muda"],
        .ketertiban: ["Polisi Pamong Praja Terampil", "Polisi Pamong Praja Mahir", "Polisi Pamong Praja Ahli Pertama", "Analis Bencana Ahli Pertama"],
        .kewilayahan: ["Penggerak Swadaya Masyarakat Ahli Pertama", "Analis Kebijakan Ahli Pertama", "Pranata Komputer Terampil"],
        .umum: ["Perencana Ahli Pertama", "Perencana Ahli Muda", "Analis Kebijakan Ahli Muda", "Pranata Komputer Ahli Pertama", "Arsiparis Terampil", "Arsiparis Ahli Pertama", "Pranata Hubungan Masyarakat Ahli Muda", "Pengelola Pengadaan Barang/Jasa Ahli Pertama", "Statistisi Ahli Pertama", "Pekerja Sosial Ahli Pertama"],
    ]

    static let pelaksanaPosts = [
        "Pengadministrasi Umum", "Pengadministrasi Perkantoran", "Pengelola Data", "Pengelola Keuangan", "Pengolah Data dan Informasi",
        "Pengelola Barang Milik Negara", "Penata Layanan Operasional", "Operator Layanan Operasional", "Pengemudi", "Pramu Bakti",
        "Pengelola Layanan Kepegawaian", "Penelaah Teknis Kebijakan", "Pengadministrasi Perkantoran",
    ]

    // MARK: Education

    static let schoolsByLevel: [String: [String]] = [
        "SD": ["SD Negeri 1 Sukamaju", "SD Negeri 3 Cibening", "SD Inpres Karangrejo", "MI Al-Hidayah"],
        "SLTP": ["SMP Negeri 1 Sukamaju", "SMP Negeri 2 Cibening", "MTs Negeri Sukamaju"],
        "SLTA": ["SMA Negeri 1 Sukamaju", "SMA Negeri 2 Sukamaju", "SMK Negeri 1 Cibening", "MAN 1 Sukamaju", "SMA Muhammadiyah Sukamaju", "SMK Kesehatan Bhakti Husada"],
        "D": ["Politeknik Kesehatan Kemenkes Bandung", "Politeknik Negeri Semarang", "Akademi Keperawatan Pemkab Sukamaju", "Politeknik Negeri Medan", "Akademi Kebidanan Harapan Bunda"],
        "S": ["Universitas Gadjah Mada", "Universitas Padjadjaran", "Universitas Diponegoro", "Universitas Negeri Yogyakarta", "Universitas Sumatera Utara", "Universitas Hasanuddin", "Universitas Andalas", "Universitas Udayana", "Universitas Terbuka", "Universitas Negeri Semarang", "Universitas Pendidikan Indonesia", "Institut Pemerintahan Dalam Negeri", "Universitas Brawijaya", "Universitas Airlangga"],
    ]

    static let majors: [Domain: [String]] = [
        .pendidikan: ["Pendidikan Guru Sekolah Dasar", "Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "Pendidikan Bahasa Inggris", "Pendidikan Jasmani", "Pendidikan Agama Islam", "Bimbingan dan Konseling", "Manajemen Pendidikan"],
        .kesehatan: ["Keperawatan", "Kebidanan", "Kesehatan Masyarakat", "Pendidikan Dokter", "Farmasi", "Gizi", "Kesehatan Lingkungan", "Analis Kesehatan"],
        .teknik: ["Teknik Sipil", "Teknik Lingkungan", "Perencanaan Wilayah dan Kota", "Arsitektur", "Teknik Mesin"],
        .pertanian: ["Agronomi", "Peternakan", "Agribisnis", "Kedokteran Hewan", "Perikanan"],
        .pengawasan: ["Akuntansi", "Ilmu Hukum", "Manajemen"],
        .keuangan: ["Akuntansi", "Manajemen", "Ekonomi Pembangunan", "Perpajakan"],
        .kepegawaian: ["Administrasi Negara", "Psikologi", "Manajemen Sumber Daya Manusia", "Ilmu Hukum"],
        .ketertiban: ["Ilmu Hukum", "Ilmu Pemerintahan", "Administrasi Negara"],
        .kewilayahan: ["Ilmu Pemerintahan", "Administrasi Negara", "Sosiologi"],
        .umum: ["Administrasi Negara", "Ilmu Pemerintahan", "Ekonomi Pembangunan", "Teknik Informatika", "Ilmu Komunikasi", "Statistika", "Ilmu Hukum", "Manajemen"],
    ]

    // MARK: Courses

    static let teknisCourses = [
        "Pelatihan Penyusunan Laporan Keuangan Berbasis Akrual", "Pelatihan Pengelolaan Arsip Dinamis", "Pelatihan Analisis Beban Kerja",
        "Pelatihan Penyusunan Standar Operasional Prosedur", "Pelatihan Aplikasi Perkantoran", "Pelatihan Manajemen Risiko",
        "Pelatihan Pengadaan Barang/Jasa Pemerintah", "Pelatihan Pelayanan Prima", "Pelatihan Penyusunan SAKIP", "Pelatihan Analisis Data dengan Spreadsheet",
        "Pelatihan Penulisan Naskah Dinas", "Pelatihan Keamanan Informasi", "Pelatihan Perencanaan dan Penganggaran Daerah",
    ]
    static let teknisByDomain: [Domain: [String]] = [
        .pendidikan: ["Pelatihan Implementasi Kurikulum Merdeka", "Pelatihan Asesmen Pembelajaran", "Pelatihan Pembelajaran Berdiferensiasi", "Pelatihan Literasi dan Numerasi", "Pelatihan Guru Penggerak"],
        .kesehatan: ["Pelatihan Pencegahan dan Pengendalian Infeksi", "Pelatihan Basic Life Support", "Pelatihan Manajemen Puskesmas", "Pelatihan Tata Laksana Gizi Buruk", "Pelatihan Imunisasi"],
        .teknik: ["Pelatihan Perencanaan Teknis Jalan", "Pelatihan Pengawasan Konstruksi", "Pelatihan Sistem Informasi Geografis"],
        .pertanian: ["Pelatihan Budidaya Padi Organik", "Pelatihan Penyuluhan Partisipatif", "Pelatihan Kesehatan Hewan"],
        .pengawasan: ["Pelatihan Audit Kinerja", "Pelatihan Reviu Laporan Keuangan", "Pelatihan Probity Audit"],
        .keuangan: ["Pelatihan Penatausahaan Keuangan Daerah", "Pelatihan Penilaian Aset", "Pelatihan Pemungutan Pajak Daerah"],
        .kepegawaian: ["Pelatihan Pengelolaan Data SIASN", "Pelatihan Penilaian Kinerja PNS", "Pelatihan Manajemen Talenta", "Pelatihan Analisis Jabatan"],
        .ketertiban: ["Pelatihan Penegakan Peraturan Daerah", "Pelatihan Penanganan Kebakaran", "Pelatihan Kaji Cepat Bencana"],
        .kewilayahan: ["Pelatihan Administrasi Kependudukan", "Pelatihan Pemberdayaan Masyarakat Desa", "Pelatihan Pelayanan Terpadu Kecamatan"],
        .umum: ["Pelatihan Penyusunan Kebijakan Publik", "Pelatihan Manajemen Proyek", "Pelatihan Statistik Sektoral"],
    ]
    static let bimtekCourses = [
        "Bimbingan Teknis Penyusunan SKP", "Bimtek Aplikasi SIPD", "Bimtek Pengelolaan Barang Milik Daerah", "Bimtek Penyusunan Rencana Kerja",
        "Bimtek Sistem Pemerintahan Berbasis Elektronik", "Bimtek Penyusunan Standar Capaian Kinerja Individu", "Bimtek e-Kinerja",
    ]
    static let elearningCourses = [
        "E-Learning Wawasan Kebangsaan", "E-Learning Etika Publik", "E-Learning Anti Korupsi", "E-Learning Pelayanan Publik",
        "E-Learning Literasi Digital", "E-Learning Manajemen ASN", "E-Learning Smart ASN", "E-Learning Moderasi Beragama",
    ]
    static let seminarCourses = [
        "Seminar Reformasi Birokrasi", "Seminar Nasional Inovasi Pelayanan Publik", "Seminar Transformasi Digital Pemerintahan",
        "Seminar Kesehatan Mental ASN", "Seminar Pencegahan Korupsi", "Webinar Manajemen Talenta ASN", "Seminar Sistem Merit",
    ]
    static let workshopCourses = [
        "Workshop Penyusunan Indikator Kinerja", "Workshop Indeks Profesionalitas ASN", "Workshop Inovasi Daerah",
        "Workshop Penyusunan Rencana Strategis", "Workshop Zona Integritas", "Workshop Manajemen Risiko",
    ]
    static let sosialisasiCourses = [
        "Sosialisasi PP 94 Tahun 2021 tentang Disiplin PNS", "Sosialisasi Pengukuran Indeks Profesionalitas ASN", "Sosialisasi SIASN",
        "Sosialisasi Penilaian Kinerja PermenPANRB 6/2022", "Sosialisasi Netralitas ASN", "Sosialisasi Gratifikasi", "Sosialisasi Sistem Merit",
    ]
    static let otherSeminarCourses: [Int: [String]] = [
        10: ["Magang di Pemerintah Kota Surabaya", "Magang Pelayanan Perizinan"],
        11: ["Kursus Bahasa Inggris", "Kursus Desain Grafis", "Kursus Public Speaking"],
        14: ["Coaching Pengembangan Karier", "Coaching Kinerja"],
        15: ["Mentoring Aktualisasi Latsar", "Mentoring Proyek Perubahan"],
        20: ["Benchmarking Inovasi ke Kabupaten Banyuwangi", "Benchmarking Mal Pelayanan Publik"],
        22: ["Belajar Mandiri Manajemen ASN", "Belajar Mandiri Analisis Kebijakan"],
        23: ["Community of Practice Analis SDM", "Community of Practice Perencana"],
        24: ["Bimbingan di Tempat Kerja Pengelolaan Arsip", "Bimbingan di Tempat Kerja Pelayanan"],
    ]
    static let fungsionalCourses: [Domain: [String]] = [
        .pendidikan: ["Pendidikan Profesi Guru", "Diklat Fungsional Calon Pengawas Sekolah", "Diklat Fungsional Kepala Sekolah"],
        .kesehatan: ["Pelatihan Jabatan Fungsional Perawat", "Pelatihan Jabatan Fungsional Bidan", "Pelatihan Fungsional Epidemiolog Kesehatan", "Pelatihan Jabatan Fungsional Dokter"],
        .pengawasan: ["Diklat Pembentukan Auditor Ahli", "Diklat Penjenjangan Auditor Muda"],
        .kepegawaian: ["Pelatihan Fungsional Analis SDM Aparatur", "Pelatihan Fungsional Pranata SDM Aparatur"],
        .pertanian: ["Diklat Dasar Fungsional Penyuluh Pertanian"],
        .ketertiban: ["Diklat Fungsional Polisi Pamong Praja"],
    ]
    static let fungsionalGeneral = [
        "Pelatihan Fungsional Perencana Pertama", "Pelatihan Fungsional Analis Kebijakan", "Pelatihan Fungsional Pranata Komputer",
        "Pelatihan Fungsional Arsiparis", "Pelatihan Fungsional Pengelola Pengadaan Barang/Jasa",
    ]
    static let organisers = [
        "BKPSDM Kabupaten Sukamaju", "BPSDM Provinsi", "Lembaga Administrasi Negara", "Badan Kepegawaian Negara",
        "Kementerian Dalam Negeri", "Kementerian PANRB", "Pusdiklat Kemendagri Regional Bandung", "Kementerian Keuangan",
    ]
    static let organisersByDomain: [Domain: [String]] = [
        .pendidikan: ["Kemendikbudristek", "BBGP Provinsi", "LPMP Provinsi"],
        .kesehatan: ["Kementerian Kesehatan", "Bapelkes Provinsi", "Dinas Kesehatan Provinsi"],
        .pengawasan: ["BPKP Perwakilan Provinsi", "Pusdiklatwas BPKP"],
        .pertanian: ["Kementerian Pertanian", "BPPSDMP Kementan"],
        .teknik: ["Kementerian PUPR", "BPSDM Kementerian PUPR"],
    ]

    static let hukumanRingan = ["teguran lisan", "teguran tertulis", "pernyataan tidak puas secara tertulis"]
    static let hukumanSedang = [
        "pemotongan tunjangan kinerja 25% selama 6 bulan", "pemotongan tunjangan kinerja 25% selama 9 bulan",
        "pemotongan tunjangan kinerja 25% selama 12 bulan",
    ]
    static let hukumanBerat = [
        "penurunan jabatan setingkat lebih rendah selama 12 bulan", "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
    ]
}
