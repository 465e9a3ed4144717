<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../widgets/accounts.py" line="165" />
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="167" />
        <source>Locked until {t}</source>
        <translation>锁定至 {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="171" />
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="176" />
        <source>street-wide</source>
        <translation>全街道</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="224" />
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="211" />
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="214" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="215" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="216" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="217" />
        <source>Communities</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="218" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="219" />
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="222" />
        <source>New account…</source>
        <translation>新建账号…</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="223" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="225" />
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
</context>
<context>
    <name>AccountsPresenter</name>
    <message>
        <location filename="../../console/presenters/accounts.py" line="30" />
        <source>Accounts…</source>
        <translation>账号管理…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="67" />
        <source>Could not list the accounts</source>
        <translation>无法读取账号列表</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="114" />
        <source>Account {user} created. Initial password: {pw} — hand it over now; it is not shown again.</source>
        <translation>账号 {user} 已创建。初始密码：{pw} —— 请当面交付，此密码不会再次显示。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="129" />
        <source>Account {user} unlocked.</source>
        <translation>账号 {user} 已解锁。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="137" />
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="138" />
        <source>Give {user} a new random password? The old one stops working.</source>
        <translation>为 {user} 生成新的随机密码？旧密码将立即失效。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="153" />
        <source>New password of {user}: {pw} — hand it over now; it is not shown again.</source>
        <translation>{user} 的新密码：{pw} —— 请当面交付，此密码不会再次显示。</translation>
    </message>
</context>
<context>
    <name>AuditPresenter</name>
    <message>
        <location filename="../../console/presenters/audit.py" line="43" />
        <location filename="../../console/presenters/audit.py" line="98" />
        <location filename="../../console/presenters/audit.py" line="102" />
        <source>Verify audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="60" />
        <source>Verifying the audit log…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="61" />
        <source>Audit check failed</source>
        <translation>审计校验失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="87" />
        <source>AUDIT LOG TAMPERED: {n} problems; the first: {why}</source>
        <translation>审计日志被篡改：{n} 处问题；第一处：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="93" />
        <source>Audit log intact: {n} rows, chain verified.</source>
        <translation>审计日志完整：共 {n} 条，哈希链校验通过。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="96" />
        <source>Not anchored by a signed checkpoint: {why}</source>
        <translation>未由签名检查点锚定：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="135" />
        <source>Audit checkpoint failed</source>
        <translation>审计检查点写入失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="76" />
        <source>AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}</source>
        <translation>审计日志被篡改：发现 {n} 处问题；首处在第 {row} 条：{why}</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../../console/app.py" line="131" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>DatabasePresenter</name>
    <message>
        <location filename="../../console/presenters/database.py" line="24" />
        <source>Database connection restored.</source>
        <translation>数据库连接已恢复。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/database.py" line="28" />
        <source>Database not reachable: {d}</source>
        <translation>无法连接数据库：{d}</translation>
    </message>
</context>
<context>
    <name>DeviceCountsLabel</name>
    <message>
        <location filename="../../widgets/device_status.py" line="181" />
        <source>Devices: loading…</source>
        <translation>设备：加载中…</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="184" />
        <source>Devices: {on} online / {off} offline / {unk} never seen</source>
        <translation>设备：在线 {on} / 离线 {off} / 未上线 {unk}</translation>
    </message>
</context>
<context>
    <name>DeviceStatusModel</name>
    <message>
        <location filename="../../widgets/device_status.py" line="51" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="55" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="56" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="57" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="60" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="63" />
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="66" />
        <source>Last seen</source>
        <translation>最后联系</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="70" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="61" />
        <source>Control centre</source>
        <translation>指挥中心</translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <location filename="../../widgets/device_status.py" line="139" />
        <source>{online} online · {offline} offline · {unknown} never seen</source>
        <translation>在线 {online} · 离线 {offline} · 未上线 {unknown}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="146" />
        <source>Filter by code, name, community… (Ctrl+F)</source>
        <translation>按编号、名称、社区筛选…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="149" />
        <source>No devices configured</source>
        <translation>尚未配置设备</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="150" />
        <source>Readers, cameras, alarm panels and phones come from the site file.</source>
        <translation>读卡器、摄像机、报警主机和电话来自站点配置文件。</translation>
    </message>
