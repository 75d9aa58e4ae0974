//! The fee quote: which fee lines apply to these answers, how many units each counts,
//! which are waived and why. Amounts are whole đồng; the online amount is what the
//! citizen pays here, the in-person amount is shown beside it (many fees are lower online).

use serde::{Deserialize, Serialize};

use crate::form::answers::{Answer, Answers};
use crate::form::index::IndexedForm;
use crate::form::schema::FeeItem;
use crate::form::visibility::Scope;
use crate::text::Text;
use crate::validators::{parse_number, Date};

/// The most units one line may count, whatever the answers say: a bound on hostile input.
pub const MAX_UNITS: u64 = 1000;

/// One line of the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    pub id: String,
    pub label: Text,
    pub units: u64,
    /// Per unit, online.
    pub unit_online: u64,
    /// Per unit, in person.
    pub unit_in_person: u64,
    /// What is due online for this line: 0 when waived.
    pub online: u64,
    pub in_person: u64,
    /// Why the line is waived, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemption: Option<Text>,
}

/// What the citizen pays for these answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub lines: Vec<QuoteLine>,
    pub total_online: u64,
    pub total_in_person: u64,
}

impl Quote {
    pub fn is_free(&self) -> bool {
        self.total_online == 0
    }

    /// Why lines are waived, each reason once, in the order of the lines: what a person
    /// who pays less is told.
    pub fn waivers(&self) -> Vec<&Text> {
        let mut reasons: Vec<&Text> = Vec::new();
        for why in self.lines.iter().filter_map(|l| l.exemption.as_ref()) {
            if !reasons.contains(&why) {
                reasons.push(why);
            }
        }
        reasons
    }
}

impl IndexedForm {
    /// The fee quote for these answers on `today` (in Vietnam: an amount may be in force
    /// for a period only, an exemption may depend on the applicant's age). Hidden answers
    /// count for nothing; a line whose unit count is 0 (e.g. no extra copies) is left out.
    pub fn quote(&self, answers: &Answers, today: Date) -> Quote {
        let mut scope = Scope::on(self, answers, today);
        let mut quote = Quote::default();
        for item in self.form().fees.iter().filter(|f| f.in_force_on(today)) {
            if let Some(c) = &item.applies_if {
                if !scope.eval(c, usize::MAX) {
                    continue;
                }
            }
            let units = self.units(&mut scope, item, answers);
            if units == 0 {
                continue;
            }
            let unit_online = item.online.unwrap_or(item.in_person);
            let exemption = item
                .exemptions
                .iter()
                .find(|e| scope.eval(&e.when, usize::MAX))
                .map(|e| e.reason.clone());
            let waived = exemption.is_some();
            let line = QuoteLine {
                id: item.id.clone(),
                label: item.label.clone(),
                units,
                unit_online,
                unit_in_person: item.in_person,
                online: if waived {
                    0
                } else {
                    unit_online.saturating_mul(units)
                },
                in_person: if waived {
                    0
                } else {
                    item.in_person.saturating_mul(units)
                },
                exemption,
            };
            quote.total_online = quote.total_online.saturating_add(line.online);
            quote.total_in_person = quote.total_in_person.saturating_add(line.in_person);
            quote.lines.push(line);
        }
        quote
    }

    /// The quote when the form prices its service (it has fee lines), else `None`: then
    /// the service's fee rules decide ([`charge_of`]).
    pub fn priced_quote(&self, answers: &Answers, today: Date) -> Option<Quote> {
        (!self.form().fees.is_empty()).then(|| self.quote(answers, today))
    }

    fn units(&self, scope: &mut Scope, item: &FeeItem, answers: &Answers) -> u64 {
        let Some(per) = &item.per else {
            return 1;
        };
        let Some(loc) = self.loc(per.as_str()).filter(|l| l.child.is_none()) else {
            return 0;
        };
        if !scope.visible(loc) {
            return 0;
        }
        let n = match answers.get(per.as_str()) {
            Some(Answer::Text(s)) => parse_number(s)
                .ok()
                .filter(|n| n.is_whole())
                .and_then(|n| u64::try_from(n.trunc()).ok())
                .unwrap_or(0),
            Some(Answer::Group(items)) => items.len() as u64,
            Some(Answer::Choices(v)) => v.len() as u64,
            _ => 0,
        };
        n.min(MAX_UNITS)
    }
}

