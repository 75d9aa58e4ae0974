//! The reference server's HTTP tests, one binary: each module starts real servers on
//! loopback ports with fresh SQLite files. One binary links once, which keeps the
//! build small and fast.

mod common;

mod admin_units_api;
mod agencies;
mod agency_loop;
mod attachments_http;
mod attack;
mod availability_http;
mod dictionary_http;
mod dossiers_form_rules;
mod dossiers_http;
mod drafts_http;
mod embed_http;
mod every_form;
mod feedback_http;
mod filing_rows;
mod http_api;
mod identity_http;
mod identity_oidc;
mod multi_instance;
mod openapi_contract;
mod openapi_responses;
mod openapi_schemas;
mod overview_http;
mod payments_http;
mod rating_http;
mod receipt_http;
mod reliability;
mod staff_catalog_http;
mod statistics_http;