</context>
<context>
    <name>DevicesPresenter</name>
    <message>
        <location filename="../../console/presenters/devices.py" line="27" />
        <source>Device status</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../console/presenters/devices.py" line="39" />
        <source>Find device</source>
        <translation>查找设备</translation>
    </message>
    <message>
        <location filename="../../console/presenters/devices.py" line="61" />
        <location filename="../../console/presenters/devices.py" line="75" />
        <source>Could not load the devices</source>
        <translation>无法加载设备列表</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../console/feedback.py" line="53" />
        <source>your role does not allow this</source>
        <translation>您的角色无此权限</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="56" />
        <source>you resolved this incident yourself: another supervisor must review and close it</source>
        <translation>此事件由您本人处置，须由另一位值班长审核关闭</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="59" />
        <source>the incident's current state does not allow this change</source>
        <translation>事件当前状态不允许此操作</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="61" />
        <source>the item no longer exists (another workstation may have changed it)</source>
        <translation>该记录已不存在（可能已被其他工作站修改）</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="67" />
        <source>{what}: your role does not allow this.</source>
        <translation>{what}：您的角色无此权限。</translation>
    </message>
</context>
<context>
    <name>HelpPresenter</name>
    <message>
        <location filename="../../console/presenters/help.py" line="18" />
        <location filename="../../console/presenters/help.py" line="30" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="21" />
        <location filename="../../console/presenters/help.py" line="35" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="25" />
        <source>Open the selected incident</source>
        <translation>打开选中的事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="36" />
        <source>Street Command Console
Command system of {site}</source>
        <translation>街道智能总控台
{site}指挥系统</translation>
    </message>
</context>
<context>
    <name>IncidentDetailDialog</name>
    <message>
        <location filename="../../widgets/incident_detail.py" line="206" />
        <source>How did it end?</source>
        <translation>处置结果？</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="299" />
        <source>Write the reason for reopening in the note.</source>
        <translation>请在备注中填写重新打开的原因。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="305" />
        <source>Write what was done in the note before resolving.</source>
        <translation>请先在备注中写明处置情况。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="308" />
        <source>Choose how it ended before resolving.</source>
        <translation>请先选择处置结果。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="326" />
        <source>Incident #{id}</source>
        <translation>事件 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="332" />
        <location filename="../../widgets/incident_detail.py" line="367" />
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="334" />
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="339" />
        <source>Taken over</source>
        <translation>已接管</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="344" />
        <source>from {name}</source>
        <translation>自 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="361" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="362" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="363" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="364" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="365" />
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="366" />
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="368" />
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="369" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="374" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="374" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="374" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="374" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="377" />
        <source>Note for the timeline (required to resolve or reopen)</source>
        <translation>写入时间线的备注（处置完毕或重新打开时必填）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="379" />
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="380" />
        <source>Dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="381" />
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="382" />
        <source>Resolve</source>
        <translation>处置完毕</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="383" />
        <source>Review and close</source>
        <translation>审核关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="384" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="385" />
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="390" />
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
</context>
<context>
    <name>IncidentQueueModel</name>
    <message>
        <location filename="../../widgets/incident_queue.py" line="127" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="134" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="138" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="143" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="150" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="154" />
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="160" />
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="165" />
        <source>Age</source>
        <translation>已过时长</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="171" />
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="181" />
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="183" />
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="184" />
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="231" />
        <source>Acknowledge within {t}</source>
        <translation>须在 {t} 内确认</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="233" />
        <source>Resolve within {t}</source>
        <translation>须在 {t} 内处置</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="235" />
        <source>{head}: {left} left</source>
        <translation>{head}：剩余 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="238" />
        <source>{head}: overdue by {late}</source>
        <translation>{head}：已超时 {late}</translation>
    </message>
