<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>ActionBar</name>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Needs a note.</source>
            <translation>需填写备注。</translation>
        </message>
        <message>
            <source>Cannot be undone: asks for confirmation.</source>
            <translation>不可撤销，执行前需确认。</translation>
        </message>
        <message>
            <source>No action is open to you on this case.</source>
            <translation>您对此案卷暂无可执行的操作。</translation>
        </message>
    </context>
    <context>
        <name>ActionDialogs</name>
        <message>
            <source>%1 — case %2</source>
            <translation>%1 — 案卷 %2</translation>
        </message>
        <message>
            <source>%1: case %2? This cannot be undone.</source>
            <translation>确定对案卷 %2 执行“%1”吗？此操作不可撤销。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>AddDifficultyDialog</name>
        <message>
            <source>New difficult problem</source>
            <translation>新增难点</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>难点问题</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>期限</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Sanwang Console</source>
            <translation>三网融合指挥台</translation>
        </message>
    </context>
    <context>
        <name>CallbackDialog</name>
        <message>
            <source>Result</source>
            <translation>回访结果</translation>
        </message>
    </context>
    <context>
        <name>CameraTree</name>
        <message>
            <source>online</source>
            <translation>在线</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>未检测</translation>
        </message>
        <message>
            <source>No community</source>
            <translation>无社区</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Search cameras (name, code, community)</source>
            <translation>搜索摄像头（名称、编号、社区）</translation>
        </message>
    </context>
    <context>
        <name>CampaignDialog</name>
        <message>
            <source>Campaign</source>
            <translation>专项整治</translation>
        </message>
        <message>
            <source>New campaign</source>
            <translation>新建专项整治</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>One step per line, in order</source>
            <translation>每行一个步骤，按先后顺序</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Category (for rebounds)</source>
            <translation>类别（用于反弹识别）</translation>
        </message>
        <message>
            <source>Starts on</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>目标数</translation>
        </message>
        <message>
            <source>Rebound distance</source>
            <translation>反弹识别距离</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>步骤模板</translation>
        </message>
        <message>
            <source>Cleared from step</source>
            <translation>视为清除的步骤</translation>
        </message>
        <message>
            <source>Communities</source>
            <translation>涉及社区</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>CampaignItemActions</name>
        <message>
            <source>Owner of the item</source>
            <translation>点位责任人</translation>
        </message>
        <message>
            <source>(nobody)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>责任人</translation>
        </message>
    </context>
    <context>
        <name>CampaignLabels</name>
        <message>
            <source>Parking lock</source>
            <translation>地锁</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>标牌</translation>
        </message>
        <message>
            <source>Structure</source>
            <translation>构筑物</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>白班</translation>
        </message>
        <message>
            <source>Staggered</source>
            <translation>错时班</translation>
        </message>
        <message>
            <source>Evening</source>
            <translation>晚班</translation>
        </message>
        <message>
            <source>Night</source>
            <translation>夜班</translation>
        </message>
        <message>
            <source>Weekend</source>
            <translation>周末班</translation>
        </message>
        <message>
            <source>By hand</source>
            <translation>手工录入</translation>
        </message>
        <message>
            <source>From the map</source>
            <translation>地图选点</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>批量导入</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>整治前</translation>
        </message>
        <message>
            <source>After</source>
            <translation>整治后</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>佐证照片</translation>
        </message>
    </context>
    <context>
        <name>CampaignPane</name>
        <message>
            <source>Campaigns</source>
            <translation>专项整治</translation>
        </message>
        <message>
            <source>Difficulty list</source>
            <translation>难点清单</translation>
        </message>
    </context>
    <context>
        <name>CampaignsView</name>
        <message>
            <source>No campaign yet.</source>
            <translation>尚无专项整治。</translation>
        </message>
        <message>
            <source>Target %1 · items %2 · cleared %3 · rebounds %4 · rebound distance %5 m</source>
            <translation>目标 %1 · 点位 %2 · 已清除 %3 · 反弹 %4 · 反弹识别距离 %5 米</translation>
        </message>
        <message>
            <source>(outside the communities)</source>
            <translation>（社区范围外）</translation>
        </message>
        <message>
            <source>All steps</source>
            <translation>全部步骤</translation>
        </message>
        <message>
            <source>Import campaign items</source>
            <translation>导入整治点位</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv)</source>
            <translation>表格文件（*.xlsx *.csv）</translation>
        </message>
        <message>
            <source>New campaign…</source>
            <translation>新建专项…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Close / reopen</source>
            <translation>结束 / 重新开启</translation>
        </message>
        <message>
            <source>Import items…</source>
            <translation>导入点位…</translation>
        </message>
        <message>
            <source>Add item…</source>
            <translation>新增点位…</translation>
        </message>
        <message>
            <source>Move to step…</source>
            <translation>推进步骤…</translation>
        </message>
        <message>
            <source>Photos…</source>
            <translation>照片…</translation>
        </message>
        <message>
            <source>Show on map</source>
            <translation>在地图上显示</translation>
        </message>
        <message>
            <source>Owner…</source>
            <translation>责任人…</translation>
        </message>
        <message>
            <source>Rebounds only</source>
            <translation>仅看反弹</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>At this step</source>
            <translation>处于该步</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>已达到</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>点位数</translation>
        </message>
        <message>
            <source>Cleared</source>
            <translation>已清除</translation>
        </message>
        <message>
            <source>Rebounds</source>
            <translation>反弹</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>Cleared on</source>
            <translation>清除日期</translation>
        </message>
        <message>
            <source>Rebound case</source>
            <translation>反弹案卷</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
    </context>
    <context>
        <name>CaseDetailPane</name>
        <message>
            <source>Select a case to see it here.</source>
            <translation>请选择案卷，在此查看详情。</translation>
        </message>
        <message>
            <source>This case does not exist (any more).</source>
            <translation>该案卷不存在（可能已被删除）。</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
    </context>
    <context>
        <name>CaseFields</name>
        <message>
            <source>%1 · due %2 (late)</source>
            <translation>%1 · 时限 %2（超时）</translation>
        </message>
        <message>
            <source>%1 · due %2</source>
            <translation>%1 · 时限 %2</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>案卷</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>案卷编号</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>大类</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>问题描述</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>数据版本</translation>
        </message>
        <message>
            <source>Place and people</source>
            <translation>位置与人员</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>坐标</translation>
        </message>
        <message>
            <source>Reporter</source>
            <translation>上报人</translation>
        </message>
        <message>
            <source>Reporter phone</source>
            <translation>上报人电话</translation>
        </message>
        <message>
            <source>Reporting inspector</source>
            <translation>上报监督员</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>处置单位</translation>
        </message>
        <message>
            <source>Assisting units</source>
            <translation>协办单位</translation>
        </message>
        <message>
            <source>Stage times and deadlines</source>
            <translation>环节时间与时限</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>上报时间</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>核实时间</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>立案时间</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>派遣时间</translation>
        </message>
        <message>
            <source>Handled</source>
            <translation>处置时间</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>核查时间</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>结案时间</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>归档时间</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Supervised</source>
            <translation>督办</translation>
        </message>
        <message>
            <source>Escalation</source>
            <translation>处置层级</translation>
        </message>
        <message>
            <source>Self-handled</source>
            <translation>自行处置</translation>
        </message>
        <message>
            <source>Rework</source>
            <translation>返工次数</translation>
        </message>
        <message>
            <source>Extensions</source>
            <translation>延期次数</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退回次数</translation>
        </message>
        <message>
            <source>Pending request</source>
            <translation>待审批申请</translation>
        </message>
        <message>
            <source>Callback</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Merged into</source>
            <translation>已合并至</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>最后修改</translation>
        </message>
        <message>
            <source>%1 since %2</source>
            <translation>%1（自 %2 起）</translation>
        </message>
        <message>
            <source>until %1</source>
            <translation>至 %1</translation>
        </message>
        <message>
            <source>the system</source>
            <translation>系统</translation>
        </message>
        <message>
            <source>%1 at %2</source>
            <translation>%1，%2</translation>
        </message>
    </context>
    <context>
        <name>CaseHeader</name>
        <message>
            <source>Supervised</source>
            <translation>督办</translation>
        </message>
        <message>
            <source>Street level</source>
            <translation>街道级</translation>
        </message>
        <message>
            <source>Clock paused while shelved</source>
            <translation>挂账期间暂停计时</translation>
        </message>
        <message>
            <source>%1 overdue by %2 (due %3)</source>
            <translation>%1已超期 %2（时限 %3）</translation>
        </message>
        <message>
            <source>%1 due %2 · %3 left</source>
            <translation>%1时限 %2 · 剩余 %3</translation>
        </message>
    </context>
    <context>
        <name>CaseLabels</name>
        <message>
            <source>Report</source>
            <translation>上报</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>核实</translation>
        </message>
        <message>
            <source>Open case</source>
            <translation>立案</translation>
        </message>
        <message>
            <source>Decline to open</source>
            <translation>不予立案</translation>
        </message>
        <message>
            <source>Dispatch</source>
            <translation>派遣</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>签收</translation>
        </message>
        <message>
            <source>Request return</source>
            <translation>申请退回</translation>
        </message>
        <message>
            <source>Approve return</source>
            <translation>同意退回</translation>
        </message>
        <message>
            <source>Reject return</source>
            <translation>驳回退回</translation>
        </message>
        <message>
            <source>Request extension</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <source>Approve extension</source>
            <translation>同意延期</translation>
        </message>
        <message>
            <source>Reject extension</source>
            <translation>驳回延期</translation>
        </message>
        <message>
            <source>Request shelving</source>
            <translation>申请挂账</translation>
        </message>
        <message>
            <source>Approve shelving</source>
            <translation>同意挂账</translation>
        </message>
        <message>
            <source>Reject shelving</source>
            <translation>驳回挂账</translation>
        </message>
        <message>
            <source>Unshelve</source>
            <translation>取消挂账</translation>
        </message>
        <message>
            <source>Report handling</source>
            <translation>处置反馈</translation>
        </message>
        <message>
            <source>Check passed</source>
            <translation>核查通过</translation>
        </message>
        <message>
            <source>Check failed</source>
            <translation>核查不通过</translation>
        </message>
        <message>
            <source>Close case</source>
            <translation>结案</translation>
        </message>
        <message>
            <source>Callback</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>归档</translation>
        </message>
        <message>
            <source>Supervise</source>
            <translation>督办</translation>
        </message>
        <message>
            <source>End supervision</source>
            <translation>解除督办</translation>
        </message>
        <message>
            <source>Escalate to street</source>
            <translation>提级至街道</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Took in a duplicate</source>
            <translation>并入重复案卷</translation>
        </message>
        <message>
            <source>Grid inspector</source>
            <translation>监督员</translation>
        </message>
        <message>
            <source>Hotline</source>
            <translation>12345热线</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Video patrol</source>
            <translation>视频</translation>
        </message>
        <message>
            <source>Public</source>
            <translation>群众</translation>
        </message>
        <message>
            <source>Leader</source>
            <translation>领导交办</translation>
        </message>
        <message>
            <source>Media</source>
            <translation>媒体</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>紧急</translation>
        </message>
        <message>
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <source>Basically satisfied</source>
            <translation>基本满意</translation>
        </message>
        <message>
            <source>Unsatisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <source>Could not be reached</source>
            <translation>未能联系上</translation>
        </message>
        <message>
            <source>Close-up</source>
            <translation>近景</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>远景</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>参照</translation>
        </message>
        <message>
            <source>Before handling</source>
            <translation>处置前</translation>
        </message>
        <message>
            <source>After handling</source>
            <translation>处置后</translation>
        </message>
        <message>
            <source>Camera snapshot</source>
            <translation>监控抓拍</translation>
        </message>
        <message>
            <source>Video clip</source>
            <translation>视频片段</translation>
        </message>
        <message>
            <source>responsible for this grid</source>
            <translation>本网格责任单位</translation>
        </message>
        <message>
            <source>responsible for this community</source>
            <translation>本社区责任单位</translation>
        </message>
        <message>
            <source>responsible street-wide</source>
            <translation>全街道责任单位</translation>
        </message>
        <message>
            <source>suggested lead</source>
            <translation>建议主办</translation>
        </message>
        <message>
            <source>suggested assistant</source>
            <translation>建议协办</translation>
        </message>
        <message>
            <source>Return requested</source>
            <translation>申请退回</translation>
        </message>
        <message>
            <source>Extension requested</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <source>Shelving requested</source>
            <translation>申请挂账</translation>
        </message>
        <message>
            <source>Verification</source>
            <translation>核实</translation>
        </message>
        <message>
            <source>Opening</source>
            <translation>立案</translation>
        </message>
        <message>
            <source>Handling</source>
            <translation>处置</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>核查</translation>
        </message>
        <message>
            <source>Closing</source>
            <translation>结案</translation>
        </message>
        <message>
            <source>street level</source>
            <translation>街道级</translation>
        </message>
        <message>
            <source>community level</source>
            <translation>社区级</translation>
        </message>
        <message>
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation>%1天%2小时</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1小时%2分钟</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1分钟</translation>
        </message>
    </context>
    <context>
        <name>CategoryPicker</name>
        <message>
            <source>Enter takes %1</source>
            <translation>回车选择：%1</translation>
        </message>
        <message>
            <source>No category chosen</source>
            <translation>未选择类别</translation>
        </message>
        <message>
            <source>Chosen: %1</source>
            <translation>已选：%1</translation>
        </message>
        <message>
            <source>Type Chinese, pinyin initials (blj) or a code</source>
            <translation>输入中文、拼音首字母（如 blj）或编码</translation>
        </message>
    </context>
    <context>
        <name>ConsoleStatusBar</name>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>User: %1</source>
            <translation>用户：%1</translation>
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
            <source>Due within the hour: %1</source>
            <translation>1小时内到期：%1</translation>
        </message>
        <message>
            <source>Roles: %1</source>
            <translation>角色：%1</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
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
        <name>DashboardPane</name>
        <message>
            <source>Reported</source>
            <translation>上报</translation>
        </message>
        <message>
            <source>Of them closed</source>
            <translation>其中已结案</translation>
        </message>
        <message>
            <source>Self-resolution</source>
            <translation>社区自处置率</translation>
        </message>
        <message>
            <source>On-time closure</source>
            <translation>按期结案率</translation>
        </message>
        <message>
            <source>Live; %1 overdue cases; today %2</source>
            <translation>实时；超期未处置 %1 件；今天 %2</translation>
        </message>
        <message>
            <source>Most overdue (%1 in all)</source>
            <translation>超期未处置案件（共 %1 件）</translation>
        </message>
        <message>
            <source>Today's intake by hour</source>
            <translation>今日各时段上报</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>近7天</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>近30天</translation>
        </message>
        <message>
            <source>By the day reported: the cases reported that day, and how many of them are closed now (the KPI definitions). Not the cases closed that day.</source>
            <translation>按上报日期统计：当日上报的案件，及其中目前已结案的件数（与综合评价口径一致），不是当日结案数。</translation>
        </message>
        <message>
            <source>Categories, last 30 days</source>
            <translation>问题类别（近30天）</translation>
        </message>
        <message>
            <source>Rates against targets, last 30 days</source>
            <translation>指标与目标（近30天）</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Most overdue</source>
            <translation>超期未处置案件</translation>
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
        <name>DifficultyView</name>
        <message>
            <source>Left: %1 (overdue %2) · written off: %3 · the goal: nothing left</source>
            <translation>剩余：%1（逾期 %2）· 已销账：%3 · 目标：零遗留</translation>
        </message>
        <message>
            <source>Written off</source>
            <translation>已销账</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>未销账</translation>
        </message>
        <message>
            <source>Reopen: %1</source>
            <translation>重新打开：%1</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Show written off</source>
            <translation>显示已销账</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>新增…</translation>
        </message>
        <message>
            <source>Write off…</source>
            <translation>销账…</translation>
        </message>
        <message>
            <source>Reopen…</source>
            <translation>重新打开…</translation>
        </message>
        <message>
            <source>Evidence…</source>
            <translation>佐证照片…</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>难点问题</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>佐证照片</translation>
        </message>
        <message>
            <source>Written off at</source>
            <translation>销账时间</translation>
        </message>
        <message>
            <source>How it was solved</source>
            <translation>解决情况</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
    </context>
    <context>
        <name>DispatchDialog</name>
        <message>
            <source>&amp;Lead unit (Enter dispatches to the highlighted one)</source>
            <translation>主办单位(&amp;L)（按回车派遣给选中的单位）</translation>
        </message>
        <message>
            <source>&amp;Assisting units (Space ticks)</source>
            <translation>协办单位(&amp;A)（空格键勾选）</translation>
        </message>
    </context>
    <context>
        <name>DuplicateList</name>
        <message>
            <source>%1 · %2 · %3 m away · reported %4</source>
            <translation>%1 · %2 · 相距 %3 米 · %4 上报</translation>
        </message>
        <message>
            <source>Possible duplica&amp;tes: %1</source>
            <translation>疑似重复案卷(&amp;T)：%1</translation>
        </message>
        <message>
            <source>Possible duplica&amp;tes</source>
            <translation>疑似重复案卷(&amp;T)</translation>
        </message>
        <message>
            <source>No open case of this category nearby.</source>
            <translation>附近没有同类别的未结案卷。</translation>
        </message>
        <message>
            <source>Shown once the category and the location are known.</source>
            <translation>填写类别和位置后在此显示。</translation>
        </message>
        <message>
            <source>Sh&amp;ow case</source>
            <translation>查看案卷(&amp;O)</translation>
        </message>
        <message>
            <source>Save and &amp;merge into it</source>
            <translation>保存并合并(&amp;M)</translation>
        </message>
        <message>
            <source>Register this report and fold it into the selected case</source>
            <translation>登记本次上报，并合并到所选案卷</translation>
        </message>
        <message>
            <source>Save as ne&amp;w case</source>
            <translation>保存为新案卷(&amp;W)</translation>
        </message>
        <message>
            <source>Not the same problem: register it as a case of its own</source>
            <translation>不是同一问题：单独登记为新案卷</translation>
        </message>
    </context>
    <context>
        <name>EnforcementPane</name>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>队伍</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <source>Void the record</source>
            <translation>作废记录</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>By day</source>
            <translation>按日</translation>
        </message>
        <message>
            <source>By month</source>
            <translation>按月</translation>
        </message>
        <message>
            <source>By year</source>
            <translation>按年</translation>
        </message>
        <message>
            <source>Record…</source>
            <translation>登记…</translation>
        </message>
        <message>
            <source>Void…</source>
            <translation>作废…</translation>
        </message>
        <message>
            <source>By period</source>
            <translation>按时段</translation>
        </message>
        <message>
            <source>By team and shift</source>
            <translation>按队伍和班次</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>明细</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>时段</translation>
        </message>
        <message>
            <source>By</source>
            <translation>维度</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>案卷</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>专项整治</translation>
        </message>
        <message>
            <source>Plate number</source>
            <translation>车牌号</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Dates are local (%1)</source>
            <translation>日期为本地日期（%1）</translation>
        </message>
    </context>
    <context>
        <name>EvidenceActions</name>
        <message>
            <source>Select a case first, then take the snapshot.</source>
            <translation>请先选择案件，再抓图。</translation>
        </message>
        <message>
            <source>No picture to take: the camera is not playing.</source>
            <translation>无法抓图：该摄像头未在播放。</translation>
        </message>
        <message>
            <source>Select a case first, then record the clip.</source>
            <translation>请先选择案件，再录制短视频。</translation>
        </message>
        <message>
            <source>Recording a %1 s clip of %2…</source>
            <translation>正在录制 %2 的 %1 秒短视频…</translation>
        </message>
        <message>
            <source>The clip could not be recorded: %1</source>
            <translation>短视频录制失败：%1</translation>
        </message>
        <message>
            <source>Attached to the case: %1 from %2</source>
            <translation>已附到案件：来自 %2 的%1</translation>
        </message>
        <message>
            <source>ffmpeg is not installed on this workstation.</source>
            <translation>本工作站未安装 ffmpeg。</translation>
        </message>
        <message>
            <source>the camera did not answer in time.</source>
            <translation>摄像头未及时响应。</translation>
        </message>
        <message>
            <source>ffmpeg stopped (%1).</source>
            <translation>ffmpeg 已停止（%1）。</translation>
        </message>
        <message>
            <source>clip</source>
            <translation>短视频</translation>
        </message>
        <message>
            <source>snapshot</source>
            <translation>抓图</translation>
        </message>
        <message>
            <source>Seen on camera %1 at %2.</source>
            <translation>%2 于摄像头 %1 画面中发现。</translation>
        </message>
        <message>
            <source>A new case was started from the snapshot in the intake form.</source>
            <translation>已用抓图在受理表单中新建案件。</translation>
        </message>
    </context>
    <context>
        <name>ExtensionDialog</name>
        <message>
            <source>As requested: until %1</source>
            <translation>按申请延至 %1</translation>
        </message>
        <message>
            <source>More hours</source>
            <translation>延长时长</translation>
        </message>
        <message>
            <source>A new deadline</source>
            <translation>指定新时限</translation>
        </message>
        <message>
            <source> h</source>
            <translation> 小时</translation>
        </message>
    </context>
    <context>
        <name>FeedbackDialog</name>
        <message>
            <source>Add &amp;photos…</source>
            <translation>添加照片(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <source>Photos of</source>
            <translation>照片类型</translation>
        </message>
        <message>
            <source>Photos of the handling</source>
            <translation>选择处置照片</translation>
        </message>
        <message>
            <source>Pictures (*.jpg *.jpeg *.png *.webp);;All files (*)</source>
            <translation>图片 (*.jpg *.jpeg *.png *.webp);;所有文件 (*)</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
    </context>
    <context>
        <name>Handover</name>
        <message>
            <source>Case %1 (%2)</source>
            <translation>案卷 %1（%2）</translation>
        </message>
        <message>
            <source>Difficult problem: %1 (deadline %2)</source>
            <translation>难点：%1（期限 %2）</translation>
        </message>
    </context>
    <context>
        <name>HandoverDialog</name>
        <message>
            <source>Write the handover</source>
            <translation>填写交接班</translation>
        </message>
        <message>
            <source>Something else to hand over</source>
            <translation>其他需要交接的事项</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>How the shift went</source>
            <translation>本班情况</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <source>Carry over</source>
            <translation>移交事项</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>本班情况</translation>
        </message>
    </context>
    <context>
        <name>HandoverView</name>
        <message>
            <source>not yet</source>
            <translation>尚未接收</translation>
        </message>
        <message>
            <source>Carried over:</source>
            <translation>移交事项：</translation>
        </message>
        <message>
            <source>(nothing)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Write handover…</source>
            <translation>填写交接班…</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>接班确认</translation>
        </message>
        <message>
            <source>From shift</source>
            <translation>交班班次</translation>
        </message>
        <message>
            <source>To shift</source>
            <translation>接班班次</translation>
        </message>
        <message>
            <source>Written at</source>
            <translation>填写时间</translation>
        </message>
        <message>
            <source>Written by</source>
            <translation>填写人</translation>
        </message>
        <message>
            <source>Open items</source>
            <translation>移交事项</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>本班情况</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>接收情况</translation>
        </message>
    </context>
    <context>
        <name>ImportReport</name>
        <message>
            <source>Import campaign items</source>
            <translation>导入整治点位</translation>
        </message>
    </context>
    <context>
        <name>InputDialog</name>
        <message>
            <source>%1 — case %2</source>
            <translation>%1 — 案卷 %2</translation>
        </message>
        <message>
            <source>%1: case %2 (%3)</source>
            <translation>%1：案卷 %2（%3）</translation>
        </message>
        <message>
            <source>This cannot be undone.</source>
            <translation>此操作不可撤销。</translation>
        </message>
        <message>
            <source>Note (required)</source>
            <translation>备注（必填）</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Say why (required)</source>
            <translation>请填写说明（必填）</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>选填</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>IntakeForm</name>
        <message>
            <source>&amp;Source</source>
            <translation>来源(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Category</source>
            <translation>类别(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Description</source>
            <translation>问题描述(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Reporter</source>
            <translation>上报人(&amp;R)</translation>
        </message>
        <message>
            <source>Phon&amp;e</source>
            <translation>电话(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Urgent</source>
            <translation>紧急(&amp;U)</translation>
        </message>
        <message>
            <source>Self-&amp;handled on site by the inspector</source>
            <translation>监督员现场自行处置(&amp;H)</translation>
        </message>
        <message>
            <source>What is wrong, since when, anything the caller adds (Tab leaves the box)</source>
            <translation>问题情况、发生时间及反映人补充的内容（按 Tab 离开此框）</translation>
        </message>
        <message>
            <source>Caller's name (optional)</source>
            <translation>姓名（选填）</translation>
        </message>
        <message>
            <source>Call-back number (optional)</source>
            <translation>回访电话（选填）</translation>
        </message>
        <message>
            <source>&amp;New call</source>
            <translation>新来电(&amp;N)</translation>
        </message>
        <message>
            <source>Empty the form and its draft</source>
            <translation>清空表单及草稿</translation>
        </message>
        <message>
            <source>Save (Ctrl+Enter)</source>
            <translation>保存（Ctrl+Enter）</translation>
        </message>
    </context>
    <context>
        <name>IntakeLabels</name>
        <message>
            <source>12345 hotline</source>
            <translation>12345热线</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Grid inspector</source>
            <translation>监督员</translation>
        </message>
        <message>
            <source>Video patrol</source>
            <translation>视频</translation>
        </message>
        <message>
            <source>Public</source>
            <translation>群众</translation>
        </message>
        <message>
            <source>Assigned by a leader</source>
            <translation>领导交办</translation>
        </message>
        <message>
            <source>Media</source>
            <translation>媒体</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Close-up</source>
            <translation>近景</translation>
        </message>
        <message>
            <source>Wide view</source>
            <translation>远景</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>参照</translation>
        </message>
        <message>
            <source>Before handling</source>
            <translation>处置前</translation>
        </message>
        <message>
            <source>After handling</source>
            <translation>处置后</translation>
        </message>
        <message>
            <source>Camera snapshot</source>
            <translation>监控抓拍</translation>
        </message>
        <message>
            <source>Video clip</source>
            <translation>视频片段</translation>
        </message>
    </context>
    <context>
        <name>IntakePane</name>
        <message>
            <source>Choose a category: type in its box and press Enter.</source>
            <translation>请选择类别：在类别框中输入后按回车。</translation>
        </message>
        <message>
            <source>Give the location: a grid, a community or coordinates.</source>
            <translation>请填写位置：网格、社区或坐标。</translation>
        </message>
        <message>
            <source>The unsaved report was restored.</source>
            <translation>已恢复未保存的上报内容。</translation>
        </message>
        <message>
            <source>Case %1 registered and merged into the selected case.</source>
            <translation>案卷 %1 已登记，并已合并到所选案卷。</translation>
        </message>
        <message>
            <source>Case %1 registered.</source>
            <translation>案卷 %1 已登记。</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <source>No connection to the database. Nothing typed is lost: save when it is back.</source>
            <translation>数据库连接已断开。已录入的内容不会丢失，连接恢复后再保存。</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <source>New campaign item</source>
            <translation>新增整治点位</translation>
        </message>
        <message>
            <source>Tip: click a point on the map to fill in the position.</source>
            <translation>提示：在地图上点击一个位置即可填入坐标。</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>经度</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>纬度</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Current step</source>
            <translation>当前步骤</translation>
        </message>
        <message>
            <source>Photos before</source>
            <translation>整治前照片</translation>
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
        <name>LocationFields</name>
        <message>
            <source>Enter takes %1 (%2 matching)</source>
            <translation>回车选择：%1（共 %2 项匹配）</translation>
        </message>
        <message>
            <source>Nothing matches “%1”</source>
            <translation>没有与“%1”匹配的项</translation>
        </message>
        <message>
            <source>Placed inside the chosen area: %1, %2</source>
            <translation>已定位到所选区域内：%1, %2</translation>
        </message>
        <message>
            <source>The point is in no grid; choose one if you know it.</source>
            <translation>该点不在任何网格内；如已知，请选择网格。</translation>
        </message>
        <message>
            <source>WGS-84 degrees</source>
            <translation>WGS-84 度</translation>
        </message>
        <message>
            <source>&amp;Address</source>
            <translation>地址(&amp;A)</translation>
        </message>
        <message>
            <source>Communit&amp;y</source>
            <translation>社区(&amp;Y)</translation>
        </message>
        <message>
            <source>&amp;Grid</source>
            <translation>网格(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Longitude</source>
            <translation>经度(&amp;L)</translation>
        </message>
        <message>
            <source>Lat&amp;itude</source>
            <translation>纬度(&amp;I)</translation>
        </message>
        <message>
            <source>Street, number, landmark</source>
            <translation>街路巷、门牌号、标志物</translation>
        </message>
        <message>
            <source>Name or pinyin initials</source>
            <translation>名称/首拼</translation>
        </message>
        <message>
            <source>Name, number or pinyin initials</source>
            <translation>名称/编号/首拼</translation>
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
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Reports…</source>
            <translation>报表(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Sound for urgent cases</source>
            <translation>紧急案卷声音提醒</translation>
        </message>
        <message>
            <source>Restore default layout</source>
            <translation>恢复默认布局</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <source>Dark (command center)</source>
            <translation>深色（指挥大厅）</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>MapCameraMenu</name>
        <message>
            <source>No cameras within %1 m</source>
            <translation>%1 米内没有摄像头</translation>
        </message>
        <message>
            <source>Show the %1 nearest cameras on the video wall</source>
            <translation>在视频墙上显示最近的 %1 个摄像头</translation>
        </message>
        <message>
            <source>online</source>
            <translation>在线</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>%1 · %2 m · %3</source>
            <translation>%1 · %2 米 · %3</translation>
        </message>
    </context>
    <context>
        <name>MapTexts</name>
        <message>
            <source>Cases</source>
            <translation>案卷</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>热力图</translation>
        </message>
        <message>
            <source>Street and communities</source>
            <translation>街道与社区</translation>
        </message>
        <message>
            <source>Grids</source>
            <translation>单元网格</translation>
        </message>
        <message>
            <source>Cameras</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <source>Field terminals</source>
            <translation>移动终端</translation>
        </message>
        <message>
            <source>Campaign items</source>
            <translation>专项整治点位</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已超期</translation>
        </message>
        <message>
            <source>online</source>
            <translation>在线</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>shown at its grid</source>
            <translation>按所在网格显示</translation>
        </message>
        <message>
            <source>Some offline map tiles are missing here.</source>
            <translation>此处缺少部分离线地图瓦片。</translation>
        </message>
        <message>
            <source>The online map does not answer; cases and outlines are still shown.</source>
            <translation>在线地图无响应；案卷和边界仍照常显示。</translation>
        </message>
        <message>
            <source>%1 cases lie outside the street.</source>
            <translation>%1 件案卷位于街道范围之外。</translation>
        </message>
        <message>
            <source>Cases could not be shown: </source>
            <translation>无法显示案卷：</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新上报</translation>
        </message>
        <message>
            <source>To dispatch</source>
            <translation>待派遣</translation>
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
            <source>Closed</source>
            <translation>已结案</translation>
        </message>
        <message>
            <source>Not opened</source>
            <translation>不予立案</translation>
        </message>
        <message>
            <source>Tianditu</source>
            <translation>天地图</translation>
        </message>
        <message>
            <source>AMap (GCJ-02)</source>
            <translation>高德地图（GCJ-02）</translation>
        </message>
        <message>
            <source>Tencent (GCJ-02)</source>
            <translation>腾讯地图（GCJ-02）</translation>
        </message>
        <message>
            <source>Online tiles</source>
            <translation>在线瓦片</translation>
        </message>
        <message>
            <source>Offline map</source>
            <translation>离线地图</translation>
        </message>
        <message>
            <source>Plain background</source>
            <translation>纯色底图</translation>
        </message>
        <message>
            <source>No offline map at %1: showing a plain background.</source>
            <translation>%1 处没有离线地图：显示纯色底图。</translation>
        </message>
        <message>
            <source>The offline map %1 cannot be read: showing a plain background.</source>
            <translation>无法读取离线地图 %1：显示纯色底图。</translation>
        </message>
        <message>
            <source>Map setting %1 is missing or wrong.</source>
            <translation>地图设置 %1 缺失或有误。</translation>
        </message>
    </context>
    <context>
        <name>MapToolbar</name>
        <message>
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>Last %1 days</source>
            <translation>最近 %1 天</translation>
        </message>
        <message>
            <source>Open cases</source>
            <translation>未结案卷</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>全部案卷</translation>
        </message>
        <message>
            <source>Heatmap:</source>
            <translation>热力图：</translation>
        </message>
        <message>
            <source>Pick location</source>
            <translation>地图选点</translation>
        </message>
        <message>
            <source>Click the map to fill the intake form's location</source>
            <translation>在地图上点击，填入受理表单的位置</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Number of the case to keep, e.g. BJ202611290001</source>
            <translation>保留的案卷编号，如 BJ202611290001</translation>
        </message>
        <message>
            <source>Merge into case</source>
            <translation>合并到案卷</translation>
        </message>
    </context>
    <context>
        <name>OfflineBanner</name>
        <message>
            <source>Database unreachable since %1 (%2). Reconnecting… Changes cannot be saved until it is back.</source>
            <translation>数据库自 %1 起无法连接（已持续 %2）。正在重新连接…连接恢复前无法保存修改。</translation>
        </message>
    </context>
    <context>
        <name>OverviewPane</name>
        <message>
            <source>Command center</source>
            <translation>指挥中心</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Live; updated at %1</source>
            <translation>实时数据，更新于 %1</translation>
        </message>
    </context>
    <context>
        <name>Panes</name>
        <message>
            <source>Case queue</source>
            <translation>案卷列表</translation>
        </message>
        <message>
            <source>Case detail</source>
            <translation>案卷详情</translation>
        </message>
        <message>
            <source>Intake</source>
            <translation>受理登记</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>数据看板</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>地图</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>视频</translation>
        </message>
        <message>
            <source>Campaigns</source>
            <translation>专项整治</translation>
        </message>
        <message>
            <source>Enforcement ledger</source>
            <translation>执法台账</translation>
        </message>
        <message>
            <source>Duty and handover</source>
            <translation>值班与交接班</translation>
        </message>
    </context>
    <context>
        <name>PhotoList</name>
        <message>
            <source>Add photos</source>
            <translation>添加照片</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.webp)</source>
            <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
        </message>
        <message>
            <source>&amp;Photos (drop files here)</source>
            <translation>照片(&amp;P)（可拖入文件）</translation>
        </message>
        <message>
            <source>Add photo… (Ctrl+P)</source>
            <translation>添加照片…（Ctrl+P）</translation>
        </message>
        <message>
            <source>Choose image files to attach</source>
            <translation>选择要附加的图片文件</translation>
        </message>
    </context>
    <context>
        <name>PhotoListDialog</name>
        <message>
            <source>Photos: %1</source>
            <translation>照片：%1</translation>
        </message>
        <message>
            <source>Add photos…</source>
            <translation>添加照片…</translation>
        </message>
        <message>
            <source>Add photos</source>
            <translation>添加照片</translation>
        </message>
        <message>
            <source>Images (%1)</source>
            <translation>图片（%1）</translation>
        </message>
    </context>
    <context>
        <name>PhotoPicker</name>
        <message>
            <source>Choose photos…</source>
            <translation>选择照片…</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>Images (%1)</source>
            <translation>图片（%1）</translation>
        </message>
        <message>
            <source>No photo</source>
            <translation>未选择照片</translation>
        </message>
    </context>
    <context>
        <name>PhotoStrip</name>
        <message>
            <source>%1
%2, %3 KB
taken %4
added %5
SHA-256 %6</source>
            <translation>%1
%2，%3 KB
拍摄于 %4
添加于 %5
SHA-256 %6</translation>
        </message>
    </context>
    <context>
        <name>PhotoViewer</name>
        <message>
            <source>Photo — %1</source>
            <translation>照片 — %1</translation>
        </message>
        <message>
            <source>%1 · %2 · %3 KB · taken %4 · + / − zoom, 0 fits</source>
            <translation>%1 · %2 · %3 KB · 拍摄于 %4 · +/− 缩放，0 适应窗口</translation>
        </message>
        <message>
            <source>This file cannot be shown as a picture.</source>
            <translation>该文件无法作为图片显示。</translation>
        </message>
    </context>
    <context>
        <name>QueueColumns</name>
        <message>
            <source>Case number</source>
            <translation>案卷编号</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Urgency</source>
            <translation>紧急</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>上报时间</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>倒计时</translation>
        </message>
        <message>
            <source>Handling unit</source>
            <translation>处置单位</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>标记</translation>
        </message>
    </context>
    <context>
        <name>QueueFilterBar</name>
        <message>
            <source>All communities</source>
            <translation>全部社区</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>Any urgency</source>
            <translation>不限紧急程度</translation>
        </message>
        <message>
            <source>Search number, address, description  (Ctrl+F)</source>
            <translation>搜索案卷编号、地址、描述（Ctrl+F）</translation>
        </message>
    </context>
    <context>
        <name>QueuePane</name>
        <message>
            <source>Offline: showing the cases as last read</source>
            <translation>离线：显示断线前读取的案卷</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>%1 cases</source>
            <translation>共 %1 件</translation>
        </message>
    </context>
    <context>
        <name>QueueTabs</name>
        <message>
            <source>To verify</source>
            <translation>待核实</translation>
        </message>
        <message>
            <source>To open</source>
            <translation>待立案</translation>
        </message>
        <message>
            <source>To dispatch</source>
            <translation>待派遣</translation>
        </message>
        <message>
            <source>In handling</source>
            <translation>处置中</translation>
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
            <source>Overdue</source>
            <translation>超期</translation>
        </message>
        <message>
            <source>Supervised</source>
            <translation>督办</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>QueueTexts</name>
        <message>
            <source>Normal</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>紧急</translation>
        </message>
        <message>
            <source>Return requested</source>
            <translation>申请退回</translation>
        </message>
        <message>
            <source>Extension requested</source>
            <translation>申请延期</translation>
        </message>
        <message>
            <source>Shelving requested</source>
            <translation>申请挂账</translation>
        </message>
        <message>
            <source>Supervised</source>
            <translation>督办</translation>
        </message>
        <message>
            <source>Rework ×%1</source>
            <translation>返工×%1</translation>
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation>%1天%2时</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1时%2分</translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1分%2秒</translation>
        </message>
        <message>
            <source>Overdue %1</source>
            <translation>超期 %1</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>Record enforcement work</source>
            <translation>登记执法工作</translation>
        </message>
        <message>
            <source>Seizures: one vehicle per row, e.g. 京A12345</source>
            <translation>暂扣车辆每行一辆，如 京A12345</translation>
        </message>
        <message>
            <source>Case %1</source>
            <translation>案卷 %1</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>队伍</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <source>Plate number</source>
            <translation>车牌号</translation>
        </message>
        <message>
            <source>Linked case</source>
            <translation>关联案卷</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>专项整治</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Reports</source>
            <translation>报表</translation>
        </message>
        <message>
            <source>All communities</source>
            <translation>全部社区</translation>
        </message>
        <message>
            <source>Case number or id</source>
            <translation>案卷编号或序号</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>保存 PDF…</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>报表</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Campaign</source>
            <translation>专项整治</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>案卷</translation>
        </message>
        <message>
            <source>Daily duty report</source>
            <translation>值班日报</translation>
        </message>
        <message>
            <source>Weekly bulletin</source>
            <translation>周通报</translation>
        </message>
        <message>
            <source>Monthly bulletin</source>
            <translation>月通报</translation>
        </message>
        <message>
            <source>Campaign report</source>
            <translation>专项整治报告</translation>
        </message>
        <message>
            <source>Case sheet</source>
            <translation>案卷</translation>
        </message>
        <message>
            <source>Case list</source>
            <translation>案件清单</translation>
        </message>
        <message>
            <source>From</source>
            <translation>自</translation>
        </message>
        <message>
            <source>Generating…</source>
            <translation>正在生成…</translation>
        </message>
        <message>
            <source>%1: %2 pages</source>
            <translation>%1：共 %2 页</translation>
        </message>
    </context>
    <context>
        <name>ReportPreview</name>
        <message>
            <source>Printing…</source>
            <translation>正在打印…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Save report</source>
            <translation>保存报表</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>RosterPane</name>
        <message>
            <source>Roster</source>
            <translation>值班表</translation>
        </message>
        <message>
            <source>Handover</source>
            <translation>交接班</translation>
        </message>
    </context>
    <context>
        <name>RosterView</name>
        <message>
            <source>%1 (leader %2)</source>
            <translation>%1（带班 %2）</translation>
        </message>
        <message>
            <source>Today %1 · duty leader: %2 · on duty now: %3</source>
            <translation>今天 %1 · 带班领导：%2 · 当前在岗：%3</translation>
        </message>
        <message>
            <source>no shift</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Week from</source>
            <translation>起始周</translation>
        </message>
        <message>
            <source>Add shift…</source>
            <translation>新增班次…</translation>
        </message>
        <message>
            <source>Delete shift</source>
            <translation>删除班次</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Duty leader</source>
            <translation>带班领导</translation>
        </message>
        <message>
            <source>On duty</source>
            <translation>值班人员</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
    </context>
    <context>
        <name>ShiftDialog</name>
        <message>
            <source>Duty shift</source>
            <translation>值班班次</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>e.g. intake / dispatch</source>
            <translation>如 受理/派遣</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>结束时间</translation>
        </message>
        <message>
            <source>Duty leader</source>
            <translation>带班领导</translation>
        </message>
        <message>
            <source>On duty</source>
            <translation>值班人员</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>StepDialog</name>
        <message>
            <source>Move to step</source>
            <translation>推进步骤</translation>
        </message>
        <message>
            <source>Required when moving back</source>
            <translation>退回前面的步骤时必填</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Photos after</source>
            <translation>整治后照片</translation>
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
        <name>TerminalKeysAction</name>
        <message>
            <source>Field terminal &amp;keys…</source>
            <translation>现场终端密钥(&amp;K)…</translation>
        </message>
    </context>
    <context>
        <name>TerminalKeysDialog</name>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>(the terminal's holder)</source>
            <translation>（终端当前持有人）</translation>
        </message>
        <message>
            <source>Terminal %1 has a key; a new one stops it at once. Issue a new key?</source>
            <translation>终端 %1 已有密钥；签发新密钥会立即使旧密钥失效。确定签发？</translation>
        </message>
        <message>
            <source>New key for %1: shown only now. Enter it in the terminal.</source>
            <translation>%1 的新密钥：仅此一次显示，请录入终端。</translation>
        </message>
        <message>
            <source>Revoke the key of %1? The terminal cannot report until it gets a new key.</source>
            <translation>吊销终端 %1 的密钥？在签发新密钥之前，该终端无法上报。</translation>
        </message>
        <message>
            <source>The key of %1 is revoked.</source>
            <translation>%1 的密钥已吊销。</translation>
        </message>
        <message>
            <source>New key for %1:</source>
            <translation>%1 的新密钥：</translation>
        </message>
        <message>
            <source>Field terminal keys</source>
            <translation>现场终端密钥</translation>
        </message>
        <message>
            <source>Terminal</source>
            <translation>终端</translation>
        </message>
        <message>
            <source>Holder</source>
            <translation>持有人</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>账号</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>密钥</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>签发时间</translation>
        </message>
        <message>
            <source>Last seen</source>
            <translation>最后在线</translation>
        </message>
        <message>
            <source>Holder:</source>
            <translation>持有人：</translation>
        </message>
        <message>
            <source>&amp;Issue new key</source>
            <translation>签发新密钥(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Revoke key</source>
            <translation>吊销密钥(&amp;R)</translation>
        </message>
        <message>
            <source>New key:</source>
            <translation>新密钥：</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>TimelineModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>User</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>to %1</source>
            <translation>派往 %1</translation>
        </message>
        <message>
            <source>into %1</source>
            <translation>并入 %1</translation>
        </message>
        <message>
            <source>from %1</source>
            <translation>来自 %1</translation>
        </message>
        <message>
            <source>due %1</source>
            <translation>时限 %1</translation>
        </message>
        <message>
            <source>%1 file(s)</source>
            <translation>%1 个附件</translation>
        </message>
        <message>
            <source>automatic</source>
            <translation>自动</translation>
        </message>
    </context>
    <context>
        <name>UrgentBar</name>
        <message>
            <source>Show case</source>
            <translation>查看案卷</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>忽略</translation>
        </message>
        <message>
            <source>Urgent case reported (no. %1)</source>
            <translation>有紧急案卷上报（ID %1）</translation>
        </message>
        <message>
            <source>Urgent case %1: %2, %3</source>
            <translation>紧急案卷 %1：%2，%3</translation>
        </message>
        <message>
            <source>(%1 more)</source>
            <translation>（另有 %1 件）</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>The problem exists: send it to be opened</source>
            <translation>问题属实，转立案</translation>
        </message>
        <message>
            <source>Not found, or cannot be verified</source>
            <translation>未发现问题或无法核实</translation>
        </message>
    </context>
    <context>
        <name>VideoPane</name>
        <message>
            <source>Tour: page %1 of %2</source>
            <translation>轮巡：第 %1 / %2 屏</translation>
        </message>
        <message>
            <source>Select a case to show the cameras near it.</source>
            <translation>请先选择案件，再查看其附近的摄像头。</translation>
        </message>
        <message>
            <source>No camera within %1 m of the case.</source>
            <translation>案件周边 %1 米内没有摄像头。</translation>
        </message>
        <message>
            <source>%1 cameras near the case are on the wall.</source>
            <translation>案件附近的 %1 个摄像头已上墙。</translation>
        </message>
        <message>
            <source>Snapshot to the selected case</source>
            <translation>抓图并附到所选案件</translation>
        </message>
        <message>
            <source>New case from a snapshot</source>
            <translation>抓图并新建案件</translation>
        </message>
        <message>
            <source>Clip (10 s) to the selected case</source>
            <translation>录制短视频（10 秒）并附到所选案件</translation>
        </message>
        <message>
            <source>Show on the map</source>
            <translation>在地图上显示</translation>
        </message>
        <message>
            <source>Remove from the wall</source>
            <translation>从电视墙移除</translation>
        </message>
    </context>
    <context>
        <name>VideoTile</name>
        <message>
            <source>Connecting</source>
            <translation>连接中</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>实时</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>离线</translation>
        </message>
        <message>
            <source>Cannot play</source>
            <translation>无法播放</translation>
        </message>
        <message>
            <source>Drop a camera here</source>
            <translation>将摄像头拖到这里</translation>
        </message>
        <message>
            <source>No stream address</source>
            <translation>没有视频流地址</translation>
        </message>
        <message>
            <source>Camera offline — reconnecting</source>
            <translation>摄像头离线——正在重连</translation>
        </message>
        <message>
            <source>This workstation cannot play the stream (see the log) — retrying</source>
            <translation>本工作站无法播放该视频流（见日志），正在重试</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
    </context>
    <context>
        <name>WallToolbar</name>
        <message>
            <source>Presets…</source>
            <translation>预案…</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Save the wall as a preset</source>
            <translation>将当前画面保存为预案</translation>
        </message>
        <message>
            <source>Select cameras or a group in the tree for the tour.</source>
            <translation>请在目录树中选择要轮巡的摄像头或分组。</translation>
        </message>
        <message>
            <source>Save the selected cameras as a tour</source>
            <translation>将所选摄像头保存为轮巡</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>布局</translation>
        </message>
        <message>
            <source>Preset</source>
            <translation>预案</translation>
        </message>
        <message>
            <source>Tour</source>
            <translation>轮巡</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>保存预案</translation>
        </message>
        <message>
            <source>Save tour</source>
            <translation>保存轮巡</translation>
        </message>
        <message>
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <source>Seconds each page of the tour stays on the wall</source>
            <translation>轮巡时每屏停留的秒数</translation>
        </message>
        <message>
            <source>Stop tour</source>
            <translation>停止轮巡</translation>
        </message>
        <message>
            <source>Start tour</source>
            <translation>开始轮巡</translation>
        </message>
        <message>
            <source>Cameras near the case</source>
            <translation>案件周边摄像头</translation>
        </message>
        <message>
            <source>Wall window</source>
            <translation>电视墙窗口</translation>
        </message>
    </context>
    <context>
        <name>WallWindow</name>
        <message>
            <source>Video wall</source>
            <translation>电视墙</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>全屏</translation>
        </message>
    </context>
    <context>
        <name>WriteOffDialog</name>
        <message>
            <source>Write off: %1</source>
            <translation>销账：%1</translation>
        </message>
        <message>
            <source>How was it solved?</source>
            <translation>如何解决的？</translation>
        </message>
        <message>
            <source>A write-off needs a note and at least one evidence photo.</source>
            <translation>销账须写明解决情况，并附至少一张佐证照片。</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>佐证照片</translation>
        </message>
    </context>
</TS>