//! `--explain`: a program's rule, parameters and citations, in Chinese.

use rules_core::explain::explain;
use rules_core::pack::{Payee, Source, Unit};
use rules_core::{Date, Pack, Period, ProgramId};
use std::fmt::Write as _;

/// A one-line statement of each rule (the engine's tests, in words).
fn rule_zh(p: ProgramId) -> &'static str {
    use ProgramId::*;
    match p {
        Dibao => {
            "户籍在本地、家庭人均月收入低于低保标准（不含本数）且财产符合规定；按差额发放：（标准 − 人均收入）× 保障人数。特困人员不重复享受低保。低保边缘家庭中的重病、一二级残疾、三四级精神或智力残疾成员可单独纳入（按单人户计算）。因就业收入超过标准的低保家庭享受渐退期。"
        }
        DibaoEdge => {
            "不符合低保条件，家庭人均月收入低于低保标准的若干倍（通常1.5倍）且财产符合规定；无定期现金，可享受专项救助。"
        }
        Tekun => {
            "60周岁以上老年人、未成年人或特定残疾人，同时无劳动能力、无生活来源（本人收入低于低保标准、财产符合规定）、无法定赡养抚养扶养义务人或义务人无履行能力；基本生活标准为低保标准的倍数或当地公布标准。"
        }
        TekunCare => {
            "特困人员按生活自理能力分档发放照料护理补贴：全自理、半护理、全护理（六项日常活动中1-3项不能完成为半护理，4项以上为全护理）。"
        }
        Orphan => {
            "未满18周岁、父母双亡或事实无人抚养的儿童，按分散或集中养育标准按月发放；不公示；已享受低保、特困或生活补贴的补差发放；与特困二选一。"
        }
        Temporary => {
            "遭遇火灾、意外、突发重病等急难情形，或刚性支出过大导致基本生活困难；由急难发生地实施，不受户籍限制，可先行救助；金额不超过若干个月低保标准，超过上限可一事一议。"
        }
        Medical => {
            "特困、低保、低保边缘及防止返贫监测对象的个人自付合规医疗费用按比例救助；特困人员全额资助参保。"
        }
        Education => {
            "低保、特困家庭在学学生（学前至高等教育）及不便入学的残疾儿童（送教上门），通过学校申请。"
        }
        Housing => {
            "住房困难的低保家庭、分散供养特困人员和低收入家庭：城镇配租公租房或租赁补贴，农村纳入危房改造。"
        }
        Employment => {
            "法定劳动年龄内、有劳动能力、处于失业状态的社会救助对象，优先提供就业服务和公益性岗位；零就业家庭至少一人就业。"
        }
        Disaster => "遭遇自然灾害的家庭：应急期、过渡期、冬春生活救助及倒损民房恢复重建。",
        DisabilityLiving => {
            "低保家庭中的残疾人（部分地区延伸至低保边缘家庭）按月发放生活补贴；特困人员不享受。"
        }
        DisabilityCare => {
            "残疾等级一、二级（部分地区含三、四级智力、精神残疾）且需要长期照护的残疾人按月发放护理补贴；特困人员不享受。"
        }
        ChildRehab => {
            "0-6岁视力、听力、言语、肢体、智力残疾儿童和孤独症儿童的康复救助，按年补助，其中生活费部分直接发放给家长。"
        }
        MentalMedication => "困难家庭中的精神残疾人，按年发放药费补助。",
        DisabilityCustody => {
            "法定就业年龄段的智力、精神和重度肢体残疾人托养服务，补助付给托养服务机构，严禁直接发放给个人。"
        }
        HospitalEscort => {
            "分散供养特困人员等特殊困难群体住院期间的陪护费用，按医院级别按天计算，出院后一次性发放给陪护人。"
        }
        WorkerHardship => {
            "建档困难职工（工会会员）按家庭收入和刚性支出综合评估：生活救助、子女助学、医疗救助，上限以城市低保标准的月数计。"
        }
        LegalAid => "有法律事项的社会救助对象免予核查经济困难状况；其他人按省定经济困难标准审查。",
        UtilityRelief => "低保、特困对象减免水电费。",
        FuneralRelief => "身故困难群众免除殡葬基本服务费用。",
        TwoCancers => "农村低收入妇女确诊宫颈癌、乳腺癌的一次性救助。",
    }
}

