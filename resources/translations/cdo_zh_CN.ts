<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>标签页</translation>
    </message>
    <message>
        <source>field</source>
        <translation>输入项</translation>
    </message>
</context>
<context>
    <name>AccountabilityDialog</name>
    <message>
        <source>Hold to account</source>
        <translation>问责</translation>
    </message>
    <message>
        <source>— choose a department —</source>
        <translation>— 选择部门 —</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>— choose the ground —</source>
        <translation>— 选择问责依据 —</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>问责依据</translation>
    </message>
    <message>
        <source>Period from (overdue replies)</source>
        <translation>统计期间起（逾期答复）</translation>
    </message>
    <message>
        <source>Period to (overdue replies)</source>
        <translation>统计期间止（逾期答复）</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违规事实</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>问责措施</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Rectify within (working days)</source>
        <translation>整改期限（工作日）</translation>
    </message>
    <message>
        <source>Report requirement</source>
        <translation>报告要求</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <source>Confirm: %s %s?</source>
        <translation>确认：%s %s？</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Withdraw %s? The case ends and cannot be reopened.</source>
        <translation>确定撤回 %s？撤回后案件终结，不能恢复。</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>核查说明</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Defence</source>
        <translation>申辩意见</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>调查认定</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日数</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>依据条款</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>显示为</translation>
    </message>
    <message>
        <source>This release&apos;s default</source>
        <translation>本版本默认值</translation>
    </message>
    <message>
        <source>Change deadline…</source>
        <translation>修改时限…</translation>
    </message>
    <message>
        <source>Policy deadlines</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Publish the year&apos;s arrangement…</source>
        <translation>发布当年安排…</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add department…</source>
        <translation>新增部门…</translation>
    </message>
    <message>
        <source>Appoint commissioner…</source>
        <translation>任命数据专员…</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%d working days, %s</source>
        <translation>%d个工作日，%s</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The database file %1 is empty (0 bytes). CDO Desktop does not replace it with a new, empty database. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</source>
        <translation>数据库文件 %1 为空（0 字节）。CDO Desktop 不会用新建的空数据库替换它。请恢复备份（cdo restore --data-dir %2），或确认要重新开始后运行 cdo init --data-dir %2 新建。</translation>
    </message>
    <message>
        <source>The database %1 holds no records, although this data folder has held a database in use. CDO Desktop does not start over with an empty one. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</source>
        <translation>数据库 %1 中没有任何记录，而此数据文件夹曾有在用的数据库。CDO Desktop 不会以空数据库重新开始。请恢复备份（cdo restore --data-dir %2），或确认要重新开始后运行 cdo init --data-dir %2 新建。</translation>
    </message>
    <message>
        <source>The database %1 is missing, although this data folder has held one. CDO Desktop does not create a new, empty database in its place. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</source>
        <translation>数据库 %1 不存在，而此数据文件夹曾有数据库。CDO Desktop 不会在原处新建空数据库。请恢复备份（cdo restore --data-dir %2），或确认要重新开始后运行 cdo init --data-dir %2 新建。</translation>
    </message>
    <message>
        <source>Preparing the Foshan demo: bureau server and desktops…</source>
        <translation>正在准备佛山演示：政数局服务器与各部门桌面…</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>AppointDialog</name>
    <message>
        <source>Appoint a commissioner</source>
        <translation>任命数据专员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>— choose a department —</source>
        <translation>— 选择部门 —</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Appointed on</source>
        <translation>任职日期</translation>
    </message>
</context>
<context>
    <name>AssetApplyDialog</name>
    <message>
        <source>Apply for asset registration</source>
        <translation>申请数据资产登记</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>数据资源</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>资产编码</translation>
    </message>
</context>
<context>
    <name>AssetChangeDialog</name>
    <message>
        <source>Reason for the change</source>
        <translation>变更理由</translation>
    </message>
</context>
<context>
    <name>AssetFieldsForm</name>
    <message>
        <source>Asset name</source>
        <translation>资产名称</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>数据范围</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>数据规模</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Quality grade</source>
        <translation>质量等级</translation>
    </message>
