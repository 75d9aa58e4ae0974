//! Entry point of the citizen's pages after the catalogue (services, forms, tracking), sent
//! for those pages without the staff pages (see `app::CitizenApp`).

fn main() {
    portal_web::app::mount(portal_web::app::CitizenApp);
}
