# Policy-pack parameter names (zh-CN), shown with their values on the results and in the policy guide.
# The guide fetches only this file; the check fetches it with rules.ftl.

## Parameter names (param-<name with _ as ->)

param-allows-residence-permit-application = 持居住证可在居住地申请低保
param-asset-limit-months = 人均存款等货币财产上限（低保标准的月数）
param-care-full = 特困人员照料护理补贴（全护理）
param-care-full-self-care = 特困人员照料护理补贴（全自理）
param-care-partial = 特困人员照料护理补贴（半护理）
param-cars-allowed = 允许拥有的汽车数量
param-child-rehab-limb = 残疾儿童康复救助（肢体残疾、脑瘫）
param-child-rehab-living-allowance = 康复救助中发给家长的儿童生活费
param-child-rehab-max-age = 残疾儿童康复救助年龄上限
param-child-rehab-residence-permit = 持居住证的残疾儿童可申请康复救助
param-child-rehab-sensory = 残疾儿童康复救助（视力、听力、言语、智力残疾和孤独症）
param-custody-boarding = 重度智力残疾人寄宿托养补贴
param-custody-home = 重度智力残疾人居家安养补贴
param-custody-sunshine = 阳光家园托养服务补助
param-dibao-standard-rural = 农村低保标准
param-dibao-standard-urban = 城市低保标准
param-disability-care-includes-grade34-mental = 护理补贴包括三、四级智力和精神残疾人
param-disability-care-subsidy = 重度残疾人护理补贴
param-disability-care-subsidy-grade1 = 重度残疾人护理补贴（一级残疾）
param-disability-living-includes-edge = 残疾人生活补贴扩大到低保边缘家庭
param-disability-living-subsidy = 困难残疾人生活补贴
param-edge-multiplier = 低保边缘家庭收入上限（低保标准的倍数）
param-employment-cost-deduction = 就业成本扣减
param-escort-city = 住院陪护补贴（市级及以上医院）
param-escort-county = 住院陪护补贴（县级医院）
param-escort-township = 住院陪护补贴（乡镇中心医院）
param-expense-hardship-share = 支出型困难：刚性支出占家庭年收入的比例
param-homes-allowed = 允许拥有的住房套数
param-medical-share-dibao = 医疗救助比例（低保对象）
param-medical-share-edge = 医疗救助比例（低保边缘家庭成员、防止返贫监测对象）
param-medical-share-tekun = 医疗救助比例（特困人员）
param-mental-medication-subsidy = 困难精神残疾人药费补助
param-orphan-age = 孤儿、事实无人抚养儿童年龄上限
param-orphan-centralised = 孤儿基本生活费（集中养育）
param-orphan-dispersed = 孤儿基本生活费（分散养育）
param-service-visits-disabled = 贫困重度残疾人上门服务（每月次数）
param-service-visits-tekun = 分散供养特困人员上门服务（每月次数）
param-single-inclusion = 重病、重度残疾成员单独纳入低保
param-taper-months = 低保渐退期（月数）
param-tekun-elder-age = 特困供养老年人年龄
param-tekun-living-multiple = 特困人员基本生活标准（低保标准的倍数）
param-tekun-living-standard-rural = 农村特困人员基本生活标准
param-tekun-living-standard-urban = 城市特困人员基本生活标准
param-tekun-minor-age = 特困供养未成年人年龄上限
param-temporary-emergency-cap-months = 急难型临时救助上限（低保标准的月数）
param-temporary-expense-cap-months = 支出型临时救助上限（低保标准的月数）
param-temporary-family-cap-year = 临时救助每户每年上限
param-two-cancers-grant = 两癌救助金（一次性）
param-worker-hardship-income-multiple = 困难职工收入线（城市低保标准的倍数）
param-worker-hardship-living-months = 困难职工生活救助上限（城市低保标准的月数）
param-worker-hardship-study-months = 困难职工子女助学上限（城市低保标准的月数）
param-working-age-max = 劳动年龄上限
param-working-age-min = 劳动年龄下限
