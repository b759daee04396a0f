# Rules-engine messages (zh-CN): reasons, computation steps, notes.

## Tests applied (shown after 符合/不符合/待核实)

test-child-rehab-age = { $member }在康复救助的年龄范围内（一般是 0 到 6 岁）
test-child-rehab-category = { $member }是视力、听力、言语、肢体、智力残疾或孤独症儿童
test-child-rehab-hardship = { $member }的家庭是低保、特困、低保边缘等困难家庭，或孩子是孤儿（其他困难家庭由当地认定）
test-child-rehab-hukou = { $member }是本地户籍{ $residence-permit-ok ->
        [true] ，或持有本地居住证
        [false] （当地只限本地户籍）
       *[other] { $residence-permit-ok }
    }
test-custody-category = { $member }是智力残疾人、精神残疾人或一、二级肢体残疾人
test-custody-working-age = { $member }在劳动年龄内
test-dibao-business-checked = 家里没有开公司或做个体生意（如果有，经营财产要由民政部门核查）
test-dibao-cars-within-limit = 家庭拥有的汽车数量符合规定（最多 { $allowed } 辆；您家：{ $cars }）
test-dibao-homes-within-limit = 家庭拥有的住房套数符合规定（最多 { $allowed } 套；您家：{ $homes }）
test-dibao-hukou-local = 申请人是本地户籍，或持有居住证且当地允许在居住地申请
test-dibao-income-below-standard = 家庭人均月收入低于低保标准（您家人均 { $income }，标准 { $standard }，按 { $size } 人计算）
test-dibao-money-assets-within-limit = 家庭人均存款等货币财产不超过规定（上限 { $limit }；您家人均 { $per-capita }）
test-dibao-not-tekun = 低保和特困供养不能同时享受：家里有不属于特困人员的成员（很可能是特困人员的：{ $tekun-members } 人）
test-dibao-single-inclusion-edge-household = 家庭属于低保边缘家庭（这是重病、重度残疾成员单独纳入低保的前提）
test-dibao-single-inclusion-own-income = { $member }本人月收入低于低保标准（本人 { $income }，标准 { $standard }）
test-dibao-single-inclusion-severe-member = { $member }患有重病或重度残疾（一、二级残疾，或三、四级智力、精神残疾）
test-dibao-taper-period = 家人就业后收入超过了低保标准，还在渐退期内（{ $job-started } 开始工作，渐退期到 { $until }）
test-disability-care-needs-long-term-care = { $member }生活不能完全自理，需要长期照护
test-disability-care-severe = { $member }是重度残疾人（一、二级；有的地方包括三、四级智力、精神残疾）
test-disability-living-disabled = { $member }是残疾人
test-disability-living-household = { $member }所在的家庭是低保家庭{ $includes-edge ->
        [true] 或低保边缘家庭（当地已扩大到低保边缘家庭）
        [false] （当地只限低保家庭）
       *[other] { $includes-edge }
    }
test-disability-not-tekun = { $member }不是特困人员（特困人员不再领取残疾人生活补贴和护理补贴）
test-disaster-natural-disaster = 家里遭受了自然灾害
test-edge-business-checked = 家里没有开公司或做个体生意（如果有，经营财产要由民政部门核查）
test-edge-cars-within-limit = 家庭拥有的汽车数量符合规定（最多 { $allowed } 辆；您家：{ $cars }）
test-edge-homes-within-limit = 家庭拥有的住房套数符合规定（最多 { $allowed } 套；您家：{ $homes }）
test-edge-hukou-local = 申请人是本地户籍，或持有居住证且当地允许在居住地申请
test-edge-income-below-multiple = 家庭人均月收入低于低保边缘家庭的收入上限（您家人均 { $income }，上限 { $limit }）
test-edge-money-assets-within-limit = 家庭人均存款等货币财产不超过规定（上限 { $limit }；您家人均 { $per-capita }）
test-edge-not-dibao = 家庭不符合低保：人均月收入不低于低保标准（您家人均 { $income }，标准 { $standard }）
test-education-assistance-household = 家庭是低保家庭或有特困人员（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $tekun }
    }；低保边缘：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $edge }
    }）
test-education-has-student = 家里有在读学生（{ $students } 人）
test-education-home-teaching-child = 家里有不能到校上学的适龄残疾儿童，可以送教上门（{ $children } 人）
test-employment-assistance-household = 家庭是低保、特困或低保边缘等社会救助家庭（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $tekun }
    }；低保边缘：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $edge }
    }）
