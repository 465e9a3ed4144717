<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../widgets/accounts.py" line="166" />
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="168" />
        <source>Locked until {t}</source>
        <translation>Locked until {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="172" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="177" />
        <source>street-wide</source>
        <translation>street-wide</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="210" />
        <location filename="../../widgets/accounts.py" line="233" />
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="211" />
        <source>Give {user} a new random password? The old one stops working.</source>
        <translation>Give {user} a new random password? The old one stops working.</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="220" />
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="223" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="224" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="225" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="226" />
        <source>Communities</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="227" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="228" />
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="231" />
        <source>New account…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="232" />
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="234" />
        <source>Close window</source>
        <translation>Close window</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../../console/app.py" line="187" />
        <source>This account is locked until {until} after repeated wrong passwords. An administrator can unlock it.</source>
        <translation>This account is locked until {until} after repeated wrong passwords. An administrator can unlock it.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="191" />
        <source>This account is disabled.</source>
        <translation>This account is disabled.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="192" />
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="194" />
        <source>Sign-in is not possible right now: {err}</source>
        <translation>Sign-in is not possible right now: {err}</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="250" />
        <source>Could not load the panes</source>
        <translation>Could not load the panes</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="257" />
        <source>{what}: your role does not allow this.</source>
        <translation>{what}: your role does not allow this.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="267" />
        <source>the incident's current state does not allow this change</source>
        <translation>the incident's current state does not allow this change</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="269" />
        <source>the item no longer exists (another workstation may have changed it)</source>
        <translation>the item no longer exists (another workstation may have changed it)</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="288" />
        <source>Database connection restored.</source>
        <translation>Database connection restored.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="292" />
        <source>Database not reachable: {d}</source>
        <translation>Database not reachable: {d}</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="344" />
        <source>Could not create the incident</source>
        <translation>Could not create the incident</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="357" />
        <source>Could not acknowledge the incident</source>
        <translation>Could not acknowledge the incident</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="370" />
        <source>Could not open the incident</source>
        <translation>Could not open the incident</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="422" />
        <location filename="../../console/app.py" line="493" />
        <source>your role does not allow this</source>
        <translation>your role does not allow this</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="438" />
        <source>Verifying the audit log…</source>
        <translation>Verifying the audit log…</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="440" />
        <source>Audit check failed</source>
        <translation>Audit check failed</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="446" />
        <source>Audit log intact: {n} rows, chain verified.</source>
        <translation>Audit log intact: {n} rows, chain verified.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="448" />
        <location filename="../../console/app.py" line="455" />
        <source>Verify audit log</source>
        <translation>Verify audit log</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="451" />
        <source>AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}</source>
        <translation>AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="467" />
        <source>Could not list the accounts</source>
        <translation>Could not list the accounts</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="516" />
        <source>Account {user} created. Initial password: {pw} — hand it over now; it is not shown again.</source>
        <translation>Account {user} created. Initial password: {pw} — hand it over now; it is not shown again.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="530" />
        <source>Account {user} unlocked.</source>
        <translation>Account {user} unlocked.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="543" />
        <source>New password of {user}: {pw} — hand it over now; it is not shown again.</source>
        <translation>New password of {user}: {pw} — hand it over now; it is not shown again.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="651" />
        <source>Unlock or sign out before quitting.</source>
        <translation>Unlock or sign out before quitting.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="657" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="658" />
        <source>Quit the console? Devices hosted on this workstation stop reporting.</source>
        <translation>Quit the console? Devices hosted on this workstation stop reporting.</translation>
    </message>
</context>
<context>
    <name>DeviceStatusModel</name>
    <message>
        <location filename="../../widgets/device_status.py" line="67" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="68" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="69" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="70" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="71" />
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="72" />
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="73" />
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="74" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="88" />
        <source>Control centre</source>
        <translation>Control centre</translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <location filename="../../widgets/device_status.py" line="161" />
        <source>{online} online · {offline} offline · {unknown} never seen</source>
        <translation>{online} online · {offline} offline · {unknown} never seen</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="170" />
        <source>Filter by code, name, community… (Ctrl+F)</source>
        <translation>Filter by code, name, community… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="173" />
        <source>No devices configured</source>
        <translation>No devices configured</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="174" />
        <source>Readers, cameras, alarm panels and phones come from the site file.</source>
        <translation>Readers, cameras, alarm panels and phones come from the site file.</translation>
    </message>
