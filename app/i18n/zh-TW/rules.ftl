# Rules-engine messages (zh-TW): reasons, computation steps, notes.

## Tests applied (shown after 符合/不符合/待核實)

test-child-rehab-age = { $member }在康復救助的年齡範圍內（一般是 0 到 6 歲）
test-child-rehab-category = { $member }是視力、聽力、言語、肢體、智力殘疾或孤獨症兒童
test-child-rehab-hardship = { $member }的家庭是低保、特困、低保邊緣等困難家庭，或孩子是孤兒（其他困難家庭由當地認定）
test-child-rehab-hukou = { $member }是本地戶籍{ $residence-permit-ok ->
        [true] ，或持有本地居住證
        [false] （當地只限本地戶籍）
       *[other] { $residence-permit-ok }
    }
test-custody-category = { $member }是智力殘疾人、精神殘疾人或一、二級肢體殘疾人
test-custody-working-age = { $member }在勞動年齡內
test-dibao-business-checked = 家裡沒有開公司或做個體生意（如果有，經營財產要由民政部門核查）
test-dibao-cars-within-limit = 家庭擁有的汽車數量符合規定（最多 { $allowed } 輛；您家：{ $cars }）
test-dibao-homes-within-limit = 家庭擁有的住房套數符合規定（最多 { $allowed } 套；您家：{ $homes }）
test-dibao-hukou-local = 申請人是本地戶籍，或持有居住證且當地允許在居住地申請
test-dibao-income-below-standard = 家庭人均月收入低於低保標準（您家人均 { $income }，標準 { $standard }，按 { $size } 人計算）
test-dibao-money-assets-within-limit = 家庭人均存款等貨幣財產不超過規定（上限 { $limit }；您家人均 { $per-capita }）
test-dibao-not-tekun = 低保和特困供養不能同時享受：家裡有不屬於特困人員的成員（很可能是特困人員的：{ $tekun-members } 人）
test-dibao-single-inclusion-edge-household = 家庭屬於低保邊緣家庭（這是重病、重度殘疾成員單獨納入低保的前提）
test-dibao-single-inclusion-own-income = { $member }本人月收入低於低保標準（本人 { $income }，標準 { $standard }）
test-dibao-single-inclusion-severe-member = { $member }患有重病或重度殘疾（一、二級殘疾，或三、四級智力、精神殘疾）
test-dibao-taper-period = 家人就業後收入超過了低保標準，還在漸退期內（{ $job-started } 開始工作，漸退期到 { $until }）
test-disability-care-needs-long-term-care = { $member }生活不能完全自理，需要長期照護
test-disability-care-severe = { $member }是重度殘疾人（一、二級；有的地方包括三、四級智力、精神殘疾）
test-disability-living-disabled = { $member }是殘疾人
test-disability-living-household = { $member }所在的家庭是低保家庭{ $includes-edge ->
        [true] 或低保邊緣家庭（當地已擴大到低保邊緣家庭）
        [false] （當地只限低保家庭）
       *[other] { $includes-edge }
    }
test-disability-not-tekun = { $member }不是特困人員（特困人員不再領取殘疾人生活補貼和護理補貼）
test-disaster-natural-disaster = 家裡遭受了自然災害
test-edge-business-checked = 家裡沒有開公司或做個體生意（如果有，經營財產要由民政部門核查）
test-edge-cars-within-limit = 家庭擁有的汽車數量符合規定（最多 { $allowed } 輛；您家：{ $cars }）
test-edge-homes-within-limit = 家庭擁有的住房套數符合規定（最多 { $allowed } 套；您家：{ $homes }）
test-edge-hukou-local = 申請人是本地戶籍，或持有居住證且當地允許在居住地申請
test-edge-income-below-multiple = 家庭人均月收入低於低保邊緣家庭的收入上限（您家人均 { $income }，上限 { $limit }）
test-edge-money-assets-within-limit = 家庭人均存款等貨幣財產不超過規定（上限 { $limit }；您家人均 { $per-capita }）
test-edge-not-dibao = 家庭不符合低保：人均月收入不低於低保標準（您家人均 { $income }，標準 { $standard }）
test-education-assistance-household = 家庭是低保家庭或有特困人員（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $tekun }
    }；低保邊緣：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $edge }
    }）
