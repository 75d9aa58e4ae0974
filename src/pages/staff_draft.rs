//! `/staff/drafts/:id`: a draft catalogue's check results (errors first) and what it
//! would change, a preview link to share, and publishing once it has no errors.

use crate::components::Title;
use crate::fetched::Fetched;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use portal_core::catalogue_diff::{Change, ServiceChanges, ServiceRef};

use crate::api::staff::{self, DraftReport, Finding};
use crate::components::fees::amount;
use crate::components::{ButtonLink, ConfirmAction, StaffGate};
use crate::i18n::{fill, text, use_i18n, Key, Lang};
use crate::pages::staff::action_failed;

#[component]
pub fn StaffDraftPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    view! {
        <StaffGate>
            <DraftView id=id()/>
        </StaffGate>
    }
}

#[component]
fn DraftView(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let draft_id = id.clone();
    let report = Fetched::new(move || {
        let id = draft_id.clone();
        async move { staff::draft(&id).await }
    });
    let retry = Callback::new(move |_| report.refetch());
    view! {
        <Title text=move || i18n.t(Key::StaffDraftTitle)/>
        <p><a class="back-link" href="/staff">{move || i18n.t(Key::StaffBackToStaff)}</a></p>
        {move || match report.get() {
            None => view! { <crate::components::Loading/> }.into_any(),
            Some(Ok(r)) => view! { <Report report=r/> }.into_any(),
            Some(Err(e)) if e.is_not_found() => view! {
                <h1>{i18n.t(Key::StaffDraftNotFound)}</h1>
            }
            .into_any(),
            Some(Err(_)) => view! {
                <crate::components::LoadFailed on_retry=retry/>
            }
            .into_any(),
        }}
    }
}