</context>
<context>
    <name>IncidentDetailDialog</name>
    <message>
        <location filename="../../widgets/incident_detail.py" line="168" />
        <source>Write the reason for reopening in the note.</source>
        <translation>Write the reason for reopening in the note.</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="181" />
        <source>Incident #{id}</source>
        <translation>Incident #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="187" />
        <location filename="../../widgets/incident_detail.py" line="221" />
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="217" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="218" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="219" />
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="220" />
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="222" />
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="223" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="228" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="228" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="228" />
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="228" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="230" />
        <source>Note for the timeline (required to reopen)</source>
        <translation>Note for the timeline (required to reopen)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="231" />
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="232" />
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="233" />
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="234" />
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="235" />
        <source>Review and close</source>
        <translation>Review and close</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="236" />
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="237" />
        <source>Close window</source>
        <translation>Close window</translation>
    </message>
</context>
<context>
    <name>IncidentQueueModel</name>
    <message>
        <location filename="../../widgets/incident_queue.py" line="75" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="76" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="77" />
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="78" />
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="79" />
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="80" />
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="81" />
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="82" />
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="113" />
        <source>{d} d {h} h</source>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="115" />
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="116" />
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
</context>
<context>
    <name>IncidentQueueWidget</name>
    <message>
        <location filename="../../widgets/incident_queue.py" line="186" />
        <source>No open incidents</source>
        <translation>No open incidents</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="188" />
        <source>Incidents raised by calls, alarms, tracking rules or operators appear here, most urgent first. Press Ctrl+N to log one by hand.</source>
        <translation>Incidents raised by calls, alarms, tracking rules or operators appear here, most urgent first. Press Ctrl+N to log one by hand.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="14" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="15" />
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="16" />
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="17" />
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="18" />
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="19" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="26" />
        <source>P1 Critical</source>
        <translation>P1 Critical</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="27" />
        <source>P2 High</source>
        <translation>P2 High</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="28" />
        <source>P3 Normal</source>
        <translation>P3 Normal</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="29" />
        <source>P4 Low</source>
        <translation>P4 Low</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="36" />
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="37" />
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="38" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="39" />
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="40" />
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="41" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="48" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="49" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="50" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="51" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="58" />
        <source>RFID reader</source>
        <translation>RFID reader</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="59" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="60" />
        <source>Alarm panel</source>
        <translation>Alarm panel</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="61" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="62" />
        <source>Panic button</source>
        <translation>Panic button</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="63" />
        <source>GPS gateway</source>
        <translation>GPS gateway</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="74" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="75" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="76" />
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="77" />
        <source>Never seen</source>
        <translation>Never seen</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../widgets/login.py" line="230" />
        <source>Screen locked</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="231" />
        <source>Signed in: {name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="232" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="233" />
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="234" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login.py" line="92" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="92" />
        <location filename="../../widgets/login.py" line="129" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="111" />
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="123" />
        <source>Sign in — Street Command Console</source>
        <translation>Sign in — Street Command Console</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="124" />
        <source>Street Command Console</source>
        <translation>Street Command Console</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="126" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="127" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="128" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="130" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/main_window.py" line="335" />
        <source>Street Command Console</source>
        <translation>Street Command Console</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="343" />
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="346" />
        <source>street-wide</source>
        <translation>street-wide</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="348" />
        <source>communities: {c}</source>
        <translation>communities: {c}</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="354" />
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="354" />
        <source>NOT REACHABLE</source>
        <translation>NOT REACHABLE</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="356" />
        <source>Database: {label} ({state})</source>
        <translation>Database: {label} ({state})</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="365" />
        <source>Devices: loading…</source>
        <translation>Devices: loading…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="370" />
        <source>Devices: {on} online / {off} offline / {unk} never seen</source>
        <translation>Devices: {on} online / {off} offline / {unk} never seen</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="380" />
        <source>Video wall</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="381" />
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="382" />
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="383" />
        <source>Incident queue</source>
        <translation>Incident queue</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="384" />
        <source>Device status</source>
        <translation>Device status</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="385" />
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="391" />
        <source>Video wall not connected yet</source>
        <translation>Video wall not connected yet</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="393" />
        <source>The cameras are configured in the site file. Live view, recording and evidence export come with the video module.</source>
        <translation>The cameras are configured in the site file. Live view, recording and evidence export come with the video module.</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="399" />
        <source>Live map not available yet</source>
        <translation>Live map not available yet</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="401" />
        <source>Reader positions, zones and tracked people will be drawn here once RFID/GPS tracking is connected.</source>
        <translation>Reader positions, zones and tracked people will be drawn here once RFID/GPS tracking is connected.</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="407" />
        <source>No call centre connected</source>
        <translation>No call centre connected</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="409" />
        <source>Incoming and abandoned calls will be listed here once the SIP line is configured for this workstation.</source>
        <translation>Incoming and abandoned calls will be listed here once the SIP line is configured for this workstation.</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="413" />
        <source>&amp;Console</source>
        <translation>&amp;Console</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="414" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="415" />
        <source>&amp;Incidents</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="416" />
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="417" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="418" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="419" />
        <source>Lock screen</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="420" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="421" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="422" />
        <source>New incident…</source>
        <translation>New incident…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="423" />
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="424" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="425" />
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="426" />
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="427" />
        <source>Find device</source>
        <translation>Find device</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="428" />
        <source>Verify audit log</source>
        <translation>Verify audit log</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="429" />
        <source>Accounts…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="430" />
        <location filename="../../console/main_window.py" line="499" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="431" />
        <location filename="../../console/main_window.py" line="506" />
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="456" />
        <source>{n} new</source>
        <translation>{n} new</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="470" />
        <source>Select an incident first.</source>
        <translation>Select an incident first.</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="497" />
        <source>Open the selected incident</source>
        <translation>Open the selected incident</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="507" />
        <source>Street Command Console
Command system of {site}</source>
        <translation>Street Command Console
Command system of {site}</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../widgets/accounts.py" line="49" />
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="55" />
        <source>(street-wide)</source>
        <translation>(street-wide)</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="60" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="61" />
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="62" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="63" />
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="70" />
        <source>User names are letters and digits without spaces.</source>
        <translation>User names are letters and digits without spaces.</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="73" />
        <source>A station account belongs to one community.</source>
        <translation>A station account belongs to one community.</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="41" />
        <source>New incident</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="49" />
        <source>(street-wide)</source>
        <translation>(street-wide)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="58" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="59" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="60" />
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="61" />
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="62" />
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="78" />
        <source>Give the incident a title.</source>
        <translation>Give the incident a title.</translation>
    </message>
</context>
<context>
    <name>NotificationsWidget</name>
    <message>
        <location filename="../../widgets/notifications.py" line="94" />
        <source>No messages. Errors of background work appear here.</source>
        <translation>No messages. Errors of background work appear here.</translation>
    </message>
    <message>
        <location filename="../../widgets/notifications.py" line="96" />
        <source>{n} messages</source>
        <translation>{n} messages</translation>
    </message>
    <message>
        <location filename="../../widgets/notifications.py" line="101" />
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../console/gui.py" line="27" />
        <source>The database file is damaged</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="28" />
        <source>It was left untouched. Restore it from a backup, or start the console with another file.</source>
        <translation>It was left untouched. Restore it from a backup, or start the console with another file.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="35" />
        <source>The database is in use</source>
        <translation>The database is in use</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="36" />
        <source>Another program holds the database. Close the other console or tool and start again.</source>
        <translation>Another program holds the database. Close the other console or tool and start again.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="43" />
        <source>The database cannot be reached</source>
        <translation>The database cannot be reached</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="44" />
        <source>Check that the database server runs and the address is right, or, for a file, its path and permissions.</source>
        <translation>Check that the database server runs and the address is right, or, for a file, its path and permissions.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="51" />
        <source>The database refused the sign-in</source>
        <translation>The database refused the sign-in</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="52" />
        <source>Check the user name and password in the database address.</source>
        <translation>Check the user name and password in the database address.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="57" />
        <source>The database is newer than this console</source>
        <translation>The database is newer than this console</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="58" />
        <source>It was not changed. Install the newer console on this workstation.</source>
        <translation>It was not changed. Install the newer console on this workstation.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="63" />
        <source>Not a console database</source>
        <translation>Not a console database</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="64" />
        <source>It was not changed. Check the database address.</source>
        <translation>It was not changed. Check the database address.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="69" />
        <source>The database setting is wrong</source>
        <translation>The database setting is wrong</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="70" />
        <source>Check the --db option or the CONSOLE_DB variable.</source>
        <translation>Check the --db option or the CONSOLE_DB variable.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="75" />
        <source>Updating the database failed</source>
        <translation>Updating the database failed</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="76" />
        <source>The update was rolled back; nothing was changed.</source>
        <translation>The update was rolled back; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="125" />
        <source>The site file has an error</source>
        <translation>The site file has an error</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="126" />
        <source>Correct the site file and start again.</source>
        <translation>Correct the site file and start again.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="140" />
        <source>The console is not set up yet</source>
        <translation>The console is not set up yet</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="141" />
        <source>This database holds no site and no users yet. Run `console demo` (or `make run`) to create the demo site, or `console user add` for real accounts.</source>
        <translation>This database holds no site and no users yet. Run `console demo` (or `make run`) to create the demo site, or `console user add` for real accounts.</translation>
    </message>
</context>
</TS>