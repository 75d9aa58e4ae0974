//! Entry point of a service page's own bundle, sent for `/services/{id}` (see
//! `app::ServiceApp`).

fn main() {
    portal_web::app::mount(portal_web::app::ServiceApp);
}
