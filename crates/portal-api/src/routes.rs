//! The app's own routes (pages, not API): their patterns and builders, used by the
//! browser's links and by the server where it links to a page (a payment's return, the
//! first paint). Values are percent-encoded as in [`crate::paths`].

use crate::paths::encode;

/// The embeddable elements' version (semver), whose files the portal serves under
/// `/embed/<EMBED_VERSION>/`: a host page pins `/embed/1.0.0/`, or follows
/// `/embed/<EMBED_MAJOR>/` (here `/embed/1/`), which always serves the newest 1.x.
pub const EMBED_VERSION: &str = "1.0.0";
/// The major version of [`EMBED_VERSION`], the alias that follows its compatible releases.
pub const EMBED_MAJOR: &str = "1";

pub const HOME: &str = "/";
pub const MY_DOSSIERS: &str = "/dossiers";
pub const LOOKUP: &str = "/lookup";
pub const ACCESSIBILITY: &str = "/accessibility";
/// The 25 integrated online services of Directive 24/CT-TTg, in the directive's order.
pub const INTEGRATED_SERVICES: &str = "/integrated-services";
/// The legal texts the catalogue relies on, with the services that cite each.
pub const SOURCES: &str = "/sources";
pub const GALLERY: &str = "/gallery";
/// The public service-delivery figures (issue #19); its query is [`crate::statistics::Filters`].
pub const STATISTICS: &str = crate::statistics::PAGE;
/// For other sites' web teams: how to embed the portal's elements (see `embed`).
pub const EMBED: &str = "/embed";
pub const STAFF: &str = "/staff";
/// Deliveries to the agencies that were given up, for dossier officers to send again.
pub const STAFF_DELIVERIES: &str = "/staff/deliveries";
/// Feedback received, for dossier officers.
pub const STAFF_FEEDBACK: &str = "/staff/feedback";

/// The feedback page, about the page at `from` (a path of the portal).
pub fn feedback(from: &str) -> String {
    crate::paths::with_query("/feedback", &[("from", from)])
}

/// A service's page.
pub fn service(id: &str) -> String {
    format!("/services/{}", encode(id))
}

/// The start of a service's form.
pub fn apply(id: &str) -> String {
    format!("/services/{}/apply", encode(id))
}

/// One step of a service's form (`check` for check-your-answers).
pub fn apply_step(id: &str, step: &str) -> String {
    format!("/services/{}/apply/{}", encode(id), encode(step))
}

/// A dossier's tracking page.
pub fn dossier(code: &str) -> String {
    format!("/dossiers/{}", encode(code))
}

/// The tracking page right after submission (the confirmation).
pub fn dossier_submitted(code: &str) -> String {
    format!("{}?submitted=1", dossier(code))
}

/// A staff draft's report.
pub fn staff_draft(id: &str) -> String {
    format!("/staff/drafts/{}", encode(id))
}

/// The public pages as a staff draft will show them.
pub fn staff_preview(draft: &str) -> String {
    format!("/staff/preview/{}", encode(draft))
}

/// A page of the app, read from a request path: the one list of the app's routes, which
/// the server uses to tell app pages from unknown paths and to pick each page's bundle
/// and first paint, and the browser to know which pages its bundle holds. The builders
/// above make the paths this reads. Values stay as they came (percent-encoded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppRoute<'a> {
    Catalogue,
    Accessibility,
    /// The list of 25 of Directive 24/CT-TTg.
    IntegratedServices,
    /// The legal texts the catalogue relies on.
    Sources,
    /// The public service-delivery figures.
    Statistics,
    Gallery,
    GalleryLargeForm,
    /// For other sites' web teams: the embeddable elements' snippet, preview and reference.
    Embed,
    MyDossiers,
    Lookup,
    /// Feedback on a page (`?from=` names it).
    Feedback,
    Dossier {
        code: &'a str,
    },
    Service {
        id: &'a str,
    },
    /// A form: its start (`step` absent), a step, or `check`.
    Apply {
        id: &'a str,
        step: Option<&'a str>,
    },
    Staff,
    StaffDeliveries,
    StaffFeedback,
    StaffDraft {
        id: &'a str,
    },
    /// The public pages as a staff draft will show them.
    StaffPreview {
        draft: &'a str,
        page: PreviewPage<'a>,
    },
}

/// A public page inside a staff preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviewPage<'a> {
    Catalogue,
    Service { id: &'a str },
    Apply { id: &'a str, step: Option<&'a str> },
}

/// Which built bundle serves a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// The catalogue's own small bundle (`/`).
    Catalogue,
    /// The question gallery's (examples for reviewers, never for citizens).
    Gallery,
    /// The public statistics' own small bundle (`/statistics`).
    Statistics,
    /// A service's page (`/services/{id}`), its own small bundle: it is where most people
    /// arrive (from search engines, provincial sites, messages), and it reads the service
    /// without its form, so it carries no form code.
    Service,
    /// A service's form, its steps and check-your-answers (`/services/{id}/apply[/{step}]`),
    /// its own bundle: what the person fills in; after Send it also draws the dossier's
    /// page and My dossiers, from a chunk of its own, without loading the citizen's.
    Form,
    /// The pages a citizen goes through after sending a form: tracking, My dossiers,
    /// lookup, feedback, and the portal's information pages. No staff page is in it.
    Citizen,
    /// The staff pages, whose previews draw the public pages as a draft will show them:
    /// the whole portal. Also sent for `/embed`, a page for other sites' web teams.
    Staff,
}

