<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>Community</source>
        <translation type="obsolete">Community</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation type="obsolete">Handled by</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../widgets/accounts.py" line="248"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="250"/>
        <source>Locked until {t}</source>
        <translation>Locked until {t}</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="254"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="234"/>
        <source>street-wide</source>
        <translation>street-wide</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="277"/>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="277"/>
        <source>Disable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="281"/>
        <source>You cannot disable your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="284"/>
        <source>It can no longer sign in; a console signed in with it can change nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="315"/>
        <source>Disable account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="317"/>
        <source>Disable {user} ({name})? The account can no longer sign in, and a console signed in with it can change nothing more. Its records stay; it can be enabled again. Say why: the reason goes into the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="322"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="351"/>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Give {user} a new random password? The old one stops working.</source>
        <translation type="vanished">Give {user} a new random password? The old one stops working.</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="337"/>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="340"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="341"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="342"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="343"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="344"/>
        <source>Communities</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="345"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="346"/>
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="349"/>
        <source>New account…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="350"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="352"/>
        <source>Close window</source>
        <translation>Close window</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../widgets/timebank.py" line="59"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="60"/>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="63"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="68"/>
        <source>Balance (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="80"/>
        <source>Community pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="81"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="82"/>
        <source>Elder relative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsPresenter</name>
    <message>
        <location filename="../../console/presenters/accounts.py" line="30"/>
        <source>Accounts…</source>
        <translation type="unfinished">Accounts…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="63"/>
        <source>Could not read your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="71"/>
        <source>Your account has been disabled by an administrator. You were signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="97"/>
        <source>Could not list the accounts</source>
        <translation type="unfinished">Could not list the accounts</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="142"/>
        <source>Account {user} disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="168"/>
        <source>Account {user} enabled: it can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="191"/>
        <source>Account {user} created. Initial password: {pw} — hand it over now; it is not shown again.</source>
        <translation type="unfinished">Account {user} created. Initial password: {pw} — hand it over now; it is not shown again.</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="206"/>
        <source>Account {user} unlocked.</source>
        <translation type="unfinished">Account {user} unlocked.</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="214"/>
        <source>Reset password</source>
        <translation type="unfinished">Reset password</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="215"/>
        <source>Give {user} a new random password? The old one stops working.</source>
        <translation type="unfinished">Give {user} a new random password? The old one stops working.</translation>
    </message>
    <message>
        <location filename="../../console/presenters/accounts.py" line="230"/>
        <source>New password of {user}: {pw} — hand it over now; it is not shown again.</source>
        <translation type="unfinished">New password of {user}: {pw} — hand it over now; it is not shown again.</translation>
    </message>
</context>
<context>
    <name>AlarmReceiverLabel</name>
    <message>
        <location filename="../../widgets/alarm_status.py" line="36"/>
        <source>Alarms: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="39"/>
        <source>Alarms: listening · {acked} acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="42"/>
        <source>{detail}
frames {frames} · NAK {nak} · DUH {duh} · bad CRC {crc} · malformed {bad} · unknown account {unknown} · refused {refused}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="56"/>
        <source>Alarms: receiver not listening</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmTimeline</name>
    <message>
        <location filename="../../widgets/alarm_status.py" line="70"/>
        <source>Alarm again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="72"/>
        <source>Alarm restored (panel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alarm_status.py" line="74"/>
        <source>Device heard again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmsPresenter</name>
    <message>
        <location filename="../../console/presenters/alarms.py" line="132"/>
        <source>Alarm receiver not listening: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/alarms.py" line="137"/>
        <source>Alarm receiver listening again: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/alarms.py" line="143"/>
        <source>Alarm events from account {account}, which no device of the site has</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertSoundIndicator</name>
    <message>
        <location filename="../../widgets/alert_sound.py" line="102"/>
        <source>No alert sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="105"/>
        <source>Alerts muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="106"/>
        <source>Tools → Alert volume… to turn the alert sound back on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertSoundPresenter</name>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="32"/>
        <source>Alert volume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="39"/>
        <source>Test tone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="60"/>
        <source>Alerts are muted: the test tone is silent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="63"/>
        <source>No alert sound: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="67"/>
        <source>Test tone: the P1 alert at {v} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="79"/>
        <source>The alert sound plays again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/alert_sound.py" line="83"/>
        <source>No alert sound: {why}. Alerts still flash and show here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertVolumeDialog</name>
    <message>
        <location filename="../../widgets/alert_sound.py" line="69"/>
        <source>Alert volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="70"/>
        <source>Volume of the new P1/P2 alert on this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="72"/>
        <source>Muted: new P1/P2 incidents will not ring. The status bar says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/alert_sound.py" line="74"/>
        <source>Test tone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <location filename="../../widgets/counselling.py" line="98"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="99"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="100"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="101"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="102"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
</context>
<context>
    <name>AssignmentDeskWidget</name>
    <message>
        <location filename="../../widgets/assignments.py" line="467"/>
        <source>Write the reason for declining in the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="471"/>
        <source>Write what was done in the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="487"/>
        <source>Attached {name} to the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="503"/>
        <source>Copied {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="511"/>
        <source>Note: the reason when declining, what was done when finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="513"/>
        <source>Attach photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="515"/>
        <source>A photo of the work, kept with the incident ({key})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentListWidget</name>
    <message>
        <location filename="../../widgets/assignments.py" line="336"/>
        <source>Copied {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="340"/>
        <source>Assignments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Assignments</name>
    <message>
        <location filename="../../widgets/assignments.py" line="63"/>
        <source>Notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="64"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="65"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="66"/>
        <location filename="../../widgets/assignments.py" line="79"/>
        <source>En route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="67"/>
        <location filename="../../widgets/assignments.py" line="80"/>
        <source>On scene</source>
        <translation type="unfinished">On scene</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="68"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="69"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="76"/>
        <source>Notify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="77"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="78"/>
        <source>Decline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="81"/>
        <source>Done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="82"/>
        <source>Cancel assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="89"/>
        <source>Assignment unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="96"/>
        <source>Assignment: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="121"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="132"/>
        <source>Incident</source>
        <translation type="unfinished">Incident</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="139"/>
        <source>Location</source>
        <translation type="unfinished">Location</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="145"/>
        <source>Department / unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="149"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="155"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="161"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="170"/>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/assignments.py" line="176"/>
        <source>Click or Ctrl+C copies {phone}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignmentsPresenter</name>
    <message>
        <location filename="../../console/presenters/assignments.py" line="80"/>
        <source>My assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="81"/>
        <source>Assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="90"/>
        <source>Your department&apos;s assignments: unanswered first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="92"/>
        <source>Every open assignment: unanswered and overdue first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="130"/>
        <location filename="../../console/presenters/assignments.py" line="154"/>
        <source>Could not load the assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="178"/>
        <source>{n} assignment(s) unanswered past their time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="207"/>
        <source>Could not load assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="225"/>
        <source>Could not open the dispatch picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="259"/>
        <source>#{id}: {n} notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="282"/>
        <source>A photo of the work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="284"/>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="318"/>
        <source>Only a department that took the work on may add its photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="349"/>
        <source>Not saved: the assignment has changed meanwhile, the step is not allowed now, or its note or reason is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/assignments.py" line="353"/>
        <source>Only the department the assignment is for may answer it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsController</name>
    <message>
        <location filename="../../console/presenters/attachments.py" line="107"/>
        <source>Could not list the attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="121"/>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="160"/>
        <source>Adding {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="163"/>
        <source>Adding {name} ({n} of {total})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="200"/>
        <source>Could not read {name}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="205"/>
        <source>Could not attach {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="227"/>
        <source>No program on this computer opens this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="235"/>
        <source>{name} is damaged: its stored content is missing or altered, so it was not opened. Tell the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/attachments.py" line="240"/>
        <source>Could not open the attachment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsWidget</name>
    <message>
        <location filename="../../widgets/attachments.py" line="40"/>
        <source>JPEG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="41"/>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="42"/>
        <source>GIF image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="43"/>
        <source>WebP image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="44"/>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="45"/>
        <source>WAV audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="46"/>
        <source>MP3 audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="47"/>
        <source>MP4/QuickTime video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="48"/>
        <source>UTF-8 text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="49"/>
        <source>Word document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="50"/>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="51"/>
        <source>PowerPoint presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="54"/>
        <source>ZIP archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="55"/>
        <source>program or script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="60"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="68"/>
        <source>{name} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="70"/>
        <source>{name} is {size}; attachments may be at most {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="74"/>
        <source>{name} is a program or script; those are never attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="78"/>
        <source>{name}: this type of file is not accepted (photos, PDF, audio, video, text and Office documents are).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="84"/>
        <source>{name} is not a {expected}: its content is not recognised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="87"/>
        <source>{name} is a {found}, not a {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="116"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="122"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="127"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="135"/>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="140"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="289"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="290"/>
        <source>Add file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="292"/>
        <source>Attach a photo, document or recording ({keys}); or drop files here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="296"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attachments.py" line="297"/>
        <source>Open the selected file (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPresenter</name>
    <message>
        <location filename="../../console/presenters/audit.py" line="43"/>
        <location filename="../../console/presenters/audit.py" line="107"/>
        <location filename="../../console/presenters/audit.py" line="132"/>
        <source>Verify audit log</source>
        <translation type="unfinished">Verify audit log</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="70"/>
        <source>Verifying the audit log…</source>
        <translation type="unfinished">Verifying the audit log…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="71"/>
        <source>Audit check failed</source>
        <translation type="unfinished">Audit check failed</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="97"/>
        <source>AUDIT LOG TAMPERED: {n} problems; the first: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="103"/>
        <source>Audit log intact: {n} rows, chain verified.</source>
        <translation type="unfinished">Audit log intact: {n} rows, chain verified.</translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="105"/>
        <source>Not anchored by a signed checkpoint: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="120"/>
        <source>there is no checkpoint in {folder} yet, so whoever can write the database could rewrite the log unnoticed. A console whose workstation holds the signing key signs one at its first sign-in and every hour; `console audit checkpoint` signs one now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="126"/>
        <source>this workstation has no public key to check the {n} checkpoints in {folder} (copy the site&apos;s {key} into its key folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="165"/>
        <source>Audit checkpoint failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/audit.py" line="86"/>
        <source>AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}</source>
        <translation type="unfinished">AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="69"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="70"/>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="73"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="77"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="78"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="79"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="80"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="81"/>
        <source>Deliverer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="84"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="90"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallLabels</name>
    <message>
        <location filename="../../widgets/calls.py" line="58"/>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="60"/>
        <source>Dialling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="62"/>
        <source>Talking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="64"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="66"/>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="67"/>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="73"/>
        <source>Hung up here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="74"/>
        <source>Caller hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="75"/>
        <source>Missed (caller gave up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="76"/>
        <source>Missed (all lines busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="77"/>
        <source>Transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="78"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="79"/>
        <source>No audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="87"/>
        <source>Inquiry answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="88"/>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="89"/>
        <source>Silent call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="90"/>
        <source>Already reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="93"/>
        <source>Nuisance call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="94"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="117"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="118"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="119"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="120"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <location filename="../../widgets/calls.py" line="165"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="172"/>
        <source>Time</source>
        <translation type="unfinished">Time</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="181"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="184"/>
        <source>(withheld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="190"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="196"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="205"/>
        <source>Caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="211"/>
        <source>Answered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="239"/>
        <source>Incident #{id}</source>
        <translation type="unfinished">Incident #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="241"/>
        <source>No incident: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="247"/>
        <source>To do: incident or no incident?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="249"/>
        <source>On the callback list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackTableModel</name>
    <message>
        <location filename="../../widgets/calls.py" line="272"/>
        <source>Last call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="276"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="276"/>
        <source>(withheld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="278"/>
        <source>Caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="281"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="284"/>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="292"/>
        <source>{n} (busy: {busy})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallerPanel</name>
    <message>
        <location filename="../../widgets/calls.py" line="369"/>
        <source>Select a call to see who is calling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="372"/>
        <source>The number {number} matches no resident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="373"/>
        <source>(withheld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="384"/>
        <source>Full card for incident #{id}: this view is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="389"/>
        <source>Masked for your role. The full card opens for the call&apos;s incident (recorded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="414"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="418"/>
        <source>Full card for #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="420"/>
        <source>The whole card, for incident #{id}: the view is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="425"/>
        <source>Full card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="426"/>
        <source>Link the call to an incident first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="432"/>
        <source>lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="433"/>
        <source>dementia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="434"/>
        <source>disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="435"/>
        <source>chronic illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="442"/>
        <source>needs care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="444"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="448"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="450"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="451"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="452"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="453"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="454"/>
        <source>Care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="455"/>
        <source>Emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="466"/>
        <source>Recent incidents at the caller&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="468"/>
        <source>Earlier incidents from this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="460"/>
        <source>Open resident…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallsPane</name>
    <message>
        <location filename="../../widgets/calls.py" line="858"/>
        <source>Resume ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="860"/>
        <source>Hold ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="962"/>
        <source>{at}  {number} called back by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="964"/>
        <location filename="../../widgets/calls.py" line="1003"/>
        <source>(withheld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="969"/>
        <source>Only the newest missed calls are grouped here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="974"/>
        <source>○ No phone line on this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="977"/>
        <source>○ Phone line starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="984"/>
        <source>● Line online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="986"/>
        <source>○ Line offline · {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="999"/>
        <source>All {n} lines busy: a caller ({number}) got 486 (busy) at {at}. {count} turned away so far; they are on the callback list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1010"/>
        <source>Calls</source>
        <translation type="unfinished">Calls</translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1013"/>
        <source>Callbacks ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1013"/>
        <source>Callbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1019"/>
        <source>Answer ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1020"/>
        <source>Transfer… ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1021"/>
        <source>Hang up ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1022"/>
        <source>New incident… ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1023"/>
        <source>Link to incident… ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1024"/>
        <source>No incident… ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1025"/>
        <source>Feedback ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1026"/>
        <source>Order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1027"/>
        <source>An order of daily necessities for the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1028"/>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1029"/>
        <source>Mark as called back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1030"/>
        <source>Called back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1034"/>
        <source>No calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1036"/>
        <source>Ringing calls appear here with the caller&apos;s card; {key} answers the longest-waiting one. Every answered call ends linked to an incident or closed as “no incident”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1044"/>
        <source>No phone line on this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1046"/>
        <source>To take calls here, add a [[sip]] entry for workstation {ws} to the site file (bind host, port, the phone device that shows its status; registrar, user and password for a PBX) and restart the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1053"/>
        <source>Nobody to call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="1055"/>
        <source>Callers who hang up before an answer, or who get “busy” because every line is taken, are listed here until someone calls them back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallsPresenter</name>
    <message>
        <location filename="../../console/presenters/calls.py" line="127"/>
        <location filename="../../console/presenters/calls.py" line="531"/>
        <source>Calls</source>
        <translation type="unfinished">Calls</translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="137"/>
        <source>Answer call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="138"/>
        <source>Hold / resume call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="139"/>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="140"/>
        <source>Transfer call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="143"/>
        <source>New incident from call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="147"/>
        <source>Link call to incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="150"/>
        <source>Close call: no incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="244"/>
        <location filename="../../console/presenters/calls.py" line="285"/>
        <source>Could not load the calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="417"/>
        <location filename="../../console/presenters/calls.py" line="422"/>
        <location filename="../../console/presenters/calls.py" line="469"/>
        <source>Could not record the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="458"/>
        <source>Incoming call from {number} — {key} answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="459"/>
        <location filename="../../console/presenters/calls.py" line="476"/>
        <location filename="../../console/presenters/calls.py" line="595"/>
        <location filename="../../console/presenters/calls.py" line="617"/>
        <location filename="../../console/presenters/calls.py" line="687"/>
        <location filename="../../console/presenters/calls.py" line="799"/>
        <source>(withheld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="474"/>
        <source>All {n} lines busy: {number} got “busy” at {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="499"/>
        <source>Answering the call failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="500"/>
        <source>Putting the call on hold failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="501"/>
        <source>Taking the call off hold failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="502"/>
        <source>Transferring the call failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="503"/>
        <source>Hanging up failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="504"/>
        <source>Calling out failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="505"/>
        <source>A command on the line failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="507"/>
        <source>{what}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="550"/>
        <source>No call is ringing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="568"/>
        <source>Select the call to hold or resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="587"/>
        <source>Select the call to hang up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="591"/>
        <source>Reject the call?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="593"/>
        <source>The caller {number} is still waiting to be answered. Rejecting tells them the line is busy; they go on the callback list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="610"/>
        <source>Select the call to transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="627"/>
        <source>Could not list the departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="639"/>
        <source>Select an answered call that is not linked or closed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="686"/>
        <source>New incident from the call of {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="699"/>
        <source>Call at {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="738"/>
        <source>Could not create the incident from the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="747"/>
        <source>Call linked to incident #{id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="773"/>
        <source>Could not link the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="785"/>
        <source>Could not load the open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="807"/>
        <location filename="../../console/presenters/calls.py" line="824"/>
        <source>Could not close the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="831"/>
        <source>{what}: it is already linked or closed, or was never answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="844"/>
        <source>The phone line is down: the call was not placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="890"/>
        <source>Could not call the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="910"/>
        <source>Could not mark the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="963"/>
        <source>Could not load the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/calls.py" line="986"/>
        <source>Could not open the card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraTree</name>
    <message>
        <location filename="../../widgets/camera_tree.py" line="249"/>
        <source>{state} · {link}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="252"/>
        <source>reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="252"/>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="255"/>
        <source> · PTZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="278"/>
        <source>Tour this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="283"/>
        <source>Show on the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="316"/>
        <source>Find a camera by name or code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="318"/>
        <source>Drag a camera onto a tile, or press Enter to show it on the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="321"/>
        <source>Not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="322"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="323"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="324"/>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="325"/>
        <source>Offline</source>
        <translation type="unfinished">Offline</translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="326"/>
        <source>No signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="327"/>
        <source>Wrong credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="328"/>
        <source>Unsupported stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/camera_tree.py" line="329"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <location filename="../../widgets/merchants.py" line="917"/>
        <source>{n} products, {k} outside 5–20 % below the reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="930"/>
        <source>All merchants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="938"/>
        <source>Goods and services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="960"/>
        <source>Offer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="962"/>
        <location filename="../../widgets/merchants.py" line="970"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="965"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="966"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="967"/>
        <source>Outside 5–20 % only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="968"/>
        <source>New product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="969"/>
        <source>Change price…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="971"/>
        <source>Price history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="974"/>
        <source>No products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="976"/>
        <source>Goods and household services of the certified merchants appear here with their price, the market&apos;s reference price and the discount, which should be 5–20 % below it. New product… (Alt+N) adds one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateRequestDialog</name>
    <message>
        <location filename="../../widgets/certificates.py" line="168"/>
        <source>Request a volunteer certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="181"/>
        <source>Left empty: a summary of what the approved records say was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="185"/>
        <source>Only approved hours count. The certificate is listed publicly inside the console for {n} days before it can be issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="193"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="194"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="195"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="196"/>
        <source>Service content</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificatesModel</name>
    <message>
        <location filename="../../widgets/certificates.py" line="60"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="63"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="68"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="69"/>
        <source>Identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="72"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="77"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="82"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="89"/>
        <source>Service content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="92"/>
        <source>Listed until / issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="103"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="105"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="107"/>
        <source>Objection raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="110"/>
        <source>Ready to issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="111"/>
        <source>Listed, {n} days left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificatesPresenter</name>
    <message>
        <location filename="../../console/presenters/certificates.py" line="53"/>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="54"/>
        <source>Time bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="89"/>
        <location filename="../../console/presenters/certificates.py" line="113"/>
        <source>Could not read the volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="152"/>
        <source>Could not read the certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="183"/>
        <source>Could not read the account&apos;s statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="206"/>
        <source>The certificate is listed for seven days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="207"/>
        <source>Could not request the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="215"/>
        <source>{volunteer}, {first} to {last}, {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="225"/>
        <source>Issue the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="227"/>
        <source>Issue this certificate now ({what})? It takes the year&apos;s next number, which is never given again; a mistake can only be withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="249"/>
        <source>Certificate {number} issued and archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="256"/>
        <source>Could not issue the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="267"/>
        <source>The certificate was withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="268"/>
        <source>Could not withdraw the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="278"/>
        <source>The objection was recorded; the certificate waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="279"/>
        <source>Could not record the objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="287"/>
        <source>Save the issued certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="289"/>
        <source>Save a display copy of the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="317"/>
        <source>Certificate saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="318"/>
        <source>Could not save the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="338"/>
        <source>Display copy saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="340"/>
        <source>Could not save the display copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="353"/>
        <source>{n} approved records deposited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="360"/>
        <source>Could not deposit the hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="373"/>
        <source>The minutes were given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="374"/>
        <source>Could not give the minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="384"/>
        <source>The minutes were spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/certificates.py" line="385"/>
        <source>Could not spend the minutes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificatesWidget</name>
    <message>
        <location filename="../../widgets/certificates.py" line="359"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="360"/>
        <source>Listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="361"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="362"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="366"/>
        <source>Request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="367"/>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="368"/>
        <source>Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="369"/>
        <source>Object…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="370"/>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="357"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="371"/>
        <source>Approved hours in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="387"/>
        <source>{n} certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="396"/>
        <source>{n} volunteers, {h} hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="460"/>
        <source>The issued certificate, with the whole identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="462"/>
        <source>A display copy: the identity number is masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="479"/>
        <source>Withdraw certificate {number}? It keeps its number and is marked withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="481"/>
        <source>Withdraw this request? It was never numbered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="483"/>
        <source>Withdraw the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="492"/>
        <source>Object to the listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="493"/>
        <source>What is not true in this listing? The certificate is not issued on it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertifyDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="107"/>
        <source>Certify a merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="118"/>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="119"/>
        <source>Business licence No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="120"/>
        <location filename="../../widgets/merchant_dialogs.py" line="122"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="121"/>
        <source>Food business licence No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="124"/>
        <source>No open shop, market or service business is uncertified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="128"/>
        <source>Choose a business.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="130"/>
        <source>The business licence number is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="135"/>
        <source>A licence that has expired cannot be certified.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckinDesk</name>
    <message>
        <location filename="../../console/checkin_desk.py" line="125"/>
        <source>No check-in code on this PC: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="157"/>
        <source>Could not read the volunteer&apos;s tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="215"/>
        <source>Volunteer No. {n} checked out: {t} of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="219"/>
        <source>Volunteer No. {n} checked in at {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="233"/>
        <source>Refused: this code is for a place outside your communities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="238"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="239"/>
        <source>Could not record the check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="253"/>
        <source>No time of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="255"/>
        <source>Volunteer No. {n} would be checked out with no time of service (0:00). Record this check-out anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="270"/>
        <source>Refused: this code was not made by this site or was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="271"/>
        <source>Refused: this code has expired. Scan the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="272"/>
        <source>Refused: this visit card is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="273"/>
        <source>Refused: this is not a check-in code. Scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="274"/>
        <source>Refused: this code was already used by this volunteer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="275"/>
        <source>Refused: this code is for another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="277"/>
        <source>Refused: this visit card was already used by another volunteer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="279"/>
        <source>Refused: these hours overlap other hours of this volunteer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="280"/>
        <source>Refused: this volunteer is not checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="281"/>
        <source>Refused: no active volunteer has this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="282"/>
        <source>Refused: the task or shift is not at this place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="283"/>
        <source>Refused: check the times; correct them in the Hours tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="285"/>
        <source>Refused: this volunteer belongs to another community. A station checks in its own community&apos;s volunteers only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="289"/>
        <source>Not recorded: no time of service (0:00) since the check-in. Check the direction and the travel time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="298"/>
        <source>Save the visit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="334"/>
        <source>Visit card saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/checkin_desk.py" line="336"/>
        <source>Could not make the visit card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckinPanel</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="183"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="184"/>
        <source>Check out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="187"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="188"/>
        <source>Scanned code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="189"/>
        <source>Volunteer No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="190"/>
        <source>Task or shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="191"/>
        <source>Travel (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="192"/>
        <source>Service content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="196"/>
        <source>Code for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="199"/>
        <source>Visit card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="201"/>
        <source>Print a resident&apos;s visit card: a door code valid only in the visit&apos;s window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="203"/>
        <source>Scan the volunteer&apos;s code or type it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="204"/>
        <source>The number on the volunteer&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="205"/>
        <source>What was done (at check-out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="208"/>
        <source>The volunteer scans this screen&apos;s code (or the code on a visit card) with a phone and shows the text, or the station&apos;s scanner reads it into the field. Each code is signed, short-lived and taken once per volunteer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="223"/>
        <location filename="../../widgets/volunteer_hours.py" line="234"/>
        <source>Station {code} {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="245"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="248"/>
        <source>Task: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="248"/>
        <source>Shift: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="274"/>
        <source>Record check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="274"/>
        <source>Record check-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckinQrWidget</name>
    <message>
        <location filename="../../widgets/checkin_qr.py" line="171"/>
        <source>No check-in code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_qr.py" line="173"/>
        <source>Code expired: waiting for a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/checkin_qr.py" line="176"/>
        <source>Valid for {m}:{s:02d}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommunityModel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="530"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="533"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="539"/>
        <source>n / denominator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="544"/>
        <source>RAG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="347"/>
        <source>File a complaint about {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="352"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="353"/>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="355"/>
        <source>Food safety: due in 24 h; delivery 48 h; others 72 h.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="359"/>
        <source>What was the complaint?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="354"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="360"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="366"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="371"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="376"/>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="183"/>
        <source>Confirmation call — order {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="186"/>
        <source>Call {resident} (or the family) and read the order back: {amount} from {merchant}. Did they confirm it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="191"/>
        <source>Dial (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="202"/>
        <source>Who confirmed, what was said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="208"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="209"/>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="226"/>
        <source>No working phone line here (none, or it is down), or your role places no calls: dial the resident by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="235"/>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="353"/>
        <source>Changed on another workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="355"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="355"/>
        <source>You saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="355"/>
        <source>Now (theirs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="355"/>
        <source>Yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="358"/>
        <source>Time</source>
        <translation type="unfinished">Time</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="358"/>
        <source>By</source>
        <translation type="unfinished">By</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="358"/>
        <source>Change</source>
        <translation type="unfinished">Change</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="358"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="360"/>
        <source>Saved meanwhile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="361"/>
        <source>Reload (drop mine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="362"/>
        <source>Apply mine over theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="370"/>
        <source>Incident #{id} was changed by {who} ({ws}) at {time} after you opened it. Nothing of yours was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="382"/>
        <source>Incident #{id} was changed after you opened it. Nothing of yours was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <location filename="../../widgets/consent.py" line="199"/>
        <source>Tracking (RFID/GPS whereabouts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="202"/>
        <source>Video linking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="203"/>
        <source>Needs surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="204"/>
        <source>Daily necessities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="205"/>
        <source>Volunteer visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="206"/>
        <source>Job placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="207"/>
        <source>Psychological screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="214"/>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="215"/>
        <source>Verbal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="216"/>
        <source>By the guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="217"/>
        <source>Earlier record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentSection</name>
    <message>
        <location filename="../../widgets/consent.py" line="138"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="140"/>
        <source>Withdrawn {when} by {who}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="147"/>
        <source>{how}, witness {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="149"/>
        <source>{how}: {name} ({relation})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="154"/>
        <source>Given {day} — {how}; recorded by {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="179"/>
        <source>Consent per purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="182"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="183"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="186"/>
        <source>Record consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="187"/>
        <source>Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <source>This account is locked until {until} after repeated wrong passwords. An administrator can unlock it.</source>
        <translation type="vanished">This account is locked until {until} after repeated wrong passwords. An administrator can unlock it.</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation type="vanished">This account is disabled.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="vanished">Wrong user name or password.</translation>
    </message>
    <message>
        <source>Sign-in is not possible right now: {err}</source>
        <translation type="vanished">Sign-in is not possible right now: {err}</translation>
    </message>
    <message>
        <source>Could not load the panes</source>
        <translation type="vanished">Could not load the panes</translation>
    </message>
    <message>
        <source>{what}: your role does not allow this.</source>
        <translation type="vanished">{what}: your role does not allow this.</translation>
    </message>
    <message>
        <source>the incident&apos;s current state does not allow this change</source>
        <translation type="vanished">the incident&apos;s current state does not allow this change</translation>
    </message>
    <message>
        <source>the item no longer exists (another workstation may have changed it)</source>
        <translation type="vanished">the item no longer exists (another workstation may have changed it)</translation>
    </message>
    <message>
        <source>Database connection restored.</source>
        <translation type="vanished">Database connection restored.</translation>
    </message>
    <message>
        <source>Database not reachable: {d}</source>
        <translation type="vanished">Database not reachable: {d}</translation>
    </message>
    <message>
        <source>Could not create the incident</source>
        <translation type="vanished">Could not create the incident</translation>
    </message>
    <message>
        <source>Could not acknowledge the incident</source>
        <translation type="vanished">Could not acknowledge the incident</translation>
    </message>
    <message>
        <source>Could not open the incident</source>
        <translation type="vanished">Could not open the incident</translation>
    </message>
    <message>
        <source>your role does not allow this</source>
        <translation type="vanished">your role does not allow this</translation>
    </message>
    <message>
        <source>Verifying the audit log…</source>
        <translation type="vanished">Verifying the audit log…</translation>
    </message>
    <message>
        <source>Audit check failed</source>
        <translation type="vanished">Audit check failed</translation>
    </message>
    <message>
        <source>Audit log intact: {n} rows, chain verified.</source>
        <translation type="vanished">Audit log intact: {n} rows, chain verified.</translation>
    </message>
    <message>
        <source>Verify audit log</source>
        <translation type="vanished">Verify audit log</translation>
    </message>
    <message>
        <source>AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}</source>
        <translation type="vanished">AUDIT LOG TAMPERED: {n} problems; first at row {row}: {why}</translation>
    </message>
    <message>
        <source>Could not list the accounts</source>
        <translation type="vanished">Could not list the accounts</translation>
    </message>
    <message>
        <source>Account {user} created. Initial password: {pw} — hand it over now; it is not shown again.</source>
        <translation type="vanished">Account {user} created. Initial password: {pw} — hand it over now; it is not shown again.</translation>
    </message>
    <message>
        <source>Account {user} unlocked.</source>
        <translation type="vanished">Account {user} unlocked.</translation>
    </message>
    <message>
        <source>New password of {user}: {pw} — hand it over now; it is not shown again.</source>
        <translation type="vanished">New password of {user}: {pw} — hand it over now; it is not shown again.</translation>
    </message>
    <message>
        <source>Unlock or sign out before quitting.</source>
        <translation type="vanished">Unlock or sign out before quitting.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="vanished">Quit</translation>
    </message>
    <message>
        <source>Quit the console? Devices hosted on this workstation stop reporting.</source>
        <translation type="vanished">Quit the console? Devices hosted on this workstation stop reporting.</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="201"/>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../widgets/counselling.py" line="115"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="116"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="117"/>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="118"/>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="121"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="122"/>
        <source>yes (read on request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="124"/>
        <source>By</source>
        <translation type="unfinished">By</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="814"/>
        <source>Correct hours No. {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="832"/>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="833"/>
        <source>Check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="834"/>
        <source>Travel (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="835"/>
        <source>Service content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="836"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Counselling</name>
    <message>
        <location filename="../../widgets/counselling.py" line="55"/>
        <source>Counselling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="56"/>
        <source>Education session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="57"/>
        <source>Hotline call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="58"/>
        <source>Legal advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="65"/>
        <source>booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="66"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="67"/>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="68"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="69"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="70"/>
        <source>attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="71"/>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="72"/>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="73"/>
        <source>did not attend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="80"/>
        <source>Psychiatry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="81"/>
        <source>Psychotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="82"/>
        <source>Legal aid office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="83"/>
        <source>Social work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="84"/>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="386"/>
        <source>fewer than 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="390"/>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="393"/>
        <source>Residents screened: {n} (target 10,000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="396"/>
        <source>  self-completed: {n}, of them positive: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="399"/>
        <source>  staff-assisted: {n}, of them positive: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="402"/>
        <source>Counselling and education contacts: {n} (target 2,000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="405"/>
        <source>Risk flags: {n}, acknowledged within 24 h: {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="408"/>
        <source>Referrals: {n}, completed: {c}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounsellingForm</name>
    <message>
        <location filename="../../widgets/counselling.py" line="332"/>
        <source>Book an appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="333"/>
        <source>Record a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="334"/>
        <source>Refer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="335"/>
        <source>Outcome of the referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="338"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="338"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="340"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="341"/>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="343"/>
        <source>Attendees (a session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="346"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="347"/>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="348"/>
        <source>Where (service or doctor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="353"/>
        <source>Note (encrypted; counselling role only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="354"/>
        <source>Reason (encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="355"/>
        <source>What came of it (encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounsellingTab</name>
    <message>
        <location filename="../../widgets/counselling.py" line="245"/>
        <source>Pick a resident on the first tab to see their counselling record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="274"/>
        <source>Appointments, the next seven days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="275"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="276"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="277"/>
        <source>Book an appointment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="278"/>
        <source>Record a contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="279"/>
        <source>Refer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="280"/>
        <source>Record the outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="281"/>
        <source>Read the note (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="282"/>
        <source>Read reason and outcome (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="283"/>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="284"/>
        <source>Mark missed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrisisScriptDialog</name>
    <message>
        <location filename="../../widgets/crisis_script.py" line="99"/>
        <source>Crisis script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/crisis_script.py" line="100"/>
        <source>Risk answer: act now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/crisis_script.py" line="111"/>
        <source>Risk incident {id} is in the queue for the counsellor and the supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/crisis_script.py" line="116"/>
        <source>I have read the script</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabasePresenter</name>
    <message>
        <location filename="../../console/presenters/database.py" line="24"/>
        <source>Database connection restored.</source>
        <translation type="unfinished">Database connection restored.</translation>
    </message>
    <message>
        <location filename="../../console/presenters/database.py" line="28"/>
        <source>Database not reachable: {d}</source>
        <translation type="unfinished">Database not reachable: {d}</translation>
    </message>
</context>
<context>
    <name>DatedNoteDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="617"/>
        <source>Record a visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="618"/>
        <source>Visited on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="619"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="621"/>
        <source>The employer confirmed the hire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="622"/>
        <source>Confirmed on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryBoard</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="512"/>
        <location filename="../../widgets/delivery_board.py" line="658"/>
        <source>All merchants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="541"/>
        <source>{shown} of {all} orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="553"/>
        <source>Order {id}: {resident}, {address} — {merchant}, {window}, {deliverer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="570"/>
        <source>Next: {step} (Alt+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="572"/>
        <source>Next step (Alt+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="639"/>
        <source>Search number, resident, deliverer, address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="643"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="647"/>
        <source>All flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="659"/>
        <source>New order (Alt+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="660"/>
        <source>Confirmation call (Alt+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="661"/>
        <source>Hand-off with proof (Alt+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="662"/>
        <source>Failed (Alt+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="663"/>
        <source>Cancel order (Alt+X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="664"/>
        <source>Show contact (Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryProofDialog</name>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="205"/>
        <source>The photo is larger than 4 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="214"/>
        <source>Photo of the hand-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="216"/>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="236"/>
        <source>Blocked: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="242"/>
        <source>Proof of delivery — order {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="248"/>
        <source>For {resident}, brought by {deliverer}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="253"/>
        <source>Signature of the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="254"/>
        <source>Clear</source>
        <translation type="unfinished">Clear</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="255"/>
        <source>Attach a photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="257"/>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="258"/>
        <source>The resident confirms receiving the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="259"/>
        <source>Confirmed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="260"/>
        <source>The resident, or a named person at the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_proof.py" line="263"/>
        <source>Record delivery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceCountsLabel</name>
    <message>
        <location filename="../../widgets/device_status.py" line="225"/>
        <source>Devices: loading…</source>
        <translation type="unfinished">Devices: loading…</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="227"/>
        <source>Devices: {on} online / {off} offline / {unk} never seen</source>
        <translation type="unfinished">Devices: {on} online / {off} offline / {unk} never seen</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="231"/>
        <source> / {silent} not reporting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceDetail</name>
    <message>
        <location filename="../../widgets/device_detail.py" line="42"/>
        <source>simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="44"/>
        <source>simulated line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="46"/>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="47"/>
        <source>never connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="49"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="51"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="52"/>
        <source>peer closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="53"/>
        <source>connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="54"/>
        <source>logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="56"/>
        <source>connected, setting up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="59"/>
        <source>reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="60"/>
        <source>the reader closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="63"/>
        <source>the reader is closing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="66"/>
        <source>stopped while connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="69"/>
        <source>connect timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="70"/>
        <source>no LLRPStatus in the response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="74"/>
        <source>address in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="75"/>
        <source>address not available on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="78"/>
        <source>permission denied (a port below 1024?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="82"/>
        <source>not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="84"/>
        <source>direct line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="85"/>
        <source>no headset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="86"/>
        <source>no headset (audio off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="89"/>
        <source>the phone line is off for this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="93"/>
        <source>recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="94"/>
        <source>wrong user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="97"/>
        <source>cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="99"/>
        <source>no link test received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="108"/>
        <source>cannot start the SIP line: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="115"/>
        <source>cannot start the SIP stack: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="121"/>
        <source>stopped after an error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="128"/>
        <source>registering as {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="134"/>
        <source>registered as {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="141"/>
        <source>not registered as {who}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="148"/>
        <source>no headset: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="154"/>
        <source>no device named {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="160"/>
        <source>{device} is not both an input and an output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="167"/>
        <source>{transport} {address} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="173"/>
        <source>{transport} {address}</source>
        <comment>listening at the address</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="180"/>
        <source>{transport} {address}: {reason}</source>
        <comment>the SIP transport did not open</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="187"/>
        <source>{address} connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="194"/>
        <source>{peer} authenticated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="202"/>
        <location filename="../../widgets/device_detail.py" line="209"/>
        <source>cannot connect: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="215"/>
        <source>cannot open: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="222"/>
        <source>link lost: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="228"/>
        <source>write failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="234"/>
        <source>send failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="240"/>
        <source>read failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="247"/>
        <source>internal error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="255"/>
        <source>silent for {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="261"/>
        <source>no keepalive for {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="267"/>
        <source>no answer within {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="274"/>
        <source>no answer to the connection event within {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="280"/>
        <source>no answer to {request} within {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="287"/>
        <source>stream broken ({problem}), reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="293"/>
        <source>reserved header bits set ({bits})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="299"/>
        <source>unknown LLRP version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="305"/>
        <source>unknown message type {type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="311"/>
        <source>message length {length} outside {range}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="319"/>
        <source>the reader refused the connection: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="325"/>
        <source>{request} refused: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="332"/>
        <source>connection error ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="339"/>
        <source>cannot open {address}: unknown scheme {scheme}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="345"/>
        <source>bad port in {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="351"/>
        <source>expected host:port in {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="357"/>
        <source>bad baud rate in {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="363"/>
        <source>no device in {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="370"/>
        <source>no link test since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="396"/>
        <source>{earlier}, {next}</source>
        <comment>two parts of one detail</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_detail.py" line="419"/>
        <source>{address}: {reason}</source>
        <comment>a device address and what happened</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceStatusModel</name>
    <message>
        <location filename="../../widgets/device_status.py" line="57"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="63"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="64"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="65"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="68"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="71"/>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="74"/>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="78"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="101"/>
        <source>Not reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="69"/>
        <source>Control centre</source>
        <translation>Control centre</translation>
    </message>
</context>
<context>
    <name>DeviceStatusWidget</name>
    <message>
        <location filename="../../widgets/device_status.py" line="177"/>
        <source>{online} online · {offline} offline · {unknown} never seen</source>
        <translation>{online} online · {offline} offline · {unknown} never seen</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="181"/>
        <source> · {silent} not reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="186"/>
        <source>Filter by code, name, community… (Ctrl+F)</source>
        <translation>Filter by code, name, community… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="189"/>
        <source>No devices configured</source>
        <translation>No devices configured</translation>
    </message>
    <message>
        <location filename="../../widgets/device_status.py" line="190"/>
        <source>Readers, cameras, alarm panels and phones come from the site file.</source>
        <translation>Readers, cameras, alarm panels and phones come from the site file.</translation>
    </message>
</context>
<context>
    <name>DevicesPresenter</name>
    <message>
        <location filename="../../console/presenters/devices.py" line="41"/>
        <source>Device status</source>
        <translation type="unfinished">Device status</translation>
    </message>
    <message>
        <location filename="../../console/presenters/devices.py" line="54"/>
        <source>Find device</source>
        <translation type="unfinished">Find device</translation>
    </message>
    <message>
        <location filename="../../console/presenters/devices.py" line="88"/>
        <location filename="../../console/presenters/devices.py" line="104"/>
        <source>Could not load the devices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatchPicker</name>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="32"/>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="33"/>
        <source>Fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="34"/>
        <source>City management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="35"/>
        <source>Neighbourhood committee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="36"/>
        <source>Volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="37"/>
        <source>Street office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="38"/>
        <source>Civil affairs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DispatchPickerDialog</name>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="133"/>
        <source>{kind} · routed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="137"/>
        <location filename="../../widgets/dispatch_picker.py" line="142"/>
        <source>Click or Ctrl+C copies the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="265"/>
        <source>Copied {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="287"/>
        <source>Choose a department or unit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="292"/>
        <source>Dispatching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="305"/>
        <source>Dispatch #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="307"/>
        <source>#{id} {title} — {n} chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="314"/>
        <source>Department / unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="314"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="314"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="316"/>
        <source>Type to filter · ↑↓ move · Space ticks · Enter dispatches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="318"/>
        <source>Note to the departments (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="319"/>
        <source>Dispatch (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="320"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch_picker.py" line="323"/>
        <source>Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <location filename="../../widgets/screening.py" line="237"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="238"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="239"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="240"/>
        <source>Next form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="243"/>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="248"/>
        <source>Refer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="249"/>
        <source>refer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="251"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../widgets/duplicates.py" line="43"/>
        <source>same phone {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="47"/>
        <source>same caller {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="52"/>
        <source>same place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="54"/>
        <source>similar place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="57"/>
        <source>{n} min earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="59"/>
        <source>{n} min later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="60"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="278"/>
        <source>Resident: {name}  {phone}  ({community})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="287"/>
        <source>Templates: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="294"/>
        <source>Possible duplicates (Enter opens, {keys} goes to the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="298"/>
        <source>Open card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="410"/>
        <source>Merged into #{id}: the work goes on there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="416"/>
        <source>Merged here: {ids} (their timelines are joined below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="423"/>
        <source>Open #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="428"/>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="429"/>
        <source>Merge into this…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="454"/>
        <source>Merged into another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/duplicates.py" line="456"/>
        <source>Merged here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditControls</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="100"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="101"/>
        <source>Change priority, type or location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="103"/>
        <source>Lift legal hold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="103"/>
        <source>Legal hold…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="522"/>
        <source>New employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="522"/>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="541"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="547"/>
        <source>The street&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="560"/>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="561"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="562"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="563"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="564"/>
        <source>Disabled staff (as the quota counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="565"/>
        <source>Forms of employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="566"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="567"/>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="568"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="569"/>
        <source>Site latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="570"/>
        <source>Site longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="571"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
</context>
<context>
    <name>EmployersModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="169"/>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="170"/>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="171"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="172"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="175"/>
        <source>Quota shortfall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="178"/>
        <source>Open postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="179"/>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="182"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="183"/>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployersTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="522"/>
        <source>New employer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="523"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="524"/>
        <source>Record a visit…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Employment</name>
    <message>
        <location filename="../../widgets/employment.py" line="66"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="67"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="619"/>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="622"/>
        <source>Placements confirmed by the employer: {n} of {target} ({left} to go)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="625"/>
        <source>Referrals made, by the stage reached:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="629"/>
        <source>Open postings now: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="632"/>
        <source>Seekers registered: {n}, consenting to matching: {c}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmploymentPresenter</name>
    <message>
        <location filename="../../console/presenters/employment.py" line="95"/>
        <source>Seekers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="96"/>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="97"/>
        <source>Postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="98"/>
        <source>Employers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="99"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="100"/>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="101"/>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="105"/>
        <location filename="../../console/presenters/employment.py" line="233"/>
        <source>Employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="190"/>
        <source>Could not read the job seekers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="196"/>
        <source>Could not read the postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="202"/>
        <source>Could not read the employers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="208"/>
        <source>Could not read the referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="215"/>
        <source>Could not read the follow-up calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="222"/>
        <source>Could not read the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="247"/>
        <source>Only the first {n} are shown; the rest are not listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="252"/>
        <source>{n} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="258"/>
        <source>Follow-up calls not yet made, due by {day}: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="265"/>
        <source>The employment service is run by the community stations (for their own community), supervisors and administrators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="278"/>
        <source>Not available to this role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="283"/>
        <source>No job seekers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="285"/>
        <source>Register a resident who is looking for work. They are matched only once a consent to job matching is recorded for them (Residents).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="291"/>
        <source>No matches shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="292"/>
        <source>Pick a seeker on the Seekers tab and press Matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="295"/>
        <source>No postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="295"/>
        <source>Register an employer first, then its posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="299"/>
        <source>No employers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="300"/>
        <source>An employer takes referrals once it is verified (papers and premises).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="303"/>
        <source>No referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="303"/>
        <source>Refer a seeker from the Matches tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="307"/>
        <source>No follow-up calls due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="308"/>
        <source>Each hire books two calls, three and six months on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="336"/>
        <source>an employer with this credit code is registered already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="346"/>
        <source>Not saved: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="361"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="442"/>
        <source>Could not search the residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="452"/>
        <source>Could not save the seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="481"/>
        <source>Could not add the course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="491"/>
        <source>Could not mark the course completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="527"/>
        <source>{name} has no consent to job matching in force: not matched and not referred. Record a jobs consent in Residents first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="530"/>
        <source>No consent to job matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="532"/>
        <source>{name}: {n} matching open postings, best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="537"/>
        <source>No matching posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="538"/>
        <source>No open posting fits this seeker&apos;s hours, shift, place and needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="549"/>
        <location filename="../../console/presenters/employment.py" line="582"/>
        <source>Could not read the matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="562"/>
        <source>“{title}”: {n} matching seekers with consent, best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="568"/>
        <source>No matching seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="570"/>
        <source>No consenting seeker fits this posting, or it takes no referrals (not open, or its employer is not verified).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="597"/>
        <source>Could not refer the seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="602"/>
        <source>Refer to a posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="604"/>
        <source>Refer {seeker} to “{title}” at {employer}? You approve the referral as the counsellor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="628"/>
        <source>Register the employer first (Employers tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="640"/>
        <source>Could not save the posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="653"/>
        <source>Could not change the posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="683"/>
        <source>Could not save the employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="701"/>
        <source>Could not record the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="719"/>
        <source>Could not move the referral on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="728"/>
        <source>Hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="730"/>
        <source>Record that the seeker of referral {id} has started work? This cannot be undone; follow-up calls at 3 and 6 months are booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="748"/>
        <source>Could not record the refusal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="766"/>
        <source>Could not record the confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/employment.py" line="785"/>
        <source>Could not record the call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceExportDialog</name>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="183"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="191"/>
        <source>Exporting… {done} of {total} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="212"/>
        <source>Export video evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="215"/>
        <source>The original recordings are copied without re-encoding, with a manifest of their SHA-256 hashes and a verifier that needs only Python. Your name, the workstation, the reason and the manifest&apos;s hash go into the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="220"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="222"/>
        <source>Cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="223"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="224"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="225"/>
        <source>Incident</source>
        <translation type="unfinished">Incident</translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="226"/>
        <source>Write into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="227"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="231"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="234"/>
        <source>Why the video leaves the console ({n}+ characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="237"/>
        <source>Optional for a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="238"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="239"/>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="239"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="251"/>
        <source>Tick at least one camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="253"/>
        <source>The end must come after the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="255"/>
        <source>Export at most 24 hours at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="257"/>
        <source>Choose where to write the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="259"/>
        <source>Give a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/evidence_dialog.py" line="291"/>
        <source>Write the bundle into</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../widgets/export_dialog.py" line="96"/>
        <source>Export {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="99"/>
        <source>The file will contain personal data. Your name, the time and the reason are written into the file and into the audit log; only you can read the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="103"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="105"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="105"/>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="105"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="111"/>
        <source>UTF-8 with BOM (Excel 2016 and later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="114"/>
        <source>GBK (Excel on Chinese Windows, double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="119"/>
        <source>Why the data leaves the console ({n}+ characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="135"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/export_dialog.py" line="137"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FailDialog</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="138"/>
        <source>Delivery failed — order {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="147"/>
        <source>The resident lives alone: nobody at the door raises a welfare check in the incident queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="156"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="157"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../console/feedback.py" line="53"/>
        <source>your role does not allow this</source>
        <translation type="unfinished">your role does not allow this</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="56"/>
        <source>you resolved this incident yourself: another supervisor must review and close it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="59"/>
        <source>the incident&apos;s current state does not allow this change</source>
        <translation type="unfinished">the incident&apos;s current state does not allow this change</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="61"/>
        <source>the item no longer exists (another workstation may have changed it)</source>
        <translation type="unfinished">the item no longer exists (another workstation may have changed it)</translation>
    </message>
    <message>
        <location filename="../../console/feedback.py" line="67"/>
        <source>{what}: your role does not allow this.</source>
        <translation type="unfinished">{what}: your role does not allow this.</translation>
    </message>
</context>
<context>
    <name>FeedbackFiling</name>
    <message>
        <location filename="../../console/feedback_filing.py" line="43"/>
        <source>Could not read departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_filing.py" line="53"/>
        <source>Feedback ticket No. {id} filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_filing.py" line="55"/>
        <source>Could not file the ticket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackLabels</name>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="41"/>
        <source>Public safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="42"/>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="43"/>
        <source>Environment and sanitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="44"/>
        <source>Property management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="45"/>
        <source>Public services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="46"/>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="47"/>
        <source>Praise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="48"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="55"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="56"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="57"/>
        <source>Resolved</source>
        <translation type="unfinished">Resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="58"/>
        <source>Rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="65"/>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="66"/>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="67"/>
        <source>Survey answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="68"/>
        <source>Station visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="75"/>
        <source>By phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="76"/>
        <source>Printed slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="83"/>
        <source>First response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="84"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackPane</name>
    <message>
        <location filename="../../widgets/feedback.py" line="601"/>
        <source>{shown} of {total} tickets shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="615"/>
        <source>(round {round}, question {question})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="638"/>
        <source>Select a ticket to see what was said and done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="641"/>
        <source>No. {id} · {state} · {category}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="644"/>
        <source>Community: {c} · Department: {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="648"/>
        <source>Source: {s} {ref}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="649"/>
        <source>Contact: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="661"/>
        <source>First response due {a} · resolution due {b}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="670"/>
        <source>Last reply ({how}): {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="678"/>
        <source>the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="680"/>
        <source>opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="681"/>
        <source>given to {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="682"/>
        <source>answered ({v})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="683"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="684"/>
        <source>rated {v}/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="685"/>
        <source>reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="686"/>
        <source>overdue: {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="709"/>
        <source>Unresolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="709"/>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="714"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="719"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="725"/>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="726"/>
        <source>Monthly rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="729"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="729"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="729"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="734"/>
        <source>New ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="735"/>
        <source>Reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="736"/>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="737"/>
        <source>Rating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="738"/>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="739"/>
        <source>Reassign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="740"/>
        <source>Show contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="744"/>
        <source>{action} ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="746"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="747"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="750"/>
        <source>Over the tickets opened in the month. Response rate: answered by the first-response deadline, of those whose deadline has passed or that were answered. Resolution rate: resolved, of all. Satisfaction rate: rated 4 or 5, of those rated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="758"/>
        <source>No feedback tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="760"/>
        <source>Comments, complaints and requests from calls, station visits, survey answers and walk-ins appear here with their deadlines. New ticket… files one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackPresenter</name>
    <message>
        <location filename="../../console/presenters/feedback.py" line="80"/>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="92"/>
        <source>New feedback ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="124"/>
        <source>Could not read the communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="180"/>
        <location filename="../../console/presenters/feedback.py" line="258"/>
        <source>Could not read the feedback tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="207"/>
        <source>Could not compute the monthly rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="221"/>
        <source>Could not read the overdue tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="284"/>
        <source>Could not read the ticket&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="318"/>
        <source>Feedback ticket No. {id} filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="325"/>
        <source>Could not file the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="345"/>
        <source>Record the rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="347"/>
        <source>Record {n}/5 as the resident&apos;s rating of ticket No. {id}? A rating is recorded once and counts in the month&apos;s satisfaction rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="388"/>
        <source>Could not update the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="409"/>
        <source>Could not show the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="416"/>
        <source>Save the reply slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="432"/>
        <source>at your community station, or by phone to the street office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="460"/>
        <source>Reply slip saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="462"/>
        <source>Could not save the reply slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="490"/>
        <source>Overdue ticket check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="494"/>
        <source>Feedback ticket No. {id} overdue ({community}, {category}): {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="509"/>
        <source>no first response in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/feedback.py" line="510"/>
        <source>not resolved in time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackSlip</name>
    <message>
        <location filename="../../console/feedback_slip.py" line="44"/>
        <source>Reply to your feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="45"/>
        <source>Ticket No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="46"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="47"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="48"/>
        <source>Handled by</source>
        <translation type="unfinished">Handled by</translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="49"/>
        <source>Filed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="50"/>
        <source>Replied on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="51"/>
        <source>Your feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="52"/>
        <source>Our reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="53"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/feedback_slip.py" line="54"/>
        <source>How satisfied are you with the outcome? Tell us a number from 1 (not at all) to 5 (very): {how}. Quote the ticket number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackTicketDialog</name>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="264"/>
        <source>There is no community to file the ticket under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="266"/>
        <source>Choose the category: it decides the department and the deadlines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="268"/>
        <source>Enter what the resident said.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="270"/>
        <source>What the resident said is longer than {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="276"/>
        <source>Enter a phone for the reply or a contact name: without one the ticket cannot be answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="282"/>
        <source>Enter the survey round and the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="284"/>
        <source>A call&apos;s ticket is filed from the Calls pane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="142"/>
        <source>Discard the ticket?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="143"/>
        <source>What you typed has not been filed. Discard it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="144"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="145"/>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="355"/>
        <source>New feedback ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="357"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="358"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="359"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="360"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="361"/>
        <source>What the resident said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="362"/>
        <source>Contact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="363"/>
        <source>Phone for the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="364"/>
        <source>Survey round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="365"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="374"/>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="378"/>
        <source>The category&apos;s department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback_dialog.py" line="383"/>
        <source>The category sets the deadlines: a first response within hours, the resolution within working days. A phone number is kept for the reply only; feedback from an anonymous survey is never linked to the resident.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="266"/>
        <source>Set up this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="270"/>
        <source>This console starts here for the first time. Say what this PC is, where its database is, and which devices it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="276"/>
        <source>Check this PC&apos;s setup; the console starts with it once it is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="281"/>
        <source>Changes apply at the next start of the console on this PC. They are recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="285"/>
        <source>This PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="286"/>
        <source>&amp;Control-room workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="287"/>
        <source>Communit&amp;y station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="288"/>
        <source>&amp;Workstation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="289"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="290"/>
        <source>&amp;Embedded file on this PC (a single workstation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="291"/>
        <source>Shared &amp;PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="293"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="294"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="295"/>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="296"/>
        <source>Data&amp;base:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="297"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="298"/>
        <source>Passwo&amp;rd:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="303"/>
        <source>Leave empty for the default file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="305"/>
        <source>(kept: leave empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="307"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="308"/>
        <source>Devices run by this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="311"/>
        <source>The site file gives these devices to the chosen workstation. Untick those that another PC runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="315"/>
        <source>Saved for this user in: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="316"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="317"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="364"/>
        <source>Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="364"/>
        <source>Camera</source>
        <translation type="unfinished">Camera</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="368"/>
        <source>Device</source>
        <translation type="unfinished">Device</translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="464"/>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="502"/>
        <source>Connection works: the database is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="504"/>
        <source>The file does not exist yet: it is created at the first start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="508"/>
        <source>The database is from an older version: it is updated at start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="512"/>
        <source>The database is not set up for this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="513"/>
        <source>Its owner must run `console migrate` on it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="516"/>
        <source>The database server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="517"/>
        <source>Check the host and port, the network, and that the server runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="520"/>
        <source>The server refused the user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="521"/>
        <source>Check both and test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="524"/>
        <source>The server has no database of that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="525"/>
        <source>Check the database name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="528"/>
        <source>The database is newer than this console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="529"/>
        <source>Install the newer console on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="532"/>
        <source>This is not a console database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="533"/>
        <source>It was not changed. Check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="536"/>
        <source>The database file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="537"/>
        <source>Restore it from a backup or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="540"/>
        <source>The database is in use by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="541"/>
        <source>Close it and test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="544"/>
        <source>The database setting is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/first_start_dialog.py" line="545"/>
        <source>Check the values typed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormEditorWidget</name>
    <message>
        <location filename="../../widgets/survey_editor.py" line="672"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="672"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="725"/>
        <source>Cannot read {file}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="751"/>
        <source>{file}, line {line}, column {column}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="768"/>
        <location filename="../../widgets/survey_editor.py" line="852"/>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="799"/>
        <source>Problems ({n}): double-click one to go to its question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="801"/>
        <source>No problems: the form can be published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="803"/>
        <source>Add a question (Insert) to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="811"/>
        <source>Read only: your role may not author forms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="814"/>
        <source>Version {v} is published and frozen: your changes will be saved as version {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="818"/>
        <source>Version {v} is published and frozen; editing it makes version {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="821"/>
        <source>Draft version {v}, saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="823"/>
        <source>Draft version {v}, not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="888"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="972"/>
        <source>Give the form a code before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="992"/>
        <source>Import a survey form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="994"/>
        <location filename="../../widgets/survey_editor.py" line="1009"/>
        <source>Survey forms (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1007"/>
        <source>Export the survey form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1017"/>
        <source>No forms yet. New form or Import… starts one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1019"/>
        <source>No forms yet. An administrator writes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1026"/>
        <source>New form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1027"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1028"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1029"/>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1030"/>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1033"/>
        <source>Add a question (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1034"/>
        <source>Remove the question (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1035"/>
        <source>Move the question up (Ctrl+↑)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1036"/>
        <source>Move the question down (Ctrl+↓)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1043"/>
        <source>Computed values: a name and an expression over earlier answers, usable in later conditions (e.g. score = q1 + q2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1047"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1047"/>
        <source>Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1048"/>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1049"/>
        <source>Computed values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1050"/>
        <source>TOML source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1051"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1052"/>
        <source>Restart preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1053"/>
        <source>Save draft (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="1054"/>
        <source>Publish…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormListModel</name>
    <message>
        <location filename="../../widgets/survey_editor.py" line="65"/>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="66"/>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="67"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="68"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="76"/>
        <source>v{p} published, v{n} draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="78"/>
        <source>v{n} draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="79"/>
        <source>v{n} published</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../widgets/handover.py" line="95"/>
        <source>shift handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="109"/>
        <source>Signing the audit checkpoint, making the PDF, storing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="117"/>
        <source>Handed over. The report is saved as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="120"/>
        <source>No audit signing key on this workstation: the chain head is printed unsigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="131"/>
        <source>Not handed over: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="145"/>
        <source>Shift: {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="148"/>
        <source>Open items: {n}   SLA misses in this shift: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="159"/>
        <source>… and {n} more in the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="161"/>
        <source>Raised in this shift: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="173"/>
        <source>Shift handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="176"/>
        <source>This shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="176"/>
        <source>&amp;Notes for the next shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="176"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="181"/>
        <source>Why the report leaves the console ({n}+ characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="184"/>
        <source>What the next shift must know: open matters, calls to return, faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="186"/>
        <source>&amp;Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="187"/>
        <source>&amp;Open PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="188"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="202"/>
        <source>{n} / {max} characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverPresenter</name>
    <message>
        <location filename="../../console/presenters/handover.py" line="72"/>
        <source>Shift handover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="125"/>
        <source>Could not read the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="191"/>
        <source>Shift handed over; report saved as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="199"/>
        <source>Shift handover failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="201"/>
        <source>give a reason of 4 or more characters and notes of at most 4000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="224"/>
        <source>Could not read pending handovers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="254"/>
        <source>Handover from {who} pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="267"/>
        <source>Shift handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="268"/>
        <source>The report is not on this workstation: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="288"/>
        <source>Handover acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/handover.py" line="293"/>
        <source>Could not acknowledge the handover</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverReport</name>
    <message>
        <location filename="../../console/handover_pdf.py" line="52"/>
        <source>Shift handover report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="53"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="54"/>
        <source>Workstation</source>
        <translation type="unfinished">Workstation</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="55"/>
        <source>Outgoing operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="56"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="57"/>
        <source>Open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="58"/>
        <source>{n} more open items are not listed; see the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="61"/>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="62"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="63"/>
        <source>Priority</source>
        <translation type="unfinished">Priority</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="64"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="65"/>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="66"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="67"/>
        <source>Age</source>
        <translation type="unfinished">Age</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="68"/>
        <source>Handled by</source>
        <translation type="unfinished">Handled by</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="69"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="70"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="71"/>
        <source>SLA misses in this shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="72"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="73"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="74"/>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="75"/>
        <source>Late by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="76"/>
        <source>not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="77"/>
        <source>acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="78"/>
        <source>resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="79"/>
        <source>dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="80"/>
        <source>Incidents by type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="81"/>
        <source>Incidents by community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="82"/>
        <source>Raised in shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="83"/>
        <source>Open at handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="84"/>
        <source>Notes of the outgoing operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="85"/>
        <source>Audit chain at handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="86"/>
        <source>Chain head hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="87"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="88"/>
        <source>Signed checkpoint file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="89"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="90"/>
        <source>Signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="91"/>
        <source>Not signed: this workstation holds no audit signing key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="94"/>
        <source>Acknowledged by the incoming operator: name, time, signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="133"/>
        <source>{who} · {when} · {ws} · page {page}/{pages} · {notice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/handover_pdf.py" line="136"/>
        <source>Contains personal information — handle per policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadsetBar</name>
    <message>
        <location filename="../../widgets/calls.py" line="537"/>
        <location filename="../../widgets/calls.py" line="563"/>
        <location filename="../../widgets/calls.py" line="564"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="541"/>
        <source>{name} (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="556"/>
        <source>Headset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="557"/>
        <source>Ringer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="558"/>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="559"/>
        <source>Call volume in the headset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="560"/>
        <source>Microphone level: it moves when you speak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="561"/>
        <source>Unmute mic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/calls.py" line="561"/>
        <source>Mute mic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthCertificateDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="297"/>
        <source>Health certificate of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="301"/>
        <source>Health certificate No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="302"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="305"/>
        <source>The certificate number is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpPresenter</name>
    <message>
        <location filename="../../console/presenters/help.py" line="18"/>
        <location filename="../../console/presenters/help.py" line="30"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished">Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="21"/>
        <location filename="../../console/presenters/help.py" line="35"/>
        <source>About</source>
        <translation type="unfinished">About</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="25"/>
        <source>Open the selected incident</source>
        <translation type="unfinished">Open the selected incident</translation>
    </message>
    <message>
        <location filename="../../console/presenters/help.py" line="36"/>
        <source>Street Command Console
Command system of {site}</source>
        <translation type="unfinished">Street Command Console
Command system of {site}</translation>
    </message>
</context>
<context>
    <name>HistoryPresenter</name>
    <message>
        <location filename="../../console/presenters/history.py" line="90"/>
        <location filename="../../console/presenters/history.py" line="125"/>
        <location filename="../../console/presenters/history.py" line="204"/>
        <source>Could not load the incident history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/history.py" line="172"/>
        <source>Could not search the incident history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistorySearchWidget</name>
    <message>
        <location filename="../../widgets/incident_history.py" line="41"/>
        <source>More than {n} incidents match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="43"/>
        <source>{n} incidents match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="46"/>
        <source> — showing {shown}; scroll down for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="292"/>
        <source>Type at least {n} letters or digits (or an incident number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="296"/>
        <source>Type at least {n} digits of the phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="298"/>
        <source>The date range ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="299"/>
        <source>The search is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="347"/>
        <source>No incidents yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="348"/>
        <source>Every incident, open or closed, is listed here newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="353"/>
        <source>No incidents match “{what}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="355"/>
        <source>No incidents match these filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="361"/>
        <source>Check the spelling, widen the dates or choose another community, type or source. Esc clears the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="369"/>
        <source>Number, name, address or text (Ctrl+F) — Enter searches, Esc clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="371"/>
        <source>Phone digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="372"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="373"/>
        <source>Clear</source>
        <translation type="unfinished">Clear</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="380"/>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="381"/>
        <source>Reported on or after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="382"/>
        <source>Reported on or before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="387"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="388"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_history.py" line="389"/>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoldReasonDialog</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="452"/>
        <source>Give a reason of at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="462"/>
        <source>Legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="464"/>
        <source>Why is this incident held? Retention will not anonymise it while held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="466"/>
        <source>Set hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="468"/>
        <source>Lift legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="469"/>
        <source>Why is the hold lifted?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="470"/>
        <source>Lift hold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="471"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursLabels</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="65"/>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="66"/>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="67"/>
        <location filename="../../widgets/volunteer_hours.py" line="477"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="68"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="69"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="76"/>
        <source>At the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="77"/>
        <source>By phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="78"/>
        <source>At the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="86"/>
        <source>Station {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="88"/>
        <source>Door of resident {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="95"/>
        <location filename="../../widgets/volunteer_hours.py" line="449"/>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="96"/>
        <location filename="../../widgets/volunteer_hours.py" line="454"/>
        <source>Check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="97"/>
        <location filename="../../widgets/volunteer_hours.py" line="459"/>
        <source>Travel (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="98"/>
        <location filename="../../widgets/volunteer_hours.py" line="444"/>
        <source>Service content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="423"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="429"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="434"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="439"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="464"/>
        <source>Service time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="469"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="482"/>
        <source>Needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="490"/>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="495"/>
        <source>Corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="585"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="590"/>
        <source>By</source>
        <translation type="unfinished">By</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="595"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="600"/>
        <source>Old value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="605"/>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="610"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursModel</name>
    <message>
        <location filename="../../widgets/certificates.py" line="144"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="145"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/certificates.py" line="149"/>
        <source>Total hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursPresenter</name>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="34"/>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="35"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="54"/>
        <source>Could not read the communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="88"/>
        <source>Could not read the volunteers&apos; hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="115"/>
        <source>Could not read the corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="138"/>
        <source>Could not record the confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="147"/>
        <source>Could not approve the hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="149"/>
        <source>Hours of record {id} approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="157"/>
        <source>Could not reject the hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="159"/>
        <source>Hours of record {id} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteer_hours.py" line="168"/>
        <source>Could not correct the hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoursWidget</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="630"/>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="631"/>
        <source>Checked in now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="632"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="633"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="634"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="645"/>
        <source>Resident confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="646"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="647"/>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="648"/>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="651"/>
        <source>Corrections (old value, new value, reason, who, when)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="678"/>
        <source>{n} shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentDetailDialog</name>
    <message>
        <location filename="../../widgets/incident_detail.py" line="251"/>
        <source>How did it end?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="386"/>
        <source>Write the reason for reopening in the note.</source>
        <translation>Write the reason for reopening in the note.</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="392"/>
        <source>Write what was done in the note before resolving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="395"/>
        <source>Choose how it ended before resolving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="413"/>
        <source>Incident #{id}</source>
        <translation>Incident #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="418"/>
        <source>{state} · under legal hold: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="433"/>
        <location filename="../../widgets/incident_detail.py" line="508"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="437"/>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="442"/>
        <source>Taken over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="444"/>
        <source>Legal hold set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="446"/>
        <source>Legal hold lifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="448"/>
        <source>Attachment added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="452"/>
        <source>Call linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="454"/>
        <source>SLA breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="466"/>
        <source>from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="470"/>
        <source>Call record #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="493"/>
        <source>Time to acknowledge exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="494"/>
        <source>Time to dispatch exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="495"/>
        <source>Time to resolve exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="502"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="503"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="504"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="505"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="506"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="507"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="509"/>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="510"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="515"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="515"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="515"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="515"/>
        <location filename="../../widgets/incident_detail.py" line="545"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="518"/>
        <source>Note for the timeline (required to resolve or reopen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="538"/>
        <source>Rule hit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="539"/>
        <source>Motion again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="540"/>
        <source>Recorder problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="541"/>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="542"/>
        <source>Evidence held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="543"/>
        <source>Evidence hold released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="544"/>
        <source>Evidence exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="546"/>
        <source>State changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the timeline (required to reopen)</source>
        <translation type="vanished">Note for the timeline (required to reopen)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="520"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="521"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="522"/>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="523"/>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="524"/>
        <source>Review and close</source>
        <translation>Review and close</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="525"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="526"/>
        <source>Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_detail.py" line="531"/>
        <source>Close window</source>
        <translation>Close window</translation>
    </message>
</context>
<context>
    <name>IncidentDuplicates</name>
    <message>
        <location filename="../../console/presenters/incident_duplicates.py" line="207"/>
        <source>Merge incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_duplicates.py" line="209"/>
        <source>Merge #{merged} “{title}” into #{survivor}? #{merged} is closed and its timeline is joined to this one. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_duplicates.py" line="233"/>
        <source>#{merged} merged into #{survivor}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentEdit</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="45"/>
        <source>Priority changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="46"/>
        <source>Type changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="47"/>
        <source>Location changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="48"/>
        <source>Title changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="407"/>
        <source>State changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="408"/>
        <source>Taken over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="409"/>
        <source>Legal hold set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="410"/>
        <source>Legal hold lifted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentEditDialog</name>
    <message>
        <location filename="../../widgets/incident_edit.py" line="234"/>
        <source>An incident needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="239"/>
        <source>Say why the priority is lowered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="249"/>
        <source>Edit incident #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="249"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="252"/>
        <source>&amp;Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="253"/>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="254"/>
        <source>&amp;Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="255"/>
        <source>T&amp;itle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="256"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="262"/>
        <source>Required when lowering a P1 or P2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="263"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_edit.py" line="264"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentEditing</name>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="145"/>
        <source>Not saved: another workstation changed it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="151"/>
        <source>{why} Everything typed is kept: save again once the database is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="166"/>
        <source>Priority</source>
        <translation type="unfinished">Priority</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="175"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="184"/>
        <source>Location</source>
        <translation type="unfinished">Location</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="191"/>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="261"/>
        <source>Lift legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="263"/>
        <source>Lift the legal hold on #{id}? Once closed long enough, the retention job anonymises it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="282"/>
        <source>Could not change the legal hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="294"/>
        <source>Close incident window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incident_editing.py" line="295"/>
        <source>The note you typed has not been saved. Close and drop it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentQueueModel</name>
    <message>
        <location filename="../../widgets/incident_queue.py" line="120"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="127"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="133"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="142"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="149"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="153"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="159"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="164"/>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="170"/>
        <source>Handled by</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="180"/>
        <source>{d} d {h} h</source>
        <translation>{d} d {h} h</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="182"/>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="183"/>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="230"/>
        <source>Acknowledge within {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="232"/>
        <source>Dispatch within {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="234"/>
        <source>Resolve within {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="236"/>
        <source>{head}: {left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="239"/>
        <source>{head}: overdue by {late}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentQueueWidget</name>
    <message>
        <location filename="../../widgets/incident_queue.py" line="79"/>
        <source>{parts} · {total} to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="81"/>
        <source>{parts} · {total} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="84"/>
        <source> — showing {shown}; scroll down for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="471"/>
        <source>Nothing claimed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="472"/>
        <source>Incidents you acknowledge are listed here until they are resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="474"/>
        <source>Every open incident has a handler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="475"/>
        <source>Incidents nobody has acknowledged yet are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="477"/>
        <source>Nothing awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="479"/>
        <source>Resolved incidents wait here for a supervisor, who closes them or returns them with a reason. Whoever resolved an incident cannot close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="483"/>
        <location filename="../../widgets/incident_queue.py" line="489"/>
        <source>No open incidents</source>
        <translation>No open incidents</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="485"/>
        <source>The risk alerts of screenings appear here, most urgent first: acknowledge each the same day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="491"/>
        <source>Incidents raised by calls, alarms, tracking rules or operators appear here, most urgent first. Press Ctrl+N to log one by hand.</source>
        <translation>Incidents raised by calls, alarms, tracking rules or operators appear here, most urgent first. Press Ctrl+N to log one by hand.</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="527"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="528"/>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="529"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="530"/>
        <source>Awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_queue.py" line="531"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsPresenter</name>
    <message>
        <location filename="../../console/presenters/incidents.py" line="80"/>
        <source>Incident queue</source>
        <translation type="unfinished">Incident queue</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="91"/>
        <source>New incident…</source>
        <translation type="unfinished">New incident…</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="102"/>
        <source>Acknowledge</source>
        <translation type="unfinished">Acknowledge</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="115"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="171"/>
        <source>New {priority}: #{id} {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="248"/>
        <location filename="../../console/presenters/incidents.py" line="329"/>
        <location filename="../../console/presenters/incidents.py" line="345"/>
        <location filename="../../console/presenters/incidents.py" line="376"/>
        <source>Could not load the incident queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="446"/>
        <source>Could not create the incident</source>
        <translation type="unfinished">Could not create the incident</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="460"/>
        <source>incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="488"/>
        <source>Could not export the incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="494"/>
        <source>{n} incidents exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="502"/>
        <source>Select an incident first.</source>
        <translation type="unfinished">Select an incident first.</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="516"/>
        <source>Could not acknowledge the incident</source>
        <translation type="unfinished">Could not acknowledge the incident</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="545"/>
        <source>Could not open the incident</source>
        <translation type="unfinished">Could not open the incident</translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="614"/>
        <source>Could not load assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="634"/>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="636"/>
        <source>{n} dispatched not yet at the scene ({names}) will be stood down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="639"/>
        <source>Resolve incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="629"/>
        <source>Resolve #{id} ({priority}) “{title}”? The response ends here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="651"/>
        <source>Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="652"/>
        <source>Take over #{id} from {name}? The timeline records it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="661"/>
        <source>Not taken over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/incidents.py" line="678"/>
        <source>Not resolved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorModel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="423"/>
        <source>RAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="429"/>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="435"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="442"/>
        <source>n / denominator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="448"/>
        <source>95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="453"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="458"/>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="464"/>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="467"/>
        <source>Series {series}, definition version {version}: a changed definition starts a new series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="489"/>
        <source>{events} incidents in {months} resident-months: {rate} per 10,000 residents a month, against {base_rate} in the same months of the baseline ({base_events} in {base_months})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="316"/>
        <source>Record inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="325"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="326"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="327"/>
        <source>Score (pass 60)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="328"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="331"/>
        <source>The inspector is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="330"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="333"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="337"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="338"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueTagDialog</name>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="404"/>
        <source>No resident matches this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="453"/>
        <source>Issue a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="454"/>
        <source>Person (a resident wears it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="455"/>
        <source>Vehicle (plate and owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="456"/>
        <source>&amp;For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="457"/>
        <source>Tag &amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="458"/>
        <source>&amp;Search resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="459"/>
        <source>name or phone, Enter to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="460"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="462"/>
        <source>&amp;Owner id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="462"/>
        <source>&amp;Resident id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="463"/>
        <source>chosen above, or typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="464"/>
        <source>&amp;Plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="465"/>
        <source>&amp;Issue tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <location filename="../../console/survey_kiosk.py" line="140"/>
        <source>The PIN must be 4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="187"/>
        <source>Please scan the code on your survey slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="189"/>
        <source>Scan your survey slip, or touch Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="191"/>
        <source>Touch Start to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="225"/>
        <source>Your answers have been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="228"/>
        <source>Your answers could not be saved: %1. Please ask a worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="277"/>
        <location filename="../../console/survey_kiosk.py" line="280"/>
        <source>Choose from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="294"/>
        <source>Please scan your survey slip first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="303"/>
        <source>Survey slips are not taken at this kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="312"/>
        <source>This slip has been used already. Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="315"/>
        <source>This slip does not name a person; please ask a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="321"/>
        <source>This slip is for another survey; please ask a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="323"/>
        <source>This slip is not valid here; please ask a worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="325"/>
        <source>That is not a survey slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="326"/>
        <source>The slip could not be read; please scan it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="363"/>
        <source>Helped by a family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="366"/>
        <source>Helped by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="408"/>
        <source>Too many wrong PINs: wait %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_kiosk.py" line="423"/>
        <source>Wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="126"/>
        <source>Worker: leave the kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="145"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="149"/>
        <source>Read-aloud is unavailable on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="175"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="177"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="180"/>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="183"/>
        <location filename="../../widgets/survey_kiosk.py" line="338"/>
        <source>A worker helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="205"/>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="209"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="222"/>
        <source>Worker PIN to leave the kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="249"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="263"/>
        <source>Who helped?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="289"/>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="324"/>
        <source>A family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_kiosk.py" line="324"/>
        <source>Nobody helped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiDashboard</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1395"/>
        <source>{indicator} — {month}, {community}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1425"/>
        <location filename="../../widgets/kpi_dashboard.py" line="1625"/>
        <source>Whole street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1498"/>
        <source>By community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1501"/>
        <source>The breakdown by community is shown for the whole street.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1505"/>
        <source>The passport offers no breakdown by community for this indicator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1508"/>
        <source>No breakdown by community for this figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1509"/>
        <source>Self-answered and assisted, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1510"/>
        <source>Run chart of the months&apos; values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1517"/>
        <source>{month} · {community} · computed at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1523"/>
        <source> · month under way: figures so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1528"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1534"/>
        <source>The figures below are from {time} and may be out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1542"/>
        <source>Problems in the passports file ({count}): {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1546"/>
        <source>… and {count} more (see the tooltip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1551"/>
        <source>Not available to this role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1555"/>
        <source>No figures yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1556"/>
        <source>Choose a month: the figures are computed from every service&apos;s records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1561"/>
        <source>No indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1563"/>
        <source>No indicator could be read from the passports file: see the problems above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1619"/>
        <source>Previous month (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1620"/>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1621"/>
        <source>Next month (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1622"/>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1623"/>
        <source>The month of the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1624"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1626"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1627"/>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1628"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1629"/>
        <source>Monthly report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1630"/>
        <source>Figures as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1631"/>
        <source>Figures as XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1632"/>
        <source>Records behind… (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1633"/>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiPresenter</name>
    <message>
        <location filename="../../console/presenters/kpi.py" line="55"/>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="88"/>
        <source>The indicators are for supervisors and administrators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="145"/>
        <source>Could not compute the indicators: {e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="161"/>
        <source>Could not read the communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="203"/>
        <source>Could not read the records behind the figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="213"/>
        <source>Save the monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="259"/>
        <source>Report written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/kpi.py" line="266"/>
        <source>Could not write the report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiText</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="174"/>
        <source>G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="176"/>
        <source>A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="178"/>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="185"/>
        <source>Green: meets the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="187"/>
        <source>Amber: close to the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="189"/>
        <source>Red: short of the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="191"/>
        <source>No RAG: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="197"/>
        <source>computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="198"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="199"/>
        <source>too little data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="200"/>
        <source>not shown (small cell)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="201"/>
        <source>no target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="202"/>
        <source>cannot be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="209"/>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="210"/>
        <source>proportion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="211"/>
        <source>change of the rate per 10,000 residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="220"/>
        <source>community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="221"/>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="222"/>
        <source>self-answered vs assisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="223"/>
        <source>age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="230"/>
        <source>Self-answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="232"/>
        <source>Assisted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../widgets/labels.py" line="14"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="15"/>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="16"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="17"/>
        <source>On scene</source>
        <translation>On scene</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="18"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="19"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="26"/>
        <source>P1 Critical</source>
        <translation>P1 Critical</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="27"/>
        <source>P2 High</source>
        <translation>P2 High</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="28"/>
        <source>P3 Normal</source>
        <translation>P3 Normal</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="29"/>
        <source>P4 Low</source>
        <translation>P4 Low</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="36"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="37"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="38"/>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="39"/>
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="40"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="41"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="42"/>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="49"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="50"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="51"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="52"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="53"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="54"/>
        <source>Counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="61"/>
        <source>RFID reader</source>
        <translation>RFID reader</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="62"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="63"/>
        <source>Alarm panel</source>
        <translation>Alarm panel</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="64"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="65"/>
        <source>Panic button</source>
        <translation>Panic button</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="66"/>
        <source>GPS gateway</source>
        <translation>GPS gateway</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="77"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="78"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="79"/>
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../widgets/labels.py" line="80"/>
        <source>Never seen</source>
        <translation>Never seen</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="161"/>
        <source>Licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="168"/>
        <source>Business licence No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="169"/>
        <location filename="../../widgets/merchant_dialogs.py" line="171"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="170"/>
        <source>Food business licence No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="173"/>
        <source>A suspended merchant stays suspended until reinstated by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="179"/>
        <source>The licence number is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LicencesModel</name>
    <message>
        <location filename="../../widgets/screening.py" line="264"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="265"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="266"/>
        <source>Licence holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="267"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="268"/>
        <source>Granted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="271"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="272"/>
        <source>no end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="276"/>
        <source>In force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="277"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="277"/>
        <source>no: new screenings refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkIncidentDialog</name>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="103"/>
        <source>Link the call to an incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="118"/>
        <source>or type an incident number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="123"/>
        <source>Open incidents, most urgent first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="135"/>
        <source>Pick an incident, or type its number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../widgets/login.py" line="268"/>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="289"/>
        <source>No incidents waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="291"/>
        <source>1 incident waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="293"/>
        <source>{n} incidents waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="312"/>
        <source>Screen locked</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="313"/>
        <source>Signed in: {name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="314"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="315"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="316"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login.py" line="108"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="108"/>
        <location filename="../../widgets/login.py" line="145"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="127"/>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="139"/>
        <source>Sign in — Street Command Console</source>
        <translation>Sign in — Street Command Console</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="140"/>
        <source>Street Command Console</source>
        <translation>Street Command Console</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="142"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="143"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="144"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../widgets/login.py" line="146"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/shell/main_window.py" line="556"/>
        <source>Street Command Console</source>
        <translation>Street Command Console</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="564"/>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="567"/>
        <source>street-wide</source>
        <translation>street-wide</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="569"/>
        <source>communities: {c}</source>
        <translation>communities: {c}</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="575"/>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="575"/>
        <source>NOT REACHABLE</source>
        <translation>NOT REACHABLE</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="577"/>
        <source>Database: {label} ({state})</source>
        <translation>Database: {label} ({state})</translation>
    </message>
    <message>
        <source>Devices: loading…</source>
        <translation type="vanished">Devices: loading…</translation>
    </message>
    <message>
        <source>Devices: {on} online / {off} offline / {unk} never seen</source>
        <translation type="vanished">Devices: {on} online / {off} offline / {unk} never seen</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation type="vanished">Video wall</translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="vanished">Map</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="vanished">Calls</translation>
    </message>
    <message>
        <source>Incident queue</source>
        <translation type="vanished">Incident queue</translation>
    </message>
    <message>
        <source>Device status</source>
        <translation type="vanished">Device status</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="vanished">Notifications</translation>
    </message>
    <message>
        <source>Video wall not connected yet</source>
        <translation type="vanished">Video wall not connected yet</translation>
    </message>
    <message>
        <source>The cameras are configured in the site file. Live view, recording and evidence export come with the video module.</source>
        <translation type="vanished">The cameras are configured in the site file. Live view, recording and evidence export come with the video module.</translation>
    </message>
    <message>
        <source>Live map not available yet</source>
        <translation type="vanished">Live map not available yet</translation>
    </message>
    <message>
        <source>Reader positions, zones and tracked people will be drawn here once RFID/GPS tracking is connected.</source>
        <translation type="vanished">Reader positions, zones and tracked people will be drawn here once RFID/GPS tracking is connected.</translation>
    </message>
    <message>
        <source>No call centre connected</source>
        <translation type="vanished">No call centre connected</translation>
    </message>
    <message>
        <source>Incoming and abandoned calls will be listed here once the SIP line is configured for this workstation.</source>
        <translation type="vanished">Incoming and abandoned calls will be listed here once the SIP line is configured for this workstation.</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="591"/>
        <source>&amp;Console</source>
        <translation>&amp;Console</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="592"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="593"/>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="594"/>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="595"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="596"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation type="vanished">Lock screen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="vanished">Sign out</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="vanished">Quit</translation>
    </message>
    <message>
        <source>New incident…</source>
        <translation type="vanished">New incident…</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="vanished">Acknowledge</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="vanished">Refresh</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="357"/>
        <source>Reset layout</source>
        <translation>Reset layout</translation>
    </message>
    <message>
        <location filename="../../console/shell/main_window.py" line="352"/>
        <source>Full screen</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <source>Find device</source>
        <translation type="vanished">Find device</translation>
    </message>
    <message>
        <source>Verify audit log</source>
        <translation type="vanished">Verify audit log</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation type="vanished">Accounts…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="vanished">Keyboard shortcuts</translation>
    </message>
    <message>
        <source>About</source>
        <translation type="vanished">About</translation>
    </message>
    <message>
        <source>{n} new</source>
        <translation type="vanished">{n} new</translation>
    </message>
    <message>
        <source>Select an incident first.</source>
        <translation type="vanished">Select an incident first.</translation>
    </message>
    <message>
        <source>Open the selected incident</source>
        <translation type="vanished">Open the selected incident</translation>
    </message>
    <message>
        <source>Street Command Console
Command system of {site}</source>
        <translation type="vanished">Street Command Console
Command system of {site}</translation>
    </message>
</context>
<context>
    <name>MatchesModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="115"/>
        <source>Seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="116"/>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="117"/>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="118"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="119"/>
        <source>Made of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="120"/>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="123"/>
        <source>Skills missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchesTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="426"/>
        <source>Refer…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MerchantLabels</name>
    <message>
        <location filename="../../widgets/merchants.py" line="67"/>
        <source>Active</source>
        <translation type="unfinished">Active</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="68"/>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="69"/>
        <source>Exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="87"/>
        <source>Food business licence expired on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="91"/>
        <source>Business licence expired on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="95"/>
        <source>Certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="102"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="103"/>
        <source>Expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="104"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="105"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="112"/>
        <source>Within 5–20 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="113"/>
        <source>Under 5 % off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="114"/>
        <source>Over 20 % off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="115"/>
        <source>No reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="122"/>
        <source>Household service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="123"/>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="129"/>
        <source>Food safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="130"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="131"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="132"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="133"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="140"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="141"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="142"/>
        <source>Resolved</source>
        <translation type="unfinished">Resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="143"/>
        <source>Resolved late</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MerchantsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="205"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="206"/>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="209"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="214"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="221"/>
        <source>Business licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="228"/>
        <source>Food licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="235"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="242"/>
        <source>Last score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="251"/>
        <source>Open complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="256"/>
        <source>Per 1,000 orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="269"/>
        <source>{n} ({k} certificates due)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="274"/>
        <source>{n} ({k} overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="279"/>
        <source>no orders yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="280"/>
        <source>{rate} ({n} of {orders})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MerchantsPresenter</name>
    <message>
        <location filename="../../console/presenters/merchants.py" line="74"/>
        <location filename="../../console/presenters/merchants.py" line="89"/>
        <source>Merchants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="75"/>
        <source>Catalogue and prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="76"/>
        <source>Price surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="122"/>
        <source>Could not read the communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="134"/>
        <location filename="../../console/presenters/merchants.py" line="193"/>
        <source>Could not read the merchants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="225"/>
        <source>{n} merchants&apos; licences expire within 30 days or have expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="234"/>
        <source>{n} health certificates of merchants&apos; staff expire within 30 days or have expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="242"/>
        <source>{n} complaints about merchants are past their deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="255"/>
        <source>Could not read the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="272"/>
        <source>Could not read the price surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="304"/>
        <source>Could not read the merchant&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="317"/>
        <source>Could not read the price history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="330"/>
        <source>Could not read the observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="405"/>
        <source>Merchant certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="406"/>
        <source>Could not certify the merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="412"/>
        <source>Could not read the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="436"/>
        <source>Licences saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="437"/>
        <source>Could not save the licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="465"/>
        <source>Suspend {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="466"/>
        <source>Why is the merchant suspended? It takes no new orders until reinstated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="468"/>
        <source>Inspection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="469"/>
        <source>Food safety complaint under investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="470"/>
        <source>Prices above the agreed discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="471"/>
        <source>Licence under renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="478"/>
        <source>Suspend the merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="479"/>
        <source>Suspend {name}? Reason: {reason}. Open orders stay; new ones are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="481"/>
        <source>Merchant suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="482"/>
        <source>Could not suspend the merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="490"/>
        <source>business licence {number} expired on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="496"/>
        <source>food licence {number} expired on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="504"/>
        <location filename="../../console/presenters/merchants.py" line="512"/>
        <source>Reinstate {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="506"/>
        <source>{name} cannot be reinstated while a licence is expired: {what}. Record the renewed licence first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="508"/>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="513"/>
        <source>Why may the merchant take orders again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="514"/>
        <source>Renewed licence checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="514"/>
        <source>Rectified and re-inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="520"/>
        <source>Reinstate the merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="521"/>
        <source>Reinstate {name}? Reason: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="523"/>
        <source>Merchant reinstated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="524"/>
        <source>Could not reinstate the merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="530"/>
        <source>Exit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="531"/>
        <source>Why does the merchant leave the scheme? Its products are withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="533"/>
        <source>Merchant&apos;s own request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="534"/>
        <source>Business closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="535"/>
        <source>Repeated serious complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="542"/>
        <source>Exit the merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="544"/>
        <source>{name} leaves the scheme for good. Reason: {reason}. Its products are withdrawn and it cannot be reinstated. Continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="548"/>
        <source>Merchant exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="549"/>
        <source>Could not exit the merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="568"/>
        <source>Staff added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="569"/>
        <source>Could not add the staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="581"/>
        <location filename="../../console/presenters/merchants.py" line="600"/>
        <source>Staff saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="582"/>
        <location filename="../../console/presenters/merchants.py" line="601"/>
        <source>Could not save the staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="616"/>
        <source>Inspection recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="617"/>
        <source>Could not record the inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="630"/>
        <source>Complaint filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="631"/>
        <source>Could not file the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="642"/>
        <source>Resolve the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="643"/>
        <source>What was done? The resident is told this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="653"/>
        <source>Complaint resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="654"/>
        <source>Could not resolve the complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="688"/>
        <source>Product added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="689"/>
        <source>Could not add the product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="706"/>
        <source>Price changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="707"/>
        <source>Could not change the price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="714"/>
        <source>Catalogue saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="715"/>
        <source>Could not save the catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="738"/>
        <source>Market price recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="739"/>
        <source>Could not record the market price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="776"/>
        <source>Merchant {name} suspended: its licence has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/merchants.py" line="783"/>
        <source>Licence sweep failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MerchantsTab</name>
    <message>
        <location filename="../../widgets/merchants.py" line="560"/>
        <source>Select a merchant to see its records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="571"/>
        <source>Business licence {no}, expires {day} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="579"/>
        <source>Food business licence {no}, expires {day} ({state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="585"/>
        <source>Certified on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="587"/>
        <source>Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="603"/>
        <source>Certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="627"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="648"/>
        <source>{n} merchants, {k} needing attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="673"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="675"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="678"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="679"/>
        <source>Needing attention only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="680"/>
        <source>Show exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="682"/>
        <source>Certify a business…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="683"/>
        <source>Licences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="684"/>
        <source>Suspend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="685"/>
        <source>Reinstate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="686"/>
        <source>Exit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="687"/>
        <source>Add staff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="688"/>
        <source>Health certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="689"/>
        <source>Record inspection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="690"/>
        <source>File complaint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="691"/>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="696"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="697"/>
        <source>Inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="698"/>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="699"/>
        <source>Status trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="705"/>
        <source>No certified merchants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="707"/>
        <source>Fair-price shops certified from the business register appear here with their licences (alerts 30 days ahead), staff, inspections and complaints. Certify a business… (Alt+N) adds one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MotionSettingsDialog</name>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="271"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="280"/>
        <source>Saved. Detection uses the new settings from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="386"/>
        <source>Motion settings: {code} {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="390"/>
        <source>Only supervisors change motion settings. You can look, not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="392"/>
        <source>&amp;Motion detection on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="393"/>
        <source>&amp;Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="395"/>
        <source>Higher finds smaller, fainter movement; the tile shows what is found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="397"/>
        <source>Arming schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="398"/>
        <source>When motion raises an &amp;incident (empty: never):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="399"/>
        <source>e.g. {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="400"/>
        <source>&amp;Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="401"/>
        <source>&amp;Nights 22:00-06:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="402"/>
        <source>&amp;Off-hours and weekends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="404"/>
        <source>Weekdays 18:00-08:00, and all of Saturday and Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="406"/>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="407"/>
        <source>&amp;Edit mask on the tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="408"/>
        <source>C&amp;lear mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="409"/>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="410"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="417"/>
        <source>Schedule not understood: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="421"/>
        <source>The schedule is too long (at most {n} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="430"/>
        <source>Armed: {schedule} (times in {zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="434"/>
        <source>No schedule: motion is recorded but never raises an incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="441"/>
        <source>No mask: the whole picture is watched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="446"/>
        <source>1 ignored area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="448"/>
        <source>{n} ignored areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="451"/>
        <source>only 1 watched area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="453"/>
        <source>only {n} watched areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/motion_dialog.py" line="455"/>
        <source>{ignored}, {watched}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../widgets/accounts.py" line="57"/>
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="65"/>
        <source>(choose the department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="68"/>
        <source>(street-wide)</source>
        <translation>(street-wide)</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="73"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="74"/>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="75"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="77"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="78"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="109"/>
        <source>User names are letters and digits without spaces.</source>
        <translation>User names are letters and digits without spaces.</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="113"/>
        <source>A station account belongs to one community.</source>
        <translation>A station account belongs to one community.</translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="118"/>
        <source>The site has no departments; add them to the site file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/accounts.py" line="123"/>
        <source>A department account answers for one department: choose it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="53"/>
        <source>New incident</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="56"/>
        <source>(other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="68"/>
        <source>(street-wide)</source>
        <translation>(street-wide)</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="81"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="82"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="83"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="84"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="85"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="86"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="87"/>
        <source>Caller&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="88"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../widgets/incident_dialog.py" line="156"/>
        <source>Give the incident a title.</source>
        <translation>Give the incident a title.</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="431"/>
        <source>This frame draws {n} businesses now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="433"/>
        <source>This frame draws {n} people now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="445"/>
        <source>Publish a form first: a round needs a published form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="448"/>
        <source>Give the round a code and a purpose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="453"/>
        <source>The round ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="483"/>
        <source>Counting the frame…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="497"/>
        <source>New survey round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="499"/>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="500"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="501"/>
        <source>Form (published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="502"/>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="503"/>
        <source>Communities (none: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="504"/>
        <source>Care flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="505"/>
        <source>Sample size N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="506"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="507"/>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="508"/>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="509"/>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="510"/>
        <source>Keep partial responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="511"/>
        <source>Business kinds (none: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="515"/>
        <source>e.g. 2026-Q4-SAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="516"/>
        <source>keep only a &quot;has answered&quot; flag per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="517"/>
        <source>an unfinished response is kept, marked partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="518"/>
        <source>The same seed draws the same people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="520"/>
        <source>All residents of the communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="521"/>
        <source>A care-flag group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="522"/>
        <source>A random sample of N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="523"/>
        <source>Businesses of the communities (trading on the start date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="533"/>
        <source>Lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="534"/>
        <source>Dementia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="535"/>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="536"/>
        <source>Chronic illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="546"/>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="547"/>
        <source>Restaurant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="548"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="549"/>
        <source>Market stall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="550"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoIncidentDialog</name>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="151"/>
        <source>Close the call without an incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="155"/>
        <source>Choose a reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="161"/>
        <source>Note (required for “Other”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="163"/>
        <source>Call from {caller}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="166"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="167"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="181"/>
        <source>Choose a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="183"/>
        <source>Say in a few words why (at least 4 characters).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsPresenter</name>
    <message>
        <location filename="../../console/presenters/notifications.py" line="53"/>
        <source>Notifications</source>
        <translation type="unfinished">Notifications</translation>
    </message>
    <message>
        <location filename="../../console/presenters/notifications.py" line="82"/>
        <source>Internal error in {where}: {message} (details in the log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationsWidget</name>
    <message>
        <location filename="../../widgets/notifications.py" line="94"/>
        <source>No messages. Errors of background work appear here.</source>
        <translation>No messages. Errors of background work appear here.</translation>
    </message>
    <message>
        <location filename="../../widgets/notifications.py" line="96"/>
        <source>{n} messages</source>
        <translation>{n} messages</translation>
    </message>
    <message>
        <location filename="../../widgets/notifications.py" line="101"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="512"/>
        <source>Record a market price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="521"/>
        <source>Commodity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="522"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="523"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="524"/>
        <source>Price (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="529"/>
        <source>A commodity code without spaces (RICE-5KG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="531"/>
        <source>Where was the price seen?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="1039"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1040"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1043"/>
        <source>Price (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1049"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1050"/>
        <source>Outlier: left to the median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1053"/>
        <source>Observer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderEntryWidget</name>
    <message>
        <location filename="../../widgets/order_entry.py" line="251"/>
        <source>lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="253"/>
        <source>orders wait for a confirmation call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="293"/>
        <location filename="../../widgets/order_entry.py" line="689"/>
        <source>Search a resident by name, phone or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="427"/>
        <source>{window} — full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="429"/>
        <source>{window} — {n} of {cap} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="461"/>
        <source>staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="461"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="468"/>
        <source>familiar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="482"/>
        <source>No ordering window open for this merchant in the coming days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="488"/>
        <source>Window {window} is full: choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="494"/>
        <source>{n} of {cap} places left in {window}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="538"/>
        <source>Total: {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="574"/>
        <source>This order will wait for a confirmation call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="647"/>
        <source>&amp;Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="648"/>
        <source>&amp;Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="649"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="650"/>
        <source>&amp;Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="651"/>
        <source>&amp;Deliverer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="652"/>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="653"/>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="667"/>
        <source>Name, phone or address (Alt+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="670"/>
        <source>Product code or name, Enter adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="671"/>
        <source>Family member&apos;s name and relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="672"/>
        <source>Usual basket (Alt+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="673"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="674"/>
        <source>Place order (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="676"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="676"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="676"/>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="676"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="682"/>
        <source>At the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="682"/>
        <source>Hotline call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_entry.py" line="682"/>
        <source>Family member</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <location filename="../../widgets/order_labels.py" line="13"/>
        <source>Awaiting confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="16"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="17"/>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="18"/>
        <source>En route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="19"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="20"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="21"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="29"/>
        <source>Merchant closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="30"/>
        <source>Call to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="31"/>
        <source>Lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="32"/>
        <source>Same household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="33"/>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="41"/>
        <source>Nobody at home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="42"/>
        <source>Nobody at the door or on the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="45"/>
        <source>Refused by the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="46"/>
        <source>Wrong address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="47"/>
        <source>Out of stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="48"/>
        <source>Not confirmed on the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="51"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="60"/>
        <source>left the scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="61"/>
        <source>suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="64"/>
        <source>food licence expired on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="68"/>
        <source>business licence expired on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="81"/>
        <source>{state}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="84"/>
        <source>takes no orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="97"/>
        <source>The window is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="98"/>
        <source>The merchant takes no orders (licence or suspension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="101"/>
        <source>Choose a window of this merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="102"/>
        <source>The window has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="103"/>
        <source>A product is no longer sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="104"/>
        <source>Choose one named deliverer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="105"/>
        <source>The deliverer&apos;s health certificate has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="108"/>
        <source>The basket is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="109"/>
        <source>A quantity is 1–99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="110"/>
        <source>Name the family member who orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="113"/>
        <source>Only the family member the resident&apos;s record names as emergency contact may order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="117"/>
        <source>A hotline order comes from a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="118"/>
        <source>A signature or a photo is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="121"/>
        <source>The resident&apos;s confirmation is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="124"/>
        <source>Say who confirmed at the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="125"/>
        <source>Record the confirmation call first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_labels.py" line="128"/>
        <source>Choose a resident</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderWindowsEditor</name>
    <message>
        <location filename="../../widgets/order_windows.py" line="167"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="168"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="169"/>
        <source>Copy to the next (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="170"/>
        <source>Open window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="171"/>
        <source>Copy this day&apos;s windows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPresenter</name>
    <message>
        <location filename="../../console/presenters/orders.py" line="54"/>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="55"/>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="56"/>
        <source>Silence list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="58"/>
        <source>Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="68"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="87"/>
        <source>Volunteer task for the selected delivery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="117"/>
        <source>Select the delivery on the board first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="196"/>
        <source>Could not load the deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="207"/>
        <source>Could not load the silence list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="224"/>
        <source>Could not search residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="241"/>
        <source>Could not load the resident&apos;s ordering data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="257"/>
        <source>Order {id} placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="267"/>
        <source>Order not placed: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="272"/>
        <source>Could not place the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="294"/>
        <source>{what}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="316"/>
        <source>Could not move order {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="331"/>
        <source>Order {id} failed for a resident living alone: welfare check {inc} raised in the incident queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="338"/>
        <source>Could not record the failure of order {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="350"/>
        <source>Could not record the confirmation call for order {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="366"/>
        <source>Call placed: it is in the Calls pane, and is linked when you record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="371"/>
        <source>The call could not be placed: dial by hand, or try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="375"/>
        <source>order confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="387"/>
        <source>Could not open order {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="411"/>
        <source>Could not record the delivery of order {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="424"/>
        <source>Order {id}: {name}, {phone}, {address} (this look is recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="433"/>
        <source>Could not show the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="451"/>
        <source>Could not load the windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="480"/>
        <source>Could not open the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="493"/>
        <source>{n} windows opened on the following days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/orders.py" line="500"/>
        <source>Could not copy the windows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="442"/>
        <source>New pairing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="458"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="459"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="461"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="462"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="463"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="470"/>
        <source>This community has no active volunteer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="472"/>
        <source>Choose the resident.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairingsModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="660"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="661"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="664"/>
        <source>Lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="669"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="672"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="673"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="674"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
</context>
<context>
    <name>PanicButton</name>
    <message>
        <location filename="../../widgets/station_panic.py" line="63"/>
        <source>Panic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_panic.py" line="122"/>
        <source>PANIC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_panic.py" line="123"/>
        <source>Hold for {n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_panic.py" line="124"/>
        <source>Keep holding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_panic.py" line="127"/>
        <source>Hold down for {n} seconds (or hold Space) to raise a P1 alarm at the control room. Letting go early sends nothing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassportPanel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="885"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="886"/>
        <source>Computes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="887"/>
        <source>Numerator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="888"/>
        <source>Denominator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="889"/>
        <source>Source tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="890"/>
        <source>Breakdowns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="891"/>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="892"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="893"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="894"/>
        <source>Data-quality limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="895"/>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="896"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="917"/>
        <source>Select an indicator to read its passport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="927"/>
        <source>n / denominator {numbers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="930"/>
        <source>95 % interval {interval}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="938"/>
        <source>none: a count has no denominator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="942"/>
        <source>Incident types: {types}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="947"/>
        <location filename="../../widgets/kpi_dashboard.py" line="964"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="953"/>
        <source>{series} (definition version {version}): a changed definition starts a new series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="967"/>
        <source>not yet measured ({period})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="970"/>
        <source>{rate} per 10,000 residents a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="985"/>
        <source>{points} percentage points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="986"/>
        <source>{target}; amber up to {band} short of it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingHandoverDialog</name>
    <message>
        <location filename="../../widgets/handover.py" line="301"/>
        <source>Shift handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="302"/>
        <source>Handover from {who} pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="304"/>
        <source>Handed over at {when} on this workstation. Read the report, then acknowledge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="306"/>
        <source>Audit chain head: {head}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="308"/>
        <source>{n} handovers are waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="310"/>
        <source>Notes of {who}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="311"/>
        <source>(no notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="312"/>
        <source>&amp;Open PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="313"/>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/handover.py" line="314"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="371"/>
        <source>Nothing to choose.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PipelineModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="197"/>
        <source>Seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="200"/>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="203"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="206"/>
        <source>Referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="211"/>
        <source>Last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="216"/>
        <source>Employer confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="219"/>
        <source>Counsellor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholdersPresenter</name>
    <message>
        <source>Video wall</source>
        <translation type="obsolete">Video wall</translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="obsolete">Map</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="obsolete">Calls</translation>
    </message>
    <message>
        <source>Video wall not connected yet</source>
        <translation type="obsolete">Video wall not connected yet</translation>
    </message>
    <message>
        <source>The cameras are configured in the site file. Live view, recording and evidence export come with the video module.</source>
        <translation type="obsolete">The cameras are configured in the site file. Live view, recording and evidence export come with the video module.</translation>
    </message>
    <message>
        <source>Live map not available yet</source>
        <translation type="obsolete">Live map not available yet</translation>
    </message>
    <message>
        <source>Reader positions, zones and tracked people will be drawn here once RFID/GPS tracking is connected.</source>
        <translation type="obsolete">Reader positions, zones and tracked people will be drawn here once RFID/GPS tracking is connected.</translation>
    </message>
    <message>
        <source>No call centre connected</source>
        <translation type="obsolete">No call centre connected</translation>
    </message>
    <message>
        <source>Incoming and abandoned calls will be listed here once the SIP line is configured for this workstation.</source>
        <translation type="obsolete">Incoming and abandoned calls will be listed here once the SIP line is configured for this workstation.</translation>
    </message>
</context>
<context>
    <name>PlanImageDialog</name>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="205"/>
        <source>{path} is not a readable PNG or JPEG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="239"/>
        <location filename="../../widgets/plan_image_dialog.py" line="298"/>
        <source>Plan image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="243"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="267"/>
        <source>Choose an image first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="273"/>
        <source>Click two points far apart on the image (at least 10 px) and type their different site positions in metres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="280"/>
        <source>{mpp:.3f} m per pixel, turned {deg:.1f}° counter-clockwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="301"/>
        <source>Click two points on the image that you can find on the site plan (far apart, e.g. two street corners) and type their site positions in metres. Paste the [plan] table below into the site file, next to which the image must lie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="306"/>
        <source>Choose image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="308"/>
        <source>Pixel x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="309"/>
        <source>Pixel y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="310"/>
        <source>Site x (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="311"/>
        <source>Site y (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="316"/>
        <source>Point {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="317"/>
        <source>Copy [plan] table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="318"/>
        <source>Show on this map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/plan_image_dialog.py" line="320"/>
        <source>Until the console restarts; the site file keeps it for good</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaybackWords</name>
    <message>
        <location filename="../../console/wall_playback.py" line="41"/>
        <source>PLAYBACK {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="45"/>
        <source> · paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="49"/>
        <source>No recording here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="51"/>
        <source>No recording here; it resumes at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="55"/>
        <source>End of the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="57"/>
        <source>The recording cannot be read here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="59"/>
        <source>Opening the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/wall_playback.py" line="61"/>
        <source> · keyframes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="431"/>
        <source>New posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="431"/>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="464"/>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="465"/>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="466"/>
        <source>Duties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="467"/>
        <source>Hours a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="468"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="469"/>
        <source>Pay a month (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="470"/>
        <source>Openings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="471"/>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="472"/>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="473"/>
        <source>Skills required (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="474"/>
        <source>Workplace offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="475"/>
        <source>Only for (none ticked: anyone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="476"/>
        <source>Form of employment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostingsModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="138"/>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="139"/>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="142"/>
        <source>Hours, shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="147"/>
        <source>Pay a month (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="150"/>
        <source>Openings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="151"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="154"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="155"/>
        <source>street</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostingsTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="485"/>
        <source>New posting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="486"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="487"/>
        <source>Seekers for this posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="488"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="489"/>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="490"/>
        <source>Closed</source>
        <translation type="unfinished">Closed</translation>
    </message>
</context>
<context>
    <name>PriceCheck</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="402"/>
        <source>Reference ¥{ref}: {pct} below — {check}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="417"/>
        <source>A price in yuan, more than zero, at most two decimals (12.50).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="494"/>
        <source>Change the price of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="496"/>
        <source>Now (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="497"/>
        <source>New price (¥)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="437"/>
        <source>New product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="456"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="457"/>
        <source>Commodity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="458"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="459"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="460"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="461"/>
        <source>Price (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="472"/>
        <source>A commodity code without spaces (RICE-5KG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="474"/>
        <source>The name and the unit are needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="730"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="733"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="734"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="735"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="738"/>
        <source>Price (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="747"/>
        <source>Reference (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="755"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="764"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="765"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="768"/>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
</context>
<context>
    <name>QualificationDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="380"/>
        <location filename="../../widgets/volunteers_dialogs.py" line="388"/>
        <source>Qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="382"/>
        <source>e.g. 急救证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="384"/>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="389"/>
        <source>Certificate No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="395"/>
        <source>Type the qualification.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <location filename="../../widgets/survey_editor.py" line="310"/>
        <source>Convenience (plan indicator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="311"/>
        <source>Awareness (plan indicator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="313"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="314"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="315"/>
        <location filename="../../widgets/survey_editor.py" line="335"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="316"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="317"/>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="318"/>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="319"/>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="320"/>
        <source>Matrix rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="321"/>
        <source>Matrix columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="322"/>
        <source>Show if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="323"/>
        <source>Skip rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="324"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="325"/>
        <source>Satisfied codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="326"/>
        <source>&quot;Don&apos;t know&quot; codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="331"/>
        <source>Single choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="332"/>
        <source>Multiple choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="333"/>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="334"/>
        <source>NPS 0–10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="336"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="337"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="338"/>
        <source>Matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="342"/>
        <location filename="../../widgets/survey_editor.py" line="343"/>
        <location filename="../../widgets/survey_editor.py" line="344"/>
        <source>Code</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="342"/>
        <location filename="../../widgets/survey_editor.py" line="343"/>
        <location filename="../../widgets/survey_editor.py" line="344"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="345"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="345"/>
        <source>Go to (id or end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="346"/>
        <source>e.g. age &gt;= 60 and alone = &quot;y&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="347"/>
        <source>codes, comma-separated, e.g. 4, 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="348"/>
        <source>codes left out of CSAT, e.g. dk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_editor.py" line="349"/>
        <location filename="../../widgets/survey_editor.py" line="350"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <location filename="../../widgets/survey_question.py" line="165"/>
        <location filename="../../widgets/survey_question.py" line="410"/>
        <source>Type a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="252"/>
        <location filename="../../widgets/survey_question.py" line="274"/>
        <source>Press a number to choose, Enter to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="254"/>
        <source>Choose all that apply; Enter to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="272"/>
        <source>0 = not at all likely, 10 = extremely likely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="283"/>
        <source>Type your answer, Enter to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="288"/>
        <source>Type a number, Enter to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="309"/>
        <source>Pick a date, Enter to go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="337"/>
        <source>One answer per row: numbers answer the next row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="406"/>
        <source>Please answer this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="408"/>
        <source>Please answer every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="412"/>
        <source>The smallest allowed is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="414"/>
        <source>The largest allowed is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_question.py" line="416"/>
        <source>The text is too long</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <location filename="../../widgets/feedback.py" line="164"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="169"/>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="176"/>
        <source>Response rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="182"/>
        <source>Resolution rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="188"/>
        <source>Satisfaction rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="202"/>
        <source>{pct} % ({num}/{den})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../widgets/consent.py" line="409"/>
        <source>at least {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="414"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="428"/>
        <location filename="../../widgets/volunteers_dialogs.py" line="412"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="432"/>
        <source>Type {name} to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="443"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="486"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="488"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="232"/>
        <source>A reason is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="234"/>
        <source>A reason has at most 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="409"/>
        <source>The reason is recorded in the audit log with your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="417"/>
        <source>Type a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <location filename="../../widgets/consent.py" line="349"/>
        <source>Record consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="352"/>
        <source>Consent to: {purpose}. A person with dementia or under 18 consents through their guardian; a verbal consent needs a witness. Recorded as given by you ({who}) now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="360"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="361"/>
        <source>Witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="362"/>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="363"/>
        <source>Guardian&apos;s relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="364"/>
        <source>Given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="365"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="369"/>
        <source>who heard the consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/consent.py" line="370"/>
        <source>e.g. daughter, son, spouse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecorderStatusLabel</name>
    <message>
        <location filename="../../widgets/recorder_status.py" line="53"/>
        <source>● Not recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="55"/>
        <source>No recorder has reported since {t}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="57"/>
        <source>No recorder has reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="67"/>
        <source>● Recording {n}/{total} · {rate} Mbit/s · {free} free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="71"/>
        <source> · {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="75"/>
        <source>{name}: {n} of {total} cameras, since {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/recorder_status.py" line="84"/>
        <source>Not recording: {cameras}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingsPresenter</name>
    <message>
        <location filename="../../console/presenters/recordings.py" line="243"/>
        <source>Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="257"/>
        <source>Recorded video of the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="267"/>
        <source>Export the incident&apos;s video evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="277"/>
        <source>Keep the incident&apos;s video as evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="287"/>
        <source>Release the incident&apos;s evidence hold…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="332"/>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="333"/>
        <source>Previous frame (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="334"/>
        <source>Next frame (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="335"/>
        <source>◀ Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="336"/>
        <source>Previous bookmark, motion or incident (Ctrl+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="337"/>
        <source>Event ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="338"/>
        <source>Next bookmark, motion or incident (Ctrl+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="339"/>
        <source>Bookmark…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="340"/>
        <source>Mark this moment with a note (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="341"/>
        <source>Export evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="342"/>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="343"/>
        <source>Go to the newest recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="344"/>
        <location filename="../../console/presenters/recordings.py" line="916"/>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="357"/>
        <source>The recorder could not be started: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="436"/>
        <source>The recorder stopped (exit {code}): {why}. Starting it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="466"/>
        <source>Could not read the recorder&apos;s state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="553"/>
        <source>PLAYBACK {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="584"/>
        <source>Could not read the recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="631"/>
        <source>Choose cameras: Enter on a camera in the list, or drag it onto a tile. Ctrl+Shift+R plays the video of the incident selected in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="637"/>
        <source>No recordings of these cameras around this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="653"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="653"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="706"/>
        <source>No further event in the loaded range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="766"/>
        <source>Select an incident in the queue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="787"/>
        <source>The incident names no camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="795"/>
        <source>Could not find the incident&apos;s cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="819"/>
        <source>The video of incident {id} is kept as evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="822"/>
        <source>Could not keep the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="827"/>
        <source>Keep video as evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="829"/>
        <source>Keep {cameras} from {start} to {end} for incident {incident} until a supervisor releases it. Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="852"/>
        <source>Incident {id} has no evidence hold in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="868"/>
        <source>{n} evidence hold(s) of incident {id} released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="874"/>
        <source>Could not release the hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="880"/>
        <source>Release evidence hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="882"/>
        <source>The video of incident {id} will be deleted by retention once it is old enough. Reason for releasing it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="892"/>
        <source>Could not read the incident&apos;s holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="911"/>
        <source>Could not add the bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="917"/>
        <source>Note for {camera} at {time}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1052"/>
        <source>Nothing is recorded in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1104"/>
        <source>Cancelled: nothing was left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1126"/>
        <source>Written to {path}
Manifest SHA-256: {sha}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1130"/>
        <source>Signed by the site key {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1134"/>
        <source>Not signed: this workstation does not hold the site key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1142"/>
        <source>The audit row could not be written: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/recordings.py" line="1144"/>
        <source>Could not audit the export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1027"/>
        <source>Only the first {count} records are listed: more exist. Choose a community to narrow them down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1032"/>
        <source>No records that you may see are behind this figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1034"/>
        <source>{count} records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="1037"/>
        <source>Records behind the figure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="604"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="605"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="606"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="609"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="622"/>
        <source>Round {round} · resident {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="625"/>
        <source>Round {round} · answer {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="627"/>
        <source>Incident {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="628"/>
        <source>Request {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="629"/>
        <source>Screening {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="630"/>
        <source>Counselling contact {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="631"/>
        <source>Referral {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="632"/>
        <source>Resident {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="633"/>
        <source>Tag {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="634"/>
        <source>Workstation {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencesModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="993"/>
        <source>Commodity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="996"/>
        <source>Reference (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1002"/>
        <source>Fewer than 3 observations in the last 60 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1009"/>
        <source>Observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1015"/>
        <source>Lowest – highest (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1024"/>
        <source>Last observed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencesTab</name>
    <message>
        <location filename="../../widgets/merchants.py" line="1128"/>
        <source>Observations of {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1142"/>
        <location filename="../../widgets/merchants.py" line="1150"/>
        <source>Observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1149"/>
        <source>Record a market price…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1153"/>
        <source>The reference price is the median of the market prices observed in the last 60 days (at least 3). One wrong or unusual price cannot move a median; it is marked as an outlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1160"/>
        <source>No price surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="1162"/>
        <source>Market prices seen at markets, supermarkets and shops give each commodity its reference price. Record a market price… (Alt+O) adds one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <location filename="../../widgets/counselling.py" line="137"/>
        <source>Referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="138"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="139"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="140"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/counselling.py" line="141"/>
        <source>By</source>
        <translation type="unfinished">By</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="583"/>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="584"/>
        <source>Offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="585"/>
        <source>Hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="586"/>
        <source>Refused…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="587"/>
        <source>Employer confirmed…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="634"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="642"/>
        <source>Refused by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="643"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="644"/>
        <source>Note (needed for “other”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="645"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="770"/>
        <source>Reject hours No. {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="777"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentCardDialog</name>
    <message>
        <location filename="../../widgets/residents.py" line="586"/>
        <source>under 18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="590"/>
        <source>Shown for incident #{id}; this look is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="595"/>
        <source>Shown for the reason you gave; this look is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="598"/>
        <source>Masked view. To see more, give an incident number or a reason below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="603"/>
        <source>The identity number and birth date cannot be shown: the site key is missing on this workstation, or does not fit this database. Ask the site&apos;s administrator. ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="617"/>
        <source>Anonymised on request: only statistics remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="619"/>
        <source>Under a legal hold: cannot be anonymised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="627"/>
        <source>Incident</source>
        <translation type="unfinished">Incident</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="627"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="630"/>
        <source>Refused: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="632"/>
        <source>Incident #{id}</source>
        <translation type="unfinished">Incident #{id}</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="642"/>
        <source>Who looked at this record ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="644"/>
        <source>Who looked at this record: nobody beyond the masked view yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="650"/>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="651"/>
        <source>no incident number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="652"/>
        <source>no such incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="653"/>
        <source>the incident is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="654"/>
        <source>not an incident of theirs to handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="682"/>
        <source>Type the number of the incident you are handling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="696"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="698"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="699"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="700"/>
        <source>Care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="701"/>
        <source>Whereabouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="707"/>
        <source>Reveal — every look is recorded with its purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="708"/>
        <source>For incident #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="709"/>
        <source>Other reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="710"/>
        <source>the incident you are handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="712"/>
        <source>why you need to see this person&apos;s details (at least 4 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="714"/>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="716"/>
        <source>Reveal (Enter; {key} goes to the box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="720"/>
        <source>Time</source>
        <translation type="unfinished">Time</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="721"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="722"/>
        <source>Workstation</source>
        <translation type="unfinished">Workstation</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="723"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="724"/>
        <source>Fields shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="727"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="728"/>
        <source>Export this person&apos;s data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="729"/>
        <source>Anonymise on request…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <location filename="../../widgets/residents.py" line="144"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="146"/>
        <source>Under 18: shown masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="148"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="149"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="150"/>
        <source>Identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="151"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="152"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="153"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="154"/>
        <source>Care</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Residents</name>
    <message>
        <location filename="../../widgets/residents.py" line="63"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="64"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="72"/>
        <location filename="../../widgets/residents.py" line="96"/>
        <source>Lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="73"/>
        <location filename="../../widgets/residents.py" line="97"/>
        <source>Dementia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="74"/>
        <location filename="../../widgets/residents.py" line="98"/>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="75"/>
        <location filename="../../widgets/residents.py" line="99"/>
        <source>Chronic illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="79"/>
        <location filename="../../widgets/residents.py" line="95"/>
        <source>Needs care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="86"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="87"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="88"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="89"/>
        <source>Identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="90"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="91"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="92"/>
        <source>Emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="93"/>
        <source>Contact&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="94"/>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="100"/>
        <source>Whereabouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="107"/>
        <source>(not shown to you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="110"/>
        <source>no positions recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="111"/>
        <source>(masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="114"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="116"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentsPresenter</name>
    <message>
        <location filename="../../console/presenters/residents.py" line="54"/>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="66"/>
        <source>Find resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="114"/>
        <location filename="../../console/presenters/residents.py" line="167"/>
        <location filename="../../console/presenters/residents.py" line="189"/>
        <source>Could not load the residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="228"/>
        <source>Could not open the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="305"/>
        <source>Not shown: type a reason of at least 4 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="306"/>
        <source>Not shown: give the incident&apos;s number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="307"/>
        <source>Not shown: there is no such incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="308"/>
        <source>Not shown: that incident is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="309"/>
        <source>Not shown: that incident is not one you may handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="312"/>
        <source>Not shown: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="323"/>
        <source>Could not load who looked at the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="341"/>
        <source>Could not load the resident&apos;s consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="372"/>
        <source>Not valid for this person: someone with dementia or under 18 consents through their guardian, anyone else in writing or aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="375"/>
        <source>A verbal consent needs the witness&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="376"/>
        <source>Type the guardian&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="377"/>
        <source>Type the guardian&apos;s relation to the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="378"/>
        <source>The date consent was given cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="379"/>
        <location filename="../../console/presenters/residents.py" line="387"/>
        <source>Type a reason of at least 4 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="380"/>
        <source>A consent for this purpose is already in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="381"/>
        <source>No consent for this purpose is in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="382"/>
        <source>This resident&apos;s data was anonymised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="388"/>
        <source>This resident&apos;s data is under a legal hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="389"/>
        <source>This resident&apos;s data was anonymised already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="431"/>
        <location filename="../../console/presenters/residents.py" line="452"/>
        <source>Withdraw consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="433"/>
        <source>Withdraw the consent to: {purpose}. Processing for this purpose stops at once; only a new consent, recorded anew, allows it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="437"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="453"/>
        <source>Withdraw the consent to {purpose}? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="469"/>
        <location filename="../../console/presenters/residents.py" line="487"/>
        <source>Export this person&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="471"/>
        <source>Everything held about this person, identity number included, is written to a JSON file and a text summary beside it, readable by you only. The export and its reason are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="476"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="488"/>
        <source>Written to {json} and {text}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="510"/>
        <location filename="../../console/presenters/residents.py" line="533"/>
        <source>Anonymise on request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="512"/>
        <source>The name, identity number, birth date, phone, address and emergency contact are replaced for good; year of birth, community and care flags stay for statistics; every consent is withdrawn. The audit log keeps its rows. Refused under a legal hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="518"/>
        <source>Anonymise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/residents.py" line="534"/>
        <source>Anonymise {name} now? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResidentsWidget</name>
    <message>
        <location filename="../../widgets/residents.py" line="229"/>
        <location filename="../../widgets/residents.py" line="338"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="292"/>
        <source>Lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="292"/>
        <source>Dementia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="303"/>
        <source>{shown} of {total} — scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="308"/>
        <source>{total} residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="311"/>
        <source>Residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="311"/>
        <source>Sign in to see the residents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="316"/>
        <source>No resident matches “{query}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="318"/>
        <source>Search by part of a name, a whole identity number (18 characters) or a phone number. Identity numbers are compared exactly, never by part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="325"/>
        <source>No residents in your communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="327"/>
        <source>Residents come from the community registers. A community workstation sees its own community only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/residents.py" line="335"/>
        <source>Search: name, identity number or phone (Ctrl+Shift+F) — Enter opens the card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../widgets/screening.py" line="203"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="206"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="207"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="210"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="212"/>
        <source>partial, not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="219"/>
        <source>Risk answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="221"/>
        <source>yes, incident {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="224"/>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="669"/>
        <source>Record a follow-up call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="671"/>
        <source>Yes, still employed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="672"/>
        <source>No, no longer employed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="677"/>
        <source>Seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="678"/>
        <source>Still employed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="679"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="680"/>
        <source>Called on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="232"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="233"/>
        <source>Seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="236"/>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="239"/>
        <source>Hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="240"/>
        <source>Called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="243"/>
        <source>Still employed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="613"/>
        <source>Record check…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundsModel</name>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="63"/>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="64"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="67"/>
        <source>Participation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="74"/>
        <source>Partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="78"/>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="80"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="82"/>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="85"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="91"/>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="92"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="92"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="101"/>
        <source>communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="102"/>
        <source>care group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="103"/>
        <source>random sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="104"/>
        <source>businesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="108"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="108"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoundsWidget</name>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="225"/>
        <source>Call list of {round}: {n} of {frame} still to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="229"/>
        <source>(the first {k} shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="280"/>
        <source>New round…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="281"/>
        <source>Close round…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="282"/>
        <source>Enter paper responses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_rounds.py" line="283"/>
        <source>Call next</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunChartView</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="693"/>
        <source>No month has a value: nothing to chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="694"/>
        <source>Median {median}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="697"/>
        <source>A shift: {n} or more points on one side of the median.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="703"/>
        <source>A trend: {n} or more points all going up or all going down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="708"/>
        <source>Too few runs: the process has likely changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="710"/>
        <source>Too many runs: the points alternate more than chance would.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="714"/>
        <source>Fewer than {n} points off the median: the number of runs is not judged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="718"/>
        <source>No signal: the variation looks random.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Screening</name>
    <message>
        <location filename="../../widgets/screening.py" line="37"/>
        <source>At the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="38"/>
        <source>By phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="39"/>
        <source>Self-completed (kiosk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="317"/>
        <source>{n} due for a rescreen by {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningPresenter</name>
    <message>
        <location filename="../../console/presenters/screening.py" line="69"/>
        <source>Screen a resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="70"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="71"/>
        <source>Due for rescreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="72"/>
        <source>Licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="74"/>
        <source>Counselling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="79"/>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="93"/>
        <location filename="../../console/presenters/screening.py" line="217"/>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="186"/>
        <source>Could not read the rescreen list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="195"/>
        <source>Could not read the licence register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="208"/>
        <source>Could not read the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="237"/>
        <source>No results shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="238"/>
        <source>Pick a resident on the first tab and press Results and trend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="241"/>
        <source>Nobody is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="241"/>
        <source>No rescreen falls due in the next two weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="245"/>
        <source>No licensed forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="247"/>
        <source>PHQ-2, PHQ-9, GAD-2, GAD-7 and GDS-15 are built in. A form that needs permission (AD8, Mini-Cog, SCL-90-R) is added by an administrator with its licence: console screening register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="264"/>
        <source>Could not search residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="281"/>
        <location filename="../../console/presenters/screening.py" line="307"/>
        <source>Could not read the screening plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="328"/>
        <source>Leave the screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="329"/>
        <source>The form answered so far is kept as partial and is never scored. Leave?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="361"/>
        <source>Call placed: it is in the Calls pane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="365"/>
        <source>The call could not be placed: dial by hand, or try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="369"/>
        <source>phone screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="373"/>
        <source>No working phone line here (none, or it is down), or your role places no calls: dial the person by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="416"/>
        <source>The screening was not saved: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="421"/>
        <location filename="../../console/presenters/screening.py" line="423"/>
        <source>Could not save the screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="432"/>
        <source>{form}: {total} of {max} — {band}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="436"/>
        <source>Next: {form} by {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="455"/>
        <source>Risk answer in a screening: incident {id} raised for today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="478"/>
        <source>Resident {id}: {n} screenings, newest first (this view is audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="488"/>
        <source>Could not read the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="497"/>
        <source>Built in: PHQ-2, PHQ-9, GAD-2, GAD-7, GDS-15. Registered with a licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="510"/>
        <source>Could not read the appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="523"/>
        <source>{name} (resident {id}): counselling record, opened by you (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="535"/>
        <source>Could not read the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="597"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="607"/>
        <source>Not saved: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="610"/>
        <source>Could not save the counselling record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="631"/>
        <source>Note of contact {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="632"/>
        <source>(no note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="634"/>
        <source>Could not read the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="647"/>
        <source>Referral {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="648"/>
        <source>Reason: {reason}

Outcome: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="649"/>
        <source>not yet recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/screening.py" line="657"/>
        <source>Could not read the referral</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningRunDialog</name>
    <message>
        <location filename="../../widgets/screening_run.py" line="196"/>
        <source>The sitting is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="201"/>
        <location filename="../../widgets/screening_run.py" line="308"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="221"/>
        <source>Question {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="226"/>
        <source>Saving and scoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="304"/>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="305"/>
        <source>Back (Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="205"/>
        <location filename="../../widgets/screening_run.py" line="308"/>
        <source>Leave (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="155"/>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="306"/>
        <source>Dial (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening_run.py" line="310"/>
        <source>Press the key shown on an answer, or click it; Backspace changes the last.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeekerDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="210"/>
        <source>Job seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="210"/>
        <source>Register a job seeker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="213"/>
        <source>Name, phone, address or resident number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="242"/>
        <location filename="../../widgets/employment_dialogs.py" line="245"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="244"/>
        <source>Find the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="246"/>
        <source>Home latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="247"/>
        <source>Home longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="248"/>
        <source>Skills (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="249"/>
        <source>Needs at work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="250"/>
        <source>Hours a week, at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="251"/>
        <source>Hours a week, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="252"/>
        <source>Shifts (none ticked: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="253"/>
        <source>Travels up to (km)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="254"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="266"/>
        <source>already a job seeker: saving updates them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="269"/>
        <source>No resident found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeekersModel</name>
    <message>
        <location filename="../../widgets/employment.py" line="87"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="88"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="89"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="90"/>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="93"/>
        <source>Hours a week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="96"/>
        <source>Up to km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="99"/>
        <source>Consents to matching</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeekersTab</name>
    <message>
        <location filename="../../widgets/employment.py" line="396"/>
        <source>Register seeker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="397"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="398"/>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment.py" line="399"/>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../console/session.py" line="90"/>
        <source>Lock screen</source>
        <translation type="unfinished">Lock screen</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="94"/>
        <source>Sign out</source>
        <translation type="unfinished">Sign out</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="99"/>
        <location filename="../../console/session.py" line="332"/>
        <source>Quit</source>
        <translation type="unfinished">Quit</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="168"/>
        <source>This account is locked until {until} after repeated wrong passwords. An administrator can unlock it.</source>
        <translation type="unfinished">This account is locked until {until} after repeated wrong passwords. An administrator can unlock it.</translation>
    </message>
    <message>
        <source>This account is disabled.</source>
        <translation type="obsolete">This account is disabled.</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="172"/>
        <source>This account is disabled. An administrator can enable it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="174"/>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="175"/>
        <source>Wrong user name or password.</source>
        <translation type="unfinished">Wrong user name or password.</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="177"/>
        <source>Sign-in is not possible right now: {err}</source>
        <translation type="unfinished">Sign-in is not possible right now: {err}</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="323"/>
        <source>Unlock or sign out before quitting.</source>
        <translation type="unfinished">Unlock or sign out before quitting.</translation>
    </message>
    <message>
        <location filename="../../console/session.py" line="333"/>
        <source>Quit the console? Devices hosted on this workstation stop reporting.</source>
        <translation type="unfinished">Quit the console? Devices hosted on this workstation stop reporting.</translation>
    </message>
</context>
<context>
    <name>SessionRunner</name>
    <message>
        <location filename="../../widgets/survey_entry.py" line="88"/>
        <source>No form to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="144"/>
        <source>End of the form: the response is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="146"/>
        <source>End of the form, but a required answer is missing: go back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="150"/>
        <source>{n} answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="157"/>
        <source>Question {id} · {n} answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="161"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="162"/>
        <source>Next (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupPresenter</name>
    <message>
        <location filename="../../console/presenters/setup.py" line="52"/>
        <source>This PC&apos;s setup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/setup.py" line="116"/>
        <source>This PC&apos;s setup is saved; it applies at the next start ({ws}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/setup.py" line="122"/>
        <source>This PC&apos;s setup was not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="220"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="220"/>
        <source>New shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="236"/>
        <source>None required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="239"/>
        <source>No minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="241"/>
        <source>Sign-up closes at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="252"/>
        <source>Instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="253"/>
        <source>Needs confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="257"/>
        <source>No team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="261"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="262"/>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="263"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="264"/>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="265"/>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="266"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="267"/>
        <source>Required qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="268"/>
        <source>Minimum age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="270"/>
        <source>Sign-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="271"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="302"/>
        <source>Type the shift&apos;s title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="303"/>
        <source>Type where the shift takes place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="304"/>
        <source>The shift must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="306"/>
        <source>Sign-up must close before the shift starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftsModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="512"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="515"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="516"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="519"/>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="522"/>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="523"/>
        <source>Sign-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="524"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
</context>
<context>
    <name>SignupsModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="535"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="537"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="541"/>
        <source>Signed up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SilenceList</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="339"/>
        <source>Silent for at least (weeks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="342"/>
        <source>Residents who ordered at least twice and nothing since: a welfare visit may be due. Those living alone first to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="346"/>
        <source>Order for this resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="347"/>
        <source>Welfare visit… (Alt+W)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SilenceModel</name>
    <message>
        <location filename="../../widgets/delivery_board.py" line="249"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="250"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="251"/>
        <source>Last order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="254"/>
        <source>Weeks silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="258"/>
        <source>Orders before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="261"/>
        <source>Lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/delivery_board.py" line="262"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlaPresenter</name>
    <message>
        <location filename="../../console/presenters/sla.py" line="76"/>
        <source>SLA check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="88"/>
        <source>Could not load SLA breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="95"/>
        <source>SLA breach: {priority} #{id} {title}: {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="107"/>
        <source>not acknowledged in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="109"/>
        <source>not dispatched in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="111"/>
        <source>not resolved in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/sla.py" line="114"/>
        <source>{who} did not answer the assignment in time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendDialog</name>
    <message>
        <location filename="../../widgets/timebank.py" line="202"/>
        <source>Spend minutes on a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="205"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="211"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="212"/>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="213"/>
        <source>Service received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SplitModel</name>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="573"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="576"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="582"/>
        <source>n / denominator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/kpi_dashboard.py" line="587"/>
        <source>95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="252"/>
        <source>Add staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="257"/>
        <source>Delivers to residents&apos; doors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="261"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="262"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="264"/>
        <source>Health certificate No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="265"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="269"/>
        <source>The name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchant_dialogs.py" line="271"/>
        <source>A deliverer needs a health certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <location filename="../../widgets/merchants.py" line="291"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="292"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="295"/>
        <source>Delivers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="296"/>
        <location filename="../../widgets/merchants.py" line="307"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="300"/>
        <source>Health certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="306"/>
        <source>Active</source>
        <translation type="unfinished">Active</translation>
    </message>
    <message>
        <location filename="../../widgets/merchants.py" line="307"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartTab</name>
    <message>
        <location filename="../../widgets/screening.py" line="125"/>
        <source>{name} has no screening consent on record: record it in Residents first (a separate consent for health data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="131"/>
        <source>{name}, {age}: starts with {forms}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="137"/>
        <source>No emergency contact is on record: the crisis script will say so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="185"/>
        <source>Name, phone, address or resident number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="186"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="189"/>
        <source>Start the screening (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="190"/>
        <source>Results and trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/screening.py" line="191"/>
        <source>Counselling record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../console/gui.py" line="45"/>
        <source>The database file is damaged</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="46"/>
        <source>It was left untouched. Restore it from a backup, or start the console with another file.</source>
        <translation>It was left untouched. Restore it from a backup, or start the console with another file.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="53"/>
        <source>The database is in use</source>
        <translation>The database is in use</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="54"/>
        <source>Another program holds the database. Close the other console or tool and start again.</source>
        <translation>Another program holds the database. Close the other console or tool and start again.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="61"/>
        <source>The database cannot be reached</source>
        <translation>The database cannot be reached</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="62"/>
        <source>Check that the database server runs and the address is right, or, for a file, its path and permissions.</source>
        <translation>Check that the database server runs and the address is right, or, for a file, its path and permissions.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="69"/>
        <source>The database refused the sign-in</source>
        <translation>The database refused the sign-in</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="70"/>
        <source>Check the user name and password in the database address.</source>
        <translation>Check the user name and password in the database address.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="75"/>
        <source>The database is newer than this console</source>
        <translation>The database is newer than this console</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="76"/>
        <source>It was not changed. Install the newer console on this workstation.</source>
        <translation>It was not changed. Install the newer console on this workstation.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="81"/>
        <source>Not a console database</source>
        <translation>Not a console database</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="82"/>
        <source>It was not changed. Check the database address.</source>
        <translation>It was not changed. Check the database address.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="87"/>
        <source>The database setting is wrong</source>
        <translation>The database setting is wrong</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="88"/>
        <source>Check the --db option or the CONSOLE_DB variable.</source>
        <translation>Check the --db option or the CONSOLE_DB variable.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="93"/>
        <source>Updating the database failed</source>
        <translation>Updating the database failed</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="94"/>
        <source>The update was rolled back; nothing was changed.</source>
        <translation>The update was rolled back; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="182"/>
        <source>The console started at {when} stopped unexpectedly. What it was doing is in {path}: please give that file to your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="205"/>
        <source>The site file has an error</source>
        <translation>The site file has an error</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="206"/>
        <source>Correct the site file and start again.</source>
        <translation>Correct the site file and start again.</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="230"/>
        <source>The console is not set up yet</source>
        <translation>The console is not set up yet</translation>
    </message>
    <message>
        <location filename="../../console/gui.py" line="231"/>
        <source>This database holds no site and no users yet. Run `console demo` (or `make run`) to create the demo site, or `console user add` for real accounts.</source>
        <translation>This database holds no site and no users yet. Run `console demo` (or `make run`) to create the demo site, or `console user add` for real accounts.</translation>
    </message>
    <message>
        <location filename="../../console/first_start.py" line="51"/>
        <source>The setup could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatementModel</name>
    <message>
        <location filename="../../widgets/timebank.py" line="95"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="98"/>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="101"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="106"/>
        <source>Other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="107"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="115"/>
        <source>Deposit of approved hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="116"/>
        <source>Given to an elder relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="117"/>
        <source>Service received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationIntakeWidget</name>
    <message>
        <location filename="../../widgets/station_intake.py" line="192"/>
        <source>Nobody of this community matches. Type the caller&apos;s name and phone below to take the request anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="200"/>
        <source>Phones are found by the whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="204"/>
        <source>{shown} of {total} shown: type more of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="225"/>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="291"/>
        <source>(name hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="297"/>
        <source>Help with daily life</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="298"/>
        <source>Repairs in the home or building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="299"/>
        <source>Benefits and certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="300"/>
        <source>Suggestion or complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="301"/>
        <source>Something else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="307"/>
        <source>Incident {ref}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="312"/>
        <source>Call from the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="314"/>
        <source>Call to the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="317"/>
        <source>Service ticket: {topic}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="342"/>
        <source>No contacts with the street in this community yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="351"/>
        <source>No resident chosen: find them above, or type the caller&apos;s name below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="354"/>
        <source>For: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="360"/>
        <source>Name, whole phone number or identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="361"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="362"/>
        <source>Recent contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="363"/>
        <source>Caller&apos;s name (if not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="364"/>
        <source>Caller&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="365"/>
        <source>Incident</source>
        <translation type="unfinished">Incident</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="366"/>
        <source>Service ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="367"/>
        <source>What happened, where, what is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="368"/>
        <source>Add photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="369"/>
        <source>Remove photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="370"/>
        <source>Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="371"/>
        <source>Clear form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="372"/>
        <source>Choose a category…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="374"/>
        <source>Becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="375"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="376"/>
        <source>Description</source>
        <translation type="unfinished">Description</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="377"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="378"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="379"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="426"/>
        <source>Choose a category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="429"/>
        <source>Say what the resident needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="434"/>
        <source>The description is too long (at most {n} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_intake.py" line="440"/>
        <source>Choose the resident, or type the caller&apos;s name or phone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationLinkBanner</name>
    <message>
        <location filename="../../widgets/station_screen.py" line="72"/>
        <source>{h} h {m:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="74"/>
        <source>{m} min</source>
        <translation type="unfinished">{m} min</translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="75"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="86"/>
        <source>Connected to the centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="89"/>
        <source>Connecting to the centre…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="93"/>
        <source>No link to the centre since {time}. Keep working: entries wait here and are sent once the link is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="98"/>
        <source>{n} waiting to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="102"/>
        <source>This PC&apos;s clock is {d} fast; the server&apos;s time is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="104"/>
        <source>This PC&apos;s clock is {d} slow; the server&apos;s time is used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationNecessitiesPresenter</name>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="129"/>
        <source>Could not read today&apos;s deliveries and visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="141"/>
        <source>Orders and visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="142"/>
        <source>Volunteer check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="155"/>
        <source>Could not search the residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="172"/>
        <source>Could not read what this resident can order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="186"/>
        <source>Could not keep the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_necessities.py" line="190"/>
        <source>The order is kept and is being sent; the outbox tab shows when it is placed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationOutboxWidget</name>
    <message>
        <location filename="../../widgets/station_outbox.py" line="142"/>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="143"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="144"/>
        <source>Conflict: decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="145"/>
        <source>Refused by the centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="146"/>
        <source>Discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="153"/>
        <source>Panic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="154"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="155"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="156"/>
        <source>Survey response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="157"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="167"/>
        <source>incident {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="169"/>
        <source>service ticket {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="171"/>
        <source>survey round {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="173"/>
        <source>order {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="183"/>
        <source>At the centre as {ref}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="185"/>
        <source>At the centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="188"/>
        <source>Kept on this PC; sent once the link is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="190"/>
        <source>Tried {n} times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="193"/>
        <source>The centre changed this incident meanwhile: decide below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="195"/>
        <source>The centre refused it: phone the centre if it still matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="197"/>
        <source>Discarded by a person&apos;s decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="214"/>
        <source>Sent from this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="217"/>
        <source>Nothing sent from this station yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="219"/>
        <source>Requests, panics, survey answers and orders taken here appear with their state: waiting to send (kept on this PC while the centre is out of reach), sent, refused by the centre, or a conflict for you to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="226"/>
        <source>A conflict: the centre changed the same incident meanwhile. Apply this station&apos;s entry anyway, or discard it. Nothing is dropped unasked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="230"/>
        <source>Apply anyway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_outbox.py" line="231"/>
        <source>Discard…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationPresenter</name>
    <message>
        <location filename="../../console/presenters/station.py" line="118"/>
        <source>Station</source>
        <translation type="unfinished">Station</translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="244"/>
        <source>Could not read this station&apos;s outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="254"/>
        <source>Raising the alarm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="269"/>
        <source>The alarm could not be raised from this PC. {call}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="277"/>
        <source>Phone the centre now: {phone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="278"/>
        <source>Phone the centre now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="288"/>
        <source>The control room has the alarm ({ref}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="298"/>
        <source>No link to the centre: the alarm waits here and is also sent through the alarm panel. {call}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="303"/>
        <source>Sending the alarm to the control room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="306"/>
        <source>The centre did not take the alarm. {call}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="326"/>
        <source>Residents cannot be looked up now ({why}). Type the caller&apos;s name and phone instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="359"/>
        <source>The resident&apos;s contacts cannot be read now ({why}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="370"/>
        <source>Add a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="419"/>
        <source>The request is kept here and sent to the centre as soon as it can be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="427"/>
        <source>The request was not kept: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="448"/>
        <source>Apply anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="450"/>
        <source>Apply &quot;{summary}&quot; although the centre changed the incident meanwhile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="453"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="455"/>
        <source>Discard &quot;{summary}&quot;? It will not reach the centre; the decision is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station.py" line="462"/>
        <source>The decision was not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationQueueWidget</name>
    <message>
        <location filename="../../widgets/station_screen.py" line="161"/>
        <source>Nothing open in this community.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationScreen</name>
    <message>
        <location filename="../../widgets/station_screen.py" line="267"/>
        <source>New request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="270"/>
        <source>Outbox ({n} waiting, {c} to decide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="272"/>
        <source>Outbox ({n} waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="274"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="280"/>
        <source>Station of {community}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="282"/>
        <source>Community station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_screen.py" line="284"/>
        <source>Open in this community</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationSurveysPresenter</name>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="106"/>
        <source>Loading the survey rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="121"/>
        <source>Surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="133"/>
        <source>A kiosk is running already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="140"/>
        <source>This round&apos;s form cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="161"/>
        <source>The kiosk runs for round {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="181"/>
        <source>The kiosk was left: {n} responses taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="207"/>
        <source>This PC has no key folder, so it cannot sign slips. Ask the administrator for the site&apos;s key folder (--keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="213"/>
        <source>Save the slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="259"/>
        <source>Everyone of this community has answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="262"/>
        <source>{n} slips saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/station_surveys.py" line="264"/>
        <source>Preparing the slips</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationSurveysWidget</name>
    <message>
        <location filename="../../widgets/station_surveys.py" line="156"/>
        <source>The PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="160"/>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="190"/>
        <source>{answered} of {frame} answered here · until {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="194"/>
        <source>anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="199"/>
        <source>Open survey rounds of this community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="200"/>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="203"/>
        <source>No survey round is open for this community today. Rounds are created at the control room (Surveys pane).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="207"/>
        <source>Kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="210"/>
        <source>Residents answer on this screen by themselves, each question read aloud. Choose a PIN: the kiosk is left only with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="214"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="215"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="216"/>
        <source>Start the kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="217"/>
        <source>Slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="218"/>
        <source>How many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="219"/>
        <source>For residents who have not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="220"/>
        <source>Save slips as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_surveys.py" line="223"/>
        <source>Each slip is valid once. Named slips make sure a resident answers once; slips without a name are for residents met by chance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationToday</name>
    <message>
        <location filename="../../widgets/station_today.py" line="35"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="36"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="37"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="46"/>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="47"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="48"/>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="59"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="65"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="66"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="71"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="77"/>
        <source>Deliverer / volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="78"/>
        <source>(nobody yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="83"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="89"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="166"/>
        <source>Today in this community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="167"/>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="170"/>
        <source>Nothing today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/station_today.py" line="171"/>
        <source>Deliveries, volunteers&apos; visits and tasks of this community show here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <location filename="../../widgets/stations_panel.py" line="39"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="48"/>
        <source>Station</source>
        <translation type="unfinished">Station</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="54"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="60"/>
        <source>Last seen</source>
        <translation type="unfinished">Last seen</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="66"/>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="72"/>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="89"/>
        <source>Online</source>
        <translation type="unfinished">Online</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="91"/>
        <source>Never heard from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="92"/>
        <source>Offline since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="102"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="105"/>
        <source>{h} h {m:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="107"/>
        <source>{m} min</source>
        <translation type="unfinished">{m} min</translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="109"/>
        <source>{d} fast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="109"/>
        <source>{d} slow</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationsPanel</name>
    <message>
        <location filename="../../widgets/stations_panel.py" line="170"/>
        <source>No station has reported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="173"/>
        <source>{down} of {n} stations offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/stations_panel.py" line="176"/>
        <source>All {n} stations online.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationsPresenter</name>
    <message>
        <location filename="../../console/presenters/stations.py" line="47"/>
        <source>Stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/stations.py" line="85"/>
        <source>Could not read the stations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyCommentsWidget</name>
    <message>
        <location filename="../../widgets/survey_comments.py" line="126"/>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="127"/>
        <source>Choose a round in Rounds to read its comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="131"/>
        <source>Comments of round {code}: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="136"/>
        <source>Comments of round {code}: {shown} of {n} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="140"/>
        <source>Nobody has written a comment in this round yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="143"/>
        <source>Search the comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="144"/>
        <source>Feedback ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_comments.py" line="146"/>
        <source>File the selected comment as a feedback ticket, to be answered (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyEntryDialog</name>
    <message>
        <location filename="../../widgets/survey_entry.py" line="399"/>
        <source>Choose a round first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="407"/>
        <source>Find the person, or choose the community of an unnamed paper form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="433"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="499"/>
        <source>Phone survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="499"/>
        <source>Enter a paper response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="501"/>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="468"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="252"/>
        <source>Discard the answers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="253"/>
        <source>The answers given on this form have not been submitted. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="254"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="255"/>
        <source>Keep entering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="405"/>
        <source>Find the business, or choose the community of an unnamed form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="465"/>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="466"/>
        <source>Business code or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="470"/>
        <source>Slip code, resident number, phone or identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="503"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="504"/>
        <source>Community (unnamed form)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="505"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="506"/>
        <source>Helped by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="507"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="508"/>
        <source>Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="509"/>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="510"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="515"/>
        <source>By the person (self)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="516"/>
        <source>With a worker&apos;s help (staff)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="517"/>
        <source>By a family member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_entry.py" line="518"/>
        <source>By phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyExport</name>
    <message>
        <location filename="../../console/survey_export.py" line="52"/>
        <source>Survey results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="53"/>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="54"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="55"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="56"/>
        <source>Breakdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="57"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="58"/>
        <source>Self-answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="59"/>
        <source>Assisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="60"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="61"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="62"/>
        <source>95 % low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="63"/>
        <source>95 % high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="64"/>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="65"/>
        <source>Overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="66"/>
        <source>Participation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="67"/>
        <source>CSAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="68"/>
        <source>NPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="69"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="70"/>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="71"/>
        <source>Care flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="72"/>
        <source>Care needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="73"/>
        <source>No care flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="74"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="75"/>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="76"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="77"/>
        <source>Sampling frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="78"/>
        <source>Complete responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="79"/>
        <source>Partial responses (not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="80"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="81"/>
        <source>Responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="82"/>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="83"/>
        <source>Helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="84"/>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="85"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="86"/>
        <source>Self-answered: self or kiosk without help; assisted: staff, phone, family or with help. Cells with fewer than 5 answers are shown as &lt;5, and so is a second cell wherever the hidden one could be worked out from a total. Intervals: Wilson 95 % for CSAT and participation, normal approximation for NPS. Only complete responses count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="431"/>
        <source>{who} · {when} · {ws} · page {page}/{pages} · {notice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_export.py" line="434"/>
        <source>Aggregate figures; small cells suppressed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyResultsPresenter</name>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="81"/>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="103"/>
        <source>Could not read the communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="149"/>
        <source>Could not compute the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="175"/>
        <source>Export the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="199"/>
        <source>survey results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="209"/>
        <source>Results saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/survey_results.py" line="212"/>
        <source>Could not export the results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyResultsWidget</name>
    <message>
        <location filename="../../widgets/survey_results.py" line="197"/>
        <source>No round chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="198"/>
        <source>Choose a survey round on the Rounds tab to see its results here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="203"/>
        <source>No responses yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="205"/>
        <source>Nobody has answered this round yet. Figures appear with the first complete response; groups with fewer than 5 answers stay hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="213"/>
        <source>Self-answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="214"/>
        <source>Assisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="215"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="220"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="221"/>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="222"/>
        <source>Care flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="229"/>
        <source>Care needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="229"/>
        <source>No care flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="231"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="236"/>
        <source>no answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="242"/>
        <source>Fewer than 5 answers here, or a cell that would reveal one that small: hidden so nobody can be singled out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="246"/>
        <source>{k} of {n}; 95 % interval (Wilson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="248"/>
        <source>{n} answers: {p} promoters, {d} detractors; 95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="261"/>
        <location filename="../../widgets/survey_results.py" line="302"/>
        <source>Participation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="267"/>
        <source>Satisfaction (CSAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="268"/>
        <source>Net promoter score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="272"/>
        <source>no such question in this form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="281"/>
        <source>Complete responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="283"/>
        <source>self {s} · assisted {a} · partial {p} (not counted) · frame {f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="304"/>
        <source>CSAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="304"/>
        <source>NPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="331"/>
        <source>Breakdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="331"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="337"/>
        <source>Overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="396"/>
        <source>No CSAT question in this form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="400"/>
        <source>CSAT by community, % with 95 % interval: {q}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="424"/>
        <source>Answers per option (hidden below {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="450"/>
        <source>Recompute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="451"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="452"/>
        <source>Export Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="453"/>
        <source>PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/survey_results.py" line="456"/>
        <source>Self-answered: self or kiosk without help. Assisted: staff, phone, family or with help. &lt;5: fewer than 5 answers, or a cell that would reveal one. Only complete responses count.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveySlips</name>
    <message>
        <location filename="../../console/survey_slips.py" line="44"/>
        <source>Scan this code at the survey kiosk, or hand the slip to a worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_slips.py" line="47"/>
        <source>Valid once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/survey_slips.py" line="48"/>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveysPresenter</name>
    <message>
        <location filename="../../console/presenters/surveys.py" line="93"/>
        <location filename="../../console/presenters/surveys.py" line="515"/>
        <source>Surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="184"/>
        <source>Could not load the surveys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="215"/>
        <source>Could not open the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="220"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="221"/>
        <source>Drop the changes to the form in the editor? They were not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="236"/>
        <source>Could not save the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="243"/>
        <source>Form {code} saved as the new draft version {v}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="245"/>
        <source>Form {code} version {v} saved as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="257"/>
        <location filename="../../console/presenters/surveys.py" line="269"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="258"/>
        <source>Version {v} of {code} is published already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="271"/>
        <source>Publish {code} version {v}? A published version is frozen: it can no longer be changed, and every later change is saved as a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="279"/>
        <source>Publishing refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="280"/>
        <source>{code} cannot be published until these are put right:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="298"/>
        <source>Could not publish the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="304"/>
        <source>Form {code} version {v} is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="320"/>
        <source>Could not load the published forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="381"/>
        <source>Round {code} created: {n} businesses drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="383"/>
        <source>Round {code} created: {n} people drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="390"/>
        <source>A round with this code exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="394"/>
        <source>Could not create the round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="409"/>
        <source>Could not close the round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="414"/>
        <source>Close round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="416"/>
        <source>Close round {code}? No more responses are taken for it, from any station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="450"/>
        <source>Could not load the call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="506"/>
        <source>Could not load the open rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="515"/>
        <source>No open round to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="558"/>
        <source>Nobody found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="562"/>
        <source>{n} people found: type the number, phone or identity number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="567"/>
        <source>Could not find the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="586"/>
        <source>No business found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="589"/>
        <source>{n} businesses found: type more of the name, or the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="598"/>
        <source>Could not find the business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="619"/>
        <source>The slip&apos;s person is not one you may see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="621"/>
        <source>Slip {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="626"/>
        <source>unnamed: choose the community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="639"/>
        <source>This is not a survey slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="640"/>
        <source>The slip is damaged: scan it again or type the whole code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="641"/>
        <source>The slip was altered or was not printed by this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="642"/>
        <source>The slip is for another round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="645"/>
        <source>Slips cannot be checked here: this workstation has no site keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="667"/>
        <source>Sign in again to submit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="698"/>
        <source>Not kept: this round discards unfinished responses (the person may still answer later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="704"/>
        <source>Taken already: this entry was sent before and counts once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="706"/>
        <source>Response taken (round {round}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="708"/>
        <source>Partial response kept (round {round}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="714"/>
        <source>Refused: business {business} has already answered round {round}. A second response is not taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="719"/>
        <source>Refused: this person has already answered round {round}. A second response is not taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="723"/>
        <source>Refused: the answers do not fit the form: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="727"/>
        <source>Refused: the round is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="738"/>
        <source>Nobody left to call in round {round}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="782"/>
        <source>The number stays masked for your role: Dial rings it on this workstation&apos;s line (recorded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="789"/>
        <source>Revealing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="790"/>
        <location filename="../../console/presenters/surveys.py" line="832"/>
        <source>Survey call, round {round}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="802"/>
        <source>Could not open the phone survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="768"/>
        <location filename="../../console/presenters/surveys.py" line="811"/>
        <source>No phone line here: dial the number by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="816"/>
        <source>Your role sees this number masked: a supervisor or the station calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="823"/>
        <source>The number is not shown: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="842"/>
        <source>Calling {number}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="844"/>
        <source>The call could not be placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/surveys.py" line="847"/>
        <source>The call could not be placed: dial {number} by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveysWidget</name>
    <message>
        <location filename="../../widgets/surveys.py" line="49"/>
        <location filename="../../widgets/surveys.py" line="61"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/surveys.py" line="59"/>
        <source>Forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/surveys.py" line="60"/>
        <source>Rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/surveys.py" line="65"/>
        <source>Results of a round are shown here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="243"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="244"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="245"/>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="246"/>
        <source>Replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="252"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="253"/>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="254"/>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="259"/>
        <source>Tag {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="261"/>
        <source>Tag: {code}
Kind: {kind}
Owner: {label}
State: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="268"/>
        <source>Replace (lost or broken tag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="269"/>
        <source>&amp;New tag code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="270"/>
        <source>the new tag&apos;s code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="271"/>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="272"/>
        <source>Re&amp;turn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="273"/>
        <source>&amp;Lost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="274"/>
        <source>Care profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="275"/>
        <source>Safe &amp;zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="277"/>
        <source>zone codes, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="278"/>
        <source>&amp;Dwell before alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="280"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="281"/>
        <source>No-read &amp;hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="283"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="284"/>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tag_dialog.py" line="285"/>
        <source>&amp;Save profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="502"/>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="511"/>
        <source>No resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="520"/>
        <source>Assign later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="531"/>
        <source>From incident No. {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="533"/>
        <source>From order No. {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="535"/>
        <source>From request No. {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="538"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="539"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="540"/>
        <source>Title</source>
        <translation type="unfinished">Title</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="541"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="543"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="544"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="545"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="550"/>
        <source>Type what is to be done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="715"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="718"/>
        <source>Kind</source>
        <translation type="unfinished">Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="719"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="720"/>
        <source>Resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="721"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="722"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="723"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="724"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="324"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="331"/>
        <source>No leader yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="336"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="337"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="338"/>
        <source>Leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="343"/>
        <source>Type the team&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="444"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="447"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="450"/>
        <source>Leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="453"/>
        <source>Leader&apos;s account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="456"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="459"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketStepDialog</name>
    <message>
        <location filename="../../widgets/feedback.py" line="226"/>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="237"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="239"/>
        <location filename="../../widgets/feedback.py" line="265"/>
        <source>The resident&apos;s rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="241"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="243"/>
        <source>What the resident was told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="244"/>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="245"/>
        <source>Why it is reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="246"/>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="263"/>
        <source>Reply to the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="264"/>
        <source>Resolve the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="266"/>
        <source>Reopen the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="267"/>
        <source>Give to another department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="275"/>
        <source>5 · very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="276"/>
        <source>4 · satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="277"/>
        <source>3 · neither</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="278"/>
        <source>2 · dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="279"/>
        <source>1 · very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <location filename="../../widgets/feedback.py" line="84"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="85"/>
        <source>State</source>
        <translation type="unfinished">State</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="88"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="94"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="98"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="103"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="108"/>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="111"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="112"/>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="123"/>
        <source>{d} d {h} h</source>
        <translation type="unfinished">{d} d {h} h</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="125"/>
        <source>{h} h {m:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="126"/>
        <source>{m} min</source>
        <translation type="unfinished">{m} min</translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="133"/>
        <source>Rated {n}/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="137"/>
        <source>{what}: overdue {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/feedback.py" line="140"/>
        <source>{what}: {span} left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimebankWidget</name>
    <message>
        <location filename="../../widgets/timebank.py" line="301"/>
        <source>Deposit approved hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="302"/>
        <source>Give to a relative…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="303"/>
        <source>Spend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="300"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="318"/>
        <source>{holder}: {hours} hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../widgets/timeline.py" line="312"/>
        <source>No recordings in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="364"/>
        <source>10 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="366"/>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="368"/>
        <source>6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="370"/>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="615"/>
        <source>Recorded {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="628"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="645"/>
        <source>Motion {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="663"/>
        <source>Bookmark {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="685"/>
        <source>Incident {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="755"/>
        <source>Not recorded: camera offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="757"/>
        <source>Not recorded: disk full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="759"/>
        <source>Not recorded: recorder not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeline.py" line="760"/>
        <source>Not recorded: recording error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackingMap</name>
    <message>
        <location filename="../../widgets/tracking_map.py" line="100"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="101"/>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="102"/>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="110"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="111"/>
        <source>Alarm</source>
        <translation type="unfinished">Alarm</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="112"/>
        <source>Offline</source>
        <translation type="unfinished">Offline</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="113"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackingMapWidget</name>
    <message>
        <location filename="../../widgets/tracking_map.py" line="624"/>
        <source>The plan image {path} is not a readable PNG or JPEG image; the map is drawn without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="628"/>
        <source>The plan image {path} was not found; the map is drawn without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="965"/>
        <source>Tag: {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="966"/>
        <source>Community: {community}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="967"/>
        <source>Zone: {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="968"/>
        <source>Last seen: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="971"/>
        <source>Care: {care}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1013"/>
        <source>Address: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1024"/>
        <source>Emergency contact: {contact}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1028"/>
        <source>lives alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1029"/>
        <source>dementia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1030"/>
        <source>disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1031"/>
        <source>chronic illness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1036"/>
        <source>Care flags: {flags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1038"/>
        <source>Care flags: needs care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1072"/>
        <source>Nothing found for “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1080"/>
        <source>{n} found; showing {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1131"/>
        <source>No positions in this time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1276"/>
        <source>People {people:,} · Vehicles {vehicles:,} · Alarms {alarms:,} · Offline {offline:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1279"/>
        <source>Assets {assets:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1281"/>
        <source>updated {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1297"/>
        <source>Name, plate or tag id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1298"/>
        <source>Last hour&apos;s trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1299"/>
        <source>Resident card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1300"/>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1301"/>
        <source>Replace, return or edit this tag (Ctrl+Alt+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1302"/>
        <source>Issue tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1303"/>
        <source>No photo on file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1304"/>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1305"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1306"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1307"/>
        <source>Replay speed (+ / -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1308"/>
        <source>Replay time (Left / Right: previous / next position)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1310"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1311"/>
        <source>Vehicle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1312"/>
        <source>Asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1313"/>
        <source>Alarm</source>
        <translation type="unfinished">Alarm</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1314"/>
        <source>Offline</source>
        <translation type="unfinished">Offline</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1315"/>
        <source>Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1316"/>
        <source>Camera</source>
        <translation type="unfinished">Camera</translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1317"/>
        <source>Group (count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1328"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1328"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1330"/>
        <source>Play / pause the replay (Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackingPresenter</name>
    <message>
        <location filename="../../console/presenters/tracking.py" line="128"/>
        <source>Map</source>
        <translation type="unfinished">Map</translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="150"/>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="160"/>
        <source>Cameras near the selected tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="172"/>
        <source>Plan image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="191"/>
        <source>Select a tag on the map first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="194"/>
        <source>The site file names no cameras.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="207"/>
        <source>Could not load the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="245"/>
        <location filename="../../console/presenters/tracking.py" line="262"/>
        <source>Could not load the tag positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="281"/>
        <source>Tracking is not connected on this console: readers, zones and communities are shown, tag positions are not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="286"/>
        <source>No tags tracked yet: register tags to residents and vehicles, and connect the readers listed in the site file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="332"/>
        <source>Could not search the tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="361"/>
        <source>Could not open the tag&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="379"/>
        <source>The replay&apos;s end must be after its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="432"/>
        <source>Could not load the trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="524"/>
        <source>Could not read the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="558"/>
        <location filename="../../console/presenters/tracking.py" line="586"/>
        <source>The tag could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="559"/>
        <source>Could not change the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="569"/>
        <source>This resident has no tracking consent in force. Record the consent on the resident&apos;s card first (the person&apos;s, or a guardian&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="573"/>
        <source>You are not allowed to manage tags for this resident&apos;s community.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="576"/>
        <source>That is not a valid tag code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="577"/>
        <source>This tag code is already registered to another tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="578"/>
        <source>Choose whether the tag is for a person or a vehicle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="579"/>
        <source>Choose the resident the tag is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="580"/>
        <source>A vehicle&apos;s tag needs its plate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="581"/>
        <source>This tag is no longer issued: it was returned or replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="582"/>
        <source>The safe zones are not valid zone codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="583"/>
        <source>The dwell time is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="584"/>
        <source>The no-read hours are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="588"/>
        <source>That tag or resident was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="601"/>
        <source>Replaced: tag {code} is now issued in its place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="613"/>
        <source>Tag lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="614"/>
        <source>Mark tag {code} as lost? It will no longer be tracked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="616"/>
        <source>Return tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="617"/>
        <source>Take tag {code} back? It will no longer be tracked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="631"/>
        <source>Lost: the tag is no longer tracked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="633"/>
        <source>Returned: the tag is no longer tracked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="649"/>
        <source>Care profile saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="663"/>
        <source>Could not search the residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/tracking.py" line="674"/>
        <source>Tag {code} issued.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrailReasonDialog</name>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1412"/>
        <source>Why look at this trail?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1416"/>
        <source>Where {label} was from {since} to {until}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1422"/>
        <source>Whereabouts are personal data: the reason, your name and the time are recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1426"/>
        <source>Reason, e.g. the family reported her missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/tracking_map.py" line="1427"/>
        <source>or the incident number it is for</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="329"/>
        <source>Training of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="332"/>
        <source>Completed today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="339"/>
        <source>Already completed, on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="346"/>
        <source>Courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="348"/>
        <source>New course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="349"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="350"/>
        <source>Skill it gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="352"/>
        <source>Add course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="362"/>
        <source>completed {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="364"/>
        <source>under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/employment_dialogs.py" line="372"/>
        <source>No training recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="52"/>
        <source>Transfer the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="54"/>
        <source>Transfer {caller} to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="70"/>
        <source>or type a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/call_dialogs.py" line="87"/>
        <source>Choose where to transfer the call, or type a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="132"/>
        <source>Give minutes to an elder relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="143"/>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="144"/>
        <source>Parent-in-law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="145"/>
        <source>Grandparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="146"/>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="147"/>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="152"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="157"/>
        <source>Minutes go only to a relative aged {age} or more, registered as a resident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="164"/>
        <source>From the volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="165"/>
        <source>To the resident No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="166"/>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="167"/>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timebank.py" line="168"/>
        <source>Note</source>
        <translation type="unfinished">Note</translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message>
        <location filename="../../console/presenters/notifications.py" line="32"/>
        <source>{n} new</source>
        <translation type="unfinished">{n} new</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../widgets/video_wall.py" line="580"/>
        <source>Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="586"/>
        <source>Restore the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="586"/>
        <source>Maximise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="591"/>
        <source>Clear tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="595"/>
        <source>Instant replay (last 30 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="601"/>
        <source>Back to live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="602"/>
        <source>Pause / play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="604"/>
        <source>PTZ presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="607"/>
        <source>Preset {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="615"/>
        <source>Edit motion mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="621"/>
        <source>Motion sensitivity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="627"/>
        <source>Full screen</source>
        <translation type="unfinished">Full screen</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1256"/>
        <source>Reconnecting (attempt {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1259"/>
        <location filename="../../widgets/video_wall.py" line="1273"/>
        <source>Offline</source>
        <translation type="unfinished">Offline</translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1261"/>
        <source>Offline since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1264"/>
        <source>Error (point at the tile for details)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1269"/>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1270"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1271"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1272"/>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1274"/>
        <source>No signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1275"/>
        <source>Wrong credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1276"/>
        <source>Unsupported stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1277"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1278"/>
        <source>Keyframes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1279"/>
        <source>Drag a camera here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1281"/>
        <source>Drag rectangles or click points to mask out motion. Enter saves, Esc cancels, Backspace undoes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/video_wall.py" line="1288"/>
        <source>1-9 select a tile, arrows move, Enter maximises, Delete clears, Ctrl+S snapshot, F11 full screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoWallPresenter</name>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="169"/>
        <location filename="../../console/presenters/video_wall.py" line="725"/>
        <source>Video wall</source>
        <translation type="unfinished">Video wall</translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="195"/>
        <source>Cameras of the incident on the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="283"/>
        <source>Could not load the wall views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="384"/>
        <source>asking the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="583"/>
        <source>The incident names no camera of this site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="596"/>
        <source>{n} more cameras did not fit: {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="609"/>
        <location filename="../../console/presenters/video_wall.py" line="889"/>
        <source>Select an incident in the queue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="616"/>
        <source>Could not find the incident&apos;s cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="653"/>
        <source>Could not save the wall view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="658"/>
        <source>Wall view “{name}” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="672"/>
        <source>Could not delete the wall view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="771"/>
        <source>No recording of {camera} in the last 30 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="789"/>
        <source>Could not find the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="827"/>
        <source>Replay caught up: live again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="854"/>
        <source>No picture on this tile to take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="877"/>
        <source>Snapshot saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="879"/>
        <source>Could not save the snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="900"/>
        <source>Snapshot of {camera} attached to incident {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="905"/>
        <source>Could not attach the snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="910"/>
        <source>Snapshot to the selected incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="914"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="974"/>
        <source>PTZ of {camera}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="993"/>
        <source>This camera has no preset {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="1013"/>
        <source>Could not load the camera&apos;s motion settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="1049"/>
        <source>Motion settings of {camera} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/video_wall.py" line="1056"/>
        <source>Could not save the motion settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitCard</name>
    <message>
        <location filename="../../console/visit_card.py" line="33"/>
        <source>Volunteer visit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/visit_card.py" line="34"/>
        <source>Volunteer: scan this code on arrival and when leaving, and give the text with your volunteer number to the station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/visit_card.py" line="39"/>
        <source>Valid only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitCardDialog</name>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="340"/>
        <source>Visit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="355"/>
        <source>Resident No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="356"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="357"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteer_hours.py" line="358"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteerCertificate</name>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="20"/>
        <source>Certificate of Volunteer Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="23"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="24"/>
        <source>This is to certify that {name} (identity number {id}) took part in volunteer service from {first} to {last}, for {hours} hours of service in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="29"/>
        <source>Service content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="30"/>
        <source>Service hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="31"/>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="32"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="33"/>
        <source>Date of issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="34"/>
        <source>(seal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="35"/>
        <source>Issued from the volunteer service records under the Measures for Volunteer Service Records and Certificates (MCA Order 67). The hours are service time confirmed and approved, travel excluded. Verify the number with the issuer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="41"/>
        <source>WITHDRAWN: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/volunteer_certificate.py" line="42"/>
        <source>Display copy: the identity number is masked; not valid as a certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="136"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="136"/>
        <source>New volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="143"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="144"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="152"/>
        <source>Comma-separated, e.g. 读报, 理发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="159"/>
        <source>Active</source>
        <translation type="unfinished">Active</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="163"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="164"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="165"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="166"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="167"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="168"/>
        <source>Identity No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="169"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="170"/>
        <source>Insurance policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="171"/>
        <source>Insured until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="172"/>
        <source>Usually free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="181"/>
        <source>Type the volunteer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="183"/>
        <source>Type the identity number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_dialogs.py" line="185"/>
        <source>The identity number is not valid (check the digits).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteerTexts</name>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="24"/>
        <source>New volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="27"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="30"/>
        <source>Show identity No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="33"/>
        <source>Photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="36"/>
        <source>Qualification…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="39"/>
        <source>New team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="42"/>
        <source>Add member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="45"/>
        <source>Remove member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="48"/>
        <source>New shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="51"/>
        <source>Sign up a volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="54"/>
        <source>Cancel shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="57"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="60"/>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="63"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="66"/>
        <source>New pairing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="69"/>
        <source>End pairing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="72"/>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="75"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="78"/>
        <location filename="../../widgets/volunteers_text.py" line="311"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="81"/>
        <source>Cancel task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="85"/>
        <source>All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="88"/>
        <source>Name or volunteer No. (Alt+S, Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="91"/>
        <source>Select a volunteer to see the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="94"/>
        <source>Select a shift to see its sign-ups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="97"/>
        <source>Sign-ups: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="100"/>
        <source>Photo hidden (personal data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="103"/>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="106"/>
        <source>First {n} shown — narrow the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="110"/>
        <source>Only the first {n} residents are listed (those living alone first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="114"/>
        <source>Select a row with a volunteer to show the resident who will come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="117"/>
        <source>Show this to the resident: {name} will come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="120"/>
        <source>Street-wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="123"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="123"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="126"/>
        <source> (expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="129"/>
        <source>Active</source>
        <translation type="unfinished">Active</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="129"/>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="133"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="136"/>
        <source>Expired {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="137"/>
        <source>Until {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="142"/>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="148"/>
        <source>Identity No.: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="149"/>
        <source>Phone: {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="150"/>
        <source>Skills: {s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="151"/>
        <source>Qualifications: {q}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="152"/>
        <source>Insurance: {i}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="155"/>
        <source>Teams: {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="161"/>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="162"/>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="163"/>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="164"/>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="165"/>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="166"/>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="167"/>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="171"/>
        <source>Morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="171"/>
        <source>Afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="171"/>
        <source>Evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="180"/>
        <location filename="../../widgets/volunteers_text.py" line="312"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="183"/>
        <source>(+{n} pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="185"/>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="191"/>
        <source>needs {q}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="193"/>
        <source>age {n}+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="196"/>
        <source>sign up by {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="203"/>
        <source>Instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="203"/>
        <source>Needs confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="207"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="208"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="209"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="210"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="216"/>
        <source>The shift is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="217"/>
        <source>The volunteer is under the shift&apos;s minimum age.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="219"/>
        <source>The volunteer lacks the qualification the shift requires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="222"/>
        <source>The volunteer&apos;s qualification that the shift requires has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="224"/>
        <source>The sign-up deadline has passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="226"/>
        <source>The volunteer is already signed up for another shift at that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="228"/>
        <source>The shift was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="229"/>
        <source>The shift has already started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="230"/>
        <location filename="../../widgets/volunteers_text.py" line="274"/>
        <source>The volunteer is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="231"/>
        <source>The volunteer is already signed up for this shift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="232"/>
        <source>The volunteer belongs to another community.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="240"/>
        <source>This identity number is already registered as volunteer No. {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="243"/>
        <source>The identity number is not valid (check the digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="246"/>
        <source>{n} volunteers already hold a place: the capacity cannot be lower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="249"/>
        <source>The photo is too large (at most 256 KiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="252"/>
        <source>The new times would overlap another shift of: {names}. Withdraw them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="256"/>
        <source>The incident belongs to another community than the task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="260"/>
        <source>The incident has no community: only a street-wide user can make it a task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="263"/>
        <source>The order belongs to another community than the task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="266"/>
        <source>The photo must be a JPEG or PNG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="269"/>
        <source>This volunteer already visits this resident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="272"/>
        <source>The resident lives in another community than the volunteer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="276"/>
        <source>Assign the task to a volunteer before marking it done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="279"/>
        <source>The volunteer belongs to another community than the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="282"/>
        <source>The volunteer belongs to another community than the task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="290"/>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="291"/>
        <source>Fortnightly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="292"/>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="301"/>
        <source>Welfare check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="302"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="303"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="304"/>
        <source>Station request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="309"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="310"/>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="317"/>
        <source>Incident No. {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="319"/>
        <source>Order No. {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="321"/>
        <source>Request No. {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="326"/>
        <source>visits this resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="327"/>
        <source>usually free now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="328"/>
        <source>same community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="333"/>
        <source>No volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="337"/>
        <source>No volunteer matches. Press Ins to register one, or clear the search (Alt+S).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="341"/>
        <source>No teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="344"/>
        <source>Press Ins to form a team and name its leader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="347"/>
        <source>No shifts ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="350"/>
        <source>No shift in the next four weeks. Press Ins to plan one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="353"/>
        <source>No pairings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="357"/>
        <source>Pair a volunteer with a resident for regular visits: press Ins. Residents living alone are listed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="362"/>
        <source>No open tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers_text.py" line="366"/>
        <source>Tasks come from incidents (welfare checks), deliveries and requests at a station. Press Ins to add one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteersModel</name>
    <message>
        <location filename="../../widgets/volunteers.py" line="189"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="190"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="191"/>
        <source>Community</source>
        <translation type="unfinished">Community</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="192"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="193"/>
        <source>Phone</source>
        <translation type="unfinished">Phone</translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="194"/>
        <source>Identity No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="195"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="198"/>
        <source>Qualifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="203"/>
        <source>Insurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="204"/>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/volunteers.py" line="205"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteersPresenter</name>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="92"/>
        <location filename="../../console/presenters/volunteers.py" line="105"/>
        <source>Volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="106"/>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="107"/>
        <source>Shifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="108"/>
        <source>Pairings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="109"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="115"/>
        <source>Volunteer task from the incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="127"/>
        <source>Volunteer task from the request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="188"/>
        <source>Could not read the communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="231"/>
        <location filename="../../console/presenters/volunteers.py" line="858"/>
        <source>Could not read the volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="266"/>
        <source>Sign-up refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="312"/>
        <source>Could not read the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="340"/>
        <source>Could not read the volunteer&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="362"/>
        <source>Could not save the volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="363"/>
        <source>Volunteer saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="373"/>
        <source>Edit the volunteer&apos;s profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="397"/>
        <source>Could not open the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="406"/>
        <source>Show the identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="411"/>
        <source>Identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="412"/>
        <source>Identity No.: {n}
Birth date: {d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="420"/>
        <source>Could not show the identity number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="427"/>
        <source>Choose the volunteer&apos;s photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="429"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="447"/>
        <source>Could not store the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="447"/>
        <source>Photo stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="460"/>
        <source>Could not save the qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="461"/>
        <source>Qualification saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="495"/>
        <source>Could not save the team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="496"/>
        <source>Team saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="508"/>
        <source>Add a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="508"/>
        <location filename="../../console/presenters/volunteers.py" line="524"/>
        <location filename="../../console/presenters/volunteers.py" line="586"/>
        <location filename="../../console/presenters/volunteers.py" line="843"/>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="514"/>
        <source>Could not add the member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="524"/>
        <source>Remove a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="531"/>
        <source>Could not remove the member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="559"/>
        <source>Could not save the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="560"/>
        <source>Shift saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="576"/>
        <source>Could not read the sign-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="585"/>
        <source>Sign up for {t}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="598"/>
        <source>Signed up; waiting for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="600"/>
        <source>Signed up and confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="608"/>
        <source>Could not sign up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="621"/>
        <source>Could not decide the sign-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="630"/>
        <source>Withdraw the sign-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="631"/>
        <source>Withdraw this sign-up? The place becomes free for others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="633"/>
        <source>Could not withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="644"/>
        <source>Cancel the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="646"/>
        <source>Cancel the shift {t}? {n} volunteers hold a place; tell them. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="650"/>
        <source>Could not cancel the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="674"/>
        <source>Could not pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="675"/>
        <source>Pairing saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="684"/>
        <source>Could not read the residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="694"/>
        <source>End the pairing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="695"/>
        <source>End the regular visits of {v} to {r}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="699"/>
        <source>Could not end the pairing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="712"/>
        <source>Select the incident in the queue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="727"/>
        <source>Could not read the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="733"/>
        <source>Select the request in the Feedback pane first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="748"/>
        <source>Could not read the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="761"/>
        <source>Could not read the resident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="775"/>
        <source>Could not read the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="805"/>
        <source>Could not prepare the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="826"/>
        <source>Could not create the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="827"/>
        <source>Task created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="843"/>
        <source>Assign the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="849"/>
        <source>Could not assign the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="850"/>
        <source>Task assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="867"/>
        <source>Mark the task done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="867"/>
        <source>Cancel the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="869"/>
        <source>Mark “{t}” done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="869"/>
        <source>Cancel “{t}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/presenters/volunteers.py" line="876"/>
        <source>Could not update the task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallToolbar</name>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="212"/>
        <source>Save wall view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="212"/>
        <source>Name of the view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="222"/>
        <source>Delete the saved view “{name}”? The cameras are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="223"/>
        <source>Delete wall view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="255"/>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="257"/>
        <source>One camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="258"/>
        <source>2 × 2 cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="259"/>
        <source>3 × 3 cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="260"/>
        <source>4 × 4 cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="261"/>
        <source>5 × 5 cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="262"/>
        <source>One large and 5 small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="263"/>
        <source>One large and 7 small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="268"/>
        <source>&amp;View</source>
        <translation type="unfinished">&amp;View</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="269"/>
        <source>(unsaved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="270"/>
        <source>Saved wall views: yours and the shared ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="271"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="272"/>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="273"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="274"/>
        <source>&amp;Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="275"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="276"/>
        <source>How long each page of a tour stays on the wall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="277"/>
        <source>Full screen</source>
        <translation type="unfinished">Full screen</translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="278"/>
        <source>Show the wall full screen (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="282"/>
        <source>Stop tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="282"/>
        <source>Start tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/wall_toolbar.py" line="284"/>
        <source>Cycle the cameras through the wall (a group: right-click it in the tree)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowsModel</name>
    <message>
        <location filename="../../widgets/order_windows.py" line="42"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="46"/>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="48"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="49"/>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="52"/>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/order_windows.py" line="53"/>
        <source>full</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
