//! The evaluation: one household, one pack, one date → one decision per program.

use crate::date::Date;
use crate::household::{
    CareMode, CustodyMode, DisabilityCategory, EmergencyKind, Employment, HospitalLevel, Household,
    HukouKind, IncomeKind, Member, OrphanStatus, Relation, SelfCare, Sex, StudentStage, Supporters,
    WorkCapacity,
};
use crate::money::{Amount, Bound, Period, round2};
use crate::outcome::{
    ArgValue, Args, Brief, Check, ChecklistItem, Decision, Message, Outcome, Screening, Status,
    Step,
};
use crate::pack::{
    DatedValue, Pack, ParamValue, Parameter, Payee, ProgramSpec, Source, Text, TimeLimits,
};
use crate::program::ProgramId;
use rust_decimal::Decimal;
use smallvec::{SmallVec, smallvec};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::Arc;

/// A three-valued answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tri {
    Yes,
    No,
    Unknown,
}

impl Tri {
    fn from_opt(b: Option<bool>) -> Tri {
        match b {
            Some(true) => Tri::Yes,
            Some(false) => Tri::No,
            None => Tri::Unknown,
        }
    }

    fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
            (Tri::No, Tri::No) => Tri::No,
            _ => Tri::Unknown,
        }
    }

    fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Yes, Tri::Yes) => Tri::Yes,
            _ => Tri::Unknown,
        }
    }

    fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Unknown => Tri::Unknown,
        }
    }

    fn status(self) -> Status {
        match self {
            Tri::Yes => Status::Passed,
            Tri::No => Status::Failed,
            Tri::Unknown => Status::Unknown,
        }
    }

    fn any(items: impl IntoIterator<Item = Tri>) -> Tri {
        items.into_iter().fold(Tri::No, Tri::or)
    }
}

fn outcome_of(t: Tri) -> Outcome {
    match t {
        Tri::Yes => Outcome::Likely,
        Tri::Unknown => Outcome::Possible,
        Tri::No => Outcome::Unlikely,
    }
}

fn tri_of(o: Outcome) -> Tri {
    match o {
        Outcome::Likely => Tri::Yes,
        Outcome::Possible => Tri::Unknown,
        Outcome::Unlikely | Outcome::NotOffered => Tri::No,
    }
}

/// Saturating decimal helpers: user input must never make the engine panic.
fn add(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or(Decimal::MAX)
}

fn sub(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b).unwrap_or(Decimal::MIN)
}

/// `a.checked_mul(b)`, saturating. For two mantissas of at most 32 bits
/// whose scales sum to at most 28 (money, counts and multiples) the product
/// is made here as rust_decimal makes it on that path — zero for a zero
/// factor, else the 64-bit product at the summed scale — without the
/// library's general dispatch; other values go to the library.
fn mul(a: Decimal, b: Decimal) -> Decimal {
    let (ma, mb) = (a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    let scale = a.scale() + b.scale();
    if let (Ok(ma), Ok(mb)) = (u32::try_from(ma), u32::try_from(mb))
        && scale <= Decimal::MAX_SCALE
    {
        if ma == 0 || mb == 0 {
            return Decimal::ZERO;
        }
        let p = u64::from(ma) * u64::from(mb);
        let negative = a.is_sign_negative() ^ b.is_sign_negative();
        // Truncations: the two halves of the 64-bit product.
        return Decimal::from_parts(p as u32, (p >> 32) as u32, 0, negative, scale);
    }
    a.checked_mul(b).unwrap_or(Decimal::MAX)
}

fn div(a: Decimal, b: Decimal) -> Decimal {
    if b.is_zero() {
        return a;
    }
    a.checked_div(b).unwrap_or(Decimal::MAX)
}

fn dec(n: usize) -> Decimal {
    Decimal::from(u64::try_from(n).unwrap_or(u64::MAX))
}

/// `v.max(Decimal::ZERO)`: zero for a value below zero, else `v` itself (a
/// zero keeps its scale and sign, as `max` keeps it), read from the sign and
/// mantissa rather than by a decimal comparison.
fn nonneg(v: Decimal) -> Decimal {
    if v.is_sign_negative() && !v.is_zero() {
        Decimal::ZERO
    } else {
        v
    }
}

/// `a.cmp(&b)`. Values of the same scale (ages and counts against whole
/// parameters, incomes against standards written alike) compare by their
/// mantissas, which is the numeric order; others as `Decimal` compares
/// them. About fifty comparisons a screening take this path.
#[inline]
fn dcmp(a: Decimal, b: Decimal) -> Ordering {
    if a.scale() == b.scale() {
        a.mantissa().cmp(&b.mantissa())
    } else {
        a.cmp(&b)
    }
}

/// `dcmp(div(a, dec(n)), limit)` for `n >= 1`: how a per-capita share
/// compares with a limit, without the division where it cannot change the
/// answer.
///
/// With `a` and `limit` of at most four places and below 10^17, and `n`
/// below a million, `a / n` against `limit` is `a` against `limit × n`, compared exactly
/// in units of 10^-4. The rounded quotient compares the same way: when the
/// exact one equals the limit it has at most 21 digits and is exact, and
/// otherwise it differs from the limit by at least 10^-4 / n ≥ 10^-10,
/// while rust_decimal keeps at least eleven places for a quotient below
/// 10^17 (an error of at most 10^-11). Other values are divided.
fn per_capita_cmp(a: Decimal, n: usize, limit: Decimal) -> Ordering {
    const BELOW: u128 = 100_000_000_000_000_000;
    const TO_UNITS: [i128; 5] = [10_000, 1_000, 100, 10, 1];
    let (sa, sl) = (a.scale() as usize, limit.scale() as usize);
    let (ma, ml) = (a.mantissa(), limit.mantissa());
    if sa <= 4
        && sl <= 4
        && ma.unsigned_abs() < BELOW
        && ml.unsigned_abs() < BELOW
        && (1..1_000_000).contains(&n)
    {
        // In units of 10^-4; n fits: it is below a million.
        let lhs = ma * TO_UNITS[sa];
        let rhs = ml * TO_UNITS[sl] * n as i128;
        return lhs.cmp(&rhs);
    }
    dcmp(div(a, dec(n)), limit)
}

/// `le(div(a, dec(n)), limit)` by [`per_capita_cmp`].
fn per_capita_le(a: Decimal, n: usize, limit: Decimal) -> bool {
    per_capita_cmp(a, n, limit) != Ordering::Greater
}

/// `a < b` by [`dcmp`].
#[inline]
fn lt(a: Decimal, b: Decimal) -> bool {
    dcmp(a, b) == Ordering::Less
}

/// `a <= b` by [`dcmp`].
#[inline]
fn le(a: Decimal, b: Decimal) -> bool {
    dcmp(a, b) != Ordering::Greater
}

/// `a.min(b)` (`Decimal`'s own) by [`dcmp`]: `a` when they are equal (the
/// scale shows in the text).
#[inline]
fn dmin(a: Decimal, b: Decimal) -> Decimal {
    if dcmp(a, b) == Ordering::Greater {
        b
    } else {
        a
    }
}

/// `a.max(b)` (`Decimal`'s own) by [`dcmp`]: `a` when they are equal.
#[inline]
fn dmax(a: Decimal, b: Decimal) -> Decimal {
    if dcmp(a, b) == Ordering::Less { b } else { a }
}

/// `v > Decimal::ZERO`, without a decimal comparison.
fn positive(v: Decimal) -> bool {
    !v.is_zero() && v.is_sign_positive()
}

/// A message argument, made into an [`ArgValue`] only when explanations are
/// kept. Plain data (no owned string): building one for a brief screening
/// costs a few stores and nothing to drop.
#[derive(Clone, Copy, Debug)]
enum Arg {
    /// Money, shown to the fen.
    M(Decimal),
    /// Money, the product of the two: multiplied only when the reason is
    /// kept (a summary does not pay for a figure it never shows).
    Product(Decimal, Decimal),
    /// Money, a share of the first among the second (a per-capita figure):
    /// divided only when the reason is kept.
    Quotient(Decimal, usize),
    /// A plain decimal (multiples, shares, months), without trailing zeros.
    D(Decimal),
    /// A count or a member index.
    N(usize),
    /// A date, `YYYY-MM-DD`.
    Date(Date),
    T(&'static str),
}

impl Arg {
    /// The public value: kept as it is, written as text only when serialised.
    fn value(&self) -> ArgValue {
        match *self {
            Arg::M(v) => ArgValue::Money(v),
            Arg::Product(a, b) => ArgValue::Money(mul(a, b)),
            Arg::Quotient(a, n) => ArgValue::Money(div(a, dec(n))),
            Arg::D(v) => ArgValue::Number(v),
            Arg::N(n) => ArgValue::Count(n),
            Arg::Date(d) => ArgValue::Date(d),
            Arg::T(v) => ArgValue::Text(Cow::Borrowed(v)),
        }
    }
}

fn args(pairs: &[(&'static str, Arg)]) -> Args {
    let mut out = Args::default();
    if pairs.len() > out.0.inline_size() {
        out.0.reserve_exact(pairs.len());
    }
    for (k, v) in pairs {
        out.0.push((Cow::Borrowed(*k), v.value()));
    }
    out
}

fn tri_name(t: Tri) -> &'static str {
    match t {
        Tri::Yes => "yes",
        Tri::No => "no",
        Tri::Unknown => "unknown",
    }
}

/// A 低保 standard: the same figure when the area is known, the rural..urban
/// range when it is not.
#[derive(Clone, Copy, Debug)]
struct Std {
    low: Decimal,
    high: Decimal,
}

impl Std {
    /// `value < S`.
    fn below(self, value: Decimal) -> Tri {
        if lt(value, self.low) {
            Tri::Yes
        } else if !lt(value, self.high) {
            Tri::No
        } else {
            Tri::Unknown
        }
    }

    /// `div(total, dec(n)) < S` (`below` of the per-capita figure), by
    /// [`per_capita_cmp`].
    fn below_share(self, total: Decimal, n: usize) -> Tri {
        if per_capita_cmp(total, n, self.low) == Ordering::Less {
            Tri::Yes
        } else if per_capita_cmp(total, n, self.high) != Ordering::Less {
            Tri::No
        } else {
            Tri::Unknown
        }
    }

    fn scaled(self, k: Decimal) -> Std {
        Std {
            low: mul(self.low, k),
            high: mul(self.high, k),
        }
    }
}

const PROGRAMS: usize = ProgramId::ALL.len();

/// Member indexes (those counted, those a decision covers), inline for
/// households of up to eight: a brief screening allocates none.
type Idx = SmallVec<[usize; 8]>;

/// One value per member, inline for households of up to eight.
type PerMember<T> = SmallVec<[T; 8]>;

/// A pack resolved for one date: each program's settings by id and every
/// parameter the screening reads, with its value in force on the date, in
/// an array indexed by [`P`]. Build it once and screen many households
/// with it; the decisions are those of [`screen`] and [`screen_brief`].
#[derive(Clone, Debug)]
pub struct Screener<'p> {
    pack: &'p Pack,
    on: Date,
    specs: [Option<&'p ProgramSpec>; PROGRAMS],
    /// By `P`: a read is an index, not a look-up by name (a screening
    /// reads about fifty).
    params: [Option<Resolved<'p>>; P::COUNT],
}

macro_rules! params {
    ($($variant:ident = $name:literal,)*) => {
        /// Every parameter the screening reads.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum P {
            $($variant,)*
        }

        impl P {
            const ALL: &'static [P] = &[$(P::$variant,)*];
            const COUNT: usize = P::ALL.len();
        }

        /// The parameters' names in the packs, by `P`.
        const P_NAMES: [&str; P::COUNT] = [$($name,)*];
    };
}

// At most 64: `Why::recorded` has a bit for each.
const _: () = assert!(P::COUNT <= 64);

params! {
    AllowsResidencePermitApplication = "allows_residence_permit_application",
    AssetLimitMonths = "asset_limit_months",
    CareFull = "care_full",
    CareFullSelfCare = "care_full_self_care",
    CarePartial = "care_partial",
    CarsAllowed = "cars_allowed",
    ChildRehabLimb = "child_rehab_limb",
    ChildRehabLivingAllowance = "child_rehab_living_allowance",
    ChildRehabMaxAge = "child_rehab_max_age",
    ChildRehabResidencePermit = "child_rehab_residence_permit",
    ChildRehabSensory = "child_rehab_sensory",
    CustodyBoarding = "custody_boarding",
    CustodyHome = "custody_home",
    CustodySunshine = "custody_sunshine",
    DibaoStandardRural = "dibao_standard_rural",
    DibaoStandardUrban = "dibao_standard_urban",
    DisabilityCareIncludesGrade34Mental = "disability_care_includes_grade34_mental",
    DisabilityCareSubsidy = "disability_care_subsidy",
    DisabilityCareSubsidyGrade1 = "disability_care_subsidy_grade1",
    DisabilityLivingIncludesEdge = "disability_living_includes_edge",
    DisabilityLivingSubsidy = "disability_living_subsidy",
    EdgeMultiplier = "edge_multiplier",
    EmploymentCostDeduction = "employment_cost_deduction",
    EscortCity = "escort_city",
    EscortCounty = "escort_county",
    EscortTownship = "escort_township",
    ExpenseHardshipShare = "expense_hardship_share",
    HomesAllowed = "homes_allowed",
    MedicalShareDibao = "medical_share_dibao",
    MedicalShareEdge = "medical_share_edge",
    MedicalShareTekun = "medical_share_tekun",
    MentalMedicationSubsidy = "mental_medication_subsidy",
    OrphanAge = "orphan_age",
    OrphanCentralised = "orphan_centralised",
    OrphanDispersed = "orphan_dispersed",
    ServiceVisitsDisabled = "service_visits_disabled",
    ServiceVisitsTekun = "service_visits_tekun",
    SingleInclusion = "single_inclusion",
    TaperMonths = "taper_months",
    TekunElderAge = "tekun_elder_age",
    TekunLivingMultiple = "tekun_living_multiple",
    TekunLivingStandardRural = "tekun_living_standard_rural",
    TekunLivingStandardUrban = "tekun_living_standard_urban",
    TekunMinorAge = "tekun_minor_age",
    TemporaryEmergencyCapMonths = "temporary_emergency_cap_months",
    TemporaryExpenseCapMonths = "temporary_expense_cap_months",
    TemporaryFamilyCapYear = "temporary_family_cap_year",
    TwoCancersGrant = "two_cancers_grant",
    WorkerHardshipIncomeMultiple = "worker_hardship_income_multiple",
    WorkerHardshipLivingMonths = "worker_hardship_living_months",
    WorkerHardshipStudyMonths = "worker_hardship_study_months",
    WorkingAgeMax = "working_age_max",
    WorkingAgeMin = "working_age_min",
}

/// The names of [`P`] by a hash of the name, for resolving a pack's
/// parameters in one pass: open addressing (linear probing), a power of
/// two long, built at compile time.
const P_SLOTS: usize = (P::COUNT * 2).next_power_of_two();

const P_TABLE: [Option<(u64, P)>; P_SLOTS] = {
    let mut table = [None; P_SLOTS];
    let mut k = 0;
    while k < P::COUNT {
        let p = P::ALL[k];
        let h = hash_const(p.name().as_bytes());
        let mut i = slot_of(h, P_SLOTS - 1);
        while table[i].is_some() {
            i = (i + 1) & (P_SLOTS - 1);
        }
        table[i] = Some((h, p));
        k += 1;
    }
    table
};

impl P {
    /// The parameter's name in the packs.
    const fn name(self) -> &'static str {
        P_NAMES[self as usize]
    }

    /// The parameter called `name`, if the screening reads it.
    fn parse(name: &str) -> Option<P> {
        let h = hash(name);
        let mut i = slot_of(h, P_SLOTS - 1);
        loop {
            match P_TABLE[i] {
                None => return None,
                Some((ph, p)) if ph == h && p.name() == name => return Some(p),
                Some(_) => i = (i + 1) & (P_SLOTS - 1),
            }
        }
    }
}

/// A parameter in force on the screener's date.
#[derive(Clone, Copy, Debug)]
struct Resolved<'p> {
    name: &'p Text,
    param: &'p Parameter,
    value: &'p DatedValue,
}

/// Eight bytes of `b` from `at`, little-endian.
const fn word_at(b: &[u8], at: usize) -> u64 {
    let mut w = 0;
    let mut i = 0;
    while i < 8 && at + i < b.len() {
        w |= (b[at + i] as u64) << (8 * i);
        i += 1;
    }
    w
}

/// A cheap hash of a parameter name: its length and its first and last eight
/// bytes (names share prefixes such as `dibao_standard_`, and differ at the
/// end); a shorter name is read whole, zero-padded. Collisions only cost a
/// probe.
const fn hash_const(b: &[u8]) -> u64 {
    let (head, tail) = if b.len() >= 8 {
        (word_at(b, 0), word_at(b, b.len() - 8))
    } else {
        let w = word_at(b, 0);
        (w, w)
    };
    mix(head, tail, b.len())
}

/// The hash of a name from its first and last words and its length.
#[inline(always)]
const fn mix(head: u64, tail: u64, len: usize) -> u64 {
    (head ^ tail.rotate_left(29) ^ (len as u64)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// [`hash_const`], reading the words in place.
fn hash(name: &str) -> u64 {
    let b = name.as_bytes();
    match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(head), Some(tail)) => mix(
            u64::from_le_bytes(*head),
            u64::from_le_bytes(*tail),
            b.len(),
        ),
        _ => hash_const(b),
    }
}

/// The table slot to start probing at: the high bits are the best mixed.
const fn slot_of(hash: u64, mask: usize) -> usize {
    // Truncation is fine for a hash.
    (hash >> 32) as usize & mask
}

impl<'p> Screener<'p> {
    /// Resolves the pack for `on`: for screening many households.
    pub fn new(pack: &'p Pack, on: Date) -> Self {
        // One pass over the pack's programs, rather than a look-up by name
        // for each program: the same specs as `pack.program(id)`.
        let mut specs = [None; PROGRAMS];
        for (id, spec) in &pack.programs {
            if let Some(p) = ProgramId::parse(id) {
                specs[p as usize] = Some(spec);
            }
        }
        // One pass over the parameters, too: each name is hashed once, and
        // the ones the screening reads are resolved for the date.
        let mut params = [None; P::COUNT];
        for (name, param) in &pack.parameters {
            if let Some(p) = P::parse(name)
                && let Some(value) = param.value_on(on)
            {
                params[p as usize] = Some(Resolved { name, param, value });
            }
        }
        Screener {
            pack,
            on,
            specs,
            params,
        }
    }

    /// Screens a household: the same as [`screen`].
    pub fn screen(&self, household: &Household) -> Screening {
        run(self, household, true)
    }

    /// Screens a household without the reasons: the same as [`screen_brief`].
    pub fn screen_brief(&self, household: &Household) -> Screening {
        run(self, household, false)
    }

    /// Each program's outcome and amount, as [`Screener::screen_brief`]
    /// decides them, into `out` (cleared first) in the order of
    /// [`ProgramId::ALL`]. Nothing else is built — no reasons, covered
    /// members or payees, no `Decision` — so a batch that lists outcomes
    /// and amounts reuses one vector for every household.
    pub fn summarize(&self, household: &Household, out: &mut Vec<Brief>) {
        out.clear();
        let c = Ctx::new(self, household, false, false);
        decide(&c, |b| out.push(b.into_brief()));
    }

    fn spec(&self, id: ProgramId) -> Option<&'p ProgramSpec> {
        self.specs[id as usize]
    }

    fn offers(&self, id: ProgramId) -> bool {
        self.spec(id).and_then(|p| p.offered).unwrap_or(false)
    }
}

