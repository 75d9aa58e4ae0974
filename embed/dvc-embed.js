// <dvc-service-search> and <dvc-service>: the National Public Service Portal inside other
// sites' pages (the snippet, attributes and events are on the portal's /embed page).
// This file only defines the elements. Each element's shadow root is drawn by the portal's
// own WebAssembly, one bundle per element and loaded only for the elements the page uses,
// with the portal's stylesheet confined to the shadow root. Until it has loaded, or if it
// cannot load, the element shows what the host wrote inside it (a link to the portal).
const base = new URL(".", import.meta.url);

let sheet;
function styles() {
  sheet ??= fetch(new URL("dvc-embed.css", base))
    .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`dvc-embed.css: ${res.status}`))))
    .then((css) => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    });
  return sheet;
}

const bundles = {};
function bundle(name) {
  bundles[name] ??= import(new URL(`portal-embed-${name}.js`, base).href).then(async (m) => {
    await m.default({ module_or_path: new URL(`portal-embed-${name}_bg.wasm`, base) });
    return m;
  });
  return bundles[name];
}

function define(tag, name, attributes) {
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    static observedAttributes = attributes;
    #view = null;

    async connectedCallback() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      if (!root.firstChild) root.append(document.createElement("slot"));
      try {
        const [m, css] = await Promise.all([bundle(name), styles()]);
        if (!this.isConnected || this.#view) return;
        root.adoptedStyleSheets = [css];
        // Once drawn with its data (or not able to get it) the element says so with its
        // `loaded` attribute, until which a host's stylesheet can keep its room, so that
        // what follows does not jump (see /embed).
        const loaded = () => this.setAttribute("loaded", "");
        this.addEventListener("dvc-ready", loaded, { once: true });
        this.addEventListener("dvc-error", loaded, { once: true });
        root.replaceChildren();
        this.#view = m.mount(this, root, base.origin) ?? null;
      } catch (err) {
        // The host's own content stays (the slot), and the host can tell why.
        this.setAttribute("loaded", "");
        this.dispatchEvent(new CustomEvent("dvc-error", { bubbles: true, detail: { message: String(err) } }));
      }
    }

    disconnectedCallback() {
      this.#view?.free();
      this.#view = null;
      this.shadowRoot?.replaceChildren(document.createElement("slot"));
    }

    attributeChangedCallback(attribute, _old, value) {
      this.#view?.set(attribute, value ?? undefined);
    }
  });
}

define("dvc-service-search", "search", ["lang", "province", "audience", "topic", "q"]);
define("dvc-service", "card", ["lang", "province", "service"]);
