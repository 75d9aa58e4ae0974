// Writes the embedded elements' stylesheet (dist/embed/<version>/dvc-embed.css) from the
// portal's own: the design tokens and the rules of the components the elements draw,
// then embed/embed.css. Inside a shadow root the page's root is not the element's, so
// `rem` becomes px (the host page's root size must not scale the element), `:root`
// becomes `:host`, `body` the element's wrapper `.dvc`, and width media queries become
// container queries on that wrapper: the element lays itself out for its own width.
import { readFileSync } from "node:fs";

const files = [
  "tokens", "base", "button", "form-controls", "form", "error-state", "search",
  "service-list", "service-detail", "table",
].map((name) => `style/${name}.css`);

const px = (css) => css.replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `${+(n * 16).toFixed(3)}px`);

let css = files.map((f) => readFileSync(f, "utf8")).join("\n");
css = css
  .replace(/(^|[\s,}])html\s*\{[^}]*\}/g, "$1")
  .replace(/:root\b/g, ":host")
  .replace(/(^|[\s,}])body(\s*[{,])/g, "$1.dvc$2")
  .replace(/@media\s*\(((?:min|max)-width:[^)]*)\)/g, "@container ($1)");
css = px(css) + "\n" + readFileSync("embed/embed.css", "utf8");
process.stdout.write(css);
