# Rules-engine messages (en): reasons, computation steps, notes.

## Tests applied (shown after 符合/不符合/待核实)

test-child-rehab-age = { $member } is within the age range of rehabilitation aid (usually 0 to 6)
test-child-rehab-category = { $member } is a child with a visual, hearing, speech, physical or intellectual disability, or with autism
test-child-rehab-hardship = { $member } is in a dibao, tekun, near-dibao or other hardship household, or is an orphan (other hardship is assessed locally)
test-child-rehab-hukou = { $member } has a local hukou { $residence-permit-ok ->
        [true] or a local residence permit
        [false] (limited locally to a local hukou)
       *[other] { $residence-permit-ok }
    }
test-custody-category = { $member } has an intellectual or mental disability, or a grade 1–2 physical disability
test-custody-working-age = { $member } is of working age
test-dibao-business-checked = The household runs no business (if it does, the civil affairs office must check the business assets)
test-dibao-cars-within-limit = Number of cars within the limit (allowed: { $allowed }; household: { $cars })
test-dibao-homes-within-limit = Number of homes within the limit (allowed: { $allowed }; household: { $homes })
test-dibao-hukou-local = The applicant has a local household registration (hukou), or a residence permit where applying at the place of residence is allowed
test-dibao-income-below-standard = Monthly income per person below the dibao standard (household per person { $income }; standard { $standard }; household size { $size })
test-dibao-money-assets-within-limit = Money assets (savings etc.) per person within the limit (limit { $limit }; household per person: { $per-capita })
test-dibao-not-tekun = Dibao and tekun support are never paid to the same person: at least one member is not tekun (members likely tekun: { $tekun-members })
test-dibao-single-inclusion-edge-household = The household is a near-dibao household (低保边缘家庭), the condition for covering a member alone (单独纳入)
test-dibao-single-inclusion-own-income = { $member }’s own monthly income below the dibao standard (own income { $income }; standard { $standard })
test-dibao-single-inclusion-severe-member = { $member } has a serious illness or a severe disability (grade 1–2, or grade 3–4 intellectual or mental)
test-dibao-taper-period = Within the taper period (渐退期) after a member took a job and income rose above the standard (job started { $job-started }; taper until { $until })
test-disability-care-needs-long-term-care = { $member } cannot fully look after themselves and needs long-term care
test-disability-care-severe = { $member } has a severe disability (grade 1–2; some places include grade 3–4 intellectual or mental)
test-disability-living-disabled = { $member } has a disability
test-disability-living-household = { $member } lives in a dibao household { $includes-edge ->
        [true] or a near-dibao household (extended locally)
        [false] (limited locally to dibao households)
       *[other] { $includes-edge }
    }
test-disability-not-tekun = { $member } is not a tekun person (tekun people receive neither disability subsidy)
test-disaster-natural-disaster = The household was hit by a natural disaster
test-edge-business-checked = The household runs no business (if it does, the civil affairs office must check the business assets)
test-edge-cars-within-limit = Number of cars within the limit (allowed: { $allowed }; household: { $cars })
test-edge-homes-within-limit = Number of homes within the limit (allowed: { $allowed }; household: { $homes })
test-edge-hukou-local = The applicant has a local household registration (hukou), or a residence permit where applying at the place of residence is allowed
test-edge-income-below-multiple = Monthly income per person below the near-dibao limit (household per person { $income }; limit { $limit })
test-edge-money-assets-within-limit = Money assets (savings etc.) per person within the limit (limit { $limit }; household per person: { $per-capita })
test-edge-not-dibao = Not eligible for dibao: income per person not below the dibao standard (household per person { $income }; standard { $standard })
test-education-assistance-household = A dibao household or a household with a tekun person (dibao: { $dibao ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $dibao }
    }; tekun: { $tekun ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $tekun }
    }; near-dibao: { $edge ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $edge }
    })
test-education-has-student = A member is a student (students: { $students })
test-education-home-teaching-child = A school-age disabled child cannot attend school and can be taught at home (送教上门) (children: { $children })
test-employment-assistance-household = A household receiving social assistance: dibao, tekun or near-dibao (dibao: { $dibao ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $dibao }
    }; tekun: { $tekun ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $tekun }
    }; near-dibao: { $edge ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $edge }
    })