test-employment-jobseeker = 家里有劳动年龄内、有劳动能力但没有工作的人（{ $jobseekers } 人）
test-escort-eligible-group = { $member }是分散供养特困人员，或是低保、低保边缘家庭中 60 岁以上的老人或重度残疾人
test-escort-hospital-level-known = 已知{ $member }住院的医院级别（乡镇中心医院、县级或市级医院）
test-escort-hospitalised = 家里有人住院
test-funeral-poor-household = 家庭是低保、特困或低保边缘等困难家庭（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $tekun }
    }；低保边缘：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $edge }
    }）
test-funeral-recent-death = 家里有人去世
test-household-has-members = 已填写共同生活的家庭成员（共 { $size } 人）
test-housing-assistance-household = 家庭是低保家庭、分散供养特困人员或低保边缘等低收入家庭（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $tekun }
    }；低保边缘：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $edge }
    }）
test-housing-difficulty = 住房有困难（没有住房、住房很小或是危房）
test-legal-aid-hardship = 经济困难：社会救助对象不用再审查，其他人按省里的标准审查（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $tekun }
    }；低保边缘：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $edge }
    }）
test-legal-aid-legal-matter = 家里有需要法律帮助的事情（比如讨要工资、赡养、工伤、人身损害赔偿）
test-medical-assistance-category = 家里有低保对象、特困人员、低保边缘家庭成员或防止返贫监测对象（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $tekun }
    }；低保边缘：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $edge }
    }；监测对象：{ $monitoring ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $monitoring }
    }）
test-medical-illness-poverty-check = 因病致贫：医疗费用负担很重的，可以按省里的规定申请认定（过去 12 个月医疗支出 { $spending }）
test-mental-medication-hardship = { $member }的家庭是低保、特困或低保边缘等困难家庭
test-mental-medication-mental-disability = { $member }是精神残疾人
test-orphan-care-mode-known = 已知{ $member }是在福利机构集中养育，还是在家里或亲属家分散养育
test-orphan-status = { $member }是孤儿或事实无人抚养儿童
test-orphan-under-age = { $member }未满规定年龄（一般是 18 周岁）
test-parameter-available = 当地的“{ $parameter ->
        [allows_residence_permit_application] 持居住证可在居住地申请低保
        [asset_limit_months] 人均存款等货币财产上限（低保标准的月数）
        [care_full] 特困人员照料护理补贴（全护理）
        [care_full_self_care] 特困人员照料护理补贴（全自理）
        [care_partial] 特困人员照料护理补贴（半护理）
        [cars_allowed] 允许拥有的汽车数量
        [child_rehab_limb] 残疾儿童康复救助（肢体残疾、脑瘫）
        [child_rehab_living_allowance] 康复救助中发给家长的儿童生活费
        [child_rehab_max_age] 残疾儿童康复救助年龄上限
        [child_rehab_residence_permit] 持居住证的残疾儿童可申请康复救助
        [child_rehab_sensory] 残疾儿童康复救助（视力、听力、言语、智力残疾和孤独症）
        [custody_boarding] 重度智力残疾人寄宿托养补贴
        [custody_home] 重度智力残疾人居家安养补贴
        [custody_sunshine] 阳光家园托养服务补助
        [dibao_standard_rural] 农村低保标准
        [dibao_standard_urban] 城市低保标准
        [disability_care_includes_grade34_mental] 护理补贴包括三、四级智力和精神残疾人
        [disability_care_subsidy] 重度残疾人护理补贴
        [disability_care_subsidy_grade1] 重度残疾人护理补贴（一级残疾）
        [disability_living_includes_edge] 残疾人生活补贴扩大到低保边缘家庭
        [disability_living_subsidy] 困难残疾人生活补贴
        [edge_multiplier] 低保边缘家庭收入上限（低保标准的倍数）
        [employment_cost_deduction] 就业成本扣减
        [escort_city] 住院陪护补贴（市级及以上医院）
        [escort_county] 住院陪护补贴（县级医院）
        [escort_township] 住院陪护补贴（乡镇中心医院）
        [expense_hardship_share] 支出型困难：刚性支出占家庭年收入的比例
        [homes_allowed] 允许拥有的住房套数
        [medical_share_dibao] 医疗救助比例（低保对象）
        [medical_share_edge] 医疗救助比例（低保边缘家庭成员、防止返贫监测对象）
        [medical_share_tekun] 医疗救助比例（特困人员）
        [mental_medication_subsidy] 困难精神残疾人药费补助
        [orphan_age] 孤儿、事实无人抚养儿童年龄上限
        [orphan_centralised] 孤儿基本生活费（集中养育）
        [orphan_dispersed] 孤儿基本生活费（分散养育）
        [service_visits_disabled] 贫困重度残疾人上门服务（每月次数）
        [service_visits_tekun] 分散供养特困人员上门服务（每月次数）
        [single_inclusion] 重病、重度残疾成员单独纳入低保
        [taper_months] 低保渐退期（月数）
        [tekun_elder_age] 特困供养老年人年龄
        [tekun_living_multiple] 特困人员基本生活标准（低保标准的倍数）
        [tekun_living_standard_rural] 农村特困人员基本生活标准
        [tekun_living_standard_urban] 城市特困人员基本生活标准
        [tekun_minor_age] 特困供养未成年人年龄上限
        [temporary_emergency_cap_months] 急难型临时救助上限（低保标准的月数）
        [temporary_expense_cap_months] 支出型临时救助上限（低保标准的月数）
        [temporary_family_cap_year] 临时救助每户每年上限
        [two_cancers_grant] 两癌救助金（一次性）
        [worker_hardship_income_multiple] 困难职工收入线（城市低保标准的倍数）
        [worker_hardship_living_months] 困难职工生活救助上限（城市低保标准的月数）
        [worker_hardship_study_months] 困难职工子女助学上限（城市低保标准的月数）
        [working_age_max] 劳动年龄上限
        [working_age_min] 劳动年龄下限
       *[other] { $parameter }
    }”还没有收录，需要向当地民政部门了解