/// Household-wide facts computed once.
struct Ctx<'a> {
    s: &'a Screener<'a>,
    pack: &'a Pack,
    h: &'a Household,
    on: Date,
    /// Indexes of members counted in the household.
    counted: Idx,
    /// Each member's counted monthly income, before 就业成本: summed once,
    /// read by 特困, 低保, 边缘, 临时救助 and 职工解困.
    incomes: PerMember<IncomeSum>,
    area: Option<HukouKind>,
    applicant: Option<&'a Member>,
    /// Keep the reasons (tests, parameters, steps, notes, documents).
    explain: bool,
    /// Keep the members each decision covers (all but a summary).
    covered: bool,
}

impl<'a> Ctx<'a> {
    fn new(s: &'a Screener<'a>, h: &'a Household, explain: bool, covered: bool) -> Self {
        let pack = s.pack;
        let on = s.on;
        let counted: Idx = h
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.counted_in_household())
            .map(|(i, _)| i)
            .collect();
        let applicant = h
            .members
            .iter()
            .find(|m| m.relation == Some(Relation::Applicant))
            .or_else(|| h.members.first());
        let area = applicant.and_then(|m| m.hukou.kind);
        let cost = s.params[P::EmploymentCostDeduction as usize].map(|r| r.value.value);
        let incomes = h.members.iter().map(|m| IncomeSum::of(m, cost)).collect();
        Ctx {
            s,
            pack,
            h,
            on,
            counted,
            incomes,
            area,
            applicant,
            explain,
            covered,
        }
    }

    fn n(&self) -> usize {
        self.counted.len()
    }

    fn member(&self, i: usize) -> &Member {
        &self.h.members[i]
    }

    fn age(&self, i: usize) -> Option<u32> {
        self.member(i).age_on(self.on)
    }

    /// Whether the household (or member) already receives a program.
    fn holds(&self, program: ProgramId, member: Option<usize>) -> Tri {
        match &self.h.current_benefits {
            None => Tri::Unknown,
            Some(list) => {
                let held = list.iter().any(|b| {
                    b.program == program
                        && match (member, b.member) {
                            (Some(i), Some(j)) => i == j,
                            _ => true,
                        }
                });
                if held { Tri::Yes } else { Tri::No }
            }
        }
    }

    fn held_since(&self, program: ProgramId) -> Option<(Option<Date>, Option<Decimal>)> {
        self.h
            .current_benefits
            .as_ref()?
            .iter()
            .find(|b| b.program == program)
            .map(|b| (b.since, b.monthly))
    }

    fn employed(&self, i: usize) -> Tri {
        match self.member(i).employment {
            Some(Employment::Employed | Employment::SelfEmployed) => Tri::Yes,
            Some(_) => Tri::No,
            None => Tri::Unknown,
        }
    }
}

/// One member's counted monthly income before the 就业成本 deduction (which
/// depends on the pack and is recorded by each decision that reads it).
#[derive(Clone, Copy, Debug)]
struct IncomeSum {
    /// Counted incomes, each taken as at least zero.
    total: Decimal,
    /// The wages among them.
    wages: Decimal,
    /// `false` when the incomes are unknown or one amount is.
    complete: bool,
    /// `total` net of the 就业成本 deduction in force (`cost`), taken as at
    /// least zero: what `B::member_income` gives when it has nothing to
    /// record. A brief screening reads it instead of deducting again in
    /// each of the nine or so decisions that ask.
    net: Decimal,
}

impl IncomeSum {
    /// `cost`: the 就业成本 deduction in force, if the pack has one.
    fn of(m: &Member, cost: Option<Decimal>) -> IncomeSum {
        let mut sum = IncomeSum {
            total: Decimal::ZERO,
            wages: Decimal::ZERO,
            complete: true,
            net: Decimal::ZERO,
        };
        let Some(incomes) = &m.incomes else {
            sum.complete = false;
            return sum;
        };
        for inc in incomes.iter().filter(|x| x.kind.counted()) {
            match inc.monthly {
                Some(v) => {
                    let v = nonneg(v);
                    sum.total = add(sum.total, v);
                    if inc.kind == IncomeKind::Wages {
                        sum.wages = add(sum.wages, v);
                    }
                }
                None => sum.complete = false,
            }
        }
        sum.net = match cost {
            Some(cost) if positive(sum.wages) => nonneg(sub(sum.total, dmin(cost, sum.wages))),
            _ => nonneg(sum.total),
        };
        sum
    }
}

/// A member's severe condition for 单独纳入 (seed 000 二(二); 57号 art.8).
fn severe_for_single_inclusion(m: &Member) -> Tri {
    let illness = Tri::from_opt(m.serious_illness);
    let disability = match &m.disability {
        None => Tri::Unknown,
        Some(d) => match (d.has, d.grade, d.category) {
            (Some(false), _, _) => Tri::No,
            (_, Some(1 | 2), _) => Tri::Yes,
            (
                _,
                Some(3 | 4),
                Some(DisabilityCategory::Mental | DisabilityCategory::Intellectual),
            ) => Tri::Yes,
            (_, Some(_), Some(_)) => Tri::No,
            _ => Tri::Unknown,
        },
    };
    illness.or(disability)
}

/// 民发〔2021〕43号 认定条件: disabilities deemed to leave no work capacity.
fn tekun_disability(m: &Member) -> Tri {
    match &m.disability {
        None => Tri::Unknown,
        Some(d) => {
            if d.has == Some(false) {
                return Tri::No;
            }
            match (d.category, d.grade) {
                (Some(DisabilityCategory::Intellectual | DisabilityCategory::Mental), Some(g)) => {
                    if g <= 3 {
                        Tri::Yes
                    } else {
                        Tri::No
                    }
                }
                (Some(DisabilityCategory::Physical), Some(g)) => {
                    if g <= 2 {
                        Tri::Yes
                    } else {
                        Tri::No
                    }
                }
                (Some(DisabilityCategory::Visual), Some(g)) => {
                    if g == 1 {
                        Tri::Yes
                    } else {
                        Tri::No
                    }
                }
                (Some(DisabilityCategory::Multiple), Some(g)) => {
                    // 多重残疾: grade 1-2 always qualifies; lower grades depend on
                    // the components, which the questionnaire does not ask.
                    if g <= 2 { Tri::Yes } else { Tri::Unknown }
                }
                (Some(_), Some(_)) => Tri::No,
                _ => Tri::Unknown,
            }
        }
    }
}

fn disability_grade(m: &Member) -> Option<u8> {
    m.disability.as_ref().and_then(|d| d.grade)
}

fn disability_category(m: &Member) -> Option<DisabilityCategory> {
    m.disability.as_ref().and_then(|d| d.category)
}

/// Which program's message ids the shared tests use.
#[derive(Clone, Copy)]
enum Prefix {
    Dibao,
    Edge,
}

impl Prefix {
    fn property_ids(self) -> [&'static str; 5] {
        match self {
            Prefix::Dibao => [
                "test-dibao-money-assets-within-limit",
                "test-dibao-cars-within-limit",
                "test-dibao-homes-within-limit",
                "test-dibao-business-checked",
                "test-dibao-hukou-local",
            ],
            Prefix::Edge => [
                "test-edge-money-assets-within-limit",
                "test-edge-cars-within-limit",
                "test-edge-homes-within-limit",
                "test-edge-business-checked",
                "test-edge-hukou-local",
            ],
        }
    }
}

/// Room for the tests a decision on `program` applies to a household of
/// `members`, so that its list is allocated once and no larger than it
/// needs: most programs apply one or two tests, some a few per member (the
/// counts are those of the rules below). Up to seven `Check`s (136 bytes
/// each) stay within the native allocator's small blocks (mimalloc: 1 KiB),
/// which are several times cheaper to take than larger ones.
fn tests_room(program: ProgramId, members: usize) -> usize {
    match program {
        ProgramId::Tekun => 5 * members,
        ProgramId::TwoCancers => 4 * members,
        ProgramId::Dibao => 6 + 2 * members,
        ProgramId::DibaoEdge => 8,
        // Up to three per member, usually fewer.
        ProgramId::Orphan
        | ProgramId::DisabilityLiving
        | ProgramId::DisabilityCare
        | ProgramId::ChildRehab
        | ProgramId::TekunCare => (3 * members).clamp(4, 7),
        _ => 4,
    }
}