</context>
<context>
    <name>IncidentQueueWidget</name>
    <message>
        <location filename="../../widgets/incident_queue.py" line="82" />
        <source>{parts} · {total} to review</source>
        <translation>{parts} · 共 {total} 起待审核</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="84" />
        <source>{parts} · {total} open</source>
        <translation>{parts} · 共 {total} 起未结</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="87" />
        <source> — showing {shown}; scroll down for more</source>
        <translation> — 已显示 {shown} 起，向下滚动查看更多</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="429" />
        <source>Nothing claimed by you</source>
        <translation>暂无您认领的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="430" />
        <source>Incidents you acknowledge are listed here until they are resolved.</source>
        <translation>您确认（认领）的事件会列在这里，直到处置完毕。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="432" />
        <source>Every open incident has a handler</source>
        <translation>所有未结事件均已有人处理</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="433" />
        <source>Incidents nobody has acknowledged yet are listed here.</source>
        <translation>尚无人确认的事件会列在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="435" />
        <source>Nothing awaiting review</source>
        <translation>暂无待审核事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="437" />
        <source>Resolved incidents wait here for a supervisor, who closes them or returns them with a reason. Whoever resolved an incident cannot close it.</source>
        <translation>处置完毕的事件在此等待值班长审核：审核关闭，或说明原因退回。处置人不能审核关闭自己处置的事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="441" />
        <source>No open incidents</source>
        <translation>暂无待处理事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="443" />
        <source>Incidents raised by calls, alarms, tracking rules or operators appear here, most urgent first. Press Ctrl+N to log one by hand.</source>
        <translation>来电、报警、定位规则或值班员上报的事件显示在这里，最紧急的在前。按 Ctrl+N 手工登记事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="473" />
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="474" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="475" />
        <source>Unassigned</source>
        <translation>未认领</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="476" />
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
</context>
<context>
    <name>IncidentsPresenter</name>
    <message>
        <location filename="../../console/presenters/incidents.py" line="68" />
        <source>Incident queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="79" />
        <source>New incident…</source>
        <translation>新建事件…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="90" />
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="132" />
        <source>New {priority}: #{id} {title}</source>
        <translation>新的{priority}事件：#{id} {title}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="201" />
        <location filename="../../console/presenters/incidents.py" line="282" />
        <location filename="../../console/presenters/incidents.py" line="298" />
        <location filename="../../console/presenters/incidents.py" line="329" />
        <source>Could not load the incident queue</source>
        <translation>无法加载事件队列</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="398" />
        <source>Could not create the incident</source>
        <translation>无法创建事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="409" />
        <source>Select an incident first.</source>
        <translation>请先选择一个事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="423" />
        <source>Could not acknowledge the incident</source>
        <translation>无法确认事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="439" />
        <source>Could not open the incident</source>
        <translation>无法打开事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="489" />
        <source>Resolve incident</source>
        <translation>处置完毕</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="490" />
        <source>Resolve #{id} ({priority}) “{title}”? The response ends here.</source>
        <translation>确认将 #{id}（{priority}）“{title}”标记为处置完毕？响应将就此结束。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="505" />
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="506" />
        <source>Take over #{id} from {name}? The timeline records it.</source>
        <translation>从 {name} 手中接管 #{id}？时间线将记录此次接管。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="515" />
        <source>Not taken over.</source>
        <translation>未接管。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="531" />
        <source>Not resolved.</source>
        <translation>未标记为处置完毕。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="14" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="15" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="16" />
        <source>Dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="17" />
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="18" />
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="19" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="26" />
        <source>P1 Critical</source>
        <translation>P1 紧急</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="27" />
        <source>P2 High</source>
        <translation>P2 高</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="28" />
        <source>P3 Normal</source>
        <translation>P3 一般</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="29" />
        <source>P4 Low</source>
        <translation>P4 低</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="36" />
        <source>Manual</source>
        <translation>人工</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="37" />
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="38" />
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="39" />
        <source>Tracking</source>
        <translation>定位</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="40" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="41" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="48" />
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="49" />
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="50" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="51" />
        <source>Station</source>
        <translation>社区工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="58" />
        <source>RFID reader</source>
        <translation>RFID 读卡器</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="59" />
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="60" />
        <source>Alarm panel</source>
        <translation>报警主机</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="61" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="62" />
        <source>Panic button</source>
        <translation>一键报警</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="63" />
        <source>GPS gateway</source>
        <translation>GPS 网关</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="74" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="75" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="76" />
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="77" />
        <source>Never seen</source>
        <translation>未上线</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../widgets/login.py" line="268" />
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="289" />
        <source>No incidents waiting</source>
        <translation>暂无待处理事件</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="291" />
        <source>1 incident waiting</source>
        <translation>1 起事件待处理</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="293" />
        <source>{n} incidents waiting</source>
        <translation>{n} 起事件待处理</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="312" />
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="313" />
        <source>Signed in: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="314" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="315" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="316" />
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login.py" line="108" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="108" />
        <location filename="../../widgets/login.py" line="145" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="127" />
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="139" />
        <source>Sign in — Street Command Console</source>
        <translation>登录 — 街道智能总控台</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="140" />
        <source>Street Command Console</source>
        <translation>街道智能总控台</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="142" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="143" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="144" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="146" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/shell/main_window.py" line="382" />
        <source>Street Command Console</source>
        <translation>街道智能总控台</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="390" />
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="393" />
        <source>street-wide</source>
        <translation>全街道</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="395" />
        <source>communities: {c}</source>
        <translation>社区：{c}</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="401" />
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="401" />
        <source>NOT REACHABLE</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="403" />
        <source>Database: {label} ({state})</source>
        <translation>数据库：{label}（{state}）</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="416" />
        <source>&amp;Console</source>
        <translation>总控台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="417" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="418" />
        <source>&amp;Incidents</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="419" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="420" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="421" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="224" />
        <source>Reset layout</source>
        <translation>恢复默认布局</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="219" />
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../widgets/accounts.py" line="48" />
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="54" />
        <source>(street-wide)</source>
        <translation>（全街道）</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="59" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="60" />
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="61" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="62" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="69" />
        <source>User names are letters and digits without spaces.</source>
        <translation>用户名只能由字母和数字组成，不含空格。</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="72" />
        <source>A station account belongs to one community.</source>
        <translation>社区工作站账号必须属于一个社区。</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="52" />
        <source>New incident</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="55" />
        <source>(other)</source>
        <translation>（其他）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="67" />
        <source>(street-wide)</source>
        <translation>（全街道）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="80" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="81" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="82" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="83" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="84" />
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="85" />
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="86" />
        <source>Caller's phone</source>
        <translation>报警人电话</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="87" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="143" />
        <source>Give the incident a title.</source>
        <translation>请填写事件标题。</translation>
    </message>
