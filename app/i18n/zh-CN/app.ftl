# 救助通 — zh-CN (reference language: every other locale must carry every id here).

app-name = 救助通
app-page-title = 救助通 · 社会救助自查与申请
app-description = 匿名自查您家可能享受的社会救助：低保、特困、临时救助、医疗和教育救助、残疾人补贴等，看清能领多少、为什么、要带什么材料。

skip-to-content = 跳到正文
nav-label = 主导航
nav-home = 首页
lang-switch-label = 语言
lang-zh-CN = 简体中文
lang-zh-TW = 繁體中文
lang-en = English

home-heading = 查一查，您家能得到哪些救助
home-lead = 回答几个关于家庭情况的问题，就能看到您家可能符合的社会救助项目、大约能领多少、为什么，以及办理要带什么材料。
home-promises-heading = 我们的承诺
home-promise-anonymous = 匿名：不用填姓名，不用登录。
home-promise-local = 您的回答只留在这部手机上，您决定申请之前，什么都不会发送出去。
home-promise-time = 大约 3 分钟。
home-layers-heading = 社会救助包括
home-layer-basic = 基本生活救助：最低生活保障（低保）、特困人员救助供养、孤儿基本生活保障。
home-layer-special = 专项救助：医疗、教育、住房、就业、受灾人员救助，以及残疾人补贴。
home-layer-urgent = 急难救助：遇到火灾、交通事故、突发重病等急事难事时的临时救助。
home-disclaimer = 自查结果只是估算，是否符合条件、能领多少，以当地民政部门审核为准。

notfound-heading = 找不到这个页面
notfound-body = 您打开的链接可能有误，或者页面已经移走。
notfound-home-link = 回到首页

footer-text = 救助通 · 政策依据来自各地公开的社会救助文件。