test-education-has-student = 家裡有在讀學生（{ $students } 人）
test-education-home-teaching-child = 家裡有不能到校上學的適齡殘疾兒童，可以送教上門（{ $children } 人）
test-employment-assistance-household = 家庭是低保、特困或低保邊緣等社會救助家庭（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $tekun }
    }；低保邊緣：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $edge }
    }）
test-employment-jobseeker = 家裡有勞動年齡內、有勞動能力但沒有工作的人（{ $jobseekers } 人）
test-escort-eligible-group = { $member }是分散供養特困人員，或是低保、低保邊緣家庭中 60 歲以上的老人或重度殘疾人
test-escort-hospital-level-known = 已知{ $member }住院的醫院級別（鄉鎮中心醫院、縣級或市級醫院）
test-escort-hospitalised = 家裡有人住院
test-funeral-poor-household = 家庭是低保、特困或低保邊緣等困難家庭（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $tekun }
    }；低保邊緣：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $edge }
    }）
test-funeral-recent-death = 家裡有人去世
test-household-has-members = 已填寫共同生活的家庭成員（共 { $size } 人）
test-housing-assistance-household = 家庭是低保家庭、分散供養特困人員或低保邊緣等低收入家庭（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $tekun }
    }；低保邊緣：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $edge }
    }）
test-housing-difficulty = 住房有困難（沒有住房、住房很小或是危房）
test-legal-aid-hardship = 經濟困難：社會救助對象不用再審查，其他人按省裡的標準審查（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $tekun }
    }；低保邊緣：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $edge }
    }）
test-legal-aid-legal-matter = 家裡有需要法律幫助的事情（比如討要工資、贍養、工傷、人身損害賠償）
test-medical-assistance-category = 家裡有低保對象、特困人員、低保邊緣家庭成員或防止返貧監測對象（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $tekun }
    }；低保邊緣：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $edge }
    }；監測對象：{ $monitoring ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $monitoring }
    }）