test-employment-jobseeker = A working-age member who can work but has no job (job seekers: { $jobseekers })
test-escort-eligible-group = { $member } is a tekun person living at home (分散供养), or aged 60+ or severely disabled in a dibao or near-dibao household
test-escort-hospital-level-known = The level of { $member }’s hospital is known (township central, county or city hospital)
test-escort-hospitalised = A member is or was in hospital
test-funeral-poor-household = A hardship household: dibao, tekun or near-dibao (dibao: { $dibao ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $dibao }
    }; tekun: { $tekun ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $tekun }
    }; near-dibao: { $edge ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $edge }
    })
test-funeral-recent-death = A member of the household has died
test-household-has-members = Household members entered (household size: { $size })
test-housing-assistance-household = A dibao household, a tekun person living at home (分散供养) or another low-income household such as near-dibao (dibao: { $dibao ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $dibao }
    }; tekun: { $tekun ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $tekun }
    }; near-dibao: { $edge ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $edge }
    })
test-housing-difficulty = Housing difficulty (no home, a very small home or an unsafe one)
test-legal-aid-hardship = Financial hardship: social-assistance recipients are exempt from the check; others are checked against the provincial standard (dibao: { $dibao ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $dibao }
    }; tekun: { $tekun ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $tekun }
    }; near-dibao: { $edge ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $edge }
    })
test-legal-aid-legal-matter = The household has a legal matter (e.g. unpaid wages, family support, work injury, personal injury compensation)
test-medical-assistance-category = A member is a dibao recipient, a tekun person, in a near-dibao household or a monitored household (防止返贫监测对象) (dibao: { $dibao ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $dibao }
    }; tekun: { $tekun ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $tekun }
    }; near-dibao: { $edge ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $edge }
    }; monitored: { $monitoring ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $monitoring }
    })
test-medical-illness-poverty-check = Impoverished by illness (因病致贫): heavy medical costs may qualify under the provincial criteria (medical spending in the past 12 months: { $spending })
test-mental-medication-hardship = { $member } is in a hardship household: dibao, tekun or near-dibao
test-mental-medication-mental-disability = { $member } has a mental (psychiatric) disability
test-orphan-care-mode-known = Known whether { $member } lives in an institution (集中养育) or with family (分散养育)
test-orphan-status = { $member } is an orphan or a child without de facto care (事实无人抚养儿童)
test-orphan-under-age = { $member } is under the age limit (usually 18)
test-parameter-available = The local figure “{ $parameter ->
        [allows_residence_permit_application] Dibao application at the place of residence with a residence permit
        [asset_limit_months] Money-asset limit per person (months of the dibao standard)
        [care_full] Tekun care allowance: full care (全护理)
        [care_full_self_care] Tekun care allowance: fully self-reliant (全自理)
        [care_partial] Tekun care allowance: partial care (半护理)
        [cars_allowed] Number of cars allowed
        [child_rehab_limb] Child rehabilitation aid: physical disability, cerebral palsy
        [child_rehab_living_allowance] Child living allowance paid to the parent (part of rehabilitation aid)
        [child_rehab_max_age] Child rehabilitation aid: maximum age
        [child_rehab_residence_permit] Rehabilitation aid for disabled children with a residence permit
        [child_rehab_sensory] Child rehabilitation aid: visual, hearing, speech, intellectual disability and autism
        [custody_boarding] Boarding care subsidy for severe intellectual disability
        [custody_home] Home care subsidy for severe intellectual disability
        [custody_sunshine] Sunshine Home (阳光家园) care service subsidy
        [dibao_standard_rural] Rural dibao standard (minimum living allowance line)
        [dibao_standard_urban] Urban dibao standard (minimum living allowance line)
        [disability_care_includes_grade34_mental] Care subsidy includes grade 3–4 intellectual and mental disability
        [disability_care_subsidy] Care subsidy for people with severe disabilities
        [disability_care_subsidy_grade1] Care subsidy for people with severe disabilities (grade 1)
        [disability_living_includes_edge] Disability living subsidy extended to near-dibao households (低保边缘家庭)
        [disability_living_subsidy] Living subsidy for disabled people in hardship
        [edge_multiplier] Near-dibao income limit (multiple of the dibao standard)
        [employment_cost_deduction] Employment cost deduction
        [escort_city] Hospital escort allowance: city-level or higher hospital
        [escort_county] Hospital escort allowance: county hospital
        [escort_township] Hospital escort allowance: township central hospital
        [expense_hardship_share] Spending hardship: essential spending as a share of annual household income
        [homes_allowed] Number of homes allowed
        [medical_share_dibao] Medical assistance share: dibao recipients
        [medical_share_edge] Medical assistance share: near-dibao households and monitored households (防止返贫监测对象)
        [medical_share_tekun] Medical assistance share: tekun (特困) people
        [mental_medication_subsidy] Medication subsidy for people with mental disabilities in hardship
        [orphan_age] Orphan support: age limit
        [orphan_centralised] Orphan living allowance: in an institution (集中养育)
        [orphan_dispersed] Orphan living allowance: with family (分散养育)
        [service_visits_disabled] Home service visits for poor severely disabled people (per month)
        [service_visits_tekun] Home service visits for tekun people living at home (per month)
        [single_inclusion] Covering a seriously ill or severely disabled member alone (单独纳入)
        [taper_months] Dibao taper period (渐退期), months
        [tekun_elder_age] Tekun: age of older people
        [tekun_living_multiple] Tekun basic living standard (multiple of the dibao standard)
        [tekun_living_standard_rural] Rural tekun basic living standard
        [tekun_living_standard_urban] Urban tekun basic living standard
        [tekun_minor_age] Tekun: age limit for minors
        [temporary_emergency_cap_months] Emergency temporary assistance cap (months of the dibao standard)
        [temporary_expense_cap_months] Spending-hardship temporary assistance cap (months of the dibao standard)
        [temporary_family_cap_year] Temporary assistance cap per household per year
        [two_cancers_grant] Two-cancers grant (one-off)
        [worker_hardship_income_multiple] Worker hardship income line (multiple of the urban dibao standard)
        [worker_hardship_living_months] Worker hardship living aid cap (months of the urban dibao standard)
        [worker_hardship_study_months] Worker hardship study aid cap per student (months of the urban dibao standard)
        [working_age_max] Working age: maximum
        [working_age_min] Working age: minimum
       *[other] { $parameter }
    }” is not in our data yet: ask the local civil affairs office