/// Longest path segment taken as a step, a code or a draft id.
const MAX_SEGMENT: usize = 64;

fn segment(s: &str) -> Option<&str> {
    (!s.is_empty() && s.len() <= MAX_SEGMENT).then_some(s)
}

fn token(s: &str) -> Option<&str> {
    segment(s).filter(|s| s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn service_id(s: &str) -> Option<&str> {
    portal_core::ServiceId::is_valid(s).then_some(s)
}

impl<'a> AppRoute<'a> {
    /// The page at `path` (no query or fragment; a trailing `/` is ignored), if the app
    /// has one there.
    pub fn parse(path: &'a str) -> Option<AppRoute<'a>> {
        let path = match path.trim_end_matches('/') {
            "" => return path.starts_with('/').then_some(AppRoute::Catalogue),
            p => p,
        };
        let parts: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        Some(match parts.as_slice() {
            ["accessibility"] => AppRoute::Accessibility,
            ["integrated-services"] => AppRoute::IntegratedServices,
            ["sources"] => AppRoute::Sources,
            ["statistics"] => AppRoute::Statistics,
            ["gallery"] => AppRoute::Gallery,
            ["gallery", "large-form"] => AppRoute::GalleryLargeForm,
            ["embed"] => AppRoute::Embed,
            ["dossiers"] => AppRoute::MyDossiers,
            ["lookup"] => AppRoute::Lookup,
            ["feedback"] => AppRoute::Feedback,
            ["dossiers", code] => AppRoute::Dossier {
                code: segment(code)?,
            },
            ["staff"] => AppRoute::Staff,
            ["staff", "deliveries"] => AppRoute::StaffDeliveries,
            ["staff", "feedback"] => AppRoute::StaffFeedback,
            ["staff", "drafts", id] => AppRoute::StaffDraft { id: token(id)? },
            ["staff", "preview", draft, rest @ ..] => AppRoute::StaffPreview {
                draft: token(draft)?,
                page: match rest {
                    [] => PreviewPage::Catalogue,
                    ["services", id] => PreviewPage::Service {
                        id: service_id(id)?,
                    },
                    ["services", id, "apply"] => PreviewPage::Apply {
                        id: service_id(id)?,
                        step: None,
                    },
                    ["services", id, "apply", step] => PreviewPage::Apply {
                        id: service_id(id)?,
                        step: Some(segment(step)?),
                    },
                    _ => return None,
                },
            },
            ["services", id] => AppRoute::Service { id: segment(id)? },
            ["services", id, "apply"] => AppRoute::Apply {
                id: segment(id)?,
                step: None,
            },
            ["services", id, "apply", step] => AppRoute::Apply {
                id: segment(id)?,
                step: Some(segment(step)?),
            },
            _ => return None,
        })
    }

    /// The bundle that serves this page.
    pub fn bundle(self) -> Bundle {
        match self {
            AppRoute::Catalogue => Bundle::Catalogue,
            AppRoute::Gallery | AppRoute::GalleryLargeForm => Bundle::Gallery,
            AppRoute::Statistics => Bundle::Statistics,
            AppRoute::Embed
            | AppRoute::Staff
            | AppRoute::StaffDeliveries
            | AppRoute::StaffFeedback
            | AppRoute::StaffDraft { .. }
            | AppRoute::StaffPreview { .. } => Bundle::Staff,
            AppRoute::Accessibility
            | AppRoute::IntegratedServices
            | AppRoute::Sources
            | AppRoute::MyDossiers
            | AppRoute::Lookup
            | AppRoute::Feedback
            | AppRoute::Dossier { .. } => Bundle::Citizen,
            AppRoute::Service { .. } => Bundle::Service,
            AppRoute::Apply { .. } => Bundle::Form,
        }
    }

    /// The service a page is about, which must exist for the page to (public pages; a
    /// staff preview's service is the draft's, checked by the page).
    pub fn service(self) -> Option<&'a str> {
        match self {
            AppRoute::Service { id } | AppRoute::Apply { id, .. } => Some(id),
            _ => None,
        }
    }
}

/// The bundle serving the page an in-app link goes to (`href` may carry a query or a
/// fragment); `None` for a link that is not a page of the app (another site, an asset).
pub fn bundle_of(href: &str) -> Option<Bundle> {
    if !href.starts_with('/') || href.starts_with("//") {
        return None;
    }
    let path = href.split(['?', '#']).next().unwrap_or_default();
    AppRoute::parse(path).map(AppRoute::bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embed_s_major_alias_is_its_version_s_major() {
        let mut parts = EMBED_VERSION.split('.');
        assert_eq!(parts.next(), Some(EMBED_MAJOR));
        let rest: Vec<_> = parts.collect();
        assert_eq!(rest.len(), 2, "semver: major.minor.patch");
        assert!(EMBED_VERSION
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())));
    }

    #[test]
    fn routes() {
        assert_eq!(service("1.001193"), "/services/1.001193");
        assert_eq!(apply("a"), "/services/a/apply");
        assert_eq!(apply_step("a", "check"), "/services/a/apply/check");
        assert_eq!(dossier_submitted("C-1"), "/dossiers/C-1?submitted=1");
        assert_eq!(staff_preview("abc"), "/staff/preview/abc");
        assert_eq!(staff_draft("abc"), "/staff/drafts/abc");
    }

    #[test]
    fn every_builder_makes_a_path_the_parser_reads_back() {
        let cases: Vec<(String, AppRoute)> = vec![
            (HOME.into(), AppRoute::Catalogue),
            (ACCESSIBILITY.into(), AppRoute::Accessibility),
            (INTEGRATED_SERVICES.into(), AppRoute::IntegratedServices),
            (SOURCES.into(), AppRoute::Sources),
            (STATISTICS.into(), AppRoute::Statistics),
            (GALLERY.into(), AppRoute::Gallery),
            (EMBED.into(), AppRoute::Embed),
            (MY_DOSSIERS.into(), AppRoute::MyDossiers),
            (LOOKUP.into(), AppRoute::Lookup),
            (STAFF.into(), AppRoute::Staff),
            (STAFF_DELIVERIES.into(), AppRoute::StaffDeliveries),
            (STAFF_FEEDBACK.into(), AppRoute::StaffFeedback),
            (
                feedback("/services/a/apply/b")
                    .split('?')
                    .next()
                    .unwrap()
                    .into(),
                AppRoute::Feedback,
            ),
            (
                service("birth-registration"),
                AppRoute::Service {
                    id: "birth-registration",
                },
            ),
            (
                apply("a"),
                AppRoute::Apply {
                    id: "a",
                    step: None,
                },
            ),
            (
                apply_step("a", "check"),
                AppRoute::Apply {
                    id: "a",
                    step: Some("check"),
                },
            ),
            (
                dossier("000.00.00.H99-251127-0001"),
                AppRoute::Dossier {
                    code: "000.00.00.H99-251127-0001",
                },
            ),
            (staff_draft("abc123"), AppRoute::StaffDraft { id: "abc123" }),
            (
                staff_preview("abc123"),
                AppRoute::StaffPreview {
                    draft: "abc123",
                    page: PreviewPage::Catalogue,
                },
            ),
        ];
        for (path, want) in &cases {
            assert_eq!(AppRoute::parse(path).as_ref(), Some(want), "{path}");
        }
        let preview = format!("{}{}", staff_preview("abc123"), apply_step("a", "who"));
        assert_eq!(
            AppRoute::parse(&preview),
            Some(AppRoute::StaffPreview {
                draft: "abc123",
                page: PreviewPage::Apply {
                    id: "a",
                    step: Some("who")
                }
            })
        );
    }

    #[test]
    fn paths_that_are_not_pages() {
        for path in [
            "",
            "nope",
            "/nope",
            "/dossiers/a/b",
            "/services/a/b",
            "/services/a/apply/b/c",
            "/staff/drafts/../etc",
            "/staff/preview/abc/elsewhere",
            "/gallery/other",
            "/lookups",
        ] {
            assert_eq!(AppRoute::parse(path), None, "{path}");
        }
        assert_eq!(
            AppRoute::parse(&format!("/dossiers/{}", "x".repeat(65))),
            None
        );
        assert_eq!(
            AppRoute::parse("/services/a/"),
            Some(AppRoute::Service { id: "a" })
        );
    }

    #[test]
    fn each_page_has_its_bundle() {
        assert_eq!(bundle_of("/"), Some(Bundle::Catalogue));
        assert_eq!(bundle_of("/?q=ho+chieu#x"), Some(Bundle::Catalogue));
        assert_eq!(bundle_of("/gallery/large-form"), Some(Bundle::Gallery));
        assert_eq!(bundle_of("/services/a?x=1"), Some(Bundle::Service));
        assert_eq!(bundle_of("/services/a/apply"), Some(Bundle::Form));
        assert_eq!(bundle_of("/services/a/apply/check"), Some(Bundle::Form));
        assert_eq!(
            bundle_of("/dossiers/C-1?submitted=1"),
            Some(Bundle::Citizen)
        );
        assert_eq!(bundle_of(INTEGRATED_SERVICES), Some(Bundle::Citizen));
        assert_eq!(bundle_of(SOURCES), Some(Bundle::Citizen));
        assert_eq!(bundle_of(STAFF), Some(Bundle::Staff));
        assert_eq!(
            bundle_of("/staff/preview/abc/services/a"),
            Some(Bundle::Staff)
        );
        assert_eq!(
            bundle_of("/statistics?period=2026-q4&province=01"),
            Some(Bundle::Statistics)
        );
        assert_eq!(bundle_of("//elsewhere.example/"), None);
        assert_eq!(bundle_of("https://example.org/"), None);
        assert_eq!(bundle_of("/favicon.png"), None);
    }
}