/// A decision's reasons and citations (the fields of [`Decision`] other
/// than the outcome, amount, covered members and payee).
#[derive(Default)]
struct Why {
    tests: Vec<Check>,
    parameters: Vec<ParamValue>,
    steps: Vec<Step>,
    would_change: Vec<Message>,
    notes: Vec<Message>,
    rule: Option<Arc<Source>>,
    office: Option<Text>,
    apply_at: Option<Text>,
    time_limits: Option<Arc<TimeLimits>>,
    documents: Vec<Text>,
    /// The parameters in `parameters`, one bit per `P`.
    recorded: u64,
}

impl Why {
    /// The program's citation, office and documents, to explain a decision
    /// on a household of `members`.
    fn of(program: ProgramId, spec: &ProgramSpec, members: usize) -> Why {
        let offered = spec.offered == Some(true);
        Why {
            // One allocation, not a chain of reallocations (none for a
            // program not offered).
            tests: if offered {
                Vec::with_capacity(tests_room(program, members))
            } else {
                Vec::new()
            },
            // The parameters it must have are read by nearly every decision
            // on it: room for them at once, not a growing list.
            parameters: if offered {
                Vec::with_capacity(program.required_parameters().len())
            } else {
                Vec::new()
            },
            rule: spec.rule.clone(),
            office: spec.office.clone(),
            apply_at: spec.apply_at.clone(),
            time_limits: spec.time_limits.clone(),
            // A program not offered lists no documents (see `not_offered`).
            // Room for the two a member may add (`documents_for_members`).
            documents: match (offered, &spec.documents) {
                (true, Some(docs)) => {
                    let mut out = Vec::with_capacity(docs.len() + 2);
                    out.extend_from_slice(docs);
                    out
                }
                _ => Vec::new(),
            },
            ..Why::default()
        }
    }
}

/// Builds one decision, recording the parameters it reads.
struct B<'c, 'a> {
    c: &'c Ctx<'a>,
    program: ProgramId,
    outcome: Option<Outcome>,
    amount: Option<Amount>,
    /// Member indexes covered; left empty for a summary (see `Ctx::covered`).
    covered: Vec<usize>,
    paid_to: Option<Payee>,
    /// The reasons, kept only when explaining. Boxed so that a brief
    /// builder is small to move and has nothing to drop.
    why: Option<Box<Why>>,
    /// Tests applied, failed and unknown (kept even when the list is not).
    tests: usize,
    failed: usize,
    unknown: usize,
}

impl<'c, 'a> B<'c, 'a> {
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn new(c: &'c Ctx<'a>, program: ProgramId) -> Self {
        let all = c.s.spec(program);
        // Without explanations the office, rule and documents are left out too.
        let why = c.explain.then(|| {
            let members = c.h.members.len();
            Box::new(
                all.map(|spec| Why::of(program, spec, members))
                    .unwrap_or_default(),
            )
        });
        B {
            c,
            program,
            outcome: None,
            amount: None,
            covered: Vec::new(),
            paid_to: all.and_then(|p| p.paid_to),
            why,
            tests: 0,
            failed: 0,
            unknown: 0,
        }
    }

    /// Whether the reasons are kept (a figure only they show is worth
    /// computing).
    fn explains(&self) -> bool {
        self.why.is_some()
    }

    /// Covers these members (unless only outcomes and amounts are wanted).
    fn cover(&mut self, members: Idx) {
        if self.c.covered {
            self.covered = members.into_vec();
        }
    }

    /// Covers every member counted in the household.
    fn cover_counted(&mut self) {
        if self.c.covered {
            self.covered = self.c.counted.to_vec();
        }
    }

    /// Reads a parameter and records it (once) with its source.
    ///
    /// Inlined in native builds: the index is then a constant and a read
    /// is a load and a test. The browser build keeps one copy.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn record(&mut self, p: P) -> Option<Decimal> {
        let r = self.c.s.params[p as usize];
        if let (Some(why), Some(r)) = (&mut self.why, r) {
            let bit = 1 << (p as u32);
            if why.recorded & bit == 0 {
                why.recorded |= bit;
                why.parameters
                    .push(ParamValue::of(r.name, r.param, r.value));
            }
        }
        r.map(|r| r.value.value)
    }

    /// Reads a parameter and records it. A missing one becomes an unknown test.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn p(&mut self, p: P) -> Option<Decimal> {
        let v = self.record(p);
        if v.is_none() {
            self.missing(p);
        }
        v
    }

    /// A missing parameter becomes an unknown test.
    #[cold]
    fn missing(&mut self, p: P) {
        self.test(
            "test-parameter-available",
            Tri::Unknown,
            &[("parameter", Arg::T(p.name()))],
        );
    }

    /// Reads an optional parameter: absent is not a problem.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn opt(&mut self, p: P) -> Option<Decimal> {
        self.record(p)
    }

    fn flag(&mut self, p: P) -> bool {
        self.p(p).is_some_and(|v| !v.is_zero())
    }

    /// The 低保 standard S for the household's area (seed 000 (七): 城乡).
    fn standard(&mut self) -> Option<Std> {
        let urban = self.p(P::DibaoStandardUrban)?;
        let rural = self.p(P::DibaoStandardRural)?;
        Some(match self.c.area {
            Some(HukouKind::Urban) => Std {
                low: urban,
                high: urban,
            },
            Some(HukouKind::Rural) => Std {
                low: rural,
                high: rural,
            },
            None => Std {
                low: dmin(urban, rural),
                high: dmax(urban, rural),
            },
        })
    }

    // The reasons' arguments are rendered only when explaining: a brief
    // screening only counts the tests.
    #[inline]
    fn test(&mut self, id: &'static str, t: Tri, a: &[(&'static str, Arg)]) -> Tri {
        self.tests += 1;
        match t {
            Tri::No => self.failed += 1,
            Tri::Unknown => self.unknown += 1,
            Tri::Yes => {}
        }
        if let Some(why) = &mut self.why {
            why.tests.push(Check {
                id: Cow::Borrowed(id),
                status: t.status(),
                args: args(a),
            });
        }
        t
    }

    #[inline]
    fn step(&mut self, id: &'static str, a: &[(&'static str, Arg)], value: Decimal) {
        if let Some(why) = &mut self.why {
            why.steps.push(Step {
                id: Cow::Borrowed(id),
                args: args(a),
                value: round2(value),
            });
        }
    }

    #[inline]
    fn note(&mut self, id: &'static str, a: &[(&'static str, Arg)]) {
        if let Some(why) = &mut self.why {
            why.notes.push(Message {
                id: Cow::Borrowed(id),
                args: args(a),
            });
        }
    }

    #[inline]
    fn change(&mut self, id: &'static str, a: &[(&'static str, Arg)]) {
        if let Some(why) = &mut self.why {
            why.would_change.push(Message {
                id: Cow::Borrowed(id),
                args: args(a),
            });
        }
    }

    /// Adds the illness and disability proofs when a member needs them.
    fn documents_for_members(&mut self) {
        let c = self.c;
        let Some(why) = &mut self.why else {
            return;
        };
        let members = || c.counted.iter().map(|&i| c.member(i));
        let ill = members().any(|m| m.serious_illness == Some(true));
        let disabled = members().any(|m| m.is_disabled() == Some(true));
        for (needed, id) in [(ill, "illness_diagnosis"), (disabled, "disability_card")] {
            let known = c.pack.documents.contains_key(id);
            if needed && known && !why.documents.iter().any(|d| &**d == id) {
                why.documents.push(id.into());
            }
        }
    }

    /// Whether every test so far passed (vacuously true for none).
    fn all_passed(&self) -> bool {
        self.failed == 0 && self.unknown == 0
    }

    fn set_outcome(&mut self, t: Tri) {
        self.outcome = Some(outcome_of(t));
    }

    /// Settles the outcome (the one set, else the tests'): an unlikely
    /// decision has no amount and covers nobody; any other needs no change.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn settle(&mut self) -> Outcome {
        let from_tests = if self.failed > 0 {
            Outcome::Unlikely
        } else if self.unknown > 0 {
            Outcome::Possible
        } else {
            Outcome::Likely
        };
        let outcome = self.outcome.unwrap_or(from_tests);
        self.outcome = Some(outcome);
        if outcome == Outcome::Unlikely {
            self.amount = None;
            self.covered.clear();
        } else if let Some(why) = &mut self.why {
            why.would_change.clear();
        }
        if let Some(a) = &mut self.amount {
            a.value = nonneg(a.value);
        }
        outcome
    }

    fn into_decision(mut self) -> Decision {
        let outcome = self.settle();
        let Why {
            tests,
            parameters,
            steps,
            would_change,
            notes,
            rule,
            office,
            apply_at,
            time_limits,
            documents,
            recorded: _,
        } = self.why.map(|why| *why).unwrap_or_default();
        Decision {
            program: self.program,
            outcome,
            tests,
            parameters,
            amount: self.amount,
            steps,
            covered: self.covered,
            would_change,
            notes,
            paid_to: self.paid_to,
            rule,
            office,
            apply_at,
            time_limits,
            documents,
        }
    }

    fn into_brief(mut self) -> Brief {
        Brief {
            outcome: self.settle(),
            program: self.program,
            amount: self.amount,
        }
    }

    /// Sum of counted monthly income of one member, net of 就业成本.
    /// Returns (lower bound, complete).
    fn member_income(&mut self, i: usize) -> (Decimal, bool) {
        let Some(&IncomeSum {
            mut total,
            wages,
            complete,
            net,
        }) = self.c.incomes.get(i)
        else {
            return (Decimal::ZERO, false);
        };
        if self.why.is_none() && self.c.s.params[P::EmploymentCostDeduction as usize].is_some() {
            // Nothing to record, and no missing parameter to count: the
            // deduction below, made once for the screening.
            return (net, complete);
        }
        if positive(wages) {
            // seed 000 二(三)4: 对已就业的低保对象，扣减必要的就业成本
            if let Some(cost) = self.p(P::EmploymentCostDeduction) {
                let deducted = dmin(cost, wages);
                total = sub(total, deducted);
                self.step(
                    "step-employment-cost-deduction",
                    &[("member", Arg::N(i)), ("wages", Arg::M(wages))],
                    deducted,
                );
            }
        }
        (nonneg(total), complete)
    }

    /// Household counted monthly income (lower bound, complete).
    fn household_income(&mut self) -> (Decimal, bool) {
        let mut total = Decimal::ZERO;
        let mut complete = true;
        // The context outlives the builder: no copy of the index list.
        let ctx = self.c;
        for &i in &ctx.counted {
            let (v, c) = self.member_income(i);
            total = add(total, v);
            complete &= c;
        }
        (total, complete)
    }

    /// Property tests shared by 低保, 边缘 and 特困 (local PARAM thresholds).
    fn property_tests(&mut self, prefix: Prefix, std: Std) -> Tri {
        let ids = prefix.property_ids();
        let n = self.c.n().max(1);
        let mut all = Tri::Yes;
        if let Some(months) = self.p(P::AssetLimitMonths) {
            let limit = std.scaled(months);
            let assets = self.c.h.money_assets.map(nonneg);
            let t = match assets {
                None => Tri::Unknown,
                // 不超过: the limit itself passes.
                Some(a) if per_capita_le(a, n, limit.low) => Tri::Yes,
                Some(a) if !per_capita_le(a, n, limit.high) => Tri::No,
                Some(_) => Tri::Unknown,
            };
            let pc = assets.map_or(Arg::T(""), |a| Arg::Quotient(a, n));
            all = all.and(self.test(
                ids[0],
                t,
                &[("per-capita", pc), ("limit", Arg::M(limit.low))],
            ));
            if t == Tri::No {
                self.change(
                    "change-money-assets-at-most",
                    &[("household-limit", Arg::Product(limit.low, dec(n)))],
                );
            }
        }
        if let Some(allowed) = self.p(P::CarsAllowed) {
            let t = match self.c.h.cars {
                None => Tri::Unknown,
                Some(c) => {
                    if le(Decimal::from(c), allowed) {
                        Tri::Yes
                    } else {
                        Tri::No
                    }
                }
            };
            let cars = self.c.h.cars.map_or(Arg::T(""), |c| Arg::N(c as usize));
            all = all.and(self.test(ids[1], t, &[("cars", cars), ("allowed", Arg::D(allowed))]));
            if t == Tri::No {
                self.change("change-cars-at-most", &[("allowed", Arg::D(allowed))]);
            }
        }
        if let Some(allowed) = self.p(P::HomesAllowed) {
            let t = match self.c.h.homes {
                None => Tri::Unknown,
                Some(c) => {
                    if le(Decimal::from(c), allowed) {
                        Tri::Yes
                    } else {
                        Tri::No
                    }
                }
            };
            let homes = self.c.h.homes.map_or(Arg::T(""), |c| Arg::N(c as usize));
            all = all.and(self.test(ids[2], t, &[("homes", homes), ("allowed", Arg::D(allowed))]));
            if t == Tri::No {
                self.change("change-homes-at-most", &[("allowed", Arg::D(allowed))]);
            }
        }
        let business = match self.c.h.runs_business {
            Some(false) => Tri::Yes,
            // A business needs the office's check of its assets: not a failure.
            Some(true) | None => Tri::Unknown,
        };
        all.and(self.test(ids[3], business, &[]))
    }

    fn hukou_test(&mut self, prefix: Prefix) -> Tri {
        let t = match self.c.applicant {
            None => Tri::Unknown,
            Some(m) => match m.hukou.local {
                Some(true) => Tri::Yes,
                Some(false) => {
                    // 57号 第四、五条: 居住地申请 only where the pack allows it.
                    let allows = self.flag(P::AllowsResidencePermitApplication);
                    match m.hukou.residence_permit {
                        Some(true) if allows => Tri::Yes,
                        None if allows => Tri::Unknown,
                        _ => Tri::No,
                    }
                }
                None => Tri::Unknown,
            },
        };
        self.test(prefix.property_ids()[4], t, &[])
    }

    fn not_offered(c: &'c Ctx<'a>, program: ProgramId) -> Self {
        let mut b = B::new(c, program);
        if let Some(why) = &mut b.why {
            why.documents.clear();
        }
        b.outcome = Some(Outcome::NotOffered);
        b.paid_to = None;
        b
    }
}

/// What a decision says about each member's status in a base program.
struct Results {
    tekun: PerMember<Tri>,
    /// Whether any member is 特困 (`tekun`, folded once: several programs ask).
    tekun_any: Tri,
    dibao: Tri,
    dibao_covered: Idx,
    edge: Tri,
}

