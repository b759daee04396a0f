# Policy-pack parameter names (en), shown with their values on the results and in the policy guide.
# The guide fetches only this file; the check fetches it with rules.ftl.

## Parameter names (param-<name with _ as ->)

param-allows-residence-permit-application = Dibao application at the place of residence with a residence permit
param-asset-limit-months = Money-asset limit per person (months of the dibao standard)
param-care-full = Tekun care allowance: full care (全护理)
param-care-full-self-care = Tekun care allowance: fully self-reliant (全自理)
param-care-partial = Tekun care allowance: partial care (半护理)
param-cars-allowed = Number of cars allowed
param-child-rehab-limb = Child rehabilitation aid: physical disability, cerebral palsy
param-child-rehab-living-allowance = Child living allowance paid to the parent (part of rehabilitation aid)
param-child-rehab-max-age = Child rehabilitation aid: maximum age
param-child-rehab-residence-permit = Rehabilitation aid for disabled children with a residence permit
param-child-rehab-sensory = Child rehabilitation aid: visual, hearing, speech, intellectual disability and autism
param-custody-boarding = Boarding care subsidy for severe intellectual disability
param-custody-home = Home care subsidy for severe intellectual disability
param-custody-sunshine = Sunshine Home (阳光家园) care service subsidy
param-dibao-standard-rural = Rural dibao standard (minimum living allowance line)
param-dibao-standard-urban = Urban dibao standard (minimum living allowance line)
param-disability-care-includes-grade34-mental = Care subsidy includes grade 3–4 intellectual and mental disability
param-disability-care-subsidy = Care subsidy for people with severe disabilities
param-disability-care-subsidy-grade1 = Care subsidy for people with severe disabilities (grade 1)
param-disability-living-includes-edge = Disability living subsidy extended to near-dibao households (低保边缘家庭)
param-disability-living-subsidy = Living subsidy for disabled people in hardship
param-edge-multiplier = Near-dibao income limit (multiple of the dibao standard)
param-employment-cost-deduction = Employment cost deduction
param-escort-city = Hospital escort allowance: city-level or higher hospital
param-escort-county = Hospital escort allowance: county hospital
param-escort-township = Hospital escort allowance: township central hospital
param-expense-hardship-share = Spending hardship: essential spending as a share of annual household income
param-homes-allowed = Number of homes allowed
param-medical-share-dibao = Medical assistance share: dibao recipients
param-medical-share-edge = Medical assistance share: near-dibao households and monitored households (防止返贫监测对象)
param-medical-share-tekun = Medical assistance share: tekun (特困) people
param-mental-medication-subsidy = Medication subsidy for people with mental disabilities in hardship
param-orphan-age = Orphan support: age limit
param-orphan-centralised = Orphan living allowance: in an institution (集中养育)
param-orphan-dispersed = Orphan living allowance: with family (分散养育)
param-service-visits-disabled = Home service visits for poor severely disabled people (per month)
param-service-visits-tekun = Home service visits for tekun people living at home (per month)
param-single-inclusion = Covering a seriously ill or severely disabled member alone (单独纳入)
param-taper-months = Dibao taper period (渐退期), months
param-tekun-elder-age = Tekun: age of older people
param-tekun-living-multiple = Tekun basic living standard (multiple of the dibao standard)
param-tekun-living-standard-rural = Rural tekun basic living standard
param-tekun-living-standard-urban = Urban tekun basic living standard
param-tekun-minor-age = Tekun: age limit for minors
param-temporary-emergency-cap-months = Emergency temporary assistance cap (months of the dibao standard)
param-temporary-expense-cap-months = Spending-hardship temporary assistance cap (months of the dibao standard)
param-temporary-family-cap-year = Temporary assistance cap per household per year
param-two-cancers-grant = Two-cancers grant (one-off)
param-worker-hardship-income-multiple = Worker hardship income line (multiple of the urban dibao standard)
param-worker-hardship-living-months = Worker hardship living aid cap (months of the urban dibao standard)
param-worker-hardship-study-months = Worker hardship study aid cap per student (months of the urban dibao standard)
param-working-age-max = Working age: maximum
param-working-age-min = Working age: minimum
