import IPASNStore
import IPASNFiles

/// The six kinds of import file, in the order they must be imported (units first): the
/// importer's own ``ImportKind``, so the demo writes exactly the columns the importer reads.
public typealias CSVFileKind = ImportKind
