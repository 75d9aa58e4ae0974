//! The snippet a site's web team copies from `/embed`: the script tag and one element,
//! with a plain link inside for browsers that cannot run the element.

/// Which element the snippet embeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    Search,
    Card,
}

impl Element {
    pub fn tag(self) -> &'static str {
        match self {
            Element::Search => "dvc-service-search",
            Element::Card => "dvc-service",
        }
    }
}

/// What the web team chose on `/embed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub element: Element,
    /// Two digits, or none (the search then offers the province filter).
    pub province: Option<String>,
    /// `vi` or `en`.
    pub lang: &'static str,
    /// The card's service id.
    pub service: String,
}

/// The script's URL under `origin` for a version folder (`1` follows the major, `1.0.0`
/// pins it).
pub fn script_url(origin: &str, version: &str) -> String {
    format!("{origin}/embed/{version}/dvc-embed.js")
}

/// The snippet for `choice`, loading the script of `version` from `origin`.
pub fn snippet(origin: &str, version: &str, choice: &Choice) -> String {
    let tag = choice.element.tag();
    let mut attrs = Vec::new();
    if choice.element == Element::Card {
        attrs.push(("service", choice.service.as_str()));
    }
    if let Some(p) = &choice.province {
        attrs.push(("province", p.as_str()));
    }
    attrs.push(("lang", choice.lang));
    let attrs: String = attrs
        .iter()
        .map(|(k, v)| format!(" {k}=\"{}\"", escape(v)))
        .collect();
    let fallback = match choice.element {
        Element::Search => format!("{origin}/"),
        Element::Card => format!(
            "{origin}{}",
            portal_api::routes::service(choice.service.as_str())
        ),
    };
    let name = match choice.lang {
        "en" => "National Public Service Portal",
        _ => "Cổng Dịch vụ công Quốc gia",
    };
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<{tag}{attrs}>\n  <a href=\"{}\">{name}</a>\n</{tag}>",
        escape(&script_url(origin, version)),
        escape(&fallback),
    )
}

/// The lines a host page's Content-Security-Policy needs for the portal at `origin`.
pub fn csp_lines(origin: &str) -> String {
    format!("script-src 'self' {origin} 'wasm-unsafe-eval';\nconnect-src 'self' {origin};")
}

/// The rules a host's own stylesheet may add so that its page does not jump while an
/// element loads: the element's room until its `loaded` attribute appears.
pub const ROOM_CSS: &str =
    "dvc-service-search:not([loaded]) { display: block; min-height: 100vh; }\n\
dvc-service:not([loaded]) { display: block; min-height: 30rem; }";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_province_s_search() {
        let choice = Choice {
            element: Element::Search,
            province: Some("79".into()),
            lang: "vi",
            service: String::new(),
        };
        assert_eq!(
            snippet("https://dvc.example", "1", &choice),
            "<script type=\"module\" src=\"https://dvc.example/embed/1/dvc-embed.js\"></script>\n\
             <dvc-service-search province=\"79\" lang=\"vi\">\n  \
             <a href=\"https://dvc.example/\">Cổng Dịch vụ công Quốc gia</a>\n\
             </dvc-service-search>"
        );
    }

    #[test]
    fn a_service_s_card_links_its_page_inside() {
        let choice = Choice {
            element: Element::Card,
            province: None,
            lang: "en",
            service: "birth-registration".into(),
        };
        let got = snippet("http://127.0.0.1:8080", "1.0.0", &choice);
        assert!(got.contains("<dvc-service service=\"birth-registration\" lang=\"en\">"));
        assert!(got.contains(
            "<a href=\"http://127.0.0.1:8080/services/birth-registration\">National Public Service Portal</a>"
        ));
        assert!(got.contains("/embed/1.0.0/dvc-embed.js"));
    }

    #[test]
    fn values_are_escaped() {
        let choice = Choice {
            element: Element::Card,
            province: None,
            lang: "vi",
            service: "a\"><script>".into(),
        };
        assert!(!snippet("https://x", "1", &choice).contains("\"><script>"));
    }

    #[test]
    fn the_policy_names_the_origin() {
        assert_eq!(
            csp_lines("https://dvc.example"),
            "script-src 'self' https://dvc.example 'wasm-unsafe-eval';\nconnect-src 'self' https://dvc.example;"
        );
    }
}