/// Screens a household against a pack on a date.
///
/// The parameters are resolved into a [`Screener`] first: one pass over the
/// pack's parameters costs less than the fifty-odd look-ups by name in the
/// pack it saves.
pub fn screen(pack: &Pack, household: &Household, as_of: Date) -> Screening {
    run(&Screener::new(pack, as_of), household, true)
}

/// The same decisions as [`screen`] (outcomes, amounts, covered members,
/// payees) without the reasons: no tests, parameters, steps, notes, offices
/// or documents, and no checklist. For batch work over many households.
pub fn screen_brief(pack: &Pack, household: &Household, as_of: Date) -> Screening {
    run(&Screener::new(pack, as_of), household, false)
}

fn run(s: &Screener<'_>, household: &Household, explain: bool) -> Screening {
    let c = Ctx::new(s, household, explain, true);
    let pack = s.pack;
    let mut decisions: Vec<Decision> = Vec::with_capacity(PROGRAMS);
    decide(&c, |b| decisions.push(b.into_decision()));

    // Orphan vs 特困 (43号 art.9): report both, recommend one, never pay both.
    orphan_vs_tekun(&c, &mut decisions);

    let checklist = checklist(pack, &decisions);
    Screening {
        jurisdiction: pack.jurisdiction.code.clone(),
        jurisdiction_name: String::from(&*pack.jurisdiction.name),
        demo: pack.jurisdiction.demo,
        as_of: s.on,
        household_size: c.n(),
        decisions,
        checklist,
    }
}

/// Decides every program and hands each decision, settled, to `take`, in
/// the order of [`ProgramId::ALL`].
fn decide<'c, 'a>(c: &'c Ctx<'a>, mut take: impl FnMut(B<'c, 'a>)) {
    let s = c.s;
    let nm = c.h.members.len();

    // 特困 first: 特困 and 低保 are never both paid to one person (RULES §1).
    let (mut tekun, tekun_members) = if s.offers(ProgramId::Tekun) {
        tekun_decision(c)
    } else {
        (B::not_offered(c, ProgramId::Tekun), smallvec![Tri::No; nm])
    };
    tekun.settle();
    let held_tekun: PerMember<Tri> = (0..nm)
        .map(|i| match c.holds(ProgramId::Tekun, Some(i)) {
            // Already 特困: excluded from 低保 and the disability subsidies.
            Tri::Yes => Tri::Yes,
            // Not known whether they already are: they may be.
            Tri::Unknown => tekun_members[i].or(Tri::Unknown),
            Tri::No => tekun_members[i],
        })
        .collect();

    let (mut dibao, mut edge, dibao_covered) = dibao_and_edge(c, &held_tekun);
    let dibao_outcome = dibao.settle();
    let dibao_tri = if dibao_outcome == Outcome::NotOffered {
        Tri::No
    } else {
        tri_of(dibao_outcome).or(match c.holds(ProgramId::Dibao, None) {
            Tri::Yes => Tri::Yes,
            _ => Tri::No,
        })
    };
    let edge_tri = tri_of(edge.settle()).or(match c.holds(ProgramId::DibaoEdge, None) {
        Tri::Yes => Tri::Yes,
        _ => Tri::No,
    });
    let r = Results {
        tekun_any: Tri::any(held_tekun.iter().copied()),
        tekun: held_tekun,
        dibao: dibao_tri,
        dibao_covered,
        edge: edge_tri,
    };
    let (mut tekun, mut dibao, mut edge) = (Some(tekun), Some(dibao), Some(edge));
    for &p in ProgramId::ALL {
        let first = match p {
            ProgramId::Tekun => tekun.take(),
            ProgramId::Dibao => dibao.take(),
            ProgramId::DibaoEdge => edge.take(),
            _ => None,
        };
        if let Some(b) = first {
            take(b);
            continue;
        }
        let b = if !s.offers(p) {
            B::not_offered(c, p)
        } else {
            match p {
                ProgramId::TekunCare => tekun_care(c, &r),
                ProgramId::Orphan => orphan(c, &r),
                ProgramId::Temporary => temporary(c),
                ProgramId::Medical => medical(c, &r),
                ProgramId::Education => education(c, &r),
                ProgramId::Housing => housing(c, &r),
                ProgramId::Employment => employment(c, &r),
                ProgramId::Disaster => disaster(c),
                ProgramId::DisabilityLiving => disability_living(c, &r),
                ProgramId::DisabilityCare => disability_care(c, &r),
                ProgramId::ChildRehab => child_rehab(c, &r),
                ProgramId::MentalMedication => mental_medication(c, &r),
                ProgramId::DisabilityCustody => disability_custody(c, &r),
                ProgramId::HospitalEscort => hospital_escort(c, &r),
                ProgramId::WorkerHardship => worker_hardship(c),
                ProgramId::LegalAid => legal_aid(c, &r),
                ProgramId::UtilityRelief => utility_relief(c, &r),
                ProgramId::FuneralRelief => funeral_relief(c, &r),
                ProgramId::TwoCancers => two_cancers(c, &r),
                ProgramId::Dibao | ProgramId::DibaoEdge | ProgramId::Tekun => continue,
            }
        };
        // `take` settles it.
        take(b);
    }
}

/// The merged document list: de-duplicated, most-needed first, then in the
/// order of first appearance.
fn checklist(pack: &Pack, decisions: &[Decision]) -> Vec<ChecklistItem> {
    let mut items: Vec<ChecklistItem> =
        Vec::with_capacity(if decisions.iter().any(|d| !d.documents.is_empty()) {
            24
        } else {
            0
        });
    for d in decisions
        .iter()
        .filter(|d| matches!(d.outcome, Outcome::Likely | Outcome::Possible))
    {
        for doc in &d.documents {
            match items.iter_mut().find(|i| *i.id == **doc) {
                Some(item) => {
                    if !item.programs.contains(&d.program) {
                        item.programs.push(d.program);
                    }
                }
                None => items.push(ChecklistItem {
                    id: doc.clone(),
                    // A document the pack does not name is listed by its id.
                    name: pack.documents.get(&**doc).unwrap_or(doc).clone(),
                    programs: std::iter::once(d.program).collect(),
                }),
            }
        }
    }
    // Stable sort keeps first-appearance order among equals.
    items.sort_by_key(|i| std::cmp::Reverse(i.programs.len()));
    items
}

fn tekun_decision<'c, 'a>(c: &'c Ctx<'a>) -> (B<'c, 'a>, PerMember<Tri>) {
    let mut b = B::new(c, ProgramId::Tekun);
    let nm = c.h.members.len();
    let mut per: PerMember<Tri> = smallvec![Tri::No; nm];
    let std = b.standard();
    let elder = b.p(P::TekunElderAge);
    let minor = b.p(P::TekunMinorAge);
    let multiple = b.p(P::TekunLivingMultiple);
    let living = {
        let abs = match c.area {
            Some(HukouKind::Urban) => b.opt(P::TekunLivingStandardUrban),
            Some(HukouKind::Rural) => b.opt(P::TekunLivingStandardRural),
            None => b
                .opt(P::TekunLivingStandardRural)
                .or_else(|| b.opt(P::TekunLivingStandardUrban)),
        };
        match (abs, std, multiple) {
            (Some(a), _, _) => {
                b.step("step-tekun-living-standard-fixed", &[], a);
                Some(a)
            }
            (None, Some(st), Some(m)) => {
                // seed 000 二(二): 特困供养标准不低于低保标准的1.6倍 (read "16倍" as 1.6)
                let v = mul(st.low, m);
                b.step(
                    "step-tekun-living-standard-multiple",
                    &[("standard", Arg::M(st.low)), ("multiple", Arg::D(m))],
                    v,
                );
                Some(v)
            }
            _ => None,
        }
    };
    let money_pc_ok = match std {
        Some(st) => {
            let n = c.n().max(1);
            let limit = b.p(P::AssetLimitMonths).map(|k| st.scaled(k));
            match (c.h.money_assets, limit) {
                (Some(a), Some(l)) => {
                    let a = nonneg(a);
                    if per_capita_le(a, n, l.low) {
                        Tri::Yes
                    } else if !per_capita_le(a, n, l.high) {
                        Tri::No
                    } else {
                        Tri::Unknown
                    }
                }
                _ => Tri::Unknown,
            }
        }
        None => Tri::Unknown,
    };
    let mut best = Tri::No;
    for i in 0..nm {
        let m = c.member(i);
        if m.living.is_some_and(|l| l.excluded_from_household()) {
            continue;
        }
        let mi = Arg::N(i);
        let age = c.age(i);
        let held = c.holds(ProgramId::Tekun, Some(i)) == Tri::Yes;
        let is_elder = match (age, elder) {
            (Some(a), Some(e)) => Tri::from_opt(Some(!lt(Decimal::from(a), e))),
            _ => Tri::Unknown,
        };
        // 43号 认定条件: 未满16周岁 (海丰: 18, seed 000 二(二)); those already
        // supported keep it until 18.
        let is_minor = match (age, minor) {
            (Some(a), Some(lim)) => {
                let a = Decimal::from(a);
                Tri::from_opt(Some(lt(a, lim) || (held && lt(a, Decimal::from(18)))))
            }
            _ => Tri::Unknown,
        };
        let disabled = tekun_disability(m);
        let category = is_elder.or(is_minor).or(disabled);
        let age_s = age.map_or(Arg::T(""), |a| Arg::N(a as usize));
        let t_cat = b.test(
            "test-tekun-category",
            category,
            &[("member", mi), ("age", age_s)],
        );
        // 43号 认定条件: the listed groups are deemed to have no work capacity.
        // While the category is unknown the person may still be deemed so.
        let capacity = match (category, m.work_capacity) {
            (Tri::Yes, _) | (_, Some(WorkCapacity::None)) => Tri::Yes,
            (Tri::No, Some(_)) => Tri::No,
            _ => Tri::Unknown,
        };
        let t_cap = b.test("test-tekun-no-work-capacity", capacity, &[("member", mi)]);
        let (inc, complete) = b.member_income(i);
        let t_inc = match std {
            Some(st) => {
                let t = st.below(inc);
                let t = if t == Tri::Yes && !complete {
                    Tri::Unknown
                } else {
                    t
                };
                b.test(
                    "test-tekun-income-below-standard",
                    t,
                    &[
                        ("member", mi),
                        ("income", Arg::M(inc)),
                        ("standard", Arg::M(st.low)),
                    ],
                )
            }
            None => Tri::Unknown,
        };
        let t_prop = b.test(
            "test-tekun-property-within-limit",
            money_pc_ok,
            &[("member", mi)],
        );
        let sup = match m.supporters {
            Some(Supporters::None | Supporters::Unable) => Tri::Yes,
            Some(Supporters::Able) => Tri::No,
            None => Tri::Unknown,
        };
        let t_sup = b.test("test-tekun-no-able-supporter", sup, &[("member", mi)]);
        // Holding 特困 today does not prove the tests still pass: no upgrade.
        let all = t_cat.and(t_cap).and(t_inc).and(t_prop).and(t_sup);
        per[i] = all;
        best = best.or(all);
    }
    let likely: Idx = (0..nm).filter(|&i| per[i] == Tri::Yes).collect();
    let covered: Idx = if likely.is_empty() {
        (0..nm).filter(|&i| per[i] == Tri::Unknown).collect()
    } else {
        likely
    };
    if let Some(l) = living
        && !covered.is_empty()
    {
        let total = mul(l, dec(covered.len()));
        b.step(
            "step-tekun-amount",
            &[("living", Arg::M(l)), ("persons", Arg::N(covered.len()))],
            total,
        );
        b.amount = Some(Amount::new(total, Period::Month));
    }
    // seed 001 一(一)三: home services for 分散供养特困人员 — a service, not cash.
    if covered
        .iter()
        .any(|&i| c.member(i).care_mode != Some(CareMode::Centralised))
        && let Some(v) = b.opt(P::ServiceVisitsTekun)
    {
        b.note(
            "note-tekun-home-service-visits",
            &[("per-month", Arg::D(v))],
        );
    }
    if covered
        .iter()
        .any(|&i| c.member(i).care_mode == Some(CareMode::Centralised))
    {
        // 集中供养: the living standard is paid to the care institution.
        b.paid_to = Some(Payee::Institution);
        b.note("note-tekun-centralised-paid-to-institution", &[]);
    }
    if best == Tri::No {
        b.change("change-tekun-category", &[]);
    }
    b.cover(covered);
    b.set_outcome(best);
    (b, per)
}