test-medical-illness-poverty-check = 因病致貧：醫療費用負擔很重的，可以按省裡的規定申請認定（過去 12 個月醫療支出 { $spending }）
test-mental-medication-hardship = { $member }的家庭是低保、特困或低保邊緣等困難家庭
test-mental-medication-mental-disability = { $member }是精神殘疾人
test-orphan-care-mode-known = 已知{ $member }是在福利機構集中養育，還是在家裡或親屬家分散養育
test-orphan-status = { $member }是孤兒或事實無人撫養兒童
test-orphan-under-age = { $member }未滿規定年齡（一般是 18 週歲）
test-parameter-available = 當地的「{ $parameter ->
        [allows_residence_permit_application] 持居住證可在居住地申請低保
        [asset_limit_months] 人均存款等貨幣財產上限（低保標準的月數）
        [care_full] 特困人員照料護理補貼（全護理）
        [care_full_self_care] 特困人員照料護理補貼（全自理）
        [care_partial] 特困人員照料護理補貼（半護理）
        [cars_allowed] 允許擁有的汽車數量
        [child_rehab_limb] 殘疾兒童康復救助（肢體殘疾、腦癱）
        [child_rehab_living_allowance] 康復救助中發給家長的兒童生活費
        [child_rehab_max_age] 殘疾兒童康復救助年齡上限
        [child_rehab_residence_permit] 持居住證的殘疾兒童可申請康復救助
        [child_rehab_sensory] 殘疾兒童康復救助（視力、聽力、言語、智力殘疾和孤獨症）
        [custody_boarding] 重度智力殘疾人寄宿托養補貼
        [custody_home] 重度智力殘疾人居家安養補貼
        [custody_sunshine] 陽光家園托養服務補助
        [dibao_standard_rural] 農村低保標準
        [dibao_standard_urban] 城市低保標準
        [disability_care_includes_grade34_mental] 護理補貼包括三、四級智力和精神殘疾人
        [disability_care_subsidy] 重度殘疾人護理補貼
        [disability_care_subsidy_grade1] 重度殘疾人護理補貼（一級殘疾）
        [disability_living_includes_edge] 殘疾人生活補貼擴大到低保邊緣家庭
        [disability_living_subsidy] 困難殘疾人生活補貼
        [edge_multiplier] 低保邊緣家庭收入上限（低保標準的倍數）
        [employment_cost_deduction] 就業成本扣減
        [escort_city] 住院陪護補貼（市級及以上醫院）
        [escort_county] 住院陪護補貼（縣級醫院）
        [escort_township] 住院陪護補貼（鄉鎮中心醫院）
        [expense_hardship_share] 支出型困難：剛性支出佔家庭年收入的比例
        [homes_allowed] 允許擁有的住房套數
        [medical_share_dibao] 醫療救助比例（低保對象）
        [medical_share_edge] 醫療救助比例（低保邊緣家庭成員、防止返貧監測對象）
        [medical_share_tekun] 醫療救助比例（特困人員）
        [mental_medication_subsidy] 困難精神殘疾人藥費補助
        [orphan_age] 孤兒、事實無人撫養兒童年齡上限
        [orphan_centralised] 孤兒基本生活費（集中養育）
        [orphan_dispersed] 孤兒基本生活費（分散養育）
        [service_visits_disabled] 貧困重度殘疾人上門服務（每月次數）
        [service_visits_tekun] 分散供養特困人員上門服務（每月次數）
        [single_inclusion] 重病、重度殘疾成員單獨納入低保
        [taper_months] 低保漸退期（月數）
        [tekun_elder_age] 特困供養老年人年齡
        [tekun_living_multiple] 特困人員基本生活標準（低保標準的倍數）
        [tekun_living_standard_rural] 農村特困人員基本生活標準
        [tekun_living_standard_urban] 城市特困人員基本生活標準
        [tekun_minor_age] 特困供養未成年人年齡上限
        [temporary_emergency_cap_months] 急難型臨時救助上限（低保標準的月數）
        [temporary_expense_cap_months] 支出型臨時救助上限（低保標準的月數）
        [temporary_family_cap_year] 臨時救助每戶每年上限
        [two_cancers_grant] 兩癌救助金（一次性）
        [worker_hardship_income_multiple] 困難職工收入線（城市低保標準的倍數）
        [worker_hardship_living_months] 困難職工生活救助上限（城市低保標準的月數）
        [worker_hardship_study_months] 困難職工子女助學上限（城市低保標準的月數）
        [working_age_max] 勞動年齡上限
        [working_age_min] 勞動年齡下限
       *[other] { $parameter }
    }」還沒有收錄，需要向當地民政部門瞭解
test-tekun-care-is-tekun = { $member }是特困人員
test-tekun-care-self-care-assessed = 已知{ $member }的生活自理能力（全自理、半護理或全護理）
test-tekun-category = { $member }是老年人、未成年人或符合條件的殘疾人（年齡：{ $age }）
test-tekun-income-below-standard = { $member }沒有生活來源：本人收入低於低保標準（本人月收入 { $income }，標準 { $standard }）
test-tekun-no-able-supporter = { $member }沒有法定贍養、撫養、扶養義務人，或者義務人沒有能力履行義務
test-tekun-no-work-capacity = { $member }沒有勞動能力
test-tekun-property-within-limit = { $member }的家庭財產符合特困人員的規定
test-temporary-emergency = 家裡遇到了火災、交通事故、突發重病等急事難事{ $kind ->
        [none] （沒有遇到）
        [fire] （火災）
        [accident] （意外事故）
        [sudden_illness] （突發重病）
        [natural_disaster] （自然災害）
        [other] （其他急事難事）
       *[unknown] { $kind }
    }
