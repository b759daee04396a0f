//! The household as the resident describes it.
//!
//! Every answer may be unknown ("不知道"): a missing field or `null` means
//! unknown, never "no". Lists that are themselves answers (incomes, current
//! benefits) are `null`/missing when unknown and `[]` when the answer is "none".

use crate::date::Date;
use crate::program::ProgramId;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A household: who lives together, and the family's facts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct Household {
    /// 行政区划代码 of the place applied to (the pack), e.g. "441521".
    pub jurisdiction: Option<String>,
    /// The people who live together (共同生活的家庭成员); index 0.. is the member id.
    pub members: Vec<Member>,
    /// Deposits, cash, securities, insurance with cash value: total yuan.
    pub money_assets: Option<Decimal>,
    /// Ordinary motor vehicles (not a disabled person's vehicle, farm vehicles or motorcycles).
    pub cars: Option<u32>,
    /// Homes owned by the household.
    pub homes: Option<u32>,
    /// Runs a business or holds company shares.
    pub runs_business: Option<bool>,
    /// Essential spending over the past 12 months, yuan.
    pub spending_12m: Spending,
    /// Housing: the home is unsafe (危房) or the family lacks housing.
    pub housing_difficulty: Option<bool>,
    /// Current social-assistance benefits held; `[]` = none.
    pub current_benefits: Option<Vec<BenefitHeld>>,
    /// A recent emergency (急难).
    pub emergency: Option<EmergencyKind>,
    /// When the emergency happened.
    pub emergency_date: Option<Date>,
    /// A family member died recently (for 殡葬 fee waivers).
    pub recent_death: Option<bool>,
    /// A legal matter needing a lawyer (for 法律援助).
    pub legal_matter: Option<bool>,
    /// 防止返贫监测对象 (poverty-relapse monitoring).
    pub monitoring_target: Option<bool>,
}

/// Essential spending in the past 12 months (刚性支出), yuan per year.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct Spending {
    /// Medical costs paid out of pocket after insurance.
    pub medical: Option<Decimal>,
    pub education: Option<Decimal>,
    pub rehabilitation: Option<Decimal>,
}

/// One person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct Member {
    pub relation: Option<Relation>,
    /// Completed years (周岁); `birth_date` wins when both are given.
    pub age: Option<u32>,
    pub birth_date: Option<Date>,
    pub sex: Option<Sex>,
    pub hukou: Hukou,
    pub disability: Option<Disability>,
    /// 重特大疾病 as defined by the county.
    pub serious_illness: Option<bool>,
    /// Cervical (≥ ⅡB) or breast invasive cancer diagnosed (两癌).
    pub two_cancers_diagnosis: Option<bool>,
    /// Self-care level; derived from `adl_unable` when that is given.
    pub self_care: Option<SelfCare>,
    /// Which of the six daily activities the person cannot do alone; `[]` = all can.
    pub adl_unable: Option<Vec<DailyActivity>>,
    pub student: Option<StudentStage>,
    pub work_capacity: Option<WorkCapacity>,
    pub employment: Option<Employment>,
    /// When the current job started (for the 渐退期).
    pub job_started: Option<Date>,
    /// Monthly incomes; `[]` = no income, missing = unknown.
    pub incomes: Option<Vec<Income>>,
    pub living: Option<Living>,
    /// Legal supporters (法定赡养、抚养、扶养义务人).
    pub supporters: Option<Supporters>,
    /// 孤儿 / 事实无人抚养 status, for children.
    pub orphan_status: Option<OrphanStatus>,
    /// 分散 (at home) or 集中 (in an institution) care.
    pub care_mode: Option<CareMode>,
    /// For 托养: boarding or home care.
    pub custody_mode: Option<CustodyMode>,
    pub union_member: Option<bool>,
    pub hospital_stay: Option<HospitalStay>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Applicant,
    Spouse,
    Child,
    Parent,
    Grandparent,
    Grandchild,
    Sibling,
    ChildInLaw,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

/// 户籍.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct Hukou {
    /// 户籍 in this jurisdiction.
    pub local: Option<bool>,
    pub kind: Option<HukouKind>,
    /// Holds a local 居住证.
    pub residence_permit: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HukouKind {
    Urban,
    Rural,
}

/// A disability certificate (残疾人证), GB/T 26341-2010.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct Disability {
    /// `false` = no disability; missing = unknown.
    pub has: Option<bool>,
    pub category: Option<DisabilityCategory>,
    /// 1 (most severe) ..= 4.
    pub grade: Option<u8>,
    /// Diagnosed with autism (孤独症), for child rehabilitation.
    pub autism: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DisabilityCategory {
    Visual,
    Hearing,
    Speech,
    Physical,
    Intellectual,
    Mental,
    Multiple,
}

/// Self-care ability in three levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SelfCare {
    /// 全自理: all six activities.
    Full,
    /// 半护理: one to three activities cannot be done.
    Partial,
    /// 全护理: four or more cannot be done.
    None,
}