</context>
<context>
    <name>Assets</name>
    <message>
        <source>Shared platforms (集约化): the same data items are provided already</source>
        <translation>集约化提示：相同数据项已有部门提供</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>数据资源</translation>
    </message>
    <message>
        <source>Registered share</source>
        <translation>登记率</translation>
    </message>
    <message>
        <source>Valued share</source>
        <translation>评估率</translation>
    </message>
    <message>
        <source>Total value (10k yuan)</source>
        <translation>估值合计（万元）</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>已登记资产</translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>My department</source>
        <translation>本部门</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Apply for registration…</source>
        <translation>申请登记…</translation>
    </message>
    <message>
        <source>Data assets</source>
        <translation>数据资产</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>资产编码</translation>
    </message>
    <message>
        <source>Asset name</source>
        <translation>资产名称</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Quality grade</source>
        <translation>质量等级</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>登记凭证编号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Latest value (yuan)</source>
        <translation>最近评估价值（元）</translation>
    </message>
    <message>
        <source>Certificate PDF</source>
        <translation>登记凭证PDF</translation>
    </message>
    <message>
        <source>Open valuation report</source>
        <translation>打开评估报告</translation>
    </message>
    <message>
        <source>Valuation report</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <source>The file has not been downloaded from the bureau yet.</source>
        <translation>该文件尚未从政数局下载。</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>对应数据资源</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>数据范围</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>数据规模</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>评估基准日</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>评估方法</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>评估价值（元）</translation>
    </message>
    <message>
        <source>Valuer</source>
        <translation>评估机构</translation>
    </message>
    <message>
        <source>Valuation history</source>
        <translation>评估历史</translation>
    </message>
    <message>
        <source>No valuation yet</source>
        <translation>尚无评估记录</translation>
    </message>
</context>
<context>
    <name>Busy</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Publish the holiday arrangement of %d</source>
        <translation>发布 %d 年节假日安排</translation>
    </message>
    <message>
        <source>Days (date, holiday or workday, name)</source>
        <translation>日期（日期、holiday 或 workday、名称）</translation>
    </message>
    <message>
        <source>This is the year&apos;s complete arrangement (every holiday and make-up workday)</source>
        <translation>这是该年度完整的节假日安排（含全部假日和调休上班日）</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完整安排</translation>
    </message>
    <message>
        <source>Line %d: &apos;%s&apos; is not a date (YYYY-MM-DD)</source>
        <translation>第 %d 行：“%s”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Line %d: write holiday or workday</source>
        <translation>第 %d 行：请填写 holiday 或 workday</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Case</source>
        <translation>案情</translation>
    </message>
    <message>
        <source>Drop files here to add them as evidence (SHA-256 is computed and kept).</source>
        <translation>将文件拖放到此处作为证据（自动计算并保存 SHA-256）。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交部门</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <source>The file has not been downloaded from the bureau yet.</source>
        <translation>该文件尚未从政数局下载。</translation>
    </message>
    <message>
        <source>Downloading the evidence file…</source>
        <translation>正在下载证据文件…</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>共享申请</translation>
    </message>
    <message>
        <source>Requesting department</source>
        <translation>申请部门</translation>
    </message>
    <message>
        <source>Providing department</source>
        <translation>数源部门</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Quality objection</source>
        <translation>数据异议</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>Owner&apos;s answer</source>
        <translation>数源部门答复</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>数据资源</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Items granted</source>
        <translation>同意共享的数据项</translation>
    </message>
    <message>
        <source>Refusal reason</source>
        <translation>不予同意的理由</translation>
    </message>
    <message>
        <source>What the dispute is about</source>
        <translation>争议缘由</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Accept by</source>
        <translation>受理期限</translation>
    </message>
    <message>
        <source>Rule by</source>
        <translation>裁决期限</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>听证</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Claimant statement</source>
        <translation>申请人陈述</translation>
    </message>
    <message>
        <source>Respondent statement</source>
        <translation>被申请人陈述</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决结果</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>文书指纹</translation>
    </message>
    <message>
        <source>Order %d</source>
        <translation>裁决事项 %d</translation>
    </message>
    <message>
        <source>due %s</source>
        <translation>期限 %s</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答辩意见</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>答辩期限（含当日）</translation>
    </message>
    <message>
        <source>%d working days from receipt</source>
        <translation>自收到之日起%d个工作日内</translation>
    </message>
    <message>
        <source>%s (inclusive)</source>
        <translation>%s前（含当日）</translation>
    </message>
    <message>
        <source>Evidence (%d)</source>
        <translation>证据（%d）</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>City catalogue (read-only)</source>
        <translation>全市目录（只读）</translation>
    </message>
    <message>
        <source>My department (editable)</source>
        <translation>本部门目录（可编辑）</translation>
    </message>
    <message>
        <source>All share types</source>
        <translation>全部共享类型</translation>
    </message>
    <message>
        <source>Catalogue a resource…</source>
        <translation>编目数据资源…</translation>
    </message>
    <message>
        <source>Data catalogue</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Owning department</source>
        <translation>数源部门</translation>
    </message>
    <message>
        <source>Share type</source>
        <translation>共享类型</translation>
    </message>
    <message>
        <source>Share method</source>
        <translation>共享方式</translation>
    </message>
    <message>
        <source>Update cycle</source>
        <translation>更新周期</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Share conditions</source>
        <translation>共享条件</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
