//! The policy guide's first paint. A guide link (`/programs/dibao?region=
//! 441521`) is often a first visit from a WeChat group; without a first
//! paint its text waited for the guide bundle, the place's guide file and
//! the parameters' names (Lighthouse: LCP ≈ 2.6 s). So `cargo xtask build`
//! writes every guide page of every place in each language as static HTML,
//! from the same guide file the app reads (`rules_core::guide::PlaceGuide`)
//! and the same messages:
//!
//! - `dist/guide-pages/<code>/<lang>/index.html` (`/programs?region=<code>`)
//!   and `dist/guide-pages/<code>/<lang>/<program>.html`
//!   (`/programs/<program>?…`):
//!   the guide's page (its loader waits for the first paint before it
//!   fetches the bundle, as the home page's does) with the page's markup,
//!   which mirrors `app/src/pages/programs.rs` and
//!   `app/src/components/param.rs` element for element, in the frame of
//!   `xtask/paint-frame.html`;
//! - `dist/guide-pages/pages.json`: for each place, the days on which its
//!   pages are true (`from`, `until`: the guide shows the values in force
//!   on the day it is read, and a page is written for the build's day).
//!
//! The server sends such a page when the link's place has one, in the
//! language the page would open in, and today is within its days; else
//! `guide.html`
//! (server/src/web.rs). The guide bundle replaces the first paint once the
//! place's guide and the names have arrived, with the same elements, so
//! nothing moves. `tests/e2e/guide-paint.test.mjs` checks every page of
//! every place against what the app renders.

use std::collections::BTreeMap;
use std::path::Path;

use rules_core::guide::{PlaceGuide, ProgramGuide, ShownParam, group_thousands};
use rules_core::pack::Unit;
use rules_core::program::GROUPS;
use rules_core::{Date, Period, ProgramId};

use crate::first_paint::{Messages, escape, frame, frame_template, in_language};

/// `program-<id>` / `guide-<id>` with dashes, as the app names them.
fn message_id(prefix: &str, program: ProgramId) -> String {
    format!("{prefix}-{}", program.as_str().replace('_', "-"))
}

/// Write every place's guide pages in every language for `today` into
/// `dist/guide-pages/`; `page` is the guide's page (zh-CN) whose loader waits
/// for the first paint; `languages`: [`Messages::load_all`].
pub fn write(dist: &Path, page: &str, today: Date, languages: &[Messages]) -> Result<(), String> {
    let template = frame_template()?;
    let zh_cn = Messages::zh_cn(languages)?;
    // Each language's messages and page, with where its body starts.
    let mut pages_in = Vec::new();
    for messages in languages {
        let page = in_language(page, zh_cn, messages)?;
        let at = page.find("<body>").ok_or("dist/guide.html has no <body>")? + "<body>".len();
        pages_in.push((messages, page, at));
    }
    // Not precached by the service worker: only the server sends them.
    let dir = dist.join(api_boundary::site::GUIDE_PAGES_DIR);
    let mut days = BTreeMap::new();
    for pack in rules_core::packs::embedded_ref() {
        let guide = PlaceGuide::of(pack);
        for (messages, page, at) in &pages_in {
            let place_dir = dir.join(&guide.code).join(messages.lang);
            std::fs::create_dir_all(&place_dir)
                .map_err(|e| format!("{}: {e}", place_dir.display()))?;
            let mut pages = vec![("index", program_list(messages, &guide)?)];
            for program in &guide.programs {
                pages.push((
                    program.id.as_str(),
                    program_detail(messages, &guide, program, today)?,
                ));
            }
            for (name, body) in pages {
                let first_paint = frame(&template, "/programs", messages.lang, &body, |id| {
                    messages.html(id)
                })?;
                let html = format!("{}{first_paint}{}", &page[..*at], &page[*at..]);
                let path = place_dir.join(format!("{name}.html"));
                std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        let (from, until) = guide.unchanged_around(today);
        days.insert(
            guide.code.clone(),
            serde_json::json!({
                "from": from.map(|d| d.to_string()),
                "until": until.map(|d| d.to_string()),
            }),
        );
    }
    let path = dir.join("pages.json");
    let json = serde_json::to_string_pretty(&days).map_err(|e| e.to_string())?;
    std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))
}

