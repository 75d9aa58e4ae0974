//! Paying a dossier's fee: starting an attempt, and what the payment provider tells the
//! portal about it.

use serde::{Deserialize, Serialize};

/// The body of `POST /api/v1/dossiers/{code}/payments` (optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StartPayment {
    /// Where the provider sends the browser back (a path on this site); the dossier's
    /// page when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_to: Option<String>,
}

/// A payment attempt, started or resumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PaymentStarted {
    pub payment_id: String,
    pub dossier_code: String,
    pub amount: i64,
    /// The attempt's state: `pending`, `succeeded`, `failed` or `cancelled`.
    pub status: String,
    /// The provider's page to send the browser to.
    pub pay_url: String,
}

/// How a payment attempt ended, as the provider reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Success,
    Failure,
    Cancel,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Cancel => "cancel",
        }
    }
}

/// The body of `POST /api/v1/payments/callback`: what the provider tells the portal about
/// an attempt, signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Notification {
    pub payment_id: String,
    pub dossier_code: String,
    pub amount: i64,
    pub outcome: Outcome,
}

/// The answer to a notification: the dossier's payment status after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationReceived {
    pub payment_id: String,
    pub outcome: Outcome,
    pub payment_status: crate::status::PaymentStatus,
}