test-tekun-care-is-tekun = { $member }是特困人员
test-tekun-care-self-care-assessed = 已知{ $member }的生活自理能力（全自理、半护理或全护理）
test-tekun-category = { $member }是老年人、未成年人或符合条件的残疾人（年龄：{ $age }）
test-tekun-income-below-standard = { $member }没有生活来源：本人收入低于低保标准（本人月收入 { $income }，标准 { $standard }）
test-tekun-no-able-supporter = { $member }没有法定赡养、抚养、扶养义务人，或者义务人没有能力履行义务
test-tekun-no-work-capacity = { $member }没有劳动能力
test-tekun-property-within-limit = { $member }的家庭财产符合特困人员的规定
test-temporary-emergency = 家里遇到了火灾、交通事故、突发重病等急事难事{ $kind ->
        [none] （没有遇到）
        [fire] （火灾）
        [accident] （意外事故）
        [sudden_illness] （突发重病）
        [natural_disaster] （自然灾害）
        [other] （其他急事难事）
       *[unknown] { $kind }
    }
test-temporary-essential-spending = 过去 12 个月看病、上学、康复等必需支出超过家庭年收入的规定比例（支出 { $spending }，家庭年收入 { $annual-income }）
test-two-cancers-diagnosis = { $member }确诊患有宫颈癌或乳腺癌
test-two-cancers-low-income = { $member }的家庭是低收入家庭或防止返贫监测对象
test-two-cancers-rural = { $member }是农村户籍
test-two-cancers-woman = { $member }是女性
test-utility-dibao-or-tekun = 家庭是低保家庭或有特困人员（低保：{ $dibao ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $dibao }
    }；特困：{ $tekun ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $tekun }
    }；低保边缘：{ $edge ->
        [yes] 是
        [no] 否
        [unknown] 待核实
       *[other] { $edge }
    }）
test-worker-income-below-line = 扣除看病、上学、康复等刚性支出后，家庭人均月收入低于困难职工收入线（您家人均 { $income }，收入线 { $limit }）
test-worker-union-member = 家里有人是工会会员（职工）

## Computation steps (shown before the amount)

step-child-rehab-living-allowance-to-parent = 其中发给家长的儿童生活费
step-child-rehab-member = { $member }的康复救助（每年）
step-child-rehab-to-institution = 其中付给康复机构的训练费用
step-custody-boarding = { $member }的寄宿托养补贴（付给托养机构）
step-custody-home = { $member }的居家安养补贴（付给服务机构）
step-custody-sunshine = { $member }的阳光家园托养补助（每年，付给托养机构）
step-dibao-amount = 低保金合计 = 每人差额 × { $persons } 人
step-dibao-gap = 每人差额 = 低保标准 { $standard } − 人均月收入 { $income }
step-dibao-single-inclusion-gap = { $member }单独纳入低保：低保标准 − 本人月收入
step-dibao-taper-keeps-amount = 渐退期内继续领取原来的低保金
step-disability-care-member = { $member }的护理补贴
step-disability-living-amount = 残疾人生活补贴合计（{ $persons } 人）
step-employment-cost-deduction = { $member }的工资 { $wages } 中扣除就业成本
step-escort-member = { $member }的住院陪护补贴 = 每天 { $rate } × { $days } 天
step-escort-rate-per-day = { $member }的住院陪护补贴（每天；住院天数还不知道）
step-household-income = 家庭每月计入的收入合计（{ $size } 人{ $complete ->
        [true] { "" }
        [false] ；有的收入没有填，先按已填的计算
       *[other] { $complete }
    }）
