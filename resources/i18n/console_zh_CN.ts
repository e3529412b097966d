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
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
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
</TS>