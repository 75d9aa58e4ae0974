//! The catalogue being served, with its JSON rendered once so that requests only copy
//! bytes and ETags are the content version.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use axum::body::Bytes;
use portal_catalog::Catalogue;
use portal_core::Service;

use crate::api::ApiError;
use crate::staff_catalog::DiskCatalogue;

/// Which answer about one service: the whole service (`/api/v1/services/{id}`), its
/// overview without the form (`…/overview`) or what its form's page reads (`…/form`).
#[derive(Debug, Clone, Copy)]
pub enum ServiceView {
    Whole,
    Overview,
    Form,
}

pub struct Published {
    pub version: String,
    pub etag: String,
    pub index_json: Bytes,
    /// The legal texts the services cite (`/api/v1/catalog/sources`).
    pub sources_json: Bytes,
    services_json: HashMap<String, Bytes>,
    /// Each service without its form (`portal_api::catalogue::ServiceOverview`).
    overviews_json: HashMap<String, Bytes>,
    /// What each service's form page reads (`portal_api::catalogue::ServiceForm`).
    forms_json: HashMap<String, Bytes>,
    services: HashMap<String, Service>,
}

impl Published {
    pub fn new(catalogue: Catalogue) -> Published {
        let index_json = serde_json::to_vec(&catalogue.index())
            .unwrap_or_default()
            .into();
        let sources = portal_api::catalogue::LegalSources::from_services(
            &catalogue.version,
            &catalogue.services,
        );
        let sources_json = serde_json::to_vec(&sources).unwrap_or_default().into();
        let services_json = catalogue
            .services
            .iter()
            .map(|s| {
                (
                    s.id.0.clone(),
                    serde_json::to_vec(s).unwrap_or_default().into(),
                )
            })
            .collect();
        let overviews_json = catalogue
            .services
            .iter()
            .map(|s| {
                let overview = portal_api::catalogue::ServiceOverview::new(s, &catalogue.services);
                (
                    s.id.0.clone(),
                    serde_json::to_vec(&overview).unwrap_or_default().into(),
                )
            })
            .collect();
        let forms_json = catalogue
            .services
            .iter()
            .map(|s| {
                let form = portal_api::catalogue::ServiceForm::from(s);
                (
                    s.id.0.clone(),
                    serde_json::to_vec(&form).unwrap_or_default().into(),
                )
            })
            .collect();
        let services = catalogue
            .services
            .iter()
            .map(|s| (s.id.0.clone(), s.clone()))
            .collect();
        Published {
            services,
            etag: format!("\"{}\"", catalogue.version),
            version: catalogue.version,
            index_json,
            sources_json,
            services_json,
            overviews_json,
            forms_json,
        }
    }

    pub fn service_json(&self, id: &str) -> Option<Bytes> {
        self.services_json.get(id).cloned()
    }

    pub fn overview_json(&self, id: &str) -> Option<Bytes> {
        self.overviews_json.get(id).cloned()
    }

    pub fn form_json(&self, id: &str) -> Option<Bytes> {
        self.forms_json.get(id).cloned()
    }

    /// The answer `view` asks for about service `id` (a path's, checked here), or why not:
    /// the public routes' and the staff preview's one lookup.
    pub fn service_answer(&self, id: String, view: ServiceView) -> Result<Bytes, ApiError> {
        ApiError::check_service_id(&id)?;
        match view {
            ServiceView::Whole => self.service_json(&id),
            ServiceView::Overview => self.overview_json(&id),
            ServiceView::Form => self.form_json(&id),
        }
        .ok_or(ApiError::ServiceNotFound(id))
    }

    /// The service itself, for checks such as a submission's.
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.get(id)
    }

    pub fn has_service(&self, id: &str) -> bool {
        self.services_json.contains_key(id)
    }
}

impl Published {
    /// Every service, in id order (for diffs against a draft).
    pub fn services(&self) -> Vec<Service> {
        let mut all: Vec<Service> = self.services.values().cloned().collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    }
}

/// The catalogue being served now. A publish or rollback swaps it whole: a request
/// holds the `Arc` it started with, so it never sees half of two versions.
pub struct LiveCatalogue {
    current: RwLock<(Arc<Published>, i64)>,
    /// The catalogue files the server was started with.
    pub disk: DiskCatalogue,
}

impl LiveCatalogue {
    /// `seq` is the publication (row of `catalog_publications`) being served, 0 for the
    /// files on disk.
    pub fn new(published: Published, seq: i64, disk: DiskCatalogue) -> LiveCatalogue {
        LiveCatalogue {
            current: RwLock::new((Arc::new(published), seq)),
            disk,
        }
    }

    pub fn current(&self) -> Arc<Published> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .0
            .clone()
    }

    /// The last publication this instance has seen.
    pub fn seq(&self) -> i64 {
        self.current.read().unwrap_or_else(|p| p.into_inner()).1
    }

    /// Serves `next`, from publication `seq`, unless a later one is already served
    /// (two instances' updates can arrive in either order).
    pub fn replace(&self, next: Published, seq: i64) {
        let mut current = self.current.write().unwrap_or_else(|p| p.into_inner());
        if seq >= current.1 {
            *current = (Arc::new(next), seq);
        }
    }

    /// Notes that publication `seq` was seen but is not for these files.
    pub fn skip(&self, seq: i64) {
        let mut current = self.current.write().unwrap_or_else(|p| p.into_inner());
        current.1 = current.1.max(seq);
    }
}
