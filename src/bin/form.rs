//! Entry point of a service's form, its own bundle, sent for
//! `/services/{id}/apply[/{step}]` (see `app::FormApp`).

fn main() {
    portal_web::app::mount(portal_web::app::FormApp);
}