test-temporary-essential-spending = 過去 12 個月看病、上學、康復等必需支出超過家庭年收入的規定比例（支出 { $spending }，家庭年收入 { $annual-income }）
test-two-cancers-diagnosis = { $member }確診患有宮頸癌或乳腺癌
test-two-cancers-low-income = { $member }的家庭是低收入家庭或防止返貧監測對象
test-two-cancers-rural = { $member }是農村戶籍
test-two-cancers-woman = { $member }是女性
test-utility-dibao-or-tekun = 家庭是低保家庭或有特困人員（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $tekun }
    }；低保邊緣：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核實
       *[other] { $edge }
    }）
test-worker-income-below-line = 扣除看病、上學、康復等剛性支出後，家庭人均月收入低於困難職工收入線（您家人均 { $income }，收入線 { $limit }）
test-worker-union-member = 家裡有人是工會會員（職工）

## Computation steps (shown before the amount)

step-child-rehab-living-allowance-to-parent = 其中發給家長的兒童生活費
step-child-rehab-member = { $member }的康復救助（每年）
step-child-rehab-to-institution = 其中付給康復機構的訓練費用
step-custody-boarding = { $member }的寄宿托養補貼（付給托養機構）
step-custody-home = { $member }的居家安養補貼（付給服務機構）
step-custody-sunshine = { $member }的陽光家園托養補助（每年，付給托養機構）
step-dibao-amount = 低保金合計 = 每人差額 × { $persons } 人
step-dibao-gap = 每人差額 = 低保標準 { $standard } − 人均月收入 { $income }
step-dibao-single-inclusion-gap = { $member }單獨納入低保：低保標準 − 本人月收入
step-dibao-taper-keeps-amount = 漸退期內繼續領取原來的低保金
step-disability-care-member = { $member }的護理補貼
step-disability-living-amount = 殘疾人生活補貼合計（{ $persons } 人）
step-employment-cost-deduction = { $member }的工資 { $wages } 中扣除就業成本
step-escort-member = { $member }的住院陪護補貼 = 每天 { $rate } × { $days } 天
step-escort-rate-per-day = { $member }的住院陪護補貼（每天；住院天數還不知道）
step-household-income = 家庭每月計入的收入合計（{ $size } 人{ $complete ->
        [true] { "" }
        [false] ；有的收入沒有填，先按已填的計算
       *[other] { $complete }
    }）
step-medical-share = 醫療救助比例（{ $category ->
        [tekun] 特困人員
        [dibao] 低保對象
        [edge] 低保邊緣家庭成員
       *[other] { $category }
    }）
step-mental-medication-amount = 藥費補助合計（{ $persons } 人，每年）
step-orphan-standard = { $member }的孤兒基本生活費（{ $mode ->
        [orphan_centralised] 集中養育，在福利機構
        [orphan_dispersed] 分散養育，在家裡或親屬家
       *[other] { $mode }
    }）
step-per-capita-income = 家庭人均月收入 = 收入合計 ÷ { $size } 人
step-tekun-amount = 特困供養合計 = 每人 { $living } × { $persons } 人
step-tekun-care-tier = { $member }的照料護理補貼（{ $tier ->
        [care_full_self_care] 全自理
        [care_partial] 半護理
        [care_full] 全護理
       *[other] { $tier }
    }）
