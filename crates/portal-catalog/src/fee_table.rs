//! The table of every fee rule of every service and form, with its source and mark: what
//! staff re-check when a fee circular changes, and what the closing note quotes.
//! Written as Markdown by `catalog-tool fees <dir>` into `catalog/fee-rules.md`; a test
//! keeps the committed file equal to what the catalogue says.

use std::fmt::Write;

use portal_core::catalogue::{Confidence, FeeRule, Fees, Service, ServiceKind};
use portal_core::form::schema::FeeItem;
use portal_core::form::{AgeTest, Compare, Condition, Scalar};
use portal_core::Text;

use crate::Catalogue;

/// Whether a fee rule of a service file states the amounts a form's fee line charges.
pub(crate) fn rule_states(rule: &FeeRule, item: &FeeItem) -> bool {
    let online = item.online.unwrap_or(item.in_person);
    rule.in_person == Some(item.in_person) && rule.online_amount() == Some(online)
}

/// The rules a service's form may charge from: its own, and for a bundle also those of
/// the procedures it files.
pub(crate) fn rules_for_form<'a>(services: &[&'a Service], s: &'a Service) -> Vec<&'a FeeRule> {
    let own = |s: &'a Service| -> Vec<&'a FeeRule> {
        match &s.fees {
            Fees::Rules { rules } => rules.iter().collect(),
            Fees::Free { .. } => Vec::new(),
        }
    };
    let mut rules = own(s);
    if let ServiceKind::Bundle { procedures, .. } = &s.kind {
        for p in procedures {
            if let Some(p) = services.iter().find(|x| x.id == *p) {
                rules.extend(own(p));
            }
        }
    }
    rules
}

