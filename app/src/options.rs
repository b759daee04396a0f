//! The answers each question offers, as message ids. The labels live in the
//! Fluent files (`opt-…`); a wasm test checks every id here exists.

use rules_core::household::{
    CareMode, DisabilityCategory, EmergencyKind, Employment, HospitalLevel, HukouKind, IncomeKind,
    Living, OrphanStatus, Relation, SelfCare, Sex, StudentStage, Supporters, WorkCapacity,
};

pub const RELATIONS: &[(Relation, &str)] = &[
    (Relation::Applicant, "opt-relation-applicant"),
    (Relation::Spouse, "opt-relation-spouse"),
    (Relation::Child, "opt-relation-child"),
    (Relation::Parent, "opt-relation-parent"),
    (Relation::Grandparent, "opt-relation-grandparent"),
    (Relation::Grandchild, "opt-relation-grandchild"),
    (Relation::Sibling, "opt-relation-sibling"),
    (Relation::ChildInLaw, "opt-relation-child-in-law"),
    (Relation::Other, "opt-relation-other"),
];

pub const SEXES: &[(Sex, &str)] = &[(Sex::Female, "opt-sex-female"), (Sex::Male, "opt-sex-male")];

pub const HUKOU_KINDS: &[(HukouKind, &str)] = &[
    (HukouKind::Urban, "opt-hukou-urban"),
    (HukouKind::Rural, "opt-hukou-rural"),
];

pub const DISABILITY_CATEGORIES: &[(DisabilityCategory, &str)] = &[
    (DisabilityCategory::Visual, "opt-disability-visual"),
    (DisabilityCategory::Hearing, "opt-disability-hearing"),
    (DisabilityCategory::Speech, "opt-disability-speech"),
    (DisabilityCategory::Physical, "opt-disability-physical"),
    (
        DisabilityCategory::Intellectual,
        "opt-disability-intellectual",
    ),
    (DisabilityCategory::Mental, "opt-disability-mental"),
    (DisabilityCategory::Multiple, "opt-disability-multiple"),
];

pub const DISABILITY_GRADES: &[(u8, &str)] = &[
    (1, "opt-grade-1"),
    (2, "opt-grade-2"),
    (3, "opt-grade-3"),
    (4, "opt-grade-4"),
];

pub const SELF_CARE: &[(SelfCare, &str)] = &[
    (SelfCare::Full, "opt-self-care-full"),
    (SelfCare::Partial, "opt-self-care-partial"),
    (SelfCare::None, "opt-self-care-none"),
];

pub const STUDENT_STAGES: &[(StudentStage, &str)] = &[
    (StudentStage::NotStudent, "opt-student-none"),
    (StudentStage::Preschool, "opt-student-preschool"),
    (StudentStage::Primary, "opt-student-primary"),
    (StudentStage::JuniorSecondary, "opt-student-junior"),
    (StudentStage::SeniorSecondary, "opt-student-senior"),
    (StudentStage::Vocational, "opt-student-vocational"),
    (StudentStage::Undergraduate, "opt-student-undergraduate"),
    (StudentStage::Postgraduate, "opt-student-postgraduate"),
];

pub const WORK_CAPACITY: &[(WorkCapacity, &str)] = &[
    (WorkCapacity::Full, "opt-work-full"),
    (WorkCapacity::Partial, "opt-work-partial"),
    (WorkCapacity::None, "opt-work-none"),
];

pub const EMPLOYMENT: &[(Employment, &str)] = &[
    (Employment::Employed, "opt-employment-employed"),
    (Employment::SelfEmployed, "opt-employment-self"),
    (Employment::Unemployed, "opt-employment-unemployed"),
    (Employment::NotWorking, "opt-employment-not-working"),
];

pub const LIVING: &[(Living, &str)] = &[
    (Living::Together, "opt-living-together"),
    (Living::Institution, "opt-living-institution"),
    (Living::ClergyApart, "opt-living-clergy"),
    (Living::Imprisoned, "opt-living-imprisoned"),
    (Living::CompulsoryRehab, "opt-living-rehab"),
    (Living::Missing, "opt-living-missing"),
];