fn dibao_and_edge<'c, 'a>(c: &'c Ctx<'a>, tekun: &[Tri]) -> (B<'c, 'a>, B<'c, 'a>, Idx) {
    let mut b = B::new(c, ProgramId::Dibao);
    let mut e = B::new(c, ProgramId::DibaoEdge);
    let offered = c.s.offers(ProgramId::Dibao);
    let edge_offered = c.s.offers(ProgramId::DibaoEdge);
    let n = c.n();
    let std = b.standard();
    let _ = e.standard();
    let (hh_income, complete) = b.household_income();
    let n_dec = dec(n.max(1));
    // The per-capita income is divided once when the reasons show it, and
    // otherwise only for an amount: the tests compare the total against
    // S × n (`Std::below_share`).
    let members = n.max(1);
    let pc_shown = b.explains().then(|| div(hh_income, n_dec));
    let pc_arg = pc_shown.map_or(Arg::Quotient(hh_income, members), Arg::M);
    let size = Arg::N(n);
    b.step(
        "step-household-income",
        &[
            ("size", size),
            ("complete", Arg::T(if complete { "true" } else { "false" })),
        ],
        hh_income,
    );
    if let Some(pc) = pc_shown {
        b.step("step-per-capita-income", &[("size", size)], pc);
    }
    if let (Some(from), Some(to)) = (&b.why, &mut e.why) {
        to.steps = from.steps.clone();
    }
    let t_size = if n == 0 { Tri::Unknown } else { Tri::Yes };
    b.test("test-household-has-members", t_size, &[("size", size)]);
    e.test("test-household-has-members", t_size, &[("size", size)]);
    b.hukou_test(Prefix::Dibao);
    e.hukou_test(Prefix::Edge);

    // 低保 income test: per-capita income below S (低于: S itself fails).
    let income_t = match std {
        Some(st) => {
            let t = st.below_share(hh_income, members);
            if t == Tri::Yes && !complete {
                Tri::Unknown
            } else {
                t
            }
        }
        None => Tri::Unknown,
    };
    let st_low = std.map(|s| s.low).unwrap_or_default();
    let taper_months = b.p(P::TaperMonths);
    // seed 000 二(三)4 / 83号: 渐退期 for a household on 低保 whose income rose
    // above S because a member took a job.
    let taper = if income_t == Tri::No && c.holds(ProgramId::Dibao, None) == Tri::Yes {
        let months = taper_months.unwrap_or_default();
        c.counted
            .iter()
            .filter_map(|&i| c.member(i).job_started)
            .filter(|started| Decimal::from(started.months_until(c.on)) < months)
            .max()
    } else {
        None
    };
    let mut dibao_covered = Idx::new();
    let single_ok = b.flag(P::SingleInclusion);

    if let Some(started) = taper {
        let until = started.add_months(
            rust_decimal::prelude::ToPrimitive::to_u32(&taper_months.unwrap_or_default().trunc())
                .unwrap_or(0),
        );
        b.note(
            "note-dibao-household-over-standard",
            &[("income", pc_arg), ("standard", Arg::M(st_low))],
        );
        b.test(
            "test-dibao-taper-period",
            Tri::Yes,
            &[
                ("job-started", Arg::Date(started)),
                ("until", Arg::Date(until)),
            ],
        );
        b.note("note-dibao-taper-until", &[("until", Arg::Date(until))]);
        b.property_tests(
            Prefix::Dibao,
            std.unwrap_or(Std {
                low: Decimal::ZERO,
                high: Decimal::ZERO,
            }),
        );
        dibao_covered = c.counted.clone();
        if let Some((_, Some(monthly))) = c.held_since(ProgramId::Dibao) {
            b.step("step-dibao-taper-keeps-amount", &[], monthly);
            b.amount = Some(Amount::new(monthly, Period::Month));
        }
        b.cover(dibao_covered.clone());
    } else {
        b.test(
            "test-dibao-income-below-standard",
            income_t,
            &[
                ("income", pc_arg),
                ("standard", Arg::M(st_low)),
                ("size", size),
            ],
        );
    }

    // 低保边缘: not 低保 and per-capita income below k × S.
    let k = e.p(P::EdgeMultiplier);
    let edge_std = match (std, k) {
        (Some(st), Some(k)) => Some(st.scaled(k)),
        _ => None,
    };
    let edge_income_t = match edge_std {
        Some(es) => {
            let t = es.below_share(hh_income, members);
            if t == Tri::Yes && !complete {
                Tri::Unknown
            } else {
                t
            }
        }
        None => Tri::Unknown,
    };
    let prop = if taper.is_none() {
        b.property_tests(
            Prefix::Dibao,
            std.unwrap_or(Std {
                low: Decimal::ZERO,
                high: Decimal::ZERO,
            }),
        )
    } else {
        Tri::Yes
    };
    let e_prop = e.property_tests(
        Prefix::Edge,
        std.unwrap_or(Std {
            low: Decimal::ZERO,
            high: Decimal::ZERO,
        }),
    );
    let _ = prop;
    e.test(
        "test-edge-not-dibao",
        income_t.not(),
        &[("income", pc_arg), ("standard", Arg::M(st_low))],
    );
    e.test(
        "test-edge-income-below-multiple",
        edge_income_t,
        &[
            ("income", pc_arg),
            ("limit", Arg::M(edge_std.map(|x| x.low).unwrap_or_default())),
        ],
    );
    let edge_tri = edge_income_t.and(income_t.not()).and(e_prop);
    if let Some(es) = edge_std {
        e.change(
            "change-edge-income-below",
            &[
                ("household-monthly", Arg::Product(es.low, n_dec)),
                ("size", size),
            ],
        );
    }
    e.note("note-edge-opens-programs", &[]);
    e.cover_counted();

    // Exclude 特困 members: 特困 and 低保 are not both paid to one person.
    let tekun_members: Idx = c
        .counted
        .iter()
        .copied()
        .filter(|&i| tekun.get(i) == Some(&Tri::Yes))
        .collect();
    if taper.is_none() {
        let eligible: Idx = c
            .counted
            .iter()
            .copied()
            .filter(|i| !tekun_members.contains(i))
            .collect();
        // A member who may be 特困 may end up on 特困 instead: possible, not likely.
        let maybe_all_tekun = n > 0
            && c.counted
                .iter()
                .all(|&i| tekun.get(i).is_some_and(|t| *t != Tri::No));
        let not_all_tekun = if n > 0 && eligible.is_empty() {
            Tri::No
        } else if maybe_all_tekun {
            Tri::Unknown
        } else {
            Tri::Yes
        };
        b.test(
            "test-dibao-not-tekun",
            not_all_tekun,
            &[("tekun-members", Arg::N(tekun_members.len()))],
        );
        for &i in &tekun_members {
            b.note("note-dibao-member-is-tekun", &[("member", Arg::N(i))]);
        }
        if let Some(st) = std {
            b.change(
                "change-dibao-income-below",
                &[
                    ("household-monthly", Arg::Product(st.low, n_dec)),
                    ("size", size),
                ],
            );
        }
        // 差额 = (S − per-capita income) × members covered (seed 000 二(二)).
        if income_t != Tri::No && !eligible.is_empty() {
            let pc = pc_shown.unwrap_or_else(|| div(hh_income, n_dec));
            let gap = nonneg(sub(st_low, pc));
            b.step(
                "step-dibao-gap",
                &[("standard", Arg::M(st_low)), ("income", pc_arg)],
                gap,
            );
            let total = mul(gap, dec(eligible.len()));
            b.step(
                "step-dibao-amount",
                &[("persons", Arg::N(eligible.len()))],
                total,
            );
            let mut amount = Amount::new(total, Period::Month);
            if !complete {
                amount.bound = Bound::UpTo;
            } else if c.area.is_none() {
                amount.bound = Bound::AtLeast;
            }
            b.amount = Some(amount);
            dibao_covered = eligible.clone();
            b.cover(eligible);
        }

        // 单独纳入: in a 低保边缘 household, severe members are covered alone
        // (seed 000 二(二); 57号 第八条).
        if income_t == Tri::No && edge_tri != Tri::No && single_ok {
            let candidates: Vec<(usize, Tri)> = c
                .counted
                .iter()
                .copied()
                .filter(|i| !tekun_members.contains(i))
                .map(|i| (i, severe_for_single_inclusion(c.member(i))))
                .filter(|(_, sev)| *sev != Tri::No)
                .collect();
            if candidates.iter().any(|(_, sev)| *sev == Tri::Yes) {
                let (covered, sb) = single_inclusion(c, &candidates, std, edge_tri, pc_arg);
                dibao_covered = covered;
                b = sb;
            } else if !candidates.is_empty() {
                b.change("change-dibao-single-inclusion-if-severe", &[]);
            }
        }
    }
    // 一次性告知: the proofs this household's answers call for (RULES §1
    // Documents: diagnosis for serious illness, disability card).
    for builder in [&mut b, &mut e] {
        builder.documents_for_members();
    }
    let mut dibao = if offered {
        b
    } else {
        B::not_offered(c, ProgramId::Dibao)
    };
    let outcome = dibao.settle();
    if outcome != Outcome::Likely && outcome != Outcome::Possible {
        dibao_covered.clear();
    }
    let mut edge = if edge_offered {
        e.set_outcome(edge_tri.and(if e.failed > 0 { Tri::No } else { Tri::Yes }));
        e
    } else {
        B::not_offered(c, ProgramId::DibaoEdge)
    };
    edge.settle();
    (dibao, edge, dibao_covered)
}

impl Results {
    fn tekun_any(&self) -> Tri {
        self.tekun_any
    }

    fn tekun_of(&self, i: usize) -> Tri {
        self.tekun.get(i).copied().unwrap_or(Tri::No)
    }

    /// The member is in a 低保 household (covered, or the household holds it).
    fn dibao_of(&self, i: usize) -> Tri {
        match self.dibao {
            Tri::Yes if self.dibao_covered.is_empty() || self.dibao_covered.contains(&i) => {
                Tri::Yes
            }
            Tri::Yes => Tri::No,
            other => other,
        }
    }

    /// 低保、特困 or 边缘: the 低收入 categories that open special programs.
    fn low_income(&self) -> Tri {
        self.dibao.or(self.tekun_any()).or(self.edge)
    }

    fn category_args(&self) -> [(&'static str, Arg); 3] {
        [
            ("dibao", Arg::T(tri_name(self.dibao))),
            ("tekun", Arg::T(tri_name(self.tekun_any()))),
            ("edge", Arg::T(tri_name(self.edge))),
        ]
    }
}

/// 分散供养特困: 特困 (`tekun`) and not in an institution.
fn dispersed(m: &Member, tekun: Tri) -> Tri {
    match m.care_mode {
        Some(CareMode::Centralised) => Tri::No,
        Some(CareMode::Dispersed) => tekun,
        None => tekun.and(Tri::Unknown),
    }
}

fn self_care_tier(level: SelfCare) -> P {
    match level {
        SelfCare::Full => P::CareFullSelfCare,
        SelfCare::Partial => P::CarePartial,
        SelfCare::None => P::CareFull,
    }
}

fn tekun_care<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::TekunCare);
    let mut best = Tri::No;
    let mut total = Decimal::ZERO;
    let mut any_amount = false;
    let mut covered = Idx::new();
    let mut institution = false;
    for i in 0..c.h.members.len() {
        let t = r.tekun_of(i);
        if t == Tri::No {
            continue;
        }
        let mi = Arg::N(i);
        b.test("test-tekun-care-is-tekun", t, &[("member", mi)]);
        let level = c.member(i).self_care_level();
        let lt = if level.is_some() {
            Tri::Yes
        } else {
            Tri::Unknown
        };
        b.test("test-tekun-care-self-care-assessed", lt, &[("member", mi)]);
        if let Some(level) = level {
            // seed 001 一(三)①: 一档 全自理 / 二档 半护理 / 三档 全护理
            let name = self_care_tier(level);
            if let Some(v) = b.p(name) {
                b.step(
                    "step-tekun-care-tier",
                    &[("member", mi), ("tier", Arg::T(name.name()))],
                    v,
                );
                total = add(total, v);
                any_amount = true;
            }
        }
        if c.member(i).care_mode == Some(CareMode::Centralised) {
            institution = true;
        }
        covered.push(i);
        best = best.or(t.and(lt).or(Tri::Unknown).and(t));
    }
    if covered.is_empty() {
        b.test("test-tekun-care-is-tekun", Tri::No, &[]);
        b.change("change-tekun-care-needs-tekun", &[]);
    } else if any_amount {
        b.amount = Some(Amount::new(total, Period::Month));
    }
    if institution {
        b.paid_to = Some(Payee::Institution);
    }
    b.cover(covered);
    if best != Tri::No {
        b.set_outcome(if b.all_passed() {
            Tri::Yes
        } else {
            Tri::Unknown
        });
    }
    b
}

fn orphan<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::Orphan);
    let age_limit = b.p(P::OrphanAge);
    let mut best = Tri::No;
    let mut total = Decimal::ZERO;
    let mut covered = Idx::new();
    let mut institution = false;
    for i in 0..c.h.members.len() {
        let m = c.member(i);
        let status = match m.orphan_status {
            Some(OrphanStatus::Orphan | OrphanStatus::DeFactoUnsupported) => Tri::Yes,
            Some(OrphanStatus::NotOrphan) => Tri::No,
            // The applicant's child with a parent at home who is known to be
            // neither severely disabled nor seriously ill is raised by them.
            None if parent_at_home_able(c, i) => Tri::No,
            None => Tri::Unknown,
        };
        // 未满18周岁: 18 itself is excluded.
        let minor = match (c.age(i), age_limit) {
            (Some(a), Some(l)) => Tri::from_opt(Some(lt(Decimal::from(a), l))),
            _ => Tri::Unknown,
        };
        if minor == Tri::No || status == Tri::No {
            continue;
        }
        let mi = Arg::N(i);
        b.test("test-orphan-under-age", minor, &[("member", mi)]);
        b.test("test-orphan-status", status, &[("member", mi)]);
        let mode = m.care_mode;
        let name = match mode {
            Some(CareMode::Centralised) => P::OrphanCentralised,
            _ => P::OrphanDispersed,
        };
        if mode.is_none() {
            b.test(
                "test-orphan-care-mode-known",
                Tri::Unknown,
                &[("member", mi)],
            );
        }
        if mode == Some(CareMode::Centralised) {
            institution = true;
        }
        let this = minor.and(status);
        if let Some(v) = b.p(name) {
            b.step(
                "step-orphan-standard",
                &[("member", mi), ("mode", Arg::T(name.name()))],
                v,
            );
            total = add(total, v);
        }
        // 民发〔2019〕62号: a child already on 低保/特困/生活补贴 gets the difference only.
        let on_other = c
            .holds(ProgramId::Dibao, None)
            .or(c.holds(ProgramId::Tekun, Some(i)))
            .or(c.holds(ProgramId::DisabilityLiving, Some(i)))
            .or(r.tekun_of(i));
        if on_other == Tri::Yes {
            b.note("note-orphan-difference-only", &[("member", mi)]);
        }
        covered.push(i);
        best = best.or(this);
    }
    if covered.is_empty() {
        b.test("test-orphan-status", Tri::No, &[]);
        b.change("change-orphan-status", &[]);
    } else {
        b.amount = Some(Amount::new(total, Period::Month));
        b.note("note-orphan-no-publicity", &[]);
    }
    if institution {
        b.paid_to = Some(Payee::Institution);
    }
    b.cover(covered);
    b.set_outcome(if best == Tri::No {
        Tri::No
    } else if b.all_passed() {
        Tri::Yes
    } else {
        Tri::Unknown
    });
    b
}

/// One decision per program, in the order of ProgramId::ALL.
type Slots = [Decision];

