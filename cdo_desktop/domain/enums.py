"""Every enumerated value of the domain, each with its Chinese and English label."""

from __future__ import annotations

from cdo_desktop.domain.labels import LabeledEnum


class Role(LabeledEnum):
    COMMISSIONER = ("commissioner", "数据专员", "Data commissioner")
    CDO = ("cdo", "首席数据官", "Chief data officer")
    ARBITRATOR = ("arbitrator", "仲裁员", "Arbitrator")
    ADMIN = ("admin", "管理员", "Administrator")


class Party(LabeledEnum):
    """The relation of an actor's department to a record; rights are granted per (role, party)."""

    REQUESTER = ("requester", "申请部门", "Requesting department")
    PROVIDER = ("provider", "数源部门", "Providing department")
    RAISER = ("raiser", "提出异议部门", "Objecting department")
    OWNER = ("owner", "数源部门（归属权）", "Source department (holder of ownership)")
    CLAIMANT = ("claimant", "申请人", "Claimant")
    RESPONDENT = ("respondent", "被申请人", "Respondent")
    ADDRESSEE = ("addressee", "责任部门", "Addressed department")
    BUREAU = ("bureau", "政数局", "Data bureau")
    USER = ("user", "使用部门", "Using department")


class DepartmentLevel(LabeledEnum):
    CITY = ("city", "市级", "Municipal")
    DISTRICT = ("district", "区级", "District")
    TOWN = ("town", "镇街", "Town / subdistrict")


class ShareType(LabeledEnum):
    UNCONDITIONAL = ("unconditional", "无条件共享", "Unconditional sharing")
    CONDITIONAL = ("conditional", "有条件共享", "Conditional sharing")
    NOT_SHARED = ("not_shared", "不予共享", "Not shared")

    @property
    def needs_legal_basis(self) -> bool:
        return self is not ShareType.UNCONDITIONAL


class ShareMethod(LabeledEnum):
    API = ("api", "接口", "API")
    TABLE = ("table", "库表", "Database table")
    FILE = ("file", "文件", "File")


class OpenType(LabeledEnum):
    OPEN = ("open", "无条件开放", "Open")
    CONDITIONAL = ("conditional", "有条件开放", "Conditionally open")
    CLOSED = ("closed", "不予开放", "Not open")


class UpdateCycle(LabeledEnum):
    REALTIME = ("realtime", "实时", "Real time")
    DAILY = ("daily", "每日", "Daily")
    WEEKLY = ("weekly", "每周", "Weekly")
    MONTHLY = ("monthly", "每月", "Monthly")
    QUARTERLY = ("quarterly", "每季度", "Quarterly")
    YEARLY = ("yearly", "每年", "Yearly")
    IRREGULAR = ("irregular", "不定期", "Irregular")


class RequestState(LabeledEnum):
    DRAFT = ("draft", "草稿", "Draft")
    SUBMITTED = ("submitted", "已提交", "Submitted")
    AWAITING_REPLY = ("awaiting_reply", "待答复", "Awaiting reply")
    APPROVED = ("approved", "已同意", "Approved")
    PARTLY_APPROVED = ("partly_approved", "部分同意", "Partly approved")
    REFUSED = ("refused", "不予同意", "Refused")
    GRANTED = ("granted", "已开通", "Granted")
    EXPIRED = ("expired", "已到期", "Expired")
    REVOKED = ("revoked", "已撤销", "Revoked")
    SUSPENDED = ("suspended", "已暂停", "Suspended")


class ObjectionState(LabeledEnum):
    RAISED = ("raised", "已提出", "Raised")
    ACCEPTED = ("accepted", "已受理", "Accepted")
    FLAGGED = ("flagged", "已标注", "Flagged")
    VERIFIED = ("verified", "经核实无误", "Verified correct")
    CORRECTED = ("corrected", "已更正", "Corrected")
    REJECTED = ("rejected", "不予受理", "Rejected")
    CLOSED = ("closed", "已办结", "Closed")


