<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Accessibility</name>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
    <message>
        <source>details</source>
        <translation>details</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>filter</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>tabs</translation>
    </message>
    <message>
        <source>field</source>
        <translation>field</translation>
    </message>
</context>
<context>
    <name>AccountabilityDialog</name>
    <message>
        <source>Hold to account</source>
        <translation>Hold to account</translation>
    </message>
    <message>
        <source>— choose a department —</source>
        <translation>— choose a department —</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>— choose the ground —</source>
        <translation>— choose the ground —</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Ground</translation>
    </message>
    <message>
        <source>Period from (overdue replies)</source>
        <translation>Period from (overdue replies)</translation>
    </message>
    <message>
        <source>Period to (overdue replies)</source>
        <translation>Period to (overdue replies)</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>Violation</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Rectify within (working days)</source>
        <translation>Rectify within (working days)</translation>
    </message>
    <message>
        <source>Report requirement</source>
        <translation>Report requirement</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <source>Confirm: %s %s?</source>
        <translation>Confirm: %s %s?</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Withdraw %s? The case ends and cannot be reopened.</source>
        <translation>Withdraw %s? The case ends and cannot be reopened.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Defence</source>
        <translation>Defence</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>Shown as</translation>
    </message>
    <message>
        <source>This release's default</source>
        <translation>This release's default</translation>
    </message>
    <message>
        <source>Change deadline…</source>
        <translation>Change deadline…</translation>
    </message>
    <message>
        <source>Policy deadlines</source>
        <translation>Policy deadlines</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Publish the year's arrangement…</source>
        <translation>Publish the year's arrangement…</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>Holiday calendar</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Add department…</source>
        <translation>Add department…</translation>
    </message>
    <message>
        <source>Appoint commissioner…</source>
        <translation>Appoint commissioner…</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%d working days, %s</source>
        <translation>%d working days, %s</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The database file %1 is empty (0 bytes). CDO Desktop does not replace it with a new, empty database. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</source>
        <translation>The database file %1 is empty (0 bytes). CDO Desktop does not replace it with a new, empty database. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</translation>
    </message>
    <message>
        <source>The database %1 holds no records, although this data folder has held a database in use. CDO Desktop does not start over with an empty one. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</source>
        <translation>The database %1 holds no records, although this data folder has held a database in use. CDO Desktop does not start over with an empty one. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</translation>
    </message>
    <message>
        <source>The database %1 is missing, although this data folder has held one. CDO Desktop does not create a new, empty database in its place. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</source>
        <translation>The database %1 is missing, although this data folder has held one. CDO Desktop does not create a new, empty database in its place. Restore a backup (cdo restore --data-dir %2), or start anew on purpose with cdo init --data-dir %2.</translation>
    </message>
    <message>
        <source>Preparing the Foshan demo: bureau server and desktops…</source>
        <translation>Preparing the Foshan demo: bureau server and desktops…</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>The database cannot be opened</translation>
    </message>
</context>
<context>
    <name>AppointDialog</name>
    <message>
        <source>Appoint a commissioner</source>
        <translation>Appoint a commissioner</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>— choose a department —</source>
        <translation>— choose a department —</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Appointed on</source>
        <translation>Appointed on</translation>
    </message>
</context>
<context>
    <name>AssetApplyDialog</name>
    <message>
        <source>Apply for asset registration</source>
        <translation>Apply for asset registration</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>Asset code</translation>
    </message>
</context>
<context>
    <name>AssetChangeDialog</name>
    <message>
        <source>Reason for the change</source>
        <translation>Reason for the change</translation>
    </message>
</context>
<context>
    <name>AssetFieldsForm</name>
    <message>
        <source>Asset name</source>
        <translation>Asset name</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>Record count</translation>
    </message>
    <message>
        <source>Quality grade</source>
        <translation>Quality grade</translation>
    </message>