</context>
<context>
    <name>ChangeMeasureDialog</name>
    <message>
        <source>Measure</source>
        <translation>问责措施</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Rectification deadline (working days)</source>
        <translation>整改期限（工作日）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>ClaimAnswerDialog</name>
    <message>
        <source>Claim number</source>
        <translation>仲裁请求序号</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答辩意见</translation>
    </message>
</context>
<context>
    <name>ClaimsTable</name>
    <message>
        <source>Claim</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答辩意见</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>My tasks</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>未登录。</translation>
    </message>
    <message>
        <source>%d open tasks</source>
        <translation>%d 项待办</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>暂无待办事项。</translation>
    </message>
    <message>
        <source>%d overdue</source>
        <translation>%d 项已逾期</translation>
    </message>
    <message>
        <source>%d deadlines within two working days or passed (%d overdue)</source>
        <translation>%d 项期限不足两个工作日或已逾期（其中逾期 %d 项）</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source> (uncertain)</source>
        <translation>（不确定）</translation>
    </message>
    <message>
        <source>%d working days late</source>
        <translation>已逾期 %d 个工作日</translation>
    </message>
    <message>
        <source>%d working days left</source>
        <translation>剩余 %d 个工作日</translation>
    </message>
    <message>
        <source>Requests awaiting the bureau&apos;s conformity check</source>
        <translation>待政数局合规审核的申请</translation>
    </message>
    <message>
        <source>Incoming requests to answer</source>
        <translation>待答复的共享申请</translation>
    </message>
    <message>
        <source>Disputes on the docket</source>
        <translation>待办仲裁案件</translation>
    </message>
    <message>
        <source>Disputes awaiting my statement</source>
        <translation>待我方陈述的争议</translation>
    </message>
    <message>
        <source>Quality objections to verify</source>
        <translation>待核实的数据异议</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Changes the bureau refused</source>
        <translation>政数局未接受的变更</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Order %d of %s</source>
        <translation>第 %d 项裁决事项（%s）</translation>
    </message>
    <message>
        <source>Defence</source>
        <translation>申辩</translation>
    </message>
    <message>
        <source>Rectifications and orders due</source>
        <translation>待整改及待履行事项</translation>
    </message>
    <message>
        <source>Catalogue update</source>
        <translation>目录更新</translation>
    </message>
    <message>
        <source>Update overdue</source>
        <translation>数据更新逾期</translation>
    </message>
    <message>
        <source>Catalogue and data updates due</source>
        <translation>应更新的目录和数据</translation>
    </message>
