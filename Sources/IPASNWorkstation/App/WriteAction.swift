/// What a store write was, for its refusal's sentence (``L/storeError(_:action:)``).
enum WriteAction {
    /// A form's save: the input stays in the form ("simpan lagi").
    case form
    /// A verdict without input (`m`, `M`).
    case verdict
    /// A rejection: its reason stays in the dialog.
    case verdictWithReason
    /// An import of a file.
    case importFile
}
