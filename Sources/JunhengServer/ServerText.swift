import JunhengCore

/// The words of the pages `junheng serve` shows, in Chinese and English (`?lang=en`).
enum ServerText {
    static let submit = LocalizedText(zh: "提交", en: "Submit")
    static let required = LocalizedText(zh: "必答", en: "required")
    static let otherPlaceholder = LocalizedText(zh: "请注明", en: "Please specify")
    static let fixedByLink = LocalizedText(zh: "（由链接确定）", en: "(set by the link)")
    static let chooseMany = LocalizedText(zh: "可多选", en: "choose any")
    static let switchLanguage = LocalizedText(zh: "English", en: "中文")
    static let fixProblems = LocalizedText(
        zh: "有题目需要修改，请查看标红的提示后再提交。",
        en: "Some answers need changing: see the messages in red, then submit again.")
    static let thanksTitle = LocalizedText(zh: "提交成功", en: "Thank you")
    static let thanks = LocalizedText(
        zh: "您的回答已保存，感谢您的参与！现在可以关闭此页面。",
        en: "Your answers are saved. Thank you for taking part! You can close this page now.")
    static let alreadyStored = LocalizedText(
        zh: "这份问卷已经提交过，无需再次提交。感谢您的参与！",
        en: "This form was already submitted; there is no need to submit it again. Thank you!")
    static let expired = LocalizedText(
        zh: "此页面打开时间过长，请检查您的回答后再次提交。",
        en: "This page was open for a long time; check your answers and submit again.")
    static let notFoundTitle = LocalizedText(zh: "找不到问卷", en: "Questionnaire not found")
    static let notFound = LocalizedText(
        zh: "没有这份问卷，请检查链接是否完整。", en: "There is no such questionnaire; check that the link is complete.")
    static let refusedTitle = LocalizedText(zh: "无法提交", en: "Not accepted")
    static let crossSite = LocalizedText(
        zh: "此次提交不是从本问卷页面发出的，已拒绝。请重新打开问卷填写。",
        en:
            "This submission did not come from the questionnaire's own page and was refused. Open the questionnaire again."
    )
    static let badToken = LocalizedText(
        zh: "表单校验失败（页面已失效或浏览器未保存 Cookie）。请重新打开问卷填写。",
        en:
            "The form could not be verified (the page is stale or the browser keeps no cookies). Open the questionnaire again."
    )
    static let tooLarge = LocalizedText(
        zh: "提交的内容过大（上限 64 KiB），已拒绝。请缩短填写的文字后再提交。",
        en: "The submission is too large (limit 64 KiB) and was refused. Shorten the typed text and submit again.")
    static let badBody = LocalizedText(
        zh: "提交的内容无法读取，已拒绝。请重新打开问卷填写。",
        en: "The submission cannot be read and was refused. Open the questionnaire again.")
    static let tooManyKept = LocalizedText(
        zh: "这个网络一分钟内提交的问卷太多了，您的回答还没有保存，但都保留在下面。请一分钟后再点“提交”。",
        en: "Too many forms were submitted from this network in the last minute. Your answers are not saved yet, "
            + "but they are all kept below: press Submit again in a minute.")
    static func adminLocked(minutes: Int) -> LocalizedText {
        LocalizedText(
            zh: "管理员密码错误次数过多，此地址已被锁定，请 \(minutes) 分钟后再试。",
            en: "Too many wrong admin passwords: this address is locked out; try again in \(minutes) minutes.")
    }
    static let storeFailed = LocalizedText(
        zh: "服务器暂时无法保存您的回答，请稍后再次提交（回答未丢失，请勿关闭页面）。",
        en: "The server cannot save your answers right now; submit again in a moment (keep this page open).")
    static let reopen = LocalizedText(zh: "重新打开问卷", en: "Open the questionnaire again")
    static let adminDisabled = LocalizedText(
        zh: "管理页面未开启：请用 --admin-password-file 启动 junheng serve。",
        en: "The admin pages are off: start junheng serve with --admin-password-file.")
    static let adminLogin = LocalizedText(
        zh: "需要管理员用户名（admin）和密码。", en: "The admin user name (admin) and password are needed.")
    static let otherCounty = LocalizedText(
        zh: "您只能查看和导出本县的答卷。", en: "You can see and download only your own county's responses.")
    static let provinceOnly = LocalizedText(
        zh: "只有省级（总）管理员可以截止或重新开放问卷。", en: "Only the province's admin can close or reopen a questionnaire.")
    static let noNumbers = LocalizedText(
        zh: "请填写要删除的答卷序号（导出文件的“序号”列）。", en: "Give the numbers of the responses to delete (the export's 序号).")
    static let closedTitle = LocalizedText(zh: "问卷已截止", en: "This questionnaire is closed")
    static func closed(at time: String) -> LocalizedText {
        LocalizedText(
            zh: "本问卷已于 \(time) 截止，不再接收答卷。感谢您的关注与支持！",
            en:
                "This questionnaire closed at \(time) (China time) and takes no more answers. Thank you for your interest!"
        )
    }
    static func closedNotStored(at time: String) -> LocalizedText {
        LocalizedText(
            zh: "本问卷已于 \(time) 截止，此次提交未被保存。感谢您的关注与支持！",
            en:
                "This questionnaire closed at \(time) (China time); this submission was not saved. Thank you for your interest!"
        )
    }
    static let noSuchCode = LocalizedText(
        zh: "没有这个短码，请核对二维码下方印的 8 位短码（如 K7QM-3XPA）。",
        en: "There is no such code; check the eight characters printed under the QR code (such as K7QM-3XPA).")
}