</context>
<context>
    <name>DeadlineSource</name>
    <message>
        <source>Regulation on Government Data Sharing (State Council Decree No. 809), art. %d</source>
        <translation>《政务数据共享条例》（国务院令第809号）第%d条</translation>
    </message>
    <message>
        <source>product default</source>
        <translation>本系统默认期限</translation>
    </message>
    <message>
        <source>bureau setting: %s</source>
        <translation>本局设定：%s</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认期限</translation>
    </message>
    <message>
        <source>bureau</source>
        <translation>本局设定</translation>
    </message>
    <message>
        <source>Reg. art. %d</source>
        <translation>条例第%d条</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>省级惯例</translation>
    </message>
    <message>
        <source>ruling</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>问责通知</translation>
    </message>
    <message>
        <source>%s · %s</source>
        <translation>%s · %s</translation>
    </message>
    <message>
        <source>ruling %s</source>
        <translation>裁决书%s</translation>
    </message>
    <message>
        <source>accountability notice %s</source>
        <translation>问责通知书%s</translation>
    </message>
    <message>
        <source>update cycle in the catalogue</source>
        <translation>目录所列更新周期</translation>
    </message>
    <message>
        <source>%s — source: %s</source>
        <translation>%s — 依据：%s</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Creating the Foshan departments, people and data catalogue…</source>
        <translation>正在建立佛山演示的部门、人员和数据资源目录……</translation>
    </message>
    <message>
        <source>Filing the sample sharing requests (%d of %d)…</source>
        <translation>正在录入示例共享申请（第 %d 件，共 %d 件）……</translation>
    </message>
    <message>
        <source>Creating sign-in accounts for the demo people (%d of %d)…</source>
        <translation>正在为演示人员创建登录账号（第 %d 个，共 %d 个）……</translation>
    </message>
    <message>
        <source>Building the search index…</source>
        <translation>正在建立检索索引……</translation>
    </message>
    <message>
        <source>Starting the local data bureau…</source>
        <translation>正在启动本机演示政数局服务器……</translation>
    </message>
    <message>
        <source>Setting up the desktop of %s and downloading its records…</source>
        <translation>正在准备%s的桌面并下载其记录……</translation>
    </message>
    <message>
        <source>Commissioner A</source>
        <translation>数据专员甲</translation>
    </message>
    <message>
        <source>Commissioner B</source>
        <translation>数据专员乙</translation>
    </message>
    <message>
        <source>the arbitrator</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>the administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>Add department</source>
        <translation>新增部门</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Record a change of duties…</source>
        <translation>登记职能变更…</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Appointed</source>
        <translation>任职日期</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>离任日期</translation>
    </message>
    <message>
        <source>End appointment…</source>
        <translation>免去任职…</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>在任</translation>
    </message>
    <message>
        <source>Appointment history of %s</source>
        <translation>%s 任职记录</translation>
    </message>
    <message>
        <source>Duties changed on</source>
        <translation>职能变更日期</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Catalogue updated on</source>
        <translation>目录更新日期</translation>
    </message>
    <message>
        <source>Catalogue update due</source>
        <translation>目录更新期限</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>File a dispute</source>
        <translation>申请仲裁</translation>
    </message>
    <message>
        <source>Grows from</source>
        <translation>起因</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>One claim per line, e.g. order the owner to share the items asked within 10 working days</source>
        <translation>每行一项仲裁请求，例如：责令被申请人在10个工作日内共享所申请的数据项</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <source>an open dispute already grows from it: %s (%s). Add to that case instead.</source>
        <translation>已有由此引起、尚未办结的争议：%s（%s）。请在该案中补充材料。</translation>
    </message>
    <message>
        <source>Dispute filed</source>
        <translation>已申请仲裁</translation>
    </message>
    <message>
        <source>Dispute %s has been filed. The bureau decides by %s whether to accept it; you can follow it on the Disputes page.</source>
        <translation>争议 %s 已提交。政数局将于 %s 前决定是否受理；可在“争议与案件”页面跟踪。</translation>
    </message>
</context>
<context>
    <name>DisputesPage</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Disputes and docket</source>
        <translation>争议与仲裁</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <source>%s (%d working days late)</source>
        <translation>%s（已逾期 %d 个工作日）</translation>
    </message>
    <message>
        <source>%s (%d working days left)</source>
        <translation>%s（剩余 %d 个工作日）</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>提交证据…</translation>
    </message>
    <message>
        <source>Ruling PDF</source>
        <translation>裁决书 PDF</translation>
    </message>
    <message>
        <source>Sending the ruling to the bureau…</source>
        <translation>正在将裁决发送至政数局…</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>提交证据</translation>
    </message>
</context>
<context>
    <name>Due</name>
    <message>
        <source>%s (%d working days late)</source>
        <translation>%s（已逾期 %d 个工作日）</translation>
    </message>
    <message>
        <source>%s (%d working days left)</source>
        <translation>%s（尚余 %d 个工作日）</translation>
    </message>