step-medical-share = 医疗救助比例（{ $category ->
        [tekun] 特困人员
        [dibao] 低保对象
        [edge] 低保边缘家庭成员
       *[other] { $category }
    }）
step-mental-medication-amount = 药费补助合计（{ $persons } 人，每年）
step-orphan-standard = { $member }的孤儿基本生活费（{ $mode ->
        [orphan_centralised] 集中养育，在福利机构
        [orphan_dispersed] 分散养育，在家里或亲属家
       *[other] { $mode }
    }）
step-per-capita-income = 家庭人均月收入 = 收入合计 ÷ { $size } 人
step-tekun-amount = 特困供养合计 = 每人 { $living } × { $persons } 人
step-tekun-care-tier = { $member }的照料护理补贴（{ $tier ->
        [care_full_self_care] 全自理
        [care_partial] 半护理
        [care_full] 全护理
       *[other] { $tier }
    }）
step-tekun-living-standard = 特困人员基本生活标准
step-tekun-living-standard-fixed = 特困人员基本生活标准（当地公布的数额）
step-tekun-living-standard-multiple = 特困人员基本生活标准 = 低保标准 { $standard } × { $multiple }
step-temporary-emergency-cap = 急难型临时救助上限 = 低保标准 × { $months } 个月 × { $persons } 人
step-temporary-expense-cap = 支出型临时救助上限 = 低保标准 × { $months } 个月 × { $persons } 人
step-temporary-family-cap = 临时救助每户每年上限
step-two-cancers-grant = 两癌救助金合计（{ $persons } 人）
step-worker-income-after-rigid-spending = 扣除刚性支出后的家庭人均月收入（{ $size } 人）
step-worker-living-aid-cap = 生活救助上限 = 城市低保标准 × { $months } 个月
step-worker-study-aid-cap = 子女助学上限 = 城市低保标准 × { $months } 个月 × { $students } 名学生

## Notes

note-child-rehab-living-allowance-to-parent = 康复救助中有 { $amount } 是儿童生活费，直接发给家长；其余付给康复机构。
note-custody-paid-to-provider-only = 托养补贴付给托养服务机构，不直接发给本人。
note-dibao-household-over-standard = 您家人均月收入 { $income }，已达到或超过低保标准 { $standard }。
note-dibao-member-is-tekun = { $member }很可能符合特困人员条件，按特困人员供养，不再计入低保。
note-dibao-single-inclusion = 全家不符合低保，但属于低保边缘家庭的，患重病或重度残疾的成员可以单独纳入低保，按一个人计算。
note-dibao-taper-until = 渐退期内低保金照常发放，到 { $until } 为止。
note-disability-home-service-visits = 贫困重度残疾人还可以享受上门服务，每月不少于 { $per-month } 次。
note-disaster-relief-stages = 受灾人员救助包括应急救助、过渡期生活救助、冬春生活救助和倒损住房恢复重建补助。
note-edge-opens-programs = 低保边缘家庭一般不直接发钱，但可以享受医疗、教育、住房、临时救助等专项救助。
note-education-apply-at-school = 教育救助一般通过孩子就读的学校申请。
note-education-home-teaching = { $member }不能到学校上学的，可以申请送教上门。
note-employment-cost-and-taper = 低保家庭成员找到工作后，计算收入时会扣除必要的就业成本；收入超过低保标准的，还有一段渐退期。
note-employment-zero-employment-family = 家里劳动年龄内的人都没有工作的，属于零就业家庭，政府帮助至少一人就业。
note-escort-paid-after-discharge = 住院陪护补贴按住院天数计算，出院后一次性发给陪护的人。
note-housing-rural-renovation = 农村家庭的住房是危房的，可以申请危房改造。
note-housing-urban-public-rental = 城镇家庭可以优先租住公共租赁住房，或者领取住房租赁补贴。
note-legal-aid-check-waived = 社会救助对象申请法律援助，不用再审查经济困难状况。
note-medical-after-insurance = 医疗救助在基本医保、大病保险等报销之后，对个人自付的合规费用按比例救助。
note-medical-premium-fixed = 参加城乡居民医保的个人缴费，政府按定额给予资助。
note-medical-premium-full = 特困人员参加城乡居民医保的个人缴费，由政府全额资助。
note-orphan-difference-only = { $member }已经领取低保、特困或残疾人生活补贴的，孤儿基本生活费只补差额。
note-orphan-no-publicity = 孤儿和事实无人抚养儿童的认定不张榜公示，保护孩子的隐私。
note-orphan-or-tekun-choose-one = { $member }同时符合孤儿基本生活保障和特困人员供养，只能选一种（孤儿保障每月 { $orphan-amount }，特困供养每月 { $tekun-amount }），建议选择{ $recommended ->
        [orphan] 孤儿基本生活保障
        [tekun] 特困人员救助供养
       *[other] { $recommended }
    }。
