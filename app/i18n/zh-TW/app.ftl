# 救助通 — zh-TW.

app-name = 救助通
app-page-title = 救助通 · 社會救助自查與申請
app-description = 匿名自查您家可能享有的社會救助：低保、特困、臨時救助、醫療和教育救助、身心障礙者補貼等，看清能領多少、為什麼、要帶什麼材料。

skip-to-content = 跳到正文
nav-label = 主導覽
nav-home = 首頁
lang-switch-label = 語言
lang-zh-CN = 简体中文
lang-zh-TW = 繁體中文
lang-en = English

home-heading = 查一查，您家能得到哪些救助
home-lead = 回答幾個關於家庭情況的問題，就能看到您家可能符合的社會救助項目、大約能領多少、為什麼，以及辦理要帶什麼材料。
home-promises-heading = 我們的承諾
home-promise-anonymous = 匿名：不用填姓名，不用登入。
home-promise-local = 您的回答只留在這支手機上，您決定申請之前，什麼都不會傳送出去。
home-promise-time = 大約 3 分鐘。
home-layers-heading = 社會救助包括
home-layer-basic = 基本生活救助：最低生活保障（低保）、特困人員救助供養、孤兒基本生活保障。
home-layer-special = 專項救助：醫療、教育、住房、就業、受災人員救助，以及殘疾人補貼。
home-layer-urgent = 急難救助：遇到火災、交通事故、突發重病等急事難事時的臨時救助。
home-disclaimer = 自查結果只是估算，是否符合條件、能領多少，以當地民政部門審核為準。

notfound-heading = 找不到這個頁面
notfound-body = 您開啟的連結可能有誤，或者頁面已經移走。
notfound-home-link = 回到首頁

footer-text = 救助通 · 政策依據來自各地公開的社會救助文件。
