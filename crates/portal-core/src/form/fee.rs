//! The fee quote: which fee lines apply to these answers, how many units each counts,
//! which are waived and why. Amounts are whole đồng; the online amount is what the
//! citizen pays here, the in-person amount is shown beside it (many fees are lower online).

use serde::{Deserialize, Serialize};

use crate::form::answers::{Answer, Answers};
use crate::form::index::IndexedForm;
use crate::form::schema::FeeItem;
use crate::form::visibility::Scope;
use crate::text::Text;
use crate::validators::parse_number;

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
}

impl IndexedForm {
    /// The fee quote for these answers. Hidden answers count for nothing; a line whose
    /// unit count is 0 (e.g. no extra copies) is left out.
    pub fn quote(&self, answers: &Answers) -> Quote {
        let mut scope = Scope::new(self, answers);
        let mut quote = Quote::default();
        for item in &self.form().fees {
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