</context>
<context>
    <name>Assets</name>
    <message>
        <source>Shared platforms (集约化): the same data items are provided already</source>
        <translation>Shared platforms (集约化): the same data items are provided already</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Registered share</source>
        <translation>Registered share</translation>
    </message>
    <message>
        <source>Valued share</source>
        <translation>Valued share</translation>
    </message>
    <message>
        <source>Total value (10k yuan)</source>
        <translation>Total value (10k yuan)</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>Assets</translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>My department</source>
        <translation>My department</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Apply for registration…</source>
        <translation>Apply for registration…</translation>
    </message>
    <message>
        <source>Data assets</source>
        <translation>Data assets</translation>
    </message>
    <message>
        <source>Asset code</source>
        <translation>Asset code</translation>
    </message>
    <message>
        <source>Asset name</source>
        <translation>Asset name</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Quality grade</source>
        <translation>Quality grade</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Latest value (yuan)</source>
        <translation>Latest value (yuan)</translation>
    </message>
    <message>
        <source>Certificate PDF</source>
        <translation>Certificate PDF</translation>
    </message>
    <message>
        <source>Open valuation report</source>
        <translation>Open valuation report</translation>
    </message>
    <message>
        <source>Valuation report</source>
        <translation>Valuation report</translation>
    </message>
    <message>
        <source>The file has not been downloaded from the bureau yet.</source>
        <translation>The file has not been downloaded from the bureau yet.</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Record count</source>
        <translation>Record count</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>Value (yuan)</translation>
    </message>
    <message>
        <source>Valuer</source>
        <translation>Valuer</translation>
    </message>
    <message>
        <source>Valuation history</source>
        <translation>Valuation history</translation>
    </message>
    <message>
        <source>No valuation yet</source>
        <translation>No valuation yet</translation>
    </message>
</context>
<context>
    <name>Busy</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Publish the holiday arrangement of %d</source>
        <translation>Publish the holiday arrangement of %d</translation>
    </message>
    <message>
        <source>Days (date, holiday or workday, name)</source>
        <translation>Days (date, holiday or workday, name)</translation>
    </message>
    <message>
        <source>This is the year's complete arrangement (every holiday and make-up workday)</source>
        <translation>This is the year's complete arrangement (every holiday and make-up workday)</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Line %d: '%s' is not a date (YYYY-MM-DD)</source>
        <translation>Line %d: '%s' is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Line %d: write holiday or workday</source>
        <translation>Line %d: write holiday or workday</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Drop files here to add them as evidence (SHA-256 is computed and kept).</source>
        <translation>Drop files here to add them as evidence (SHA-256 is computed and kept).</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>The file has not been downloaded from the bureau yet.</source>
        <translation>The file has not been downloaded from the bureau yet.</translation>
    </message>
    <message>
        <source>Downloading the evidence file…</source>
        <translation>Downloading the evidence file…</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Requesting department</source>
        <translation>Requesting department</translation>
    </message>
    <message>
        <source>Providing department</source>
        <translation>Providing department</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Quality objection</source>
        <translation>Quality objection</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Owner's answer</source>
        <translation>Owner's answer</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>Data items</translation>
    </message>
    <message>
        <source>Items granted</source>
        <translation>Items granted</translation>
    </message>
    <message>
        <source>Refusal reason</source>
        <translation>Refusal reason</translation>
    </message>
    <message>
        <source>What the dispute is about</source>
        <translation>What the dispute is about</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Claimant</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Accept by</source>
        <translation>Accept by</translation>
    </message>
    <message>
        <source>Rule by</source>
        <translation>Rule by</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Claimant statement</source>
        <translation>Claimant statement</translation>
    </message>
    <message>
        <source>Respondent statement</source>
        <translation>Respondent statement</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>Ruling</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Order %d</source>
        <translation>Order %d</translation>
    </message>
    <message>
        <source>due %s</source>
        <translation>due %s</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <source>%d working days from receipt</source>
        <translation>%d working days from receipt</translation>
    </message>
    <message>
        <source>%s (inclusive)</source>
        <translation>%s (inclusive)</translation>
    </message>
    <message>
        <source>Evidence (%d)</source>
        <translation>Evidence (%d)</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>City catalogue (read-only)</source>
        <translation>City catalogue (read-only)</translation>
    </message>
    <message>
        <source>My department (editable)</source>
        <translation>My department (editable)</translation>
    </message>
    <message>
        <source>All share types</source>
        <translation>All share types</translation>
    </message>
    <message>
        <source>Catalogue a resource…</source>
        <translation>Catalogue a resource…</translation>
    </message>
    <message>
        <source>Data catalogue</source>
        <translation>Data catalogue</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Owning department</source>
        <translation>Owning department</translation>
    </message>
    <message>
        <source>Share type</source>
        <translation>Share type</translation>
    </message>
    <message>
        <source>Share method</source>
        <translation>Share method</translation>
    </message>
    <message>
        <source>Update cycle</source>
        <translation>Update cycle</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>Data items</translation>
    </message>
    <message>
        <source>Share conditions</source>
        <translation>Share conditions</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>Source system</translation>
    </message>