</context>
<context>
    <name>DutiesChangeDialog</name>
    <message>
        <source>Record a change of duties</source>
        <translation>登记职能变更</translation>
    </message>
    <message>
        <source>— choose a department —</source>
        <translation>— 选择部门 —</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Duties changed on</source>
        <translation>职能变更日期</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>EndAppointmentDialog</name>
    <message>
        <source>End the appointment of %s</source>
        <translation>免去 %s 的任职</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>离任日期</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to CDO Desktop</source>
        <translation>欢迎使用首席数据官协同桌面</translation>
    </message>
    <message>
        <source>CDO Desktop — data sharing governance</source>
        <translation>首席数据官协同桌面——政务数据共享治理</translation>
    </message>
    <message>
        <source>How do you want to start? You can sign in, sign out or switch account later from the File menu.</source>
        <translation>请选择开始方式。以后可随时在“文件”菜单中登录、退出登录或切换账号。</translation>
    </message>
    <message>
        <source>Sign in to the data bureau</source>
        <translation>登录政数局</translation>
    </message>
    <message>
        <source>With the account the bureau gave your department: your tasks, requests and cases, kept in step with the bureau.</source>
        <translation>使用政数局为本部门开设的账号：待办、申请和案件与政数局保持同步。</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <source>A complete Foshan network on this computer: act as two departments, an arbitrator and the administrator. Nothing is sent anywhere.</source>
        <translation>在本机运行完整的佛山演示网络：可扮演两个部门、仲裁员和系统管理员，不向外发送任何数据。</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <source>Keep records on this computer only, without a bureau account; sign in later from the File menu.</source>
        <translation>不使用政数局账号，记录只保存在本机；以后可在“文件”菜单中登录。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>This field is required</source>
        <translation>此项为必填项</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <source>Hearing date</source>
        <translation>听证日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>Issuing</name>
    <message>
        <source>Preparing the draft for you to read before it is issued…</source>
        <translation>正在生成文书草稿，请在签发前审阅……</translation>
    </message>
    <message>
        <source>Draft — read before issuing</source>
        <translation>草稿——签发前请审阅</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save this list (with its search and filters) as Excel, CSV or JSON</source>
        <translation>将此列表（按当前搜索和筛选）导出为 Excel、CSV 或 JSON</translation>
    </message>
    <message>
        <source>Search (number, department, resource, text)…</source>
        <translation>搜索（编号、部门、资源、内容）…</translation>
    </message>
    <message>
        <source>There are no records here yet.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>选择一行查看详情。</translation>
    </message>
    <message>
        <source>Nothing matches the search.</source>
        <translation>没有符合搜索条件的记录。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CDO Desktop — data sharing governance</source>
        <translation>首席数据官协同桌面 — 数据共享治理</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Demo: act as another person</source>
        <translation>演示：切换身份</translation>
    </message>
    <message>
        <source>Commissioner A</source>
        <translation>数据专员甲</translation>
    </message>
    <message>
        <source>Commissioner B</source>
        <translation>数据专员乙</translation>
    </message>
    <message>
        <source>Arbitrator</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Sign in to the bureau…</source>
        <translation>登录政数局……</translation>
    </message>
    <message>
        <source>Switch account…</source>
        <translation>切换账号……</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>The demo&apos;s people are switched in the status bar</source>
        <translation>演示中请在状态栏切换人员</translation>
    </message>
    <message>
        <source>Sending this desktop&apos;s changes to the bureau…</source>
        <translation>正在把本桌面的更改发送到政数局……</translation>
    </message>
    <message>
        <source>Bringing %s&apos;s desktop up to date…</source>
        <translation>正在更新%s的桌面……</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Signed in: %s, %s, %s</source>
        <translation>当前用户：%s，%s，%s</translation>
    </message>
</context>
<context>
    <name>MisusePage</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Misuse reports</source>
        <translation>违规使用</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Using department</source>
        <translation>使用部门（使用权）</translation>
    </message>
    <message>
        <source>Source department (ownership)</source>
        <translation>数源部门（归属权）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>共享申请</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <source>Investigation due</source>
        <translation>调查期限（含当日）</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>调查认定</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Raise a quality objection</source>
        <translation>提出数据异议</translation>
    </message>
    <message>
        <source>— choose a resource —</source>
        <translation>— 选择资源 —</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Data items concerned</source>
        <translation>涉及的数据项</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>问题描述</translation>
    </message>
</context>
<context>
    <name>ObjectionsPage</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Raise objection…</source>
        <translation>提出异议…</translation>
    </message>
    <message>
        <source>Quality objections</source>
        <translation>数据异议</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Objecting department</source>
        <translation>提出异议部门</translation>
    </message>
    <message>
        <source>Owning department</source>
        <translation>数源部门</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Verify by</source>
        <translation>核实期限</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>核查说明</translation>
    </message>
    <message>
        <source>File dispute…</source>
        <translation>申请仲裁…</translation>
    </message>
</context>
<context>
    <name>OpenCataloguePage</name>
    <message>
        <source>All open types</source>
        <translation>全部开放类型</translation>
    </message>
    <message>
        <source>Open catalogue</source>
        <translation>开放目录</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>资源编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>资源名称</translation>
    </message>
    <message>
        <source>Source department (ownership)</source>
        <translation>数源部门（归属权）</translation>
    </message>
    <message>
        <source>Open type</source>
        <translation>开放类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>开放渠道</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开放发布日期</translation>
    </message>
    <message>
        <source>Update cycle</source>
        <translation>更新周期</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>开放条件或理由</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <source>No order of a ruling is addressed to your department.</source>
        <translation>暂无责成本部门履行的裁决事项。</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>裁决事项</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Addressee</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日数</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Add order</source>
        <translation>增加裁决事项</translation>
    </message>
    <message>
        <source>Remove order</source>
        <translation>删除裁决事项</translation>
    </message>
