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
    OWNER = ("owner", "数据所有部门", "Owning department")
    CLAIMANT = ("claimant", "申请人", "Claimant")
    RESPONDENT = ("respondent", "被申请人", "Respondent")
    ADDRESSEE = ("addressee", "责任部门", "Addressed department")
    BUREAU = ("bureau", "政数局", "Data bureau")


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


class DisputeKind(LabeledEnum):
    REFUSAL = ("refusal", "拒绝共享", "Refusal to share")
    OVERDUE = ("overdue", "逾期未答复", "Overdue reply")
    QUALITY = ("quality", "数据质量", "Data quality")
    MISUSE = ("misuse", "超范围使用", "Misuse of shared data")
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
    OPEN = ("open", "整改中", "Rectifying")
    REPORTED = ("reported", "已报告整改", "Rectification reported")
    CLOSED = ("closed", "已销号", "Closed")


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