fn unit_zh(unit: Unit, period: Option<Period>) -> String {
    let per = match period {
        Some(Period::Month) => "/月",
        Some(Period::Year) => "/年",
        Some(Period::Day) => "/天",
        Some(Period::Once) => "（一次性）",
        Some(Period::Share) | None => "",
    };
    match unit {
        Unit::Yuan => format!("元{per}"),
        Unit::Share => "（比例）".to_owned(),
        Unit::Multiple => "倍".to_owned(),
        Unit::Months => "个月".to_owned(),
        Unit::Years => "周岁".to_owned(),
        Unit::Days => "天".to_owned(),
        Unit::WorkingDays => "个工作日".to_owned(),
        Unit::Count => "".to_owned(),
        Unit::Flag => "（1=是，0=否）".to_owned(),
    }
}

fn cite(s: &Source) -> String {
    let mut out = s.document.to_string();
    if let Some(c) = &s.clause {
        let _ = write!(out, " {c}");
    }
    if let Some(seed) = &s.seed {
        let _ = write!(out, "（{seed}）");
    }
    if let Some(tag) = &s.tag {
        let _ = write!(out, " [{tag}]");
    }
    out
}

fn payee_zh(p: Payee) -> &'static str {
    match p {
        Payee::Person => "本人",
        Payee::Guardian => "监护人",
        Payee::Escort => "陪护人",
        Payee::Institution => "供养/托养机构",
        Payee::ServiceProvider => "服务机构（不直接发给个人）",
        Payee::School => "学校",
        Payee::Hospital => "医疗机构（一站式结算）",
        Payee::InKind => "服务或减免（非现金）",
    }
}

/// Renders the explanation of `program` in `pack` on `on`.
pub fn render(pack: &Pack, program: ProgramId, on: Date) -> String {
    let e = explain(pack, program, on);
    let mut s = String::new();
    let j = &pack.jurisdiction;
    let demo = if j.demo { "（演示数据）" } else { "" };
    let _ = writeln!(
        s,
        "{}（{}）— {} {}{demo}，{on}",
        e.name_zh, program, j.name, j.code
    );
    if !e.offered {
        let _ = writeln!(s, "状态：本地未开办此项目\n");
        return s;
    }
    let _ = writeln!(s, "规则：{}", rule_zh(program));
    if let Some(r) = &e.rule {
        let _ = writeln!(s, "依据：{}", cite(r));
    }
    if let Some(o) = &e.office {
        let _ = writeln!(s, "责任单位：{o}");
    }
    if let Some(a) = &e.apply_at {
        let _ = writeln!(s, "申请地点：{a}");
    }
    if let Some(p) = pack.program(program).and_then(|p| p.paid_to) {
        let _ = writeln!(s, "发放对象：{}", payee_zh(p));
    }
    if let Some(t) = &e.time_limits {
        let mut parts = Vec::new();
        if let Some(d) = t.investigation_working_days {
            parts.push(format!("入户调查 {d} 个工作日"));
        }
        if let Some(d) = t.publicity_days {
            parts.push(format!("公示 {d} 天"));
        }
        if let Some(d) = t.decision_working_days {
            parts.push(format!("审批 {d} 个工作日"));
        }
        if let Some(d) = t.total_working_days {
            parts.push(format!("合计 {d} 个工作日"));
        }
        let _ = write!(s, "办理时限：{}", parts.join("；"));
        if let Some(src) = &t.source {
            let _ = write!(s, "（{}）", cite(src));
        }
        let _ = writeln!(s);
    }
    if !e.documents.is_empty() {
        let _ = writeln!(s, "所需材料（一次性告知）：");
        for (_, name) in &e.documents {
            let _ = writeln!(s, "  - {name}");
        }
    }
    if !e.parameters.is_empty() {
        let _ = writeln!(s, "参数（{on} 有效值）：");
        for p in &e.parameters {
            let v = &p.value;
            let desc = p.description.clone().unwrap_or_else(|| v.name.to_string());
            let mut flags = String::new();
            if v.example {
                flags.push_str(" 【示例标准，请以当地公布为准】");
            }
            if v.floor {
                flags.push_str(" 【下限】");
            }
            if let Some(n) = &v.note {
                flags.push_str(&format!(" 注：{n}"));
            }
            let src = v.source.as_deref().map(cite).unwrap_or_default();
            let _ = writeln!(
                s,
                "  - {desc}：{}{}（自 {}；{src}）{flags}",
                v.value,
                unit_zh(v.unit, v.period),
                v.from
            );
        }
    }
    if let Some(n) = &e.note {
        let _ = writeln!(s, "说明：{n}");
    }
    let _ = writeln!(s);
    s
}
