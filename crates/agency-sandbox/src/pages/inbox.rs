//! `/`: every dossier received, newest first, with what the officer last did and how many
//! deliveries brought it (a dossier received once shows 1).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;
use portal_core::Lang;

use super::texts::texts;
use super::{dossier_path, link, page, trouble, PageQuery};
use crate::clock::readable;
use crate::AppState;

pub async fn inbox(State(app): State<AppState>, Query(q): Query<PageQuery>) -> Response {
    let lang = q.lang();
    let t = texts(lang);
    let rows = match app.store.inbox().await {
        Ok(r) => r,
        Err(e) => return trouble(lang, "/", &e),
    };
    let body = html! {
        h1 { (t.inbox_title) }
        p.lead { (t.inbox_intro) }
        @if rows.is_empty() {
            p { (t.inbox_empty) }
        } @else {
            div.table-scroll role="region" aria-labelledby="inbox-caption" tabindex="0" {
                table {
                    caption #inbox-caption.visually-hidden { (t.inbox_title) }
                    thead {
                        tr {
                            th scope="col" { (t.col_code) }
                            th scope="col" { (t.col_service) }
                            th scope="col" { (t.col_applicant) }
                            th scope="col" { (t.col_agency) }
                            th scope="col" { (t.col_received) }
                            th scope="col" { (t.col_state) }
                            th scope="col" { (t.col_deliveries) }
                        }
                    }
                    tbody {
                        @for r in &rows {
                            @let documents_added = match (&r.last_documents_at, &r.last_event_at) {
                                (Some(d), Some(e)) => d > e,
                                (Some(_), None) => true,
                                _ => false,
                            };
                            tr {
                                th scope="row" {
                                    a.mono.nowrap href=(link(&dossier_path(&r.code), lang)) { (r.code) }
                                }
                                td { (r.service_name_vi) }
                                td { (r.applicant_name) }
                                td {
                                    @match lang {
                                        Lang::Vi => (r.agency_name_vi),
                                        Lang::En if !r.agency_name_en.trim().is_empty() => (r.agency_name_en),
                                        Lang::En => (r.agency_name_vi),
                                    }
                                }
                                td { (readable(&r.received_at)) }
                                td {
                                    @if documents_added {
                                        (t.state_documents_added)
                                    } @else {
                                        (t.state(r.last_event.as_deref()))
                                    }
                                }
                                td { (t.deliveries(r.deliveries, r.times_received)) }
                            }
                        }
                    }
                }
            }
        }
    };
    page(t, StatusCode::OK, t.inbox_title, false, "/", body)
}