</context>
<context>
    <name>ChangeMeasureDialog</name>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Rectification deadline (working days)</source>
        <translation>Rectification deadline (working days)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ClaimAnswerDialog</name>
    <message>
        <source>Claim number</source>
        <translation>Claim number</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>ClaimsTable</name>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>My tasks</source>
        <translation>My tasks</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Not signed in.</translation>
    </message>
    <message>
        <source>%d open tasks</source>
        <translation>%d open tasks</translation>
    </message>
    <message>
        <source>Nothing waits for you.</source>
        <translation>Nothing waits for you.</translation>
    </message>
    <message>
        <source>%d overdue</source>
        <translation>%d overdue</translation>
    </message>
    <message>
        <source>%d deadlines within two working days or passed (%d overdue)</source>
        <translation>%d deadlines within two working days or passed (%d overdue)</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source> (uncertain)</source>
        <translation> (uncertain)</translation>
    </message>
    <message>
        <source>%d working days late</source>
        <translation>%d working days late</translation>
    </message>
    <message>
        <source>%d working days left</source>
        <translation>%d working days left</translation>
    </message>
    <message>
        <source>Requests awaiting the bureau's conformity check</source>
        <translation>Requests awaiting the bureau's conformity check</translation>
    </message>
    <message>
        <source>Incoming requests to answer</source>
        <translation>Incoming requests to answer</translation>
    </message>
    <message>
        <source>Disputes on the docket</source>
        <translation>Disputes on the docket</translation>
    </message>
    <message>
        <source>Disputes awaiting my statement</source>
        <translation>Disputes awaiting my statement</translation>
    </message>
    <message>
        <source>Quality objections to verify</source>
        <translation>Quality objections to verify</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Changes the bureau refused</source>
        <translation>Changes the bureau refused</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Order %d of %s</source>
        <translation>Order %d of %s</translation>
    </message>
    <message>
        <source>Defence</source>
        <translation>Defence</translation>
    </message>
    <message>
        <source>Rectifications and orders due</source>
        <translation>Rectifications and orders due</translation>
    </message>
    <message>
        <source>Catalogue update</source>
        <translation>Catalogue update</translation>
    </message>
    <message>
        <source>Update overdue</source>
        <translation>Update overdue</translation>
    </message>
    <message>
        <source>Catalogue and data updates due</source>
        <translation>Catalogue and data updates due</translation>
    </message>
</context>
<context>
    <name>DeadlineSource</name>
    <message>
        <source>Regulation on Government Data Sharing (State Council Decree No. 809), art. %d</source>
        <translation>Regulation on Government Data Sharing (State Council Decree No. 809), art. %d</translation>
    </message>
    <message>
        <source>product default</source>
        <translation>product default</translation>
    </message>
    <message>
        <source>bureau setting: %s</source>
        <translation>bureau setting: %s</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>bureau</source>
        <translation>bureau</translation>
    </message>
    <message>
        <source>Reg. art. %d</source>
        <translation>Reg. art. %d</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>practice</translation>
    </message>
    <message>
        <source>ruling</source>
        <translation>ruling</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>notice</translation>
    </message>
    <message>
        <source>%s · %s</source>
        <translation>%s · %s</translation>
    </message>
    <message>
        <source>ruling %s</source>
        <translation>ruling %s</translation>
    </message>
    <message>
        <source>accountability notice %s</source>
        <translation>accountability notice %s</translation>
    </message>
    <message>
        <source>update cycle in the catalogue</source>
        <translation>update cycle in the catalogue</translation>
    </message>
    <message>
        <source>%s — source: %s</source>
        <translation>%s — source: %s</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Creating the Foshan departments, people and data catalogue…</source>
        <translation>Creating the Foshan departments, people and data catalogue…</translation>
    </message>
    <message>
        <source>Filing the sample sharing requests (%d of %d)…</source>
        <translation>Filing the sample sharing requests (%d of %d)…</translation>
    </message>
    <message>
        <source>Creating sign-in accounts for the demo people (%d of %d)…</source>
        <translation>Creating sign-in accounts for the demo people (%d of %d)…</translation>
    </message>
    <message>
        <source>Building the search index…</source>
        <translation>Building the search index…</translation>
    </message>
    <message>
        <source>Starting the local data bureau…</source>
        <translation>Starting the local data bureau…</translation>
    </message>
    <message>
        <source>Setting up the desktop of %s and downloading its records…</source>
        <translation>Setting up the desktop of %s and downloading its records…</translation>
    </message>
    <message>
        <source>Commissioner A</source>
        <translation>Commissioner A</translation>
    </message>
    <message>
        <source>Commissioner B</source>
        <translation>Commissioner B</translation>
    </message>
    <message>
        <source>the arbitrator</source>
        <translation>the arbitrator</translation>
    </message>
    <message>
        <source>the administrator</source>
        <translation>the administrator</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>Add department</source>
        <translation>Add department</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>All roles</source>
        <translation>All roles</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Record a change of duties…</source>
        <translation>Record a change of duties…</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Appointed</source>
        <translation>Appointed</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>End appointment…</source>
        <translation>End appointment…</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>serving</translation>
    </message>
    <message>
        <source>Appointment history of %s</source>
        <translation>Appointment history of %s</translation>
    </message>
    <message>
        <source>Duties changed on</source>
        <translation>Duties changed on</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Catalogue updated on</source>
        <translation>Catalogue updated on</translation>
    </message>
    <message>
        <source>Catalogue update due</source>
        <translation>Catalogue update due</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>File a dispute</source>
        <translation>File a dispute</translation>
    </message>
    <message>
        <source>Grows from</source>
        <translation>Grows from</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>One claim per line, e.g. order the owner to share the items asked within 10 working days</source>
        <translation>One claim per line, e.g. order the owner to share the items asked within 10 working days</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>an open dispute already grows from it: %s (%s). Add to that case instead.</source>
        <translation>an open dispute already grows from it: %s (%s). Add to that case instead.</translation>
    </message>
    <message>
        <source>Dispute filed</source>
        <translation>Dispute filed</translation>
    </message>
    <message>
        <source>Dispute %s has been filed. The bureau decides by %s whether to accept it; you can follow it on the Disputes page.</source>
        <translation>Dispute %s has been filed. The bureau decides by %s whether to accept it; you can follow it on the Disputes page.</translation>
    </message>