class DisputeState(LabeledEnum):
    FILED = ("filed", "已申请", "Filed")
    NEGOTIATION = ("negotiation", "协商中", "In negotiation")
    ACCEPTED = ("accepted", "已受理仲裁", "Accepted for arbitration")
    DECLINED = ("declined", "不予受理", "Declined")
    HEARING = ("hearing", "听证中", "Hearing")
    RULED = ("ruled", "已裁决", "Ruled")
    COMPLIED = ("complied", "已履行", "Complied")
    ESCALATED = ("escalated", "已提请上级", "Escalated")
    ARCHIVED = ("archived", "已归档", "Archived")
    WITHDRAWN = ("withdrawn", "已撤回", "Withdrawn")


class DisputeKind(LabeledEnum):
    REFUSAL = ("refusal", "拒绝共享", "Refusal to share")
    OVERDUE = ("overdue", "逾期未答复", "Overdue reply")
    QUALITY = ("quality", "数据质量", "Data quality")
    MISUSE = ("misuse", "超范围使用", "Misuse of shared data")
    CLASSIFICATION = ("classification", "共享属性争议", "Dispute over the share classification")
    OTHER = ("other", "其他", "Other")


class Decision(LabeledEnum):
    UPHELD = ("upheld", "支持申请", "Claim upheld")
    PARTLY = ("partly", "部分支持", "Partly upheld")
    DISMISSED = ("dismissed", "驳回申请", "Claim dismissed")


class OrderState(LabeledEnum):
    OPEN = ("open", "待履行", "Open")
    REPORTED = ("reported", "已报告履行", "Reported")
    COMPLIED = ("complied", "已履行", "Complied")


class Measure(LabeledEnum):
    CRITICISM = ("criticism", "通报批评", "Public criticism")
    INTERVIEW = ("interview", "约谈", "Admonitory interview")
    RECTIFY = ("rectify", "限期整改", "Rectification within a deadline")
    SUSPEND = ("suspend", "暂停共享权限", "Suspension of sharing rights")
    PERFORMANCE = ("performance", "纳入绩效考核扣分", "Performance-assessment deduction")


class AccountabilityState(LabeledEnum):
    NOTIFIED = ("notified", "已通知，待申辩", "Notified, open to a defence")
    DEFENDED = ("defended", "已申辩", "Defence submitted")
    OPEN = ("open", "整改中", "Rectifying")
    REPORTED = ("reported", "已报告整改", "Rectification reported")
    CLOSED = ("closed", "已销号", "Closed")
    WITHDRAWN = ("withdrawn", "已撤销问责", "Withdrawn")


class GroundKind(LabeledEnum):
    """What an accountability record rests on: something the product can point at."""

    ORDER_OVERDUE = ("order_overdue", "裁决事项逾期未履行", "Order not complied with after its due date")
    MISUSE_FINDING = ("misuse_finding", "违规使用经查属实", "Confirmed misuse finding")
    REPLIES_OVERDUE = ("replies_overdue", "期内逾期答复超过限度", "Replies overdue beyond the threshold in a period")
    OBJECTION_UNCORRECTED = (
        "objection_uncorrected", "已受理的数据异议逾期未更正", "Accepted objection left uncorrected past its deadline"
    )
    LEGACY = ("legacy", "升级前记录（未核对问责依据）", "Recorded before grounds were checked")


class BureauDecision(LabeledEnum):
    """The bureau's decision after the hearing (申辩) of an accountability record."""

    UPHELD = ("upheld", "维持", "Upheld")
    CHANGED = ("changed", "变更", "Changed")
    WITHDRAWN = ("withdrawn", "撤销", "Withdrawn")


class ClaimKind(LabeledEnum):
    ORDER_SHARE = ("order_share", "责令共享数据", "Order the owner to share data")
    ORDER_REPLY = ("order_reply", "责令依法答复", "Order a reply")
    CONFIRM_CLASSIFICATION = ("confirm_classification", "确认共享属性", "Confirm the share classification")
    ORDER_CORRECTION = ("order_correction", "责令更正数据", "Order a correction")
    OTHER = ("other", "其他请求", "Other claim")