fn mark(c: Confidence) -> &'static str {
    match c {
        Confidence::Confirmed => "đã xác nhận / confirmed",
        Confidence::NeedsCheck => "đang kiểm tra / being verified",
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn both(t: &Text) -> String {
    format!("{}<br>*{}*", cell(&t.vi), cell(&t.en))
}

fn amount(a: Option<u64>) -> String {
    let Some(a) = a else {
        return "—".into();
    };
    let digits = a.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

fn scalar(v: &Scalar) -> String {
    match v {
        Scalar::Bool(b) => b.to_string(),
        Scalar::Int(n) => n.to_string(),
        Scalar::Text(t) => format!("\"{t}\""),
    }
}

/// A condition as a short expression: `reason = "expired"`, `fee_category ∈ {…}`.
fn condition(c: &Condition) -> String {
    match c {
        Condition::Equals { field, value } => format!("{} = {}", field.as_str(), scalar(value)),
        Condition::OneOf { field, values } => format!(
            "{} ∈ {{{}}}",
            field.as_str(),
            values.iter().map(scalar).collect::<Vec<_>>().join(", ")
        ),
        Condition::Answered { field, answered } => {
            format!(
                "{} {}",
                field.as_str(),
                if *answered { "answered" } else { "blank" }
            )
        }
        Condition::Compare { field, op, value } => {
            let op = match op {
                Compare::LessThan => "<",
                Compare::AtMost => "≤",
                Compare::GreaterThan => ">",
                Compare::AtLeast => "≥",
            };
            format!("{} {op} {}", field.as_str(), scalar(value))
        }
        Condition::Age { field, test, years } => match test {
            AgeTest::Under => format!("age of {} < {years}", field.as_str()),
            AgeTest::AtLeast => format!("age of {} ≥ {years}", field.as_str()),
        },
        Condition::All(cs) => cs.iter().map(condition).collect::<Vec<_>>().join(" and "),
        Condition::Any(cs) => format!(
            "({})",
            cs.iter().map(condition).collect::<Vec<_>>().join(" or ")
        ),
        Condition::Not(c) => format!("not ({})", condition(c)),
    }
}

/// When a form's fee line is charged: its condition and the days its amount is in force.
fn applies(item: &FeeItem) -> String {
    let window = match (item.from, item.until) {
        (None, None) => None,
        (Some(from), None) => Some(format!("from {}", from.iso())),
        (None, Some(until)) => Some(format!("until {}", until.iso())),
        (Some(from), Some(until)) => Some(format!("{} to {}", from.iso(), until.iso())),
    };
    match (&item.applies_if, window) {
        (None, None) => "—".into(),
        (Some(c), None) => format!("`{}`", cell(&condition(c))),
        (None, Some(w)) => w,
        (Some(c), Some(w)) => format!("`{}`, {w}", cell(&condition(c))),
    }
}

/// The Markdown table of every fee rule of every service file and every form fee line.
pub fn fee_rules_markdown(catalogue: &Catalogue) -> String {
    let mut services: Vec<&Service> = catalogue.services.iter().collect();
    services.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    let mut out = String::new();
    let (mut confirmed, mut checking) = (0, 0);
    let mut rows = String::new();
    for s in &services {
        let source = |basis: Option<&String>| -> String {
            let Some(b) = basis else {
                return "—".into();
            };
            match s.legal_basis.iter().find(|l| &l.instrument == b) {
                Some(l) => format!("{} ({})", cell(b), cell(&l.source)),
                None => cell(b),
            }
        };
        let mut row = |case: String, in_person, online, c: Confidence, basis: Option<&String>| {
            match c {
                Confidence::Confirmed => confirmed += 1,
                Confidence::NeedsCheck => checking += 1,
            }
            let _ = writeln!(
                rows,
                "| `{}` | {case} | {} | {} | {} | {} |",
                s.id.as_str(),
                amount(in_person),
                amount(online),
                source(basis),
                mark(c)
            );
        };
        match &s.fees {
            Fees::Free {
                note,
                confidence,
                basis,
            } => {
                let case = match note {
                    Some(n) => format!("Không mất phí / *No fee*: {}", both(n)),
                    None => "Không mất phí / *No fee*".into(),
                };
                row(case, Some(0), Some(0), *confidence, basis.as_ref());
            }
            Fees::Rules { rules } => {
                for r in rules {
                    let mut case = both(&r.case);
                    if let Some(n) = &r.note {
                        let _ = write!(case, "<br>{}", both(n));
                    }
                    row(
                        case,
                        r.in_person,
                        r.online_amount(),
                        r.confidence,
                        r.basis.as_ref(),
                    );
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "# Quy tắc lệ phí của danh mục / Fee rules of the catalogue\n\n\
         Generated by `cargo run -p catalog-tool -- fees catalog/ > catalog/fee-rules.md` from the\n\
         service and form files; `crates/portal-catalog/tests/fee_table.rs` fails when it is out\n\
         of date. Do not edit by hand. Amounts in đồng; \"—\" where the amount is not fixed.\n\n\
         {} rules: {confirmed} confirmed, {checking} being verified.\n",
        confirmed + checking
    );
    out.push_str(
        "## Dịch vụ / Services\n\n\
         | Service | Case | In person | Online | Basis (source) | Mark |\n\
         |---|---|---:|---:|---|---|\n",
    );
    out.push_str(&rows);
    out.push_str(
        "\n## Biểu mẫu / Forms\n\n\
         What each form charges and waives, computed by `IndexedForm::quote`. The mark is that of\n\
         the service rule stating the line's amounts (the lint refuses a line no rule states).\n\n\
         | Service | Fee line | In person | Online | Per | Applies if | Waived when (reason) | Mark |\n\
         |---|---|---:|---:|---|---|---|---|\n",
    );
    for s in &services {
        let Some(form) = &s.form else { continue };
        let rules = rules_for_form(&services, s);
        for item in &form.fees {
            let marks: Vec<Confidence> = rules
                .iter()
                .filter(|r| rule_states(r, item))
                .map(|r| r.confidence)
                .collect();
            // Several rules may state the same amounts; the line is confirmed if one is.
            let m = if marks.contains(&Confidence::Confirmed) {
                mark(Confidence::Confirmed)
            } else if marks.is_empty() {
                "—"
            } else {
                mark(Confidence::NeedsCheck)
            };
            let waived = item
                .exemptions
                .iter()
                .map(|e| format!("`{}`: {}", cell(&condition(&e.when)), both(&e.reason)))
                .collect::<Vec<_>>()
                .join("<br>");
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} | {} | {m} |",
                s.id.as_str(),
                both(&item.label),
                amount(Some(item.in_person)),
                amount(Some(item.online.unwrap_or(item.in_person))),
                item.per
                    .as_ref()
                    .map_or("—".into(), |p| format!("`{}`", p.as_str())),
                applies(item),
                if waived.is_empty() {
                    "—".into()
                } else {
                    waived
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(amount(Some(0)), "0");
        assert_eq!(amount(Some(5000)), "5.000");
        assert_eq!(amount(Some(200_000)), "200.000");
        assert_eq!(amount(Some(1_234_567)), "1.234.567");
        assert_eq!(amount(None), "—");
    }

    #[test]
    fn cells_keep_the_table_whole() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
    }
}
