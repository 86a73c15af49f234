/// Messages of the third user test's fixes.
extension L {
    /// A unit admin pressed a data key on another unit's screen (`rule` is the store's
    /// "Unit X bukan unit Anda").
    static func notYourUnitAtOnce(_ rule: String) -> Txt {
        Txt("\(rule): data unit ini hanya dapat dibaca.", "\(rule): this unit's data is read only here.")
    }
}