test-tekun-care-is-tekun = { $member } is a person in extreme poverty (特困人员, tekun)
test-tekun-care-self-care-assessed = { $member }’s self-care ability is known (fully self-reliant, partial care or full care)
test-tekun-category = { $member } is an older person, a minor or a person with a qualifying disability (age: { $age })
test-tekun-income-below-standard = { $member } has no means of living: own income below the dibao standard (own monthly income { $income }; standard { $standard })
test-tekun-no-able-supporter = { $member } has no family member legally obliged to support them, or that person is unable to
test-tekun-no-work-capacity = { $member } has no capacity to work
test-tekun-property-within-limit = { $member }: household property within the tekun limits
test-temporary-emergency = The household faces an emergency such as a fire, an accident or a sudden serious illness { $kind ->
        [none] (none)
        [fire] (fire)
        [accident] (accident)
        [sudden_illness] (sudden serious illness)
        [natural_disaster] (natural disaster)
        [other] (another emergency)
       *[unknown] { $kind }
    }
test-temporary-essential-spending = Essential spending in the past 12 months (medical, education, rehabilitation) above the set share of annual household income (spending { $spending }; annual income { $annual-income })
test-two-cancers-diagnosis = { $member } has been diagnosed with cervical or breast cancer
test-two-cancers-low-income = { $member } is in a low-income or monitored household (防止返贫监测对象)
test-two-cancers-rural = { $member } has a rural hukou
test-two-cancers-woman = { $member } is a woman
test-utility-dibao-or-tekun = A dibao household or a household with a tekun person (dibao: { $dibao ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $dibao }
    }; tekun: { $tekun ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $tekun }
    }; near-dibao: { $edge ->
        [yes] yes
        [no] no
        [unknown] to be checked
       *[other] { $edge }
    })
test-worker-income-below-line = Monthly income per person after essential spending (刚性支出) below the worker hardship line (household per person { $income }; line { $limit })
test-worker-union-member = A member is a trade-union member (employee)

## Computation steps (shown before the amount)