</context>
<context>
    <name>PartlyDialog</name>
    <message>
        <source>Items granted</source>
        <translation>同意共享的数据项</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>The PDF preview is not available on this computer (QtPdf is missing).</source>
        <translation>本机无法预览 PDF（缺少 QtPdf）。</translation>
    </message>
    <message>
        <source>This is a draft. Read it through: Issue makes it final and cannot be undone.</source>
        <translation>这是草稿，请通读。签发后即为正式文书，不可撤回。</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>签发(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Cannot write %s: %s</source>
        <translation>无法写入 %s：%s</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
</context>
<context>
    <name>PlatformsPage</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Register a system…</source>
        <translation>登记系统…</translation>
    </message>
    <message>
        <source>Platforms and systems</source>
        <translation>平台和系统</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运维部门</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>来源资源数</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Change a deadline</source>
        <translation>修改时限</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日数</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>依据条款</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>No accountability record concerns your department.</source>
        <translation>暂无涉及本部门的问责记录。</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Hold to account…</source>
        <translation>问责…</translation>
    </message>
    <message>
        <source>Accountability records</source>
        <translation>问责记录</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>问责措施</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>文书指纹</translation>
    </message>
    <message>
        <source>Defence due</source>
        <translation>申辩期限</translation>
    </message>
    <message>
        <source>Notice PDF</source>
        <translation>问责通知书 PDF</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Legal basis relied on</source>
        <translation>所依据的法律依据</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>CDO Desktop: deadlines</source>
        <translation>首席数据官协同桌面：办理期限提醒</translation>
    </message>
    <message>
        <source>%s — %d working days late</source>
        <translation>%s——已逾期 %d 个工作日</translation>
    </message>
    <message>
        <source>%s — due %s (%d working days left)</source>
        <translation>%s——%s 到期（尚余 %d 个工作日）</translation>
    </message>
    <message>
        <source>and %d more on My tasks</source>
        <translation>另有 %d 项，见“我的待办”</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>New sharing request</source>
        <translation>新建共享申请</translation>
    </message>
    <message>
        <source>— choose a resource —</source>
        <translation>— 选择资源 —</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Usage method</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>使用期限自</translation>
    </message>
    <message>
        <source>Period until</source>
        <translation>使用期限至</translation>
    </message>
    <message>
        <source>The period must not end before it starts</source>
        <translation>使用期限的结束日期不能早于开始日期</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>New request…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <source>Incoming and outgoing</source>
        <translation>收到及提出的申请</translation>
    </message>
    <message>
        <source>Incoming (to answer)</source>
        <translation>收到的申请（待答复）</translation>
    </message>
    <message>
        <source>Outgoing (filed by us)</source>
        <translation>本部门提出的申请</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Sharing requests</source>
        <translation>共享申请</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requesting department</source>
        <translation>申请部门</translation>
    </message>
    <message>
        <source>Providing department</source>
        <translation>数源部门</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>%s (%d working days late%s)</source>
        <translation>%s（已逾期 %d 个工作日%s）</translation>
    </message>
    <message>
        <source>%s (%d working days left%s)</source>
        <translation>%s（剩余 %d 个工作日%s）</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Items granted</source>
        <translation>同意共享的数据项</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>使用期限</translation>
    </message>
    <message>
        <source>Conformity check due</source>
        <translation>合规审核期限</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Legal basis of the refusal</source>
        <translation>不予共享依据</translation>
    </message>
    <message>
        <source>Granted on</source>
        <translation>开通日期</translation>
    </message>
    <message>
        <source>Reply PDF</source>
        <translation>答复书 PDF</translation>
    </message>
    <message>
        <source>Open dispute %s</source>
        <translation>查看争议 %s</translation>
    </message>
    <message>
        <source>File dispute…</source>
        <translation>申请仲裁…</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <source>Catalogue a resource</source>
        <translation>编目数据资源</translation>
    </message>
    <message>
        <source>Edit resource</source>
        <translation>修改目录</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Item names separated by 、 or commas</source>
        <translation>数据项名称，以“、”或逗号分隔</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Share type</source>
        <translation>共享类型</translation>
    </message>
    <message>
        <source>Share conditions</source>
        <translation>共享条件</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Share method</source>
        <translation>共享方式</translation>
    </message>
    <message>
        <source>Open type</source>
        <translation>开放类型</translation>
    </message>
    <message>
        <source>Update cycle</source>
        <translation>更新周期</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
</context>
<context>
    <name>RulingEditor</name>
    <message>
        <source>Ruling</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>One finding per line</source>
        <translation>每行一项事实认定</translation>
    </message>
    <message>
        <source>Findings of fact</source>
        <translation>事实认定</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>裁决理由</translation>
    </message>
    <message>
        <source>Rules relied on, separated by semicolons</source>
        <translation>依据的规定，以分号分隔</translation>
    </message>
    <message>
        <source>Rules relied on</source>
        <translation>依据规定</translation>
    </message>
    <message>
        <source>Decision on each claim</source>
        <translation>逐项裁决</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决结果</translation>
    </message>
    <message>
        <source>Arbitrators</source>
        <translation>仲裁员</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>裁决事项</translation>
    </message>
    <message>
        <source>Order %d needs an action</source>
        <translation>裁决事项 %d 需要填写事项内容</translation>
    </message>
    <message>
        <source>Provide the requested data items within the deadline</source>
        <translation>在期限内提供所申请的数据项</translation>
    </message>
</context>
<context>
    <name>RulingList</name>
    <message>
        <source>No ruling concerns your department.</source>
        <translation>暂无涉及本部门的裁决。</translation>
    </message>
    <message>
        <source>Rulings</source>
        <translation>裁决书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>裁决结果</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>印发日期</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>文书指纹</translation>
    </message>
    <message>
        <source>Preview PDF</source>
        <translation>预览 PDF</translation>
    </message>
</context>
<context>
    <name>RulingsPage</name>
    <message>
        <source>Rulings and accountability</source>
        <translation>裁决与问责</translation>
    </message>
</context>
<context>
    <name>ScorecardPage</name>
    <message>
        <source>Scorecard PDF</source>
        <translation>绩效报告 PDF</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>绩效</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>收到申请</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>逾期答复</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予同意</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>The providing department did not answer within the deadline.</source>
        <translation>数源部门未在规定期限内答复。</translation>
    </message>
    <message>
        <source>The request named its purpose and legal basis; the refusal gave none.</source>
        <translation>申请载明了用途和依据，不予同意的答复未说明理由和依据。</translation>
    </message>
</context>
<context>
    <name>SessionControl</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>This computer holds %d records made while working offline. After signing in it shows the bureau&apos;s records instead; the offline records are first backed up to %s. Continue?</source>
        <translation>本机有 %d 条离线工作时形成的记录。登录后将显示政数局的记录；离线记录会先备份到 %s。是否继续？</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份……</translation>
    </message>
    <message>
        <source>Sending your changes to the bureau…</source>
        <translation>正在把您的更改发送到政数局……</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>%d changes have not reached the bureau yet. Sign out once they are sent (Sync now), so that they are not lost.</source>
        <translation>还有 %d 项更改未送达政数局。请先“立即同步”，发送完毕后再退出登录，以免丢失。</translation>
    </message>
    <message>
        <source>Sign out of the bureau? Your records stay on this computer.</source>
        <translation>确定退出政数局登录？您的记录仍保留在本机。</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>正在退出登录……</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Bureau server address</source>
        <translation>政数局服务器地址</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>系统证书</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Remind me in the notification area when a deadline is two working days away or has passed (once a day per item)</source>
        <translation>期限不足两个工作日或已逾期时在通知区域提醒（每项每天一次）</translation>
    </message>
    <message>
        <source>Deadline reminders</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Document fonts</source>
        <translation>公文字体</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Back up database…</source>
        <translation>备份数据库…</translation>
    </message>
    <message>
        <source>Restore database…</source>
        <translation>恢复数据库…</translation>
    </message>
    <message>
        <source>Verify a document…</source>
        <translation>核验文书…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Bureau server address: must start with https://</source>
        <translation>政数局服务器地址：必须以 https:// 开头</translation>
    </message>
    <message>
        <source>CA bundle: the file does not exist</source>
        <translation>CA 证书：文件不存在</translation>
    </message>
    <message>
        <source>Saved. A new language takes effect at the next start.</source>
        <translation>已保存。界面语言在下次启动时生效。</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup written: %s (%d bytes)</source>
        <translation>备份已写入：%s（%d 字节）</translation>
    </message>
    <message>
        <source>Restore database</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>Replace the local database with %s?</source>
        <translation>用 %s 替换本机数据库？</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Database restored from %s</source>
        <translation>已从 %s 恢复数据库</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Connect to the data bureau</source>
        <translation>连接政数局</translation>
    </message>
    <message>
        <source>Sign in once with the account the bureau gave you. Your device token is kept in the system keyring, never in a file.</source>
        <translation>请使用政数局分配的账号登录一次。设备令牌保存在系统密钥环中，不会写入文件。</translation>
    </message>
    <message>
        <source>Bureau server address</source>
        <translation>政数局服务器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>离线工作</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Bureau server address: must start with https://</source>
        <translation>政数局服务器地址：必须以 https:// 开头</translation>
    </message>
    <message>
        <source>User name: required</source>
        <translation>用户名：必填</translation>
    </message>
    <message>
        <source>Password: required</source>
        <translation>密码：必填</translation>
    </message>
    <message>
        <source>Signing in and downloading your department&apos;s records…</source>
        <translation>正在登录并下载本部门的记录……</translation>
    </message>
    <message>
        <source>Bureau certificate pinned</source>
        <translation>已固定政数局证书</translation>
    </message>
    <message>
        <source>This computer now trusts the bureau&apos;s root certificate. Compare its fingerprint with the one the bureau published; documents are verified against it from now on.

SHA-256: %s</source>
        <translation>本机已固定政数局根证书。请与政数局公布的指纹核对；此后文书均以此证书核验。

SHA-256：%s</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Bureau unreachable</source>
        <translation>无法连接政数局</translation>
    </message>
    <message>
        <source>%d pending</source>
        <translation>%d 项待同步</translation>
    </message>
    <message>
        <source>last sync %s</source>
        <translation>上次同步 %s</translation>
    </message>
    <message>
        <source>Not connected to a bureau server: changes stay on this computer.</source>
        <translation>未连接政数局服务器：变更仅保存在本机。</translation>
    </message>
    <message>
        <source>Not signed in to a bureau: sign in first (File ▸ Sign in to the bureau…).</source>
        <translation>尚未登录政数局：请先登录（文件 ▸ 登录政数局……）。</translation>
    </message>
    <message>
        <source>%d changes were refused by the bureau: see My tasks</source>
        <translation>有 %d 项变更未被政数局接受，请查看“我的待办”</translation>
    </message>
</context>
<context>
    <name>SystemDialog</name>
    <message>
        <source>Register a platform or system</source>
        <translation>登记平台或系统</translation>
    </message>
    <message>
        <source>Edit platform or system</source>
        <translation>修改平台或系统</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运维部门</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Import refused</source>
        <translation>导入未执行</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these cells and import the file again:</source>
        <translation>未导入任何数据。请更正以下单元格后重新导入：</translation>
    </message>
    <message>
        <source>Cells refused by the import</source>
        <translation>导入未通过的单元格</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Imported %1 rows.</source>
        <translation>已导入 %1 行。</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Exported %1 rows.</source>
        <translation>已导出 %1 行。</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>导入模板…</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export in import format…</source>
        <translation>按导入格式导出…</translation>
    </message>
</context>
<context>
    <name>Turn</name>
    <message>
        <source>%s: %d working days, %s</source>
        <translation>%s：%d 个工作日，依据：%s</translation>
    </message>
    <message>
        <source>the ruling&apos;s order: working days from its receipt</source>
        <translation>裁决书所定履行期限：自签收之日起按工作日计算</translation>
    </message>
    <message>
        <source>the accountability notice: rectify within its working days</source>
        <translation>问责通知书所定整改期限（工作日）</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>none — this record is closed.</source>
        <translation>无——本记录已办结。</translation>
    </message>
    <message>
        <source>It is your turn.</source>
        <translation>轮到您办理。</translation>
    </message>
    <message>
        <source>Waiting for the other side: you have nothing to do here now.</source>
        <translation>等待对方办理：您目前无需操作。</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>(%d working days late)</source>
        <translation>（已逾期 %d 个工作日）</translation>
    </message>
    <message>
        <source>(%d working days left)</source>
        <translation>（尚余 %d 个工作日）</translation>
    </message>
</context>
<context>
    <name>ValuationDialog</name>
    <message>
        <source>Record a valuation</source>
        <translation>登记评估结果</translation>
    </message>
    <message>
        <source>Valuation method</source>
        <translation>评估方法</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>评估价值（元）</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>评估基准日</translation>
    </message>
    <message>
        <source>Valuer</source>
        <translation>评估机构</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Valuation report</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose the valuation report file</source>
        <translation>请选择评估报告文件</translation>
    </message>
    <message>
        <source>Not an amount in yuan</source>
        <translation>不是有效的金额（元）</translation>
    </message>
</context>
<context>
    <name>ValueChart</name>
    <message>
        <source>No valuation yet</source>
        <translation>尚无评估记录</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a document</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <source>Open the PDF of a ruling or notice, or paste the text of its QR code.</source>
        <translation>打开裁决书或问责通知书的 PDF，或粘贴其二维码内容。</translation>
    </message>
    <message>
        <source>Open PDF…</source>
        <translation>打开 PDF…</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>核验编码</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Signed by %s at %s</source>
        <translation>签章人：%s，签章时间：%s</translation>
    </message>
    <message>
        <source>Document verification is not available yet in this build.</source>
        <translation>本版本尚未提供文书核验。</translation>
    </message>
    <message>
        <source>Cannot read %s: %s</source>
        <translation>无法读取 %s：%s</translation>
    </message>
</context>
</TS>
