//! Entry point of the question gallery's own bundle, sent for `/gallery` (see
//! `app::GalleryApp`): examples stay out of the bundles citizens download.

fn main() {
    portal_web::app::mount(portal_web::app::GalleryApp);
}
