<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../widgets/accounts.py" line="248"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="250"/>
        <source>Locked until {t}</source>
        <translation>锁定至 {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="254"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="234"/>
        <source>street-wide</source>
        <translation>全街道</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="351"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="337"/>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="277"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="277"/>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="281"/>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="284"/>
        <source>It can no longer sign in; a console signed in with it can change nothing.</source>
        <translation>停用后不能再登录；已用它登录的控制台不能再做任何更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="315"/>
        <source>Disable account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="317"/>
        <source>Disable {user} ({name})? The account can no longer sign in, and a console signed in with it can change nothing more. Its records stay; it can be enabled again. Say why: the reason goes into the audit log.</source>
        <translation>停用 {user}（{name}）？该账号将不能再登录，已用它登录的控制台也不能再做任何更改。它的记录保留，之后可以重新启用。请说明原因，原因会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="322"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="340"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="341"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="342"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="343"/>
        <source>Department</source>
        <translation>联动单位</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="344"/>
        <source>Communities</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="345"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="346"/>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="349"/>
        <source>New account…</source>
        <translation>新建账号…</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="350"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="352"/>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../widgets/timebank.py" line="59"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="60"/>
        <source>Holder</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="63"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="68"/>
        <source>Balance (hours)</source>
        <translation>余额（小时）</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="80"/>
        <source>Community pool</source>
        <translation>社区时间池</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="81"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="82"/>
        <source>Elder relative</source>
        <translation>老年亲属</translation>
    </message>
</context>
<context>
    <name>AccountsPresenter</name>
    <message>
        <location filename="../../console/presenters/accounts.py" line="30"/>
        <source>Accounts…</source>
        <translation>账号管理…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="63"/>
        <source>Could not read your account</source>
        <translation>无法读取您的账号</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="71"/>
        <source>Your account has been disabled by an administrator. You were signed out.</source>
        <translation>您的账号已被管理员停用，已为您退出登录。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="97"/>
        <source>Could not list the accounts</source>
        <translation>无法读取账号列表</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="142"/>
        <source>Account {user} disabled.</source>
        <translation>账号 {user} 已停用。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="168"/>
        <source>Account {user} enabled: it can sign in again.</source>
        <translation>账号 {user} 已启用，可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="191"/>
        <source>Account {user} created. Initial password: {pw} — hand it over now; it is not shown again.</source>
        <translation>账号 {user} 已创建。初始密码：{pw} —— 请当面交付，此密码不会再次显示。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="206"/>
        <source>Account {user} unlocked.</source>
        <translation>账号 {user} 已解锁。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="214"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="215"/>
        <source>Give {user} a new random password? The old one stops working.</source>
        <translation>为 {user} 生成新的随机密码？旧密码将立即失效。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="230"/>
        <source>New password of {user}: {pw} — hand it over now; it is not shown again.</source>
        <translation>{user} 的新密码：{pw} —— 请当面交付，此密码不会再次显示。</translation>
    </message>
</context>
<context>
    <name>AlarmReceiverLabel</name>
    <message>
        <location filename="../../widgets/alarm_status.py" line="36"/>
        <source>Alarms: starting…</source>
        <translation>报警接收：启动中…</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="39"/>
        <source>Alarms: listening · {acked} acknowledged</source>
        <translation>报警接收：监听中 · 已确认 {acked} 条</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="42"/>
        <source>{detail}
frames {frames} · NAK {nak} · DUH {duh} · bad CRC {crc} · malformed {bad} · unknown account {unknown} · refused {refused}</source>
        <translation>{detail}
报文 {frames} · 否认(NAK) {nak} · 无法处理(DUH) {duh} · 校验错误 {crc} · 格式错误 {bad} · 未知账号 {unknown} · 拒收 {refused}</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="56"/>
        <source>Alarms: receiver not listening</source>
        <translation>报警接收：接收机未在监听</translation>
    </message>
</context>
<context>
    <name>AlarmTimeline</name>
    <message>
        <location filename="../../widgets/alarm_status.py" line="70"/>
        <source>Alarm again</source>
        <translation>再次报警</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="72"/>
        <source>Alarm restored (panel)</source>
        <translation>报警已恢复（主机上报）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="74"/>
        <source>Device heard again</source>
        <translation>设备恢复通信</translation>
    </message>
</context>
<context>
    <name>AlarmsPresenter</name>
    <message>
        <location filename="../../console/presenters/alarms.py" line="132"/>
        <source>Alarm receiver not listening: {detail}</source>
        <translation>报警接收机未在监听：{detail}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/alarms.py" line="137"/>
        <source>Alarm receiver listening again: {detail}</source>
        <translation>报警接收机已恢复监听：{detail}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/alarms.py" line="143"/>
        <source>Alarm events from account {account}, which no device of the site has</source>
        <translation>收到账号 {account} 的报警事件，但站点中没有使用该账号的设备</translation>
    </message>
</context>
<context>
    <name>AlertSoundIndicator</name>
    <message>
        <location filename="../../widgets/alert_sound.py" line="102"/>
        <source>No alert sound</source>
        <translation>无警报声音</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="105"/>
        <source>Alerts muted</source>
        <translation>警报已静音</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="106"/>
        <source>Tools → Alert volume… to turn the alert sound back on</source>
        <translation>工具 → 警报音量… 可重新打开警报声音</translation>
    </message>
</context>
<context>
    <name>AlertSoundPresenter</name>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="32"/>
        <source>Alert volume…</source>
        <translation>警报音量…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="39"/>
        <source>Test tone</source>
        <translation>试听提示音</translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="60"/>
        <source>Alerts are muted: the test tone is silent.</source>
        <translation>警报已静音：试听提示音不会发声。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="63"/>
        <source>No alert sound: {why}</source>
        <translation>无警报声音：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="67"/>
        <source>Test tone: the P1 alert at {v} %</source>
        <translation>试听提示音：P1 警报，音量 {v} %</translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="79"/>
        <source>The alert sound plays again.</source>
        <translation>警报声音已恢复。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="83"/>
        <source>No alert sound: {why}. Alerts still flash and show here.</source>
        <translation>无警报声音：{why}。警报仍会闪烁并在此显示。</translation>
    </message>
</context>
<context>
    <name>AlertVolumeDialog</name>
    <message>
        <location filename="../../widgets/alert_sound.py" line="69"/>
        <source>Alert volume</source>
        <translation>警报音量</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="70"/>
        <source>Volume of the new P1/P2 alert on this workstation</source>
        <translation>本工作站新 P1/P2 警报的音量</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="72"/>
        <source>Muted: new P1/P2 incidents will not ring. The status bar says so.</source>
        <translation>已静音：新的 P1/P2 事件不会响铃。状态栏会一直提示。</translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="74"/>
        <source>Test tone</source>
        <translation>试听提示音</translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <location filename="../../widgets/counselling.py" line="98"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="99"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="100"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="101"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="102"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AssignmentDeskWidget</name>
    <message>
        <location filename="../../widgets/assignments.py" line="467"/>
        <source>Write the reason for declining in the note.</source>
        <translation>请在备注中填写拒绝的原因。</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="471"/>
        <source>Write what was done in the note.</source>
        <translation>请在备注中填写处置情况。</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="487"/>
        <source>Attached {name} to the incident</source>
        <translation>已将 {name} 附到事件</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="503"/>
        <source>Copied {phone}</source>
        <translation>已复制 {phone}</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="511"/>
        <source>Note: the reason when declining, what was done when finishing</source>
        <translation>备注：拒绝时填写原因，完成时填写处置情况</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="513"/>
        <source>Attach photo…</source>
        <translation>附照片…</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="515"/>
        <source>A photo of the work, kept with the incident ({key})</source>
        <translation>现场工作照片，存入事件附件（{key}）</translation>
    </message>
</context>
<context>
    <name>AssignmentListWidget</name>
    <message>
        <location filename="../../widgets/assignments.py" line="336"/>
        <source>Copied {phone}</source>
        <translation>已复制 {phone}</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="340"/>
        <source>Assignments</source>
        <translation>派单</translation>
    </message>
</context>
<context>
    <name>Assignments</name>
    <message>
        <location filename="../../widgets/assignments.py" line="63"/>
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="64"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="65"/>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="66"/>
        <location filename="../../widgets/assignments.py" line="79"/>
        <source>En route</source>
        <translation>赶赴中</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="67"/>
        <location filename="../../widgets/assignments.py" line="80"/>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="68"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="69"/>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="76"/>
        <source>Notify again</source>
        <translation>重新通知</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="77"/>
        <source>Accept</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="78"/>
        <source>Decline…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="81"/>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="82"/>
        <source>Cancel assignment</source>
        <translation>撤销派单</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="89"/>
        <source>Assignment unanswered</source>
        <translation>派单超时未响应</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="96"/>
        <source>Assignment: {state}</source>
        <translation>派单：{state}</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="121"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="132"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="139"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="145"/>
        <source>Department / unit</source>
        <translation>单位 / 人员</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="149"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="155"/>
        <source>Since</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="161"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="170"/>
        <source>no answer</source>
        <translation>未响应</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="176"/>
        <source>Click or Ctrl+C copies {phone}</source>
        <translation>单击或按 Ctrl+C 复制 {phone}</translation>
    </message>
</context>
<context>
    <name>AssignmentsPresenter</name>
    <message>
        <location filename="../../console/presenters/assignments.py" line="80"/>
        <source>My assignments</source>
        <translation>我的派单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="81"/>
        <source>Assignments</source>
        <translation>派单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="90"/>
        <source>Your department&apos;s assignments: unanswered first</source>
        <translation>本单位的派单：未响应的在前</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="92"/>
        <source>Every open assignment: unanswered and overdue first</source>
        <translation>所有进行中的派单：超时和未响应的在前</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="130"/>
        <location filename="../../console/presenters/assignments.py" line="154"/>
        <source>Could not load the assignments</source>
        <translation>无法读取派单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="178"/>
        <source>{n} assignment(s) unanswered past their time</source>
        <translation>{n} 个派单超时未响应</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="207"/>
        <source>Could not load assignments</source>
        <translation>无法读取派单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="225"/>
        <source>Could not open the dispatch picker</source>
        <translation>无法打开派单选择</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="259"/>
        <source>#{id}: {n} notified</source>
        <translation>#{id}：已通知 {n} 个单位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="282"/>
        <source>A photo of the work</source>
        <translation>现场工作照片</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="284"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="318"/>
        <source>Only a department that took the work on may add its photos.</source>
        <translation>只有已接单的联动单位可以添加照片。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="349"/>
        <source>Not saved: the assignment has changed meanwhile, the step is not allowed now, or its note or reason is missing.</source>
        <translation>未保存：派单已被更改、当前不允许此步骤，或缺少备注或原因。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="353"/>
        <source>Only the department the assignment is for may answer it.</source>
        <translation>只有被派单的单位才能响应。</translation>
    </message>
</context>
<context>
    <name>AttachmentsController</name>
    <message>
        <location filename="../../console/presenters/attachments.py" line="107"/>
        <source>Could not list the attachments</source>
        <translation>无法列出附件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="121"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="160"/>
        <source>Adding {name}…</source>
        <translation>正在添加 {name}…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="163"/>
        <source>Adding {name} ({n} of {total})…</source>
        <translation>正在添加 {name}（第 {n} 个，共 {total} 个）…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="200"/>
        <source>Could not read {name}: {why}</source>
        <translation>无法读取 {name}：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="205"/>
        <source>Could not attach {name}</source>
        <translation>无法添加附件 {name}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="227"/>
        <source>No program on this computer opens this file.</source>
        <translation>本机没有可打开此文件的程序。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="235"/>
        <source>{name} is damaged: its stored content is missing or altered, so it was not opened. Tell the administrator.</source>
        <translation>{name} 已损坏：存储的内容缺失或被改动，因此未打开。请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="240"/>
        <source>Could not open the attachment</source>
        <translation>无法打开附件</translation>
    </message>
</context>
<context>
    <name>AttachmentsWidget</name>
    <message>
        <location filename="../../widgets/attachments.py" line="40"/>
        <source>JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="41"/>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="42"/>
        <source>GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="43"/>
        <source>WebP image</source>
        <translation>WebP 图片</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="44"/>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="45"/>
        <source>WAV audio</source>
        <translation>WAV 音频</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="46"/>
        <source>MP3 audio</source>
        <translation>MP3 音频</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="47"/>
        <source>MP4/QuickTime video</source>
        <translation>MP4/QuickTime 视频</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="48"/>
        <source>UTF-8 text file</source>
        <translation>UTF-8 文本文件</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="49"/>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="50"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="51"/>
        <source>PowerPoint presentation</source>
        <translation>PowerPoint 演示文稿</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="54"/>
        <source>ZIP archive</source>
        <translation>ZIP 压缩包</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="55"/>
        <source>program or script</source>
        <translation>程序或脚本</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="60"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="68"/>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="70"/>
        <source>{name} is {size}; attachments may be at most {limit}.</source>
        <translation>{name} 大小为 {size}，附件不能超过 {limit}。</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="74"/>
        <source>{name} is a program or script; those are never attached.</source>
        <translation>{name} 是程序或脚本，不能作为附件。</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="78"/>
        <source>{name}: this type of file is not accepted (photos, PDF, audio, video, text and Office documents are).</source>
        <translation>{name}：不接受此类文件（可接受照片、PDF、音频、视频、文本和 Office 文档）。</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="84"/>
        <source>{name} is not a {expected}: its content is not recognised.</source>
        <translation>{name} 不是 {expected}：无法识别其内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="87"/>
        <source>{name} is a {found}, not a {expected}.</source>
        <translation>{name} 实际是 {found}，不是 {expected}。</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="116"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="122"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="127"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="135"/>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="140"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="289"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="290"/>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="292"/>
        <source>Attach a photo, document or recording ({keys}); or drop files here</source>
        <translation>添加照片、文档或录音（{keys}），也可把文件拖放到这里</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="296"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="297"/>
        <source>Open the selected file (Enter)</source>
        <translation>打开所选文件（Enter）</translation>
    </message>
</context>
<context>
    <name>AuditPresenter</name>
    <message>
        <location filename="../../console/presenters/audit.py" line="43"/>
        <location filename="../../console/presenters/audit.py" line="107"/>
        <location filename="../../console/presenters/audit.py" line="132"/>
        <source>Verify audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="70"/>
        <source>Verifying the audit log…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="71"/>
        <source>Audit check failed</source>
        <translation>审计校验失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="97"/>
        <source>AUDIT LOG TAMPERED: {n} problems; the first: {why}</source>
        <translation>审计日志被篡改：{n} 处问题；第一处：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="103"/>
        <source>Audit log intact: {n} rows, chain verified.</source>
        <translation>审计日志完整：共 {n} 条，哈希链校验通过。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="105"/>
        <source>Not anchored by a signed checkpoint: {why}</source>
        <translation>未由签名检查点锚定：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="120"/>
        <source>there is no checkpoint in {folder} yet, so whoever can write the database could rewrite the log unnoticed. A console whose workstation holds the signing key signs one at its first sign-in and every hour; `console audit checkpoint` signs one now.</source>
        <translation>{folder} 中还没有检查点，能写数据库的人可以改写日志而不被发现。持有签名密钥的工作站上的控制台在首次登录时和每小时签署一个；`console audit checkpoint` 立即签署一个。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="126"/>
        <source>this workstation has no public key to check the {n} checkpoints in {folder} (copy the site&apos;s {key} into its key folder).</source>
        <translation>本工作站没有公钥，无法校验 {folder} 中的 {n} 个检查点（请把站点的 {key} 复制到本机的密钥文件夹）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="165"/>
        <source>Audit checkpoint failed</source>
        <translation>审计检查点写入失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="86"/>
        <source>AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}</source>
        <translation>审计日志被篡改：发现 {n} 处问题；首处在第 {row} 条：{why}</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="69"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="70"/>
        <source>Window</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="73"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="77"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="78"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="79"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="80"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="81"/>
        <source>Deliverer</source>
        <translation>配送人</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="84"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="90"/>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>CallLabels</name>
    <message>
        <location filename="../../widgets/calls.py" line="58"/>
        <source>Ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="60"/>
        <source>Dialling</source>
        <translation>呼出中</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="62"/>
        <source>Talking</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="64"/>
        <source>On hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="66"/>
        <source>Missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="67"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="73"/>
        <source>Hung up here</source>
        <translation>本席挂断</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="74"/>
        <source>Caller hung up</source>
        <translation>来电方挂断</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="75"/>
        <source>Missed (caller gave up)</source>
        <translation>未接（来电方已挂断）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="76"/>
        <source>Missed (all lines busy)</source>
        <translation>未接（线路全忙）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="77"/>
        <source>Transferred</source>
        <translation>已转接</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="78"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="79"/>
        <source>No audio</source>
        <translation>无语音</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="87"/>
        <source>Inquiry answered</source>
        <translation>咨询已解答</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="88"/>
        <source>Wrong number</source>
        <translation>打错电话</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="89"/>
        <source>Silent call</source>
        <translation>无声电话</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="90"/>
        <source>Already reported</source>
        <translation>已报过的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="93"/>
        <source>Nuisance call</source>
        <translation>骚扰电话</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="94"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="117"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="118"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="119"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="120"/>
        <source>Born</source>
        <translation>出生</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <location filename="../../widgets/calls.py" line="165"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="172"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="181"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="184"/>
        <source>(withheld)</source>
        <translation>（未显示号码）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="190"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="196"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="205"/>
        <source>Caller ID</source>
        <translation>来电显示</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="211"/>
        <source>Answered by</source>
        <translation>接听人</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="239"/>
        <source>Incident #{id}</source>
        <translation>事件 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="241"/>
        <source>No incident: {reason}</source>
        <translation>无需立事件：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="247"/>
        <source>To do: incident or no incident?</source>
        <translation>待处理：立事件还是无需立事件？</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="249"/>
        <source>On the callback list</source>
        <translation>已列入回拨清单</translation>
    </message>
</context>
<context>
    <name>CallbackTableModel</name>
    <message>
        <location filename="../../widgets/calls.py" line="272"/>
        <source>Last call</source>
        <translation>最近来电</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="276"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="276"/>
        <source>(withheld)</source>
        <translation>（未显示号码）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="278"/>
        <source>Caller ID</source>
        <translation>来电显示</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="281"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="284"/>
        <source>Missed</source>
        <translation>未接次数</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="292"/>
        <source>{n} (busy: {busy})</source>
        <translation>{n}（占线 {busy}）</translation>
    </message>
