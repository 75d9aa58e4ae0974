//! Entry point of the whole portal's WebAssembly bundle (every route).

fn main() {
    portal_web::app::mount(portal_web::app::App);
}