</context>
<context>
    <name>DisputesPage</name>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Disputes and docket</source>
        <translation>Disputes and docket</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Claimant</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>%s (%d working days late)</source>
        <translation>%s (%d working days late)</translation>
    </message>
    <message>
        <source>%s (%d working days left)</source>
        <translation>%s (%d working days left)</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <source>Ruling PDF</source>
        <translation>Ruling PDF</translation>
    </message>
    <message>
        <source>Sending the ruling to the bureau…</source>
        <translation>Sending the ruling to the bureau…</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Add evidence</translation>
    </message>
</context>
<context>
    <name>Due</name>
    <message>
        <source>%s (%d working days late)</source>
        <translation>%s (%d working days late)</translation>
    </message>
    <message>
        <source>%s (%d working days left)</source>
        <translation>%s (%d working days left)</translation>
    </message>
</context>
<context>
    <name>DutiesChangeDialog</name>
    <message>
        <source>Record a change of duties</source>
        <translation>Record a change of duties</translation>
    </message>
    <message>
        <source>— choose a department —</source>
        <translation>— choose a department —</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Duties changed on</source>
        <translation>Duties changed on</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
</context>
<context>
    <name>EndAppointmentDialog</name>
    <message>
        <source>End the appointment of %s</source>
        <translation>End the appointment of %s</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>Ended on</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to CDO Desktop</source>
        <translation>Welcome to CDO Desktop</translation>
    </message>
    <message>
        <source>CDO Desktop — data sharing governance</source>
        <translation>CDO Desktop — data sharing governance</translation>
    </message>
    <message>
        <source>How do you want to start? You can sign in, sign out or switch account later from the File menu.</source>
        <translation>How do you want to start? You can sign in, sign out or switch account later from the File menu.</translation>
    </message>
    <message>
        <source>Sign in to the data bureau</source>
        <translation>Sign in to the data bureau</translation>
    </message>
    <message>
        <source>With the account the bureau gave your department: your tasks, requests and cases, kept in step with the bureau.</source>
        <translation>With the account the bureau gave your department: your tasks, requests and cases, kept in step with the bureau.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Try the demo</translation>
    </message>
    <message>
        <source>A complete Foshan network on this computer: act as two departments, an arbitrator and the administrator. Nothing is sent anywhere.</source>
        <translation>A complete Foshan network on this computer: act as two departments, an arbitrator and the administrator. Nothing is sent anywhere.</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>Keep records on this computer only, without a bureau account; sign in later from the File menu.</source>
        <translation>Keep records on this computer only, without a bureau account; sign in later from the File menu.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>This field is required</source>
        <translation>This field is required</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <source>Hearing date</source>
        <translation>Hearing date</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