step-child-rehab-living-allowance-to-parent = of which the child living allowance paid to the parent
step-child-rehab-member = Rehabilitation aid for { $member } (per year)
step-child-rehab-to-institution = of which the training costs paid to the rehabilitation centre
step-custody-boarding = Boarding care subsidy for { $member } (paid to the care provider)
step-custody-home = Home care subsidy for { $member } (paid to the service provider)
step-custody-sunshine = Sunshine Home (阳光家园) care subsidy for { $member } (per year, paid to the care provider)
step-dibao-amount = Dibao in total = gap per person × { $persons } covered
step-dibao-gap = Gap per person = dibao standard { $standard } − income per person { $income }
step-dibao-single-inclusion-gap = { $member } covered alone (单独纳入): dibao standard − own monthly income
step-dibao-taper-keeps-amount = Dibao kept at the current amount during the taper period (渐退期)
step-disability-care-member = Care subsidy for { $member }
step-disability-living-amount = Disability living subsidy in total (persons: { $persons })
step-employment-cost-deduction = Employment cost deducted from { $member }’s wages of { $wages }
step-escort-member = Hospital escort allowance for { $member } = { $rate } a day × { $days } days
step-escort-rate-per-day = Hospital escort allowance for { $member } (per day; the length of stay is not known)
step-household-income = Counted monthly household income (household size { $size }{ $complete ->
        [true] { "" }
        [false] ; some incomes not given, counted as entered
       *[other] { $complete }
    })
step-medical-share = Medical assistance share ({ $category ->
        [tekun] tekun person
        [dibao] dibao recipient
        [edge] near-dibao household member
       *[other] { $category }
    })
step-mental-medication-amount = Medication subsidy in total (persons: { $persons }; per year)
step-orphan-standard = Orphan living allowance for { $member } ({ $mode ->
        [orphan_centralised] in an institution, 集中养育
        [orphan_dispersed] with family, 分散养育
       *[other] { $mode }
    })
step-per-capita-income = Monthly income per person = total ÷ { $size }
step-tekun-amount = Tekun support in total = { $living } per person × { $persons }
step-tekun-care-tier = Care allowance for { $member } ({ $tier ->
        [care_full_self_care] fully self-reliant, 全自理
        [care_partial] partial care, 半护理
        [care_full] full care, 全护理
       *[other] { $tier }
    })
step-tekun-living-standard = Tekun basic living standard
step-tekun-living-standard-fixed = Tekun basic living standard (the figure published locally)
step-tekun-living-standard-multiple = Tekun basic living standard = dibao standard { $standard } × { $multiple }
step-temporary-emergency-cap = Emergency assistance cap = dibao standard × { $months } months × { $persons } persons
step-temporary-expense-cap = Spending-hardship assistance cap = dibao standard × { $months } months × { $persons } persons
step-temporary-family-cap = Cap per household per year
step-two-cancers-grant = Two-cancers grant in total (persons: { $persons })
step-worker-income-after-rigid-spending = Monthly income per person after essential spending (刚性支出) (household size { $size })
step-worker-living-aid-cap = Living aid cap = urban dibao standard × { $months } months
step-worker-study-aid-cap = Study aid cap = urban dibao standard × { $months } months × { $students } students

## Notes

note-child-rehab-living-allowance-to-parent = { $amount } of the rehabilitation aid is a living allowance paid directly to the parent; the rest goes to the rehabilitation centre.
note-custody-paid-to-provider-only = The care subsidy is paid to the care provider, never to the person.
note-dibao-household-over-standard = The household’s income per person ({ $income }) has reached or exceeds the dibao standard ({ $standard }).
note-dibao-member-is-tekun = { $member } likely qualifies as a tekun person: they are supported as tekun and not counted for dibao.
note-dibao-single-inclusion = The household does not qualify for dibao, but as a near-dibao household its seriously ill or severely disabled members can be covered alone (单独纳入), each counted as a one-person household.
note-dibao-taper-until = Dibao continues during the taper period (渐退期), until { $until }.
note-disability-home-service-visits = Poor people with severe disabilities also receive home service visits: at least { $per-month } a month.
note-disaster-relief-stages = Disaster relief covers emergency relief, transitional living aid, winter and spring living aid, and grants to rebuild damaged homes.
note-edge-opens-programs = Near-dibao status brings no regular cash, but it opens medical, education, housing and temporary assistance.
note-education-apply-at-school = Education assistance is usually applied for through the child’s school.
note-education-home-teaching = { $member } cannot attend school: teachers can come to the home (送教上门).
note-employment-cost-and-taper = When a dibao household member starts work, necessary employment costs are deducted from income, and income above the standard is followed by a taper period (渐退期).
note-employment-zero-employment-family = No working-age member has a job: as a zero-employment family (零就业家庭), at least one person is helped into work.
note-escort-paid-after-discharge = The escort allowance is counted by days in hospital and paid in one sum to the escort after discharge.
note-housing-rural-renovation = Rural households in unsafe housing can apply for renovation of dilapidated housing (危房改造).
note-housing-urban-public-rental = Urban households get priority for public rental housing (公租房) or a rent subsidy.
note-legal-aid-check-waived = Social-assistance recipients are exempt from the financial check for legal aid.
note-medical-after-insurance = Medical assistance pays a share of the eligible out-of-pocket costs left after basic medical insurance, critical illness insurance and other reimbursements.
note-medical-premium-fixed = The personal premium of resident medical insurance is subsidised by a fixed amount.
note-medical-premium-full = The personal premium of resident medical insurance is fully paid for tekun people.
note-orphan-difference-only = If { $member } already receives dibao, tekun support or the disability living subsidy, the orphan allowance pays only the difference.
note-orphan-no-publicity = Orphan decisions are not publicly posted (no 公示), to protect the child’s privacy.
note-orphan-or-tekun-choose-one = { $member } qualifies for both orphan support and tekun support but can receive only one (orphan support { $orphan-amount } a month; tekun support { $tekun-amount } a month). Recommended: { $recommended ->
        [orphan] orphan support
        [tekun] tekun support
       *[other] { $recommended }
    }.