fn slot(p: ProgramId) -> usize {
    p as usize
}

/// 民发〔2019〕62号: a child is 事实无人抚养 only if both parents (or the
/// surviving one) cannot raise them. A parent living in the household (the
/// applicant or spouse of an applicant's child) who is known not to be
/// severely disabled and not seriously ill rules that out.
fn parent_at_home_able(c: &Ctx<'_>, child: usize) -> bool {
    if c.member(child).relation != Some(Relation::Child) {
        return false;
    }
    c.counted.iter().any(|&j| {
        let p = c.member(j);
        let is_parent = matches!(p.relation, Some(Relation::Applicant | Relation::Spouse));
        let not_severe = match &p.disability {
            Some(d) if d.has == Some(false) => true,
            Some(d) => d.grade.is_some_and(|g| g >= 3),
            None => false,
        };
        j != child && is_parent && not_severe && p.serious_illness == Some(false)
    })
}

fn orphan_vs_tekun(c: &Ctx<'_>, out: &mut Slots) {
    if !c.explain {
        return;
    }
    let (Some(o), Some(t)) = (
        out.get(slot(ProgramId::Orphan)),
        out.get(slot(ProgramId::Tekun)),
    ) else {
        return;
    };
    let both: Idx = o
        .covered
        .iter()
        .copied()
        .filter(|i| t.covered.contains(i))
        .collect();
    if both.is_empty() {
        return;
    }
    let orphan_each = o
        .steps
        .iter()
        .filter(|s| s.id == "step-orphan-standard")
        .map(|s| s.value)
        .max();
    let tekun_each = t
        .steps
        .iter()
        .find(|s| s.id.starts_with("step-tekun-living-standard"))
        .map(|s| s.value);
    for i in both {
        // 43号 第九条: a child who takes the orphan scheme is not counted as 特困.
        // Recommend the higher payment; on a tie, the orphan scheme.
        let rec = match (orphan_each, tekun_each) {
            (Some(a), Some(b)) if b > a => "tekun",
            _ => "orphan",
        };
        let a = args(&[
            ("member", Arg::N(i)),
            ("recommended", Arg::T(rec)),
            ("orphan-amount", orphan_each.map_or(Arg::T(""), Arg::M)),
            ("tekun-amount", tekun_each.map_or(Arg::T(""), Arg::M)),
        ]);
        for p in [ProgramId::Orphan, ProgramId::Tekun] {
            if let Some(d) = out.get_mut(slot(p)) {
                d.notes.push(Message {
                    id: Cow::Borrowed("note-orphan-or-tekun-choose-one"),
                    args: a.clone(),
                });
            }
        }
    }
}

fn temporary<'c, 'a>(c: &'c Ctx<'a>) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::Temporary);
    let std = b.standard();
    let n = c.n().max(1);
    // 急难型 (seed 000 二(四)1): fire, accident, sudden illness, other sudden events.
    let emergency = match c.h.emergency {
        Some(EmergencyKind::None) => Tri::No,
        Some(_) => Tri::Yes,
        None => Tri::Unknown,
    };
    let kind = match c.h.emergency {
        None => "",
        Some(EmergencyKind::None) => "none",
        Some(EmergencyKind::Fire) => "fire",
        Some(EmergencyKind::Accident) => "accident",
        Some(EmergencyKind::SuddenIllness) => "sudden_illness",
        Some(EmergencyKind::NaturalDisaster) => "natural_disaster",
        Some(EmergencyKind::Other) => "other",
    };
    b.test(
        "test-temporary-emergency",
        emergency,
        &[("kind", Arg::T(kind))],
    );
    // 支出型: essential spending over the past 12 months above a share of income.
    let sp = &c.h.spending_12m;
    let spend_parts = [sp.medical, sp.education, sp.rehabilitation];
    let spent = spend_parts
        .iter()
        .flatten()
        .fold(Decimal::ZERO, |a, v| add(a, nonneg(*v)));
    let spend_complete = spend_parts.iter().all(Option::is_some);
    let (income, complete) = b.household_income();
    let annual = mul(income, Decimal::from(12));
    let share = b.p(P::ExpenseHardshipShare);
    let expense = match share {
        Some(k) => {
            let limit = mul(annual, k);
            // 超过: the limit itself does not qualify.
            if lt(limit, spent) && complete {
                Tri::Yes
            } else if lt(limit, spent) || !spend_complete {
                Tri::Unknown
            } else {
                Tri::No
            }
        }
        None => Tri::Unknown,
    };
    b.test(
        "test-temporary-essential-spending",
        expense,
        &[
            ("spending", Arg::M(spent)),
            ("annual-income", Arg::M(annual)),
        ],
    );
    let either = emergency.or(expense);
    if let Some(st) = std {
        let mut cap = Decimal::ZERO;
        if emergency != Tri::No
            && let Some(m) = b.p(P::TemporaryEmergencyCapMonths)
        {
            let v = mul(mul(st.low, m), dec(n));
            b.step(
                "step-temporary-emergency-cap",
                &[("months", Arg::D(m)), ("persons", Arg::N(n))],
                v,
            );
            cap = dmax(cap, v);
        }
        if expense != Tri::No
            && let Some(m) = b.p(P::TemporaryExpenseCapMonths)
        {
            let v = mul(mul(st.low, m), dec(n));
            b.step(
                "step-temporary-expense-cap",
                &[("months", Arg::D(m)), ("persons", Arg::N(n))],
                v,
            );
            cap = dmax(cap, v);
        }
        if let Some(family) = b.opt(P::TemporaryFamilyCapYear)
            && lt(family, cap)
        {
            b.step("step-temporary-family-cap", &[], family);
            cap = family;
        }
        if positive(cap) {
            b.amount = Some(Amount::up_to(cap, Period::Once));
        }
    }
    if emergency == Tri::Yes {
        b.note("note-temporary-help-first", &[]);
    }
    b.note("note-temporary-apply-where-it-happened", &[]);
    b.note("note-temporary-above-cap-case-by-case", &[]);
    b.change("change-temporary-emergency-or-spending", &[]);
    b.cover_counted();
    b.set_outcome(either);
    b
}

fn medical<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::Medical);
    let mut best_share: Option<(Decimal, &str)> = None;
    let mut covered = Idx::new();
    let mut best = Tri::No;
    let monitoring = Tri::from_opt(c.h.monitoring_target);
    for &i in &c.counted {
        // seed 003 (十九): 特困 90%, 低保 75%, 边缘/监测 60% (shares are PARAM).
        let cats = [
            (r.tekun_of(i), P::MedicalShareTekun, "tekun"),
            (r.dibao_of(i), P::MedicalShareDibao, "dibao"),
            (r.edge.or(monitoring), P::MedicalShareEdge, "edge"),
        ];
        let mut member_best = Tri::No;
        for (t, param, cat) in cats {
            if t == Tri::No {
                continue;
            }
            let Some(share) = b.p(param) else { continue };
            if t == Tri::Yes && best_share.is_none_or(|(s0, _)| lt(s0, share)) {
                best_share = Some((share, cat));
            }
            member_best = member_best.or(t);
            if t == Tri::Yes {
                break;
            }
        }
        if member_best != Tri::No {
            covered.push(i);
        }
        best = best.or(member_best);
    }
    let [d, t, e] = r.category_args();
    let a = [d, t, e, ("monitoring", Arg::T(tri_name(monitoring)))];
    b.test("test-medical-assistance-category", best, &a);
    if best == Tri::Yes
        && let Some((share, cat)) = best_share
    {
        b.step("step-medical-share", &[("category", Arg::T(cat))], share);
        b.amount = Some(Amount::new(share, Period::Share));
        if cat == "tekun" {
            b.note("note-medical-premium-full", &[]);
        } else {
            b.note("note-medical-premium-fixed", &[]);
        }
    }
    let spent = c.h.spending_12m.medical.unwrap_or_default();
    let mut outcome = best;
    if best == Tri::No && positive(spent) {
        // 因病致贫: ineligible otherwise but crushed by costs — provincial criteria.
        b.test(
            "test-medical-illness-poverty-check",
            Tri::Unknown,
            &[("spending", Arg::M(spent))],
        );
        outcome = Tri::Unknown;
        covered = c.counted.clone();
    }
    b.note("note-medical-after-insurance", &[]);
    b.change("change-medical-needs-category", &[]);
    b.cover(covered);
    b.set_outcome(outcome);
    b
}

fn is_student(m: &Member) -> Tri {
    match m.student {
        Some(StudentStage::NotStudent) => Tri::No,
        Some(_) => Tri::Yes,
        None => Tri::Unknown,
    }
}

fn education<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::Education);
    let mut students: PerMember<(usize, Tri)> = SmallVec::new();
    let mut home_teaching = Idx::new();
    let mut st = Tri::No;
    for &i in &c.counted {
        let m = c.member(i);
        let mut t = is_student(m);
        // seed 000 (三)2: disabled children unable to attend school (送教上门).
        let school_age = c.age(i).map(|a| (6..=15).contains(&a));
        if t == Tri::No && school_age == Some(true) && m.is_disabled() == Some(true) {
            b.note("note-education-home-teaching", &[("member", Arg::N(i))]);
            home_teaching.push(i);
            t = Tri::Yes;
        }
        if t != Tri::No {
            students.push((i, t));
        }
        st = st.or(t);
    }
    let known: Idx = students
        .iter()
        .filter(|(_, t)| *t == Tri::Yes)
        .map(|(i, _)| *i)
        .collect();
    let mut students: Idx = if known.is_empty() {
        students.into_iter().map(|(i, _)| i).collect()
    } else {
        known
    };
    b.test(
        "test-education-has-student",
        st,
        &[("students", Arg::N(students.len()))],
    );
    let cat = r.dibao.or(r.tekun_any());
    if cat == Tri::No && !home_teaching.is_empty() {
        // seed 000 (三)2: 送教上门 for disabled children of any household;
        // the 低保/特困 condition is for the fee waivers and grants.
        b.test(
            "test-education-home-teaching-child",
            Tri::Yes,
            &[("children", Arg::N(home_teaching.len()))],
        );
        students = home_teaching;
    } else {
        b.test(
            "test-education-assistance-household",
            cat,
            &r.category_args(),
        );
    }
    b.note("note-education-apply-at-school", &[]);
    b.change("change-education-needs-dibao-or-tekun", &[]);
    b.cover(students);
    b
}

fn housing<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::Housing);
    b.test(
        "test-housing-difficulty",
        Tri::from_opt(c.h.housing_difficulty),
        &[],
    );
    // seed 000 (三)3: 低保, 分散特困 and 低收入 households.
    let dispersed_tekun =
        Tri::any((0..c.h.members.len()).map(|i| dispersed(c.member(i), r.tekun_of(i))));
    let cat = r.dibao.or(dispersed_tekun).or(r.edge);
    b.test("test-housing-assistance-household", cat, &r.category_args());
    match c.area {
        Some(HukouKind::Urban) => b.note("note-housing-urban-public-rental", &[]),
        Some(HukouKind::Rural) => b.note("note-housing-rural-renovation", &[]),
        None => {}
    }
    b.change("change-housing-needs-low-income", &[]);
    b.cover_counted();
    b
}

fn employment<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::Employment);
    let min = b.p(P::WorkingAgeMin).unwrap_or(Decimal::from(16));
    let max = b.p(P::WorkingAgeMax).unwrap_or(Decimal::from(59));
    let mut seekers = Idx::new();
    let mut seek = Tri::No;
    let mut anyone_employed = Tri::No;
    for &i in &c.counted {
        let m = c.member(i);
        let working_age = c
            .age(i)
            .map(|a| !lt(Decimal::from(a), min) && le(Decimal::from(a), max));
        let wa = Tri::from_opt(working_age);
        let capable = match m.work_capacity {
            Some(WorkCapacity::Full | WorkCapacity::Partial) => Tri::Yes,
            Some(WorkCapacity::None) => Tri::No,
            None => Tri::Unknown,
        };
        let unemployed = match m.employment {
            Some(Employment::Unemployed) => Tri::Yes,
            Some(_) => Tri::No,
            None => Tri::Unknown,
        };
        let t = wa.and(capable).and(unemployed);
        if t != Tri::No {
            seekers.push(i);
        }
        seek = seek.or(t);
        anyone_employed = anyone_employed.or(wa.and(c.employed(i)));
    }
    b.test(
        "test-employment-jobseeker",
        seek,
        &[("jobseekers", Arg::N(seekers.len()))],
    );
    // seed 000 (三)4: 社会救助对象 get priority public employment services.
    b.test(
        "test-employment-assistance-household",
        r.low_income(),
        &r.category_args(),
    );
    if anyone_employed == Tri::No && !seekers.is_empty() {
        // 零就业家庭: at least one person placed in work.
        b.note("note-employment-zero-employment-family", &[]);
    }
    b.note("note-employment-cost-and-taper", &[]);
    b.change("change-employment-needs-jobseeker", &[]);
    b.cover(seekers);
    b
}

fn disaster<'c, 'a>(c: &'c Ctx<'a>) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::Disaster);
    let t = match c.h.emergency {
        Some(EmergencyKind::NaturalDisaster) => Tri::Yes,
        Some(_) => Tri::No,
        None => Tri::Unknown,
    };
    b.test("test-disaster-natural-disaster", t, &[]);
    b.note("note-disaster-relief-stages", &[]);
    b.change("change-disaster-needs-disaster", &[]);
    b.cover_counted();
    b
}