class ClaimDecision(LabeledEnum):
    UPHELD = ("upheld", "支持", "Upheld")
    PARTLY = ("partly", "部分支持", "Partly upheld")
    DISMISSED = ("dismissed", "驳回", "Dismissed")


class MisuseKind(LabeledEnum):
    BEYOND_PURPOSE = ("beyond_purpose", "超出申请用途使用", "Use beyond the stated purpose")
    PASSED_ON = ("passed_on", "擅自向第三方提供", "Passing the data on")
    AFTER_EXPIRY = ("after_expiry", "授权终止后继续使用", "Use after the grant ended")


class MisuseState(LabeledEnum):
    REPORTED = ("reported", "已报告", "Reported")
    INVESTIGATING = ("investigating", "调查中", "Under investigation")
    CONFIRMED = ("confirmed", "经查属实", "Confirmed")
    UNFOUNDED = ("unfounded", "经查不属实", "Unfounded")


class ReceiptSubject(LabeledEnum):
    """What a department acknowledges receiving (送达/签收)."""

    DISPUTE = ("dispute", "仲裁申请", "Dispute filing")
    RULING = ("ruling", "裁决书", "Ruling")
    ORDER = ("order", "裁决事项", "Order")
    NOTICE = ("notice", "问责通知书", "Accountability notice")


class ReceiptVia(LabeledEnum):
    OPENED = ("opened", "首次打开时签收", "Acknowledged on first opening")
    SIGNED = ("signed", "签收", "Signed for")


class DataItemType(LabeledEnum):
    STRING = ("string", "字符型", "Text")
    NUMBER = ("number", "数值型", "Number")
    DATE = ("date", "日期型", "Date")
    DATETIME = ("datetime", "日期时间型", "Date and time")
    BOOLEAN = ("boolean", "布尔型", "Boolean")
    BINARY = ("binary", "二进制", "Binary")


class DocumentKind(LabeledEnum):
    """Numbered documents; the value is the key of the yearly sequence."""

    RULING = ("ruling", "裁决书", "Arbitration ruling")
    NOTICE = ("notice", "问责通知书", "Accountability notice")
    REQUEST = ("request", "共享申请", "Sharing request")
    OBJECTION = ("objection", "数据异议", "Quality objection")
    DISPUTE = ("dispute", "争议", "Dispute")
    MISUSE = ("misuse", "违规使用报告", "Misuse report")
    ASSET = ("asset", "数据资产登记凭证", "Data asset registration certificate")


# --- data assets and the platform register (集约化) -------------------------------------------------------------


class AssetState(LabeledEnum):
    """数据资产登记状态: 申请 → 已登记 → 变更 / 注销, each step approved by the bureau."""

    APPLIED = ("applied", "登记申请中", "Registration applied for")
    REFUSED = ("refused", "不予登记", "Registration refused")
    REGISTERED = ("registered", "已登记", "Registered")
    CHANGE_PENDING = ("change_pending", "变更申请中", "Change applied for")
    CANCEL_PENDING = ("cancel_pending", "注销申请中", "Cancellation applied for")
    CANCELLED = ("cancelled", "已注销", "Cancelled")


class QualityGrade(LabeledEnum):
    A = ("a", "一级（优）", "Grade A (excellent)")
    B = ("b", "二级（良）", "Grade B (good)")
    C = ("c", "三级（合格）", "Grade C (adequate)")
    D = ("d", "四级（待提升）", "Grade D (to improve)")


class ValuationMethod(LabeledEnum):
    COST = ("cost", "成本法", "Cost approach")
    INCOME = ("income", "收益法", "Income approach")
    MARKET = ("market", "市场法", "Market approach")


class SystemKind(LabeledEnum):
    PLATFORM = ("platform", "共享平台", "Shared platform")
    SYSTEM = ("system", "业务系统", "Information system")


class SystemStatus(LabeledEnum):
    BUILDING = ("building", "建设中", "Being built")
    IN_USE = ("in_use", "在用", "In use")
    RETIRED = ("retired", "已停用", "Retired")