/// `/programs?region=…`: `program_list` in app/src/pages/programs.rs.
fn program_list(m: &Messages, guide: &PlaceGuide) -> Result<String, String> {
    let code = escape(&guide.code);
    let mut html = format!(
        r#"<h1>{}</h1><p class="lead">{}</p>"#,
        m.html_args("guide-heading", &[("region", &guide.name)])?,
        m.html("guide-lead")?
    );
    if guide.demo {
        html.push_str(&format!(
            r#"<p class="notice demo">{}</p>"#,
            m.html("results-demo-pack")?
        ));
    }
    html.push_str(&start_check(m)?);
    for (title, programs) in GROUPS {
        let offered: Vec<ProgramId> = programs
            .iter()
            .copied()
            .filter(|p| guide.program(*p).is_some_and(|g| g.offered))
            .collect();
        if offered.is_empty() {
            continue;
        }
        html.push_str(&format!(
            r#"<section class="card"><h2>{}</h2><ul class="program-list">"#,
            m.html(title)?
        ));
        for p in offered {
            html.push_str(&format!(
                r#"<li data-program="{id}"><a href="/programs/{id}?region={code}">{name}</a><p class="hint">{hint}</p></li>"#,
                id = p.as_str(),
                name = m.html(&message_id("program", p))?,
                hint = m.html(&message_id("guide", p))?,
            ));
        }
        html.push_str("</ul></section>");
    }
    Ok(html)
}

fn start_check(m: &Messages) -> Result<String, String> {
    Ok(format!(
        r#"<button class="button start-check" type="button">{}</button>"#,
        m.html("guide-start-check")?
    ))
}