fn disability_living<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::DisabilityLiving);
    let edge_ok = b.flag(P::DisabilityLivingIncludesEdge);
    let amount = b.p(P::DisabilityLivingSubsidy);
    let mut covered = Idx::new();
    let mut best = Tri::No;
    for &i in &c.counted {
        let m = c.member(i);
        let dis = Tri::from_opt(m.is_disabled());
        if dis == Tri::No {
            continue;
        }
        let mi = Arg::N(i);
        b.test("test-disability-living-disabled", dis, &[("member", mi)]);
        // seed 000 (三)11: 海丰 extends the subsidy to 低保边缘 households.
        let cat = if edge_ok {
            r.dibao_of(i).or(r.edge)
        } else {
            r.dibao_of(i)
        };
        b.test(
            "test-disability-living-household",
            cat,
            &[
                ("member", mi),
                (
                    "includes-edge",
                    Arg::T(if edge_ok { "true" } else { "false" }),
                ),
            ],
        );
        // 特困 people get neither disability subsidy (RULES §8).
        let not_tekun = r.tekun_of(i).not();
        b.test("test-disability-not-tekun", not_tekun, &[("member", mi)]);
        let t = dis.and(cat).and(not_tekun);
        if t != Tri::No {
            covered.push(i);
        }
        best = best.or(t);
    }
    if covered.is_empty() && b.tests == 0 {
        b.test("test-disability-living-disabled", Tri::No, &[]);
    }
    if let Some(v) = amount
        && !covered.is_empty()
    {
        let total = mul(v, dec(covered.len()));
        b.step(
            "step-disability-living-amount",
            &[("persons", Arg::N(covered.len()))],
            total,
        );
        b.amount = Some(Amount::new(total, Period::Month));
    }
    b.change("change-disability-living-needs-dibao", &[]);
    b.cover(covered);
    b.set_outcome(best);
    b
}

fn disability_care<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::DisabilityCare);
    let grade34 = b.flag(P::DisabilityCareIncludesGrade34Mental);
    let base = b.p(P::DisabilityCareSubsidy);
    let mut covered = Idx::new();
    let mut best = Tri::No;
    let mut total = Decimal::ZERO;
    for &i in &c.counted {
        let m = c.member(i);
        if m.is_disabled() == Some(false) {
            continue;
        }
        let mi = Arg::N(i);
        let severe = match (disability_grade(m), disability_category(m)) {
            (Some(1 | 2), _) => Tri::Yes,
            (Some(3 | 4), Some(DisabilityCategory::Intellectual | DisabilityCategory::Mental))
                if grade34 =>
            {
                Tri::Yes
            }
            (Some(_), Some(_)) => Tri::No,
            (Some(g), None) if g > 2 && !grade34 => Tri::No,
            _ => Tri::Unknown,
        };
        if severe == Tri::No {
            continue;
        }
        b.test("test-disability-care-severe", severe, &[("member", mi)]);
        let needs_care = match m.self_care_level() {
            Some(SelfCare::Full) => Tri::No,
            Some(_) => Tri::Yes,
            None => Tri::Unknown,
        };
        b.test(
            "test-disability-care-needs-long-term-care",
            needs_care,
            &[("member", mi)],
        );
        let not_tekun = r.tekun_of(i).not();
        b.test("test-disability-not-tekun", not_tekun, &[("member", mi)]);
        let t = severe.and(needs_care).and(not_tekun);
        if t != Tri::No {
            let v = if disability_grade(m) == Some(1) {
                b.opt(P::DisabilityCareSubsidyGrade1).or(base)
            } else {
                base
            };
            if let Some(v) = v {
                b.step("step-disability-care-member", &[("member", mi)], v);
                total = add(total, v);
            }
            covered.push(i);
        }
        best = best.or(t);
    }
    if b.tests == 0 {
        b.test("test-disability-care-severe", Tri::No, &[]);
    }
    // seed 001 一(一)三: 贫困重度残疾人 get home service visits (a service, not cash).
    if best != Tri::No
        && r.low_income() != Tri::No
        && let Some(v) = b.opt(P::ServiceVisitsDisabled)
    {
        b.note(
            "note-disability-home-service-visits",
            &[("per-month", Arg::D(v))],
        );
    }
    if !covered.is_empty() && base.is_some() {
        b.amount = Some(Amount::new(total, Period::Month));
    }
    b.change("change-disability-care-needs-grade", &[]);
    b.cover(covered);
    b.set_outcome(best);
    b
}

fn child_rehab<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::ChildRehab);
    let max_age = b.p(P::ChildRehabMaxAge);
    let permit_ok = b.flag(P::ChildRehabResidencePermit);
    let sensory = b.p(P::ChildRehabSensory);
    let limb = b.p(P::ChildRehabLimb);
    let living = b.p(P::ChildRehabLivingAllowance);
    let mut covered = Idx::new();
    let mut best = Tri::No;
    let mut total = Decimal::ZERO;
    let mut living_total = Decimal::ZERO;
    let mut considered = false;
    for &i in &c.counted {
        let m = c.member(i);
        // 国发〔2018〕20号: 0-6岁 (以下: 6 included).
        let young = match (c.age(i), max_age) {
            (Some(a), Some(l)) => Tri::from_opt(Some(le(Decimal::from(a), l))),
            _ => Tri::Unknown,
        };
        if young == Tri::No
            || m.is_disabled() == Some(false)
                && m.disability.as_ref().and_then(|d| d.autism) != Some(true)
        {
            continue;
        }
        let autism = m.disability.as_ref().and_then(|d| d.autism) == Some(true);
        let cat = match disability_category(m) {
            _ if autism => Tri::Yes,
            Some(
                DisabilityCategory::Visual
                | DisabilityCategory::Hearing
                | DisabilityCategory::Speech
                | DisabilityCategory::Physical
                | DisabilityCategory::Intellectual
                | DisabilityCategory::Multiple,
            ) => Tri::Yes,
            Some(DisabilityCategory::Mental) => Tri::No,
            None => Tri::Unknown,
        };
        if cat == Tri::No {
            continue;
        }
        let mi = Arg::N(i);
        considered = true;
        b.test("test-child-rehab-age", young, &[("member", mi)]);
        b.test("test-child-rehab-category", cat, &[("member", mi)]);
        // seed 000 (三)12: 海丰 covers children with a 居住证 too.
        let local = match (m.hukou.local, m.hukou.residence_permit) {
            (Some(true), _) => Tri::Yes,
            (Some(false), Some(true)) if permit_ok => Tri::Yes,
            (Some(false), None) if permit_ok => Tri::Unknown,
            (Some(false), _) => Tri::No,
            (None, _) => Tri::Unknown,
        };
        b.test(
            "test-child-rehab-hukou",
            local,
            &[
                ("member", mi),
                (
                    "residence-permit-ok",
                    Arg::T(if permit_ok { "true" } else { "false" }),
                ),
            ],
        );
        // 20号: 低保/特困/孤儿 … and other hardship families (verified by the office).
        let hardship = r
            .low_income()
            .or(Tri::from_opt(
                m.orphan_status.map(|o| o != OrphanStatus::NotOrphan),
            ))
            .or(Tri::Unknown);
        b.test("test-child-rehab-hardship", hardship, &[("member", mi)]);
        let t = young.and(cat).and(local).and(hardship);
        if t != Tri::No {
            // seed 003 (十)1: 肢体（脑瘫）18000, others 15000 per year, each
            // including 3000 living allowance paid to the parent's card.
            let v = if disability_category(m) == Some(DisabilityCategory::Physical) && !autism {
                limb
            } else {
                sensory
            };
            if let Some(v) = v {
                b.step("step-child-rehab-member", &[("member", mi)], v);
                total = add(total, v);
                if let Some(l) = living {
                    living_total = add(living_total, l);
                }
            }
            covered.push(i);
        }
        best = best.or(t);
    }
    if !considered {
        b.test("test-child-rehab-category", Tri::No, &[]);
    }
    if !covered.is_empty() && positive(total) {
        b.amount = Some(Amount::new(total, Period::Year));
        b.step(
            "step-child-rehab-living-allowance-to-parent",
            &[],
            living_total,
        );
        b.step(
            "step-child-rehab-to-institution",
            &[],
            nonneg(sub(total, living_total)),
        );
        b.note(
            "note-child-rehab-living-allowance-to-parent",
            &[("amount", Arg::M(living_total))],
        );
    }
    b.change("change-child-rehab-needs-young-disabled-child", &[]);
    b.cover(covered);
    b.set_outcome(best);
    b
}

fn mental_medication<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::MentalMedication);
    let v = b.p(P::MentalMedicationSubsidy);
    let mut covered = Idx::new();
    let mut best = Tri::No;
    for &i in &c.counted {
        let m = c.member(i);
        let mental = match (m.is_disabled(), disability_category(m)) {
            (Some(false), _) => Tri::No,
            (_, Some(DisabilityCategory::Mental)) => Tri::Yes,
            (_, Some(_)) => Tri::No,
            (_, None) => Tri::Unknown,
        };
        if mental == Tri::No {
            continue;
        }
        let mi = Arg::N(i);
        b.test(
            "test-mental-medication-mental-disability",
            mental,
            &[("member", mi)],
        );
        let hard = r.low_income();
        b.test("test-mental-medication-hardship", hard, &[("member", mi)]);
        let t = mental.and(hard);
        if t != Tri::No {
            covered.push(i);
        }
        best = best.or(t);
    }
    if b.tests == 0 {
        b.test("test-mental-medication-mental-disability", Tri::No, &[]);
    }
    if let Some(v) = v
        && !covered.is_empty()
    {
        // seed 003 (十)3: 每人每年 1000 元
        let total = mul(v, dec(covered.len()));
        b.step(
            "step-mental-medication-amount",
            &[("persons", Arg::N(covered.len()))],
            total,
        );
        b.amount = Some(Amount::new(total, Period::Year));
    }
    b.change("change-mental-medication-needs-hardship", &[]);
    b.cover(covered);
    b.set_outcome(best);
    b
}

fn disability_custody<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::DisabilityCustody);
    let min = b.p(P::WorkingAgeMin);
    let max = b.p(P::WorkingAgeMax);
    let sunshine = b.p(P::CustodySunshine);
    let boarding = b.p(P::CustodyBoarding);
    let home = b.p(P::CustodyHome);
    let mut covered = Idx::new();
    let mut best = Tri::No;
    let mut monthly = Decimal::ZERO;
    let mut yearly = Decimal::ZERO;
    for &i in &c.counted {
        let m = c.member(i);
        if m.is_disabled() == Some(false) {
            continue;
        }
        let cat = match (disability_category(m), disability_grade(m)) {
            (Some(DisabilityCategory::Intellectual | DisabilityCategory::Mental), _) => Tri::Yes,
            (Some(DisabilityCategory::Physical), Some(1 | 2)) => Tri::Yes,
            (Some(DisabilityCategory::Physical), None) => Tri::Unknown,
            (Some(_), _) => Tri::No,
            (None, _) => Tri::Unknown,
        };
        if cat == Tri::No {
            continue;
        }
        let mi = Arg::N(i);
        // seed 003 (十一)3: 法定就业年龄段.
        let wa = match (c.age(i), min, max) {
            (Some(a), Some(lo), Some(hi)) => {
                Tri::from_opt(Some(le(lo, Decimal::from(a)) && le(Decimal::from(a), hi)))
            }
            _ => Tri::Unknown,
        };
        b.test("test-custody-working-age", wa, &[("member", mi)]);
        b.test("test-custody-category", cat, &[("member", mi)]);
        let t = wa.and(cat);
        if t == Tri::No {
            best = best.or(t);
            continue;
        }
        // seed 003 (十一)4: severe intellectual disability in hardship — 600 boarding / 200 home.
        let severe_intellectual = disability_category(m) == Some(DisabilityCategory::Intellectual)
            && matches!(disability_grade(m), Some(1 | 2));
        let hard = r.low_income();
        match (severe_intellectual, hard, m.custody_mode) {
            (true, Tri::Yes | Tri::Unknown, Some(CustodyMode::Boarding)) => {
                if let Some(v) = boarding {
                    b.step("step-custody-boarding", &[("member", mi)], v);
                    monthly = add(monthly, v);
                }
            }
            (true, Tri::Yes | Tri::Unknown, Some(CustodyMode::Home)) => {
                if let Some(v) = home {
                    b.step("step-custody-home", &[("member", mi)], v);
                    monthly = add(monthly, v);
                }
            }
            _ => {
                if let Some(v) = sunshine {
                    b.step("step-custody-sunshine", &[("member", mi)], v);
                    yearly = add(yearly, v);
                }
            }
        }
        covered.push(i);
        best = best.or(t);
    }
    if b.tests == 0 {
        b.test("test-custody-category", Tri::No, &[]);
    }
    if !covered.is_empty() {
        b.amount = if positive(monthly) {
            Some(Amount::new(monthly, Period::Month))
        } else if positive(yearly) {
            Some(Amount::new(yearly, Period::Year))
        } else {
            None
        };
        // 严禁向服务对象直接发放补贴 (seed 003 (十一)4).
        b.paid_to = Some(Payee::ServiceProvider);
        b.note("note-custody-paid-to-provider-only", &[]);
    }
    b.change("change-custody-needs-working-age-disability", &[]);
    b.cover(covered);
    b.set_outcome(best);
    b
}

fn hospital_escort<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::HospitalEscort);
    let rates = [
        (HospitalLevel::Township, b.p(P::EscortTownship)),
        (HospitalLevel::County, b.p(P::EscortCounty)),
        (HospitalLevel::City, b.p(P::EscortCity)),
    ];
    let mut covered = Idx::new();
    let mut best = Tri::No;
    let mut total = Decimal::ZERO;
    let mut per_day_only = false;
    for i in 0..c.h.members.len() {
        let m = c.member(i);
        let Some(stay) = &m.hospital_stay else {
            continue;
        };
        let mi = Arg::N(i);
        // seed 001 一(一): 分散供养特困人员、经济困难老年人、贫困重度残疾人.
        let dispersed_tekun = dispersed(m, r.tekun_of(i));
        let old = Tri::from_opt(c.age(i).map(|a| a >= 60)).and(r.dibao.or(r.edge));
        let severe = Tri::from_opt(disability_grade(m).map(|g| g <= 2)).and(r.dibao.or(r.edge));
        let group = dispersed_tekun.or(old).or(severe);
        b.test("test-escort-eligible-group", group, &[("member", mi)]);
        let rate = stay
            .level
            .and_then(|l| rates.iter().find(|(k, _)| *k == l))
            .and_then(|(_, v)| *v);
        b.test(
            "test-escort-hospital-level-known",
            if rate.is_some() {
                Tri::Yes
            } else {
                Tri::Unknown
            },
            &[("member", mi)],
        );
        if group == Tri::No {
            continue;
        }
        if let Some(rate) = rate {
            match stay.days {
                Some(days) => {
                    // 按天计发，出院后一次性发放给陪护人 (seed 001 一(二)三).
                    let v = mul(rate, Decimal::from(days));
                    b.step(
                        "step-escort-member",
                        &[
                            ("member", mi),
                            ("rate", Arg::M(rate)),
                            ("days", Arg::N(days as usize)),
                        ],
                        v,
                    );
                    total = add(total, v);
                }
                None => {
                    b.step("step-escort-rate-per-day", &[("member", mi)], rate);
                    total = add(total, rate);
                    per_day_only = true;
                }
            }
        }
        covered.push(i);
        best = best.or(group);
    }
    if b.tests == 0 {
        b.test("test-escort-hospitalised", Tri::No, &[]);
    }
    if !covered.is_empty() && positive(total) {
        b.amount = Some(if per_day_only {
            Amount::new(total, Period::Day)
        } else {
            Amount::new(total, Period::Once)
        });
        b.note("note-escort-paid-after-discharge", &[]);
    }
    b.change("change-escort-needs-hospital-stay", &[]);
    b.cover(covered);
    let all_known = b.all_passed();
    b.set_outcome(if best == Tri::Yes && !all_known {
        Tri::Unknown
    } else {
        best
    });
    b
}

