//! Entry point of the catalogue's small bundle, sent for `/` (see `app::CatalogueApp`).

fn main() {
    portal_web::app::mount(portal_web::app::CatalogueApp);
}