pub const SUPPORTERS: &[(Supporters, &str)] = &[
    (Supporters::None, "opt-supporters-none"),
    (Supporters::Unable, "opt-supporters-unable"),
    (Supporters::Able, "opt-supporters-able"),
];

pub const ORPHAN_STATUS: &[(OrphanStatus, &str)] = &[
    (OrphanStatus::NotOrphan, "opt-orphan-no"),
    (OrphanStatus::Orphan, "opt-orphan-orphan"),
    (OrphanStatus::DeFactoUnsupported, "opt-orphan-de-facto"),
];

pub const CARE_MODES: &[(CareMode, &str)] = &[
    (CareMode::Dispersed, "opt-care-dispersed"),
    (CareMode::Centralised, "opt-care-centralised"),
];

pub const HOSPITAL_LEVELS: &[(HospitalLevel, &str)] = &[
    (HospitalLevel::Township, "opt-hospital-township"),
    (HospitalLevel::County, "opt-hospital-county"),
    (HospitalLevel::City, "opt-hospital-city"),
];

pub const EMERGENCIES: &[(EmergencyKind, &str)] = &[
    (EmergencyKind::None, "opt-emergency-none"),
    (EmergencyKind::Fire, "opt-emergency-fire"),
    (EmergencyKind::Accident, "opt-emergency-accident"),
    (EmergencyKind::SuddenIllness, "opt-emergency-illness"),
    (EmergencyKind::NaturalDisaster, "opt-emergency-disaster"),
    (EmergencyKind::Other, "opt-emergency-other"),
];

/// Income kinds the income step asks about, counted ones first.
pub const INCOME_KINDS: &[(IncomeKind, &str)] = &[
    (IncomeKind::Wages, "opt-income-wages"),
    (IncomeKind::Business, "opt-income-business"),
    (IncomeKind::Farming, "opt-income-farming"),
    (IncomeKind::Property, "opt-income-property"),
    (IncomeKind::SupportReceived, "opt-income-support"),
    (IncomeKind::Pension, "opt-income-pension"),
    (IncomeKind::UnemploymentBenefit, "opt-income-unemployment"),
    (IncomeKind::OtherCounted, "opt-income-other-counted"),
    (IncomeKind::PreferentialCare, "opt-income-preferential-care"),
    (
        IncomeKind::FamilyPlanningAward,
        "opt-income-family-planning",
    ),
    (IncomeKind::Scholarship, "opt-income-scholarship"),
    (IncomeKind::SocialAssistance, "opt-income-social-assistance"),
    (
        IncomeKind::ResidentBasicPension,
        "opt-income-resident-pension",
    ),
    (IncomeKind::OtherExcluded, "opt-income-other-excluded"),
];

/// Every message id above, for the completeness test.
#[cfg(test)]
pub fn all_ids() -> Vec<&'static str> {
    fn ids<'a, T>(list: &'a [(T, &'static str)]) -> impl Iterator<Item = &'static str> + 'a {
        list.iter().map(|(_, id)| *id)
    }
    ids(RELATIONS)
        .chain(ids(SEXES))
        .chain(ids(HUKOU_KINDS))
        .chain(ids(DISABILITY_CATEGORIES))
        .chain(ids(DISABILITY_GRADES))
        .chain(ids(SELF_CARE))
        .chain(ids(STUDENT_STAGES))
        .chain(ids(WORK_CAPACITY))
        .chain(ids(EMPLOYMENT))
        .chain(ids(LIVING))
        .chain(ids(SUPPORTERS))
        .chain(ids(ORPHAN_STATUS))
        .chain(ids(CARE_MODES))
        .chain(ids(HOSPITAL_LEVELS))
        .chain(ids(EMERGENCIES))
        .chain(ids(INCOME_KINDS))
        .collect()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn every_option_has_a_label() {
        let missing: Vec<_> = super::all_ids()
            .into_iter()
            .filter(|id| !crate::i18n::has_reference(id))
            .collect();
        assert!(missing.is_empty(), "labels missing: {missing:?}");
    }
}