note-tekun-centralised-paid-to-institution = 集中供养（住在敬老院、福利院等机构）的，基本生活费付给供养机构。
note-tekun-home-service-visits = 分散供养的特困人员还可以享受上门服务，每月不少于 { $per-month } 次。
note-temporary-above-cap-case-by-case = 困难特别大、超过上限的，由县里的救助协调机制“一事一议”研究。
note-temporary-apply-where-it-happened = 临时救助可以在急难发生地的乡镇（街道）申请，不受户籍限制。
note-temporary-help-first = 情况紧急的，可以先救助，手续以后再补。
note-worker-medical-up-to-own-share = 困难职工看病还可以申请医疗帮扶，金额不超过个人自付的部分。

## What would change the outcome

change-cars-at-most = 家庭汽车不超过 { $allowed } 辆时（残疾人代步车除外），可能符合。
change-child-rehab-needs-young-disabled-child = 困难家庭中 0 到 6 岁的残疾儿童和孤独症儿童，可以申请康复救助。
change-custody-needs-working-age-disability = 劳动年龄内的智力残疾人、精神残疾人或重度肢体残疾人，可以申请托养服务补贴。
change-dibao-income-below = 家庭每月收入合计低于 { $household-monthly }（按 { $size } 人计算）时，可能符合低保。
change-dibao-single-inclusion-if-severe = 家里有人患重病或是重度残疾的，这个人可能可以单独纳入低保，请填写病情和残疾情况。
change-disability-care-needs-grade = 一、二级重度残疾（有的地方包括三、四级智力、精神残疾）、需要长期照护的，可以申请护理补贴。
change-disability-living-needs-dibao = 残疾人所在家庭是低保家庭（有的地方包括低保边缘家庭）时，可以申请残疾人生活补贴。
change-disaster-needs-disaster = 遭受自然灾害时，可以申请受灾人员救助。
change-edge-income-below = 家庭每月收入合计低于 { $household-monthly }（按 { $size } 人计算）、又不符合低保时，可能是低保边缘家庭。
change-education-needs-dibao-or-tekun = 低保家庭和特困人员家庭的在读学生可以申请教育救助。
change-employment-needs-jobseeker = 家里有劳动年龄内、有劳动能力但没有工作的人，可以申请就业救助。
change-escort-needs-hospital-stay = 分散供养特困人员、困难老年人或重度残疾人住院时，可以申请住院陪护补贴。
change-funeral-needs-poor-household = 困难家庭的成员去世后，可以申请减免殡葬基本服务费用。
change-homes-at-most = 家庭住房不超过 { $allowed } 套时，可能符合。
change-housing-needs-low-income = 低保、分散供养特困或低保边缘等低收入家庭住房有困难的，可以申请住房救助。
change-legal-aid-needs-legal-matter = 遇到需要打官司或需要法律帮助的事情时，可以申请法律援助。
change-medical-needs-category = 家里有低保对象、特困人员、低保边缘家庭成员或防止返贫监测对象，或者因病致贫的，可以申请医疗救助。
change-mental-medication-needs-hardship = 困难家庭中的精神残疾人，可以申请药费补助。
change-money-assets-at-most = 家庭存款等货币财产合计不超过 { $household-limit } 时，可能符合。
change-orphan-status = 孤儿基本生活保障针对未成年的孤儿和事实无人抚养儿童。
change-tekun-care-needs-tekun = 照料护理补贴只发给特困人员。
change-tekun-category = 特困供养针对没有劳动能力、没有生活来源、没有能尽义务的赡养抚养人的老年人、未成年人和残疾人。
change-temporary-emergency-or-spending = 遇到火灾、意外、突发重病等急事，或者看病、上学等必需支出太大、生活困难时，可以申请临时救助。
change-two-cancers-needs-diagnosis = 农村低收入家庭的妇女确诊宫颈癌或乳腺癌的，可以申请两癌救助。
change-utility-needs-dibao-or-tekun = 成为低保家庭或特困人员后，可以申请水电费减免。
change-worker-income-below = 扣除刚性支出后，家庭每月收入合计低于 { $household-monthly } 时，可能符合困难职工帮扶。