step-tekun-living-standard = 特困人員基本生活標準
step-tekun-living-standard-fixed = 特困人員基本生活標準（當地公佈的數額）
step-tekun-living-standard-multiple = 特困人員基本生活標準 = 低保標準 { $standard } × { $multiple }
step-temporary-emergency-cap = 急難型臨時救助上限 = 低保標準 × { $months } 個月 × { $persons } 人
step-temporary-expense-cap = 支出型臨時救助上限 = 低保標準 × { $months } 個月 × { $persons } 人
step-temporary-family-cap = 臨時救助每戶每年上限
step-two-cancers-grant = 兩癌救助金合計（{ $persons } 人）
step-worker-income-after-rigid-spending = 扣除剛性支出後的家庭人均月收入（{ $size } 人）
step-worker-living-aid-cap = 生活救助上限 = 城市低保標準 × { $months } 個月
step-worker-study-aid-cap = 子女助學上限 = 城市低保標準 × { $months } 個月 × { $students } 名學生

## Notes

note-child-rehab-living-allowance-to-parent = 康復救助中有 { $amount } 是兒童生活費，直接發給家長；其餘付給康復機構。
note-custody-paid-to-provider-only = 托養補貼付給托養服務機構，不直接發給本人。
note-dibao-household-over-standard = 您家人均月收入 { $income }，已達到或超過低保標準 { $standard }。
note-dibao-member-is-tekun = { $member }很可能符合特困人員條件，按特困人員供養，不再計入低保。
note-dibao-single-inclusion = 全家不符合低保，但屬於低保邊緣家庭的，患重病或重度殘疾的成員可以單獨納入低保，按一個人計算。
note-dibao-taper-until = 漸退期內低保金照常發放，到 { $until } 為止。
note-disability-home-service-visits = 貧困重度殘疾人還可以享受上門服務，每月不少於 { $per-month } 次。
note-disaster-relief-stages = 受災人員救助包括應急救助、過渡期生活救助、冬春生活救助和倒損住房恢復重建補助。
note-edge-opens-programs = 低保邊緣家庭一般不直接發錢，但可以享受醫療、教育、住房、臨時救助等專項救助。
note-education-apply-at-school = 教育救助一般通過孩子就讀的學校申請。
note-education-home-teaching = { $member }不能到學校上學的，可以申請送教上門。
note-employment-cost-and-taper = 低保家庭成員找到工作後，計算收入時會扣除必要的就業成本；收入超過低保標準的，還有一段漸退期。
note-employment-zero-employment-family = 家裡勞動年齡內的人都沒有工作的，屬於零就業家庭，政府幫助至少一人就業。
note-escort-paid-after-discharge = 住院陪護補貼按住院天數計算，出院後一次性發給陪護的人。
note-housing-rural-renovation = 農村家庭的住房是危房的，可以申請危房改造。
note-housing-urban-public-rental = 城鎮家庭可以優先租住公共租賃住房，或者領取住房租賃補貼。
note-legal-aid-check-waived = 社會救助對象申請法律援助，不用再審查經濟困難狀況。
note-medical-after-insurance = 醫療救助在基本醫保、大病保險等報銷之後，對個人自付的合規費用按比例救助。
note-medical-premium-fixed = 參加城鄉居民醫保的個人繳費，政府按定額給予資助。
note-medical-premium-full = 特困人員參加城鄉居民醫保的個人繳費，由政府全額資助。
note-orphan-difference-only = { $member }已經領取低保、特困或殘疾人生活補貼的，孤兒基本生活費只補差額。
note-orphan-no-publicity = 孤兒和事實無人撫養兒童的認定不張榜公示，保護孩子的隱私。
note-orphan-or-tekun-choose-one = { $member }同時符合孤兒基本生活保障和特困人員供養，只能選一種（孤兒保障每月 { $orphan-amount }，特困供養每月 { $tekun-amount }），建議選擇{ $recommended ->
        [orphan] 孤兒基本生活保障
        [tekun] 特困人員救助供養
       *[other] { $recommended }
    }。
