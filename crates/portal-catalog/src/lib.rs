//! Reads the catalogue from its files (one TOML file per service under `catalog/services/`,
//! its form, if any, under `catalog/forms/`, plus the topic taxonomy `catalog/topics.toml`)
//! and checks it. The result is a [`Catalogue`]: the topics and services plus a content
//! version that changes whenever any file changes, used for ETags and for tying drafts to
//! a version.

mod check;
mod fee_table;
mod forms;
mod lint;
mod load;
mod locate;
mod reader_vi;

pub use check::{check, check_markup, check_topics, Diagnostic, Severity};
pub use fee_table::fee_rules_markdown;
pub use forms::{attach_forms, parse_form, FORMS_DIR};
pub use lint::{lint, LintReport, MAX_FILES, MAX_TOTAL_BYTES};
pub use load::{
    load_dir, parse_service, parse_topics, read_dir, Catalogue, LoadError, SourceFile, TOPICS_FILE,
};