</context>
<context>
    <name>Issuing</name>
    <message>
        <source>Preparing the draft for you to read before it is issued…</source>
        <translation>Preparing the draft for you to read before it is issued…</translation>
    </message>
    <message>
        <source>Draft — read before issuing</source>
        <translation>Draft — read before issuing</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save this list (with its search and filters) as Excel, CSV or JSON</source>
        <translation>Save this list (with its search and filters) as Excel, CSV or JSON</translation>
    </message>
    <message>
        <source>Search (number, department, resource, text)…</source>
        <translation>Search (number, department, resource, text)…</translation>
    </message>
    <message>
        <source>There are no records here yet.</source>
        <translation>There are no records here yet.</translation>
    </message>
    <message>
        <source>Select a row to see its details.</source>
        <translation>Select a row to see its details.</translation>
    </message>
    <message>
        <source>Nothing matches the search.</source>
        <translation>Nothing matches the search.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CDO Desktop — data sharing governance</source>
        <translation>CDO Desktop — data sharing governance</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Demo: act as another person</source>
        <translation>Demo: act as another person</translation>
    </message>
    <message>
        <source>Commissioner A</source>
        <translation>Commissioner A</translation>
    </message>
    <message>
        <source>Commissioner B</source>
        <translation>Commissioner B</translation>
    </message>
    <message>
        <source>Arbitrator</source>
        <translation>Arbitrator</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Sign in to the bureau…</source>
        <translation>Sign in to the bureau…</translation>
    </message>
    <message>
        <source>Switch account…</source>
        <translation>Switch account…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The demo's people are switched in the status bar</source>
        <translation>The demo's people are switched in the status bar</translation>
    </message>
    <message>
        <source>Sending this desktop's changes to the bureau…</source>
        <translation>Sending this desktop's changes to the bureau…</translation>
    </message>
    <message>
        <source>Bringing %s's desktop up to date…</source>
        <translation>Bringing %s's desktop up to date…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Signed in: %s, %s, %s</source>
        <translation>Signed in: %s, %s, %s</translation>
    </message>
</context>
<context>
    <name>MisusePage</name>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Misuse reports</source>
        <translation>Misuse reports</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Using department</source>
        <translation>Using department</translation>
    </message>
    <message>
        <source>Source department (ownership)</source>
        <translation>Source department (ownership)</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Investigation due</source>
        <translation>Investigation due</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Raise a quality objection</source>
        <translation>Raise a quality objection</translation>
    </message>
    <message>
        <source>— choose a resource —</source>
        <translation>— choose a resource —</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Data items concerned</source>
        <translation>Data items concerned</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>What is wrong</translation>
    </message>
</context>
<context>
    <name>ObjectionsPage</name>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Raise objection…</source>
        <translation>Raise objection…</translation>
    </message>
    <message>
        <source>Quality objections</source>
        <translation>Quality objections</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Objecting department</source>
        <translation>Objecting department</translation>
    </message>
    <message>
        <source>Owning department</source>
        <translation>Owning department</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Verify by</source>
        <translation>Verify by</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>Data items</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>File dispute…</source>
        <translation>File dispute…</translation>
    </message>
</context>
<context>
    <name>OpenCataloguePage</name>
    <message>
        <source>All open types</source>
        <translation>All open types</translation>
    </message>
    <message>
        <source>Open catalogue</source>
        <translation>Open catalogue</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Source department (ownership)</source>
        <translation>Source department (ownership)</translation>
    </message>
    <message>
        <source>Open type</source>
        <translation>Open type</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Update cycle</source>
        <translation>Update cycle</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Last update</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <source>No order of a ruling is addressed to your department.</source>
        <translation>No order of a ruling is addressed to your department.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>Ruling</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Addressee</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Add order</source>
        <translation>Add order</translation>
    </message>
    <message>
        <source>Remove order</source>
        <translation>Remove order</translation>
    </message>
</context>
<context>
    <name>PartlyDialog</name>
    <message>
        <source>Items granted</source>
        <translation>Items granted</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>The PDF preview is not available on this computer (QtPdf is missing).</source>
        <translation>The PDF preview is not available on this computer (QtPdf is missing).</translation>
    </message>
    <message>
        <source>This is a draft. Read it through: Issue makes it final and cannot be undone.</source>
        <translation>This is a draft. Read it through: Issue makes it final and cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Issue</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Cannot write %s: %s</source>
        <translation>Cannot write %s: %s</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>The printer could not be opened.</translation>
    </message>