/// What an application costs at Send: the one figure Check answers shows, the server
/// records on the dossier and the payment asks for. Decided from the form's quote when
/// the form prices the service, else from the service's fee rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "amount", rename_all = "kebab-case")]
pub enum Charge {
    /// Nothing to pay (a free service, or every line waived).
    Free,
    /// This many đồng, paid online.
    Due(u64),
    /// The agency works out the amount (it depends on facts the form does not ask).
    Assessed,
}

/// The charge for a service with these fee rules and, when it has a form, these answers,
/// on `today` in Vietnam.
pub fn charge(
    fees: &crate::catalogue::Fees,
    form: Option<(&IndexedForm, &Answers)>,
    today: Date,
) -> Charge {
    let quote = form.and_then(|(f, answers)| f.priced_quote(answers, today));
    charge_of(fees, quote.as_ref())
}

/// [`charge`] from a quote already made ([`IndexedForm::priced_quote`]).
pub fn charge_of(fees: &crate::catalogue::Fees, quote: Option<&Quote>) -> Charge {
    use crate::catalogue::Fees;
    let unknown_case = match fees {
        Fees::Free { .. } => false,
        Fees::Rules { rules } => {
            rules.is_empty() || rules.iter().any(|r| r.online_amount().is_none())
        }
    };
    if let Some(quote) = quote {
        return match quote.total_online {
            0 if quote.lines.is_empty() && unknown_case => Charge::Assessed,
            0 => Charge::Free,
            n => Charge::Due(n),
        };
    }
    // No priced form: only a service with a single fixed amount can be charged as it is.
    match fees {
        Fees::Free { .. } => Charge::Free,
        Fees::Rules { rules } => match rules.as_slice() {
            [only] => match only.online_amount() {
                Some(0) => Charge::Free,
                Some(n) => Charge::Due(n),
                None => Charge::Assessed,
            },
            _ => Charge::Assessed,
        },
    }
}

#[cfg(test)]
mod charge_tests {
    use super::*;
    use crate::catalogue::{Confidence, FeeRule, Fees};
    use crate::form::schema::{FeeItem, Form};

    fn rule(amount: Option<u64>) -> FeeRule {
        FeeRule {
            case: Text::new("c", "c"),
            in_person: amount,
            online: None,
            note: None,
            confidence: Confidence::Confirmed,
            basis: None,
        }
    }

    fn rules(amounts: &[Option<u64>]) -> Fees {
        Fees::Rules {
            rules: amounts.iter().copied().map(rule).collect(),
        }
    }

    fn free() -> Fees {
        Fees::Free {
            note: None,
            confidence: Confidence::Confirmed,
            basis: None,
        }
    }

    fn day() -> Date {
        Date::new(2026, 12, 5).unwrap()
    }

    fn priced_form() -> IndexedForm {
        let form: Form = serde_json::from_value(serde_json::json!({
            "steps": [{"id": "s", "title": {"vi": "s", "en": "s"}, "fields": [
                {"id": "copies", "type": "number", "label": {"vi": "n", "en": "n"}, "required": false},
                {"id": "poor", "type": "yes-no", "label": {"vi": "p", "en": "p"}}
            ]}],
            "fees": [{
                "id": "copy", "label": {"vi": "c", "en": "c"}, "in_person": 8000, "per": "copies",
                "exemptions": [{"when": {"field": "poor", "equals": true}, "reason": {"vi": "r", "en": "r"}}]
            }]
        }))
        .expect("form");
        IndexedForm::new(form)
    }

    #[test]
    fn a_priced_form_decides_even_when_the_service_is_free() {
        let form = priced_form();
        let two = Answers::new()
            .with("copies", Answer::Text("2".into()))
            .with("poor", Answer::YesNo(false));
        // The birth registration case: a free service whose extracts are charged.
        assert_eq!(
            charge(&free(), Some((&form, &two)), day()),
            Charge::Due(16000)
        );
        let waived = two.clone().with("poor", Answer::YesNo(true));
        assert_eq!(charge(&free(), Some((&form, &waived)), day()), Charge::Free);
        let none = Answers::new().with("poor", Answer::YesNo(false));
        assert_eq!(charge(&free(), Some((&form, &none)), day()), Charge::Free);
        // No line applies and the service has a case the agency prices.
        assert_eq!(
            charge(&rules(&[Some(8000), None]), Some((&form, &none)), day()),
            Charge::Assessed
        );
    }

