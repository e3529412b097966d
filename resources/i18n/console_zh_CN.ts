<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Sanwang Console</source>
        <translation>三网融合指挥台</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序错误</translation>
    </message>
    <message>
        <source>The program ran into an error it did not expect.</source>
        <translation>程序遇到了一个意外错误。</translation>
    </message>
    <message>
        <source>The details were written to %1.</source>
        <translation>详细信息已写入 %1。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>DemoProgressDialog</name>
    <message>
        <source>Sanwang Console</source>
        <translation>三网融合指挥台</translation>
    </message>
    <message>
        <source>Creating the demo street for the first start…</source>
        <translation>首次启动，正在生成演示街道数据…</translation>
    </message>
    <message>
        <source>Creating the demo street for the first start…
%1</source>
        <translation>首次启动，正在生成演示街道数据…
%1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Grid inspector</source>
        <translation>监督员/网格员</translation>
    </message>
    <message>
        <source>Intake clerk</source>
        <translation>受理员</translation>
    </message>
    <message>
        <source>Shift leader</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>派遣员</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>To verify</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>To open</source>
        <translation>待立案</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>不予立案</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <source>In handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>挂账</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>To close</source>
        <translation>待结案</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Merged into another case</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Enforcement turnout (person-times)</source>
        <translation>执法出动（人次）</translation>
    </message>
    <message>
        <source>Unlicensed businesses banned</source>
        <translation>取缔无照经营（起）</translation>
    </message>
    <message>
        <source>Illegal vehicles seized</source>
        <translation>暂扣违法车辆（辆）</translation>
    </message>
    <message>
        <source>Frontage-duty corrections</source>
        <translation>门前三包整改（处）</translation>
    </message>
    <message>
        <source>Illegal signboards removed</source>
        <translation>拆除违规牌匾（块）</translation>
    </message>
    <message>
        <source>Illegal construction demolished (m²)</source>
        <translation>拆除违法建设（平方米）</translation>
    </message>
    <message>
        <source>Safety hazards checked</source>
        <translation>排查安全隐患（处）</translation>
    </message>
    <message>
        <source>Small ads cleared</source>
        <translation>清理小广告（处）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Demo database. Accounts (user / password):
%1</source>
        <translation>演示数据库，可用账号（用户名 / 密码）：
%1</translation>
    </message>
    <message>
        <source>Sign in — Sanwang Console</source>
        <translation>登录 — 三网融合指挥台</translation>
    </message>
    <message>
        <source>Sanwang Console</source>
        <translation>三网融合指挥台</translation>
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
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>e.g. zhangwei</source>
        <translation>例如 zhangwei</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>SummaryRows</name>
    <message>
        <source>Area</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Unit grids</source>
        <translation>单元网格</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Status unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>Field terminals</source>
        <translation>移动终端</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案卷</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>案卷总数</translation>
    </message>
    <message>
        <source>Resolved in the community</source>
        <translation>社区自处置</translation>
    </message>
    <message>
        <source>Community self-resolution rate</source>
        <translation>社区自处置率</translation>
    </message>
    <message>
        <source>Enforcement</source>
        <translation>执法</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation>最近一条记录</translation>
    </message>
    <message>
        <source>Cases by state</source>
        <translation>各状态案卷</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
</context>
<context>
    <name>SummaryWindow</name>
    <message>
        <source>Command center</source>
        <translation>指挥中心</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Live; checked at %1</source>
        <translation>实时更新，最近检查 %1</translation>
    </message>
    <message>
        <source>Sanwang Console — Summary</source>
        <translation>三网融合指挥台 — 概况</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2) at %3</source>
        <translation>当前用户：%1（%2），工作站 %3</translation>
    </message>
</context>
</TS>
