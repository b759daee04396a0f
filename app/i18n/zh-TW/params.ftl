# Policy-pack parameter names (zh-TW), shown with their values on the results and in the policy guide.
# The guide fetches only this file; the check fetches it with rules.ftl.

## Parameter names (param-<name with _ as ->)

param-allows-residence-permit-application = 持居住證可在居住地申請低保
param-asset-limit-months = 人均存款等貨幣財產上限（低保標準的月數）
param-care-full = 特困人員照料護理補貼（全護理）
param-care-full-self-care = 特困人員照料護理補貼（全自理）
param-care-partial = 特困人員照料護理補貼（半護理）
param-cars-allowed = 允許擁有的汽車數量
param-child-rehab-limb = 殘疾兒童康復救助（肢體殘疾、腦癱）
param-child-rehab-living-allowance = 康復救助中發給家長的兒童生活費
param-child-rehab-max-age = 殘疾兒童康復救助年齡上限
param-child-rehab-residence-permit = 持居住證的殘疾兒童可申請康復救助
param-child-rehab-sensory = 殘疾兒童康復救助（視力、聽力、言語、智力殘疾和孤獨症）
param-custody-boarding = 重度智力殘疾人寄宿托養補貼
param-custody-home = 重度智力殘疾人居家安養補貼
param-custody-sunshine = 陽光家園托養服務補助
param-dibao-standard-rural = 農村低保標準
param-dibao-standard-urban = 城市低保標準
param-disability-care-includes-grade34-mental = 護理補貼包括三、四級智力和精神殘疾人
param-disability-care-subsidy = 重度殘疾人護理補貼
param-disability-care-subsidy-grade1 = 重度殘疾人護理補貼（一級殘疾）
param-disability-living-includes-edge = 殘疾人生活補貼擴大到低保邊緣家庭
param-disability-living-subsidy = 困難殘疾人生活補貼
param-edge-multiplier = 低保邊緣家庭收入上限（低保標準的倍數）
param-employment-cost-deduction = 就業成本扣減
param-escort-city = 住院陪護補貼（市級及以上醫院）
param-escort-county = 住院陪護補貼（縣級醫院）
param-escort-township = 住院陪護補貼（鄉鎮中心醫院）
param-expense-hardship-share = 支出型困難：剛性支出佔家庭年收入的比例
param-homes-allowed = 允許擁有的住房套數
param-medical-share-dibao = 醫療救助比例（低保對象）
param-medical-share-edge = 醫療救助比例（低保邊緣家庭成員、防止返貧監測對象）
param-medical-share-tekun = 醫療救助比例（特困人員）
param-mental-medication-subsidy = 困難精神殘疾人藥費補助
param-orphan-age = 孤兒、事實無人撫養兒童年齡上限
param-orphan-centralised = 孤兒基本生活費（集中養育）
param-orphan-dispersed = 孤兒基本生活費（分散養育）
param-service-visits-disabled = 貧困重度殘疾人上門服務（每月次數）
param-service-visits-tekun = 分散供養特困人員上門服務（每月次數）
param-single-inclusion = 重病、重度殘疾成員單獨納入低保
param-taper-months = 低保漸退期（月數）
param-tekun-elder-age = 特困供養老年人年齡
param-tekun-living-multiple = 特困人員基本生活標準（低保標準的倍數）
param-tekun-living-standard-rural = 農村特困人員基本生活標準
param-tekun-living-standard-urban = 城市特困人員基本生活標準
param-tekun-minor-age = 特困供養未成年人年齡上限
param-temporary-emergency-cap-months = 急難型臨時救助上限（低保標準的月數）
param-temporary-expense-cap-months = 支出型臨時救助上限（低保標準的月數）
param-temporary-family-cap-year = 臨時救助每戶每年上限
param-two-cancers-grant = 兩癌救助金（一次性）
param-worker-hardship-income-multiple = 困難職工收入線（城市低保標準的倍數）
param-worker-hardship-living-months = 困難職工生活救助上限（城市低保標準的月數）
param-worker-hardship-study-months = 困難職工子女助學上限（城市低保標準的月數）
param-working-age-max = 勞動年齡上限
param-working-age-min = 勞動年齡下限