</context>
<context>
    <name>NotificationsPresenter</name>
    <message>
        <location filename="../../console/presenters/notifications.py" line="53" />
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../console/presenters/notifications.py" line="77" />
        <source>Internal error in {where}: {message} (details in the log)</source>
        <translation>{where} 发生内部错误：{message}（详情见日志）</translation>
    </message>
</context>
<context>
    <name>NotificationsWidget</name>
    <message>
        <location filename="../../widgets/notifications.py" line="94" />
        <source>No messages. Errors of background work appear here.</source>
        <translation>暂无消息。后台任务的错误会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/notifications.py" line="96" />
        <source>{n} messages</source>
        <translation>共 {n} 条消息</translation>
    </message>
    <message>
        <location filename="../../widgets/notifications.py" line="101" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>PlaceholdersPresenter</name>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="43" />
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="51" />
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="53" />
        <source>Calls</source>
        <translation>呼叫</translation>
    </message>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="59" />
        <source>Video wall not connected yet</source>
        <translation>视频墙尚未接入</translation>
    </message>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="61" />
        <source>The cameras are configured in the site file. Live view, recording and evidence export come with the video module.</source>
        <translation>摄像机已在站点配置文件中登记。实时预览、录像与证据导出将随视频模块提供。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="69" />
        <source>Live map not available yet</source>
        <translation>实时地图尚未接入</translation>
    </message>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="71" />
        <source>Reader positions, zones and tracked people will be drawn here once RFID/GPS tracking is connected.</source>
        <translation>接入 RFID/GPS 定位后，这里将显示读卡器位置、区域和被关爱人员的实时位置。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="79" />
        <source>No call centre connected</source>
        <translation>呼叫中心尚未接入</translation>
    </message>
    <message>
        <location filename="../../console/presenters/placeholders.py" line="81" />
        <source>Incoming and abandoned calls will be listed here once the SIP line is configured for this workstation.</source>
        <translation>为本工作站配置 SIP 线路后，来电和未接来电将在这里列出。</translation>
    </message>