</context>
<context>
    <name>PlatformsPage</name>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Register a system…</source>
        <translation>Register a system…</translation>
    </message>
    <message>
        <source>Platforms and systems</source>
        <translation>Platforms and systems</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Change a deadline</source>
        <translation>Change a deadline</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>No accountability record concerns your department.</source>
        <translation>No accountability record concerns your department.</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Hold to account…</source>
        <translation>Hold to account…</translation>
    </message>
    <message>
        <source>Accountability records</source>
        <translation>Accountability records</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>Rectify by</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Defence due</source>
        <translation>Defence due</translation>
    </message>
    <message>
        <source>Notice PDF</source>
        <translation>Notice PDF</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Legal basis relied on</source>
        <translation>Legal basis relied on</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>CDO Desktop: deadlines</source>
        <translation>CDO Desktop: deadlines</translation>
    </message>
    <message>
        <source>%s — %d working days late</source>
        <translation>%s — %d working days late</translation>
    </message>
    <message>
        <source>%s — due %s (%d working days left)</source>
        <translation>%s — due %s (%d working days left)</translation>
    </message>
    <message>
        <source>and %d more on My tasks</source>
        <translation>and %d more on My tasks</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>New sharing request</source>
        <translation>New sharing request</translation>
    </message>
    <message>
        <source>— choose a resource —</source>
        <translation>— choose a resource —</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>Data items</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Usage method</source>
        <translation>Usage method</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Period until</source>
        <translation>Period until</translation>
    </message>
    <message>
        <source>The period must not end before it starts</source>
        <translation>The period must not end before it starts</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>New request…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <source>Incoming and outgoing</source>
        <translation>Incoming and outgoing</translation>
    </message>
    <message>
        <source>Incoming (to answer)</source>
        <translation>Incoming (to answer)</translation>
    </message>
    <message>
        <source>Outgoing (filed by us)</source>
        <translation>Outgoing (filed by us)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Sharing requests</source>
        <translation>Sharing requests</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Requesting department</source>
        <translation>Requesting department</translation>
    </message>
    <message>
        <source>Providing department</source>
        <translation>Providing department</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>%s (%d working days late%s)</source>
        <translation>%s (%d working days late%s)</translation>
    </message>
    <message>
        <source>%s (%d working days left%s)</source>
        <translation>%s (%d working days left%s)</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>Data items</translation>
    </message>
    <message>
        <source>Items granted</source>
        <translation>Items granted</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Conformity check due</source>
        <translation>Conformity check due</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Legal basis of the refusal</source>
        <translation>Legal basis of the refusal</translation>
    </message>
    <message>
        <source>Granted on</source>
        <translation>Granted on</translation>
    </message>
    <message>
        <source>Reply PDF</source>
        <translation>Reply PDF</translation>
    </message>
    <message>
        <source>Open dispute %s</source>
        <translation>Open dispute %s</translation>
    </message>
    <message>
        <source>File dispute…</source>
        <translation>File dispute…</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <source>Catalogue a resource</source>
        <translation>Catalogue a resource</translation>
    </message>
    <message>
        <source>Edit resource</source>
        <translation>Edit resource</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Item names separated by 、 or commas</source>
        <translation>Item names separated by 、 or commas</translation>
    </message>
    <message>
        <source>Data items</source>
        <translation>Data items</translation>
    </message>
    <message>
        <source>Share type</source>
        <translation>Share type</translation>
    </message>
    <message>
        <source>Share conditions</source>
        <translation>Share conditions</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Share method</source>
        <translation>Share method</translation>
    </message>
    <message>
        <source>Open type</source>
        <translation>Open type</translation>
    </message>
    <message>
        <source>Update cycle</source>
        <translation>Update cycle</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>Source system</translation>
    </message>
</context>
<context>
    <name>RulingEditor</name>
    <message>
        <source>Ruling</source>
        <translation>Ruling</translation>
    </message>
    <message>
        <source>One finding per line</source>
        <translation>One finding per line</translation>
    </message>
    <message>
        <source>Findings of fact</source>
        <translation>Findings of fact</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>Rules relied on, separated by semicolons</source>
        <translation>Rules relied on, separated by semicolons</translation>
    </message>
    <message>
        <source>Rules relied on</source>
        <translation>Rules relied on</translation>
    </message>
    <message>
        <source>Decision on each claim</source>
        <translation>Decision on each claim</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Arbitrators</source>
        <translation>Arbitrators</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Order %d needs an action</source>
        <translation>Order %d needs an action</translation>
    </message>
    <message>
        <source>Provide the requested data items within the deadline</source>
        <translation>Provide the requested data items within the deadline</translation>
    </message>
