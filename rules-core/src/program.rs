//! The stable program ids of DESIGN.md.

use serde::{Deserialize, Serialize};

macro_rules! programs {
    ($($variant:ident = $id:literal, $zh:literal;)*) => {
        /// A social-assistance program. The ids are a contract: packs, the app's
        /// message ids and stored screenings use them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum ProgramId {
            $(#[doc = $zh] $variant,)*
        }

        impl ProgramId {
            /// Every program, in the order of DESIGN.md.
            pub const ALL: &'static [ProgramId] = &[$(ProgramId::$variant,)*];

            /// The snake_case id.
            pub fn as_str(self) -> &'static str {
                match self { $(ProgramId::$variant => $id,)* }
            }

            /// The Chinese name (for the CLI's explanations; the app uses i18n).
            pub fn name_zh(self) -> &'static str {
                match self { $(ProgramId::$variant => $zh,)* }
            }

            /// Looks a program up by its id.
            pub fn parse(id: &str) -> Option<Self> {
                match id { $($id => Some(ProgramId::$variant),)* _ => None }
            }
        }
    };
}

programs! {
    Dibao = "dibao", "最低生活保障";
    DibaoEdge = "dibao_edge", "低保边缘家庭";
    Tekun = "tekun", "特困人员救助供养";
    TekunCare = "tekun_care", "特困人员照料护理补贴";
    Orphan = "orphan", "孤儿、事实无人抚养儿童基本生活保障";
    Temporary = "temporary", "临时救助";
    Medical = "medical", "医疗救助";
    Education = "education", "教育救助";
    Housing = "housing", "住房救助";
    Employment = "employment", "就业救助";
    Disaster = "disaster", "受灾人员救助";
    DisabilityLiving = "disability_living", "困难残疾人生活补贴";
    DisabilityCare = "disability_care", "重度残疾人护理补贴";
    ChildRehab = "child_rehab", "残疾儿童康复救助";
    MentalMedication = "mental_medication", "困难精神残疾人药费补助";
    DisabilityCustody = "disability_custody", "残疾人托养服务补贴";
    HospitalEscort = "hospital_escort", "住院陪护补贴";
    WorkerHardship = "worker_hardship", "困难职工帮扶";
    LegalAid = "legal_aid", "法律援助";
    UtilityRelief = "utility_relief", "水电费减免";
    FuneralRelief = "funeral_relief", "殡葬基本服务费减免";
    TwoCancers = "two_cancers", "农村贫困妇女两癌救助";
}

impl core::fmt::Display for ProgramId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ProgramId {
    /// Parameters a pack must carry (resolvable at any date) to run the program.
    pub fn required_parameters(self) -> &'static [&'static str] {
        use ProgramId::*;
        match self {
            Dibao => &[
                "dibao_standard_urban",
                "dibao_standard_rural",
                "asset_limit_months",
                "cars_allowed",
                "homes_allowed",
                "employment_cost_deduction",
                "taper_months",
            ],
            DibaoEdge => &[
                "dibao_standard_urban",
                "dibao_standard_rural",
                "edge_multiplier",
                "asset_limit_months",
            ],
            Tekun => &[
                "dibao_standard_urban",
                "dibao_standard_rural",
                "tekun_living_multiple",
                "tekun_elder_age",
                "tekun_minor_age",
            ],
            TekunCare => &["care_full_self_care", "care_partial", "care_full"],
            Orphan => &["orphan_dispersed", "orphan_centralised", "orphan_age"],
            Temporary => &[
                "dibao_standard_urban",
                "dibao_standard_rural",
                "temporary_emergency_cap_months",
                "temporary_expense_cap_months",
                "expense_hardship_share",
            ],
            Medical => &[
                "medical_share_tekun",
                "medical_share_dibao",
                "medical_share_edge",
            ],
            Education | Housing | Disaster | LegalAid | UtilityRelief | FuneralRelief => &[],
            Employment => &["working_age_min", "working_age_max"],
            DisabilityLiving => &[
                "disability_living_subsidy",
                "disability_living_includes_edge",
            ],
            DisabilityCare => &[
                "disability_care_subsidy",
                "disability_care_includes_grade34_mental",
            ],
            ChildRehab => &[
                "child_rehab_max_age",
                "child_rehab_sensory",
                "child_rehab_limb",
                "child_rehab_living_allowance",
                "child_rehab_residence_permit",
            ],
            MentalMedication => &["mental_medication_subsidy"],
            DisabilityCustody => &[
                "working_age_min",
                "working_age_max",
                "custody_sunshine",
                "custody_boarding",
                "custody_home",
            ],
            HospitalEscort => &["escort_township", "escort_county", "escort_city"],
            WorkerHardship => &[
                "dibao_standard_urban",
                "worker_hardship_income_multiple",
                "worker_hardship_living_months",
                "worker_hardship_study_months",
            ],
            TwoCancers => &["two_cancers_grant"],
        }
    }
}

/// The four groups of programs, in the order of the 2020 reform's layers
/// (基本生活 / 专项 / 急难 / 其他), each by the message id of its title: the
/// results and the policy guide list programs in this order.
pub const GROUPS: [(&str, &[ProgramId]); 4] = {
    use ProgramId::*;
    [
        ("group-basic", &[Dibao, DibaoEdge, Tekun, TekunCare, Orphan]),
        (
            "group-special",
            &[
                Medical,
                Education,
                Housing,
                Employment,
                Disaster,
                DisabilityLiving,
                DisabilityCare,
                ChildRehab,
                MentalMedication,
                DisabilityCustody,
                HospitalEscort,
            ],
        ),
        ("group-urgent", &[Temporary]),
        (
            "group-other",
            &[
                WorkerHardship,
                LegalAid,
                UtilityRelief,
                FuneralRelief,
                TwoCancers,
            ],
        ),
    ]
};
