//! Entry point of the WebAssembly bundle: mounts the app on `<body>`, replacing the
//! static first paint that `index.html` carries.

fn main() {
    console_error_panic_hook::set_once();
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_inner_html("");
    }
    leptos::mount::mount_to_body(portal_web::app::App);
}