</context>
<context>
    <name>RulingList</name>
    <message>
        <source>No ruling concerns your department.</source>
        <translation>No ruling concerns your department.</translation>
    </message>
    <message>
        <source>Rulings</source>
        <translation>Rulings</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Claimant</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Preview PDF</source>
        <translation>Preview PDF</translation>
    </message>
</context>
<context>
    <name>RulingsPage</name>
    <message>
        <source>Rulings and accountability</source>
        <translation>Rulings and accountability</translation>
    </message>
</context>
<context>
    <name>ScorecardPage</name>
    <message>
        <source>Scorecard PDF</source>
        <translation>Scorecard PDF</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Scorecard</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>Requests received</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>Answered late</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>The providing department did not answer within the deadline.</source>
        <translation>The providing department did not answer within the deadline.</translation>
    </message>
    <message>
        <source>The request named its purpose and legal basis; the refusal gave none.</source>
        <translation>The request named its purpose and legal basis; the refusal gave none.</translation>
    </message>
</context>
<context>
    <name>SessionControl</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>This computer holds %d records made while working offline. After signing in it shows the bureau's records instead; the offline records are first backed up to %s. Continue?</source>
        <translation>This computer holds %d records made while working offline. After signing in it shows the bureau's records instead; the offline records are first backed up to %s. Continue?</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Sending your changes to the bureau…</source>
        <translation>Sending your changes to the bureau…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>%d changes have not reached the bureau yet. Sign out once they are sent (Sync now), so that they are not lost.</source>
        <translation>%d changes have not reached the bureau yet. Sign out once they are sent (Sync now), so that they are not lost.</translation>
    </message>
    <message>
        <source>Sign out of the bureau? Your records stay on this computer.</source>
        <translation>Sign out of the bureau? Your records stay on this computer.</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Signing out…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Bureau server address</source>
        <translation>Bureau server address</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>System certificates</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA bundle</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Remind me in the notification area when a deadline is two working days away or has passed (once a day per item)</source>
        <translation>Remind me in the notification area when a deadline is two working days away or has passed (once a day per item)</translation>
    </message>
    <message>
        <source>Deadline reminders</source>
        <translation>Deadline reminders</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Document fonts</source>
        <translation>Document fonts</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Back up database…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <source>Restore database…</source>
        <translation>Restore database…</translation>
    </message>
    <message>
        <source>Verify a document…</source>
        <translation>Verify a document…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Bureau server address: must start with https://</source>
        <translation>Bureau server address: must start with https://</translation>
    </message>
    <message>
        <source>CA bundle: the file does not exist</source>
        <translation>CA bundle: the file does not exist</translation>
    </message>
    <message>
        <source>Saved. A new language takes effect at the next start.</source>
        <translation>Saved. A new language takes effect at the next start.</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Backup written: %s (%d bytes)</source>
        <translation>Backup written: %s (%d bytes)</translation>
    </message>
    <message>
        <source>Restore database</source>
        <translation>Restore database</translation>
    </message>
    <message>
        <source>Replace the local database with %s?</source>
        <translation>Replace the local database with %s?</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>Database restored from %s</source>
        <translation>Database restored from %s</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Connect to the data bureau</source>
        <translation>Connect to the data bureau</translation>
    </message>
    <message>
        <source>Sign in once with the account the bureau gave you. Your device token is kept in the system keyring, never in a file.</source>
        <translation>Sign in once with the account the bureau gave you. Your device token is kept in the system keyring, never in a file.</translation>
    </message>
    <message>
        <source>Bureau server address</source>
        <translation>Bureau server address</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bureau server address: must start with https://</source>
        <translation>Bureau server address: must start with https://</translation>
    </message>
    <message>
        <source>User name: required</source>
        <translation>User name: required</translation>
    </message>
    <message>
        <source>Password: required</source>
        <translation>Password: required</translation>
    </message>
    <message>
        <source>Signing in and downloading your department's records…</source>
        <translation>Signing in and downloading your department's records…</translation>
    </message>
    <message>
        <source>Bureau certificate pinned</source>
        <translation>Bureau certificate pinned</translation>
    </message>
    <message>
        <source>This computer now trusts the bureau's root certificate. Compare its fingerprint with the one the bureau published; documents are verified against it from now on.