/// The six daily activities of the self-care assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DailyActivity {
    Eating,
    Dressing,
    BedTransfer,
    Toileting,
    WalkingIndoors,
    Bathing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StudentStage {
    NotStudent,
    Preschool,
    Primary,
    JuniorSecondary,
    SeniorSecondary,
    Vocational,
    Undergraduate,
    Postgraduate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkCapacity {
    Full,
    Partial,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    Employed,
    SelfEmployed,
    /// Out of work and looking for a job.
    Unemployed,
    /// Not working and not looking (retired, caring, studying).
    NotWorking,
}

/// One monthly income.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Income {
    pub kind: IncomeKind,
    /// Yuan per month (average over the reference period); missing = unknown.
    #[serde(default)]
    pub monthly: Option<Decimal>,
}

/// Kinds of income. The first group counts towards the means test; the second
/// is excluded by 民发〔2021〕57号 art.13.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IncomeKind {
    Wages,
    Business,
    Farming,
    Property,
    /// Support paid by obligors living elsewhere (赡养费、抚养费).
    SupportReceived,
    /// Employee pension (职工养老金).
    Pension,
    UnemploymentBenefit,
    OtherCounted,
    /// 优待抚恤金.
    PreferentialCare,
    /// 计划生育奖励扶助金.
    FamilyPlanningAward,
    /// Scholarships and awards.
    Scholarship,
    /// Social-assistance payments (低保金, 特困供养金, 孤儿基本生活费 …).
    SocialAssistance,
    /// 城乡居民基础养老金.
    ResidentBasicPension,
    OtherExcluded,
}

impl IncomeKind {
    /// Whether the kind counts as income in the means test.
    pub fn counted(self) -> bool {
        // 民发〔2021〕57号 第十三条: excluded kinds.
        !matches!(
            self,
            IncomeKind::PreferentialCare
                | IncomeKind::FamilyPlanningAward
                | IncomeKind::Scholarship
                | IncomeKind::SocialAssistance
                | IncomeKind::ResidentBasicPension
                | IncomeKind::OtherExcluded
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Living {
    /// Lives with the household.
    Together,
    /// In a care institution.
    Institution,
    /// Clergy living apart (3 years or more), not counted as a member.
    ClergyApart,
    /// Serving a sentence, not counted as a member.
    Imprisoned,
    /// In compulsory drug rehabilitation, not counted as a member.
    CompulsoryRehab,
    /// Declared missing, not counted as a member.
    Missing,
}

impl Living {
    /// 民发〔2021〕57号 第七条: these are not household members.
    pub fn excluded_from_household(self) -> bool {
        matches!(
            self,
            Living::ClergyApart | Living::Imprisoned | Living::CompulsoryRehab | Living::Missing
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Supporters {
    /// No legal supporter.
    None,
    /// Supporters exist but cannot support (特困, old, severely disabled, missing …).
    Unable,
    /// A supporter able to support.
    Able,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrphanStatus {
    NotOrphan,
    /// 孤儿: both parents dead or untraceable.
    Orphan,
    /// 事实无人抚养儿童 (民发〔2019〕62号).
    DeFactoUnsupported,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CareMode {
    /// 分散供养 / 分散养育.
    Dispersed,
    /// 集中供养 / 集中养育.
    Centralised,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustodyMode {
    Boarding,
    Home,
}

/// A hospital stay.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct HospitalStay {
    pub level: Option<HospitalLevel>,
    pub days: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HospitalLevel {
    /// 乡镇中心医院.
    Township,
    /// 县级医院.
    County,
    /// 市级及以上医院.
    City,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmergencyKind {
    None,
    Fire,
    Accident,
    SuddenIllness,
    NaturalDisaster,
    Other,
}

/// A benefit the household (or one member) already receives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct BenefitHeld {
    pub program: ProgramId,
    /// The member it is paid for; missing = the whole household.
    #[serde(default)]
    pub member: Option<usize>,
    #[serde(default)]
    pub since: Option<Date>,
    /// The monthly amount now received, yuan.
    #[serde(default)]
    pub monthly: Option<Decimal>,
}

impl Member {
    /// Age in completed years on `on`: from the birth date if known, else `age`.
    pub fn age_on(&self, on: Date) -> Option<u32> {
        self.birth_date.map(|b| b.age_on(on)).or(self.age)
    }

    /// The self-care level, from the six activities when given.
    pub fn self_care_level(&self) -> Option<SelfCare> {
        match &self.adl_unable {
            Some(list) => {
                let mut seen: Vec<DailyActivity> = Vec::new();
                for a in list {
                    if !seen.contains(a) {
                        seen.push(*a);
                    }
                }
                Some(match seen.len() {
                    0 => SelfCare::Full,
                    1..=3 => SelfCare::Partial,
                    _ => SelfCare::None,
                })
            }
            None => self.self_care,
        }
    }

    /// Whether the member counts in the household (unknown counts).
    pub fn counted_in_household(&self) -> bool {
        !self.living.is_some_and(Living::excluded_from_household)
    }

    /// `Some(true)` if the person holds a disability certificate.
    pub fn is_disabled(&self) -> Option<bool> {
        match &self.disability {
            None => None,
            Some(d) => match d.has {
                Some(h) => Some(h),
                None if d.category.is_some() || d.grade.is_some() => Some(true),
                None => None,
            },
        }
    }
}