/// `/programs/<id>?region=…`: `program_detail` in app/src/pages/programs.rs.
fn program_detail(
    m: &Messages,
    place: &PlaceGuide,
    e: &ProgramGuide,
    today: Date,
) -> Result<String, String> {
    let id = e.id.as_str();
    let mut html = format!(
        r#"<article class="program-guide" data-program="{id}"><p class="region-line"><a href="/programs?region={code}">{region}</a></p><h1>{name}</h1>"#,
        code = escape(&place.code),
        region = m.html_args("guide-heading", &[("region", &place.name)])?,
        name = m.html(&message_id("program", e.id))?,
    );
    if e.offered {
        html.push_str(&format!(
            r#"<p class="lead">{}</p>"#,
            m.html(&message_id("guide", e.id))?
        ));
    } else {
        html.push_str(&format!(
            r#"<p class="notice">{}</p>"#,
            m.html("guide-not-offered")?
        ));
    }
    let parameters: Vec<ShownParam> = e.parameters.iter().filter_map(|p| p.on(today)).collect();
    if !parameters.is_empty() {
        html.push_str(&format!(
            r#"<section class="card"><h2>{}</h2><ul class="parameters">"#,
            m.html("guide-how-much")?
        ));
        for p in &parameters {
            html.push_str(&param_item(m, p)?);
        }
        html.push_str("</ul></section>");
    }
    if !e.documents.is_empty() {
        html.push_str(&format!(
            r#"<section class="card"><h2>{}</h2><ul class="documents">"#,
            m.html("checklist-heading")?
        ));
        for name in &e.documents {
            html.push_str(&format!(r#"<li lang="zh-CN">{}</li>"#, escape(name)));
        }
        html.push_str("</ul></section>");
    }
    html.push_str(&format!(
        r#"<section class="card"><h2>{}</h2>"#,
        m.html("offices-heading")?
    ));
    if let Some(office) = &e.office {
        html.push_str(&format!(
            r#"<p><strong lang="zh-CN">{}</strong></p>"#,
            escape(office)
        ));
    }
    if let Some(at) = &e.apply_at {
        html.push_str(&format!(r#"<p lang="zh-CN">{}</p>"#, escape(at)));
    }
    if let Some(l) = &e.time_limits {
        html.push_str(r#"<ul class="limits">"#);
        for (id, days) in [
            ("time-limit-investigation", l.investigation_working_days),
            ("time-limit-publicity", l.publicity_days),
            ("time-limit-decision", l.decision_working_days),
            ("time-limit-total", l.total_working_days),
        ] {
            if let Some(days) = days {
                let days = days.to_string();
                html.push_str(&format!(
                    "<li>{}</li>",
                    m.html_args(id, &[("days", &days)])?
                ));
            }
        }
        html.push_str("</ul>");
    }
    if let Some(rule) = &e.rule {
        html.push_str(&format!(
            r#"<p class="rule">{} <span lang="zh-CN">{}</span></p>"#,
            m.html("why-rule")?,
            escape(rule)
        ));
    }
    html.push_str("</section>");
    html.push_str(&start_check(m)?);
    html.push_str("</article>");
    Ok(html)
}

/// One parameter: `ParamItem` in app/src/components/param.rs.
fn param_item(m: &Messages, p: &ShownParam) -> Result<String, String> {
    let label_id = format!("param-{}", p.name.replace('_', "-"));
    let label = if m.has(&label_id) {
        m.tr(&label_id)?
    } else {
        p.name.clone()
    };
    let from = p.from.to_string();
    let mut html = format!(
        r#"<li data-parameter="{name}">{label}: <strong>{value}</strong> <span class="since">{since}</span>"#,
        name = escape(&p.name),
        label = escape(&label),
        value = escape(&value_text(m, p.unit, p.period, &p.value)?),
        since = m.html_args("param-since", &[("date", &from)])?,
    );
    if let Some(source) = &p.source {
        html.push_str(&format!(
            r#"<span class="source" lang="zh-CN"> · {}</span>"#,
            escape(source)
        ));
    }
    if p.example {
        html.push_str(&format!(
            r#"<span class="badge example">{}</span>"#,
            m.html("badge-example")?
        ));
    }
    if p.floor {
        html.push_str(&format!(
            r#"<span class="badge floor">{}</span>"#,
            m.html("badge-floor")?
        ));
    }
    html.push_str("</li>");
    Ok(html)
}

/// `param_value_text` in app/src/components/param.rs (money as
/// `i18n::format_money` writes it).
fn value_text(
    m: &Messages,
    unit: Unit,
    period: Option<Period>,
    value: &str,
) -> Result<String, String> {
    let with = |id: &str| m.tr_args(id, &[("value", value)]);
    Ok(match unit {
        Unit::Yuan => {
            let whole = value.strip_suffix(".00").unwrap_or(value);
            let money = match m.lang {
                "en" => format!("¥{}", group_thousands(whole)),
                _ => format!("{} {}", group_thousands(whole), m.tr("unit-yuan")?),
            };
            let per = match period {
                Some(Period::Month) => "amount-per-month",
                Some(Period::Year) => "amount-per-year",
                Some(Period::Day) => "amount-per-day",
                Some(Period::Once) => "amount-once",
                Some(Period::Share) | None => return Ok(money),
            };
            m.tr_args(per, &[("value", &money)])?
        }
        Unit::Share => with("unit-percent")?,
        Unit::Multiple => with("unit-multiple")?,
        Unit::Months => with("unit-months")?,
        Unit::Years => with("unit-years-value")?,
        Unit::Days => with("unit-days-value")?,
        Unit::WorkingDays => with("unit-working-days")?,
        Unit::Count => value.to_owned(),
        Unit::Flag => m.tr(if value == "0" {
            "answer-no"
        } else {
            "answer-yes"
        })?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_the_app_writes_them() {
        let m = Messages::load("zh-CN").unwrap();
        let text = |unit, period, value| value_text(&m, unit, period, value).unwrap();
        assert_eq!(text(Unit::Yuan, Some(Period::Month), "860"), "860 元/月");
        assert_eq!(
            text(Unit::Yuan, Some(Period::Year), "1300.00"),
            "1,300 元/年"
        );
        assert_eq!(text(Unit::Yuan, None, "86.50"), "86.50 元");
        assert_eq!(text(Unit::Months, None, "24"), "24 个月");
        assert_eq!(text(Unit::Flag, None, "0"), "否");
        assert_eq!(text(Unit::Count, None, "1"), "1");
        let en = Messages::load("en").unwrap();
        let text = |unit, period, value| value_text(&en, unit, period, value).unwrap();
        assert_eq!(text(Unit::Yuan, None, "1300.00"), "¥1,300");
        assert_eq!(text(Unit::Yuan, None, "86.50"), "¥86.50");
    }

    #[test]
    fn every_page_is_written_with_its_days() {
        let m = Messages::load("zh-CN").unwrap();
        let today = Date::new(2026, 11, 30).unwrap();
        for pack in rules_core::packs::embedded_ref() {
            let guide = PlaceGuide::of(pack);
            let list = program_list(&m, &guide).unwrap();
            assert!(list.contains(&format!("{}社会救助政策解读", guide.name)));
            for p in &guide.programs {
                let page = program_detail(&m, &guide, p, today).unwrap();
                assert!(page.starts_with(&format!(
                    r#"<article class="program-guide" data-program="{}">"#,
                    p.id
                )));
                // No message id left untranslated, nothing unescaped.
                assert!(!page.contains("guide-") && !page.contains("param-"));
                assert_eq!(page.matches('<').count(), page.matches('>').count());
            }
        }
    }
}