note-tekun-centralised-paid-to-institution = For people living in a care institution (集中供养), the living allowance is paid to the institution.
note-tekun-home-service-visits = Tekun people living at home also receive home service visits: at least { $per-month } a month.
note-temporary-above-cap-case-by-case = Needs above the cap are decided case by case (一事一议) by the county’s assistance coordination mechanism.
note-temporary-apply-where-it-happened = Temporary assistance can be requested from the township (street office) where the emergency happened, whatever the hukou.
note-temporary-help-first = In an emergency, help comes first and the paperwork follows (先行救助).
note-worker-medical-up-to-own-share = Medical aid for workers in hardship is also available, up to the personal share of the costs.

## What would change the outcome

change-cars-at-most = Would qualify with at most { $allowed } cars (a disabled person’s vehicle does not count).
change-child-rehab-needs-young-disabled-child = Would qualify for a disabled or autistic child aged 0 to 6 in a hardship household.
change-custody-needs-working-age-disability = Would qualify for a working-age member with an intellectual or mental disability, or a severe physical disability.
change-dibao-income-below = Would qualify for dibao with total monthly household income below { $household-monthly } (household size { $size }).
change-dibao-single-inclusion-if-severe = A member with a serious illness or a severe disability may be covered alone (单独纳入): enter their illness and disability.
change-disability-care-needs-grade = Would qualify for a member with a grade 1–2 disability (some places: also grade 3–4 intellectual or mental) who needs long-term care.
change-disability-living-needs-dibao = Would qualify for a disabled member of a dibao household (in some places also near-dibao).
change-disaster-needs-disaster = Would qualify after a natural disaster.
change-edge-income-below = Would be a near-dibao household with total monthly income below { $household-monthly } (household size { $size }) while not qualifying for dibao.
change-education-needs-dibao-or-tekun = Would qualify for students in a dibao household or a household with a tekun person.
change-employment-needs-jobseeker = Would qualify with a working-age member who can work but has no job.
change-escort-needs-hospital-stay = Would qualify when a home-based tekun person, an older person or a severely disabled person in hardship is in hospital.
change-funeral-needs-poor-household = Would qualify when a member of a hardship household has died.
change-homes-at-most = Would qualify with at most { $allowed } homes.
change-housing-needs-low-income = Would qualify for a dibao, home-based tekun or other low-income (e.g. near-dibao) household with a housing difficulty.
change-legal-aid-needs-legal-matter = Would qualify when the household has a legal matter needing help.
change-medical-needs-category = Would qualify as a dibao, tekun, near-dibao or monitored household, or when impoverished by illness (因病致贫).
change-mental-medication-needs-hardship = Would qualify for a member with a mental disability in a hardship household.
change-money-assets-at-most = Would qualify with money assets (savings etc.) of at most { $household-limit } for the whole household.
change-orphan-status = Orphan support is for minors who are orphans or without de facto care.
change-tekun-care-needs-tekun = The care allowance is only for tekun people.
change-tekun-category = Tekun support is for older people, minors and disabled people who cannot work, have no means of living and no family able to support them.
change-temporary-emergency-or-spending = Would qualify after an emergency (fire, accident, sudden illness) or when essential spending such as medical or school costs causes hardship.
change-two-cancers-needs-diagnosis = Would qualify for a woman in a rural low-income household diagnosed with cervical or breast cancer.
change-utility-needs-dibao-or-tekun = Would qualify as a dibao household or a tekun person.
change-worker-income-below = Would qualify with total monthly household income after essential spending below { $household-monthly }.