</context>
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../widgets/calls.py" line="369"/>
        <source>Select a call to see who is calling.</source>
        <translation>选中一个来电，查看来电人信息。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="372"/>
        <source>The number {number} matches no resident.</source>
        <translation>号码 {number} 未匹配到居民。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="373"/>
        <source>(withheld)</source>
        <translation>（未显示号码）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="384"/>
        <source>Full card for incident #{id}: this view is recorded.</source>
        <translation>事件 #{id} 的完整档案：本次查看已留痕。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="389"/>
        <source>Masked for your role. The full card opens for the call&apos;s incident (recorded).</source>
        <translation>按您的角色脱敏显示。关联事件后可查看完整档案（留痕）。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="414"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="418"/>
        <source>Full card for #{id}</source>
        <translation>完整档案（#{id}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="420"/>
        <source>The whole card, for incident #{id}: the view is recorded.</source>
        <translation>查看事件 #{id} 相关居民的完整档案：本次查看将留痕。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="425"/>
        <source>Full card</source>
        <translation>完整档案</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="426"/>
        <source>Link the call to an incident first.</source>
        <translation>请先将来电关联到事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="432"/>
        <source>lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="433"/>
        <source>dementia</source>
        <translation>认知障碍</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="434"/>
        <source>disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="435"/>
        <source>chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="442"/>
        <source>needs care</source>
        <translation>需关照</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="444"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="448"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="450"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="451"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="452"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="453"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="454"/>
        <source>Care</source>
        <translation>关照事项</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="455"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="466"/>
        <source>Recent incidents at the caller&apos;s address</source>
        <translation>来电人住址的近期事件</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="468"/>
        <source>Earlier incidents from this number</source>
        <translation>该号码以往报过的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="460"/>
        <source>Open resident…</source>
        <translation>打开居民档案…</translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <location filename="../../widgets/calls.py" line="858"/>
        <source>Resume ({key})</source>
        <translation>恢复通话（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="860"/>
        <source>Hold ({key})</source>
        <translation>保持（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="962"/>
        <source>{at}  {number} called back by {name}</source>
        <translation>{at}  {number}，由 {name} 回拨</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="964"/>
        <location filename="../../widgets/calls.py" line="1003"/>
        <source>(withheld)</source>
        <translation>（未显示号码）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="969"/>
        <source>Only the newest missed calls are grouped here.</source>
        <translation>此处只汇总最近的未接来电。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="974"/>
        <source>○ No phone line on this workstation</source>
        <translation>○ 本工作站未配置电话线路</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="977"/>
        <source>○ Phone line starting…</source>
        <translation>○ 电话线路启动中…</translation>
    </message>
    <message>
        <source>the phone line is off for this run</source>
        <translation type="vanished">本次运行未启用电话线路</translation>
    </message>
    <message>
        <source>cannot start the SIP line: {error}</source>
        <translation type="vanished">无法启动 SIP 线路：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="984"/>
        <source>● Line online</source>
        <translation>● 线路在线</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="986"/>
        <source>○ Line offline · {detail}</source>
        <translation>○ 线路离线 · {detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="999"/>
        <source>All {n} lines busy: a caller ({number}) got 486 (busy) at {at}. {count} turned away so far; they are on the callback list.</source>
        <translation>{n} 条线路全忙：来电 {number} 于 {at} 收到 486（占线）。已有 {count} 个来电被拒接，均已列入回拨清单。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1010"/>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1013"/>
        <source>Callbacks ({n})</source>
        <translation>待回拨（{n}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1013"/>
        <source>Callbacks</source>
        <translation>待回拨</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1019"/>
        <source>Answer ({key})</source>
        <translation>接听（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1020"/>
        <source>Transfer… ({key})</source>
        <translation>转接…（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1021"/>
        <source>Hang up ({key})</source>
        <translation>挂断（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1022"/>
        <source>New incident… ({key})</source>
        <translation>新建事件…（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1023"/>
        <source>Link to incident… ({key})</source>
        <translation>关联事件…（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1024"/>
        <source>No incident… ({key})</source>
        <translation>无需立事件…（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1025"/>
        <source>Feedback ticket…</source>
        <translation>转为诉求…</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1026"/>
        <source>Order…</source>
        <translation>订购…</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1027"/>
        <source>An order of daily necessities for the caller</source>
        <translation>为来电人订购生活必需品</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1028"/>
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1029"/>
        <source>Mark as called back</source>
        <translation>标记为已回拨</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1030"/>
        <source>Called back</source>
        <translation>已回拨</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1034"/>
        <source>No calls</source>
        <translation>暂无来电</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1036"/>
        <source>Ringing calls appear here with the caller&apos;s card; {key} answers the longest-waiting one. Every answered call ends linked to an incident or closed as “no incident”.</source>
        <translation>来电振铃时会显示在这里，并附来电人档案；按 {key} 接听等待最久的来电。每个接听过的来电最后都要关联事件，或以“无需立事件”结束。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1044"/>
        <source>No phone line on this workstation</source>
        <translation>本工作站未配置电话线路</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1046"/>
        <source>To take calls here, add a [[sip]] entry for workstation {ws} to the site file (bind host, port, the phone device that shows its status; registrar, user and password for a PBX) and restart the console.</source>
        <translation>如需在此接听电话，请在站点文件中为工作站 {ws} 添加 [[sip]] 条目（监听地址、端口、显示线路状态的电话设备；接入交换机时还需注册服务器、用户名和密码），然后重启控制台。</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1053"/>
        <source>Nobody to call back</source>
        <translation>没有待回拨的来电</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1055"/>
        <source>Callers who hang up before an answer, or who get “busy” because every line is taken, are listed here until someone calls them back.</source>
        <translation>未接通前挂断的来电，以及因线路全忙收到“占线”的来电，都会列在这里，直到有人回拨。</translation>
    </message>
</context>
<context>
    <name>CallsPresenter</name>
    <message>
        <location filename="../../console/presenters/calls.py" line="127"/>
        <location filename="../../console/presenters/calls.py" line="531"/>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="137"/>
        <source>Answer call</source>
        <translation>接听来电</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="138"/>
        <source>Hold / resume call</source>
        <translation>保持 / 恢复通话</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="139"/>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="140"/>
        <source>Transfer call…</source>
        <translation>转接来电…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="143"/>
        <source>New incident from call…</source>
        <translation>由来电新建事件…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="147"/>
        <source>Link call to incident…</source>
        <translation>来电关联事件…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="150"/>
        <source>Close call: no incident…</source>
        <translation>结束来电：无需立事件…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="244"/>
        <location filename="../../console/presenters/calls.py" line="285"/>
        <source>Could not load the calls</source>
        <translation>无法加载来电记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="417"/>
        <location filename="../../console/presenters/calls.py" line="422"/>
        <location filename="../../console/presenters/calls.py" line="469"/>
        <source>Could not record the call</source>
        <translation>无法记录来电</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="458"/>
        <source>Incoming call from {number} — {key} answers</source>
        <translation>来电：{number} —— 按 {key} 接听</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="459"/>
        <location filename="../../console/presenters/calls.py" line="476"/>
        <location filename="../../console/presenters/calls.py" line="595"/>
        <location filename="../../console/presenters/calls.py" line="617"/>
        <location filename="../../console/presenters/calls.py" line="687"/>
        <location filename="../../console/presenters/calls.py" line="799"/>
        <source>(withheld)</source>
        <translation>（未显示号码）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="474"/>
        <source>All {n} lines busy: {number} got “busy” at {at}</source>
        <translation>{n} 条线路全忙：{number} 于 {at} 收到“占线”</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="499"/>
        <source>Answering the call failed</source>
        <translation>接听失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="500"/>
        <source>Putting the call on hold failed</source>
        <translation>保持通话失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="501"/>
        <source>Taking the call off hold failed</source>
        <translation>恢复通话失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="502"/>
        <source>Transferring the call failed</source>
        <translation>转接失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="503"/>
        <source>Hanging up failed</source>
        <translation>挂断失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="504"/>
        <source>Calling out failed</source>
        <translation>呼出失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="505"/>
        <source>A command on the line failed</source>
        <translation>线路操作失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="507"/>
        <source>{what}: {detail}</source>
        <translation>{what}：{detail}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="550"/>
        <source>No call is ringing.</source>
        <translation>当前没有振铃的来电。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="568"/>
        <source>Select the call to hold or resume.</source>
        <translation>请选中要保持或恢复的通话。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="587"/>
        <source>Select the call to hang up.</source>
        <translation>请选中要挂断的通话。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="591"/>
        <source>Reject the call?</source>
        <translation>拒接该来电？</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="593"/>
        <source>The caller {number} is still waiting to be answered. Rejecting tells them the line is busy; they go on the callback list.</source>
        <translation>来电 {number} 仍在等待接听。拒接后对方会听到占线，该来电将列入回拨清单。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="610"/>
        <source>Select the call to transfer.</source>
        <translation>请选中要转接的通话。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="627"/>
        <source>Could not list the departments</source>
        <translation>无法列出部门</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="639"/>
        <source>Select an answered call that is not linked or closed yet.</source>
        <translation>请选中一个已接听、尚未关联事件或结束处理的来电。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="686"/>
        <source>New incident from the call of {number}</source>
        <translation>由 {number} 的来电新建事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="699"/>
        <source>Call at {at}</source>
        <translation>来电时间 {at}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="738"/>
        <source>Could not create the incident from the call</source>
        <translation>无法由来电新建事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="747"/>
        <source>Call linked to incident #{id}.</source>
        <translation>来电已关联事件 #{id}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="773"/>
        <source>Could not link the call</source>
        <translation>无法关联来电</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="785"/>
        <source>Could not load the open incidents</source>
        <translation>无法加载未结事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="807"/>
        <location filename="../../console/presenters/calls.py" line="824"/>
        <source>Could not close the call</source>
        <translation>无法结束来电处理</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="831"/>
        <source>{what}: it is already linked or closed, or was never answered.</source>
        <translation>{what}：该来电已关联或已结束处理，或从未接听。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="844"/>
        <source>The phone line is down: the call was not placed.</source>
        <translation>电话线路已断开：未拨出。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="890"/>
        <source>Could not call the resident</source>
        <translation>无法拨打该居民的电话</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="910"/>
        <source>Could not mark the call</source>
        <translation>无法标记来电</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="963"/>
        <source>Could not load the caller</source>
        <translation>无法加载来电人信息</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="986"/>
        <source>Could not open the card</source>
        <translation>无法打开档案</translation>
    </message>
</context>
<context>
    <name>CameraTree</name>
    <message>
        <location filename="../../widgets/camera_tree.py" line="249"/>
        <source>{state} · {link}</source>
        <translation>{state} · {link}</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="252"/>
        <source>reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="252"/>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="255"/>
        <source> · PTZ</source>
        <translation> · 云台</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="278"/>
        <source>Tour this group</source>
        <translation>轮巡此分组</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="283"/>
        <source>Show on the wall</source>
        <translation>在电视墙上显示</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="316"/>
        <source>Find a camera by name or code…</source>
        <translation>按名称或编号查找摄像机…</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="318"/>
        <source>Drag a camera onto a tile, or press Enter to show it on the wall</source>
        <translation>将摄像机拖到画面上，或按 Enter 在电视墙上显示</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="321"/>
        <source>Not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="322"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="323"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="324"/>
        <source>Reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="325"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="326"/>
        <source>No signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="327"/>
        <source>Wrong credentials</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="328"/>
        <source>Unsupported stream</source>
        <translation>不支持的视频流</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="329"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <location filename="../../widgets/merchants.py" line="917"/>
        <source>{n} products, {k} outside 5–20 % below the reference</source>
        <translation>{n} 种商品，{k} 种不在参考价下浮5–20%之内</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="930"/>
        <source>All merchants</source>
        <translation>全部商户</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="938"/>
        <source>Goods and services</source>
        <translation>商品和服务</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="960"/>
        <source>Offer again</source>
        <translation>重新上架</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="962"/>
        <location filename="../../widgets/merchants.py" line="970"/>
        <source>Withdraw</source>
        <translation>下架</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="965"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="966"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="967"/>
        <source>Outside 5–20 % only</source>
        <translation>仅显示超出5–20%的</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="968"/>
        <source>New product…</source>
        <translation>新增商品…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="969"/>
        <source>Change price…</source>
        <translation>调整价格…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="971"/>
        <source>Price history</source>
        <translation>价格历史</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="974"/>
        <source>No products</source>
        <translation>暂无商品</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="976"/>
        <source>Goods and household services of the certified merchants appear here with their price, the market&apos;s reference price and the discount, which should be 5–20 % below it. New product… (Alt+N) adds one.</source>
        <translation>认定商户的商品和家政服务显示在这里，包括价格、市场参考价和优惠幅度（应比参考价低5–20%）。用“新增商品…”（Alt+N）添加。</translation>
    </message>
</context>
<context>
    <name>CertificateRequestDialog</name>
    <message>
        <location filename="../../widgets/certificates.py" line="168"/>
        <source>Request a volunteer certificate</source>
        <translation>申请志愿服务证明</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="181"/>
        <source>Left empty: a summary of what the approved records say was done</source>
        <translation>留空则按已审核记录汇总服务内容</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="185"/>
        <source>Only approved hours count. The certificate is listed publicly inside the console for {n} days before it can be issued.</source>
        <translation>仅计入已审核的时长。证明须在控制台内公示 {n} 天后方可出具。</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="193"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="194"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="195"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="196"/>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <location filename="../../widgets/certificates.py" line="60"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="63"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="68"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="69"/>
        <source>Identity number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="72"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="77"/>
        <source>Period</source>
        <translation>服务期间</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="82"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="89"/>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="92"/>
        <source>Listed until / issued</source>
        <translation>公示截止 / 出具时间</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="103"/>
        <source>Issued</source>
        <translation>已出具</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="105"/>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="107"/>
        <source>Objection raised</source>
        <translation>有异议</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="110"/>
        <source>Ready to issue</source>
        <translation>可出具</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="111"/>
        <source>Listed, {n} days left</source>
        <translation>公示中，剩余 {n} 天</translation>
    </message>
</context>
<context>
    <name>CertificatesPresenter</name>
    <message>
        <location filename="../../console/presenters/certificates.py" line="53"/>
        <source>Certificates</source>
        <translation>服务证明</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="54"/>
        <source>Time bank</source>
        <translation>时间银行</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="89"/>
        <location filename="../../console/presenters/certificates.py" line="113"/>
        <source>Could not read the volunteers</source>
        <translation>无法读取志愿者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="152"/>
        <source>Could not read the certificates</source>
        <translation>无法读取服务证明</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="183"/>
        <source>Could not read the account&apos;s statement</source>
        <translation>无法读取账户明细</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="206"/>
        <source>The certificate is listed for seven days</source>
        <translation>证明已进入七天公示</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="207"/>
        <source>Could not request the certificate</source>
        <translation>无法申请证明</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="215"/>
        <source>{volunteer}, {first} to {last}, {hours} h</source>
        <translation>{volunteer}，{first} 至 {last}，{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="225"/>
        <source>Issue the certificate</source>
        <translation>出具证明</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="227"/>
        <source>Issue this certificate now ({what})? It takes the year&apos;s next number, which is never given again; a mistake can only be withdrawn.</source>
        <translation>现在出具此证明（{what}）？它将占用本年度的下一个编号，编号不会重复使用；出错只能撤销。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="249"/>
        <source>Certificate {number} issued and archived</source>
        <translation>证明 {number} 已出具并归档</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="256"/>
        <source>Could not issue the certificate</source>
        <translation>无法出具证明</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="267"/>
        <source>The certificate was withdrawn</source>
        <translation>证明已撤销</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="268"/>
        <source>Could not withdraw the certificate</source>
        <translation>无法撤销证明</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="278"/>
        <source>The objection was recorded; the certificate waits</source>
        <translation>异议已登记，证明暂缓出具</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="279"/>
        <source>Could not record the objection</source>
        <translation>无法登记异议</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="287"/>
        <source>Save the issued certificate</source>
        <translation>保存已出具的证明</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="289"/>
        <source>Save a display copy of the certificate</source>
        <translation>保存证明展示副本</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="317"/>
        <source>Certificate saved to {path}</source>
        <translation>证明已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="318"/>
        <source>Could not save the certificate</source>
        <translation>无法保存证明</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="338"/>
        <source>Display copy saved to {path}</source>
        <translation>展示副本已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="340"/>
        <source>Could not save the display copy</source>
        <translation>无法保存展示副本</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="353"/>
        <source>{n} approved records deposited</source>
        <translation>已存入 {n} 条审核记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="360"/>
        <source>Could not deposit the hours</source>
        <translation>无法存入时长</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="373"/>
        <source>The minutes were given</source>
        <translation>时长已转赠</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="374"/>
        <source>Could not give the minutes</source>
        <translation>无法转赠时长</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="384"/>
        <source>The minutes were spent</source>
        <translation>时长已使用</translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="385"/>
        <source>Could not spend the minutes</source>
        <translation>无法使用时长</translation>
    </message>
</context>
<context>
    <name>CertificatesWidget</name>
    <message>
        <location filename="../../widgets/certificates.py" line="359"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="360"/>
        <source>Listed</source>
        <translation>公示中</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="361"/>
        <source>Issued</source>
        <translation>已出具</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="362"/>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="366"/>
        <source>Request…</source>
        <translation>申请…</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="367"/>
        <source>Issue</source>
        <translation>出具</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="368"/>
        <source>Withdraw…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="369"/>
        <source>Object…</source>
        <translation>异议…</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="370"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="357"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="371"/>
        <source>Approved hours in</source>
        <translation>年度已审核时长</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="387"/>
        <source>{n} certificates</source>
        <translation>共 {n} 份证明</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="396"/>
        <source>{n} volunteers, {h} hours</source>
        <translation>{n} 名志愿者，{h} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="460"/>
        <source>The issued certificate, with the whole identity number</source>
        <translation>已出具的证明，含完整身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="462"/>
        <source>A display copy: the identity number is masked</source>
        <translation>展示副本：身份证号已遮蔽</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="479"/>
        <source>Withdraw certificate {number}? It keeps its number and is marked withdrawn.</source>
        <translation>撤销证明 {number}？编号保留，并标明已撤销。</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="481"/>
        <source>Withdraw this request? It was never numbered.</source>
        <translation>撤销此申请？该申请尚未编号。</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="483"/>
        <source>Withdraw the certificate</source>
        <translation>撤销证明</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="492"/>
        <source>Object to the listing</source>
        <translation>对公示提出异议</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="493"/>
        <source>What is not true in this listing? The certificate is not issued on it.</source>
        <translation>公示内容哪里不属实？有异议的证明不予出具。</translation>
    </message>
</context>
<context>
    <name>CertifyDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="107"/>
        <source>Certify a merchant</source>
        <translation>认定商户</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="118"/>
        <source>Business</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="119"/>
        <source>Business licence No.</source>
        <translation>营业执照号</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="120"/>
        <location filename="../../widgets/merchant_dialogs.py" line="122"/>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="121"/>
        <source>Food business licence No.</source>
        <translation>食品经营许可证号</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="124"/>
        <source>No open shop, market or service business is uncertified.</source>
        <translation>没有尚未认定的在营商店、市场或服务类商户。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="128"/>
        <source>Choose a business.</source>
        <translation>请选择商户。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="130"/>
        <source>The business licence number is needed.</source>
        <translation>需要填写营业执照号。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="135"/>
        <source>A licence that has expired cannot be certified.</source>
        <translation>证照已过期，不能认定。</translation>
    </message>
</context>
<context>
    <name>CheckinDesk</name>
    <message>
        <source>Station {code}</source>
        <translation type="vanished">工作站 {code}</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="125"/>
        <source>No check-in code on this PC: {why}</source>
        <translation>本机无法生成签到码：{why}</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="157"/>
        <source>Could not read the volunteer&apos;s tasks</source>
        <translation>无法读取该志愿者的任务</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="215"/>
        <source>Volunteer No. {n} checked out: {t} of service</source>
        <translation>志愿者 {n} 号已签退：服务 {t}</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="219"/>
        <source>Volunteer No. {n} checked in at {at}</source>
        <translation>志愿者 {n} 号已于 {at} 签到</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="233"/>
        <source>Refused: this code is for a place outside your communities.</source>
        <translation>已拒绝：此码所属地点不在您的社区范围内。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="238"/>
        <source>Not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="239"/>
        <source>Could not record the check-in</source>
        <translation>无法登记签到</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="253"/>
        <source>No time of service</source>
        <translation>无服务时长</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="255"/>
        <source>Volunteer No. {n} would be checked out with no time of service (0:00). Record this check-out anyway?</source>
        <translation>志愿者 {n} 号签退后服务时长为 0:00。仍要记录这次签退吗？</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="270"/>
        <source>Refused: this code was not made by this site or was altered.</source>
        <translation>已拒绝：此码不是本街道生成的，或已被改动。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="271"/>
        <source>Refused: this code has expired. Scan the current one.</source>
        <translation>已拒绝：此码已过期，请扫描当前的码。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="272"/>
        <source>Refused: this visit card is not valid yet.</source>
        <translation>已拒绝：此上门服务卡尚未到有效时间。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="273"/>
        <source>Refused: this is not a check-in code. Scan it again.</source>
        <translation>已拒绝：这不是签到码，请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="274"/>
        <source>Refused: this code was already used by this volunteer.</source>
        <translation>已拒绝：该志愿者已使用过此码。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="275"/>
        <source>Refused: this code is for another place.</source>
        <translation>已拒绝：此码属于其他地点。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="277"/>
        <source>Refused: this visit card was already used by another volunteer.</source>
        <translation>拒绝：此探访卡已被另一名志愿者使用。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="279"/>
        <source>Refused: these hours overlap other hours of this volunteer.</source>
        <translation>已拒绝：与该志愿者的其他服务时段重叠。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="280"/>
        <source>Refused: this volunteer is not checked in.</source>
        <translation>已拒绝：该志愿者尚未签到。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="281"/>
        <source>Refused: no active volunteer has this number.</source>
        <translation>已拒绝：没有此编号的在册志愿者。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="282"/>
        <source>Refused: the task or shift is not at this place.</source>
        <translation>已拒绝：该任务或班次不在此地点。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="283"/>
        <source>Refused: check the times; correct them in the Hours tab.</source>
        <translation>已拒绝：时间有误，请在“服务时长”页更正。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="285"/>
        <source>Refused: this volunteer belongs to another community. A station checks in its own community&apos;s volunteers only.</source>
        <translation>已拒绝：该志愿者属于其他社区。社区工作站只为本社区志愿者签到。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="289"/>
        <source>Not recorded: no time of service (0:00) since the check-in. Check the direction and the travel time.</source>
        <translation>未记录：自签到以来没有服务时长（0:00）。请检查签到/签退方向和路程时间。</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="298"/>
        <source>Save the visit card</source>
        <translation>保存上门服务卡</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="334"/>
        <source>Visit card saved to {path}</source>
        <translation>上门服务卡已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="336"/>
        <source>Could not make the visit card</source>
        <translation>无法生成上门服务卡</translation>
    </message>
</context>
<context>
    <name>CheckinPanel</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="183"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="184"/>
        <source>Check out</source>
        <translation>签退</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="187"/>
        <source>Direction</source>
        <translation>签到/签退</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="188"/>
        <source>Scanned code</source>
        <translation>扫描所得码</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="189"/>
        <source>Volunteer No.</source>
        <translation>志愿者编号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="190"/>
        <source>Task or shift</source>
        <translation>任务或班次</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="191"/>
        <source>Travel (min)</source>
        <translation>路途（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="192"/>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="196"/>
        <source>Code for</source>
        <translation>签到码地点</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="199"/>
        <source>Visit card…</source>
        <translation>上门服务卡…</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="201"/>
        <source>Print a resident&apos;s visit card: a door code valid only in the visit&apos;s window</source>
        <translation>打印居民上门服务卡：上门签到码仅在约定的服务时段内有效</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="203"/>
        <source>Scan the volunteer&apos;s code or type it</source>
        <translation>扫描志愿者出示的码，或手工输入</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="204"/>
        <source>The number on the volunteer&apos;s card</source>
        <translation>志愿者证上的编号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="205"/>
        <source>What was done (at check-out)</source>
        <translation>做了什么（签退时填写）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="208"/>
        <source>The volunteer scans this screen&apos;s code (or the code on a visit card) with a phone and shows the text, or the station&apos;s scanner reads it into the field. Each code is signed, short-lived and taken once per volunteer.</source>
        <translation>志愿者用手机扫描本屏幕上的码（或上门服务卡上的码）并出示所得文字，或由工作站扫码枪读入输入框。每个码都经签名、短时有效，每名志愿者只能使用一次。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="223"/>
        <location filename="../../widgets/volunteer_hours.py" line="234"/>
        <source>Station {code} {name}</source>
        <translation>工作站 {code} {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="245"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="248"/>
        <source>Task: {title}</source>
        <translation>任务：{title}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="248"/>
        <source>Shift: {title}</source>
        <translation>班次：{title}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="274"/>
        <source>Record check-out</source>
        <translation>登记签退</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="274"/>
        <source>Record check-in</source>
        <translation>登记签到</translation>
    </message>
</context>
<context>
    <name>CheckinQrWidget</name>
    <message>
        <location filename="../../widgets/checkin_qr.py" line="171"/>
        <source>No check-in code</source>
        <translation>暂无签到码</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_qr.py" line="173"/>
        <source>Code expired: waiting for a new one</source>
        <translation>签到码已过期，正在生成新码</translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_qr.py" line="176"/>
        <source>Valid for {m}:{s:02d}</source>
        <translation>有效期剩余 {m}:{s:02d}</translation>
    </message>
</context>
<context>
    <name>CommunityModel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="530"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="533"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="539"/>
        <source>n / denominator</source>
        <translation>n / 分母</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="544"/>
        <source>RAG</source>
        <translation>红黄绿</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="347"/>
        <source>File a complaint about {name}</source>
        <translation>登记对{name}的投诉</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="352"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="353"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="355"/>
        <source>Food safety: due in 24 h; delivery 48 h; others 72 h.</source>
        <translation>食品安全24小时内办结；配送48小时；其他72小时。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="359"/>
        <source>What was the complaint?</source>
        <translation>投诉内容是什么？</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="354"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="360"/>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="366"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="371"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="376"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="183"/>
        <source>Confirmation call — order {id}</source>
        <translation>确认电话 — 订单 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="186"/>
        <source>Call {resident} (or the family) and read the order back: {amount} from {merchant}. Did they confirm it?</source>
        <translation>请致电{resident}（或其家属）复述订单：{merchant}，{amount}。对方是否确认？</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="191"/>
        <source>Dial (Ctrl+D)</source>
        <translation>拨号 (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="202"/>
        <source>Who confirmed, what was said</source>
        <translation>谁确认的，说了什么</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="208"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="209"/>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="226"/>
        <source>No working phone line here (none, or it is down), or your role places no calls: dial the resident by hand.</source>
        <translation>本机没有可用的电话线路（未配置或已断开），或您的角色不能拨打电话：请手动拨打居民电话。</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="235"/>
        <source>Calling…</source>
        <translation>正在拨号…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="353"/>
        <source>Changed on another workstation</source>
        <translation>已在其他工作站修改</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="355"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="355"/>
        <source>You saw</source>
        <translation>您看到的</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="355"/>
        <source>Now (theirs)</source>
        <translation>现在（对方）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="355"/>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="358"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="358"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="358"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="358"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="360"/>
        <source>Saved meanwhile:</source>
        <translation>期间已保存的变更：</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="361"/>
        <source>Reload (drop mine)</source>
        <translation>重新载入（放弃我的）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="362"/>
        <source>Apply mine over theirs</source>
        <translation>用我的覆盖对方的</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="370"/>
        <source>Incident #{id} was changed by {who} ({ws}) at {time} after you opened it. Nothing of yours was saved.</source>
        <translation>您打开事件 #{id} 后，{who}（{ws}）于 {time} 修改了它。您的修改未保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="382"/>
        <source>Incident #{id} was changed after you opened it. Nothing of yours was saved.</source>
        <translation>您打开事件 #{id} 后它已被修改。您的修改未保存。</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <location filename="../../widgets/consent.py" line="199"/>
        <source>Tracking (RFID/GPS whereabouts)</source>
        <translation>定位追踪（RFID/GPS 行踪）</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="202"/>
        <source>Video linking</source>
        <translation>视频关联</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="203"/>
        <source>Needs surveys</source>
        <translation>需求调查</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="204"/>
        <source>Daily necessities</source>
        <translation>生活必需品</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="205"/>
        <source>Volunteer visits</source>
        <translation>志愿者探访</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="206"/>
        <source>Job placement</source>
        <translation>就业推荐</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="207"/>
        <source>Psychological screening</source>
        <translation>心理筛查</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="214"/>
        <source>Written</source>
        <translation>书面</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="215"/>
        <source>Verbal</source>
        <translation>口头</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="216"/>
        <source>By the guardian</source>
        <translation>由监护人</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="217"/>
        <source>Earlier record</source>
        <translation>早期记录</translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <location filename="../../widgets/consent.py" line="138"/>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="140"/>
        <source>Withdrawn {when} by {who}: {why}</source>
        <translation>{when} 由 {who} 撤回：{why}</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="147"/>
        <source>{how}, witness {name}</source>
        <translation>{how}，见证人 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="149"/>
        <source>{how}: {name} ({relation})</source>
        <translation>{how}：{name}（{relation}）</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="154"/>
        <source>Given {day} — {how}; recorded by {who}</source>
        <translation>{day} 给出 — {how}；记录人 {who}</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="179"/>
        <source>Consent per purpose</source>
        <translation>按目的的同意</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="182"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="183"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="186"/>
        <source>Record consent…</source>
        <translation>记录同意…</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="187"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../../console/app.py" line="201"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../widgets/counselling.py" line="115"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="116"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="117"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="118"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="121"/>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="122"/>
        <source>yes (read on request)</source>
        <translation>有（查看时单独调阅）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="124"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="814"/>
        <source>Correct hours No. {id}</source>
        <translation>更正服务时长 第 {id} 号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="832"/>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="833"/>
        <source>Check-out</source>
        <translation>签退</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="834"/>
        <source>Travel (min)</source>
        <translation>路途（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="835"/>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="836"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Counselling</name>
    <message>
        <location filename="../../widgets/counselling.py" line="55"/>
        <source>Counselling</source>
        <translation>心理咨询</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="56"/>
        <source>Education session</source>
        <translation>心理健康讲座</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="57"/>
        <source>Hotline call</source>
        <translation>热线来电</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="58"/>
        <source>Legal advice</source>
        <translation>法律咨询</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="65"/>
        <source>booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="66"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="67"/>
        <source>missed</source>
        <translation>未到</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="68"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="69"/>
        <source>pending</source>
        <translation>待反馈</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="70"/>
        <source>attended</source>
        <translation>已就诊</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="71"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="72"/>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="73"/>
        <source>did not attend</source>
        <translation>未前往</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="80"/>
        <source>Psychiatry</source>
        <translation>精神科</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="81"/>
        <source>Psychotherapy</source>
        <translation>心理治疗</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="82"/>
        <source>Legal aid office</source>
        <translation>法律援助站</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="83"/>
        <source>Social work</source>
        <translation>社会工作</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="84"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="386"/>
        <source>fewer than 5</source>
        <translation>少于 5</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="390"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="393"/>
        <source>Residents screened: {n} (target 10,000)</source>
        <translation>已筛查居民：{n}（目标 10,000）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="396"/>
        <source>  self-completed: {n}, of them positive: {p}</source>
        <translation>  自助完成：{n}，其中阳性：{p}</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="399"/>
        <source>  staff-assisted: {n}, of them positive: {p}</source>
        <translation>  工作人员协助：{n}，其中阳性：{p}</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="402"/>
        <source>Counselling and education contacts: {n} (target 2,000)</source>
        <translation>咨询与宣教服务人次：{n}（目标 2,000）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="405"/>
        <source>Risk flags: {n}, acknowledged within 24 h: {a}</source>
        <translation>风险提示：{n}，24 小时内确认：{a}</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="408"/>
        <source>Referrals: {n}, completed: {c}</source>
        <translation>转介：{n}，已完成：{c}</translation>
    </message>
</context>
<context>
    <name>CounsellingForm</name>
    <message>
        <location filename="../../widgets/counselling.py" line="332"/>
        <source>Book an appointment</source>
        <translation>预约咨询</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="333"/>
        <source>Record a contact</source>
        <translation>登记服务记录</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="334"/>
        <source>Refer</source>
        <translation>转介</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="335"/>
        <source>Outcome of the referral</source>
        <translation>转介结果</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="338"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="338"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="340"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="341"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="343"/>
        <source>Attendees (a session)</source>
        <translation>参加人数（讲座）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="346"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="347"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="348"/>
        <source>Where (service or doctor)</source>
        <translation>转介至（机构或医生）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="353"/>
        <source>Note (encrypted; counselling role only)</source>
        <translation>记录（加密保存，仅心理咨询员可见）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="354"/>
        <source>Reason (encrypted)</source>
        <translation>原因（加密保存）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="355"/>
        <source>What came of it (encrypted)</source>
        <translation>结果说明（加密保存）</translation>
    </message>
</context>
<context>
    <name>CounsellingTab</name>
    <message>
        <location filename="../../widgets/counselling.py" line="245"/>
        <source>Pick a resident on the first tab to see their counselling record.</source>
        <translation>请在第一个标签页选择居民，以查看其咨询档案。</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="274"/>
        <source>Appointments, the next seven days</source>
        <translation>预约（未来七天）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="275"/>
        <source>Contacts</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="276"/>
        <source>Referrals</source>
        <translation>转介</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="277"/>
        <source>Book an appointment…</source>
        <translation>预约咨询…</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="278"/>
        <source>Record a contact…</source>
        <translation>登记服务记录…</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="279"/>
        <source>Refer…</source>
        <translation>转介…</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="280"/>
        <source>Record the outcome…</source>
        <translation>登记转介结果…</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="281"/>
        <source>Read the note (audited)</source>
        <translation>查看记录（留痕）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="282"/>
        <source>Read reason and outcome (audited)</source>
        <translation>查看原因与结果（留痕）</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="283"/>
        <source>Mark done</source>
        <translation>标为已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="284"/>
        <source>Mark missed</source>
        <translation>标为未到</translation>
    </message>
</context>
<context>
    <name>CrisisScriptDialog</name>
    <message>
        <location filename="../../widgets/crisis_script.py" line="99"/>
        <source>Crisis script</source>
        <translation>危机干预提示</translation>
    </message>
    <message>
        <location filename="../../widgets/crisis_script.py" line="100"/>
        <source>Risk answer: act now</source>
        <translation>出现风险回答：请立即处置</translation>
    </message>
    <message>
        <location filename="../../widgets/crisis_script.py" line="111"/>
        <source>Risk incident {id} is in the queue for the counsellor and the supervisor.</source>
        <translation>风险事件 {id} 已进入事件队列，由心理咨询员和值班长处理。</translation>
    </message>
    <message>
        <location filename="../../widgets/crisis_script.py" line="116"/>
        <source>I have read the script</source>
        <translation>我已阅读以上提示</translation>
    </message>
</context>
<context>
    <name>DatabasePresenter</name>
    <message>
        <location filename="../../console/presenters/database.py" line="24"/>
        <source>Database connection restored.</source>
        <translation>数据库连接已恢复。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/database.py" line="28"/>
        <source>Database not reachable: {d}</source>
        <translation>无法连接数据库：{d}</translation>
    </message>
</context>
<context>
    <name>DatedNoteDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="617"/>
        <source>Record a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="618"/>
        <source>Visited on</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="619"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="621"/>
        <source>The employer confirmed the hire</source>
        <translation>用人单位确认录用</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="622"/>
        <source>Confirmed on</source>
        <translation>确认日期</translation>
    </message>
</context>
<context>
    <name>DeliveryBoard</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="512"/>
        <location filename="../../widgets/delivery_board.py" line="658"/>
        <source>All merchants</source>
        <translation>全部商户</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="541"/>
        <source>{shown} of {all} orders</source>
        <translation>显示 {shown}/{all} 个订单</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="553"/>
        <source>Order {id}: {resident}, {address} — {merchant}, {window}, {deliverer}</source>
        <translation>订单 {id}：{resident}，{address} — {merchant}，{window}，{deliverer}</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="570"/>
        <source>Next: {step} (Alt+N)</source>
        <translation>下一步：{step}（Alt+N）</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="572"/>
        <source>Next step (Alt+N)</source>
        <translation>下一步（Alt+N）</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="639"/>
        <source>Search number, resident, deliverer, address</source>
        <translation>搜索编号、居民、配送人、地址</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="643"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="647"/>
        <source>All flags</source>
        <translation>全部提示</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="659"/>
        <source>New order (Alt+O)</source>
        <translation>新订单（Alt+O）</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="660"/>
        <source>Confirmation call (Alt+K)</source>
        <translation>确认电话（Alt+K）</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="661"/>
        <source>Hand-off with proof (Alt+P)</source>
        <translation>签收凭证（Alt+P）</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="662"/>
        <source>Failed (Alt+F)</source>
        <translation>配送失败（Alt+F）</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="663"/>
        <source>Cancel order (Alt+X)</source>
        <translation>取消订单（Alt+X）</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="664"/>
        <source>Show contact (Alt+R)</source>
        <translation>查看联系方式（Alt+R）</translation>
    </message>
</context>
<context>
    <name>DeliveryProofDialog</name>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="205"/>
        <source>The photo is larger than 4 MB.</source>
        <translation>照片超过 4 MB。</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="214"/>
        <source>Photo of the hand-off</source>
        <translation>交付照片</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="216"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="236"/>
        <source>Blocked: {why}</source>
        <translation>不能签收：{why}</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="242"/>
        <source>Proof of delivery — order {id}</source>
        <translation>签收凭证 — 订单 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="248"/>
        <source>For {resident}, brought by {deliverer}:</source>
        <translation>收件人 {resident}，配送人 {deliverer}：</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="253"/>
        <source>Signature of the resident</source>
        <translation>居民签名</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="254"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="255"/>
        <source>Attach a photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="257"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="258"/>
        <source>The resident confirms receiving the goods</source>
        <translation>居民确认已收到商品</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="259"/>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="260"/>
        <source>The resident, or a named person at the door</source>
        <translation>居民本人，或在场的具名人员</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="263"/>
        <source>Record delivery</source>
        <translation>记录签收</translation>
    </message>
</context>
<context>
    <name>DeviceCountsLabel</name>
    <message>
        <location filename="../../widgets/device_status.py" line="225"/>
        <source>Devices: loading…</source>
        <translation>设备：加载中…</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="227"/>
        <source>Devices: {on} online / {off} offline / {unk} never seen</source>
        <translation>设备：在线 {on} / 离线 {off} / 未上线 {unk}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="231"/>
        <source> / {silent} not reporting</source>
        <translation> / 未上报 {silent}</translation>
    </message>
</context>
<context>
    <name>DeviceDetail</name>
    <message>
        <location filename="../../widgets/device_detail.py" line="42"/>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="44"/>
        <source>simulated line</source>
        <translation>模拟线路</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="46"/>
        <source>not started</source>
        <translation>未启动</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="47"/>
        <source>never connected</source>
        <translation>从未连接</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="49"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="51"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="52"/>
        <source>peer closed</source>
        <translation>对端已关闭连接</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="53"/>
        <source>connection closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="54"/>
        <source>logged out</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="56"/>
        <source>connected, setting up</source>
        <translation>已连接，正在设置</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="59"/>
        <source>reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="60"/>
        <source>the reader closed the connection</source>
        <translation>读卡器关闭了连接</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="63"/>
        <source>the reader is closing the connection</source>
        <translation>读卡器正在关闭连接</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="66"/>
        <source>stopped while connecting</source>
        <translation>连接时已停止</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="69"/>
        <source>connect timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="70"/>
        <source>no LLRPStatus in the response</source>
        <translation>应答中没有 LLRPStatus</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="74"/>
        <source>address in use</source>
        <translation>地址已被占用</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="75"/>
        <source>address not available on this machine</source>
        <translation>本机没有此地址</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="78"/>
        <source>permission denied (a port below 1024?)</source>
        <translation>权限不足（端口低于 1024？）</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="82"/>
        <source>not open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="84"/>
        <source>direct line</source>
        <translation>直连线路</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="85"/>
        <source>no headset</source>
        <translation>无耳麦</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="86"/>
        <source>no headset (audio off)</source>
        <translation>无耳麦（音频已关闭）</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="89"/>
        <source>the phone line is off for this run</source>
        <translation>本次运行未启用电话线路</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="93"/>
        <source>recording</source>
        <translation>录像中</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="94"/>
        <source>wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="97"/>
        <source>cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="99"/>
        <source>no link test received</source>
        <translation>未收到链路测试</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="108"/>
        <source>cannot start the SIP line: {error}</source>
        <translation>无法启动 SIP 线路：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="115"/>
        <source>cannot start the SIP stack: {reason}</source>
        <translation>无法启动 SIP 协议栈：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="121"/>
        <source>stopped after an error: {error}</source>
        <translation>出错后已停止：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="128"/>
        <source>registering as {who}</source>
        <translation>正在注册为 {who}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="134"/>
        <source>registered as {who}</source>
        <translation>已注册为 {who}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="141"/>
        <source>not registered as {who}: {reason}</source>
        <translation>未能注册为 {who}：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="148"/>
        <source>no headset: {error}</source>
        <translation>无耳麦：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="154"/>
        <source>no device named {device}</source>
        <translation>没有名为 {device} 的设备</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="160"/>
        <source>{device} is not both an input and an output</source>
        <translation>{device} 不同时具备输入和输出</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="167"/>
        <source>{transport} {address} failed: {error}</source>
        <translation>{transport} {address} 监听失败：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="173"/>
        <source>{transport} {address}</source>
        <comment>listening at the address</comment>
        <translation>{transport} {address} 监听中</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="180"/>
        <source>{transport} {address}: {reason}</source>
        <comment>the SIP transport did not open</comment>
        <translation>{transport} {address} 监听失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="187"/>
        <source>{address} connected</source>
        <translation>{address} 已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="194"/>
        <source>{peer} authenticated</source>
        <translation>{peer} 已认证</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="202"/>
        <location filename="../../widgets/device_detail.py" line="209"/>
        <source>cannot connect: {error}</source>
        <translation>无法连接：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="215"/>
        <source>cannot open: {error}</source>
        <translation>无法打开：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="222"/>
        <source>link lost: {reason}</source>
        <translation>链路中断：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="228"/>
        <source>write failed: {error}</source>
        <translation>写入失败：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="234"/>
        <source>send failed: {error}</source>
        <translation>发送失败：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="240"/>
        <source>read failed: {error}</source>
        <translation>读取失败：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="247"/>
        <source>internal error: {error}</source>
        <translation>内部错误：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="255"/>
        <source>silent for {seconds} s</source>
        <translation>{seconds} 秒无数据</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="261"/>
        <source>no keepalive for {seconds} s</source>
        <translation>{seconds} 秒未收到心跳</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="267"/>
        <source>no answer within {seconds} s</source>
        <translation>{seconds} 秒内无应答</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="274"/>
        <source>no answer to the connection event within {seconds} s</source>
        <translation>{seconds} 秒内未收到连接事件</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="280"/>
        <source>no answer to {request} within {seconds} s</source>
        <translation>{seconds} 秒内未收到对 {request} 的应答</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="287"/>
        <source>stream broken ({problem}), reconnecting</source>
        <translation>数据流损坏（{problem}），正在重连</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="293"/>
        <source>reserved header bits set ({bits})</source>
        <translation>报头保留位被置位（{bits}）</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="299"/>
        <source>unknown LLRP version {version}</source>
        <translation>未知的 LLRP 版本 {version}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="305"/>
        <source>unknown message type {type}</source>
        <translation>未知的消息类型 {type}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="311"/>
        <source>message length {length} outside {range}</source>
        <translation>消息长度 {length} 超出 {range}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="319"/>
        <source>the reader refused the connection: {status}</source>
        <translation>读卡器拒绝了连接：{status}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="325"/>
        <source>{request} refused: {status}</source>
        <translation>{request} 被拒绝：{status}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="332"/>
        <source>connection error ({error})</source>
        <translation>连接错误（{error}）</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="339"/>
        <source>cannot open {address}: unknown scheme {scheme}</source>
        <translation>无法打开 {address}：未知协议 {scheme}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="345"/>
        <source>bad port in {address}</source>
        <translation>{address} 中的端口无效</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="351"/>
        <source>expected host:port in {address}</source>
        <translation>{address} 应为“主机:端口”格式</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="357"/>
        <source>bad baud rate in {address}</source>
        <translation>{address} 中的波特率无效</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="363"/>
        <source>no device in {address}</source>
        <translation>{address} 中未指定设备</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="370"/>
        <source>no link test since {time}</source>
        <translation>{time} 起未收到链路测试</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="396"/>
        <source>{earlier}, {next}</source>
        <comment>two parts of one detail</comment>
        <translation>{earlier}，{next}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="419"/>
        <source>{address}: {reason}</source>
        <comment>a device address and what happened</comment>
        <translation>{address}：{reason}</translation>
    </message>
</context>
<context>
    <name>DeviceStatusModel</name>
    <message>
        <location filename="../../widgets/device_status.py" line="57"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="63"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="64"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="65"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="68"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="71"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="74"/>
        <source>Last seen</source>
        <translation>最后联系</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="78"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="101"/>
        <source>Not reporting</source>
        <translation>未上报</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="69"/>
        <source>Control centre</source>
        <translation>指挥中心</translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <location filename="../../widgets/device_status.py" line="177"/>
        <source>{online} online · {offline} offline · {unknown} never seen</source>
        <translation>在线 {online} · 离线 {offline} · 未上线 {unknown}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="181"/>
        <source> · {silent} not reporting</source>
        <translation> · 未上报 {silent}</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="186"/>
        <source>Filter by code, name, community… (Ctrl+F)</source>
        <translation>按编号、名称、社区筛选…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="189"/>
        <source>No devices configured</source>
        <translation>尚未配置设备</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="190"/>
        <source>Readers, cameras, alarm panels and phones come from the site file.</source>
        <translation>读卡器、摄像机、报警主机和电话来自站点配置文件。</translation>
    </message>
</context>
<context>
    <name>DevicesPresenter</name>
    <message>
        <location filename="../../console/presenters/devices.py" line="41"/>
        <source>Device status</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../console/presenters/devices.py" line="54"/>
        <source>Find device</source>
        <translation>查找设备</translation>
    </message>
    <message>
        <location filename="../../console/presenters/devices.py" line="88"/>
        <location filename="../../console/presenters/devices.py" line="104"/>
        <source>Could not load the devices</source>
        <translation>无法加载设备列表</translation>
    </message>
</context>
<context>
    <name>DispatchPicker</name>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="32"/>
        <source>Police</source>
        <translation>公安</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="33"/>
        <source>Fire</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="34"/>
        <source>City management</source>
        <translation>城管</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="35"/>
        <source>Neighbourhood committee</source>
        <translation>居委会</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="36"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="37"/>
        <source>Street office</source>
        <translation>街道办</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="38"/>
        <source>Civil affairs</source>
        <translation>民政</translation>
    </message>
</context>
<context>
    <name>DispatchPickerDialog</name>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="133"/>
        <source>{kind} · routed</source>
        <translation>{kind} · 对口</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="137"/>
        <location filename="../../widgets/dispatch_picker.py" line="142"/>
        <source>Click or Ctrl+C copies the number</source>
        <translation>单击或按 Ctrl+C 复制号码</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="265"/>
        <source>Copied {phone}</source>
        <translation>已复制 {phone}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="287"/>
        <source>Choose a department or unit first.</source>
        <translation>请先选择单位或人员。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="292"/>
        <source>Dispatching…</source>
        <translation>正在派单…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="305"/>
        <source>Dispatch #{id}</source>
        <translation>派单 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="307"/>
        <source>#{id} {title} — {n} chosen</source>
        <translation>#{id} {title} — 已选 {n} 个</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="314"/>
        <source>Department / unit</source>
        <translation>单位 / 人员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="314"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="314"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="316"/>
        <source>Type to filter · ↑↓ move · Space ticks · Enter dispatches</source>
        <translation>输入以筛选 · ↑↓ 移动 · 空格勾选 · 回车派单</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="318"/>
        <source>Note to the departments (optional)</source>
        <translation>给联动单位的说明（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="319"/>
        <source>Dispatch (Enter)</source>
        <translation>派单（回车）</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="320"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="323"/>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <location filename="../../widgets/screening.py" line="237"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="238"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="239"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="240"/>
        <source>Next form</source>
        <translation>下次量表</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="243"/>
        <source>Last result</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="248"/>
        <source>Refer</source>
        <translation>转介</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="249"/>
        <source>refer</source>
        <translation>需转介</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="251"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../widgets/duplicates.py" line="43"/>
        <source>same phone {phone}</source>
        <translation>同一电话 {phone}</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="47"/>
        <source>same caller {name}</source>
        <translation>同一来电人 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="52"/>
        <source>same place</source>
        <translation>同一地点</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="54"/>
        <source>similar place</source>
        <translation>相近地点</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="57"/>
        <source>{n} min earlier</source>
        <translation>早 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="59"/>
        <source>{n} min later</source>
        <translation>晚 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="60"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="278"/>
        <source>Resident: {name}  {phone}  ({community})</source>
        <translation>居民：{name}  {phone}（{community}）</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="287"/>
        <source>Templates: </source>
        <translation>快捷模板：</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="294"/>
        <source>Possible duplicates (Enter opens, {keys} goes to the list)</source>
        <translation>可能重复的事件（回车打开，{keys} 跳到列表）</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="298"/>
        <source>Open card</source>
        <translation>打开居民卡</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="410"/>
        <source>Merged into #{id}: the work goes on there.</source>
        <translation>已合并到 #{id}：请在该事件中继续处置。</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="416"/>
        <source>Merged here: {ids} (their timelines are joined below)</source>
        <translation>已并入本事件：{ids}（其时间线已并入下方）</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="423"/>
        <source>Open #{id}</source>
        <translation>打开 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="428"/>
        <source>Possible duplicates</source>
        <translation>可能重复的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="429"/>
        <source>Merge into this…</source>
        <translation>合并到本事件…</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="454"/>
        <source>Merged into another</source>
        <translation>已合并到其他事件</translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="456"/>
        <source>Merged here</source>
        <translation>并入本事件</translation>
    </message>
</context>
<context>
    <name>EditControls</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="100"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="101"/>
        <source>Change priority, type or location</source>
        <translation>修改优先级、类型或地点</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="103"/>
        <source>Lift legal hold…</source>
        <translation>解除法律保全…</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="103"/>
        <source>Legal hold…</source>
        <translation>法律保全…</translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="522"/>
        <source>New employer</source>
        <translation>新增用人单位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="522"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="541"/>
        <source>not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="547"/>
        <source>The street&apos;s</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="560"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="561"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="562"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="563"/>
        <source>Staff</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="564"/>
        <source>Disabled staff (as the quota counts)</source>
        <translation>残疾职工人数（按比例计算口径）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="565"/>
        <source>Forms of employment</source>
        <translation>就业形式</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="566"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="567"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="568"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="569"/>
        <source>Site latitude</source>
        <translation>场所纬度</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="570"/>
        <source>Site longitude</source>
        <translation>场所经度</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="571"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
</context>
<context>
    <name>EmployersModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="169"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="170"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="171"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="172"/>
        <source>Staff</source>
        <translation>职工</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="175"/>
        <source>Quota shortfall</source>
        <translation>按比例就业缺口</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="178"/>
        <source>Open postings</source>
        <translation>在招岗位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="179"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="182"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="183"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
</context>
<context>
    <name>EmployersTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="522"/>
        <source>New employer…</source>
        <translation>新增用人单位…</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="523"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="524"/>
        <source>Record a visit…</source>
        <translation>登记走访…</translation>
    </message>
</context>
<context>
    <name>Employment</name>
    <message>
        <location filename="../../widgets/employment.py" line="66"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="67"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="619"/>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="622"/>
        <source>Placements confirmed by the employer: {n} of {target} ({left} to go)</source>
        <translation>经用人单位确认的就业：{n} / {target}（还差 {left}）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="625"/>
        <source>Referrals made, by the stage reached:</source>
        <translation>推荐人次（按已到达阶段）：</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="629"/>
        <source>Open postings now: {n}</source>
        <translation>当前在招岗位：{n}</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="632"/>
        <source>Seekers registered: {n}, consenting to matching: {c}</source>
        <translation>登记求职者：{n}，同意匹配：{c}</translation>
    </message>
</context>
<context>
    <name>EmploymentPresenter</name>
    <message>
        <location filename="../../console/presenters/employment.py" line="95"/>
        <source>Seekers</source>
        <translation>求职者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="96"/>
        <source>Matches</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="97"/>
        <source>Postings</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="98"/>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="99"/>
        <source>Referrals</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="100"/>
        <source>Retention</source>
        <translation>稳岗回访</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="101"/>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="105"/>
        <location filename="../../console/presenters/employment.py" line="233"/>
        <source>Employment</source>
        <translation>就业服务</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="190"/>
        <source>Could not read the job seekers</source>
        <translation>无法读取求职者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="196"/>
        <source>Could not read the postings</source>
        <translation>无法读取岗位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="202"/>
        <source>Could not read the employers</source>
        <translation>无法读取用人单位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="208"/>
        <source>Could not read the referrals</source>
        <translation>无法读取推荐记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="215"/>
        <source>Could not read the follow-up calls</source>
        <translation>无法读取回访</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="222"/>
        <source>Could not read the figures</source>
        <translation>无法读取统计数据</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="247"/>
        <source>Only the first {n} are shown; the rest are not listed.</source>
        <translation>仅显示前 {n} 条，其余未列出。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="252"/>
        <source>{n} shown</source>
        <translation>显示 {n} 条</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="258"/>
        <source>Follow-up calls not yet made, due by {day}: {n}</source>
        <translation>{day} 前到期、尚未完成的回访：{n}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="265"/>
        <source>The employment service is run by the community stations (for their own community), supervisors and administrators.</source>
        <translation>就业服务由社区工作站（本社区）、值班长和管理员使用。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="278"/>
        <source>Not available to this role</source>
        <translation>当前角色不可使用</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="283"/>
        <source>No job seekers yet</source>
        <translation>暂无求职者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="285"/>
        <source>Register a resident who is looking for work. They are matched only once a consent to job matching is recorded for them (Residents).</source>
        <translation>登记正在找工作的居民。只有在&quot;居民&quot;中登记了就业匹配同意后才会进行匹配。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="291"/>
        <source>No matches shown</source>
        <translation>未显示匹配</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="292"/>
        <source>Pick a seeker on the Seekers tab and press Matches.</source>
        <translation>请在&quot;求职者&quot;标签页选择一人并点击&quot;匹配&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="295"/>
        <source>No postings</source>
        <translation>暂无岗位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="295"/>
        <source>Register an employer first, then its posts.</source>
        <translation>请先登记用人单位，再登记其岗位。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="299"/>
        <source>No employers</source>
        <translation>暂无用人单位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="300"/>
        <source>An employer takes referrals once it is verified (papers and premises).</source>
        <translation>用人单位经核验（证照与场所）后方可接收推荐。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="303"/>
        <source>No referrals</source>
        <translation>暂无推荐</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="303"/>
        <source>Refer a seeker from the Matches tab.</source>
        <translation>请在&quot;匹配&quot;标签页推荐求职者。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="307"/>
        <source>No follow-up calls due</source>
        <translation>暂无待做回访</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="308"/>
        <source>Each hire books two calls, three and six months on.</source>
        <translation>每次录用后安排两次回访：三个月和六个月后。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="336"/>
        <source>an employer with this credit code is registered already</source>
        <translation>该信用代码的用人单位已登记</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="346"/>
        <source>Not saved: {why}</source>
        <translation>未保存：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="361"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="442"/>
        <source>Could not search the residents</source>
        <translation>未能查找居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="452"/>
        <source>Could not save the seeker</source>
        <translation>无法保存求职者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="481"/>
        <source>Could not add the course</source>
        <translation>未能添加培训课程</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="491"/>
        <source>Could not mark the course completed</source>
        <translation>未能标记课程已完成</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="527"/>
        <source>{name} has no consent to job matching in force: not matched and not referred. Record a jobs consent in Residents first.</source>
        <translation>{name} 没有有效的就业匹配同意：不进行匹配，也不推荐。请先在&quot;居民&quot;中登记就业同意。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="530"/>
        <source>No consent to job matching</source>
        <translation>没有就业匹配同意</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="532"/>
        <source>{name}: {n} matching open postings, best first</source>
        <translation>{name}：{n} 个匹配的在招岗位，最合适的在前</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="537"/>
        <source>No matching posting</source>
        <translation>没有匹配的岗位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="538"/>
        <source>No open posting fits this seeker&apos;s hours, shift, place and needs.</source>
        <translation>没有在招岗位符合该求职者的工时、班次、地点和需求。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="549"/>
        <location filename="../../console/presenters/employment.py" line="582"/>
        <source>Could not read the matches</source>
        <translation>无法读取匹配</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="562"/>
        <source>“{title}”: {n} matching seekers with consent, best first</source>
        <translation>“{title}”：{n} 名已同意匹配的求职者符合，按匹配度排序</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="568"/>
        <source>No matching seeker</source>
        <translation>没有符合的求职者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="570"/>
        <source>No consenting seeker fits this posting, or it takes no referrals (not open, or its employer is not verified).</source>
        <translation>没有已同意匹配的求职者符合此岗位，或此岗位不接受推荐（未开放，或用人单位未核验）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="597"/>
        <source>Could not refer the seeker</source>
        <translation>无法推荐该求职者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="602"/>
        <source>Refer to a posting</source>
        <translation>推荐到岗位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="604"/>
        <source>Refer {seeker} to “{title}” at {employer}? You approve the referral as the counsellor.</source>
        <translation>将 {seeker} 推荐到 {employer} 的&quot;{title}&quot;岗位？您将作为就业指导员批准此次推荐。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="628"/>
        <source>Register the employer first (Employers tab).</source>
        <translation>请先登记用人单位（&quot;用人单位&quot;标签页）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="640"/>
        <source>Could not save the posting</source>
        <translation>无法保存岗位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="653"/>
        <source>Could not change the posting</source>
        <translation>无法更改岗位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="683"/>
        <source>Could not save the employer</source>
        <translation>无法保存用人单位</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="701"/>
        <source>Could not record the visit</source>
        <translation>无法登记走访</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="719"/>
        <source>Could not move the referral on</source>
        <translation>无法推进推荐</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="728"/>
        <source>Hired</source>
        <translation>已录用</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="730"/>
        <source>Record that the seeker of referral {id} has started work? This cannot be undone; follow-up calls at 3 and 6 months are booked.</source>
        <translation>记录推荐 {id} 的求职者已入职？此操作无法撤回；将预约 3 个月和 6 个月的稳岗回访。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="748"/>
        <source>Could not record the refusal</source>
        <translation>无法登记拒绝</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="766"/>
        <source>Could not record the confirmation</source>
        <translation>无法登记确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="785"/>
        <source>Could not record the call</source>
        <translation>无法登记回访</translation>
    </message>
</context>
<context>
    <name>EvidenceExportDialog</name>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="183"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="191"/>
        <source>Exporting… {done} of {total} MB</source>
        <translation>正在导出… {done} / {total} MB</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="212"/>
        <source>Export video evidence</source>
        <translation>导出视频证据</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="215"/>
        <source>The original recordings are copied without re-encoding, with a manifest of their SHA-256 hashes and a verifier that needs only Python. Your name, the workstation, the reason and the manifest&apos;s hash go into the audit log.</source>
        <translation>原始录像不经重新编码直接复制，附带各文件 SHA-256 清单和只需 Python 即可运行的校验程序。您的姓名、工作站、事由和清单哈希将写入审计日志。</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="220"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="222"/>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="223"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="224"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="225"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="226"/>
        <source>Write into</source>
        <translation>写入文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="227"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="231"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="234"/>
        <source>Why the video leaves the console ({n}+ characters)</source>
        <translation>视频导出的事由（至少 {n} 个字）</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="237"/>
        <source>Optional for a supervisor</source>
        <translation>值班长可不填</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="238"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="239"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="239"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="251"/>
        <source>Tick at least one camera.</source>
        <translation>请至少勾选一台摄像机。</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="253"/>
        <source>The end must come after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="255"/>
        <source>Export at most 24 hours at a time.</source>
        <translation>每次最多导出 24 小时。</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="257"/>
        <source>Choose where to write the bundle.</source>
        <translation>请选择证据包的写入位置。</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="259"/>
        <source>Give a reason.</source>
        <translation>请填写事由。</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="291"/>
        <source>Write the bundle into</source>
        <translation>证据包写入</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../widgets/export_dialog.py" line="96"/>
        <source>Export {what}</source>
        <translation>导出{what}</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="99"/>
        <source>The file will contain personal data. Your name, the time and the reason are written into the file and into the audit log; only you can read the file.</source>
        <translation>文件将包含个人信息。您的姓名、时间和理由会写入文件和审计日志；只有您能读取该文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="103"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="105"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="105"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="105"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="111"/>
        <source>UTF-8 with BOM (Excel 2016 and later)</source>
        <translation>带 BOM 的 UTF-8（Excel 2016 及更新版本）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="114"/>
        <source>GBK (Excel on Chinese Windows, double-click)</source>
        <translation>GBK（中文 Windows 上的 Excel，可直接双击打开）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="119"/>
        <source>Why the data leaves the console ({n}+ characters)</source>
        <translation>数据为何要导出（至少 {n} 个字）</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="135"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="137"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>FailDialog</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="138"/>
        <source>Delivery failed — order {id}</source>
        <translation>配送失败 — 订单 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="147"/>
        <source>The resident lives alone: nobody at the door raises a welfare check in the incident queue.</source>
        <translation>该居民独居：上门无人应答将在事件队列中生成上门探视。</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="156"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="157"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../console/feedback.py" line="53"/>
        <source>your role does not allow this</source>
        <translation>您的角色无此权限</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="56"/>
        <source>you resolved this incident yourself: another supervisor must review and close it</source>
        <translation>此事件由您本人处置，须由另一位值班长审核关闭</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="59"/>
        <source>the incident&apos;s current state does not allow this change</source>
        <translation>事件当前状态不允许此操作</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="61"/>
        <source>the item no longer exists (another workstation may have changed it)</source>
        <translation>该记录已不存在（可能已被其他工作站修改）</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="67"/>
        <source>{what}: your role does not allow this.</source>
        <translation>{what}：您的角色无此权限。</translation>
    </message>
</context>
<context>
    <name>FeedbackFiling</name>
    <message>
        <location filename="../../console/feedback_filing.py" line="43"/>
        <source>Could not read departments</source>
        <translation>无法读取部门</translation>
    </message>
    <message>
        <location filename="../../console/feedback_filing.py" line="53"/>
        <source>Feedback ticket No. {id} filed</source>
        <translation>已登记诉求工单 {id} 号</translation>
    </message>
    <message>
        <location filename="../../console/feedback_filing.py" line="55"/>
        <source>Could not file the ticket</source>
        <translation>无法登记工单</translation>
    </message>
</context>
<context>
    <name>FeedbackLabels</name>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="41"/>
        <source>Public safety</source>
        <translation>治安</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="42"/>
        <source>Noise</source>
        <translation>噪音扰民</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="43"/>
        <source>Environment and sanitation</source>
        <translation>环境卫生</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="44"/>
        <source>Property management</source>
        <translation>物业管理</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="45"/>
        <source>Public services</source>
        <translation>民生服务</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="46"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="47"/>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="48"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="55"/>
        <source>Open</source>
        <translation>待办理</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="56"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="57"/>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="58"/>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="65"/>
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="66"/>
        <source>Phone call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="67"/>
        <source>Survey answer</source>
        <translation>问卷意见</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="68"/>
        <source>Station visit</source>
        <translation>工作站来访</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="75"/>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="76"/>
        <source>Printed slip</source>
        <translation>回复单</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="83"/>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="84"/>
        <source>Resolution</source>
        <translation>办结</translation>
    </message>
</context>
<context>
    <name>FeedbackPane</name>
    <message>
        <location filename="../../widgets/feedback.py" line="601"/>
        <source>{shown} of {total} tickets shown</source>
        <translation>显示 {shown} / {total} 件</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="615"/>
        <source>(round {round}, question {question})</source>
        <translation>（轮次 {round}，题目 {question}）</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="638"/>
        <source>Select a ticket to see what was said and done.</source>
        <translation>选择一件诉求，查看诉求内容和办理经过。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="641"/>
        <source>No. {id} · {state} · {category}</source>
        <translation>第 {id} 号 · {state} · {category}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="644"/>
        <source>Community: {c} · Department: {d}</source>
        <translation>社区：{c} · 承办部门：{d}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="648"/>
        <source>Source: {s} {ref}</source>
        <translation>来源：{s} {ref}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="649"/>
        <source>Contact: {who}</source>
        <translation>联系方式：{who}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="661"/>
        <source>First response due {a} · resolution due {b}</source>
        <translation>首次响应时限 {a} · 办结时限 {b}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="670"/>
        <source>Last reply ({how}): {text}</source>
        <translation>最近答复（{how}）：{text}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="678"/>
        <source>the clock</source>
        <translation>系统计时</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="680"/>
        <source>opened</source>
        <translation>立件</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="681"/>
        <source>given to {v}</source>
        <translation>转派 {v}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="682"/>
        <source>answered ({v})</source>
        <translation>答复（{v}）</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="683"/>
        <source>resolved</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="684"/>
        <source>rated {v}/5</source>
        <translation>评价 {v}/5</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="685"/>
        <source>reopened</source>
        <translation>重新办理</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="686"/>
        <source>overdue: {v}</source>
        <translation>超时：{v}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="709"/>
        <source>Unresolved</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="709"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="714"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="719"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="725"/>
        <source>Tickets</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="726"/>
        <source>Monthly rates</source>
        <translation>月度三率</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="729"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="729"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="729"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="734"/>
        <source>New ticket…</source>
        <translation>新建诉求…</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="735"/>
        <source>Reply…</source>
        <translation>答复…</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="736"/>
        <source>Resolve…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="737"/>
        <source>Rating…</source>
        <translation>评价…</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="738"/>
        <source>Reopen…</source>
        <translation>重新办理…</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="739"/>
        <source>Reassign…</source>
        <translation>转派…</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="740"/>
        <source>Show contact</source>
        <translation>显示联系方式</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="744"/>
        <source>{action} ({key})</source>
        <translation>{action}（{key}）</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="746"/>
        <source>History</source>
        <translation>办理经过</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="747"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="750"/>
        <source>Over the tickets opened in the month. Response rate: answered by the first-response deadline, of those whose deadline has passed or that were answered. Resolution rate: resolved, of all. Satisfaction rate: rated 4 or 5, of those rated.</source>
        <translation>按当月受理的诉求统计。响应率：在首次响应时限内答复的件数 ÷ 已到响应时限或已答复的件数。解决率：已办结件数 ÷ 全部件数。满意率：评价为 4 或 5 分的件数 ÷ 已评价件数。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="758"/>
        <source>No feedback tickets</source>
        <translation>暂无诉求</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="760"/>
        <source>Comments, complaints and requests from calls, station visits, survey answers and walk-ins appear here with their deadlines. New ticket… files one.</source>
        <translation>来电、工作站来访、问卷意见和来访的意见、投诉和求助会连同办理时限显示在这里。点“新建诉求…”登记一件。</translation>
    </message>
</context>
<context>
    <name>FeedbackPresenter</name>
    <message>
        <location filename="../../console/presenters/feedback.py" line="80"/>
        <source>Feedback</source>
        <translation>接诉即办</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="92"/>
        <source>New feedback ticket…</source>
        <translation>新建诉求…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="124"/>
        <source>Could not read the communities</source>
        <translation>无法读取社区</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="180"/>
        <location filename="../../console/presenters/feedback.py" line="258"/>
        <source>Could not read the feedback tickets</source>
        <translation>无法读取诉求</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="207"/>
        <source>Could not compute the monthly rates</source>
        <translation>无法计算月度三率</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="221"/>
        <source>Could not read the overdue tickets</source>
        <translation>无法读取超时诉求</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="284"/>
        <source>Could not read the ticket&apos;s history</source>
        <translation>无法读取诉求的办理经过</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="318"/>
        <source>Feedback ticket No. {id} filed</source>
        <translation>第 {id} 号诉求已登记</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="325"/>
        <source>Could not file the ticket</source>
        <translation>无法登记诉求</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="345"/>
        <source>Record the rating</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="347"/>
        <source>Record {n}/5 as the resident&apos;s rating of ticket No. {id}? A rating is recorded once and counts in the month&apos;s satisfaction rate.</source>
        <translation>将 {n}/5 记为居民对第 {id} 号诉求的评价？评价只记录一次，并计入当月满意率。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="388"/>
        <source>Could not update the ticket</source>
        <translation>无法更新诉求</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="409"/>
        <source>Could not show the contact</source>
        <translation>无法显示联系方式</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="416"/>
        <source>Save the reply slip</source>
        <translation>保存答复单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="432"/>
        <source>at your community station, or by phone to the street office</source>
        <translation>到所在社区工作站，或致电街道办事处</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="460"/>
        <source>Reply slip saved to {path}</source>
        <translation>答复单已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="462"/>
        <source>Could not save the reply slip</source>
        <translation>无法保存答复单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="490"/>
        <source>Overdue ticket check failed</source>
        <translation>超时诉求检查失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="494"/>
        <source>Feedback ticket No. {id} overdue ({community}, {category}): {what}</source>
        <translation>第 {id} 号诉求超时（{community}，{category}）：{what}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="509"/>
        <source>no first response in time</source>
        <translation>未按时首次响应</translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="510"/>
        <source>not resolved in time</source>
        <translation>未按时办结</translation>
    </message>
</context>
<context>
    <name>FeedbackSlip</name>
    <message>
        <location filename="../../console/feedback_slip.py" line="44"/>
        <source>Reply to your feedback</source>
        <translation>诉求答复单</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="45"/>
        <source>Ticket No.</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="46"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="47"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="48"/>
        <source>Handled by</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="49"/>
        <source>Filed on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="50"/>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="51"/>
        <source>Your feedback</source>
        <translation>您反映的问题</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="52"/>
        <source>Our reply</source>
        <translation>我们的答复</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="53"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="54"/>
        <source>How satisfied are you with the outcome? Tell us a number from 1 (not at all) to 5 (very): {how}. Quote the ticket number.</source>
        <translation>您对办理结果满意吗？请告诉我们 1（很不满意）到 5（非常满意）之间的一个数字：{how}。请说明工单编号。</translation>
    </message>
</context>
<context>
    <name>FeedbackTicketDialog</name>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="264"/>
        <source>There is no community to file the ticket under.</source>
        <translation>没有可登记该工单的社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="266"/>
        <source>Choose the category: it decides the department and the deadlines.</source>
        <translation>请选择类别：类别决定承办部门和办理时限。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="268"/>
        <source>Enter what the resident said.</source>
        <translation>请填写居民反映的内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="270"/>
        <source>What the resident said is longer than {n} characters.</source>
        <translation>居民反映的内容超过 {n} 个字。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="276"/>
        <source>Enter a phone for the reply or a contact name: without one the ticket cannot be answered.</source>
        <translation>请填写回复电话或联系人：否则该工单无法答复。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="282"/>
        <source>Enter the survey round and the question.</source>
        <translation>请填写调查轮次和题目。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="284"/>
        <source>A call&apos;s ticket is filed from the Calls pane.</source>
        <translation>来电工单请在“来电”窗格中登记。</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="142"/>
        <source>Discard the ticket?</source>
        <translation>放弃该工单？</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="143"/>
        <source>What you typed has not been filed. Discard it?</source>
        <translation>已输入的内容尚未登记。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="144"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="145"/>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="355"/>
        <source>New feedback ticket</source>
        <translation>新建诉求</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="357"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="358"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="359"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="360"/>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="361"/>
        <source>What the resident said</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="362"/>
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="363"/>
        <source>Phone for the reply</source>
        <translation>回复电话</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="364"/>
        <source>Survey round</source>
        <translation>问卷轮次</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="365"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="374"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="378"/>
        <source>The category&apos;s department</source>
        <translation>按类别默认部门</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="383"/>
        <source>The category sets the deadlines: a first response within hours, the resolution within working days. A phone number is kept for the reply only; feedback from an anonymous survey is never linked to the resident.</source>
        <translation>类别决定办理时限：首次响应以小时计，办结以工作日计。电话号码只用于答复；匿名问卷中的意见不会与居民关联。</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="266"/>
        <source>Set up this PC</source>
        <translation>设置本机</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="270"/>
        <source>This console starts here for the first time. Say what this PC is, where its database is, and which devices it runs.</source>
        <translation>总控台首次在本机启动。请选择本机的角色、数据库位置以及本机运行的设备。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="276"/>
        <source>Check this PC&apos;s setup; the console starts with it once it is saved.</source>
        <translation>请核对本机设置；保存后总控台即按此设置启动。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="281"/>
        <source>Changes apply at the next start of the console on this PC. They are recorded in the audit log.</source>
        <translation>更改在本机下次启动总控台时生效，并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="285"/>
        <source>This PC</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="286"/>
        <source>&amp;Control-room workstation</source>
        <translation>指挥中心工作站(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="287"/>
        <source>Communit&amp;y station</source>
        <translation>社区工作站(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="288"/>
        <source>&amp;Workstation:</source>
        <translation>工作站(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="289"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="290"/>
        <source>&amp;Embedded file on this PC (a single workstation)</source>
        <translation>本机内置数据库文件（单工作站）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="291"/>
        <source>Shared &amp;PostgreSQL server</source>
        <translation>共享 PostgreSQL 服务器(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="293"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="294"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="295"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="296"/>
        <source>Data&amp;base:</source>
        <translation>数据库名(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="297"/>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="298"/>
        <source>Passwo&amp;rd:</source>
        <translation>密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="303"/>
        <source>Leave empty for the default file.</source>
        <translation>留空则使用默认文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="305"/>
        <source>(kept: leave empty)</source>
        <translation>（已保存：留空即可）</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="307"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="308"/>
        <source>Devices run by this PC</source>
        <translation>本机运行的设备</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="311"/>
        <source>The site file gives these devices to the chosen workstation. Untick those that another PC runs.</source>
        <translation>站点文件将以下设备分配给所选工作站。由其他电脑运行的设备请取消勾选。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="315"/>
        <source>Saved for this user in: {path}</source>
        <translation>为当前用户保存在：{path}</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="316"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="317"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="364"/>
        <source>Reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="364"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="368"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="464"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="502"/>
        <source>Connection works: the database is ready.</source>
        <translation>连接成功：数据库已就绪。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="504"/>
        <source>The file does not exist yet: it is created at the first start.</source>
        <translation>文件尚不存在：将在首次启动时创建。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="508"/>
        <source>The database is from an older version: it is updated at start.</source>
        <translation>数据库来自旧版本：将在启动时升级。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="512"/>
        <source>The database is not set up for this version.</source>
        <translation>数据库尚未为本版本初始化。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="513"/>
        <source>Its owner must run `console migrate` on it first.</source>
        <translation>请数据库所有者先对其运行 `console migrate`。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="516"/>
        <source>The database server cannot be reached.</source>
        <translation>无法连接数据库服务器。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="517"/>
        <source>Check the host and port, the network, and that the server runs.</source>
        <translation>请检查主机和端口、网络以及服务器是否在运行。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="520"/>
        <source>The server refused the user name or password.</source>
        <translation>服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="521"/>
        <source>Check both and test again.</source>
        <translation>请检查两者后重新测试。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="524"/>
        <source>The server has no database of that name.</source>
        <translation>服务器上没有该名称的数据库。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="525"/>
        <source>Check the database name.</source>
        <translation>请检查数据库名。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="528"/>
        <source>The database is newer than this console.</source>
        <translation>数据库版本比本总控台新。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="529"/>
        <source>Install the newer console on this PC.</source>
        <translation>请在本机安装较新版本的总控台。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="532"/>
        <source>This is not a console database.</source>
        <translation>这不是总控台数据库。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="533"/>
        <source>It was not changed. Check the address.</source>
        <translation>数据库未被更改。请检查地址。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="536"/>
        <source>The database file is damaged.</source>
        <translation>数据库文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="537"/>
        <source>Restore it from a backup or choose another file.</source>
        <translation>请从备份恢复，或选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="540"/>
        <source>The database is in use by another program.</source>
        <translation>数据库正被其他程序使用。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="541"/>
        <source>Close it and test again.</source>
        <translation>请关闭该程序后重新测试。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="544"/>
        <source>The database setting is not valid.</source>
        <translation>数据库设置无效。</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="545"/>
        <source>Check the values typed.</source>
        <translation>请检查输入的内容。</translation>
    </message>
</context>
<context>
    <name>FormEditorWidget</name>
    <message>
        <location filename="../../widgets/survey_editor.py" line="672"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="672"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="725"/>
        <source>Cannot read {file}: {why}</source>
        <translation>无法读取 {file}：{why}</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="751"/>
        <source>{file}, line {line}, column {column}: {why}</source>
        <translation>{file}，第 {line} 行第 {column} 列：{why}</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="768"/>
        <location filename="../../widgets/survey_editor.py" line="852"/>
        <source>(no text)</source>
        <translation>（无题目）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="799"/>
        <source>Problems ({n}): double-click one to go to its question</source>
        <translation>问题（{n}）：双击跳到对应题目</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="801"/>
        <source>No problems: the form can be published.</source>
        <translation>没有问题：问卷可以发布。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="803"/>
        <source>Add a question (Insert) to begin.</source>
        <translation>按 Insert 添加第一道题。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="811"/>
        <source>Read only: your role may not author forms.</source>
        <translation>只读：您的角色不能编写问卷。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="814"/>
        <source>Version {v} is published and frozen: your changes will be saved as version {n}.</source>
        <translation>第 {v} 版已发布并冻结：您的修改将保存为第 {n} 版。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="818"/>
        <source>Version {v} is published and frozen; editing it makes version {n}.</source>
        <translation>第 {v} 版已发布并冻结；修改后将成为第 {n} 版。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="821"/>
        <source>Draft version {v}, saved.</source>
        <translation>第 {v} 版草稿，已保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="823"/>
        <source>Draft version {v}, not saved.</source>
        <translation>第 {v} 版草稿，未保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="888"/>
        <source>source</source>
        <translation>源文件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="972"/>
        <source>Give the form a code before saving.</source>
        <translation>保存前请填写问卷代码。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="992"/>
        <source>Import a survey form</source>
        <translation>导入问卷</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="994"/>
        <location filename="../../widgets/survey_editor.py" line="1009"/>
        <source>Survey forms (*.toml)</source>
        <translation>问卷文件 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1007"/>
        <source>Export the survey form</source>
        <translation>导出问卷</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1017"/>
        <source>No forms yet. New form or Import… starts one.</source>
        <translation>还没有问卷。点“新建问卷”或“导入…”开始。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1019"/>
        <source>No forms yet. An administrator writes them.</source>
        <translation>还没有问卷。问卷由管理员编写。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1026"/>
        <source>New form</source>
        <translation>新建问卷</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1027"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1028"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1029"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1030"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1033"/>
        <source>Add a question (Insert)</source>
        <translation>添加题目 (Insert)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1034"/>
        <source>Remove the question (Delete)</source>
        <translation>删除题目 (Delete)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1035"/>
        <source>Move the question up (Ctrl+↑)</source>
        <translation>上移题目 (Ctrl+↑)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1036"/>
        <source>Move the question down (Ctrl+↓)</source>
        <translation>下移题目 (Ctrl+↓)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1043"/>
        <source>Computed values: a name and an expression over earlier answers, usable in later conditions (e.g. score = q1 + q2).</source>
        <translation>计算值：由名称和基于前面答案的表达式组成，可用于后面的条件（例如 score = q1 + q2）。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1047"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1047"/>
        <source>Expression</source>
        <translation>表达式</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1048"/>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1049"/>
        <source>Computed values</source>
        <translation>计算值</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1050"/>
        <source>TOML source</source>
        <translation>TOML 源文件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1051"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1052"/>
        <source>Restart preview</source>
        <translation>重新预览</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1053"/>
        <source>Save draft (Ctrl+S)</source>
        <translation>保存草稿 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1054"/>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
</context>
<context>
    <name>FormListModel</name>
    <message>
        <location filename="../../widgets/survey_editor.py" line="65"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="66"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="67"/>
        <source>Versions</source>
        <translation>版本数</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="68"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="76"/>
        <source>v{p} published, v{n} draft</source>
        <translation>v{p} 已发布，v{n} 草稿</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="78"/>
        <source>v{n} draft</source>
        <translation>v{n} 草稿</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="79"/>
        <source>v{n} published</source>
        <translation>v{n} 已发布</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../widgets/handover.py" line="95"/>
        <source>shift handover</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="109"/>
        <source>Signing the audit checkpoint, making the PDF, storing…</source>
        <translation>正在签署审计检查点、生成 PDF 并保存……</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="117"/>
        <source>Handed over. The report is saved as {path}</source>
        <translation>已交班。报告已保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="120"/>
        <source>No audit signing key on this workstation: the chain head is printed unsigned.</source>
        <translation>本工作站没有审计签名密钥：链头哈希以未签名形式打印。</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="131"/>
        <source>Not handed over: {why}</source>
        <translation>未能交班：{why}</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="145"/>
        <source>Shift: {start} – {end}</source>
        <translation>班次：{start} – {end}</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="148"/>
        <source>Open items: {n}   SLA misses in this shift: {m}</source>
        <translation>未结事件：{n}   本班超时：{m}</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="159"/>
        <source>… and {n} more in the PDF</source>
        <translation>……另有 {n} 条见 PDF</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="161"/>
        <source>Raised in this shift: {n}</source>
        <translation>本班新增：{n}</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="173"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="176"/>
        <source>This shift</source>
        <translation>本班概况</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="176"/>
        <source>&amp;Notes for the next shift</source>
        <translation>给下一班的留言(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="176"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="181"/>
        <source>Why the report leaves the console ({n}+ characters)</source>
        <translation>报告导出的事由（至少 {n} 个字）</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="184"/>
        <source>What the next shift must know: open matters, calls to return, faults</source>
        <translation>下一班须知：未结事项、待回电、设备故障</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="186"/>
        <source>&amp;Hand over</source>
        <translation>交班(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="187"/>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="188"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="202"/>
        <source>{n} / {max} characters</source>
        <translation>{n} / {max} 字</translation>
    </message>
</context>
<context>
    <name>HandoverPresenter</name>
    <message>
        <location filename="../../console/presenters/handover.py" line="72"/>
        <source>Shift handover…</source>
        <translation>交接班…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="125"/>
        <source>Could not read the shift</source>
        <translation>无法读取本班情况</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="191"/>
        <source>Shift handed over; report saved as {path}</source>
        <translation>已交班；报告保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="199"/>
        <source>Shift handover failed</source>
        <translation>交班失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="201"/>
        <source>give a reason of 4 or more characters and notes of at most 4000</source>
        <translation>请填写至少 4 个字的事由，留言不超过 4000 字</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="224"/>
        <source>Could not read pending handovers</source>
        <translation>无法读取待确认的交班</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="254"/>
        <source>Handover from {who} pending</source>
        <translation>{who} 的交班待确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="267"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="268"/>
        <source>The report is not on this workstation: {path}</source>
        <translation>报告不在本工作站上：{path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="288"/>
        <source>Handover acknowledged</source>
        <translation>已确认接班</translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="293"/>
        <source>Could not acknowledge the handover</source>
        <translation>无法确认接班</translation>
    </message>
</context>
<context>
    <name>HandoverReport</name>
    <message>
        <location filename="../../console/handover_pdf.py" line="52"/>
        <source>Shift handover report</source>
        <translation>交接班报告</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="53"/>
        <source>Site</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="54"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="55"/>
        <source>Outgoing operator</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="56"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="57"/>
        <source>Open items</source>
        <translation>未结事件</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="58"/>
        <source>{n} more open items are not listed; see the queue.</source>
        <translation>另有 {n} 条未结事件未列出，请查看事件队列。</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="61"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="62"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="63"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="64"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="65"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="66"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="67"/>
        <source>Age</source>
        <translation>已持续</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="68"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="69"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="70"/>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="71"/>
        <source>SLA misses in this shift</source>
        <translation>本班超时（SLA）</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="72"/>
        <source>Target</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="73"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="74"/>
        <source>Met</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="75"/>
        <source>Late by</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="76"/>
        <source>not met</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="77"/>
        <source>acknowledge</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="78"/>
        <source>resolve</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="79"/>
        <source>dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="80"/>
        <source>Incidents by type</source>
        <translation>按类型统计</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="81"/>
        <source>Incidents by community</source>
        <translation>按社区统计</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="82"/>
        <source>Raised in shift</source>
        <translation>本班新增</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="83"/>
        <source>Open at handover</source>
        <translation>交班时未结</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="84"/>
        <source>Notes of the outgoing operator</source>
        <translation>交班人留言</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="85"/>
        <source>Audit chain at handover</source>
        <translation>交班时的审计链</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="86"/>
        <source>Chain head hash</source>
        <translation>链头哈希</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="87"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="88"/>
        <source>Signed checkpoint file</source>
        <translation>签名检查点文件</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="89"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="90"/>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="91"/>
        <source>Not signed: this workstation holds no audit signing key.</source>
        <translation>未签名：本工作站没有审计签名密钥。</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="94"/>
        <source>Acknowledged by the incoming operator: name, time, signature</source>
        <translation>接班人确认：姓名、时间、签字</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="133"/>
        <source>{who} · {when} · {ws} · page {page}/{pages} · {notice}</source>
        <translation>{who} · {when} · {ws} · 第 {page}/{pages} 页 · {notice}</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="136"/>
        <source>Contains personal information — handle per policy</source>
        <translation>含个人信息——请按规定处理</translation>
    </message>
</context>
<context>
    <name>HeadsetBar</name>
    <message>
        <location filename="../../widgets/calls.py" line="537"/>
        <location filename="../../widgets/calls.py" line="563"/>
        <location filename="../../widgets/calls.py" line="564"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="541"/>
        <source>{name} (not found)</source>
        <translation>{name}（未找到）</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="556"/>
        <source>Headset</source>
        <translation>耳麦</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="557"/>
        <source>Ringer</source>
        <translation>振铃设备</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="558"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="559"/>
        <source>Call volume in the headset</source>
        <translation>耳麦通话音量</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="560"/>
        <source>Microphone level: it moves when you speak</source>
        <translation>话筒音量：说话时指示条会跳动</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="561"/>
        <source>Unmute mic</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="561"/>
        <source>Mute mic</source>
        <translation>话筒静音</translation>
    </message>
</context>
<context>
    <name>HealthCertificateDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="297"/>
        <source>Health certificate of {name}</source>
        <translation>{name}的健康证</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="301"/>
        <source>Health certificate No.</source>
        <translation>健康证号</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="302"/>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="305"/>
        <source>The certificate number is needed.</source>
        <translation>需要填写健康证号。</translation>
    </message>
</context>
<context>
    <name>HelpPresenter</name>
    <message>
        <location filename="../../console/presenters/help.py" line="18"/>
        <location filename="../../console/presenters/help.py" line="30"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="21"/>
        <location filename="../../console/presenters/help.py" line="35"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="25"/>
        <source>Open the selected incident</source>
        <translation>打开选中的事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="36"/>
        <source>Street Command Console
Command system of {site}</source>
        <translation>街道智能总控台
{site}指挥系统</translation>
    </message>
</context>
<context>
    <name>HistoryPresenter</name>
    <message>
        <location filename="../../console/presenters/history.py" line="90"/>
        <location filename="../../console/presenters/history.py" line="125"/>
        <location filename="../../console/presenters/history.py" line="204"/>
        <source>Could not load the incident history</source>
        <translation>无法加载事件历史</translation>
    </message>
    <message>
        <location filename="../../console/presenters/history.py" line="172"/>
        <source>Could not search the incident history</source>
        <translation>无法搜索事件历史</translation>
    </message>
</context>
<context>
    <name>HistorySearchWidget</name>
    <message>
        <location filename="../../widgets/incident_history.py" line="41"/>
        <source>More than {n} incidents match</source>
        <translation>超过 {n} 起事件符合条件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="43"/>
        <source>{n} incidents match</source>
        <translation>{n} 起事件符合条件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="46"/>
        <source> — showing {shown}; scroll down for more</source>
        <translation> — 已显示 {shown} 起，向下滚动查看更多</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="292"/>
        <source>Type at least {n} letters or digits (or an incident number).</source>
        <translation>请至少输入 {n} 个字或数字（或事件编号）。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="296"/>
        <source>Type at least {n} digits of the phone number.</source>
        <translation>请至少输入电话号码中的 {n} 位数字。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="298"/>
        <source>The date range ends before it starts.</source>
        <translation>日期范围的结束早于开始。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="299"/>
        <source>The search is too long.</source>
        <translation>搜索内容过长。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="347"/>
        <source>No incidents yet</source>
        <translation>暂无事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="348"/>
        <source>Every incident, open or closed, is listed here newest first.</source>
        <translation>所有事件（无论是否已结）按时间倒序列在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="353"/>
        <source>No incidents match “{what}”</source>
        <translation>没有与“{what}”匹配的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="355"/>
        <source>No incidents match these filters</source>
        <translation>没有符合这些筛选条件的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="361"/>
        <source>Check the spelling, widen the dates or choose another community, type or source. Esc clears the search.</source>
        <translation>请检查输入，放宽日期范围，或选择其他社区、类型或来源。按 Esc 清除搜索。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="369"/>
        <source>Number, name, address or text (Ctrl+F) — Enter searches, Esc clears</source>
        <translation>编号、姓名、地址或文字（Ctrl+F）— 回车搜索，Esc 清除</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="371"/>
        <source>Phone digits</source>
        <translation>电话号码（数字）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="372"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="373"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="380"/>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="381"/>
        <source>Reported on or after</source>
        <translation>上报日期不早于</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="382"/>
        <source>Reported on or before</source>
        <translation>上报日期不晚于</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="387"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="388"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="389"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
</context>
<context>
    <name>HoldReasonDialog</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="452"/>
        <source>Give a reason of at least {n} characters.</source>
        <translation>原因至少 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="462"/>
        <source>Legal hold</source>
        <translation>法律保全</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="464"/>
        <source>Why is this incident held? Retention will not anonymise it while held.</source>
        <translation>为何保全此事件？保全期间留存任务不会将其匿名化。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="466"/>
        <source>Set hold</source>
        <translation>设置保全</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="468"/>
        <source>Lift legal hold</source>
        <translation>解除法律保全</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="469"/>
        <source>Why is the hold lifted?</source>
        <translation>为何解除保全？</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="470"/>
        <source>Lift hold…</source>
        <translation>解除保全…</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="471"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HoursLabels</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="65"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="66"/>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="67"/>
        <location filename="../../widgets/volunteer_hours.py" line="477"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="68"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="69"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="76"/>
        <source>At the door</source>
        <translation>上门当面</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="77"/>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="78"/>
        <source>At the station</source>
        <translation>在工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="86"/>
        <source>Station {code}</source>
        <translation>工作站 {code}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="88"/>
        <source>Door of resident {id}</source>
        <translation>居民 {id} 家门口</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="95"/>
        <location filename="../../widgets/volunteer_hours.py" line="449"/>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="96"/>
        <location filename="../../widgets/volunteer_hours.py" line="454"/>
        <source>Check-out</source>
        <translation>签退</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="97"/>
        <location filename="../../widgets/volunteer_hours.py" line="459"/>
        <source>Travel (min)</source>
        <translation>路途（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="98"/>
        <location filename="../../widgets/volunteer_hours.py" line="444"/>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="423"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="429"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="434"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="439"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="464"/>
        <source>Service time</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="469"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="482"/>
        <source>Needed</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="490"/>
        <source>Approved by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="495"/>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="585"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="590"/>
        <source>By</source>
        <translation>更正人</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="595"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="600"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="605"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="610"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>HoursModel</name>
    <message>
        <location filename="../../widgets/certificates.py" line="144"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="145"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="149"/>
        <source>Total hours</source>
        <translation>合计（小时）</translation>
    </message>
</context>
<context>
    <name>HoursPresenter</name>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="34"/>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="35"/>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="54"/>
        <source>Could not read the communities</source>
        <translation>无法读取社区列表</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="88"/>
        <source>Could not read the volunteers&apos; hours</source>
        <translation>无法读取志愿者服务时长</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="115"/>
        <source>Could not read the corrections</source>
        <translation>无法读取更正记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="138"/>
        <source>Could not record the confirmation</source>
        <translation>无法登记确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="147"/>
        <source>Could not approve the hours</source>
        <translation>无法审核服务时长</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="149"/>
        <source>Hours of record {id} approved</source>
        <translation>第 {id} 条服务时长已审核通过</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="157"/>
        <source>Could not reject the hours</source>
        <translation>无法驳回服务时长</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="159"/>
        <source>Hours of record {id} rejected</source>
        <translation>第 {id} 条服务时长已驳回</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="168"/>
        <source>Could not correct the hours</source>
        <translation>无法更正服务时长</translation>
    </message>
</context>
<context>
    <name>HoursWidget</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="630"/>
        <source>Waiting for approval</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="631"/>
        <source>Checked in now</source>
        <translation>正在服务</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="632"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="633"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="634"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="645"/>
        <source>Resident confirmed</source>
        <translation>服务对象已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="646"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="647"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="648"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="651"/>
        <source>Corrections (old value, new value, reason, who, when)</source>
        <translation>更正记录（原值、新值、原因、更正人、时间）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="678"/>
        <source>{n} shown</source>
        <translation>显示 {n} 条</translation>
    </message>
</context>
<context>
    <name>IncidentDetailDialog</name>
    <message>
        <location filename="../../widgets/incident_detail.py" line="251"/>
        <source>How did it end?</source>
        <translation>处置结果？</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="386"/>
        <source>Write the reason for reopening in the note.</source>
        <translation>请在备注中填写重新打开的原因。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="392"/>
        <source>Write what was done in the note before resolving.</source>
        <translation>请先在备注中写明处置情况。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="395"/>
        <source>Choose how it ended before resolving.</source>
        <translation>请先选择处置结果。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="413"/>
        <source>Incident #{id}</source>
        <translation>事件 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="418"/>
        <source>{state} · under legal hold: {reason}</source>
        <translation>{state} · 法律保全中：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="433"/>
        <location filename="../../widgets/incident_detail.py" line="508"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="437"/>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="442"/>
        <source>Taken over</source>
        <translation>已接管</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="444"/>
        <source>Legal hold set</source>
        <translation>已设置法律保全</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="446"/>
        <source>Legal hold lifted</source>
        <translation>已解除法律保全</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="448"/>
        <source>Attachment added</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="452"/>
        <source>Call linked</source>
        <translation>关联来电</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="454"/>
        <source>SLA breach</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="466"/>
        <source>from {name}</source>
        <translation>自 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="470"/>
        <source>Call record #{id}</source>
        <translation>来电记录 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="493"/>
        <source>Time to acknowledge exceeded</source>
        <translation>超过确认时限</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="494"/>
        <source>Time to dispatch exceeded</source>
        <translation>超过派遣时限</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="495"/>
        <source>Time to resolve exceeded</source>
        <translation>超过处置时限</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="502"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="503"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="504"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="505"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="506"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="507"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="509"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="510"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="515"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="515"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="515"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="515"/>
        <location filename="../../widgets/incident_detail.py" line="545"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="518"/>
        <source>Note for the timeline (required to resolve or reopen)</source>
        <translation>写入时间线的备注（处置完毕或重新打开时必填）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="520"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="521"/>
        <source>Dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="522"/>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="523"/>
        <source>Resolve</source>
        <translation>处置完毕</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="524"/>
        <source>Review and close</source>
        <translation>审核关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="525"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="526"/>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="531"/>
        <source>Close window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="538"/>
        <source>Rule hit again</source>
        <translation>规则再次触发</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="539"/>
        <source>Motion again</source>
        <translation>再次检测到移动</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="540"/>
        <source>Recorder problem</source>
        <translation>录像故障</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="541"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="542"/>
        <source>Evidence held</source>
        <translation>证据保全</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="543"/>
        <source>Evidence hold released</source>
        <translation>解除证据保全</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="544"/>
        <source>Evidence exported</source>
        <translation>证据已导出</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="546"/>
        <source>State changed</source>
        <translation>状态已更改</translation>
    </message>
</context>
<context>
    <name>IncidentDuplicates</name>
    <message>
        <location filename="../../console/presenters/incident_duplicates.py" line="207"/>
        <source>Merge incidents</source>
        <translation>合并事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_duplicates.py" line="209"/>
        <source>Merge #{merged} “{title}” into #{survivor}? #{merged} is closed and its timeline is joined to this one. This cannot be undone.</source>
        <translation>将 #{merged}“{title}”合并到 #{survivor}？#{merged} 将被关闭，其时间线并入本事件。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_duplicates.py" line="233"/>
        <source>#{merged} merged into #{survivor}.</source>
        <translation>#{merged} 已合并到 #{survivor}。</translation>
    </message>
</context>
<context>
    <name>IncidentEdit</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="45"/>
        <source>Priority changed</source>
        <translation>优先级已更改</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="46"/>
        <source>Type changed</source>
        <translation>类型已更改</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="47"/>
        <source>Location changed</source>
        <translation>地点已更改</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="48"/>
        <source>Title changed</source>
        <translation>标题已更改</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="407"/>
        <source>State changed</source>
        <translation>状态已更改</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="408"/>
        <source>Taken over</source>
        <translation>已接管</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="409"/>
        <source>Legal hold set</source>
        <translation>已设置法律保全</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="410"/>
        <source>Legal hold lifted</source>
        <translation>已解除法律保全</translation>
    </message>
</context>
<context>
    <name>IncidentEditDialog</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="234"/>
        <source>An incident needs a title.</source>
        <translation>事件必须有标题。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="239"/>
        <source>Say why the priority is lowered.</source>
        <translation>请说明降低优先级的原因。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="249"/>
        <source>Edit incident #{id}</source>
        <translation>编辑事件 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="249"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="252"/>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="253"/>
        <source>T&amp;ype</source>
        <translation>类型(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="254"/>
        <source>&amp;Location</source>
        <translation>地点(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="255"/>
        <source>T&amp;itle</source>
        <translation>标题(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="256"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="262"/>
        <source>Required when lowering a P1 or P2</source>
        <translation>降低 P1 或 P2 时必填</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="263"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="264"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>IncidentEditing</name>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="145"/>
        <source>Not saved: another workstation changed it first.</source>
        <translation>未保存：其他工作站已先行修改。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="151"/>
        <source>{why} Everything typed is kept: save again once the database is back.</source>
        <translation>{why} 已输入的内容均已保留：数据库恢复后请再次保存。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="166"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="175"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="184"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="191"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="261"/>
        <source>Lift legal hold</source>
        <translation>解除法律保全</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="263"/>
        <source>Lift the legal hold on #{id}? Once closed long enough, the retention job anonymises it.</source>
        <translation>解除事件 #{id} 的法律保全？关闭满留存期后，留存任务将对其匿名化。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="282"/>
        <source>Could not change the legal hold</source>
        <translation>无法更改法律保全</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="294"/>
        <source>Close incident window</source>
        <translation>关闭事件窗口</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="295"/>
        <source>The note you typed has not been saved. Close and drop it?</source>
        <translation>您输入的备注尚未保存。关闭并丢弃吗？</translation>
    </message>
</context>
<context>
    <name>IncidentQueueModel</name>
    <message>
        <location filename="../../widgets/incident_queue.py" line="120"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="127"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="133"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="142"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="149"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="153"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="159"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="164"/>
        <source>Age</source>
        <translation>已过时长</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="170"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="180"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="182"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="183"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="230"/>
        <source>Acknowledge within {t}</source>
        <translation>须在 {t} 内确认</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="232"/>
        <source>Dispatch within {t}</source>
        <translation>须在 {t} 内派遣</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="234"/>
        <source>Resolve within {t}</source>
        <translation>须在 {t} 内处置</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="236"/>
        <source>{head}: {left} left</source>
        <translation>{head}：剩余 {left}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="239"/>
        <source>{head}: overdue by {late}</source>
        <translation>{head}：已超时 {late}</translation>
    </message>
</context>
<context>
    <name>IncidentQueueWidget</name>
    <message>
        <location filename="../../widgets/incident_queue.py" line="79"/>
        <source>{parts} · {total} to review</source>
        <translation>{parts} · 共 {total} 起待审核</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="81"/>
        <source>{parts} · {total} open</source>
        <translation>{parts} · 共 {total} 起未结</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="84"/>
        <source> — showing {shown}; scroll down for more</source>
        <translation> — 已显示 {shown} 起，向下滚动查看更多</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="471"/>
        <source>Nothing claimed by you</source>
        <translation>暂无您认领的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="472"/>
        <source>Incidents you acknowledge are listed here until they are resolved.</source>
        <translation>您确认（认领）的事件会列在这里，直到处置完毕。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="474"/>
        <source>Every open incident has a handler</source>
        <translation>所有未结事件均已有人处理</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="475"/>
        <source>Incidents nobody has acknowledged yet are listed here.</source>
        <translation>尚无人确认的事件会列在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="477"/>
        <source>Nothing awaiting review</source>
        <translation>暂无待审核事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="479"/>
        <source>Resolved incidents wait here for a supervisor, who closes them or returns them with a reason. Whoever resolved an incident cannot close it.</source>
        <translation>处置完毕的事件在此等待值班长审核：审核关闭，或说明原因退回。处置人不能审核关闭自己处置的事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="483"/>
        <location filename="../../widgets/incident_queue.py" line="489"/>
        <source>No open incidents</source>
        <translation>暂无待处理事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="485"/>
        <source>The risk alerts of screenings appear here, most urgent first: acknowledge each the same day.</source>
        <translation>心理筛查的风险提示显示在这里，最紧急的在前：请当天确认每一条。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="491"/>
        <source>Incidents raised by calls, alarms, tracking rules or operators appear here, most urgent first. Press Ctrl+N to log one by hand.</source>
        <translation>来电、报警、定位规则或值班员上报的事件显示在这里，最紧急的在前。按 Ctrl+N 手工登记事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="527"/>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="528"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="529"/>
        <source>Unassigned</source>
        <translation>未认领</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="530"/>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="531"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
</context>
<context>
    <name>IncidentsPresenter</name>
    <message>
        <location filename="../../console/presenters/incidents.py" line="80"/>
        <source>Incident queue</source>
        <translation>事件队列</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="91"/>
        <source>New incident…</source>
        <translation>新建事件…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="102"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="115"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="171"/>
        <source>New {priority}: #{id} {title}</source>
        <translation>新的{priority}事件：#{id} {title}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="248"/>
        <location filename="../../console/presenters/incidents.py" line="329"/>
        <location filename="../../console/presenters/incidents.py" line="345"/>
        <location filename="../../console/presenters/incidents.py" line="376"/>
        <source>Could not load the incident queue</source>
        <translation>无法加载事件队列</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="446"/>
        <source>Could not create the incident</source>
        <translation>无法创建事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="460"/>
        <source>incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="488"/>
        <source>Could not export the incidents</source>
        <translation>无法导出事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="494"/>
        <source>{n} incidents exported to {path}</source>
        <translation>已导出 {n} 个事件到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="502"/>
        <source>Select an incident first.</source>
        <translation>请先选择一个事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="516"/>
        <source>Could not acknowledge the incident</source>
        <translation>无法确认事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="545"/>
        <source>Could not open the incident</source>
        <translation>无法打开事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="614"/>
        <source>Could not load assignments</source>
        <translation>无法读取派单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="634"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="636"/>
        <source>{n} dispatched not yet at the scene ({names}) will be stood down.</source>
        <translation>{n} 个已派单位尚未到场（{names}），将被撤销。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="639"/>
        <source>Resolve incident</source>
        <translation>处置完毕</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="629"/>
        <source>Resolve #{id} ({priority}) “{title}”? The response ends here.</source>
        <translation>确认将 #{id}（{priority}）“{title}”标记为处置完毕？响应将就此结束。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="651"/>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="652"/>
        <source>Take over #{id} from {name}? The timeline records it.</source>
        <translation>从 {name} 手中接管 #{id}？时间线将记录此次接管。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="661"/>
        <source>Not taken over.</source>
        <translation>未接管。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="678"/>
        <source>Not resolved.</source>
        <translation>未标记为处置完毕。</translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="423"/>
        <source>RAG</source>
        <translation>红黄绿</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="429"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="435"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="442"/>
        <source>n / denominator</source>
        <translation>n / 分母</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="448"/>
        <source>95 % interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="453"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="458"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="464"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="467"/>
        <source>Series {series}, definition version {version}: a changed definition starts a new series</source>
        <translation>序列 {series}，定义版本 {version}：定义一经修改即开始新的序列</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="489"/>
        <source>{events} incidents in {months} resident-months: {rate} per 10,000 residents a month, against {base_rate} in the same months of the baseline ({base_events} in {base_months})</source>
        <translation>{months} 居民人月中发生 {events} 起事件：每万人每月 {rate} 起；基线期同月为 {base_rate} 起（{base_months} 人月中 {base_events} 起）</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="316"/>
        <source>Record inspection</source>
        <translation>记录检查</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="325"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="326"/>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="327"/>
        <source>Score (pass 60)</source>
        <translation>评分（60分合格）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="328"/>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="331"/>
        <source>The inspector is needed.</source>
        <translation>需要填写检查人。</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="330"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="333"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="337"/>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="338"/>
        <source>Findings</source>
        <translation>检查发现</translation>
    </message>
</context>
<context>
    <name>IssueTagDialog</name>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="404"/>
        <source>No resident matches this search.</source>
        <translation>没有符合条件的居民。</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="453"/>
        <source>Issue a tag</source>
        <translation>发放标签</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="454"/>
        <source>Person (a resident wears it)</source>
        <translation>人员（居民佩戴）</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="455"/>
        <source>Vehicle (plate and owner)</source>
        <translation>车辆（车牌和车主）</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="456"/>
        <source>&amp;For</source>
        <translation>发放对象(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="457"/>
        <source>Tag &amp;code</source>
        <translation>标签编码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="458"/>
        <source>&amp;Search resident</source>
        <translation>查找居民(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="459"/>
        <source>name or phone, Enter to search</source>
        <translation>姓名或电话，回车查找</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="460"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="462"/>
        <source>&amp;Owner id</source>
        <translation>车主编号(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="462"/>
        <source>&amp;Resident id</source>
        <translation>居民编号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="463"/>
        <source>chosen above, or typed</source>
        <translation>从上方选择，或直接输入</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="464"/>
        <source>&amp;Plate</source>
        <translation>车牌(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="465"/>
        <source>&amp;Issue tag</source>
        <translation>发放标签(&amp;I)</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <location filename="../../console/survey_kiosk.py" line="140"/>
        <source>The PIN must be 4 to 8 digits</source>
        <translation>密码须为 4 至 8 位数字</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="187"/>
        <source>Please scan the code on your survey slip</source>
        <translation>请扫描问卷条上的二维码</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="189"/>
        <source>Scan your survey slip, or touch Start</source>
        <translation>请扫描问卷条，或点击“开始”</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="191"/>
        <source>Touch Start to begin</source>
        <translation>请点击“开始”</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="225"/>
        <source>Your answers have been saved.</source>
        <translation>您的回答已保存。</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="228"/>
        <source>Your answers could not be saved: %1. Please ask a worker.</source>
        <translation>您的回答未能保存：%1。请联系工作人员。</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="277"/>
        <location filename="../../console/survey_kiosk.py" line="280"/>
        <source>Choose from %1 to %2.</source>
        <translation>请从 %1 到 %2 中选择。</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="294"/>
        <source>Please scan your survey slip first</source>
        <translation>请先扫描问卷条</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="303"/>
        <source>Survey slips are not taken at this kiosk</source>
        <translation>本自助终端不接受问卷条</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="312"/>
        <source>This slip has been used already. Thank you!</source>
        <translation>此问卷条已使用过，谢谢！</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="315"/>
        <source>This slip does not name a person; please ask a worker</source>
        <translation>此问卷条未登记居民，请联系工作人员</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="321"/>
        <source>This slip is for another survey; please ask a worker</source>
        <translation>此问卷条属于其他调查，请联系工作人员</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="323"/>
        <source>This slip is not valid here; please ask a worker</source>
        <translation>此问卷条在此无效，请联系工作人员</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="325"/>
        <source>That is not a survey slip</source>
        <translation>这不是问卷条</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="326"/>
        <source>The slip could not be read; please scan it again</source>
        <translation>问卷条无法识别，请重新扫描</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="363"/>
        <source>Helped by a family member</source>
        <translation>家人协助</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="366"/>
        <source>Helped by %1</source>
        <translation>协助人：%1</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="408"/>
        <source>Too many wrong PINs: wait %1 s</source>
        <translation>密码错误次数过多：请等待 %1 秒</translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="423"/>
        <source>Wrong PIN</source>
        <translation>密码错误</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="126"/>
        <source>Worker: leave the kiosk</source>
        <translation>工作人员：退出自助模式</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="145"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="149"/>
        <source>Read-aloud is unavailable on this computer</source>
        <translation>本机无法朗读题目</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="175"/>
        <source>Back</source>
        <translation>上一题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="177"/>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="180"/>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="183"/>
        <location filename="../../widgets/survey_kiosk.py" line="338"/>
        <source>A worker helped</source>
        <translation>有工作人员协助</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="205"/>
        <source>Thank you!</source>
        <translation>谢谢您！</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="209"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="222"/>
        <source>Worker PIN to leave the kiosk</source>
        <translation>请输入工作人员密码以退出自助模式</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="249"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="263"/>
        <source>Who helped?</source>
        <translation>谁协助了您？</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="289"/>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="324"/>
        <source>A family member</source>
        <translation>家人</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="324"/>
        <source>Nobody helped</source>
        <translation>无人协助</translation>
    </message>
</context>
<context>
    <name>KpiDashboard</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1395"/>
        <source>{indicator} — {month}, {community}</source>
        <translation>{indicator} — {month}，{community}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1425"/>
        <location filename="../../widgets/kpi_dashboard.py" line="1625"/>
        <source>Whole street</source>
        <translation>全街道</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1498"/>
        <source>By community</source>
        <translation>按社区</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1501"/>
        <source>The breakdown by community is shown for the whole street.</source>
        <translation>按社区细分只在选择“全街道”时显示。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1505"/>
        <source>The passport offers no breakdown by community for this indicator.</source>
        <translation>该指标的指标说明不提供按社区细分。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1508"/>
        <source>No breakdown by community for this figure.</source>
        <translation>此数值没有按社区的细分。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1509"/>
        <source>Self-answered and assisted, side by side</source>
        <translation>自主作答与协助作答并列</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1510"/>
        <source>Run chart of the months&apos; values</source>
        <translation>逐月数值运行图</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1517"/>
        <source>{month} · {community} · computed at {time}</source>
        <translation>{month} · {community} · {time} 计算</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1523"/>
        <source> · month under way: figures so far</source>
        <translation> · 本月未完，为截至目前的数字</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1528"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1534"/>
        <source>The figures below are from {time} and may be out of date.</source>
        <translation>下面的数值计算于 {time}，可能已过时。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1542"/>
        <source>Problems in the passports file ({count}): {problems}</source>
        <translation>指标说明文件有问题（{count} 处）：{problems}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1546"/>
        <source>… and {count} more (see the tooltip)</source>
        <translation>……另有 {count} 处（见提示）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1551"/>
        <source>Not available to this role</source>
        <translation>当前角色不可使用</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1555"/>
        <source>No figures yet</source>
        <translation>尚无指标数值</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1556"/>
        <source>Choose a month: the figures are computed from every service&apos;s records.</source>
        <translation>请选择月份：各项指标根据各项服务的记录计算。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1561"/>
        <source>No indicators</source>
        <translation>没有指标</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1563"/>
        <source>No indicator could be read from the passports file: see the problems above.</source>
        <translation>指标说明文件中没有可读取的指标：请看上方列出的问题。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1619"/>
        <source>Previous month (Alt+Left)</source>
        <translation>上个月（Alt+←）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1620"/>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1621"/>
        <source>Next month (Alt+Right)</source>
        <translation>下个月（Alt+→）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1622"/>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1623"/>
        <source>The month of the figures</source>
        <translation>指标所属月份</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1624"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1626"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1627"/>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1628"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1629"/>
        <source>Monthly report (PDF)…</source>
        <translation>月度报告（PDF）…</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1630"/>
        <source>Figures as CSV…</source>
        <translation>指标数据（CSV）…</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1631"/>
        <source>Figures as XLSX…</source>
        <translation>指标数据（XLSX）…</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1632"/>
        <source>Records behind… (Enter)</source>
        <translation>查看明细记录…（Enter）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1633"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>KpiPresenter</name>
    <message>
        <location filename="../../console/presenters/kpi.py" line="55"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="88"/>
        <source>The indicators are for supervisors and administrators.</source>
        <translation>指标仅供值班长和管理员查看。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="145"/>
        <source>Could not compute the indicators: {e}</source>
        <translation>无法计算指标：{e}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="161"/>
        <source>Could not read the communities</source>
        <translation>无法读取社区列表</translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="203"/>
        <source>Could not read the records behind the figure</source>
        <translation>无法读取该数值的明细记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="213"/>
        <source>Save the monthly report</source>
        <translation>保存月报</translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="259"/>
        <source>Report written: {path}</source>
        <translation>月报已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="266"/>
        <source>Could not write the report</source>
        <translation>无法保存月报</translation>
    </message>
</context>
<context>
    <name>KpiText</name>
    <message>
        <source>{op} baseline {change}</source>
        <translation type="vanished">{op} 基线 {change}</translation>
    </message>
    <message>
        <source>{op} {value} (baseline {change})</source>
        <translation type="vanished">{op} {value}（基线 {change}）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="174"/>
        <source>G</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="176"/>
        <source>A</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="178"/>
        <source>R</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="185"/>
        <source>Green: meets the target</source>
        <translation>绿：达到目标</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="187"/>
        <source>Amber: close to the target</source>
        <translation>黄：接近目标</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="189"/>
        <source>Red: short of the target</source>
        <translation>红：未达目标</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="191"/>
        <source>No RAG: {reason}</source>
        <translation>不评红黄绿：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="197"/>
        <source>computed</source>
        <translation>已计算</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="198"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="199"/>
        <source>too little data</source>
        <translation>数据太少</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="200"/>
        <source>not shown (small cell)</source>
        <translation>不显示（小格数据）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="201"/>
        <source>no target</source>
        <translation>无目标值</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="202"/>
        <source>cannot be computed</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="209"/>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="210"/>
        <source>proportion</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="211"/>
        <source>change of the rate per 10,000 residents</source>
        <translation>每万人发生率的变化</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="220"/>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="221"/>
        <source>month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="222"/>
        <source>self-answered vs assisted</source>
        <translation>自主作答与协助作答</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="223"/>
        <source>age band</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="230"/>
        <source>Self-answered</source>
        <translation>自主作答</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="232"/>
        <source>Assisted</source>
        <translation>协助作答</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="14"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="15"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="16"/>
        <source>Dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="17"/>
        <source>On scene</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="18"/>
        <source>Resolved</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="19"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="26"/>
        <source>P1 Critical</source>
        <translation>P1 紧急</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="27"/>
        <source>P2 High</source>
        <translation>P2 高</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="28"/>
        <source>P3 Normal</source>
        <translation>P3 一般</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="29"/>
        <source>P4 Low</source>
        <translation>P4 低</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="36"/>
        <source>Manual</source>
        <translation>人工</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="37"/>
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="38"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="39"/>
        <source>Tracking</source>
        <translation>定位</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="40"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="41"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="42"/>
        <source>Screening</source>
        <translation>心理筛查</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="49"/>
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="50"/>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="51"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="52"/>
        <source>Station</source>
        <translation>社区工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="53"/>
        <source>Department</source>
        <translation>联动单位</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="54"/>
        <source>Counsellor</source>
        <translation>心理咨询员</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="61"/>
        <source>RFID reader</source>
        <translation>RFID 读卡器</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="62"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="63"/>
        <source>Alarm panel</source>
        <translation>报警主机</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="64"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="65"/>
        <source>Panic button</source>
        <translation>一键报警</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="66"/>
        <source>GPS gateway</source>
        <translation>GPS 网关</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="77"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="78"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="79"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="80"/>
        <source>Never seen</source>
        <translation>未上线</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="161"/>
        <source>Licences</source>
        <translation>证照</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="168"/>
        <source>Business licence No.</source>
        <translation>营业执照号</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="169"/>
        <location filename="../../widgets/merchant_dialogs.py" line="171"/>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="170"/>
        <source>Food business licence No.</source>
        <translation>食品经营许可证号</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="173"/>
        <source>A suspended merchant stays suspended until reinstated by hand.</source>
        <translation>已暂停的商户须人工恢复后才能接单。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="179"/>
        <source>The licence number is needed.</source>
        <translation>需要填写执照号。</translation>
    </message>
</context>
<context>
    <name>LicencesModel</name>
    <message>
        <location filename="../../widgets/screening.py" line="264"/>
        <source>Form</source>
        <translation>量表</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="265"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="266"/>
        <source>Licence holder</source>
        <translation>授权持有方</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="267"/>
        <source>Reference</source>
        <translation>授权编号</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="268"/>
        <source>Granted</source>
        <translation>授权日期</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="271"/>
        <source>Expires</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="272"/>
        <source>no end date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="276"/>
        <source>In force</source>
        <translation>是否有效</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="277"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="277"/>
        <source>no: new screenings refused</source>
        <translation>否：不再允许新的筛查</translation>
    </message>
</context>
<context>
    <name>LinkIncidentDialog</name>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="103"/>
        <source>Link the call to an incident</source>
        <translation>来电关联事件</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="118"/>
        <source>or type an incident number</source>
        <translation>或输入事件编号</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="123"/>
        <source>Open incidents, most urgent first:</source>
        <translation>未结事件（最紧急的在前）：</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="135"/>
        <source>Pick an incident, or type its number.</source>
        <translation>请选择一个事件，或输入事件编号。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../widgets/login.py" line="268"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="289"/>
        <source>No incidents waiting</source>
        <translation>暂无待处理事件</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="291"/>
        <source>1 incident waiting</source>
        <translation>1 起事件待处理</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="293"/>
        <source>{n} incidents waiting</source>
        <translation>{n} 起事件待处理</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="312"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="313"/>
        <source>Signed in: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="314"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="315"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="316"/>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login.py" line="108"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="108"/>
        <location filename="../../widgets/login.py" line="145"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="127"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="139"/>
        <source>Sign in — Street Command Console</source>
        <translation>登录 — 街道智能总控台</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="140"/>
        <source>Street Command Console</source>
        <translation>街道智能总控台</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="142"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="143"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="144"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="146"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/shell/main_window.py" line="556"/>
        <source>Street Command Console</source>
        <translation>街道智能总控台</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="564"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="567"/>
        <source>street-wide</source>
        <translation>全街道</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="569"/>
        <source>communities: {c}</source>
        <translation>社区：{c}</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="575"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="575"/>
        <source>NOT REACHABLE</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="577"/>
        <source>Database: {label} ({state})</source>
        <translation>数据库：{label}（{state}）</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="591"/>
        <source>&amp;Console</source>
        <translation>总控台(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="592"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="593"/>
        <source>&amp;Incidents</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="594"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="595"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="596"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="357"/>
        <source>Reset layout</source>
        <translation>恢复默认布局</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="352"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
</context>
<context>
    <name>MatchesModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="115"/>
        <source>Seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="116"/>
        <source>Posting</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="117"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="118"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="119"/>
        <source>Made of</source>
        <translation>构成</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="120"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="123"/>
        <source>Skills missing</source>
        <translation>缺少技能</translation>
    </message>
</context>
<context>
    <name>MatchesTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="426"/>
        <source>Refer…</source>
        <translation>推荐…</translation>
    </message>
</context>
<context>
    <name>MerchantLabels</name>
    <message>
        <location filename="../../widgets/merchants.py" line="67"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="68"/>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="69"/>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="87"/>
        <source>Food business licence expired on {day}</source>
        <translation>食品经营许可证已于 {day} 过期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="91"/>
        <source>Business licence expired on {day}</source>
        <translation>营业执照已于 {day} 过期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="95"/>
        <source>Certified</source>
        <translation>认定</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="102"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="103"/>
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="104"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="105"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="112"/>
        <source>Within 5–20 %</source>
        <translation>在5–20%之内</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="113"/>
        <source>Under 5 % off</source>
        <translation>优惠不足5%</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="114"/>
        <source>Over 20 % off</source>
        <translation>优惠超过20%</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="115"/>
        <source>No reference</source>
        <translation>无参考价</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="122"/>
        <source>Household service</source>
        <translation>家政服务</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="123"/>
        <source>Goods</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="129"/>
        <source>Food safety</source>
        <translation>食品安全</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="130"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="131"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="132"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="133"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="140"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="141"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="142"/>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="143"/>
        <source>Resolved late</source>
        <translation>超期办结</translation>
    </message>
</context>
<context>
    <name>MerchantsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="205"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="206"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="209"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="214"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="221"/>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="228"/>
        <source>Food licence</source>
        <translation>食品经营许可证</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="235"/>
        <source>Staff</source>
        <translation>从业人员</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="242"/>
        <source>Last score</source>
        <translation>最近评分</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="251"/>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="256"/>
        <source>Per 1,000 orders</source>
        <translation>每千单投诉</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="269"/>
        <source>{n} ({k} certificates due)</source>
        <translation>{n}（{k}张健康证到期）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="274"/>
        <source>{n} ({k} overdue)</source>
        <translation>{n}（{k}件超期）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="279"/>
        <source>no orders yet</source>
        <translation>尚无订单</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="280"/>
        <source>{rate} ({n} of {orders})</source>
        <translation>{rate}（{orders}单中{n}件）</translation>
    </message>
</context>
<context>
    <name>MerchantsPresenter</name>
    <message>
        <location filename="../../console/presenters/merchants.py" line="74"/>
        <location filename="../../console/presenters/merchants.py" line="89"/>
        <source>Merchants</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="75"/>
        <source>Catalogue and prices</source>
        <translation>商品与价格</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="76"/>
        <source>Price surveys</source>
        <translation>价格监测</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="122"/>
        <source>Could not read the communities</source>
        <translation>无法读取社区</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="134"/>
        <location filename="../../console/presenters/merchants.py" line="193"/>
        <source>Could not read the merchants</source>
        <translation>无法读取商户</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="225"/>
        <source>{n} merchants&apos; licences expire within 30 days or have expired</source>
        <translation>{n} 家商户的证照将在30天内到期或已过期</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="234"/>
        <source>{n} health certificates of merchants&apos; staff expire within 30 days or have expired</source>
        <translation>商户从业人员有 {n} 张健康证将在30天内到期或已过期</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="242"/>
        <source>{n} complaints about merchants are past their deadline</source>
        <translation>有 {n} 件商户投诉已超过办结期限</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="255"/>
        <source>Could not read the catalogue</source>
        <translation>无法读取商品目录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="272"/>
        <source>Could not read the price surveys</source>
        <translation>无法读取价格监测</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="304"/>
        <source>Could not read the merchant&apos;s records</source>
        <translation>无法读取商户档案</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="317"/>
        <source>Could not read the price history</source>
        <translation>无法读取价格历史</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="330"/>
        <source>Could not read the observations</source>
        <translation>无法读取采价记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="405"/>
        <source>Merchant certified</source>
        <translation>商户已认定</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="406"/>
        <source>Could not certify the merchant</source>
        <translation>无法认定商户</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="412"/>
        <source>Could not read the register</source>
        <translation>无法读取商户登记</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="436"/>
        <source>Licences saved</source>
        <translation>证照已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="437"/>
        <source>Could not save the licences</source>
        <translation>无法保存证照</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="465"/>
        <source>Suspend {name}</source>
        <translation>暂停{name}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="466"/>
        <source>Why is the merchant suspended? It takes no new orders until reinstated.</source>
        <translation>为什么暂停该商户？恢复之前不再接受新订单。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="468"/>
        <source>Inspection failed</source>
        <translation>检查不合格</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="469"/>
        <source>Food safety complaint under investigation</source>
        <translation>食品安全投诉调查中</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="470"/>
        <source>Prices above the agreed discount</source>
        <translation>价格未达到约定优惠</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="471"/>
        <source>Licence under renewal</source>
        <translation>证照正在换发</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="478"/>
        <source>Suspend the merchant</source>
        <translation>暂停商户</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="479"/>
        <source>Suspend {name}? Reason: {reason}. Open orders stay; new ones are refused.</source>
        <translation>暂停{name}？原因：{reason}。未完成的订单保留，新订单将被拒绝。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="481"/>
        <source>Merchant suspended</source>
        <translation>商户已暂停</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="482"/>
        <source>Could not suspend the merchant</source>
        <translation>无法暂停商户</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="490"/>
        <source>business licence {number} expired on {day}</source>
        <translation>营业执照 {number} 已于 {day} 到期</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="496"/>
        <source>food licence {number} expired on {day}</source>
        <translation>食品经营许可证 {number} 已于 {day} 到期</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="504"/>
        <location filename="../../console/presenters/merchants.py" line="512"/>
        <source>Reinstate {name}</source>
        <translation>恢复{name}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="506"/>
        <source>{name} cannot be reinstated while a licence is expired: {what}. Record the renewed licence first.</source>
        <translation>证照过期期间无法恢复{name}：{what}。请先登记换发后的证照。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="508"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="513"/>
        <source>Why may the merchant take orders again?</source>
        <translation>为什么允许该商户重新接单？</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="514"/>
        <source>Renewed licence checked</source>
        <translation>新证照已核验</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="514"/>
        <source>Rectified and re-inspected</source>
        <translation>已整改并复查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="520"/>
        <source>Reinstate the merchant</source>
        <translation>恢复商户</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="521"/>
        <source>Reinstate {name}? Reason: {reason}.</source>
        <translation>恢复{name}？原因：{reason}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="523"/>
        <source>Merchant reinstated</source>
        <translation>商户已恢复</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="524"/>
        <source>Could not reinstate the merchant</source>
        <translation>无法恢复商户</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="530"/>
        <source>Exit {name}</source>
        <translation>{name}退出</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="531"/>
        <source>Why does the merchant leave the scheme? Its products are withdrawn.</source>
        <translation>商户为什么退出？其商品将全部下架。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="533"/>
        <source>Merchant&apos;s own request</source>
        <translation>商户主动申请</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="534"/>
        <source>Business closed</source>
        <translation>停业</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="535"/>
        <source>Repeated serious complaints</source>
        <translation>多次严重投诉</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="542"/>
        <source>Exit the merchant</source>
        <translation>商户退出</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="544"/>
        <source>{name} leaves the scheme for good. Reason: {reason}. Its products are withdrawn and it cannot be reinstated. Continue?</source>
        <translation>{name}将永久退出。原因：{reason}。其商品全部下架，且不能恢复。继续吗？</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="548"/>
        <source>Merchant exited</source>
        <translation>商户已退出</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="549"/>
        <source>Could not exit the merchant</source>
        <translation>无法办理商户退出</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="568"/>
        <source>Staff added</source>
        <translation>人员已添加</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="569"/>
        <source>Could not add the staff</source>
        <translation>无法添加人员</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="581"/>
        <location filename="../../console/presenters/merchants.py" line="600"/>
        <source>Staff saved</source>
        <translation>人员已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="582"/>
        <location filename="../../console/presenters/merchants.py" line="601"/>
        <source>Could not save the staff</source>
        <translation>无法保存人员</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="616"/>
        <source>Inspection recorded</source>
        <translation>检查已记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="617"/>
        <source>Could not record the inspection</source>
        <translation>无法记录检查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="630"/>
        <source>Complaint filed</source>
        <translation>投诉已登记</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="631"/>
        <source>Could not file the complaint</source>
        <translation>无法登记投诉</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="642"/>
        <source>Resolve the complaint</source>
        <translation>办结投诉</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="643"/>
        <source>What was done? The resident is told this.</source>
        <translation>做了哪些处理？将告知居民。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="653"/>
        <source>Complaint resolved</source>
        <translation>投诉已办结</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="654"/>
        <source>Could not resolve the complaint</source>
        <translation>无法办结投诉</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="688"/>
        <source>Product added</source>
        <translation>商品已添加</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="689"/>
        <source>Could not add the product</source>
        <translation>无法添加商品</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="706"/>
        <source>Price changed</source>
        <translation>价格已调整</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="707"/>
        <source>Could not change the price</source>
        <translation>无法调整价格</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="714"/>
        <source>Catalogue saved</source>
        <translation>商品目录已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="715"/>
        <source>Could not save the catalogue</source>
        <translation>无法保存商品目录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="738"/>
        <source>Market price recorded</source>
        <translation>市场价已登记</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="739"/>
        <source>Could not record the market price</source>
        <translation>无法登记市场价</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="776"/>
        <source>Merchant {name} suspended: its licence has expired</source>
        <translation>商户{name}已暂停：证照已过期</translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="783"/>
        <source>Licence sweep failed</source>
        <translation>证照到期检查失败</translation>
    </message>
</context>
<context>
    <name>MerchantsTab</name>
    <message>
        <location filename="../../widgets/merchants.py" line="560"/>
        <source>Select a merchant to see its records.</source>
        <translation>选择一个商户查看其档案。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="571"/>
        <source>Business licence {no}, expires {day} ({state})</source>
        <translation>营业执照 {no}，{day} 到期（{state}）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="579"/>
        <source>Food business licence {no}, expires {day} ({state})</source>
        <translation>食品经营许可证 {no}，{day} 到期（{state}）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="585"/>
        <source>Certified on {day}</source>
        <translation>认定日期 {day}</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="587"/>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="603"/>
        <source>Certified</source>
        <translation>认定</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="627"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="648"/>
        <source>{n} merchants, {k} needing attention</source>
        <translation>{n} 家商户，{k} 家需关注</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="673"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="675"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="678"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="679"/>
        <source>Needing attention only</source>
        <translation>仅显示需关注的</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="680"/>
        <source>Show exited</source>
        <translation>显示已退出的</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="682"/>
        <source>Certify a business…</source>
        <translation>认定商户…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="683"/>
        <source>Licences…</source>
        <translation>证照…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="684"/>
        <source>Suspend…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="685"/>
        <source>Reinstate…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="686"/>
        <source>Exit…</source>
        <translation>退出…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="687"/>
        <source>Add staff…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="688"/>
        <source>Health certificate…</source>
        <translation>健康证…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="689"/>
        <source>Record inspection…</source>
        <translation>记录检查…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="690"/>
        <source>File complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="691"/>
        <source>Resolve…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="696"/>
        <source>Staff</source>
        <translation>从业人员</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="697"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="698"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="699"/>
        <source>Status trail</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="705"/>
        <source>No certified merchants</source>
        <translation>暂无认定商户</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="707"/>
        <source>Fair-price shops certified from the business register appear here with their licences (alerts 30 days ahead), staff, inspections and complaints. Certify a business… (Alt+N) adds one.</source>
        <translation>从商户登记中认定的平价商店显示在这里，包括证照（提前30天提醒）、从业人员、检查和投诉。用“认定商户…”（Alt+N）添加。</translation>
    </message>
</context>
<context>
    <name>MotionSettingsDialog</name>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="271"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="280"/>
        <source>Saved. Detection uses the new settings from now on.</source>
        <translation>已保存。检测即刻按新设置进行。</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="386"/>
        <source>Motion settings: {code} {name}</source>
        <translation>移动侦测设置：{code} {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="390"/>
        <source>Only supervisors change motion settings. You can look, not change.</source>
        <translation>只有主管可以更改移动侦测设置。您可以查看，不能更改。</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="392"/>
        <source>&amp;Motion detection on</source>
        <translation>开启移动侦测(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="393"/>
        <source>&amp;Sensitivity</source>
        <translation>灵敏度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="395"/>
        <source>Higher finds smaller, fainter movement; the tile shows what is found.</source>
        <translation>数值越高，越能发现更小、更弱的移动；画面上会标出检测到的区域。</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="397"/>
        <source>Arming schedule</source>
        <translation>布防时间</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="398"/>
        <source>When motion raises an &amp;incident (empty: never):</source>
        <translation>移动何时生成事件(&amp;I)（留空：从不）：</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="399"/>
        <source>e.g. {example}</source>
        <translation>例如 {example}</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="400"/>
        <source>&amp;Always</source>
        <translation>全天(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="401"/>
        <source>&amp;Nights 22:00-06:00</source>
        <translation>夜间 22:00-06:00(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="402"/>
        <source>&amp;Off-hours and weekends</source>
        <translation>下班时间及周末(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="404"/>
        <source>Weekdays 18:00-08:00, and all of Saturday and Sunday</source>
        <translation>工作日 18:00 至次日 08:00，以及周六、周日全天</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="406"/>
        <source>Mask</source>
        <translation>屏蔽区域</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="407"/>
        <source>&amp;Edit mask on the tile</source>
        <translation>在画面上编辑屏蔽区域(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="408"/>
        <source>C&amp;lear mask</source>
        <translation>清除屏蔽区域(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="409"/>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="410"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="417"/>
        <source>Schedule not understood: {detail}</source>
        <translation>无法识别布防时间：{detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="421"/>
        <source>The schedule is too long (at most {n} characters).</source>
        <translation>布防时间过长（最多 {n} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="430"/>
        <source>Armed: {schedule} (times in {zone})</source>
        <translation>布防：{schedule}（时区 {zone}）</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="434"/>
        <source>No schedule: motion is recorded but never raises an incident.</source>
        <translation>未设布防时间：移动只记录，不会生成事件。</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="441"/>
        <source>No mask: the whole picture is watched.</source>
        <translation>无屏蔽区域：检测整个画面。</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="446"/>
        <source>1 ignored area</source>
        <translation>1 个忽略区域</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="448"/>
        <source>{n} ignored areas</source>
        <translation>{n} 个忽略区域</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="451"/>
        <source>only 1 watched area</source>
        <translation>仅检测 1 个区域</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="453"/>
        <source>only {n} watched areas</source>
        <translation>仅检测 {n} 个区域</translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="455"/>
        <source>{ignored}, {watched}</source>
        <translation>{ignored}，{watched}</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../widgets/accounts.py" line="57"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="65"/>
        <source>(choose the department)</source>
        <translation>（请选择联动单位）</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="68"/>
        <source>(street-wide)</source>
        <translation>（全街道）</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="73"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="74"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="75"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="77"/>
        <source>Department</source>
        <translation>联动单位</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="78"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="109"/>
        <source>User names are letters and digits without spaces.</source>
        <translation>用户名只能由字母和数字组成，不含空格。</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="113"/>
        <source>A station account belongs to one community.</source>
        <translation>社区工作站账号必须属于一个社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="118"/>
        <source>The site has no departments; add them to the site file first.</source>
        <translation>本街道尚未配置联动单位，请先在站点文件中添加。</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="123"/>
        <source>A department account answers for one department: choose it.</source>
        <translation>联动单位账号必须对应一个联动单位，请选择。</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="53"/>
        <source>New incident</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="56"/>
        <source>(other)</source>
        <translation>（其他）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="68"/>
        <source>(street-wide)</source>
        <translation>（全街道）</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="81"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="82"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="83"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="84"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="85"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="86"/>
        <source>Caller</source>
        <translation>报警人</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="87"/>
        <source>Caller&apos;s phone</source>
        <translation>报警人电话</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="88"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="156"/>
        <source>Give the incident a title.</source>
        <translation>请填写事件标题。</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="431"/>
        <source>This frame draws {n} businesses now.</source>
        <translation>按此抽样框目前将抽取 {n} 家商户。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="433"/>
        <source>This frame draws {n} people now.</source>
        <translation>按此抽样框目前将抽取 {n} 人。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="445"/>
        <source>Publish a form first: a round needs a published form.</source>
        <translation>请先发布问卷：轮次需要已发布的问卷。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="448"/>
        <source>Give the round a code and a purpose.</source>
        <translation>请填写轮次代码和目的。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="453"/>
        <source>The round ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="483"/>
        <source>Counting the frame…</source>
        <translation>正在统计抽样框…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="497"/>
        <source>New survey round</source>
        <translation>新建调查轮次</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="499"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="500"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="501"/>
        <source>Form (published)</source>
        <translation>问卷（已发布）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="502"/>
        <source>Frame</source>
        <translation>抽样框</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="503"/>
        <source>Communities (none: all)</source>
        <translation>社区（不选即全部）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="504"/>
        <source>Care flag</source>
        <translation>关爱标记</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="505"/>
        <source>Sample size N</source>
        <translation>样本量 N</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="506"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="507"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="508"/>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="509"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="510"/>
        <source>Keep partial responses</source>
        <translation>保留未完成答卷</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="511"/>
        <source>Business kinds (none: all)</source>
        <translation>商户类型（不选：全部）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="515"/>
        <source>e.g. 2026-Q4-SAT</source>
        <translation>例如 2026-Q4-SAT</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="516"/>
        <source>keep only a &quot;has answered&quot; flag per person</source>
        <translation>每人只保留“已作答”标记</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="517"/>
        <source>an unfinished response is kept, marked partial</source>
        <translation>未完成的答卷会保留并标为未完成</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="518"/>
        <source>The same seed draws the same people</source>
        <translation>相同的种子抽到相同的人</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="520"/>
        <source>All residents of the communities</source>
        <translation>所选社区全体居民</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="521"/>
        <source>A care-flag group</source>
        <translation>关爱标记人群</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="522"/>
        <source>A random sample of N</source>
        <translation>随机抽取 N 人</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="523"/>
        <source>Businesses of the communities (trading on the start date)</source>
        <translation>所选社区的商户（开始日仍在营业）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="533"/>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="534"/>
        <source>Dementia</source>
        <translation>认知障碍</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="535"/>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="536"/>
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="546"/>
        <source>Shop</source>
        <translation>商店</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="547"/>
        <source>Restaurant</source>
        <translation>餐馆</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="548"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="549"/>
        <source>Market stall</source>
        <translation>市场摊位</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="550"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>NoIncidentDialog</name>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="151"/>
        <source>Close the call without an incident</source>
        <translation>结束来电处理（无需立事件）</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="155"/>
        <source>Choose a reason…</source>
        <translation>请选择原因…</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="161"/>
        <source>Note (required for “Other”)</source>
        <translation>备注（选“其他”时必填）</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="163"/>
        <source>Call from {caller}</source>
        <translation>来电：{caller}</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="166"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="167"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="181"/>
        <source>Choose a reason.</source>
        <translation>请选择原因。</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="183"/>
        <source>Say in a few words why (at least 4 characters).</source>
        <translation>请简要说明原因（至少 4 个字）。</translation>
    </message>
</context>
<context>
    <name>NotificationsPresenter</name>
    <message>
        <location filename="../../console/presenters/notifications.py" line="53"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../console/presenters/notifications.py" line="82"/>
        <source>Internal error in {where}: {message} (details in the log)</source>
        <translation>{where} 发生内部错误：{message}（详情见日志）</translation>
    </message>
</context>
<context>
    <name>NotificationsWidget</name>
    <message>
        <location filename="../../widgets/notifications.py" line="94"/>
        <source>No messages. Errors of background work appear here.</source>
        <translation>暂无消息。后台任务的错误会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/notifications.py" line="96"/>
        <source>{n} messages</source>
        <translation>共 {n} 条消息</translation>
    </message>
    <message>
        <location filename="../../widgets/notifications.py" line="101"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="512"/>
        <source>Record a market price</source>
        <translation>登记市场价</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="521"/>
        <source>Commodity code</source>
        <translation>品名编码</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="522"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="523"/>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="524"/>
        <source>Price (¥)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="529"/>
        <source>A commodity code without spaces (RICE-5KG).</source>
        <translation>品名编码不能含空格（如 RICE-5KG）。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="531"/>
        <source>Where was the price seen?</source>
        <translation>在哪里采的价？</translation>
    </message>
</context>
<context>
    <name>ObservationsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="1039"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1040"/>
        <source>Place</source>
        <translation>采价地点</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1043"/>
        <source>Price (¥)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1049"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1050"/>
        <source>Outlier: left to the median</source>
        <translation>异常值：由中位数排除</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1053"/>
        <source>Observer</source>
        <translation>采价人</translation>
    </message>
</context>
<context>
    <name>OrderEntryWidget</name>
    <message>
        <location filename="../../widgets/order_entry.py" line="251"/>
        <source>lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="253"/>
        <source>orders wait for a confirmation call</source>
        <translation>订单需电话确认</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="293"/>
        <location filename="../../widgets/order_entry.py" line="689"/>
        <source>Search a resident by name, phone or address.</source>
        <translation>按姓名、电话或地址查找居民。</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="427"/>
        <source>{window} — full</source>
        <translation>{window} — 已满</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="429"/>
        <source>{window} — {n} of {cap} left</source>
        <translation>{window} — 剩余 {n}/{cap}</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="461"/>
        <source>staff</source>
        <translation>店员</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="461"/>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>No ordering window for this merchant today.</source>
        <translation type="vanished">该商户今天没有下单时段。</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="468"/>
        <source>familiar</source>
        <translation>熟悉的人</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="482"/>
        <source>No ordering window open for this merchant in the coming days.</source>
        <translation>该商户近几天没有开放的订购时段。</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="488"/>
        <source>Window {window} is full: choose another.</source>
        <translation>时段 {window} 已满，请另选。</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="494"/>
        <source>{n} of {cap} places left in {window}.</source>
        <translation>时段 {window} 还剩 {n}/{cap} 个名额。</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="538"/>
        <source>Total: {total}</source>
        <translation>合计：{total}</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="574"/>
        <source>This order will wait for a confirmation call.</source>
        <translation>此订单将等待电话确认。</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="647"/>
        <source>&amp;Resident</source>
        <translation>居民(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="648"/>
        <source>&amp;Merchant</source>
        <translation>商户(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="649"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="650"/>
        <source>&amp;Window</source>
        <translation>时段(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="651"/>
        <source>&amp;Deliverer</source>
        <translation>配送人(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="652"/>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="653"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="667"/>
        <source>Name, phone or address (Alt+S)</source>
        <translation>姓名、电话或地址（Alt+S）</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="670"/>
        <source>Product code or name, Enter adds</source>
        <translation>商品编码或名称，按 Enter 添加</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="671"/>
        <source>Family member&apos;s name and relation</source>
        <translation>家属姓名及关系</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="672"/>
        <source>Usual basket (Alt+B)</source>
        <translation>常购清单（Alt+B）</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="673"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="674"/>
        <source>Place order (Enter)</source>
        <translation>下单（Enter）</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="676"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="676"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="676"/>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="676"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="682"/>
        <source>At the station</source>
        <translation>工作站代下单</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="682"/>
        <source>Hotline call</source>
        <translation>热线来电</translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="682"/>
        <source>Family member</source>
        <translation>家属代下单</translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <location filename="../../widgets/order_labels.py" line="13"/>
        <source>Awaiting confirmation</source>
        <translation>待电话确认</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="16"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="17"/>
        <source>Picked</source>
        <translation>已备货</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="18"/>
        <source>En route</source>
        <translation>配送中</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="19"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="20"/>
        <source>Failed</source>
        <translation>配送失败</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="21"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="29"/>
        <source>Merchant closed</source>
        <translation>商户停止接单</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="30"/>
        <source>Call to confirm</source>
        <translation>需电话确认</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="31"/>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="32"/>
        <source>Same household</source>
        <translation>同户合并</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="33"/>
        <source>Late</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="41"/>
        <source>Nobody at home</source>
        <translation>家中无人</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="42"/>
        <source>Nobody at the door or on the phone</source>
        <translation>敲门无人、电话未接</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="45"/>
        <source>Refused by the resident</source>
        <translation>居民拒收</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="46"/>
        <source>Wrong address</source>
        <translation>地址有误</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="47"/>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="48"/>
        <source>Not confirmed on the call</source>
        <translation>电话中未确认</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="51"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="60"/>
        <source>left the scheme</source>
        <translation>已退出</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="61"/>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="64"/>
        <source>food licence expired on {day}</source>
        <translation>食品经营许可证已于 {day} 到期</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="68"/>
        <source>business licence expired on {day}</source>
        <translation>营业执照已于 {day} 到期</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="81"/>
        <source>{state}: {why}</source>
        <translation>{state}：{why}</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="84"/>
        <source>takes no orders</source>
        <translation>暂不接单</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="97"/>
        <source>The window is full</source>
        <translation>该时段已满</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="98"/>
        <source>The merchant takes no orders (licence or suspension)</source>
        <translation>该商户暂停接单（证照或停业）</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="101"/>
        <source>Choose a window of this merchant</source>
        <translation>请选择该商户的时段</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="102"/>
        <source>The window has ended</source>
        <translation>该时段已结束</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="103"/>
        <source>A product is no longer sold</source>
        <translation>有商品已下架</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="104"/>
        <source>Choose one named deliverer</source>
        <translation>请指定一名配送人</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="105"/>
        <source>The deliverer&apos;s health certificate has expired</source>
        <translation>配送人的健康证已过期</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="108"/>
        <source>The basket is empty</source>
        <translation>清单为空</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="109"/>
        <source>A quantity is 1–99</source>
        <translation>数量为 1–99</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="110"/>
        <source>Name the family member who orders</source>
        <translation>请填写代下单家属姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="113"/>
        <source>Only the family member the resident&apos;s record names as emergency contact may order</source>
        <translation>只有居民档案中登记为紧急联系人的家属可以代为下单</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="117"/>
        <source>A hotline order comes from a call</source>
        <translation>热线订单须来自一通来电</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="118"/>
        <source>A signature or a photo is needed</source>
        <translation>需要签名或照片</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="121"/>
        <source>The resident&apos;s confirmation is needed</source>
        <translation>需要居民确认</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="124"/>
        <source>Say who confirmed at the door</source>
        <translation>请填写上门确认人</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="125"/>
        <source>Record the confirmation call first</source>
        <translation>请先记录确认电话</translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="128"/>
        <source>Choose a resident</source>
        <translation>请选择居民</translation>
    </message>
</context>
<context>
    <name>OrderWindowsEditor</name>
    <message>
        <location filename="../../widgets/order_windows.py" line="167"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="168"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="169"/>
        <source>Copy to the next (days)</source>
        <translation>复制到之后（天）</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="170"/>
        <source>Open window</source>
        <translation>开放时段</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="171"/>
        <source>Copy this day&apos;s windows</source>
        <translation>复制当天时段</translation>
    </message>
</context>
<context>
    <name>OrdersPresenter</name>
    <message>
        <location filename="../../console/presenters/orders.py" line="54"/>
        <source>Deliveries</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="55"/>
        <source>New order</source>
        <translation>新订单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="56"/>
        <source>Silence list</source>
        <translation>久未下单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="58"/>
        <source>Windows</source>
        <translation>下单时段</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="68"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="87"/>
        <source>Volunteer task for the selected delivery…</source>
        <translation>为选中的配送派志愿者任务…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="117"/>
        <source>Select the delivery on the board first.</source>
        <translation>请先在配送看板上选择配送单。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="196"/>
        <source>Could not load the deliveries</source>
        <translation>无法加载配送单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="207"/>
        <source>Could not load the silence list</source>
        <translation>无法加载久未下单名单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="224"/>
        <source>Could not search residents</source>
        <translation>无法查找居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="241"/>
        <source>Could not load the resident&apos;s ordering data</source>
        <translation>无法加载该居民的下单资料</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="257"/>
        <source>Order {id} placed</source>
        <translation>订单 {id} 已下单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="267"/>
        <source>Order not placed: {why}</source>
        <translation>未能下单：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="272"/>
        <source>Could not place the order</source>
        <translation>无法下单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="294"/>
        <source>{what}: {why}</source>
        <translation>{what}：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="316"/>
        <source>Could not move order {id}</source>
        <translation>无法更新订单 {id}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="331"/>
        <source>Order {id} failed for a resident living alone: welfare check {inc} raised in the incident queue</source>
        <translation>订单 {id} 配送给独居居民失败：已在事件队列生成上门探视 {inc}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="338"/>
        <source>Could not record the failure of order {id}</source>
        <translation>无法记录订单 {id} 的配送失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="350"/>
        <source>Could not record the confirmation call for order {id}</source>
        <translation>无法记录订单 {id} 的确认电话</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="366"/>
        <source>Call placed: it is in the Calls pane, and is linked when you record.</source>
        <translation>已拨出：通话在“电话”窗格中，记录结果时将自动关联。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="371"/>
        <source>The call could not be placed: dial by hand, or try again.</source>
        <translation>未能拨出：请手动拨号或重试。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="375"/>
        <source>order confirmation</source>
        <translation>订单确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="387"/>
        <source>Could not open order {id}</source>
        <translation>无法打开订单 {id}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="411"/>
        <source>Could not record the delivery of order {id}</source>
        <translation>无法记录订单 {id} 的签收</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="424"/>
        <source>Order {id}: {name}, {phone}, {address} (this look is recorded)</source>
        <translation>订单 {id}：{name}，{phone}，{address}（本次查看已记录）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="433"/>
        <source>Could not show the contact</source>
        <translation>无法显示联系方式</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="451"/>
        <source>Could not load the windows</source>
        <translation>无法加载下单时段</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="480"/>
        <source>Could not open the window</source>
        <translation>无法开放时段</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="493"/>
        <source>{n} windows opened on the following days</source>
        <translation>已在之后几天开放 {n} 个时段</translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="500"/>
        <source>Could not copy the windows</source>
        <translation>无法复制时段</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="442"/>
        <source>New pairing</source>
        <translation>新建结对</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="458"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="459"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="461"/>
        <source>Visits</source>
        <translation>探访</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="462"/>
        <source>Day</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="463"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="470"/>
        <source>This community has no active volunteer.</source>
        <translation>该社区没有在岗志愿者。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="472"/>
        <source>Choose the resident.</source>
        <translation>请选择居民。</translation>
    </message>
</context>
<context>
    <name>PairingsModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="660"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="661"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="664"/>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="669"/>
        <source>Visits</source>
        <translation>探访</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="672"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="673"/>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="674"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
</context>
<context>
    <name>PanicButton</name>
    <message>
        <location filename="../../widgets/station_panic.py" line="63"/>
        <source>Panic</source>
        <translation>紧急报警</translation>
    </message>
    <message>
        <location filename="../../widgets/station_panic.py" line="122"/>
        <source>PANIC</source>
        <translation>紧急报警</translation>
    </message>
    <message>
        <location filename="../../widgets/station_panic.py" line="123"/>
        <source>Hold for {n} s</source>
        <translation>按住 {n} 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/station_panic.py" line="124"/>
        <source>Keep holding…</source>
        <translation>请继续按住…</translation>
    </message>
    <message>
        <location filename="../../widgets/station_panic.py" line="127"/>
        <source>Hold down for {n} seconds (or hold Space) to raise a P1 alarm at the control room. Letting go early sends nothing.</source>
        <translation>按住 {n} 秒（或按住空格键）向指挥中心发出 P1 报警。提前松开不会发送。</translation>
    </message>
</context>
<context>
    <name>PassportPanel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="885"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="886"/>
        <source>Computes</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="887"/>
        <source>Numerator</source>
        <translation>分子</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="888"/>
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="889"/>
        <source>Source tables</source>
        <translation>数据来源表</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="890"/>
        <source>Breakdowns</source>
        <translation>细分维度</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="891"/>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="892"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="893"/>
        <source>Owner</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="894"/>
        <source>Data-quality limits</source>
        <translation>数据质量局限</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="895"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="896"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="917"/>
        <source>Select an indicator to read its passport.</source>
        <translation>请选择一项指标，查看其指标说明。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="927"/>
        <source>n / denominator {numbers}</source>
        <translation>n / 分母 {numbers}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="930"/>
        <source>95 % interval {interval}</source>
        <translation>95% 区间 {interval}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="938"/>
        <source>none: a count has no denominator</source>
        <translation>无：计数指标没有分母</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="942"/>
        <source>Incident types: {types}</source>
        <translation>事件类型：{types}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="947"/>
        <location filename="../../widgets/kpi_dashboard.py" line="964"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="953"/>
        <source>{series} (definition version {version}): a changed definition starts a new series</source>
        <translation>{series}（定义版本 {version}）：定义一经修改即开始新的序列</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="967"/>
        <source>not yet measured ({period})</source>
        <translation>尚未测得（{period}）</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="970"/>
        <source>{rate} per 10,000 residents a month</source>
        <translation>每万人每月 {rate} 起</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="985"/>
        <source>{points} percentage points</source>
        <translation>{points} 个百分点</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="986"/>
        <source>{target}; amber up to {band} short of it</source>
        <translation>{target}；差距在 {band}以内为黄</translation>
    </message>
</context>
<context>
    <name>PendingHandoverDialog</name>
    <message>
        <location filename="../../widgets/handover.py" line="301"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="302"/>
        <source>Handover from {who} pending</source>
        <translation>{who} 的交班待确认</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="304"/>
        <source>Handed over at {when} on this workstation. Read the report, then acknowledge it.</source>
        <translation>{when} 在本工作站交班。请阅读报告后确认接班。</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="306"/>
        <source>Audit chain head: {head}</source>
        <translation>审计链头：{head}</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="308"/>
        <source>{n} handovers are waiting.</source>
        <translation>共有 {n} 份交班待确认。</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="310"/>
        <source>Notes of {who}:</source>
        <translation>{who} 的留言：</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="311"/>
        <source>(no notes)</source>
        <translation>（无留言）</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="312"/>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="313"/>
        <source>&amp;Acknowledge</source>
        <translation>确认接班(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="314"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="371"/>
        <source>Nothing to choose.</source>
        <translation>没有可选项。</translation>
    </message>
</context>
<context>
    <name>PipelineModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="197"/>
        <source>Seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="200"/>
        <source>Posting</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="203"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="206"/>
        <source>Referred</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="211"/>
        <source>Last step</source>
        <translation>最近一步</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="216"/>
        <source>Employer confirmed</source>
        <translation>单位确认</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="219"/>
        <source>Counsellor</source>
        <translation>指导员</translation>
    </message>
</context>
<context>
    <name>PlanImageDialog</name>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="205"/>
        <source>{path} is not a readable PNG or JPEG image.</source>
        <translation>{path} 不是可读取的 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="239"/>
        <location filename="../../widgets/plan_image_dialog.py" line="298"/>
        <source>Plan image</source>
        <translation>平面图图片</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="243"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="267"/>
        <source>Choose an image first.</source>
        <translation>请先选择图片。</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="273"/>
        <source>Click two points far apart on the image (at least 10 px) and type their different site positions in metres.</source>
        <translation>在图片上点击相距较远的两个点（至少 10 像素），并输入它们各自不同的站点坐标（米）。</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="280"/>
        <source>{mpp:.3f} m per pixel, turned {deg:.1f}° counter-clockwise</source>
        <translation>每像素 {mpp:.3f} 米，逆时针旋转 {deg:.1f}°</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="301"/>
        <source>Click two points on the image that you can find on the site plan (far apart, e.g. two street corners) and type their site positions in metres. Paste the [plan] table below into the site file, next to which the image must lie.</source>
        <translation>在图片上点击两个能在站点平面上找到的点（相距较远，例如两个街角），并输入它们的站点坐标（米）。将下方的 [plan] 表粘贴到站点配置文件中，图片须与该文件放在同一目录。</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="306"/>
        <source>Choose image…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="308"/>
        <source>Pixel x</source>
        <translation>像素 x</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="309"/>
        <source>Pixel y</source>
        <translation>像素 y</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="310"/>
        <source>Site x (m)</source>
        <translation>站点 x（米）</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="311"/>
        <source>Site y (m)</source>
        <translation>站点 y（米）</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="316"/>
        <source>Point {n}</source>
        <translation>点 {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="317"/>
        <source>Copy [plan] table</source>
        <translation>复制 [plan] 表</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="318"/>
        <source>Show on this map</source>
        <translation>在本机地图上显示</translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="320"/>
        <source>Until the console restarts; the site file keeps it for good</source>
        <translation>仅到控制台重启为止；写入站点配置文件后才会长期保留</translation>
    </message>
</context>
<context>
    <name>PlaybackWords</name>
    <message>
        <location filename="../../console/wall_playback.py" line="41"/>
        <source>PLAYBACK {time}</source>
        <translation>回放 {time}</translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="45"/>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="49"/>
        <source>No recording here</source>
        <translation>此处无录像</translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="51"/>
        <source>No recording here; it resumes at {time}</source>
        <translation>此处无录像，{time} 恢复</translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="55"/>
        <source>End of the recording</source>
        <translation>录像结束</translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="57"/>
        <source>The recording cannot be read here</source>
        <translation>此处录像无法读取</translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="59"/>
        <source>Opening the recording…</source>
        <translation>正在打开录像…</translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="61"/>
        <source> · keyframes</source>
        <translation> · 仅关键帧</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="431"/>
        <source>New posting</source>
        <translation>新增岗位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="431"/>
        <source>Posting</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="464"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="465"/>
        <source>Title</source>
        <translation>岗位名称</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="466"/>
        <source>Duties</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="467"/>
        <source>Hours a week</source>
        <translation>每周工时</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="468"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="469"/>
        <source>Pay a month (yuan)</source>
        <translation>月薪（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="470"/>
        <source>Openings</source>
        <translation>招聘人数</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="471"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="472"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="473"/>
        <source>Skills required (comma-separated)</source>
        <translation>所需技能（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="474"/>
        <source>Workplace offers</source>
        <translation>工作场所提供</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="475"/>
        <source>Only for (none ticked: anyone)</source>
        <translation>仅限（不勾选：不限）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="476"/>
        <source>Form of employment</source>
        <translation>就业形式</translation>
    </message>
</context>
<context>
    <name>PostingsModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="138"/>
        <source>Posting</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="139"/>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="142"/>
        <source>Hours, shift</source>
        <translation>工时、班次</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="147"/>
        <source>Pay a month (yuan)</source>
        <translation>月薪（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="150"/>
        <source>Openings</source>
        <translation>招聘人数</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="151"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="154"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="155"/>
        <source>street</source>
        <translation>街道</translation>
    </message>
</context>
<context>
    <name>PostingsTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="485"/>
        <source>New posting…</source>
        <translation>新增岗位…</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="486"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="487"/>
        <source>Seekers for this posting</source>
        <translation>此岗位的求职者</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="488"/>
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="489"/>
        <source>Filled</source>
        <translation>已招满</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="490"/>
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PriceCheck</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="402"/>
        <source>Reference ¥{ref}: {pct} below — {check}</source>
        <translation>参考价 ¥{ref}：低 {pct} — {check}</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="417"/>
        <source>A price in yuan, more than zero, at most two decimals (12.50).</source>
        <translation>请输入大于零、最多两位小数的元金额（如12.50）。</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="494"/>
        <source>Change the price of {name}</source>
        <translation>调整{name}的价格</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="496"/>
        <source>Now (¥)</source>
        <translation>现价（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="497"/>
        <source>New price (¥)</source>
        <translation>新价格（元）</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="437"/>
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="456"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="457"/>
        <source>Commodity code</source>
        <translation>品名编码</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="458"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="459"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="460"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="461"/>
        <source>Price (¥)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="472"/>
        <source>A commodity code without spaces (RICE-5KG).</source>
        <translation>品名编码不能含空格（如 RICE-5KG）。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="474"/>
        <source>The name and the unit are needed.</source>
        <translation>需要填写名称和单位。</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="730"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="733"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="734"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="735"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="738"/>
        <source>Price (¥)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="747"/>
        <source>Reference (¥)</source>
        <translation>参考价（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="755"/>
        <source>Discount</source>
        <translation>优惠幅度</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="764"/>
        <source>Check</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="765"/>
        <source>Withdrawn</source>
        <translation>已下架</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="768"/>
        <source>Code</source>
        <translation>品名编码</translation>
    </message>
</context>
<context>
    <name>QualificationDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="380"/>
        <location filename="../../widgets/volunteers_dialogs.py" line="388"/>
        <source>Qualification</source>
        <translation>资质</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="382"/>
        <source>e.g. 急救证</source>
        <translation>如：急救证</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="384"/>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="389"/>
        <source>Certificate No.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="395"/>
        <source>Type the qualification.</source>
        <translation>请输入资质名称。</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <location filename="../../widgets/survey_editor.py" line="310"/>
        <source>Convenience (plan indicator)</source>
        <translation>便利度（规划指标）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="311"/>
        <source>Awareness (plan indicator)</source>
        <translation>知晓度（规划指标）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="313"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="314"/>
        <source>Kind</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="315"/>
        <location filename="../../widgets/survey_editor.py" line="335"/>
        <source>Text</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="316"/>
        <source>Required</source>
        <translation>必答</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="317"/>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="318"/>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="319"/>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="320"/>
        <source>Matrix rows</source>
        <translation>矩阵行</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="321"/>
        <source>Matrix columns</source>
        <translation>矩阵列</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="322"/>
        <source>Show if</source>
        <translation>显示条件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="323"/>
        <source>Skip rules</source>
        <translation>跳转规则</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="324"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="325"/>
        <source>Satisfied codes</source>
        <translation>计为满意的代码</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="326"/>
        <source>&quot;Don&apos;t know&quot; codes</source>
        <translation>“不知道”代码</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="331"/>
        <source>Single choice</source>
        <translation>单选</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="332"/>
        <source>Multiple choice</source>
        <translation>多选</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="333"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="334"/>
        <source>NPS 0–10</source>
        <translation>NPS 0–10</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="336"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="337"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="338"/>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="342"/>
        <location filename="../../widgets/survey_editor.py" line="343"/>
        <location filename="../../widgets/survey_editor.py" line="344"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="342"/>
        <location filename="../../widgets/survey_editor.py" line="343"/>
        <location filename="../../widgets/survey_editor.py" line="344"/>
        <source>Label</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="345"/>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="345"/>
        <source>Go to (id or end)</source>
        <translation>跳到（题号或 end）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="346"/>
        <source>e.g. age &gt;= 60 and alone = &quot;y&quot;</source>
        <translation>例如 age &gt;= 60 and alone = &quot;y&quot;</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="347"/>
        <source>codes, comma-separated, e.g. 4, 5</source>
        <translation>代码，用逗号分隔，例如 4, 5</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="348"/>
        <source>codes left out of CSAT, e.g. dk</source>
        <translation>不计入满意度的代码，例如 dk</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="349"/>
        <location filename="../../widgets/survey_editor.py" line="350"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <location filename="../../widgets/survey_question.py" line="165"/>
        <location filename="../../widgets/survey_question.py" line="410"/>
        <source>Type a number</source>
        <translation>请输入数字</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="252"/>
        <location filename="../../widgets/survey_question.py" line="274"/>
        <source>Press a number to choose, Enter to go on</source>
        <translation>按数字键选择，按回车继续</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="254"/>
        <source>Choose all that apply; Enter to go on</source>
        <translation>可多选；按回车继续</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="272"/>
        <source>0 = not at all likely, 10 = extremely likely</source>
        <translation>0 = 完全不可能，10 = 非常可能</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="283"/>
        <source>Type your answer, Enter to go on</source>
        <translation>请输入您的回答，按回车继续</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="288"/>
        <source>Type a number, Enter to go on</source>
        <translation>请输入数字，按回车继续</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="309"/>
        <source>Pick a date, Enter to go on</source>
        <translation>请选择日期，按回车继续</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="337"/>
        <source>One answer per row: numbers answer the next row</source>
        <translation>每行选一项：按数字键依次回答各行</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="406"/>
        <source>Please answer this question</source>
        <translation>请回答此题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="408"/>
        <source>Please answer every row</source>
        <translation>请回答每一行</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="412"/>
        <source>The smallest allowed is %1</source>
        <translation>最小允许值为 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="414"/>
        <source>The largest allowed is %1</source>
        <translation>最大允许值为 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="416"/>
        <source>The text is too long</source>
        <translation>文字太长</translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <location filename="../../widgets/feedback.py" line="164"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="169"/>
        <source>Tickets</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="176"/>
        <source>Response rate</source>
        <translation>响应率</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="182"/>
        <source>Resolution rate</source>
        <translation>解决率</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="188"/>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="202"/>
        <source>{pct} % ({num}/{den})</source>
        <translation>{pct}%（{num}/{den}）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../widgets/consent.py" line="409"/>
        <source>at least {n} characters</source>
        <translation>至少 {n} 个字</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="414"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="428"/>
        <location filename="../../widgets/volunteers_dialogs.py" line="412"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="432"/>
        <source>Type {name} to confirm</source>
        <translation>输入 {name} 以确认</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="443"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="486"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="488"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="232"/>
        <source>A reason is needed.</source>
        <translation>需要填写原因。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="234"/>
        <source>A reason has at most 200 characters.</source>
        <translation>原因最多200个字符。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="409"/>
        <source>The reason is recorded in the audit log with your name.</source>
        <translation>查看理由将与您的姓名一并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="417"/>
        <source>Type a reason.</source>
        <translation>请输入理由。</translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <location filename="../../widgets/consent.py" line="349"/>
        <source>Record consent</source>
        <translation>记录同意</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="352"/>
        <source>Consent to: {purpose}. A person with dementia or under 18 consents through their guardian; a verbal consent needs a witness. Recorded as given by you ({who}) now.</source>
        <translation>同意事项：{purpose}。失智者或未满 18 岁者须由监护人代为同意；口头同意需要见证人。将以您（{who}）的名义立即记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="360"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="361"/>
        <source>Witness</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="362"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="363"/>
        <source>Guardian&apos;s relation</source>
        <translation>与监护人的关系</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="364"/>
        <source>Given on</source>
        <translation>给出日期</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="365"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="369"/>
        <source>who heard the consent given</source>
        <translation>听到同意的人</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="370"/>
        <source>e.g. daughter, son, spouse</source>
        <translation>如：女儿、儿子、配偶</translation>
    </message>
</context>
<context>
    <name>RecorderStatusLabel</name>
    <message>
        <location filename="../../widgets/recorder_status.py" line="53"/>
        <source>● Not recording</source>
        <translation>● 未在录像</translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="55"/>
        <source>No recorder has reported since {t}.</source>
        <translation>自 {t} 起没有录像服务报告状态。</translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="57"/>
        <source>No recorder has reported.</source>
        <translation>没有录像服务报告状态。</translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="67"/>
        <source>● Recording {n}/{total} · {rate} Mbit/s · {free} free</source>
        <translation>● 录像 {n}/{total} · {rate} Mbit/s · 剩余 {free}</translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="71"/>
        <source> · {days} days</source>
        <translation> · 可存 {days} 天</translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="75"/>
        <source>{name}: {n} of {total} cameras, since {t}</source>
        <translation>{name}：{total} 台中 {n} 台在录，自 {t} 起</translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="84"/>
        <source>Not recording: {cameras}</source>
        <translation>未在录像：{cameras}</translation>
    </message>
</context>
<context>
    <name>RecordingsPresenter</name>
    <message>
        <location filename="../../console/presenters/recordings.py" line="243"/>
        <source>Playback</source>
        <translation>录像回放</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="257"/>
        <source>Recorded video of the incident</source>
        <translation>事件录像回放</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="267"/>
        <source>Export the incident&apos;s video evidence…</source>
        <translation>导出事件的视频证据…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="277"/>
        <source>Keep the incident&apos;s video as evidence…</source>
        <translation>保全事件录像为证据…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="287"/>
        <source>Release the incident&apos;s evidence hold…</source>
        <translation>解除事件的证据保全…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="332"/>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="333"/>
        <source>Previous frame (Left)</source>
        <translation>上一帧（←）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="334"/>
        <source>Next frame (Right)</source>
        <translation>下一帧（→）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="335"/>
        <source>◀ Event</source>
        <translation>◀ 事件点</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="336"/>
        <source>Previous bookmark, motion or incident (Ctrl+Left)</source>
        <translation>上一个书签、移动侦测或事件（Ctrl+←）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="337"/>
        <source>Event ▶</source>
        <translation>事件点 ▶</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="338"/>
        <source>Next bookmark, motion or incident (Ctrl+Right)</source>
        <translation>下一个书签、移动侦测或事件（Ctrl+→）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="339"/>
        <source>Bookmark…</source>
        <translation>书签…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="340"/>
        <source>Mark this moment with a note (Ctrl+B)</source>
        <translation>为此刻添加书签和备注（Ctrl+B）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="341"/>
        <source>Export evidence…</source>
        <translation>导出证据…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="342"/>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="343"/>
        <source>Go to the newest recording</source>
        <translation>跳到最新录像</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="344"/>
        <location filename="../../console/presenters/recordings.py" line="916"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="357"/>
        <source>The recorder could not be started: {why}</source>
        <translation>录像服务无法启动：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="436"/>
        <source>The recorder stopped (exit {code}): {why}. Starting it again.</source>
        <translation>录像服务已停止（退出码 {code}）：{why}。正在重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="466"/>
        <source>Could not read the recorder&apos;s state</source>
        <translation>无法读取录像服务状态</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="553"/>
        <source>PLAYBACK {time}</source>
        <translation>回放 {time}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="584"/>
        <source>Could not read the recordings</source>
        <translation>无法读取录像</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="631"/>
        <source>Choose cameras: Enter on a camera in the list, or drag it onto a tile. Ctrl+Shift+R plays the video of the incident selected in the queue.</source>
        <translation>选择摄像机：在列表中选中后按回车，或拖到画面格上。Ctrl+Shift+R 回放队列中所选事件的录像。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="637"/>
        <source>No recordings of these cameras around this time.</source>
        <translation>这些摄像机在此时段前后没有录像。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="653"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="653"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="706"/>
        <source>No further event in the loaded range.</source>
        <translation>已加载的时段内没有更多事件点。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="766"/>
        <source>Select an incident in the queue first.</source>
        <translation>请先在事件队列中选择一个事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="787"/>
        <source>The incident names no camera.</source>
        <translation>该事件未关联任何摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="795"/>
        <source>Could not find the incident&apos;s cameras</source>
        <translation>无法查找该事件的摄像机</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="819"/>
        <source>The video of incident {id} is kept as evidence.</source>
        <translation>事件 {id} 的录像已保全为证据。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="822"/>
        <source>Could not keep the video</source>
        <translation>无法保全录像</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="827"/>
        <source>Keep video as evidence</source>
        <translation>保全录像为证据</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="829"/>
        <source>Keep {cameras} from {start} to {end} for incident {incident} until a supervisor releases it. Reason:</source>
        <translation>为事件 {incident} 保全 {cameras} 自 {start} 至 {end} 的录像，直到值班长解除。事由：</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="852"/>
        <source>Incident {id} has no evidence hold in force.</source>
        <translation>事件 {id} 没有生效中的证据保全。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="868"/>
        <source>{n} evidence hold(s) of incident {id} released.</source>
        <translation>已解除事件 {id} 的 {n} 项证据保全。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="874"/>
        <source>Could not release the hold</source>
        <translation>无法解除保全</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="880"/>
        <source>Release evidence hold</source>
        <translation>解除证据保全</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="882"/>
        <source>The video of incident {id} will be deleted by retention once it is old enough. Reason for releasing it:</source>
        <translation>解除后，事件 {id} 的录像到期将按保存期限删除。解除事由：</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="892"/>
        <source>Could not read the incident&apos;s holds</source>
        <translation>无法读取事件的证据保全</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="911"/>
        <source>Could not add the bookmark</source>
        <translation>无法添加书签</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="917"/>
        <source>Note for {camera} at {time}:</source>
        <translation>{camera} 在 {time} 的备注：</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1052"/>
        <source>Nothing is recorded in this range.</source>
        <translation>此时段内没有录像。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1104"/>
        <source>Cancelled: nothing was left.</source>
        <translation>已取消：未留下任何文件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1126"/>
        <source>Written to {path}
Manifest SHA-256: {sha}</source>
        <translation>已写入 {path}
清单 SHA-256：{sha}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1130"/>
        <source>Signed by the site key {fingerprint}</source>
        <translation>已用本站密钥签名 {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1134"/>
        <source>Not signed: this workstation does not hold the site key.</source>
        <translation>未签名：本工作站没有本站密钥。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1142"/>
        <source>The audit row could not be written: {why}</source>
        <translation>审计记录无法写入：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1144"/>
        <source>Could not audit the export</source>
        <translation>无法记录导出审计</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1027"/>
        <source>Only the first {count} records are listed: more exist. Choose a community to narrow them down.</source>
        <translation>只列出前 {count} 条记录，还有更多。请选择社区以缩小范围。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1032"/>
        <source>No records that you may see are behind this figure.</source>
        <translation>此数值背后没有您有权查看的记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1034"/>
        <source>{count} records</source>
        <translation>{count} 条记录</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1037"/>
        <source>Records behind the figure</source>
        <translation>数值背后的记录</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="604"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="605"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="606"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="609"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="622"/>
        <source>Round {round} · resident {id}</source>
        <translation>轮次 {round} · 居民 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="625"/>
        <source>Round {round} · answer {id}</source>
        <translation>轮次 {round} · 答卷 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="627"/>
        <source>Incident {id}</source>
        <translation>事件 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="628"/>
        <source>Request {id}</source>
        <translation>诉求 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="629"/>
        <source>Screening {id}</source>
        <translation>筛查 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="630"/>
        <source>Counselling contact {id}</source>
        <translation>咨询服务 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="631"/>
        <source>Referral {id}</source>
        <translation>推荐 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="632"/>
        <source>Resident {id}</source>
        <translation>居民 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="633"/>
        <source>Tag {id}</source>
        <translation>标签 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="634"/>
        <source>Workstation {id}</source>
        <translation>工作站 {id}</translation>
    </message>
</context>
<context>
    <name>ReferencesModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="993"/>
        <source>Commodity</source>
        <translation>品名编码</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="996"/>
        <source>Reference (¥)</source>
        <translation>参考价（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1002"/>
        <source>Fewer than 3 observations in the last 60 days</source>
        <translation>近60天内采价不足3次</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1009"/>
        <source>Observations</source>
        <translation>采价记录</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1015"/>
        <source>Lowest – highest (¥)</source>
        <translation>最低–最高（元）</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1024"/>
        <source>Last observed</source>
        <translation>最近采价</translation>
    </message>
</context>
<context>
    <name>ReferencesTab</name>
    <message>
        <location filename="../../widgets/merchants.py" line="1128"/>
        <source>Observations of {code}</source>
        <translation>{code} 的采价记录</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1142"/>
        <location filename="../../widgets/merchants.py" line="1150"/>
        <source>Observations</source>
        <translation>采价记录</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1149"/>
        <source>Record a market price…</source>
        <translation>登记市场价…</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1153"/>
        <source>The reference price is the median of the market prices observed in the last 60 days (at least 3). One wrong or unusual price cannot move a median; it is marked as an outlier.</source>
        <translation>参考价是近60天内市场采价的中位数（至少3次）。一个错误或异常的价格不会改变中位数，并被标为异常值。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1160"/>
        <source>No price surveys</source>
        <translation>暂无价格监测</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1162"/>
        <source>Market prices seen at markets, supermarkets and shops give each commodity its reference price. Record a market price… (Alt+O) adds one.</source>
        <translation>在农贸市场、超市和商店采集的价格构成每种商品的参考价。用“登记市场价…”（Alt+O）添加。</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <location filename="../../widgets/counselling.py" line="137"/>
        <source>Referred</source>
        <translation>转介时间</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="138"/>
        <source>To</source>
        <translation>转介类别</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="139"/>
        <source>Where</source>
        <translation>转介至</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="140"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="141"/>
        <source>By</source>
        <translation>转介人</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="583"/>
        <source>Interview</source>
        <translation>面试</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="584"/>
        <source>Offer</source>
        <translation>录用意向</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="585"/>
        <source>Hired</source>
        <translation>已录用</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="586"/>
        <source>Refused…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="587"/>
        <source>Employer confirmed…</source>
        <translation>单位确认…</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="634"/>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="642"/>
        <source>Refused by</source>
        <translation>拒绝方</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="643"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="644"/>
        <source>Note (needed for “other”)</source>
        <translation>备注（选&quot;其他&quot;时必填）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="645"/>
        <source>On</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="770"/>
        <source>Reject hours No. {id}</source>
        <translation>驳回服务时长 第 {id} 号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="777"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ResidentCardDialog</name>
    <message>
        <location filename="../../widgets/residents.py" line="586"/>
        <source>under 18</source>
        <translation>未满 18 岁</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="590"/>
        <source>Shown for incident #{id}; this look is recorded.</source>
        <translation>因事件 #{id} 显示；本次查看已记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="595"/>
        <source>Shown for the reason you gave; this look is recorded.</source>
        <translation>按您填写的理由显示；本次查看已记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="598"/>
        <source>Masked view. To see more, give an incident number or a reason below.</source>
        <translation>脱敏视图。如需查看更多，请在下方填写事件编号或理由。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="603"/>
        <source>The identity number and birth date cannot be shown: the site key is missing on this workstation, or does not fit this database. Ask the site&apos;s administrator. ({detail})</source>
        <translation>无法显示身份证号和出生日期：本工作站缺少站点密钥，或密钥与本数据库不符。请联系站点管理员。（{detail}）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="617"/>
        <source>Anonymised on request: only statistics remain.</source>
        <translation>已应本人请求匿名化：仅保留统计信息。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="619"/>
        <source>Under a legal hold: cannot be anonymised.</source>
        <translation>法律保全中：不能匿名化。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="627"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="627"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="630"/>
        <source>Refused: {note}</source>
        <translation>已拒绝：{note}</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="632"/>
        <source>Incident #{id}</source>
        <translation>事件 #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="642"/>
        <source>Who looked at this record ({n})</source>
        <translation>查看过此记录的人（{n}）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="644"/>
        <source>Who looked at this record: nobody beyond the masked view yet</source>
        <translation>查看过此记录的人：尚无人查看脱敏视图以外的内容</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="650"/>
        <source>no reason given</source>
        <translation>未填写理由</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="651"/>
        <source>no incident number</source>
        <translation>未填写事件编号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="652"/>
        <source>no such incident</source>
        <translation>无此事件</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="653"/>
        <source>the incident is closed</source>
        <translation>该事件已关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="654"/>
        <source>not an incident of theirs to handle</source>
        <translation>不是其可处理的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="682"/>
        <source>Type the number of the incident you are handling.</source>
        <translation>请输入您正在处理的事件编号。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="696"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="698"/>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="699"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="700"/>
        <source>Care</source>
        <translation>照护</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="701"/>
        <source>Whereabouts</source>
        <translation>行踪</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="707"/>
        <source>Reveal — every look is recorded with its purpose</source>
        <translation>查看 — 每次查看连同目的都会被记录</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="708"/>
        <source>For incident #</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="709"/>
        <source>Other reason</source>
        <translation>其他理由</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="710"/>
        <source>the incident you are handling</source>
        <translation>您正在处理的事件</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="712"/>
        <source>why you need to see this person&apos;s details (at least 4 characters)</source>
        <translation>为何需要查看此人的信息（至少 4 个字）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="714"/>
        <source>Reveal</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="716"/>
        <source>Reveal (Enter; {key} goes to the box)</source>
        <translation>显示（回车；{key} 跳到输入框）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="720"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="721"/>
        <source>Who</source>
        <translation>查看人</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="722"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="723"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="724"/>
        <source>Fields shown</source>
        <translation>显示的字段</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="727"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="728"/>
        <source>Export this person&apos;s data…</source>
        <translation>导出此人的数据…</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="729"/>
        <source>Anonymise on request…</source>
        <translation>应请求匿名化…</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <location filename="../../widgets/residents.py" line="144"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="146"/>
        <source>Under 18: shown masked</source>
        <translation>未满 18 岁：脱敏显示</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="148"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="149"/>
        <source>Born</source>
        <translation>出生</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="150"/>
        <source>Identity number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="151"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="152"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="153"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="154"/>
        <source>Care</source>
        <translation>照护</translation>
    </message>
</context>
<context>
    <name>Residents</name>
    <message>
        <location filename="../../widgets/residents.py" line="63"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="64"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="72"/>
        <location filename="../../widgets/residents.py" line="96"/>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="73"/>
        <location filename="../../widgets/residents.py" line="97"/>
        <source>Dementia</source>
        <translation>失智</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="74"/>
        <location filename="../../widgets/residents.py" line="98"/>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="75"/>
        <location filename="../../widgets/residents.py" line="99"/>
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="79"/>
        <location filename="../../widgets/residents.py" line="95"/>
        <source>Needs care</source>
        <translation>需照护</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="86"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="87"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="88"/>
        <source>Born</source>
        <translation>出生</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="89"/>
        <source>Identity number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="90"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="91"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="92"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="93"/>
        <source>Contact&apos;s phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="94"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="100"/>
        <source>Whereabouts</source>
        <translation>行踪</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="107"/>
        <source>(not shown to you)</source>
        <translation>（对您不显示）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="110"/>
        <source>no positions recorded</source>
        <translation>无位置记录</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="111"/>
        <source>(masked)</source>
        <translation>（已脱敏）</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="114"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="116"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ResidentsPresenter</name>
    <message>
        <location filename="../../console/presenters/residents.py" line="54"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="66"/>
        <source>Find resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="114"/>
        <location filename="../../console/presenters/residents.py" line="167"/>
        <location filename="../../console/presenters/residents.py" line="189"/>
        <source>Could not load the residents</source>
        <translation>无法加载居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="228"/>
        <source>Could not open the resident</source>
        <translation>无法打开居民信息</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="305"/>
        <source>Not shown: type a reason of at least 4 characters.</source>
        <translation>未显示：请填写至少 4 个字的理由。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="306"/>
        <source>Not shown: give the incident&apos;s number.</source>
        <translation>未显示：请填写事件编号。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="307"/>
        <source>Not shown: there is no such incident.</source>
        <translation>未显示：无此事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="308"/>
        <source>Not shown: that incident is closed.</source>
        <translation>未显示：该事件已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="309"/>
        <source>Not shown: that incident is not one you may handle.</source>
        <translation>未显示：您无权处理该事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="312"/>
        <source>Not shown: {why}.</source>
        <translation>未显示：{why}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="323"/>
        <source>Could not load who looked at the resident</source>
        <translation>无法加载查看记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="341"/>
        <source>Could not load the resident&apos;s consents</source>
        <translation>无法加载该居民的同意记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="372"/>
        <source>Not valid for this person: someone with dementia or under 18 consents through their guardian, anyone else in writing or aloud.</source>
        <translation>对此人无效：失智者或未满 18 岁者由监护人代为同意，其他人以书面或口头方式同意。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="375"/>
        <source>A verbal consent needs the witness&apos;s name.</source>
        <translation>口头同意需要填写见证人姓名。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="376"/>
        <source>Type the guardian&apos;s name.</source>
        <translation>请输入监护人姓名。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="377"/>
        <source>Type the guardian&apos;s relation to the person.</source>
        <translation>请输入监护人与本人的关系。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="378"/>
        <source>The date consent was given cannot be in the future.</source>
        <translation>同意日期不能晚于今天。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="379"/>
        <location filename="../../console/presenters/residents.py" line="387"/>
        <source>Type a reason of at least 4 characters.</source>
        <translation>请输入至少 4 个字的理由。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="380"/>
        <source>A consent for this purpose is already in force.</source>
        <translation>此目的的同意已经有效。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="381"/>
        <source>No consent for this purpose is in force.</source>
        <translation>此目的没有有效的同意。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="382"/>
        <source>This resident&apos;s data was anonymised.</source>
        <translation>该居民的数据已匿名化。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="388"/>
        <source>This resident&apos;s data is under a legal hold.</source>
        <translation>该居民的数据处于法律保全中。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="389"/>
        <source>This resident&apos;s data was anonymised already.</source>
        <translation>该居民的数据已经匿名化。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="431"/>
        <location filename="../../console/presenters/residents.py" line="452"/>
        <source>Withdraw consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="433"/>
        <source>Withdraw the consent to: {purpose}. Processing for this purpose stops at once; only a new consent, recorded anew, allows it again.</source>
        <translation>撤回对以下事项的同意：{purpose}。该目的的处理将立即停止；只有重新记录新的同意才能恢复。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="437"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="453"/>
        <source>Withdraw the consent to {purpose}? This cannot be undone.</source>
        <translation>撤回对{purpose}的同意？此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="469"/>
        <location filename="../../console/presenters/residents.py" line="487"/>
        <source>Export this person&apos;s data</source>
        <translation>导出此人的数据</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="471"/>
        <source>Everything held about this person, identity number included, is written to a JSON file and a text summary beside it, readable by you only. The export and its reason are recorded.</source>
        <translation>关于此人的全部信息（含身份证号）将写入一个 JSON 文件及旁边的文字摘要，仅您可读。导出及其理由会被记录。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="476"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="488"/>
        <source>Written to {json} and {text}.</source>
        <translation>已写入 {json} 和 {text}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="510"/>
        <location filename="../../console/presenters/residents.py" line="533"/>
        <source>Anonymise on request</source>
        <translation>应请求匿名化</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="512"/>
        <source>The name, identity number, birth date, phone, address and emergency contact are replaced for good; year of birth, community and care flags stay for statistics; every consent is withdrawn. The audit log keeps its rows. Refused under a legal hold.</source>
        <translation>姓名、身份证号、出生日期、电话、地址和紧急联系人将被永久替换；出生年份、社区和照护标记保留用于统计；所有同意将被撤回。审计日志保留其记录。处于法律保全时拒绝执行。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="518"/>
        <source>Anonymise</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="534"/>
        <source>Anonymise {name} now? This cannot be undone.</source>
        <translation>现在匿名化 {name}？此操作不可撤销。</translation>
    </message>
</context>
<context>
    <name>ResidentsWidget</name>
    <message>
        <location filename="../../widgets/residents.py" line="229"/>
        <location filename="../../widgets/residents.py" line="338"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="292"/>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="292"/>
        <source>Dementia</source>
        <translation>失智</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="303"/>
        <source>{shown} of {total} — scroll for more</source>
        <translation>{shown} / {total} — 向下滚动加载更多</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="308"/>
        <source>{total} residents</source>
        <translation>{total} 位居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="311"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="311"/>
        <source>Sign in to see the residents.</source>
        <translation>登录后查看居民。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="316"/>
        <source>No resident matches “{query}”</source>
        <translation>没有与“{query}”匹配的居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="318"/>
        <source>Search by part of a name, a whole identity number (18 characters) or a phone number. Identity numbers are compared exactly, never by part.</source>
        <translation>可按姓名的一部分、完整身份证号（18 位）或电话号码搜索。身份证号只精确比对，不按部分匹配。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="325"/>
        <source>No residents in your communities</source>
        <translation>您的社区中没有居民</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="327"/>
        <source>Residents come from the community registers. A community workstation sees its own community only.</source>
        <translation>居民信息来自社区登记。社区工作站只能看到本社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="335"/>
        <source>Search: name, identity number or phone (Ctrl+Shift+F) — Enter opens the card</source>
        <translation>搜索：姓名、身份证号或电话（Ctrl+Shift+F）— 回车打开信息卡</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../widgets/screening.py" line="203"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="206"/>
        <source>Form</source>
        <translation>量表</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="207"/>
        <source>Given</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="210"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="212"/>
        <source>partial, not scored</source>
        <translation>未完成，不计分</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="219"/>
        <source>Risk answer</source>
        <translation>风险回答</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="221"/>
        <source>yes, incident {id}</source>
        <translation>有，事件 {id}</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="224"/>
        <source>Given by</source>
        <translation>施测人</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="669"/>
        <source>Record a follow-up call</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="671"/>
        <source>Yes, still employed</source>
        <translation>是，仍在岗</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="672"/>
        <source>No, no longer employed</source>
        <translation>否，已离岗</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="677"/>
        <source>Seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="678"/>
        <source>Still employed</source>
        <translation>是否在岗</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="679"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="680"/>
        <source>Called on</source>
        <translation>回访日期</translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="232"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="233"/>
        <source>Seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="236"/>
        <source>Posting</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="239"/>
        <source>Hired</source>
        <translation>录用日期</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="240"/>
        <source>Called</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="243"/>
        <source>Still employed</source>
        <translation>是否在岗</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="613"/>
        <source>Record check…</source>
        <translation>登记回访…</translation>
    </message>
</context>
<context>
    <name>RoundsModel</name>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="63"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="64"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="67"/>
        <source>Participation</source>
        <translation>参与率</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="74"/>
        <source>Partial</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="78"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="80"/>
        <source>Form</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="82"/>
        <source>Frame</source>
        <translation>抽样框</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="85"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="91"/>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="92"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="92"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="101"/>
        <source>communities</source>
        <translation>社区全体</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="102"/>
        <source>care group</source>
        <translation>关爱群体</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="103"/>
        <source>random sample</source>
        <translation>随机抽样</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="104"/>
        <source>businesses</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="108"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="108"/>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>RoundsWidget</name>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="225"/>
        <source>Call list of {round}: {n} of {frame} still to answer</source>
        <translation>{round} 的呼叫名单：{frame} 人中尚有 {n} 人未作答</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="229"/>
        <source>(the first {k} shown)</source>
        <translation>（显示前 {k} 人）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="280"/>
        <source>New round…</source>
        <translation>新建轮次…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="281"/>
        <source>Close round…</source>
        <translation>结束轮次…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="282"/>
        <source>Enter paper responses…</source>
        <translation>录入纸质答卷…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="283"/>
        <source>Call next</source>
        <translation>拨打下一位</translation>
    </message>
</context>
<context>
    <name>RunChartView</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="693"/>
        <source>No month has a value: nothing to chart.</source>
        <translation>没有任何月份有数值：无法作图。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="694"/>
        <source>Median {median}.</source>
        <translation>中位数 {median}。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="697"/>
        <source>A shift: {n} or more points on one side of the median.</source>
        <translation>出现偏移：连续 {n} 个或更多点位于中位数同一侧。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="703"/>
        <source>A trend: {n} or more points all going up or all going down.</source>
        <translation>出现趋势：连续 {n} 个或更多点持续上升或持续下降。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="708"/>
        <source>Too few runs: the process has likely changed.</source>
        <translation>游程太少：过程很可能已发生变化。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="710"/>
        <source>Too many runs: the points alternate more than chance would.</source>
        <translation>游程太多：各点交替的次数超出随机波动。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="714"/>
        <source>Fewer than {n} points off the median: the number of runs is not judged yet.</source>
        <translation>不在中位数上的点少于 {n} 个：暂不判断游程数。</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="718"/>
        <source>No signal: the variation looks random.</source>
        <translation>无信号：波动看来是随机的。</translation>
    </message>
</context>
<context>
    <name>Screening</name>
    <message>
        <location filename="../../widgets/screening.py" line="37"/>
        <source>At the station</source>
        <translation>工作站当面</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="38"/>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="39"/>
        <source>Self-completed (kiosk)</source>
        <translation>自助完成（自助终端）</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="317"/>
        <source>{n} due for a rescreen by {day}</source>
        <translation>{day} 前需复筛：{n} 人</translation>
    </message>
</context>
<context>
    <name>ScreeningPresenter</name>
    <message>
        <location filename="../../console/presenters/screening.py" line="69"/>
        <source>Screen a resident</source>
        <translation>居民筛查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="70"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="71"/>
        <source>Due for rescreen</source>
        <translation>待复筛</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="72"/>
        <source>Licences</source>
        <translation>量表授权</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="74"/>
        <source>Counselling</source>
        <translation>心理咨询</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="79"/>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="93"/>
        <location filename="../../console/presenters/screening.py" line="217"/>
        <source>Screening</source>
        <translation>心理筛查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="186"/>
        <source>Could not read the rescreen list</source>
        <translation>无法读取复筛名单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="195"/>
        <source>Could not read the licence register</source>
        <translation>无法读取量表授权登记</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="208"/>
        <source>Could not read the figures</source>
        <translation>无法读取统计数据</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="237"/>
        <source>No results shown</source>
        <translation>未显示结果</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="238"/>
        <source>Pick a resident on the first tab and press Results and trend.</source>
        <translation>请在第一个标签页选择居民，然后点击&quot;结果与趋势&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="241"/>
        <source>Nobody is due</source>
        <translation>暂无待复筛居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="241"/>
        <source>No rescreen falls due in the next two weeks.</source>
        <translation>未来两周内没有需要复筛的居民。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="245"/>
        <source>No licensed forms</source>
        <translation>暂无授权量表</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="247"/>
        <source>PHQ-2, PHQ-9, GAD-2, GAD-7 and GDS-15 are built in. A form that needs permission (AD8, Mini-Cog, SCL-90-R) is added by an administrator with its licence: console screening register.</source>
        <translation>PHQ-2、PHQ-9、GAD-2、GAD-7 和 GDS-15 为内置量表。需授权的量表（AD8、Mini-Cog、SCL-90-R）由管理员连同授权登记后方可使用：console screening register。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="264"/>
        <source>Could not search residents</source>
        <translation>无法查找居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="281"/>
        <location filename="../../console/presenters/screening.py" line="307"/>
        <source>Could not read the screening plan</source>
        <translation>无法读取筛查安排</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="328"/>
        <source>Leave the screening</source>
        <translation>离开筛查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="329"/>
        <source>The form answered so far is kept as partial and is never scored. Leave?</source>
        <translation>已作答部分将保存为未完成，不计分。确定离开？</translation>
    </message>
    <message>
        <source>No phone line on this workstation: dial by hand.</source>
        <translation type="vanished">本工作站没有电话线路：请手动拨号。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="361"/>
        <source>Call placed: it is in the Calls pane.</source>
        <translation>已拨出：通话显示在“来电”窗格中。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="365"/>
        <source>The call could not be placed: dial by hand, or try again.</source>
        <translation>未能拨出：请手动拨号或重试。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="369"/>
        <source>phone screening</source>
        <translation>电话筛查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="373"/>
        <source>No working phone line here (none, or it is down), or your role places no calls: dial the person by hand.</source>
        <translation>本机没有可用的电话线路（未配置或已断开），或您的角色不能外呼：请手动拨打。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="416"/>
        <source>The screening was not saved: {why}</source>
        <translation>筛查未保存：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="421"/>
        <location filename="../../console/presenters/screening.py" line="423"/>
        <source>Could not save the screening</source>
        <translation>无法保存筛查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="432"/>
        <source>{form}: {total} of {max} — {band}</source>
        <translation>{form}：{total} / {max} — {band}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="436"/>
        <source>Next: {form} by {day}</source>
        <translation>下次：{day} 前完成 {form}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="455"/>
        <source>Risk answer in a screening: incident {id} raised for today.</source>
        <translation>筛查中出现风险回答：已生成当日处置事件 {id}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="478"/>
        <source>Resident {id}: {n} screenings, newest first (this view is audited)</source>
        <translation>居民 {id}：共 {n} 次筛查，最新在前（本次查看已留痕）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="488"/>
        <source>Could not read the results</source>
        <translation>无法读取筛查结果</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="497"/>
        <source>Built in: PHQ-2, PHQ-9, GAD-2, GAD-7, GDS-15. Registered with a licence:</source>
        <translation>内置：PHQ-2、PHQ-9、GAD-2、GAD-7、GDS-15。已授权登记：</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="510"/>
        <source>Could not read the appointments</source>
        <translation>无法读取预约</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="523"/>
        <source>{name} (resident {id}): counselling record, opened by you (audited)</source>
        <translation>{name}（居民 {id}）：咨询档案，由您打开（已留痕）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="535"/>
        <source>Could not read the record</source>
        <translation>无法读取档案</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="597"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="607"/>
        <source>Not saved: {why}</source>
        <translation>未保存：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="610"/>
        <source>Could not save the counselling record</source>
        <translation>无法保存咨询记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="631"/>
        <source>Note of contact {id}</source>
        <translation>服务记录 {id} 的内容</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="632"/>
        <source>(no note)</source>
        <translation>（无记录内容）</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="634"/>
        <source>Could not read the note</source>
        <translation>无法读取记录内容</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="647"/>
        <source>Referral {id}</source>
        <translation>转介 {id}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="648"/>
        <source>Reason: {reason}

Outcome: {outcome}</source>
        <translation>原因：{reason}

结果：{outcome}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="649"/>
        <source>not yet recorded</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="657"/>
        <source>Could not read the referral</source>
        <translation>无法读取转介</translation>
    </message>
</context>
<context>
    <name>ScreeningRunDialog</name>
    <message>
        <location filename="../../widgets/screening_run.py" line="196"/>
        <source>The sitting is complete.</source>
        <translation>本次筛查已完成。</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="201"/>
        <location filename="../../widgets/screening_run.py" line="308"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="221"/>
        <source>Question {n} of {total}</source>
        <translation>第 {n} 题，共 {total} 题</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="226"/>
        <source>Saving and scoring…</source>
        <translation>正在保存并计分…</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="304"/>
        <source>Screening</source>
        <translation>心理筛查</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="305"/>
        <source>Back (Backspace)</source>
        <translation>上一题（退格键）</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="205"/>
        <location filename="../../widgets/screening_run.py" line="308"/>
        <source>Leave (Esc)</source>
        <translation>离开（Esc）</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="155"/>
        <source>Calling…</source>
        <translation>正在拨号…</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="306"/>
        <source>Dial (Ctrl+D)</source>
        <translation>拨号 (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="310"/>
        <source>Press the key shown on an answer, or click it; Backspace changes the last.</source>
        <translation>按答案前所示的键或点击答案；按退格键可修改上一题。</translation>
    </message>
</context>
<context>
    <name>SeekerDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="210"/>
        <source>Job seeker</source>
        <translation>求职者</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="210"/>
        <source>Register a job seeker</source>
        <translation>登记求职者</translation>
    </message>
    <message>
        <source>Resident number</source>
        <translation type="vanished">居民编号</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="213"/>
        <source>Name, phone, address or resident number</source>
        <translation>姓名、电话、地址或居民编号</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="242"/>
        <location filename="../../widgets/employment_dialogs.py" line="245"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="244"/>
        <source>Find the resident</source>
        <translation>查找居民</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="246"/>
        <source>Home latitude</source>
        <translation>住址纬度</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="247"/>
        <source>Home longitude</source>
        <translation>住址经度</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="248"/>
        <source>Skills (comma-separated)</source>
        <translation>技能（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="249"/>
        <source>Needs at work</source>
        <translation>工作中的需求</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="250"/>
        <source>Hours a week, at least</source>
        <translation>每周工时下限</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="251"/>
        <source>Hours a week, at most</source>
        <translation>每周工时上限</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="252"/>
        <source>Shifts (none ticked: any)</source>
        <translation>班次（不勾选：不限）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="253"/>
        <source>Travels up to (km)</source>
        <translation>可接受通勤距离（公里）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="254"/>
        <source>Groups</source>
        <translation>认定身份</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="266"/>
        <source>already a job seeker: saving updates them</source>
        <translation>已是求职者：保存将更新其资料</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="269"/>
        <source>No resident found</source>
        <translation>未找到居民</translation>
    </message>
</context>
<context>
    <name>SeekersModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="87"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="88"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="89"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="90"/>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="93"/>
        <source>Hours a week</source>
        <translation>每周工时</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="96"/>
        <source>Up to km</source>
        <translation>通勤上限（公里）</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="99"/>
        <source>Consents to matching</source>
        <translation>同意匹配</translation>
    </message>
</context>
<context>
    <name>SeekersTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="396"/>
        <source>Register seeker…</source>
        <translation>登记求职者…</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="397"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="398"/>
        <source>Training…</source>
        <translation>培训…</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="399"/>
        <source>Matches</source>
        <translation>匹配</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../console/session.py" line="90"/>
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="94"/>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="99"/>
        <location filename="../../console/session.py" line="332"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="168"/>
        <source>This account is locked until {until} after repeated wrong passwords. An administrator can unlock it.</source>
        <translation>密码错误次数过多，该账号已锁定至 {until}。可由管理员解锁。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="172"/>
        <source>This account is disabled. An administrator can enable it again.</source>
        <translation>该账号已停用，管理员可以重新启用。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="174"/>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="175"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="177"/>
        <source>Sign-in is not possible right now: {err}</source>
        <translation>暂时无法登录：{err}</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="323"/>
        <source>Unlock or sign out before quitting.</source>
        <translation>请先解锁或注销，再退出。</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="333"/>
        <source>Quit the console? Devices hosted on this workstation stop reporting.</source>
        <translation>确定退出总控台？本工作站接入的设备将停止上报。</translation>
    </message>
</context>
<context>
    <name>SessionRunner</name>
    <message>
        <location filename="../../widgets/survey_entry.py" line="88"/>
        <source>No form to answer.</source>
        <translation>没有可作答的问卷。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="144"/>
        <source>End of the form: the response is complete.</source>
        <translation>问卷结束：答卷完整。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="146"/>
        <source>End of the form, but a required answer is missing: go back.</source>
        <translation>问卷结束，但缺少必答题：请返回补答。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="150"/>
        <source>{n} answered</source>
        <translation>已答 {n} 题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="157"/>
        <source>Question {id} · {n} answered</source>
        <translation>当前：{id} · 已答 {n} 题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="161"/>
        <source>Back</source>
        <translation>上一题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="162"/>
        <source>Next (Enter)</source>
        <translation>下一题 (Enter)</translation>
    </message>
</context>
<context>
    <name>SetupPresenter</name>
    <message>
        <location filename="../../console/presenters/setup.py" line="52"/>
        <source>This PC&apos;s setup…</source>
        <translation>本机设置…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/setup.py" line="116"/>
        <source>This PC&apos;s setup is saved; it applies at the next start ({ws}).</source>
        <translation>本机设置已保存，下次启动时生效（{ws}）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/setup.py" line="122"/>
        <source>This PC&apos;s setup was not saved</source>
        <translation>本机设置未保存</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="220"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="220"/>
        <source>New shift</source>
        <translation>新建班次</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="236"/>
        <source>None required</source>
        <translation>无要求</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="239"/>
        <source>No minimum</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="241"/>
        <source>Sign-up closes at</source>
        <translation>报名截止于</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="252"/>
        <source>Instant</source>
        <translation>即时确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="253"/>
        <source>Needs confirmation</source>
        <translation>需审核确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="257"/>
        <source>No team</source>
        <translation>无队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="261"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="262"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="263"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="264"/>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="265"/>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="266"/>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="267"/>
        <source>Required qualification</source>
        <translation>所需资质</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="268"/>
        <source>Minimum age</source>
        <translation>最低年龄</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="270"/>
        <source>Sign-up</source>
        <translation>报名方式</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="271"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="302"/>
        <source>Type the shift&apos;s title.</source>
        <translation>请输入班次标题。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="303"/>
        <source>Type where the shift takes place.</source>
        <translation>请输入班次地点。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="304"/>
        <source>The shift must end after it starts.</source>
        <translation>班次结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="306"/>
        <source>Sign-up must close before the shift starts.</source>
        <translation>报名须在班次开始前截止。</translation>
    </message>
</context>
<context>
    <name>ShiftsModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="512"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="515"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="516"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="519"/>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="522"/>
        <source>Rules</source>
        <translation>报名条件</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="523"/>
        <source>Sign-up</source>
        <translation>报名方式</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="524"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
</context>
<context>
    <name>SignupsModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="535"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="537"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="541"/>
        <source>Signed up</source>
        <translation>报名时间</translation>
    </message>
</context>
<context>
    <name>SilenceList</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="339"/>
        <source>Silent for at least (weeks)</source>
        <translation>至少未下单（周）</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="342"/>
        <source>Residents who ordered at least twice and nothing since: a welfare visit may be due. Those living alone first to call.</source>
        <translation>曾至少下单两次、此后再无订单的居民：可能需要上门探视。独居者优先联系。</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="346"/>
        <source>Order for this resident</source>
        <translation>为该居民下单</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="347"/>
        <source>Welfare visit… (Alt+W)</source>
        <translation>探访… (Alt+W)</translation>
    </message>
</context>
<context>
    <name>SilenceModel</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="249"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="250"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="251"/>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="254"/>
        <source>Weeks silent</source>
        <translation>未下单周数</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="258"/>
        <source>Orders before</source>
        <translation>此前订单数</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="261"/>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="262"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>SlaPresenter</name>
    <message>
        <location filename="../../console/presenters/sla.py" line="76"/>
        <source>SLA check failed</source>
        <translation>时限检查失败</translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="88"/>
        <source>Could not load SLA breaches</source>
        <translation>无法读取超时记录</translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="95"/>
        <source>SLA breach: {priority} #{id} {title}: {target}</source>
        <translation>超时：{priority} #{id} {title}：{target}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="107"/>
        <source>not acknowledged in time</source>
        <translation>未按时确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="109"/>
        <source>not dispatched in time</source>
        <translation>未按时派遣</translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="111"/>
        <source>not resolved in time</source>
        <translation>未按时处置</translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="114"/>
        <source>{who} did not answer the assignment in time</source>
        <translation>{who} 未在时限内响应派单</translation>
    </message>
</context>
<context>
    <name>SpendDialog</name>
    <message>
        <location filename="../../widgets/timebank.py" line="202"/>
        <source>Spend minutes on a service</source>
        <translation>使用时长兑换服务</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="205"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="211"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="212"/>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="213"/>
        <source>Service received</source>
        <translation>接受的服务</translation>
    </message>
</context>
<context>
    <name>SplitModel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="573"/>
        <source>Answered</source>
        <translation>作答方式</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="576"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="582"/>
        <source>n / denominator</source>
        <translation>n / 分母</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="587"/>
        <source>95 % interval</source>
        <translation>95% 区间</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="252"/>
        <source>Add staff</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="257"/>
        <source>Delivers to residents&apos; doors</source>
        <translation>负责送货上门</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="261"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="262"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="264"/>
        <source>Health certificate No.</source>
        <translation>健康证号</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="265"/>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="269"/>
        <source>The name is needed.</source>
        <translation>需要填写姓名。</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="271"/>
        <source>A deliverer needs a health certificate.</source>
        <translation>送货人员必须有健康证。</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="291"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="292"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="295"/>
        <source>Delivers</source>
        <translation>送货</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="296"/>
        <location filename="../../widgets/merchants.py" line="307"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="300"/>
        <source>Health certificate</source>
        <translation>健康证</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="306"/>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="307"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>StartTab</name>
    <message>
        <location filename="../../widgets/screening.py" line="125"/>
        <source>{name} has no screening consent on record: record it in Residents first (a separate consent for health data).</source>
        <translation>{name} 尚无心理筛查同意记录：请先在&quot;居民&quot;中登记（健康信息需单独同意）。</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="131"/>
        <source>{name}, {age}: starts with {forms}.</source>
        <translation>{name}，{age} 岁：先做 {forms}。</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="137"/>
        <source>No emergency contact is on record: the crisis script will say so.</source>
        <translation>未登记紧急联系人：危机干预提示中会注明。</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="185"/>
        <source>Name, phone, address or resident number…</source>
        <translation>姓名、电话、地址或居民编号…</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="186"/>
        <source>Given</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="189"/>
        <source>Start the screening (Ctrl+Return)</source>
        <translation>开始筛查（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="190"/>
        <source>Results and trend</source>
        <translation>结果与趋势</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="191"/>
        <source>Counselling record</source>
        <translation>咨询档案</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../console/gui.py" line="45"/>
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="46"/>
        <source>It was left untouched. Restore it from a backup, or start the console with another file.</source>
        <translation>文件未被改动。请从备份恢复，或改用其他数据库文件启动总控台。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="53"/>
        <source>The database is in use</source>
        <translation>数据库被占用</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="54"/>
        <source>Another program holds the database. Close the other console or tool and start again.</source>
        <translation>另一个程序正在占用数据库。请关闭其他总控台或工具后重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="61"/>
        <source>The database cannot be reached</source>
        <translation>无法连接数据库</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="62"/>
        <source>Check that the database server runs and the address is right, or, for a file, its path and permissions.</source>
        <translation>请检查数据库服务器是否运行、地址是否正确；如为数据库文件，请检查路径和权限。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="69"/>
        <source>The database refused the sign-in</source>
        <translation>数据库拒绝登录</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="70"/>
        <source>Check the user name and password in the database address.</source>
        <translation>请检查数据库地址中的用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="75"/>
        <source>The database is newer than this console</source>
        <translation>数据库版本较新</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="76"/>
        <source>It was not changed. Install the newer console on this workstation.</source>
        <translation>数据库未被改动。请在本工作站安装新版总控台。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="81"/>
        <source>Not a console database</source>
        <translation>不是总控台数据库</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="82"/>
        <source>It was not changed. Check the database address.</source>
        <translation>数据库未被改动。请检查数据库地址。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="87"/>
        <source>The database setting is wrong</source>
        <translation>数据库配置错误</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="88"/>
        <source>Check the --db option or the CONSOLE_DB variable.</source>
        <translation>请检查 --db 参数或 CONSOLE_DB 环境变量。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="93"/>
        <source>Updating the database failed</source>
        <translation>数据库升级失败</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="94"/>
        <source>The update was rolled back; nothing was changed.</source>
        <translation>升级已回滚，数据库未被改动。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="182"/>
        <source>The console started at {when} stopped unexpectedly. What it was doing is in {path}: please give that file to your administrator.</source>
        <translation>于 {when} 启动的总控台意外退出。退出时的运行情况记录在 {path}：请将该文件交给系统管理员。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="205"/>
        <source>The site file has an error</source>
        <translation>站点配置文件有误</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="206"/>
        <source>Correct the site file and start again.</source>
        <translation>请修改站点配置文件后重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="230"/>
        <source>The console is not set up yet</source>
        <translation>总控台尚未初始化</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="231"/>
        <source>This database holds no site and no users yet. Run `console demo` (or `make run`) to create the demo site, or `console user add` for real accounts.</source>
        <translation>此数据库中还没有站点和用户。请运行 `console demo`（或 `make run`）创建演示站点，或用 `console user add` 添加正式账号。</translation>
    </message>
    <message>
        <location filename="../../console/first_start.py" line="51"/>
        <source>The setup could not be saved</source>
        <translation>无法保存设置</translation>
    </message>
</context>
<context>
    <name>StatementModel</name>
    <message>
        <location filename="../../widgets/timebank.py" line="95"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="98"/>
        <source>Transaction</source>
        <translation>交易</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="101"/>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="106"/>
        <source>Other side</source>
        <translation>对方</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="107"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="115"/>
        <source>Deposit of approved hours</source>
        <translation>存入审核时长</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="116"/>
        <source>Given to an elder relative</source>
        <translation>转赠老年亲属</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="117"/>
        <source>Service received</source>
        <translation>接受的服务</translation>
    </message>
</context>
<context>
    <name>StationIntakeWidget</name>
    <message>
        <location filename="../../widgets/station_intake.py" line="192"/>
        <source>Nobody of this community matches. Type the caller&apos;s name and phone below to take the request anyway.</source>
        <translation>本社区没有匹配的居民。请在下方填写来访者姓名和电话，照样受理。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="200"/>
        <source>Phones are found by the whole number.</source>
        <translation>电话需输入完整号码才能查到。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="204"/>
        <source>{shown} of {total} shown: type more of the name.</source>
        <translation>显示 {total} 人中的 {shown} 人：请输入更完整的姓名。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="225"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="291"/>
        <source>(name hidden)</source>
        <translation>（姓名已隐藏）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="297"/>
        <source>Help with daily life</source>
        <translation>生活帮扶</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="298"/>
        <source>Repairs in the home or building</source>
        <translation>房屋、楼道维修</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="299"/>
        <source>Benefits and certificates</source>
        <translation>补贴与证明办理</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="300"/>
        <source>Suggestion or complaint</source>
        <translation>意见建议或投诉</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="301"/>
        <source>Something else</source>
        <translation>其他事项</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="307"/>
        <source>Incident {ref}: {title}</source>
        <translation>事件 {ref}：{title}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="312"/>
        <source>Call from the resident</source>
        <translation>居民来电</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="314"/>
        <source>Call to the resident</source>
        <translation>致电居民</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="317"/>
        <source>Service ticket: {topic}</source>
        <translation>服务工单：{topic}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="342"/>
        <source>No contacts with the street in this community yet.</source>
        <translation>该居民在本社区尚无往来记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="351"/>
        <source>No resident chosen: find them above, or type the caller&apos;s name below.</source>
        <translation>尚未选择居民：请在上方查找，或在下方填写来访者姓名。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="354"/>
        <source>For: {who}</source>
        <translation>受理对象：{who}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="360"/>
        <source>Name, whole phone number or identity number</source>
        <translation>姓名、完整电话或身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="361"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="362"/>
        <source>Recent contacts</source>
        <translation>近期往来</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="363"/>
        <source>Caller&apos;s name (if not found)</source>
        <translation>来访者姓名（查不到时填写）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="364"/>
        <source>Caller&apos;s phone</source>
        <translation>来访者电话</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="365"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="366"/>
        <source>Service ticket</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="367"/>
        <source>What happened, where, what is needed</source>
        <translation>发生了什么、在哪里、需要什么帮助</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="368"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="369"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="370"/>
        <source>Send request</source>
        <translation>提交诉求</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="371"/>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="372"/>
        <source>Choose a category…</source>
        <translation>请选择类别…</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="374"/>
        <source>Becomes</source>
        <translation>转为</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="375"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="376"/>
        <source>Description</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="377"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="378"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="379"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="426"/>
        <source>Choose a category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="429"/>
        <source>Say what the resident needs.</source>
        <translation>请填写居民的诉求。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="434"/>
        <source>The description is too long (at most {n} characters).</source>
        <translation>情况说明过长（最多 {n} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="440"/>
        <source>Choose the resident, or type the caller&apos;s name or phone.</source>
        <translation>请选择居民，或填写来访者姓名或电话。</translation>
    </message>
</context>
<context>
    <name>StationLinkBanner</name>
    <message>
        <location filename="../../widgets/station_screen.py" line="72"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="74"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="75"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="86"/>
        <source>Connected to the centre.</source>
        <translation>与指挥中心连接正常。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="89"/>
        <source>Connecting to the centre…</source>
        <translation>正在连接指挥中心…</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="93"/>
        <source>No link to the centre since {time}. Keep working: entries wait here and are sent once the link is back.</source>
        <translation>自 {time} 起与指挥中心断开。请照常工作：录入的内容暂存本机，连接恢复后自动发送。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="98"/>
        <source>{n} waiting to send.</source>
        <translation>{n} 条待发送。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="102"/>
        <source>This PC&apos;s clock is {d} fast; the server&apos;s time is used.</source>
        <translation>本机时钟快了 {d}，以服务器时间为准。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="104"/>
        <source>This PC&apos;s clock is {d} slow; the server&apos;s time is used.</source>
        <translation>本机时钟慢了 {d}，以服务器时间为准。</translation>
    </message>
</context>
<context>
    <name>StationNecessitiesPresenter</name>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="129"/>
        <source>Could not read today&apos;s deliveries and visits</source>
        <translation>无法读取今日的配送和走访</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="141"/>
        <source>Orders and visits</source>
        <translation>订购与走访</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="142"/>
        <source>Volunteer check-in</source>
        <translation>志愿者签到</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="155"/>
        <source>Could not search the residents</source>
        <translation>无法查找居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="172"/>
        <source>Could not read what this resident can order</source>
        <translation>无法读取该居民可订购的商品</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="186"/>
        <source>Could not keep the order</source>
        <translation>无法保存订单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="190"/>
        <source>The order is kept and is being sent; the outbox tab shows when it is placed.</source>
        <translation>订单已保存，正在发送；下单结果见“待发送箱”。</translation>
    </message>
</context>
<context>
    <name>StationOutboxWidget</name>
    <message>
        <location filename="../../widgets/station_outbox.py" line="142"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="143"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="144"/>
        <source>Conflict: decide</source>
        <translation>冲突：待决定</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="145"/>
        <source>Refused by the centre</source>
        <translation>被中心拒收</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="146"/>
        <source>Discarded</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="153"/>
        <source>Panic</source>
        <translation>紧急报警</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="154"/>
        <source>Request</source>
        <translation>居民诉求</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="155"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="156"/>
        <source>Survey response</source>
        <translation>调查答卷</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="157"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="167"/>
        <source>incident {n}</source>
        <translation>事件 {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="169"/>
        <source>service ticket {n}</source>
        <translation>服务工单 {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="171"/>
        <source>survey round {code}</source>
        <translation>调查轮次 {code}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="173"/>
        <source>order {n}</source>
        <translation>订单 {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="183"/>
        <source>At the centre as {ref}</source>
        <translation>中心已收到：{ref}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="185"/>
        <source>At the centre</source>
        <translation>中心已收到</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="188"/>
        <source>Kept on this PC; sent once the link is back.</source>
        <translation>已暂存本机，连接恢复后发送。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="190"/>
        <source>Tried {n} times.</source>
        <translation>已尝试 {n} 次。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="193"/>
        <source>The centre changed this incident meanwhile: decide below.</source>
        <translation>中心在此期间修改了该事件：请在下方决定。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="195"/>
        <source>The centre refused it: phone the centre if it still matters.</source>
        <translation>中心拒收：如仍需处理，请致电指挥中心。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="197"/>
        <source>Discarded by a person&apos;s decision.</source>
        <translation>已由人工决定放弃。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="214"/>
        <source>Sent from this station</source>
        <translation>本站发出的内容</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="217"/>
        <source>Nothing sent from this station yet</source>
        <translation>本站尚未发出任何内容</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="219"/>
        <source>Requests, panics, survey answers and orders taken here appear with their state: waiting to send (kept on this PC while the centre is out of reach), sent, refused by the centre, or a conflict for you to decide.</source>
        <translation>在本站受理的诉求、紧急报警、调查答卷和订单会显示在这里，并注明状态：待发送（与指挥中心断开时保存在本机）、已发送、被中心拒收，或需要您决定的冲突。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="226"/>
        <source>A conflict: the centre changed the same incident meanwhile. Apply this station&apos;s entry anyway, or discard it. Nothing is dropped unasked.</source>
        <translation>冲突：中心在此期间修改了同一事件。可仍然应用本站的内容，或放弃它。未经决定不会丢弃任何内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="230"/>
        <source>Apply anyway…</source>
        <translation>仍然应用…</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="231"/>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
</context>
<context>
    <name>StationPresenter</name>
    <message>
        <location filename="../../console/presenters/station.py" line="118"/>
        <source>Station</source>
        <translation>社区工作站</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="244"/>
        <source>Could not read this station&apos;s outbox</source>
        <translation>无法读取本站的待发送箱</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="254"/>
        <source>Raising the alarm…</source>
        <translation>正在发出报警…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="269"/>
        <source>The alarm could not be raised from this PC. {call}</source>
        <translation>本机未能发出报警。{call}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="277"/>
        <source>Phone the centre now: {phone}.</source>
        <translation>请立即致电指挥中心：{phone}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="278"/>
        <source>Phone the centre now.</source>
        <translation>请立即致电指挥中心。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="288"/>
        <source>The control room has the alarm ({ref}).</source>
        <translation>指挥中心已收到报警（{ref}）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="298"/>
        <source>No link to the centre: the alarm waits here and is also sent through the alarm panel. {call}</source>
        <translation>与指挥中心断开：报警暂存本机，并同时经报警主机发送。{call}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="303"/>
        <source>Sending the alarm to the control room…</source>
        <translation>正在向指挥中心发送报警…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="306"/>
        <source>The centre did not take the alarm. {call}</source>
        <translation>指挥中心未接收报警。{call}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="326"/>
        <source>Residents cannot be looked up now ({why}). Type the caller&apos;s name and phone instead.</source>
        <translation>暂时无法查找居民（{why}）。请改为填写来访者姓名和电话。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="359"/>
        <source>The resident&apos;s contacts cannot be read now ({why}).</source>
        <translation>暂时无法读取该居民的往来记录（{why}）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="370"/>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="419"/>
        <source>The request is kept here and sent to the centre as soon as it can be.</source>
        <translation>诉求已保存在本机，将尽快发送到指挥中心。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="427"/>
        <source>The request was not kept: {why}</source>
        <translation>诉求未能保存：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="448"/>
        <source>Apply anyway</source>
        <translation>仍然应用</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="450"/>
        <source>Apply &quot;{summary}&quot; although the centre changed the incident meanwhile?</source>
        <translation>中心在此期间已修改该事件，仍然应用“{summary}”吗？</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="453"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="455"/>
        <source>Discard &quot;{summary}&quot;? It will not reach the centre; the decision is recorded.</source>
        <translation>放弃“{summary}”吗？它将不会送达中心；此决定会被记录。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="462"/>
        <source>The decision was not recorded</source>
        <translation>决定未能记录</translation>
    </message>
</context>
<context>
    <name>StationQueueWidget</name>
    <message>
        <location filename="../../widgets/station_screen.py" line="161"/>
        <source>Nothing open in this community.</source>
        <translation>本社区暂无未结事件。</translation>
    </message>
</context>
<context>
    <name>StationScreen</name>
    <message>
        <location filename="../../widgets/station_screen.py" line="267"/>
        <source>New request</source>
        <translation>新诉求</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="270"/>
        <source>Outbox ({n} waiting, {c} to decide)</source>
        <translation>待发送箱（{n} 条待发送，{c} 条待决定）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="272"/>
        <source>Outbox ({n} waiting)</source>
        <translation>待发送箱（{n} 条待发送）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="274"/>
        <source>Outbox</source>
        <translation>待发送箱</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="280"/>
        <source>Station of {community}</source>
        <translation>{community}工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="282"/>
        <source>Community station</source>
        <translation>社区工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="284"/>
        <source>Open in this community</source>
        <translation>本社区未结事件</translation>
    </message>
</context>
<context>
    <name>StationSurveysPresenter</name>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="106"/>
        <source>Loading the survey rounds</source>
        <translation>正在读取调查轮次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="121"/>
        <source>Surveys</source>
        <translation>调查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="133"/>
        <source>A kiosk is running already.</source>
        <translation>已有一个自助答题正在运行。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="140"/>
        <source>This round&apos;s form cannot be read: {error}</source>
        <translation>无法读取本轮调查的问卷：{error}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="161"/>
        <source>The kiosk runs for round {code}.</source>
        <translation>自助答题正在进行，轮次 {code}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="181"/>
        <source>The kiosk was left: {n} responses taken.</source>
        <translation>已退出自助答题：共收到 {n} 份答卷。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="207"/>
        <source>This PC has no key folder, so it cannot sign slips. Ask the administrator for the site&apos;s key folder (--keys).</source>
        <translation>本机没有密钥文件夹，无法签发凭条。请向管理员索取本站点的密钥文件夹（--keys）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="213"/>
        <source>Save the slips</source>
        <translation>保存凭条</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="259"/>
        <source>Everyone of this community has answered.</source>
        <translation>本社区的所有人都已作答。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="262"/>
        <source>{n} slips saved to {path}.</source>
        <translation>已将 {n} 张凭条保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="264"/>
        <source>Preparing the slips</source>
        <translation>正在准备凭条</translation>
    </message>
</context>
<context>
    <name>StationSurveysWidget</name>
    <message>
        <location filename="../../widgets/station_surveys.py" line="156"/>
        <source>The PIN is 4 to 8 digits.</source>
        <translation>PIN 为 4 至 8 位数字。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="160"/>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>两次输入的 PIN 不一致：请输入相同的 PIN 两次。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="190"/>
        <source>{answered} of {frame} answered here · until {date}</source>
        <translation>本社区 {frame} 人中已答 {answered} 人 · 截至 {date}</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="194"/>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="199"/>
        <source>Open survey rounds of this community</source>
        <translation>本社区进行中的调查</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="200"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="203"/>
        <source>No survey round is open for this community today. Rounds are created at the control room (Surveys pane).</source>
        <translation>今天本社区没有进行中的调查。调查轮次由指挥中心（“调查”窗格）创建。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="207"/>
        <source>Kiosk</source>
        <translation>自助答题</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="210"/>
        <source>Residents answer on this screen by themselves, each question read aloud. Choose a PIN: the kiosk is left only with it.</source>
        <translation>居民在本屏幕上自行作答，每道题都会朗读。请设置一个 PIN：只有输入它才能退出自助模式。</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="214"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="215"/>
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="216"/>
        <source>Start the kiosk</source>
        <translation>开始自助答题</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="217"/>
        <source>Slips</source>
        <translation>答题凭条</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="218"/>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="219"/>
        <source>For residents who have not answered yet</source>
        <translation>为尚未作答的居民打印（实名）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="220"/>
        <source>Save slips as PDF…</source>
        <translation>将凭条保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="223"/>
        <source>Each slip is valid once. Named slips make sure a resident answers once; slips without a name are for residents met by chance.</source>
        <translation>每张凭条只能使用一次。实名凭条确保每位居民只答一次；不记名凭条用于偶遇的居民。</translation>
    </message>
</context>
<context>
    <name>StationToday</name>
    <message>
        <location filename="../../widgets/station_today.py" line="35"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="36"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="37"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="46"/>
        <source>Due today</source>
        <translation>今日应访</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="47"/>
        <source>Open</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="48"/>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="59"/>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="65"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="66"/>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="71"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="77"/>
        <source>Deliverer / volunteer</source>
        <translation>配送员 / 志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="78"/>
        <source>(nobody yet)</source>
        <translation>（尚未指派）</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="83"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="89"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="166"/>
        <source>Today in this community</source>
        <translation>本社区今日</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="167"/>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="170"/>
        <source>Nothing today</source>
        <translation>今日无事项</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="171"/>
        <source>Deliveries, volunteers&apos; visits and tasks of this community show here.</source>
        <translation>本社区的配送、志愿者走访和任务显示在这里。</translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <location filename="../../widgets/stations_panel.py" line="39"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="48"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="54"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="60"/>
        <source>Last seen</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="66"/>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="72"/>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="89"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="91"/>
        <source>Never heard from</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="92"/>
        <source>Offline since {time}</source>
        <translation>自 {time} 起离线</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="102"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="105"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="107"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="109"/>
        <source>{d} fast</source>
        <translation>快 {d}</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="109"/>
        <source>{d} slow</source>
        <translation>慢 {d}</translation>
    </message>
</context>
<context>
    <name>StationsPanel</name>
    <message>
        <location filename="../../widgets/stations_panel.py" line="170"/>
        <source>No station has reported yet.</source>
        <translation>尚无工作站报到。</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="173"/>
        <source>{down} of {n} stations offline.</source>
        <translation>{n} 个工作站中 {down} 个离线。</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="176"/>
        <source>All {n} stations online.</source>
        <translation>全部 {n} 个工作站在线。</translation>
    </message>
</context>
<context>
    <name>StationsPresenter</name>
    <message>
        <location filename="../../console/presenters/stations.py" line="47"/>
        <source>Stations</source>
        <translation>社区工作站</translation>
    </message>
    <message>
        <location filename="../../console/presenters/stations.py" line="85"/>
        <source>Could not read the stations</source>
        <translation>无法读取工作站状态</translation>
    </message>
</context>
<context>
    <name>SurveyCommentsWidget</name>
    <message>
        <location filename="../../widgets/survey_comments.py" line="126"/>
        <source>Comments</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="127"/>
        <source>Choose a round in Rounds to read its comments.</source>
        <translation>请在“调查轮次”中选择一轮，查看其留言。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="131"/>
        <source>Comments of round {code}: {n}</source>
        <translation>轮次 {code} 的留言：{n} 条</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="136"/>
        <source>Comments of round {code}: {shown} of {n} shown</source>
        <translation>轮次 {code} 的留言：显示 {shown} / {n} 条</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="140"/>
        <source>Nobody has written a comment in this round yet.</source>
        <translation>本轮尚无人留言。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="143"/>
        <source>Search the comments</source>
        <translation>搜索留言</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="144"/>
        <source>Feedback ticket…</source>
        <translation>转为诉求工单…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="146"/>
        <source>File the selected comment as a feedback ticket, to be answered (Enter)</source>
        <translation>将所选留言登记为诉求工单，以便答复（回车）</translation>
    </message>
</context>
<context>
    <name>SurveyEntryDialog</name>
    <message>
        <location filename="../../widgets/survey_entry.py" line="399"/>
        <source>Choose a round first.</source>
        <translation>请先选择轮次。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="407"/>
        <source>Find the person, or choose the community of an unnamed paper form.</source>
        <translation>请查找受访人，或为无名纸质答卷选择社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="433"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="499"/>
        <source>Phone survey</source>
        <translation>电话调查</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="499"/>
        <source>Enter a paper response</source>
        <translation>录入纸质答卷</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="501"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="468"/>
        <source>Person</source>
        <translation>受访人</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="252"/>
        <source>Discard the answers?</source>
        <translation>放弃这些答案？</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="253"/>
        <source>The answers given on this form have not been submitted. Discard them?</source>
        <translation>这份答卷已填的答案尚未提交。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="254"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="255"/>
        <source>Keep entering</source>
        <translation>继续录入</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="405"/>
        <source>Find the business, or choose the community of an unnamed form.</source>
        <translation>请查找商户，或为未署名的问卷选择社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="465"/>
        <source>Business</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="466"/>
        <source>Business code or name</source>
        <translation>商户编号或名称</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="470"/>
        <source>Slip code, resident number, phone or identity number</source>
        <translation>调查条码、居民编号、电话或身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="503"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="504"/>
        <source>Community (unnamed form)</source>
        <translation>社区（无名答卷）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="505"/>
        <source>Answered</source>
        <translation>作答方式</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="506"/>
        <source>Helped by</source>
        <translation>协助人</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="507"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="508"/>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="509"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="510"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="515"/>
        <source>By the person (self)</source>
        <translation>本人填写</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="516"/>
        <source>With a worker&apos;s help (staff)</source>
        <translation>工作人员协助</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="517"/>
        <source>By a family member</source>
        <translation>家属代答</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="518"/>
        <source>By phone</source>
        <translation>电话访问</translation>
    </message>
</context>
<context>
    <name>SurveyExport</name>
    <message>
        <location filename="../../console/survey_export.py" line="52"/>
        <source>Survey results</source>
        <translation>调查结果</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="53"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="54"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="55"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="56"/>
        <source>Breakdown</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="57"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="58"/>
        <source>Self-answered</source>
        <translation>自主作答</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="59"/>
        <source>Assisted</source>
        <translation>协助作答</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="60"/>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="61"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="62"/>
        <source>95 % low</source>
        <translation>95%下限</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="63"/>
        <source>95 % high</source>
        <translation>95%上限</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="64"/>
        <source>n</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="65"/>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="66"/>
        <source>Participation</source>
        <translation>参与率</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="67"/>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="68"/>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="69"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="70"/>
        <source>Age band</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="71"/>
        <source>Care flag</source>
        <translation>关照标记</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="72"/>
        <source>Care needed</source>
        <translation>需关照</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="73"/>
        <source>No care flag</source>
        <translation>无关照标记</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="74"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="75"/>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="76"/>
        <source>Answered</source>
        <translation>作答人数</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="77"/>
        <source>Sampling frame</source>
        <translation>抽样框</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="78"/>
        <source>Complete responses</source>
        <translation>完整答卷</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="79"/>
        <source>Partial responses (not counted)</source>
        <translation>未完成答卷（不计入）</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="80"/>
        <source>Answers</source>
        <translation>回答分布</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="81"/>
        <source>Responses</source>
        <translation>答卷</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="82"/>
        <source>Mode</source>
        <translation>作答方式</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="83"/>
        <source>Helped</source>
        <translation>有人协助</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="84"/>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="85"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="86"/>
        <source>Self-answered: self or kiosk without help; assisted: staff, phone, family or with help. Cells with fewer than 5 answers are shown as &lt;5, and so is a second cell wherever the hidden one could be worked out from a total. Intervals: Wilson 95 % for CSAT and participation, normal approximation for NPS. Only complete responses count.</source>
        <translation>自主作答：本人或自助终端作答且无人协助；协助作答：工作人员、电话、家属代答或有人协助。回答少于5份的格子显示为 &lt;5；凡能由合计推算出被隐藏格子的，另一格子也隐藏。区间：满意度和参与率用 Wilson 95% 区间，净推荐值用正态近似。只计完整答卷。</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="431"/>
        <source>{who} · {when} · {ws} · page {page}/{pages} · {notice}</source>
        <translation>{who} · {when} · {ws} · 第 {page}/{pages} 页 · {notice}</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="434"/>
        <source>Aggregate figures; small cells suppressed</source>
        <translation>汇总数据；小格子已隐藏</translation>
    </message>
</context>
<context>
    <name>SurveyResultsPresenter</name>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="81"/>
        <source>Comments</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="103"/>
        <source>Could not read the communities</source>
        <translation>无法读取社区</translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="149"/>
        <source>Could not compute the results</source>
        <translation>无法计算结果</translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="175"/>
        <source>Export the results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="199"/>
        <source>survey results</source>
        <translation>调查结果</translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="209"/>
        <source>Results saved to {path}</source>
        <translation>结果已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="212"/>
        <source>Could not export the results</source>
        <translation>无法导出结果</translation>
    </message>
</context>
<context>
    <name>SurveyResultsWidget</name>
    <message>
        <location filename="../../widgets/survey_results.py" line="197"/>
        <source>No round chosen</source>
        <translation>未选择调查轮次</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="198"/>
        <source>Choose a survey round on the Rounds tab to see its results here.</source>
        <translation>请在“轮次”页选择一个调查轮次，在此查看结果。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="203"/>
        <source>No responses yet</source>
        <translation>尚无答卷</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="205"/>
        <source>Nobody has answered this round yet. Figures appear with the first complete response; groups with fewer than 5 answers stay hidden.</source>
        <translation>本轮尚无人作答。收到第一份完整答卷后显示数据；回答少于5份的分组不显示。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="213"/>
        <source>Self-answered</source>
        <translation>自主作答</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="214"/>
        <source>Assisted</source>
        <translation>协助作答</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="215"/>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="220"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="221"/>
        <source>Age band</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="222"/>
        <source>Care flag</source>
        <translation>关照标记</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="229"/>
        <source>Care needed</source>
        <translation>需关照</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="229"/>
        <source>No care flag</source>
        <translation>无关照标记</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="231"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="236"/>
        <source>no answers</source>
        <translation>无回答</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="242"/>
        <source>Fewer than 5 answers here, or a cell that would reveal one that small: hidden so nobody can be singled out.</source>
        <translation>此处回答少于5份，或会推算出少于5份的格子：已隐藏，以免识别到个人。</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="246"/>
        <source>{k} of {n}; 95 % interval (Wilson)</source>
        <translation>{n} 份中 {k} 份；95% 置信区间（Wilson）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="248"/>
        <source>{n} answers: {p} promoters, {d} detractors; 95 % interval</source>
        <translation>{n} 份回答：推荐者 {p}，贬损者 {d}；95% 置信区间</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="261"/>
        <location filename="../../widgets/survey_results.py" line="302"/>
        <source>Participation</source>
        <translation>参与率</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="267"/>
        <source>Satisfaction (CSAT)</source>
        <translation>满意度（CSAT）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="268"/>
        <source>Net promoter score</source>
        <translation>净推荐值（NPS）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="272"/>
        <source>no such question in this form</source>
        <translation>本问卷无此题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="281"/>
        <source>Complete responses</source>
        <translation>完整答卷</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="283"/>
        <source>self {s} · assisted {a} · partial {p} (not counted) · frame {f}</source>
        <translation>自主 {s} · 协助 {a} · 未完成 {p}（不计入）· 抽样框 {f}</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="304"/>
        <source>CSAT</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="304"/>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="331"/>
        <source>Breakdown</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="331"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="337"/>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="396"/>
        <source>No CSAT question in this form</source>
        <translation>本问卷没有满意度题</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="400"/>
        <source>CSAT by community, % with 95 % interval: {q}</source>
        <translation>各社区满意度（%，含95%置信区间）：{q}</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="424"/>
        <source>Answers per option (hidden below {n})</source>
        <translation>各选项回答数（少于 {n} 不显示）</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="450"/>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="451"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="452"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="453"/>
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="456"/>
        <source>Self-answered: self or kiosk without help. Assisted: staff, phone, family or with help. &lt;5: fewer than 5 answers, or a cell that would reveal one. Only complete responses count.</source>
        <translation>自主作答：本人或自助终端作答且无人协助。协助作答：工作人员、电话、家属代答或有人协助。&lt;5：回答少于5份，或会推算出此类格子。只计完整答卷。</translation>
    </message>
</context>
<context>
    <name>SurveySlips</name>
    <message>
        <location filename="../../console/survey_slips.py" line="44"/>
        <source>Scan this code at the survey kiosk, or hand the slip to a worker.</source>
        <translation>请在自助问卷终端扫描此码，或将问卷条交给工作人员。</translation>
    </message>
    <message>
        <location filename="../../console/survey_slips.py" line="47"/>
        <source>Valid once.</source>
        <translation>仅限使用一次。</translation>
    </message>
    <message>
        <location filename="../../console/survey_slips.py" line="48"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>SurveysPresenter</name>
    <message>
        <location filename="../../console/presenters/surveys.py" line="93"/>
        <location filename="../../console/presenters/surveys.py" line="515"/>
        <source>Surveys</source>
        <translation>调查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="184"/>
        <source>Could not load the surveys</source>
        <translation>无法加载调查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="215"/>
        <source>Could not open the form</source>
        <translation>无法打开问卷</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="220"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="221"/>
        <source>Drop the changes to the form in the editor? They were not saved.</source>
        <translation>放弃编辑器中对问卷的更改吗？这些更改尚未保存。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="236"/>
        <source>Could not save the form</source>
        <translation>无法保存问卷</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="243"/>
        <source>Form {code} saved as the new draft version {v}.</source>
        <translation>问卷 {code} 已保存为新的第 {v} 版草稿。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="245"/>
        <source>Form {code} version {v} saved as a draft.</source>
        <translation>问卷 {code} 第 {v} 版已保存为草稿。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="257"/>
        <location filename="../../console/presenters/surveys.py" line="269"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="258"/>
        <source>Version {v} of {code} is published already.</source>
        <translation>{code} 第 {v} 版已经发布。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="271"/>
        <source>Publish {code} version {v}? A published version is frozen: it can no longer be changed, and every later change is saved as a new version.</source>
        <translation>发布问卷 {code} 第 {v} 版？已发布的版本将被冻结，不能再修改，之后的修改都会保存为新版本。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="279"/>
        <source>Publishing refused</source>
        <translation>拒绝发布</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="280"/>
        <source>{code} cannot be published until these are put right:</source>
        <translation>{code} 需先改正以下问题才能发布：</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="298"/>
        <source>Could not publish the form</source>
        <translation>无法发布问卷</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="304"/>
        <source>Form {code} version {v} is published.</source>
        <translation>问卷 {code} 第 {v} 版已发布。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="320"/>
        <source>Could not load the published forms</source>
        <translation>无法加载已发布的问卷</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="381"/>
        <source>Round {code} created: {n} businesses drawn.</source>
        <translation>轮次 {code} 已创建：抽取 {n} 家商户。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="383"/>
        <source>Round {code} created: {n} people drawn.</source>
        <translation>轮次 {code} 已创建：抽取 {n} 人。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="390"/>
        <source>A round with this code exists already.</source>
        <translation>已有相同代码的轮次。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="394"/>
        <source>Could not create the round</source>
        <translation>无法创建调查轮次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="409"/>
        <source>Could not close the round</source>
        <translation>无法结束轮次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="414"/>
        <source>Close round</source>
        <translation>结束轮次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="416"/>
        <source>Close round {code}? No more responses are taken for it, from any station.</source>
        <translation>结束轮次 {code}？之后任何工作站都不再接收该轮次的答卷。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="450"/>
        <source>Could not load the call list</source>
        <translation>无法加载呼叫名单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="506"/>
        <source>Could not load the open rounds</source>
        <translation>无法加载进行中的轮次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="515"/>
        <source>No open round to answer.</source>
        <translation>没有进行中的轮次。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="558"/>
        <source>Nobody found.</source>
        <translation>未找到此人。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="562"/>
        <source>{n} people found: type the number, phone or identity number.</source>
        <translation>找到 {n} 人：请输入编号、电话或身份证号。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="567"/>
        <source>Could not find the resident</source>
        <translation>无法查找居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="586"/>
        <source>No business found.</source>
        <translation>未找到商户。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="589"/>
        <source>{n} businesses found: type more of the name, or the code.</source>
        <translation>找到 {n} 家商户：请输入更多名称或输入编号。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="598"/>
        <source>Could not find the business</source>
        <translation>无法查找商户</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="619"/>
        <source>The slip&apos;s person is not one you may see.</source>
        <translation>您无权查看此调查条对应的居民。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="621"/>
        <source>Slip {code}</source>
        <translation>调查条 {code}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="626"/>
        <source>unnamed: choose the community</source>
        <translation>无名：请选择社区</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="639"/>
        <source>This is not a survey slip.</source>
        <translation>这不是调查条。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="640"/>
        <source>The slip is damaged: scan it again or type the whole code.</source>
        <translation>调查条已损坏：请重新扫描或输入完整代码。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="641"/>
        <source>The slip was altered or was not printed by this site.</source>
        <translation>调查条被改动，或不是本街道打印的。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="642"/>
        <source>The slip is for another round.</source>
        <translation>这张调查条属于另一个轮次。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="645"/>
        <source>Slips cannot be checked here: this workstation has no site keys.</source>
        <translation>本机没有站点密钥，无法核验调查条。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="667"/>
        <source>Sign in again to submit.</source>
        <translation>请重新登录后提交。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="698"/>
        <source>Not kept: this round discards unfinished responses (the person may still answer later).</source>
        <translation>未保存：本轮次不保留未完成的答卷（受访人之后仍可作答）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="704"/>
        <source>Taken already: this entry was sent before and counts once.</source>
        <translation>已收到：这份答卷之前已提交，只计一次。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="706"/>
        <source>Response taken (round {round}).</source>
        <translation>答卷已收到（轮次 {round}）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="708"/>
        <source>Partial response kept (round {round}).</source>
        <translation>未完成的答卷已保留（轮次 {round}）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="714"/>
        <source>Refused: business {business} has already answered round {round}. A second response is not taken.</source>
        <translation>拒绝：商户 {business} 已参加过轮次 {round}，不接收第二份答卷。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="719"/>
        <source>Refused: this person has already answered round {round}. A second response is not taken.</source>
        <translation>拒绝：此人已参加过轮次 {round}，不接收第二份答卷。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="723"/>
        <source>Refused: the answers do not fit the form: {why}</source>
        <translation>拒绝：答案与问卷不符：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="727"/>
        <source>Refused: the round is closed.</source>
        <translation>拒绝：该轮次已结束。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="738"/>
        <source>Nobody left to call in round {round}.</source>
        <translation>轮次 {round} 已没有待拨打的人。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="782"/>
        <source>The number stays masked for your role: Dial rings it on this workstation&apos;s line (recorded).</source>
        <translation>您的角色看到的号码已打码：点“拨号”会用本工作站的线路拨打（留有记录）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="789"/>
        <source>Revealing…</source>
        <translation>正在获取号码…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="790"/>
        <location filename="../../console/presenters/surveys.py" line="832"/>
        <source>Survey call, round {round}</source>
        <translation>调查回访，轮次 {round}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="802"/>
        <source>Could not open the phone survey</source>
        <translation>无法打开电话调查</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="768"/>
        <location filename="../../console/presenters/surveys.py" line="811"/>
        <source>No phone line here: dial the number by hand.</source>
        <translation>本机没有电话线路：请手动拨号。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="816"/>
        <source>Your role sees this number masked: a supervisor or the station calls.</source>
        <translation>您的角色只能看到打码的号码：请由值班长或社区工作站拨打。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="823"/>
        <source>The number is not shown: {why}</source>
        <translation>号码未显示：{why}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="842"/>
        <source>Calling {number}…</source>
        <translation>正在拨打 {number}…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="844"/>
        <source>The call could not be placed.</source>
        <translation>未能拨出电话。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="847"/>
        <source>The call could not be placed: dial {number} by hand.</source>
        <translation>无法自动拨打：请手动拨打 {number}。</translation>
    </message>
</context>
<context>
    <name>SurveysWidget</name>
    <message>
        <location filename="../../widgets/surveys.py" line="49"/>
        <location filename="../../widgets/surveys.py" line="61"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../widgets/surveys.py" line="59"/>
        <source>Forms</source>
        <translation>问卷</translation>
    </message>
    <message>
        <location filename="../../widgets/surveys.py" line="60"/>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../widgets/surveys.py" line="65"/>
        <source>Results of a round are shown here.</source>
        <translation>轮次的结果显示在这里。</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="243"/>
        <source>Issued</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="244"/>
        <source>Returned</source>
        <translation>已归还</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="245"/>
        <source>Lost</source>
        <translation>已遗失</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="246"/>
        <source>Replaced</source>
        <translation>已更换</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="252"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="253"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="254"/>
        <source>Asset</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="259"/>
        <source>Tag {code}</source>
        <translation>标签 {code}</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="261"/>
        <source>Tag: {code}
Kind: {kind}
Owner: {label}
State: {state}</source>
        <translation>标签：{code}
类型：{kind}
持有人：{label}
状态：{state}</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="268"/>
        <source>Replace (lost or broken tag)</source>
        <translation>更换（标签遗失或损坏）</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="269"/>
        <source>&amp;New tag code</source>
        <translation>新标签编码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="270"/>
        <source>the new tag&apos;s code</source>
        <translation>新标签的编码</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="271"/>
        <source>&amp;Replace</source>
        <translation>更换(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="272"/>
        <source>Re&amp;turn…</source>
        <translation>归还(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="273"/>
        <source>&amp;Lost…</source>
        <translation>遗失(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="274"/>
        <source>Care profile</source>
        <translation>看护设置</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="275"/>
        <source>Safe &amp;zones</source>
        <translation>安全区域(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="277"/>
        <source>zone codes, separated by commas</source>
        <translation>区域编码，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="278"/>
        <source>&amp;Dwell before alarm</source>
        <translation>报警前停留(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="280"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="281"/>
        <source>No-read &amp;hours</source>
        <translation>未读取报警小时数(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="283"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="284"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="285"/>
        <source>&amp;Save profile</source>
        <translation>保存看护设置(&amp;S)</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="502"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="511"/>
        <source>No resident</source>
        <translation>不关联居民</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="520"/>
        <source>Assign later</source>
        <translation>稍后指派</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="531"/>
        <source>From incident No. {n}</source>
        <translation>来自事件 {n} 号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="533"/>
        <source>From order No. {n}</source>
        <translation>来自订单 {n} 号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="535"/>
        <source>From request No. {n}</source>
        <translation>来自诉求 {n} 号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="538"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="539"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="540"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="541"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="543"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="544"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="545"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="550"/>
        <source>Type what is to be done.</source>
        <translation>请输入任务内容。</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="715"/>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="718"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="719"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="720"/>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="721"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="722"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="723"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="724"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="324"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="331"/>
        <source>No leader yet</source>
        <translation>暂无队长</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="336"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="337"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="338"/>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="343"/>
        <source>Type the team&apos;s name.</source>
        <translation>请输入队伍名称。</translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="444"/>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="447"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="450"/>
        <source>Leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="453"/>
        <source>Leader&apos;s account</source>
        <translation>队长账号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="456"/>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="459"/>
        <source>Who</source>
        <translation>成员</translation>
    </message>
</context>
<context>
    <name>TicketStepDialog</name>
    <message>
        <location filename="../../widgets/feedback.py" line="226"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="237"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="239"/>
        <location filename="../../widgets/feedback.py" line="265"/>
        <source>The resident&apos;s rating</source>
        <translation>居民评价</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="241"/>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="243"/>
        <source>What the resident was told</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="244"/>
        <source>What was done</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="245"/>
        <source>Why it is reopened</source>
        <translation>重新办理原因</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="246"/>
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="263"/>
        <source>Reply to the resident</source>
        <translation>答复居民</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="264"/>
        <source>Resolve the ticket</source>
        <translation>办结诉求</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="266"/>
        <source>Reopen the ticket</source>
        <translation>重新办理诉求</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="267"/>
        <source>Give to another department</source>
        <translation>转派其他部门</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="275"/>
        <source>5 · very satisfied</source>
        <translation>5 · 非常满意</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="276"/>
        <source>4 · satisfied</source>
        <translation>4 · 满意</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="277"/>
        <source>3 · neither</source>
        <translation>3 · 一般</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="278"/>
        <source>2 · dissatisfied</source>
        <translation>2 · 不满意</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="279"/>
        <source>1 · very dissatisfied</source>
        <translation>1 · 非常不满意</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <location filename="../../widgets/feedback.py" line="84"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="85"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="88"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="94"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="98"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="103"/>
        <source>Department</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="108"/>
        <source>Opened</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="111"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="112"/>
        <source>Feedback</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="123"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="125"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="126"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="133"/>
        <source>Rated {n}/5</source>
        <translation>已评价 {n}/5</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="137"/>
        <source>{what}: overdue {span}</source>
        <translation>{what}：已超时 {span}</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="140"/>
        <source>{what}: {span} left</source>
        <translation>{what}：剩余 {span}</translation>
    </message>
</context>
<context>
    <name>TimebankWidget</name>
    <message>
        <location filename="../../widgets/timebank.py" line="301"/>
        <source>Deposit approved hours</source>
        <translation>存入已审核时长</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="302"/>
        <source>Give to a relative…</source>
        <translation>转赠亲属…</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="303"/>
        <source>Spend…</source>
        <translation>使用…</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="300"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="318"/>
        <source>{holder}: {hours} hours</source>
        <translation>{holder}：{hours} 小时</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../widgets/timeline.py" line="312"/>
        <source>No recordings in this range</source>
        <translation>此时间范围内没有录像</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="364"/>
        <source>10 min</source>
        <translation>10分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="366"/>
        <source>1 h</source>
        <translation>1小时</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="368"/>
        <source>6 h</source>
        <translation>6小时</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="370"/>
        <source>24 h</source>
        <translation>24小时</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="615"/>
        <source>Recorded {start} – {end}</source>
        <translation>已录像 {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="628"/>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="645"/>
        <source>Motion {time}</source>
        <translation>移动侦测 {time}</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="663"/>
        <source>Bookmark {time}</source>
        <translation>书签 {time}</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="685"/>
        <source>Incident {number}: {title}</source>
        <translation>事件 {number}：{title}</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="755"/>
        <source>Not recorded: camera offline</source>
        <translation>未录像：摄像机离线</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="757"/>
        <source>Not recorded: disk full</source>
        <translation>未录像：磁盘已满</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="759"/>
        <source>Not recorded: recorder not running</source>
        <translation>未录像：录像程序未运行</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="760"/>
        <source>Not recorded: recording error</source>
        <translation>未录像：录像出错</translation>
    </message>
</context>
<context>
    <name>TrackingMap</name>
    <message>
        <location filename="../../widgets/tracking_map.py" line="100"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="101"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="102"/>
        <source>Asset</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="110"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="111"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="112"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="113"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>TrackingMapWidget</name>
    <message>
        <location filename="../../widgets/tracking_map.py" line="624"/>
        <source>The plan image {path} is not a readable PNG or JPEG image; the map is drawn without it.</source>
        <translation>平面图图片 {path} 不是可读取的 PNG 或 JPEG 图片；地图不显示该图片。</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="628"/>
        <source>The plan image {path} was not found; the map is drawn without it.</source>
        <translation>未找到平面图图片 {path}；地图不显示该图片。</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="965"/>
        <source>Tag: {tag}</source>
        <translation>标签：{tag}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="966"/>
        <source>Community: {community}</source>
        <translation>社区：{community}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="967"/>
        <source>Zone: {zone}</source>
        <translation>区域：{zone}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="968"/>
        <source>Last seen: {time}</source>
        <translation>最后定位：{time}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="971"/>
        <source>Care: {care}</source>
        <translation>关爱：{care}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1013"/>
        <source>Address: {address}</source>
        <translation>住址：{address}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1024"/>
        <source>Emergency contact: {contact}</source>
        <translation>紧急联系人：{contact}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1028"/>
        <source>lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1029"/>
        <source>dementia</source>
        <translation>认知障碍</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1030"/>
        <source>disability</source>
        <translation>残障</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1031"/>
        <source>chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1036"/>
        <source>Care flags: {flags}</source>
        <translation>关爱标记：{flags}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1038"/>
        <source>Care flags: needs care</source>
        <translation>关爱标记：需关爱</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1072"/>
        <source>Nothing found for “{text}”</source>
        <translation>未找到“{text}”</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1080"/>
        <source>{n} found; showing {label}</source>
        <translation>找到 {n} 个；显示 {label}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1131"/>
        <source>No positions in this time range</source>
        <translation>该时段内没有位置记录</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1276"/>
        <source>People {people:,} · Vehicles {vehicles:,} · Alarms {alarms:,} · Offline {offline:,}</source>
        <translation>人员 {people:,} · 车辆 {vehicles:,} · 报警 {alarms:,} · 离线 {offline:,}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1279"/>
        <source>Assets {assets:,}</source>
        <translation>物品 {assets:,}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1281"/>
        <source>updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1297"/>
        <source>Name, plate or tag id…</source>
        <translation>姓名、车牌或标签号…</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1298"/>
        <source>Last hour&apos;s trail</source>
        <translation>近一小时轨迹</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1299"/>
        <source>Resident card…</source>
        <translation>居民档案…</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1300"/>
        <source>Tag…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1301"/>
        <source>Replace, return or edit this tag (Ctrl+Alt+T)</source>
        <translation>更换、归还或编辑此标签（Ctrl+Alt+T）</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1302"/>
        <source>Issue tag…</source>
        <translation>发放标签…</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1303"/>
        <source>No photo on file</source>
        <translation>暂无照片</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1304"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1305"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1306"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1307"/>
        <source>Replay speed (+ / -)</source>
        <translation>回放速度（+ / -）</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1308"/>
        <source>Replay time (Left / Right: previous / next position)</source>
        <translation>回放时间（← / →：上一个 / 下一个位置）</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1310"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1311"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1312"/>
        <source>Asset</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1313"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1314"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1315"/>
        <source>Reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1316"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1317"/>
        <source>Group (count)</source>
        <translation>聚合（数量）</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1328"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1328"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1330"/>
        <source>Play / pause the replay (Space)</source>
        <translation>播放 / 暂停回放（空格）</translation>
    </message>
</context>
<context>
    <name>TrackingPresenter</name>
    <message>
        <location filename="../../console/presenters/tracking.py" line="128"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="150"/>
        <source>Tag…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="160"/>
        <source>Cameras near the selected tag</source>
        <translation>所选标签附近的摄像机</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="172"/>
        <source>Plan image…</source>
        <translation>平面图图片…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="191"/>
        <source>Select a tag on the map first.</source>
        <translation>请先在地图上选择一个标签。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="194"/>
        <source>The site file names no cameras.</source>
        <translation>站点文件中没有摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="207"/>
        <source>Could not load the map</source>
        <translation>无法加载地图</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="245"/>
        <location filename="../../console/presenters/tracking.py" line="262"/>
        <source>Could not load the tag positions</source>
        <translation>无法加载标签位置</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="281"/>
        <source>Tracking is not connected on this console: readers, zones and communities are shown, tag positions are not.</source>
        <translation>本控制台未接入定位：仅显示读卡器、区域和社区，不显示标签位置。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="286"/>
        <source>No tags tracked yet: register tags to residents and vehicles, and connect the readers listed in the site file.</source>
        <translation>尚无定位标签：请为居民和车辆登记标签，并接入站点文件中列出的读卡器。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="332"/>
        <source>Could not search the tags</source>
        <translation>无法搜索标签</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="361"/>
        <source>Could not open the tag&apos;s card</source>
        <translation>无法打开标签卡片</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="379"/>
        <source>The replay&apos;s end must be after its start.</source>
        <translation>回放结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="432"/>
        <source>Could not load the trail</source>
        <translation>无法加载轨迹</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="524"/>
        <source>Could not read the tag</source>
        <translation>无法读取标签</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="558"/>
        <location filename="../../console/presenters/tracking.py" line="586"/>
        <source>The tag could not be changed.</source>
        <translation>无法修改该标签。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="559"/>
        <source>Could not change the tag</source>
        <translation>无法修改标签</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="569"/>
        <source>This resident has no tracking consent in force. Record the consent on the resident&apos;s card first (the person&apos;s, or a guardian&apos;s).</source>
        <translation>该居民没有有效的定位追踪同意。请先在居民卡片上登记同意（本人或监护人）。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="573"/>
        <source>You are not allowed to manage tags for this resident&apos;s community.</source>
        <translation>您无权管理该居民所在社区的标签。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="576"/>
        <source>That is not a valid tag code.</source>
        <translation>标签编码无效。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="577"/>
        <source>This tag code is already registered to another tag.</source>
        <translation>该标签编码已被登记。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="578"/>
        <source>Choose whether the tag is for a person or a vehicle.</source>
        <translation>请选择标签用于人员还是车辆。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="579"/>
        <source>Choose the resident the tag is for.</source>
        <translation>请选择标签所属的居民。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="580"/>
        <source>A vehicle&apos;s tag needs its plate.</source>
        <translation>车辆标签需要填写车牌。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="581"/>
        <source>This tag is no longer issued: it was returned or replaced.</source>
        <translation>该标签已不在发放状态：已归还或已更换。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="582"/>
        <source>The safe zones are not valid zone codes.</source>
        <translation>安全区域不是有效的区域编码。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="583"/>
        <source>The dwell time is not valid.</source>
        <translation>停留时间无效。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="584"/>
        <source>The no-read hours are not valid.</source>
        <translation>未读取报警小时数无效。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="588"/>
        <source>That tag or resident was not found.</source>
        <translation>找不到该标签或居民。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="601"/>
        <source>Replaced: tag {code} is now issued in its place.</source>
        <translation>已更换：标签 {code} 已替代发放。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="613"/>
        <source>Tag lost</source>
        <translation>标签遗失</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="614"/>
        <source>Mark tag {code} as lost? It will no longer be tracked.</source>
        <translation>将标签 {code} 登记为遗失？之后将不再追踪。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="616"/>
        <source>Return tag</source>
        <translation>归还标签</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="617"/>
        <source>Take tag {code} back? It will no longer be tracked.</source>
        <translation>收回标签 {code}？之后将不再追踪。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="631"/>
        <source>Lost: the tag is no longer tracked.</source>
        <translation>已登记遗失：该标签不再追踪。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="633"/>
        <source>Returned: the tag is no longer tracked.</source>
        <translation>已归还：该标签不再追踪。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="649"/>
        <source>Care profile saved.</source>
        <translation>看护设置已保存。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="663"/>
        <source>Could not search the residents</source>
        <translation>无法查找居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="674"/>
        <source>Tag {code} issued.</source>
        <translation>标签 {code} 已发放。</translation>
    </message>
</context>
<context>
    <name>TrailReasonDialog</name>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1412"/>
        <source>Why look at this trail?</source>
        <translation>查看轨迹的原因</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1416"/>
        <source>Where {label} was from {since} to {until}.</source>
        <translation>{label} 在 {since} 至 {until} 的行踪。</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1422"/>
        <source>Whereabouts are personal data: the reason, your name and the time are recorded in the audit log.</source>
        <translation>行踪属于个人信息：查看原因、您的姓名和时间将记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1426"/>
        <source>Reason, e.g. the family reported her missing</source>
        <translation>原因，例如：家属报告走失</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1427"/>
        <source>or the incident number it is for</source>
        <translation>或填写相关事件编号</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="329"/>
        <source>Training of {name}</source>
        <translation>{name} 的培训</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="332"/>
        <source>Completed today</source>
        <translation>今天完成</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="339"/>
        <source>Already completed, on</source>
        <translation>已完成，完成日期</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="346"/>
        <source>Courses</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="348"/>
        <source>New course</source>
        <translation>新课程</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="349"/>
        <source>Provider</source>
        <translation>培训机构</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="350"/>
        <source>Skill it gives</source>
        <translation>获得的技能</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="352"/>
        <source>Add course</source>
        <translation>添加课程</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="362"/>
        <source>completed {day}</source>
        <translation>{day} 完成</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="364"/>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="372"/>
        <source>No training recorded yet</source>
        <translation>尚无培训记录</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="52"/>
        <source>Transfer the call</source>
        <translation>转接来电</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="54"/>
        <source>Transfer {caller} to:</source>
        <translation>将 {caller} 转接至：</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="70"/>
        <source>or type a number</source>
        <translation>或输入号码</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="87"/>
        <source>Choose where to transfer the call, or type a number.</source>
        <translation>请选择转接目标，或输入号码。</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="132"/>
        <source>Give minutes to an elder relative</source>
        <translation>向老年亲属转赠时长</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="143"/>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="144"/>
        <source>Parent-in-law</source>
        <translation>配偶父母</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="145"/>
        <source>Grandparent</source>
        <translation>祖父母/外祖父母</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="146"/>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="147"/>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="152"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="157"/>
        <source>Minutes go only to a relative aged {age} or more, registered as a resident.</source>
        <translation>时长只能转赠给年满 {age} 周岁、已登记为居民的亲属。</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="164"/>
        <source>From the volunteer</source>
        <translation>转出志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="165"/>
        <source>To the resident No.</source>
        <translation>转入居民编号</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="166"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="167"/>
        <source>Minutes</source>
        <translation>分钟数</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="168"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message>
        <location filename="../../console/presenters/notifications.py" line="32"/>
        <source>{n} new</source>
        <translation>{n} 条新消息</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../widgets/video_wall.py" line="580"/>
        <source>Snapshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="586"/>
        <source>Restore the wall</source>
        <translation>恢复多画面</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="586"/>
        <source>Maximise</source>
        <translation>最大化</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="591"/>
        <source>Clear tile</source>
        <translation>清空画面</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="595"/>
        <source>Instant replay (last 30 s)</source>
        <translation>即时回放（最近 30 秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="601"/>
        <source>Back to live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="602"/>
        <source>Pause / play</source>
        <translation>暂停 / 播放</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="604"/>
        <source>PTZ presets</source>
        <translation>云台预置位</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="607"/>
        <source>Preset {n}</source>
        <translation>预置位 {n}</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="615"/>
        <source>Edit motion mask…</source>
        <translation>编辑移动侦测屏蔽区…</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="621"/>
        <source>Motion sensitivity…</source>
        <translation>移动侦测灵敏度…</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="627"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1256"/>
        <source>Reconnecting (attempt {n})</source>
        <translation>正在重连（第 {n} 次）</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1259"/>
        <location filename="../../widgets/video_wall.py" line="1273"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1261"/>
        <source>Offline since {time}</source>
        <translation>自 {time} 起离线</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1264"/>
        <source>Error (point at the tile for details)</source>
        <translation>错误（鼠标悬停查看详情）</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1269"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1270"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1271"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1272"/>
        <source>Reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1274"/>
        <source>No signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1275"/>
        <source>Wrong credentials</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1276"/>
        <source>Unsupported stream</source>
        <translation>不支持的视频流</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1277"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1278"/>
        <source>Keyframes only</source>
        <translation>仅关键帧</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1279"/>
        <source>Drag a camera here</source>
        <translation>将摄像机拖到这里</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1281"/>
        <source>Drag rectangles or click points to mask out motion. Enter saves, Esc cancels, Backspace undoes.</source>
        <translation>拖出矩形或逐点单击以屏蔽移动侦测区域。Enter 保存，Esc 取消，Backspace 撤销。</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1288"/>
        <source>1-9 select a tile, arrows move, Enter maximises, Delete clears, Ctrl+S snapshot, F11 full screen</source>
        <translation>1-9 选择画面，方向键移动，Enter 最大化，Delete 清空，Ctrl+S 截图，F11 全屏</translation>
    </message>
</context>
<context>
    <name>VideoWallPresenter</name>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="169"/>
        <location filename="../../console/presenters/video_wall.py" line="725"/>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="195"/>
        <source>Cameras of the incident on the wall</source>
        <translation>将事件相关摄像机上墙</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="283"/>
        <source>Could not load the wall views</source>
        <translation>无法加载视频墙视图</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="384"/>
        <source>asking the camera</source>
        <translation>正在询问摄像机</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="583"/>
        <source>The incident names no camera of this site.</source>
        <translation>该事件未涉及本站点的摄像机。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="596"/>
        <source>{n} more cameras did not fit: {codes}</source>
        <translation>另有 {n} 路摄像机放不下：{codes}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="609"/>
        <location filename="../../console/presenters/video_wall.py" line="889"/>
        <source>Select an incident in the queue first.</source>
        <translation>请先在事件队列中选择一个事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="616"/>
        <source>Could not find the incident&apos;s cameras</source>
        <translation>无法查找该事件的摄像机</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="653"/>
        <source>Could not save the wall view</source>
        <translation>无法保存视频墙视图</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="658"/>
        <source>Wall view “{name}” saved.</source>
        <translation>视频墙视图“{name}”已保存。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="672"/>
        <source>Could not delete the wall view</source>
        <translation>无法删除视频墙视图</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="771"/>
        <source>No recording of {camera} in the last 30 s.</source>
        <translation>{camera} 最近 30 秒没有录像。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="789"/>
        <source>Could not find the recording</source>
        <translation>找不到录像</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="827"/>
        <source>Replay caught up: live again.</source>
        <translation>回放已追上实时：恢复实时画面。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="854"/>
        <source>No picture on this tile to take.</source>
        <translation>该画面格暂无可截取的画面。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="877"/>
        <source>Snapshot saved to {path}</source>
        <translation>截图已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="879"/>
        <source>Could not save the snapshot</source>
        <translation>无法保存截图</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="900"/>
        <source>Snapshot of {camera} attached to incident {id}.</source>
        <translation>{camera} 的截图已附加到事件 {id}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="905"/>
        <source>Could not attach the snapshot</source>
        <translation>无法附加截图</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="910"/>
        <source>Snapshot to the selected incident</source>
        <translation>截图附加到所选事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="914"/>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="974"/>
        <source>PTZ of {camera}: {error}</source>
        <translation>{camera} 云台控制：{error}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="993"/>
        <source>This camera has no preset {n}.</source>
        <translation>该摄像机没有预置位 {n}。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="1013"/>
        <source>Could not load the camera&apos;s motion settings</source>
        <translation>无法加载摄像机的移动侦测设置</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="1049"/>
        <source>Motion settings of {camera} saved.</source>
        <translation>{camera} 的移动侦测设置已保存。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="1056"/>
        <source>Could not save the motion settings</source>
        <translation>无法保存移动侦测设置</translation>
    </message>
</context>
<context>
    <name>VisitCard</name>
    <message>
        <location filename="../../console/visit_card.py" line="33"/>
        <source>Volunteer visit card</source>
        <translation>志愿者上门服务卡</translation>
    </message>
    <message>
        <location filename="../../console/visit_card.py" line="34"/>
        <source>Volunteer: scan this code on arrival and when leaving, and give the text with your volunteer number to the station.</source>
        <translation>志愿者：到达和离开时各扫描一次此码，并将所得文字连同志愿者编号交给工作站。</translation>
    </message>
    <message>
        <location filename="../../console/visit_card.py" line="39"/>
        <source>Valid only</source>
        <translation>仅限</translation>
    </message>
</context>
<context>
    <name>VisitCardDialog</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="340"/>
        <source>Visit card</source>
        <translation>上门服务卡</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="355"/>
        <source>Resident No.</source>
        <translation>居民编号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="356"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="357"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="358"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>VolunteerCertificate</name>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="20"/>
        <source>Certificate of Volunteer Service</source>
        <translation>志愿服务证明</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="23"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="24"/>
        <source>This is to certify that {name} (identity number {id}) took part in volunteer service from {first} to {last}, for {hours} hours of service in all.</source>
        <translation>兹证明 {name}（身份证号：{id}）于 {first} 至 {last} 期间参加志愿服务，累计服务时长 {hours} 小时。</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="29"/>
        <source>Service content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="30"/>
        <source>Service hours</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="31"/>
        <source>Issued by</source>
        <translation>出具单位</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="32"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="33"/>
        <source>Date of issue</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="34"/>
        <source>(seal)</source>
        <translation>（盖章）</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="35"/>
        <source>Issued from the volunteer service records under the Measures for Volunteer Service Records and Certificates (MCA Order 67). The hours are service time confirmed and approved, travel excluded. Verify the number with the issuer.</source>
        <translation>依据《志愿服务记录与证明出具办法（试行）》（民政部令第67号），根据志愿服务记录出具。服务时长为经确认和审核的服务时间，不含往返路途时间。可凭编号向出具单位核验。</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="41"/>
        <source>WITHDRAWN: {reason}</source>
        <translation>已撤销：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="42"/>
        <source>Display copy: the identity number is masked; not valid as a certificate.</source>
        <translation>展示副本：身份证号已遮蔽，不作为证明使用。</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="136"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="136"/>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="143"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="144"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="152"/>
        <source>Comma-separated, e.g. 读报, 理发</source>
        <translation>用逗号分隔，如：读报，理发</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="159"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="163"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="164"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="165"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="166"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="167"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="168"/>
        <source>Identity No.</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="169"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="170"/>
        <source>Insurance policy</source>
        <translation>保单号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="171"/>
        <source>Insured until</source>
        <translation>保险有效期至</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="172"/>
        <source>Usually free</source>
        <translation>通常有空时段</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="181"/>
        <source>Type the volunteer&apos;s name.</source>
        <translation>请输入志愿者姓名。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="183"/>
        <source>Type the identity number.</source>
        <translation>请输入身份证号。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="185"/>
        <source>The identity number is not valid (check the digits).</source>
        <translation>身份证号无效（请核对号码）。</translation>
    </message>
</context>
<context>
    <name>VolunteerTexts</name>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="24"/>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="27"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="30"/>
        <source>Show identity No.</source>
        <translation>查看身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="33"/>
        <source>Photo…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="36"/>
        <source>Qualification…</source>
        <translation>资质…</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="39"/>
        <source>New team</source>
        <translation>新建队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="42"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="45"/>
        <source>Remove member</source>
        <translation>移出成员</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="48"/>
        <source>New shift</source>
        <translation>新建班次</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="51"/>
        <source>Sign up a volunteer</source>
        <translation>为志愿者报名</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="54"/>
        <source>Cancel shift</source>
        <translation>取消班次</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="57"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="60"/>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="63"/>
        <source>Withdraw</source>
        <translation>撤销报名</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="66"/>
        <source>New pairing</source>
        <translation>新建结对</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="69"/>
        <source>End pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="72"/>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="75"/>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="78"/>
        <location filename="../../widgets/volunteers_text.py" line="311"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="81"/>
        <source>Cancel task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="85"/>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="88"/>
        <source>Name or volunteer No. (Alt+S, Enter)</source>
        <translation>姓名或志愿者编号（Alt+S，回车）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="91"/>
        <source>Select a volunteer to see the profile.</source>
        <translation>选择一位志愿者以查看资料。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="94"/>
        <source>Select a shift to see its sign-ups.</source>
        <translation>选择一个班次以查看报名情况。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="97"/>
        <source>Sign-ups: {n}</source>
        <translation>报名：{n} 人</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="100"/>
        <source>Photo hidden (personal data)</source>
        <translation>照片已隐藏（个人信息）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="103"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="106"/>
        <source>First {n} shown — narrow the search.</source>
        <translation>仅显示前 {n} 条——请缩小搜索范围。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="110"/>
        <source>Only the first {n} residents are listed (those living alone first).</source>
        <translation>仅列出前 {n} 位居民（独居者优先）。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="114"/>
        <source>Select a row with a volunteer to show the resident who will come.</source>
        <translation>选择一条已有志愿者的记录，向居民展示将上门的人。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="117"/>
        <source>Show this to the resident: {name} will come.</source>
        <translation>请向居民出示：将由 {name} 上门。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="120"/>
        <source>Street-wide</source>
        <translation>全街道</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="123"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="123"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="126"/>
        <source> (expired)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="129"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="129"/>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="133"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="136"/>
        <source>Expired {date}</source>
        <translation>已于 {date} 过期</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="137"/>
        <source>Until {date}</source>
        <translation>有效至 {date}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="142"/>
        <source>no expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="148"/>
        <source>Identity No.: {n}</source>
        <translation>身份证号：{n}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="149"/>
        <source>Phone: {p}</source>
        <translation>电话：{p}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="150"/>
        <source>Skills: {s}</source>
        <translation>技能：{s}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="151"/>
        <source>Qualifications: {q}</source>
        <translation>资质：{q}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="152"/>
        <source>Insurance: {i}</source>
        <translation>保险：{i}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="155"/>
        <source>Teams: {t}</source>
        <translation>队伍：{t}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="161"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="162"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="163"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="164"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="165"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="166"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="167"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="171"/>
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="171"/>
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="171"/>
        <source>Evening</source>
        <translation>晚上</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="180"/>
        <location filename="../../widgets/volunteers_text.py" line="312"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="183"/>
        <source>(+{n} pending)</source>
        <translation>（另有 {n} 人待确认）</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="185"/>
        <source>full</source>
        <translation>已满</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="191"/>
        <source>needs {q}</source>
        <translation>需{q}</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="193"/>
        <source>age {n}+</source>
        <translation>{n} 岁以上</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="196"/>
        <source>sign up by {t}</source>
        <translation>{t} 前报名</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="203"/>
        <source>Instant</source>
        <translation>即时确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="203"/>
        <source>Needs confirmation</source>
        <translation>需审核确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="207"/>
        <source>Pending</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="208"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="209"/>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="210"/>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="216"/>
        <source>The shift is full.</source>
        <translation>该班次名额已满。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="217"/>
        <source>The volunteer is under the shift&apos;s minimum age.</source>
        <translation>志愿者未达到该班次的最低年龄。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="219"/>
        <source>The volunteer lacks the qualification the shift requires.</source>
        <translation>志愿者不具备该班次要求的资质。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="222"/>
        <source>The volunteer&apos;s qualification that the shift requires has expired.</source>
        <translation>志愿者具备的该班次所需资质已过期。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="224"/>
        <source>The sign-up deadline has passed.</source>
        <translation>报名截止时间已过。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="226"/>
        <source>The volunteer is already signed up for another shift at that time.</source>
        <translation>志愿者在该时段已报名其他班次。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="228"/>
        <source>The shift was cancelled.</source>
        <translation>该班次已取消。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="229"/>
        <source>The shift has already started.</source>
        <translation>该班次已开始。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="230"/>
        <location filename="../../widgets/volunteers_text.py" line="274"/>
        <source>The volunteer is not active.</source>
        <translation>该志愿者已停用。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="231"/>
        <source>The volunteer is already signed up for this shift.</source>
        <translation>该志愿者已报名此班次。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="232"/>
        <source>The volunteer belongs to another community.</source>
        <translation>该志愿者属于其他社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="240"/>
        <source>This identity number is already registered as volunteer No. {n}.</source>
        <translation>该身份证号已登记为 {n} 号志愿者。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="243"/>
        <source>The identity number is not valid (check the digits).</source>
        <translation>身份证号无效（请核对号码）。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="246"/>
        <source>{n} volunteers already hold a place: the capacity cannot be lower.</source>
        <translation>已有 {n} 名志愿者报名，名额不能少于此数。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="249"/>
        <source>The photo is too large (at most 256 KiB).</source>
        <translation>照片过大（最大 256 KiB）。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="252"/>
        <source>The new times would overlap another shift of: {names}. Withdraw them first.</source>
        <translation>新时间将与以下志愿者的其他班次重叠：{names}。请先撤销其报名。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="256"/>
        <source>The incident belongs to another community than the task.</source>
        <translation>该事件属于其他社区，与任务的社区不同。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="260"/>
        <source>The incident has no community: only a street-wide user can make it a task.</source>
        <translation>该事件没有所属社区：只有全街道权限的用户才能将其生成任务。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="263"/>
        <source>The order belongs to another community than the task.</source>
        <translation>该订单属于其他社区，与任务的社区不同。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="266"/>
        <source>The photo must be a JPEG or PNG image.</source>
        <translation>照片须为 JPEG 或 PNG 格式。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="269"/>
        <source>This volunteer already visits this resident.</source>
        <translation>该志愿者已与该居民结对。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="272"/>
        <source>The resident lives in another community than the volunteer.</source>
        <translation>该居民与志愿者不在同一社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="276"/>
        <source>Assign the task to a volunteer before marking it done.</source>
        <translation>请先将任务指派给志愿者，再标记完成。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="279"/>
        <source>The volunteer belongs to another community than the team.</source>
        <translation>该志愿者与队伍不在同一社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="282"/>
        <source>The volunteer belongs to another community than the task.</source>
        <translation>该志愿者与任务不在同一社区。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="290"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="291"/>
        <source>Fortnightly</source>
        <translation>每两周</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="292"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="301"/>
        <source>Welfare check</source>
        <translation>上门探视</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="302"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="303"/>
        <source>Visit</source>
        <translation>探访</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="304"/>
        <source>Station request</source>
        <translation>工作站求助</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="309"/>
        <source>Unassigned</source>
        <translation>未指派</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="310"/>
        <source>Assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="317"/>
        <source>Incident No. {n}</source>
        <translation>事件 {n} 号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="319"/>
        <source>Order No. {n}</source>
        <translation>订单 {n} 号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="321"/>
        <source>Request No. {n}</source>
        <translation>诉求 {n} 号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="326"/>
        <source>visits this resident</source>
        <translation>结对探访该居民</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="327"/>
        <source>usually free now</source>
        <translation>此时段通常有空</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="328"/>
        <source>same community</source>
        <translation>同社区</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="333"/>
        <source>No volunteers</source>
        <translation>暂无志愿者</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="337"/>
        <source>No volunteer matches. Press Ins to register one, or clear the search (Alt+S).</source>
        <translation>没有符合条件的志愿者。按 Ins 登记志愿者，或清空搜索（Alt+S）。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="341"/>
        <source>No teams</source>
        <translation>暂无队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="344"/>
        <source>Press Ins to form a team and name its leader.</source>
        <translation>按 Ins 组建队伍并指定队长。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="347"/>
        <source>No shifts ahead</source>
        <translation>近期没有班次</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="350"/>
        <source>No shift in the next four weeks. Press Ins to plan one.</source>
        <translation>未来四周没有班次。按 Ins 安排班次。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="353"/>
        <source>No pairings</source>
        <translation>暂无结对</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="357"/>
        <source>Pair a volunteer with a resident for regular visits: press Ins. Residents living alone are listed first.</source>
        <translation>为志愿者与居民结对定期探访：按 Ins。独居居民排在最前。</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="362"/>
        <source>No open tasks</source>
        <translation>没有待办任务</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="366"/>
        <source>Tasks come from incidents (welfare checks), deliveries and requests at a station. Press Ins to add one.</source>
        <translation>任务来自事件（上门探视）、配送以及工作站的求助。按 Ins 添加任务。</translation>
    </message>
</context>
<context>
    <name>VolunteersModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="189"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="190"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="191"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="192"/>
        <source>Born</source>
        <translation>出生年</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="193"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="194"/>
        <source>Identity No.</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="195"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="198"/>
        <source>Qualifications</source>
        <translation>资质</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="203"/>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="204"/>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="205"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>VolunteersPresenter</name>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="92"/>
        <location filename="../../console/presenters/volunteers.py" line="105"/>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="106"/>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="107"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="108"/>
        <source>Pairings</source>
        <translation>结对探访</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="109"/>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="115"/>
        <source>Volunteer task from the incident…</source>
        <translation>根据事件派志愿者任务…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="127"/>
        <source>Volunteer task from the request…</source>
        <translation>由诉求生成志愿任务…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="188"/>
        <source>Could not read the communities</source>
        <translation>无法读取社区</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="231"/>
        <location filename="../../console/presenters/volunteers.py" line="858"/>
        <source>Could not read the volunteers</source>
        <translation>无法读取志愿者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="266"/>
        <source>Sign-up refused</source>
        <translation>报名未通过</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="312"/>
        <source>Could not read the photo</source>
        <translation>无法读取照片</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="340"/>
        <source>Could not read the volunteer&apos;s card</source>
        <translation>无法读取志愿者名片</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="362"/>
        <source>Could not save the volunteer</source>
        <translation>无法保存志愿者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="363"/>
        <source>Volunteer saved</source>
        <translation>志愿者已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="373"/>
        <source>Edit the volunteer&apos;s profile</source>
        <translation>编辑志愿者资料</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="397"/>
        <source>Could not open the profile</source>
        <translation>无法打开资料</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="406"/>
        <source>Show the identity number</source>
        <translation>查看身份证号</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="411"/>
        <source>Identity number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="412"/>
        <source>Identity No.: {n}
Birth date: {d}</source>
        <translation>身份证号：{n}
出生日期：{d}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="420"/>
        <source>Could not show the identity number</source>
        <translation>无法显示身份证号</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="427"/>
        <source>Choose the volunteer&apos;s photo</source>
        <translation>选择志愿者照片</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="429"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="447"/>
        <source>Could not store the photo</source>
        <translation>无法保存照片</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="447"/>
        <source>Photo stored</source>
        <translation>照片已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="460"/>
        <source>Could not save the qualification</source>
        <translation>无法保存资质</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="461"/>
        <source>Qualification saved</source>
        <translation>资质已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="495"/>
        <source>Could not save the team</source>
        <translation>无法保存队伍</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="496"/>
        <source>Team saved</source>
        <translation>队伍已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="508"/>
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="508"/>
        <location filename="../../console/presenters/volunteers.py" line="524"/>
        <location filename="../../console/presenters/volunteers.py" line="586"/>
        <location filename="../../console/presenters/volunteers.py" line="843"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="514"/>
        <source>Could not add the member</source>
        <translation>无法添加成员</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="524"/>
        <source>Remove a member</source>
        <translation>移出成员</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="531"/>
        <source>Could not remove the member</source>
        <translation>无法移出成员</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="559"/>
        <source>Could not save the shift</source>
        <translation>无法保存班次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="560"/>
        <source>Shift saved</source>
        <translation>班次已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="576"/>
        <source>Could not read the sign-ups</source>
        <translation>无法读取报名情况</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="585"/>
        <source>Sign up for {t}</source>
        <translation>报名：{t}</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="598"/>
        <source>Signed up; waiting for confirmation</source>
        <translation>已报名，等待确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="600"/>
        <source>Signed up and confirmed</source>
        <translation>已报名并确认</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="608"/>
        <source>Could not sign up</source>
        <translation>无法报名</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="621"/>
        <source>Could not decide the sign-up</source>
        <translation>无法处理该报名</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="630"/>
        <source>Withdraw the sign-up</source>
        <translation>撤销报名</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="631"/>
        <source>Withdraw this sign-up? The place becomes free for others.</source>
        <translation>撤销此报名？名额将释放给他人。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="633"/>
        <source>Could not withdraw</source>
        <translation>无法撤销报名</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="644"/>
        <source>Cancel the shift</source>
        <translation>取消班次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="646"/>
        <source>Cancel the shift {t}? {n} volunteers hold a place; tell them. This cannot be undone.</source>
        <translation>取消班次“{t}”？已有 {n} 名志愿者报名，请通知他们。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="650"/>
        <source>Could not cancel the shift</source>
        <translation>无法取消班次</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="674"/>
        <source>Could not pair</source>
        <translation>无法结对</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="675"/>
        <source>Pairing saved</source>
        <translation>结对已保存</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="684"/>
        <source>Could not read the residents</source>
        <translation>无法读取居民</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="694"/>
        <source>End the pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="695"/>
        <source>End the regular visits of {v} to {r}?</source>
        <translation>结束 {v} 对 {r} 的定期探访？</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="699"/>
        <source>Could not end the pairing</source>
        <translation>无法结束结对</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="712"/>
        <source>Select the incident in the queue first.</source>
        <translation>请先在事件队列中选择事件。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="727"/>
        <source>Could not read the incident</source>
        <translation>无法读取事件</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="733"/>
        <source>Select the request in the Feedback pane first.</source>
        <translation>请先在“接诉即办”窗格中选择诉求。</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="748"/>
        <source>Could not read the request</source>
        <translation>无法读取诉求</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="761"/>
        <source>Could not read the resident</source>
        <translation>无法读取居民信息</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="775"/>
        <source>Could not read the order</source>
        <translation>无法读取订单</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="805"/>
        <source>Could not prepare the task</source>
        <translation>无法准备任务</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="826"/>
        <source>Could not create the task</source>
        <translation>无法创建任务</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="827"/>
        <source>Task created</source>
        <translation>任务已创建</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="843"/>
        <source>Assign the task</source>
        <translation>指派任务</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="849"/>
        <source>Could not assign the task</source>
        <translation>无法指派任务</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="850"/>
        <source>Task assigned</source>
        <translation>任务已指派</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="867"/>
        <source>Mark the task done</source>
        <translation>标记任务完成</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="867"/>
        <source>Cancel the task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="869"/>
        <source>Mark “{t}” done?</source>
        <translation>将“{t}”标记为已完成？</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="869"/>
        <source>Cancel “{t}”?</source>
        <translation>取消“{t}”？</translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="876"/>
        <source>Could not update the task</source>
        <translation>无法更新任务</translation>
    </message>
</context>
<context>
    <name>WallToolbar</name>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="212"/>
        <source>Save wall view</source>
        <translation>保存电视墙视图</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="212"/>
        <source>Name of the view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="222"/>
        <source>Delete the saved view “{name}”? The cameras are not affected.</source>
        <translation>删除已保存的视图“{name}”？摄像机不受影响。</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="223"/>
        <source>Delete wall view</source>
        <translation>删除电视墙视图</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="255"/>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="257"/>
        <source>One camera</source>
        <translation>单画面</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="258"/>
        <source>2 × 2 cameras</source>
        <translation>2 × 2 画面</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="259"/>
        <source>3 × 3 cameras</source>
        <translation>3 × 3 画面</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="260"/>
        <source>4 × 4 cameras</source>
        <translation>4 × 4 画面</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="261"/>
        <source>5 × 5 cameras</source>
        <translation>5 × 5 画面</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="262"/>
        <source>One large and 5 small</source>
        <translation>1 大 5 小</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="263"/>
        <source>One large and 7 small</source>
        <translation>1 大 7 小</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="268"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="269"/>
        <source>(unsaved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="270"/>
        <source>Saved wall views: yours and the shared ones</source>
        <translation>已保存的电视墙视图：您自己的和共享的</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="271"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="272"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="273"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="274"/>
        <source>&amp;Every</source>
        <translation>间隔(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="275"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="276"/>
        <source>How long each page of a tour stays on the wall</source>
        <translation>轮巡时每一页在电视墙上停留的时间</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="277"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="278"/>
        <source>Show the wall full screen (F11)</source>
        <translation>全屏显示电视墙 (F11)</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="282"/>
        <source>Stop tour</source>
        <translation>停止轮巡</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="282"/>
        <source>Start tour</source>
        <translation>开始轮巡</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="284"/>
        <source>Cycle the cameras through the wall (a group: right-click it in the tree)</source>
        <translation>在电视墙上轮流显示摄像机（分组：在树中右键单击该分组）</translation>
    </message>
</context>
<context>
    <name>WindowsModel</name>
    <message>
        <location filename="../../widgets/order_windows.py" line="42"/>
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="46"/>
        <source>Window</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="48"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="49"/>
        <source>Taken</source>
        <translation>已订</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="52"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="53"/>
        <source>full</source>
        <translation>已满</translation>
    </message>
</context>
</TS>