#[component]
fn Report(report: DraftReport) -> impl IntoView {
    let i18n = use_i18n();
    let findings = report.sorted_findings();
    let summary = move |lang| {
        format!(
            "{}, {}",
            fill::staff_error_count(lang, report.errors),
            fill::staff_warning_count(lang, report.warnings)
        )
    };
    view! {
        <h1>{move || i18n.t(Key::StaffDraftTitle)}" "<code>{report.id.clone()}</code></h1>
        <p class="lead">{move || summary(i18n.lang.get())}</p>
        <Publish id=report.id.clone() errors=report.errors/>
        <h2>{move || i18n.t(Key::StaffFindingsTitle)}</h2>
        {if findings.is_empty() {
            view! { <p>{move || i18n.t(Key::StaffNoFindings)}</p> }.into_any()
        } else {
            view! {
                <ul class="findings">
                    {findings.into_iter().map(|f| view! { <FindingItem finding=f/> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <Diff diff=report.diff/>
    }
}

#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let i18n = use_i18n();
    let (class, label) = if finding.is_error() {
        ("finding finding--error", Key::StaffSeverityError)
    } else {
        ("finding finding--warning", Key::StaffSeverityWarning)
    };
    view! {
        <li class=class>
            <strong class="finding__severity">{move || i18n.t(label)}</strong>" "
            <code class="finding__location">{finding.location()}</code>
            {(!finding.path.is_empty()).then(|| view! { " " <code class="finding__path">{finding.path.clone()}</code> })}
            <br/>{let f = finding.clone(); move || f.message_in(i18n.lang.get()).to_string()}" "<span class="hint">"("{finding.code.clone()}")"</span>
        </li>
    }
}

/// Publishing, or why it is not possible yet; the preview link to share.
#[component]
fn Publish(id: String, errors: usize) -> impl IntoView {
    let i18n = use_i18n();
    let done = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // The server checks the role too; this only spares an editor a button that would
    // be refused.
    let may_publish = use_context::<staff::Viewer>().is_some_and(|v| {
        matches!(v, staff::Viewer::Staff { roles, .. } if roles.contains(&staff::StaffRole::CataloguePublisher))
    });
    let preview = portal_api::routes::staff_preview(&id);
    let share = format!(
        "{}{preview}",
        window().location().origin().unwrap_or_default()
    );
    let publish = move |_: ()| {
        if busy.get_untracked() || errors > 0 {
            return;
        }
        busy.set(true);
        let id = id.clone();
        spawn_local(async move {
            let lang = i18n.lang.get_untracked();
            done.set(Some(match staff::publish(&id).await {
                Ok(v) => fill::staff_published(lang, &v.current),
                Err(e) => action_failed(lang, &e),
            }));
            busy.set(false);
        });
    };
    view! {
        <section class="staff-section" aria-labelledby="publish-title">
            <h2 id="publish-title" class="visually-hidden">{move || i18n.t(Key::StaffPublish)}</h2>
            {(errors == 0).then(|| view! {
                <p><ButtonLink class="button button--secondary" href=preview.clone()>{move || i18n.t(Key::StaffPreviewLink)}</ButtonLink></p>
                <p>{move || i18n.t(Key::StaffShareHint)}" "<code class="staff-share">{share.clone()}</code></p>
            })}
            {(errors > 0).then(|| view! {
                <p id="publish-reason" class="staff-blocked">{move || fill::staff_publish_blocked(i18n.lang.get(), errors)}</p>
            })}
            {if may_publish {
                view! {
                    <ConfirmAction ask=Key::StaffPublish title=Key::StaffPublishConfirmTitle warning=Key::StaffPublishWarning
                        yes=Key::StaffPublishYes disabled={errors > 0} described_by={(errors > 0).then_some("publish-reason")}
                        on_confirm=Callback::new(publish)/>
                }
                .into_any()
            } else {
                view! { <p class="staff-blocked">{move || i18n.t(Key::StaffPublishNeedsPublisher)}</p> }.into_any()
            }}
            <div class="staff-message" role="status">{move || done.get().map(|m| view! { <p class="staff-confirmation">{m}</p> })}</div>
        </section>
    }
}

/// One change in the words of `lang`.
pub fn change_text(lang: Lang, c: &Change) -> String {
    match c {
        Change::Renamed { from, to } => fill::ch_renamed(lang, from.get(lang), to.get(lang)),
        Change::FormAdded => text(lang, Key::ChFormAdded).into(),
        Change::FormRemoved => text(lang, Key::ChFormRemoved).into(),
        Change::FieldAdded {
            label,
            required: true,
            ..
        } => fill::ch_field_added_required(lang, label.get(lang)),
        Change::FieldAdded { label, .. } => fill::ch_field_added(lang, label.get(lang)),
        Change::FieldRemoved { label, .. } => fill::ch_field_removed(lang, label.get(lang)),
        Change::FieldMadeRequired { label, .. } => fill::ch_field_required(lang, label.get(lang)),
        Change::FieldMadeOptional { label, .. } => fill::ch_field_optional(lang, label.get(lang)),
        Change::FieldTypeChanged {
            label, from, to, ..
        } => fill::ch_field_type(lang, label.get(lang), from, to),
        Change::OptionsRemoved { label, values, .. } => {
            fill::ch_options_removed(lang, label.get(lang), &values.join(", "))
        }
        Change::DocumentAdded { name, .. } => fill::ch_doc_added(lang, name.get(lang)),
        Change::DocumentRemoved { name } => fill::ch_doc_removed(lang, name.get(lang)),
        Change::DocumentMadeRequired { name } => fill::ch_doc_required(lang, name.get(lang)),
        Change::FeesChanged { before, after } => {
            fill::ch_fees(lang, &amount(lang, *before), &amount(lang, *after))
        }
        Change::FormFeeChanged {
            label,
            before,
            after,
            ..
        } => fill::ch_form_fee(
            lang,
            label.get(lang),
            &amount(lang, *before),
            &amount(lang, *after),
        ),
        Change::ProcessingTimeChanged { before, after, .. } => {
            fill::ch_time(lang, before.get(lang), after.get(lang))
        }
    }
}

#[component]
fn Diff(diff: portal_core::catalogue_diff::CatalogueDiff) -> impl IntoView {
    let i18n = use_i18n();
    let empty = diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty();
    let affected = diff.changed.iter().filter(|c| c.affects_drafts).count();
    let refs = move |title: Key, list: Vec<ServiceRef>| {
        (!list.is_empty()).then(|| {
            view! {
                <h3>{move || i18n.t(title)}</h3>
                <ul class="list list--bullet">
                    {list.into_iter().map(|s| view! {
                        <li>{move || s.name.get(i18n.lang.get()).to_string()}" "<code>{s.id.clone()}</code></li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <section class="staff-section diff" aria-labelledby="diff-title">
            <h2 id="diff-title">{move || i18n.t(Key::StaffDiffTitle)}</h2>
            {empty.then(|| view! { <p>{move || i18n.t(Key::StaffDiffNone)}</p> })}
            <p>{move || fill::staff_affected_count(i18n.lang.get(), affected)}</p>
            {refs(Key::StaffServicesAdded, diff.added)}
            {refs(Key::StaffServicesRemoved, diff.removed)}
            {(!diff.changed.is_empty()).then(|| view! {
                <h3>{move || i18n.t(Key::StaffServicesChanged)}</h3>
                {diff.changed.into_iter().map(|c| view! { <Changed changes=c/> }).collect_view()}
            })}
        </section>
    }
}

#[component]
fn Changed(changes: ServiceChanges) -> impl IntoView {
    let i18n = use_i18n();
    let ServiceChanges {
        id,
        name,
        changes,
        affects_drafts,
    } = changes;
    view! {
        <div class="diff__service">
            <h4>{move || name.get(i18n.lang.get()).to_string()}" "<code>{id.clone()}</code></h4>
            <ul class="list list--bullet">
                {changes.into_iter().map(|c| view! { <li>{move || change_text(i18n.lang.get(), &c)}</li> }).collect_view()}
            </ul>
            {affects_drafts.then(|| view! { <p class="hint">{move || i18n.t(Key::StaffAffectsDrafts)}</p> })}
        </div>
    }
}