</context>
<context>
    <name>ResidentCardDialog</name>
    <message>
        <location filename="../../widgets/residents.py" line="565" />
        <source>under 18</source>
        <translation>未满 18 岁</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="569" />
        <source>Shown for incident #{id}; this look is recorded.</source>
        <translation>因事件 #{id} 显示；本次查看已记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="574" />
        <source>Shown for the reason you gave; this look is recorded.</source>
        <translation>按您填写的理由显示；本次查看已记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="577" />
        <source>Masked view. To see more, give an incident number or a reason below.</source>
        <translation>脱敏视图。如需查看更多，请在下方填写事件编号或理由。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="582" />
        <source>The identity number and birth date cannot be shown: the site key is missing on this workstation, or does not fit this database. Ask the site's administrator. ({detail})</source>
        <translation>无法显示身份证号和出生日期：本工作站缺少站点密钥，或密钥与本数据库不符。请联系站点管理员。（{detail}）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="597" />
        <source>Consent to care services: given {date} ({method})</source>
        <translation>照护服务同意：已于 {date} 给出（{method}）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="602" />
        <source>Consent to care services: not recorded</source>
        <translation>照护服务同意：未记录</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="607" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="607" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="610" />
        <source>Refused: {note}</source>
        <translation>已拒绝：{note}</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="612" />
        <source>Incident #{id}</source>
        <translation>事件 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="622" />
        <source>Who looked at this record ({n})</source>
        <translation>查看过此记录的人（{n}）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="624" />
        <source>Who looked at this record: nobody beyond the masked view yet</source>
        <translation>查看过此记录的人：尚无人查看脱敏视图以外的内容</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="630" />
        <source>no reason given</source>
        <translation>未填写理由</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="631" />
        <source>no incident number</source>
        <translation>未填写事件编号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="632" />
        <source>no such incident</source>
        <translation>无此事件</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="633" />
        <source>the incident is closed</source>
        <translation>该事件已关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="634" />
        <source>not an incident of theirs to handle</source>
        <translation>不是其可处理的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="654" />
        <source>Type the number of the incident you are handling.</source>
        <translation>请输入您正在处理的事件编号。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="668" />
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="670" />
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="671" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="672" />
        <source>Care</source>
        <translation>照护</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="673" />
        <source>Whereabouts</source>
        <translation>行踪</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="679" />
        <source>Reveal — every look is recorded with its purpose</source>
        <translation>查看 — 每次查看连同目的都会被记录</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="680" />
        <source>For incident #</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="681" />
        <source>Other reason</source>
        <translation>其他理由</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="682" />
        <source>the incident you are handling</source>
        <translation>您正在处理的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="684" />
        <source>why you need to see this person's details (at least 4 characters)</source>
        <translation>为何需要查看此人的信息（至少 4 个字）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="686" />
        <source>Reveal</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="690" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="691" />
        <source>Who</source>
        <translation>查看人</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="692" />
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="693" />
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="694" />
        <source>Fields shown</source>
        <translation>显示的字段</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="697" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <location filename="../../widgets/residents.py" line="146" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="148" />
        <source>Under 18: shown masked</source>
        <translation>未满 18 岁：脱敏显示</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="150" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="151" />
        <source>Born</source>
        <translation>出生</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="152" />
        <source>Identity number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="153" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="154" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="155" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="156" />
        <source>Care</source>
        <translation>照护</translation>
    </message>
