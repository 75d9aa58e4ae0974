//! Entry point of the public statistics' own bundle, sent for `/statistics` (see
//! `app::StatisticsApp`).

fn main() {
    portal_web::app::mount(portal_web::app::StatisticsApp);
}
