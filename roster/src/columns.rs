//! The documented columns of the roster template.

macro_rules! columns {
    ($($variant:ident = $name:literal,)*) => {
        /// A column of the roster.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Column {
            $($variant,)*
        }

        impl Column {
            /// Every column, in the documented order.
            pub const ALL: &'static [Column] = &[$(Column::$variant,)*];

            /// The header cell.
            pub fn name(self) -> &'static str {
                match self { $(Column::$variant => $name,)* }
            }

            /// The column a header cell names.
            pub fn parse(name: &str) -> Option<Column> {
                match name { $($name => Some(Column::$variant),)* _ => None }
            }
        }

        /// The header cells, in the documented order.
        pub const COLUMNS: &[&str] = &[$($name,)*];
    };
}

columns! {
    HouseholdId = "household_id",
    Relation = "relation",
    Age = "age",
    BirthDate = "birth_date",
    Sex = "sex",
    HukouLocal = "hukou_local",
    HukouKind = "hukou_kind",
    ResidencePermit = "residence_permit",
    DisabilityCategory = "disability_category",
    DisabilityGrade = "disability_grade",
    SeriousIllness = "serious_illness",
    SelfCare = "self_care",
    Student = "student",
    WorkCapacity = "work_capacity",
    Employment = "employment",
    Wages = "wages",
    OtherIncome = "other_income",
    ExcludedIncome = "excluded_income",
    UnionMember = "union_member",
    OrphanStatus = "orphan_status",
    CareMode = "care_mode",
    MoneyAssets = "money_assets",
    Cars = "cars",
    Homes = "homes",
    RunsBusiness = "runs_business",
    CurrentBenefits = "current_benefits",
    Emergency = "emergency",
    HousingDifficulty = "housing_difficulty",
    SpendingMedical = "spending_medical",
    SpendingEducation = "spending_education",
    SpendingRehabilitation = "spending_rehabilitation",
    Supporters = "supporters",
    Living = "living",
    JobStarted = "job_started",
    TwoCancersDiagnosis = "two_cancers_diagnosis",
    HospitalLevel = "hospital_level",
    HospitalDays = "hospital_days",
    MonitoringTarget = "monitoring_target",
    RecentDeath = "recent_death",
    LegalMatter = "legal_matter",
}

/// The template's header line.
pub fn header_line() -> String {
    COLUMNS.join(",")
}