</context>
<context>
    <name>Residents</name>
    <message>
        <location filename="../../widgets/residents.py" line="63" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="64" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="72" />
        <location filename="../../widgets/residents.py" line="96" />
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="73" />
        <location filename="../../widgets/residents.py" line="97" />
        <source>Dementia</source>
        <translation>失智</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="74" />
        <location filename="../../widgets/residents.py" line="98" />
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="75" />
        <location filename="../../widgets/residents.py" line="99" />
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="79" />
        <location filename="../../widgets/residents.py" line="95" />
        <source>Needs care</source>
        <translation>需照护</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="86" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="87" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="88" />
        <source>Born</source>
        <translation>出生</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="89" />
        <source>Identity number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="90" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="91" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="92" />
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="93" />
        <source>Contact's phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="94" />
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="100" />
        <source>Whereabouts</source>
        <translation>行踪</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="107" />
        <source>(not shown to you)</source>
        <translation>（对您不显示）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="110" />
        <source>no positions recorded</source>
        <translation>无位置记录</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="111" />
        <source>(masked)</source>
        <translation>（已脱敏）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="114" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="116" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ResidentsPresenter</name>
    <message>
        <location filename="../../console/presenters/residents.py" line="43" />
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="54" />
        <source>Find resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="94" />
        <location filename="../../console/presenters/residents.py" line="147" />
        <location filename="../../console/presenters/residents.py" line="169" />
        <source>Could not load the residents</source>
        <translation>无法加载居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="204" />
        <source>Could not open the resident</source>
        <translation>无法打开居民信息</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="270" />
        <source>Not shown: type a reason of at least 4 characters.</source>
        <translation>未显示：请填写至少 4 个字的理由。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="271" />
        <source>Not shown: give the incident's number.</source>
        <translation>未显示：请填写事件编号。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="272" />
        <source>Not shown: there is no such incident.</source>
        <translation>未显示：无此事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="273" />
        <source>Not shown: that incident is closed.</source>
        <translation>未显示：该事件已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="274" />
        <source>Not shown: that incident is not one you may handle.</source>
        <translation>未显示：您无权处理该事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="277" />
        <source>Not shown: {why}.</source>
        <translation>未显示：{why}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="288" />
        <source>Could not load who looked at the resident</source>
        <translation>无法加载查看记录</translation>
    </message>