fn worker_hardship<'c, 'a>(c: &'c Ctx<'a>) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::WorkerHardship);
    let member = Tri::any(
        c.counted
            .iter()
            .map(|&i| Tri::from_opt(c.member(i).union_member)),
    );
    b.test("test-worker-union-member", member, &[]);
    let s_urban = b.p(P::DibaoStandardUrban);
    let mult = b.p(P::WorkerHardshipIncomeMultiple);
    let (income, complete) = b.household_income();
    let sp = &c.h.spending_12m;
    let rigid = [sp.medical, sp.education, sp.rehabilitation]
        .iter()
        .flatten()
        .fold(Decimal::ZERO, |a, v| add(a, nonneg(*v)));
    let n = c.n().max(1);
    // 根据家庭收入和刚性支出因素综合评估 (seed 003 (九)1).
    let net = nonneg(sub(income, div(rigid, Decimal::from(12))));
    let pc = div(net, dec(n));
    b.step(
        "step-worker-income-after-rigid-spending",
        &[("size", Arg::N(n))],
        pc,
    );
    if let (Some(su), Some(k)) = (s_urban, mult) {
        let limit = mul(su, k);
        let t = if lt(pc, limit) {
            if complete { Tri::Yes } else { Tri::Unknown }
        } else {
            Tri::No
        };
        b.test(
            "test-worker-income-below-line",
            t,
            &[("income", Arg::M(pc)), ("limit", Arg::M(limit))],
        );
        b.change(
            "change-worker-income-below",
            &[("household-monthly", Arg::Product(limit, dec(n)))],
        );
        let living = b.p(P::WorkerHardshipLivingMonths);
        let study = b.p(P::WorkerHardshipStudyMonths);
        let mut cap = Decimal::ZERO;
        if let Some(mo) = living {
            // seed 003 (九)2: 生活救助不超过12个月当地城市低保标准
            let v = mul(su, mo);
            b.step("step-worker-living-aid-cap", &[("months", Arg::D(mo))], v);
            cap = add(cap, v);
        }
        let students = c
            .counted
            .iter()
            .filter(|&&i| is_student(c.member(i)) == Tri::Yes)
            .count();
        if let (Some(mo), true) = (study, students > 0) {
            // seed 003 (九)2: 子女助学每生每年不超过10个月城市低保标准
            let v = mul(mul(su, mo), dec(students));
            b.step(
                "step-worker-study-aid-cap",
                &[("months", Arg::D(mo)), ("students", Arg::N(students))],
                v,
            );
            cap = add(cap, v);
        }
        b.amount = Some(Amount::up_to(cap, Period::Year));
    }
    b.note("note-worker-medical-up-to-own-share", &[]);
    b.cover_counted();
    b
}

fn legal_aid<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::LegalAid);
    b.test(
        "test-legal-aid-legal-matter",
        Tri::from_opt(c.h.legal_matter),
        &[],
    );
    // 法律援助法 第四十二条: social-assistance recipients are exempt from the
    // economic-hardship check; others are checked against the provincial standard.
    let recipient = r.low_income();
    let t = if recipient == Tri::Yes {
        Tri::Yes
    } else {
        Tri::Unknown
    };
    b.test("test-legal-aid-hardship", t, &r.category_args());
    if recipient == Tri::Yes {
        b.note("note-legal-aid-check-waived", &[]);
    }
    b.change("change-legal-aid-needs-legal-matter", &[]);
    b.cover_counted();
    b
}

fn utility_relief<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::UtilityRelief);
    // seed 000 (三)8: 对低保、特困对象减免水电费.
    b.test(
        "test-utility-dibao-or-tekun",
        r.dibao.or(r.tekun_any()),
        &r.category_args(),
    );
    b.change("change-utility-needs-dibao-or-tekun", &[]);
    b.cover_counted();
    b
}

fn funeral_relief<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::FuneralRelief);
    // seed 000 (三)9: 为身故困难群众免除殡葬基本服务费用.
    b.test(
        "test-funeral-recent-death",
        Tri::from_opt(c.h.recent_death),
        &[],
    );
    b.test(
        "test-funeral-poor-household",
        r.low_income(),
        &r.category_args(),
    );
    b.change("change-funeral-needs-poor-household", &[]);
    b.cover_counted();
    b
}

fn two_cancers<'c, 'a>(c: &'c Ctx<'a>, r: &Results) -> B<'c, 'a> {
    let mut b = B::new(c, ProgramId::TwoCancers);
    let grant = b.p(P::TwoCancersGrant);
    let mut covered = Idx::new();
    let mut best = Tri::No;
    let poor = r.low_income().or(Tri::from_opt(c.h.monitoring_target));
    for &i in &c.counted {
        let m = c.member(i);
        let female = match m.sex {
            Some(Sex::Female) => Tri::Yes,
            Some(Sex::Male) => Tri::No,
            None => Tri::Unknown,
        };
        let diag = Tri::from_opt(m.two_cancers_diagnosis);
        if female == Tri::No || diag == Tri::No {
            continue;
        }
        let mi = Arg::N(i);
        b.test("test-two-cancers-woman", female, &[("member", mi)]);
        b.test("test-two-cancers-diagnosis", diag, &[("member", mi)]);
        let rural = match m.hukou.kind {
            Some(HukouKind::Rural) => Tri::Yes,
            Some(HukouKind::Urban) => Tri::No,
            None => Tri::Unknown,
        };
        b.test("test-two-cancers-rural", rural, &[("member", mi)]);
        b.test("test-two-cancers-low-income", poor, &[("member", mi)]);
        let t = female.and(diag).and(rural).and(poor);
        if t != Tri::No {
            covered.push(i);
        }
        best = best.or(t);
    }
    if b.tests == 0 {
        b.test("test-two-cancers-diagnosis", Tri::No, &[]);
    }
    if let Some(g) = grant
        && !covered.is_empty()
    {
        let total = mul(g, dec(covered.len()));
        b.step(
            "step-two-cancers-grant",
            &[("persons", Arg::N(covered.len()))],
            total,
        );
        b.amount = Some(Amount::new(total, Period::Once));
    }
    b.change("change-two-cancers-needs-diagnosis", &[]);
    b.cover(covered);
    b.set_outcome(best);
    b
}

/// The 单独纳入 route: each severe member of a 低保边缘 household is a
/// one-person 低保 case with their own income (seed 000 二(二); 57号 第八条).
fn single_inclusion<'c, 'a>(
    c: &'c Ctx<'a>,
    candidates: &[(usize, Tri)],
    std: Option<Std>,
    edge_tri: Tri,
    pc: Arg,
) -> (Idx, B<'c, 'a>) {
    let mut b = B::new(c, ProgramId::Dibao);
    let std = std.or_else(|| b.standard());
    let _ = b.standard();
    let st_low = std.map(|s| s.low).unwrap_or_default();
    b.note(
        "note-dibao-household-over-standard",
        &[("income", pc), ("standard", Arg::M(st_low))],
    );
    let hukou = b.hukou_test(Prefix::Dibao);
    let prop = b.property_tests(
        Prefix::Dibao,
        std.unwrap_or(Std {
            low: Decimal::ZERO,
            high: Decimal::ZERO,
        }),
    );
    b.test("test-dibao-single-inclusion-edge-household", edge_tri, &[]);
    let mut best = Tri::No;
    let mut total = Decimal::ZERO;
    let mut covered = Idx::new();
    for &(i, sev) in candidates {
        let mi = Arg::N(i);
        b.test(
            "test-dibao-single-inclusion-severe-member",
            sev,
            &[("member", mi)],
        );
        let (own, own_complete) = b.member_income(i);
        let t_own = std.map(|st| st.below(own)).unwrap_or(Tri::Unknown);
        let t_own = if t_own == Tri::Yes && !own_complete {
            Tri::Unknown
        } else {
            t_own
        };
        b.test(
            "test-dibao-single-inclusion-own-income",
            t_own,
            &[
                ("member", mi),
                ("income", Arg::M(own)),
                ("standard", Arg::M(st_low)),
            ],
        );
        let this = sev.and(t_own);
        if this != Tri::No {
            // n = 1: 差额 = S − the member's own income.
            let gap = nonneg(sub(st_low, own));
            b.step("step-dibao-single-inclusion-gap", &[("member", mi)], gap);
            total = add(total, gap);
            covered.push(i);
        }
        best = best.or(this);
    }
    let outcome = best.and(edge_tri).and(hukou).and(prop);
    b.set_outcome(outcome);
    if outcome != Tri::No {
        b.amount = Some(Amount::new(total, Period::Month));
        b.cover(covered.clone());
        b.note("note-dibao-single-inclusion", &[]);
    } else {
        covered.clear();
        if let Some(st) = std {
            let n = dec(c.n().max(1));
            b.change(
                "change-dibao-income-below",
                &[
                    ("household-monthly", Arg::Product(st.low, n)),
                    ("size", Arg::N(c.n())),
                ],
            );
        }
    }
    (covered, b)
}

#[cfg(test)]
mod money_tests {
    use super::*;

    #[test]
    fn nonneg_and_positive_agree_with_decimal_comparison() {
        let mut values: Vec<Decimal> = ["0", "-0", "0.00", "-0.00", "0.01", "-0.01", "1300", "-5"]
            .iter()
            .map(|c| c.parse().expect("decimal"))
            .collect();
        values.extend([Decimal::MAX, Decimal::MIN, Decimal::new(-0, 2)]);
        for v in values {
            let max = v.max(Decimal::ZERO);
            assert_eq!(nonneg(v), max, "{v}");
            // Equal is not enough: the scale shows in the text.
            assert_eq!(nonneg(v).to_string(), max.to_string(), "{v}");
            assert_eq!(positive(v), v > Decimal::ZERO, "{v}");
        }
    }

    #[test]
    fn per_capita_comparison_agrees_with_dividing() {
        let values: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "1",
            "2",
            "3",
            "0.01",
            "0.0001",
            "0.0003",
            "1300",
            "1300.00",
            "2600",
            "2600.01",
            "2599.99",
            "3900",
            "3900.0001",
            "3899.9999",
            "7800",
            "7799.99",
            "10000",
            "10000.01",
            "33333.33",
            "33333.34",
            "1000.0000",
            "333.3333",
            "333.3334",
            "-5",
            "-5.5",
            "99999999999999.99",
            "99999999999999.999",
            "12345678901234.5678",
            "0.00001",
            "1.23456",
            "79228162514264337593543950335",
        ]
        .iter()
        .map(|c| c.parse().expect("decimal"))
        .collect();
        for &a in &values {
            for &l in &values {
                for n in [1, 2, 3, 4, 5, 6, 7, 9, 12, 999_999, 1_000_000] {
                    assert_eq!(
                        per_capita_cmp(a, n, l),
                        dcmp(div(a, dec(n)), l),
                        "{a} / {n} <=> {l}"
                    );
                    // At the boundary: the limit × n itself, and a step either side.
                    let b = mul(l, dec(n));
                    for x in [b, add(b, Decimal::new(1, 4)), sub(b, Decimal::new(1, 4))] {
                        assert_eq!(
                            per_capita_cmp(x, n, l),
                            dcmp(div(x, dec(n)), l),
                            "{x} / {n} <=> {l}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn fast_mul_agrees_with_the_library() {
        let values: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "1",
            "-1",
            "0.01",
            "1.6",
            "1300",
            "1300.00",
            "-5.5",
            "12",
            "4294967295",
            "4294967296",
            "-4294967295",
            "0.0000000000000001",
            "0.00000000000001",
            "79228162514264337593543950335",
            "3.0000000000000000000000000",
        ]
        .iter()
        .map(|c| c.parse().expect("decimal"))
        .collect();
        for &a in &values {
            for &b in &values {
                let lib = a.checked_mul(b).unwrap_or(Decimal::MAX);
                // The same bits: scale and sign of a zero included.
                assert_eq!(mul(a, b).serialize(), lib.serialize(), "{a} {b}");
            }
        }
    }

    #[test]
    fn fast_comparisons_agree_with_decimal_ones() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "0.01",
            "-0.01",
            "1",
            "1.0",
            "1.00",
            "860",
            "860.00",
            "859.99",
            "860.01",
            "-5",
            "-5.0",
            "18",
            "60",
            "1300.5",
            "0.0000000000000000000000000001",
        ]
        .iter()
        .map(|c| c.parse().expect("decimal"))
        .collect();
        values.extend([Decimal::MAX, Decimal::MIN, Decimal::new(-0, 2)]);
        for &a in &values {
            for &b in &values {
                assert_eq!(dcmp(a, b), a.cmp(&b), "{a} {b}");
                // Equal values may differ in scale: the same one is kept.
                assert_eq!(dmin(a, b).to_string(), a.min(b).to_string(), "{a} {b}");
                assert_eq!(dmax(a, b).to_string(), a.max(b).to_string(), "{a} {b}");
                assert_eq!(lt(a, b), a < b);
                assert_eq!(le(a, b), a <= b);
            }
        }
    }
}