SHA-256: %s</source>
        <translation>This computer now trusts the bureau's root certificate. Compare its fingerprint with the one the bureau published; documents are verified against it from now on.

SHA-256: %s</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Bureau unreachable</source>
        <translation>Bureau unreachable</translation>
    </message>
    <message>
        <source>%d pending</source>
        <translation>%d pending</translation>
    </message>
    <message>
        <source>last sync %s</source>
        <translation>last sync %s</translation>
    </message>
    <message>
        <source>Not connected to a bureau server: changes stay on this computer.</source>
        <translation>Not connected to a bureau server: changes stay on this computer.</translation>
    </message>
    <message>
        <source>Not signed in to a bureau: sign in first (File ▸ Sign in to the bureau…).</source>
        <translation>Not signed in to a bureau: sign in first (File ▸ Sign in to the bureau…).</translation>
    </message>
    <message>
        <source>%d changes were refused by the bureau: see My tasks</source>
        <translation>%d changes were refused by the bureau: see My tasks</translation>
    </message>
</context>
<context>
    <name>SystemDialog</name>
    <message>
        <source>Register a platform or system</source>
        <translation>Register a platform or system</translation>
    </message>
    <message>
        <source>Edit platform or system</source>
        <translation>Edit platform or system</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Import refused</source>
        <translation>Import refused</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these cells and import the file again:</source>
        <translation>Nothing was imported. Correct these cells and import the file again:</translation>
    </message>
    <message>
        <source>Cells refused by the import</source>
        <translation>Cells refused by the import</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Imported %1 rows.</source>
        <translation>Imported %1 rows.</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported %1 rows.</source>
        <translation>Exported %1 rows.</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Template…</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export in import format…</source>
        <translation>Export in import format…</translation>
    </message>
</context>
<context>
    <name>Turn</name>
    <message>
        <source>%s: %d working days, %s</source>
        <translation>%s: %d working days, %s</translation>
    </message>
    <message>
        <source>the ruling's order: working days from its receipt</source>
        <translation>the ruling's order: working days from its receipt</translation>
    </message>
    <message>
        <source>the accountability notice: rectify within its working days</source>
        <translation>the accountability notice: rectify within its working days</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>none — this record is closed.</source>
        <translation>none — this record is closed.</translation>
    </message>
    <message>
        <source>It is your turn.</source>
        <translation>It is your turn.</translation>
    </message>
    <message>
        <source>Waiting for the other side: you have nothing to do here now.</source>
        <translation>Waiting for the other side: you have nothing to do here now.</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>(%d working days late)</source>
        <translation>(%d working days late)</translation>
    </message>
    <message>
        <source>(%d working days left)</source>
        <translation>(%d working days left)</translation>
    </message>
</context>
<context>
    <name>ValuationDialog</name>
    <message>
        <source>Record a valuation</source>
        <translation>Record a valuation</translation>
    </message>
    <message>
        <source>Valuation method</source>
        <translation>Valuation method</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>Value (yuan)</translation>
    </message>
    <message>
        <source>Valuation date</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <source>Valuer</source>
        <translation>Valuer</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Valuation report</source>
        <translation>Valuation report</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Choose the valuation report file</source>
        <translation>Choose the valuation report file</translation>
    </message>
    <message>
        <source>Not an amount in yuan</source>
        <translation>Not an amount in yuan</translation>
    </message>
</context>
<context>
    <name>ValueChart</name>
    <message>
        <source>No valuation yet</source>
        <translation>No valuation yet</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>10k yuan</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a document</source>
        <translation>Verify a document</translation>
    </message>
    <message>
        <source>Open the PDF of a ruling or notice, or paste the text of its QR code.</source>
        <translation>Open the PDF of a ruling or notice, or paste the text of its QR code.</translation>
    </message>
    <message>
        <source>Open PDF…</source>
        <translation>Open PDF…</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Check code</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>Signed by %s at %s</source>
        <translation>Signed by %s at %s</translation>
    </message>
    <message>
        <source>Document verification is not available yet in this build.</source>
        <translation>Document verification is not available yet in this build.</translation>
    </message>
    <message>
        <source>Cannot read %s: %s</source>
        <translation>Cannot read %s: %s</translation>
    </message>
</context>
</TS>