</context>
<context>
    <name>ResidentsWidget</name>
    <message>
        <location filename="../../widgets/residents.py" line="247" />
        <location filename="../../widgets/residents.py" line="356" />
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="310" />
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="310" />
        <source>Dementia</source>
        <translation>失智</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="321" />
        <source>{shown} of {total} — scroll for more</source>
        <translation>{shown} / {total} — 向下滚动加载更多</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="326" />
        <source>{total} residents</source>
        <translation>{total} 位居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="329" />
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="329" />
        <source>Sign in to see the residents.</source>
        <translation>登录后查看居民。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="334" />
        <source>No resident matches “{query}”</source>
        <translation>没有与“{query}”匹配的居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="336" />
        <source>Search by part of a name, a whole identity number (18 characters) or a phone number. Identity numbers are compared exactly, never by part.</source>
        <translation>可按姓名的一部分、完整身份证号（18 位）或电话号码搜索。身份证号只精确比对，不按部分匹配。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="343" />
        <source>No residents in your communities</source>
        <translation>您的社区中没有居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="345" />
        <source>Residents come from the community registers. A community workstation sees its own community only.</source>
        <translation>居民信息来自社区登记。社区工作站只能看到本社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="353" />
        <source>Search: name, identity number or phone (Ctrl+Shift+F) — Enter opens the card</source>
        <translation>搜索：姓名、身份证号或电话（Ctrl+Shift+F）— 回车打开信息卡</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../console/session.py" line="73" />
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="77" />
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="80" />
        <location filename="../../console/session.py" line="275" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="144" />
        <source>This account is locked until {until} after repeated wrong passwords. An administrator can unlock it.</source>
        <translation>密码错误次数过多，该账号已锁定至 {until}。可由管理员解锁。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="148" />
        <source>This account is disabled.</source>
        <translation>该账号已停用。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="150" />
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="151" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="153" />
        <source>Sign-in is not possible right now: {err}</source>
        <translation>暂时无法登录：{err}</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="266" />
        <source>Unlock or sign out before quitting.</source>
        <translation>请先解锁或注销，再退出。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="276" />
        <source>Quit the console? Devices hosted on this workstation stop reporting.</source>
        <translation>确定退出总控台？本工作站接入的设备将停止上报。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../console/gui.py" line="40" />
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="41" />
        <source>It was left untouched. Restore it from a backup, or start the console with another file.</source>
        <translation>文件未被改动。请从备份恢复，或改用其他数据库文件启动总控台。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="48" />
        <source>The database is in use</source>
        <translation>数据库被占用</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="49" />
        <source>Another program holds the database. Close the other console or tool and start again.</source>
        <translation>另一个程序正在占用数据库。请关闭其他总控台或工具后重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="56" />
        <source>The database cannot be reached</source>
        <translation>无法连接数据库</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="57" />
        <source>Check that the database server runs and the address is right, or, for a file, its path and permissions.</source>
        <translation>请检查数据库服务器是否运行、地址是否正确；如为数据库文件，请检查路径和权限。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="64" />
        <source>The database refused the sign-in</source>
        <translation>数据库拒绝登录</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="65" />
        <source>Check the user name and password in the database address.</source>
        <translation>请检查数据库地址中的用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="70" />
        <source>The database is newer than this console</source>
        <translation>数据库版本较新</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="71" />
        <source>It was not changed. Install the newer console on this workstation.</source>
        <translation>数据库未被改动。请在本工作站安装新版总控台。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="76" />
        <source>Not a console database</source>
        <translation>不是总控台数据库</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="77" />
        <source>It was not changed. Check the database address.</source>
        <translation>数据库未被改动。请检查数据库地址。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="82" />
        <source>The database setting is wrong</source>
        <translation>数据库配置错误</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="83" />
        <source>Check the --db option or the CONSOLE_DB variable.</source>
        <translation>请检查 --db 参数或 CONSOLE_DB 环境变量。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="88" />
        <source>Updating the database failed</source>
        <translation>数据库升级失败</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="89" />
        <source>The update was rolled back; nothing was changed.</source>
        <translation>升级已回滚，数据库未被改动。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="167" />
        <source>The site file has an error</source>
        <translation>站点配置文件有误</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="168" />
        <source>Correct the site file and start again.</source>
        <translation>请修改站点配置文件后重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="189" />
        <source>The console is not set up yet</source>
        <translation>总控台尚未初始化</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="190" />
        <source>This database holds no site and no users yet. Run `console demo` (or `make run`) to create the demo site, or `console user add` for real accounts.</source>
        <translation>此数据库中还没有站点和用户。请运行 `console demo`（或 `make run`）创建演示站点，或用 `console user add` 添加正式账号。</translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message>
        <location filename="../../console/presenters/notifications.py" line="32" />
        <source>{n} new</source>
        <translation>{n} 条新消息</translation>
    </message>
</context>
</TS>