    #[test]
    fn without_a_priced_form_only_a_single_fixed_amount_is_charged() {
        assert_eq!(charge(&free(), None, day()), Charge::Free);
        assert_eq!(
            charge(&rules(&[Some(200_000)]), None, day()),
            Charge::Due(200_000)
        );
        assert_eq!(charge(&rules(&[Some(0)]), None, day()), Charge::Free);
        assert_eq!(charge(&rules(&[None]), None, day()), Charge::Assessed);
        assert_eq!(
            charge(&rules(&[Some(1), Some(2)]), None, day()),
            Charge::Assessed,
            "several cases and nothing to choose by"
        );
        assert_eq!(charge(&rules(&[]), None, day()), Charge::Assessed);
    }

    #[test]
    fn an_age_exemption_holds_from_the_birthday_and_needs_a_shown_birth_date() {
        let form: Form = serde_json::from_value(serde_json::json!({
            "steps": [{"id": "s", "title": {"vi": "s", "en": "s"}, "fields": [
                {"id": "born", "type": "date", "label": {"vi": "b", "en": "b"}}
            ]}],
            "fees": [{
                "id": "fee", "label": {"vi": "f", "en": "f"}, "in_person": 200000,
                "exemptions": [
                    {"when": {"field": "born", "age_under": 16}, "reason": {"vi": "child", "en": "child"}},
                    {"when": {"field": "born", "age_at_least": 60}, "reason": {"vi": "old", "en": "old"}}
                ]
            }]
        }))
        .expect("form");
        let form = IndexedForm::new(form);
        let quote = |born: &str, on: Date| {
            let a = Answers::new().with("born", Answer::Text(born.into()));
            let q = form.quote(&a, on);
            (
                q.total_online,
                q.lines[0].exemption.as_ref().map(|t| t.vi.clone()),
            )
        };
        let on = |y, m, d| Date::new(y, m, d).unwrap();
        // The 16th birthday ends the child's exemption; the 60th starts the older person's.
        assert_eq!(
            quote("05/12/2010", on(2026, 12, 4)),
            (0, Some("child".into()))
        );
        assert_eq!(quote("05/12/2010", on(2026, 12, 5)), (200000, None));
        assert_eq!(quote("05/12/1966", on(2026, 12, 4)), (200000, None));
        assert_eq!(
            quote("05/12/1966", on(2026, 12, 5)),
            (0, Some("old".into()))
        );
        // Born 29 February: 16 on 29 February 2028, not the day before.
        assert_eq!(
            quote("29/02/2012", on(2028, 2, 28)),
            (0, Some("child".into()))
        );
        assert_eq!(quote("29/02/2012", on(2028, 2, 29)), (200000, None));
        // Each reason once, as Check answers shows them.
        let q = form.quote(
            &Answers::new().with("born", Answer::Text("01/01/1950".into())),
            day(),
        );
        assert_eq!(q.waivers(), [&Text::new("old", "old")]);
        // No date, a date that is not one, or a birth after today: no exemption.
        assert_eq!(quote("", day()).0, 200000);
        assert_eq!(quote("31/02/2010", day()).0, 200000);
        assert_eq!(quote("01/01/2030", day()).0, 200000);
    }

    #[test]
    fn a_temporary_amount_gives_way_to_the_schedule_the_day_after_it_ends() {
        let form: Form = serde_json::from_value(serde_json::json!({
            "steps": [{"id": "s", "title": {"vi": "s", "en": "s"}, "fields": [
                {"id": "born", "type": "date", "label": {"vi": "b", "en": "b"}}
            ]}],
            "fees": [
                {"id": "halved", "label": {"vi": "h", "en": "h"}, "in_person": 15000, "until": "2026-12-31"},
                {"id": "schedule", "label": {"vi": "s", "en": "s"}, "in_person": 30000, "from": "2027-01-01"}
            ]
        }))
        .expect("form");
        let form = IndexedForm::new(form);
        let on = |y, m, d| {
            let q = form.quote(&Answers::new(), Date::new(y, m, d).unwrap());
            let ids: Vec<String> = q.lines.iter().map(|l| l.id.clone()).collect();
            (ids, q.total_online)
        };
        assert_eq!(on(2026, 12, 31), (vec!["halved".to_string()], 15000));
        assert_eq!(on(2027, 1, 1), (vec!["schedule".to_string()], 30000));
        assert_eq!(on(2025, 7, 1), (vec!["halved".to_string()], 15000));
        // Dates are read strictly: a window that is not a real date is refused.
        assert!(serde_json::from_value::<FeeItem>(serde_json::json!({
            "id": "x", "label": {"vi": "x", "en": "x"}, "in_person": 1, "until": "2026-02-30"
        }))
        .is_err());
    }
}