note-tekun-centralised-paid-to-institution = 集中供養（住在敬老院、福利院等機構）的，基本生活費付給供養機構。
note-tekun-home-service-visits = 分散供養的特困人員還可以享受上門服務，每月不少於 { $per-month } 次。
note-temporary-above-cap-case-by-case = 困難特別大、超過上限的，由縣裡的救助協調機制「一事一議」研究。
note-temporary-apply-where-it-happened = 臨時救助可以在急難發生地的鄉鎮（街道）申請，不受戶籍限制。
note-temporary-help-first = 情況緊急的，可以先救助，手續以後再補。
note-worker-medical-up-to-own-share = 困難職工看病還可以申請醫療幫扶，金額不超過個人自付的部分。

## What would change the outcome

change-cars-at-most = 家庭汽車不超過 { $allowed } 輛時（殘疾人代步車除外），可能符合。
change-child-rehab-needs-young-disabled-child = 困難家庭中 0 到 6 歲的殘疾兒童和孤獨症兒童，可以申請康復救助。
change-custody-needs-working-age-disability = 勞動年齡內的智力殘疾人、精神殘疾人或重度肢體殘疾人，可以申請托養服務補貼。
change-dibao-income-below = 家庭每月收入合計低於 { $household-monthly }（按 { $size } 人計算）時，可能符合低保。
change-dibao-single-inclusion-if-severe = 家裡有人患重病或是重度殘疾的，這個人可能可以單獨納入低保，請填寫病情和殘疾情況。
change-disability-care-needs-grade = 一、二級重度殘疾（有的地方包括三、四級智力、精神殘疾）、需要長期照護的，可以申請護理補貼。
change-disability-living-needs-dibao = 殘疾人所在家庭是低保家庭（有的地方包括低保邊緣家庭）時，可以申請殘疾人生活補貼。
change-disaster-needs-disaster = 遭受自然災害時，可以申請受災人員救助。
change-edge-income-below = 家庭每月收入合計低於 { $household-monthly }（按 { $size } 人計算）、又不符合低保時，可能是低保邊緣家庭。
change-education-needs-dibao-or-tekun = 低保家庭和特困人員家庭的在讀學生可以申請教育救助。
change-employment-needs-jobseeker = 家裡有勞動年齡內、有勞動能力但沒有工作的人，可以申請就業救助。
change-escort-needs-hospital-stay = 分散供養特困人員、困難老年人或重度殘疾人住院時，可以申請住院陪護補貼。
change-funeral-needs-poor-household = 困難家庭的成員去世後，可以申請減免殯葬基本服務費用。
change-homes-at-most = 家庭住房不超過 { $allowed } 套時，可能符合。
change-housing-needs-low-income = 低保、分散供養特困或低保邊緣等低收入家庭住房有困難的，可以申請住房救助。
change-legal-aid-needs-legal-matter = 遇到需要打官司或需要法律幫助的事情時，可以申請法律援助。
change-medical-needs-category = 家裡有低保對象、特困人員、低保邊緣家庭成員或防止返貧監測對象，或者因病致貧的，可以申請醫療救助。
change-mental-medication-needs-hardship = 困難家庭中的精神殘疾人，可以申請藥費補助。
change-money-assets-at-most = 家庭存款等貨幣財產合計不超過 { $household-limit } 時，可能符合。
change-orphan-status = 孤兒基本生活保障針對未成年的孤兒和事實無人撫養兒童。
change-tekun-care-needs-tekun = 照料護理補貼只發給特困人員。
change-tekun-category = 特困供養針對沒有勞動能力、沒有生活來源、沒有能盡義務的贍養撫養人的老年人、未成年人和殘疾人。
change-temporary-emergency-or-spending = 遇到火災、意外、突發重病等急事，或者看病、上學等必需支出太大、生活困難時，可以申請臨時救助。
change-two-cancers-needs-diagnosis = 農村低收入家庭的婦女確診宮頸癌或乳腺癌的，可以申請兩癌救助。
change-utility-needs-dibao-or-tekun = 成為低保家庭或特困人員後，可以申請水電費減免。
change-worker-income-below = 扣除剛性支出後，家庭每月收入合計低於 { $household-monthly } 時，可能符合困難職工幫扶。
