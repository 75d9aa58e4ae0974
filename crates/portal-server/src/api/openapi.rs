//! The OpenAPI document, generated: the schemas from the contract crate's types (feature
//! `openapi` of `portal-api`), the operations from the `#[utoipa::path]` beside each
//! handler, the error codes from [`super::error::every_error`]. The schemas of
//! portal-core's catalogue, form and administrative-unit types, which derive none yet,
//! are merged from `openapi/core-schemas.json`.
//!
//! `crates/portal-server/openapi.json` is this document as committed; a test fails when
//! they differ. Regenerate with `PORTAL_WRITE_OPENAPI=1 cargo test -p portal-server openapi`.

use serde_json::Value;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;
use utoipa::OpenApi;

use super::{admin_units, catalogue, health};
use crate::{
    agencies, attachments, dossiers, drafts, feedback, identity, payments, receipt, staff_catalog,
    statistics, tracking,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "National Public Service Portal API",
        version = "1.0.0",
        description = "The contract between the portal's web app and its backend, generated from the `portal-api` crate. The reference server in crates/portal-server implements it; the national backend implements the same contract. Errors are JSON objects {\"error\": {\"code\", \"message\", \"details\"?}} with a stable code. Sign-in ends in an HttpOnly session cookie; state-changing calls carry the X-Portal-Request header."
    ),
    paths(
        health::healthz,
        health::livez,
        catalogue::index,
        catalogue::availability,
        catalogue::availability_map,
        catalogue::sources,
        catalogue::service,
        catalogue::overview,
        catalogue::form,
        catalogue::card,
        identity::sign_in::sign_in_page,
        identity::sign_in::sign_in_form,
        identity::callback::finish,
        identity::sign_in::sign_out_form,
        identity::sign_in::session_info,
        identity::sign_in::end_session,
        attachments::get_limits,
        attachments::upload,
        attachments::get_attachment,
        attachments::delete_attachment,
        attachments::get_content,
        dossiers::submit,
        tracking::list_mine,
        drafts::list_mine,
        drafts::get_mine,
        drafts::save_mine,
        drafts::delete_mine,
        feedback::send,
        feedback::staff_list,
        tracking::get_dossier,
        receipt::get_receipt,
        dossiers::add_documents,
        dossiers::rating::rate,
        payments::start_payment,
        payments::callback,
        payments::provider::provider_page,
        payments::provider::provider_submit,
        tracking::staff::staff_list,
        tracking::staff::staff_move,
        agencies::events::receive,
        agencies::staff::list,
        agencies::staff::retry,
        staff_catalog::create_draft,
        staff_catalog::get_draft,
        staff_catalog::draft_catalog,
        staff_catalog::draft_service,
        staff_catalog::draft_service_overview,
        staff_catalog::draft_service_form,
        staff_catalog::preview_submit,
        staff_catalog::publish,
        staff_catalog::versions,
        staff_catalog::rollback,
        admin_units::provinces,
        admin_units::communes,
        admin_units::legacy,
        statistics::get_report,
        statistics::get_table,
    ),
    components(schemas(
        portal_api::ErrorBody,
        portal_api::ErrorDetail,
        portal_api::ErrorDetails,
        portal_api::Problem,
        portal_api::DossierStatus,
        portal_api::PaymentStatus,
        portal_api::EventKind,
        portal_api::TimelineActor,
        portal_api::AgencyName,
        portal_api::DossierResult,
        portal_api::agency::AgencyEvent,
        portal_api::agency::AgencyEventKind,
        portal_api::agency::ResultDocument,
        portal_api::agency::EventReply,
        portal_api::agency::EventOutcome,
        portal_api::agency::Delivery,
        portal_api::agency::DeliveryKind,
        portal_api::agency::DeliveredFile,
        portal_api::agency::ReceivingAgency,
        portal_api::agency::DeliveryAck,
        portal_api::staff::DeliveryState,
        portal_api::staff::DeliveryEntry,
        portal_api::staff::DeliveryList,
        portal_api::PublicDossier,
        portal_api::FullDossier,
        portal_api::DossierView,
        portal_api::DossierSummary,
        portal_api::DossierList,
        portal_api::Receipt,
        portal_api::Satisfaction,
        portal_api::NewRating,
        portal_api::GivenRating,
        portal_api::drafts::DraftSummary,
        portal_api::drafts::DraftList,
        portal_api::drafts::SavedDraft,
        portal_api::drafts::KeptDraft,
        portal_api::feedback::NewFeedback,
        portal_api::feedback::FeedbackEntry,
        portal_api::feedback::FeedbackList,
        portal_api::session::SessionInfo,
        portal_api::session::Identity,
        portal_api::session::StaffMembership,
        portal_api::session::StaffRole,
        portal_api::session::SignedOut,
        portal_api::attachments::Attachment,
        portal_api::attachments::AttachmentLimits,
        portal_api::payments::PaymentStarted,
        portal_api::staff::DraftReport,
        portal_api::staff::Versions,
        portal_api::catalogue::LegalSources,
        portal_api::catalogue::Availability,
        portal_api::catalogue::ServiceCard,
        portal_api::catalogue::ServiceOverview,
        portal_api::catalogue::LinkedProcedure,
        portal_api::catalogue::CardProvince,
        portal_api::catalogue::AvailabilityMap,
        portal_api::catalogue::ProvinceAvailability,
        portal_api::catalogue::LegalSource,
        portal_api::catalogue::SourceUse,
        portal_api::statistics::Report,
        portal_api::statistics::Place,
        portal_api::statistics::ServiceName,
        portal_api::statistics::MonthRow,
        portal_api::statistics::ProvinceRow,
        portal_api::statistics::ServiceRow,
    ))
)]
struct ApiDoc;

/// The document: the generated one with the error codes listed and portal-core's
/// schemas merged (as JSON: utoipa's model does not hold every keyword they use).
pub fn document() -> Value {
    let mut doc = ApiDoc::openapi();
    if let Some(components) = doc.components.as_mut() {
        let codes: Vec<&str> = super::error::every_error()
            .iter()
            .map(super::ApiError::code)
            .collect();
        if let Some(RefOr::T(Schema::Object(detail))) = components.schemas.get_mut("ErrorDetail") {
            if let Some(RefOr::T(Schema::Object(code))) = detail.properties.get_mut("code") {
                code.enum_values = Some(codes.iter().map(|c| (*c).into()).collect());
            }
        }
    }
    let mut doc = serde_json::to_value(&doc).unwrap_or_default();
    let core: Value =
        serde_json::from_str(include_str!("../../openapi/core-schemas.json")).unwrap_or_default();
    if let (Some(schemas), Some(core)) = (
        doc["components"]["schemas"].as_object_mut(),
        core["schemas"].as_object(),
    ) {
        schemas.extend(core.clone());
    }
    doc
}

/// The document as committed: pretty JSON ending in a newline.
pub fn json() -> String {
    let mut text = serde_json::to_string_pretty(&document()).unwrap_or_default();
    text.push('\n');
    text
}
