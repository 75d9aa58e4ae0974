//! Entry point of <dvc-service-search>'s bundle (`/embed/<version>/`), loaded by other sites'
//! pages: `embed/dvc-embed.js` defines the element and calls its `mount` with the
//! element's shadow root (see `portal_web::embed`).

portal_web::embed_entry!(portal_web::embed::mount_search);
