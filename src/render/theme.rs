//! The theme: templates and static files, built in and overridable file by file.
//!
//! The default theme (`themes/default/` in annals' own repository) is compiled into the
//! binary as one table. An edition's `themes/NAME/templates/x.html` overrides the built-in
//! `x.html` and can still extend it as `builtin/x.html`; `themes/NAME/static/` files override or
//! add static files. Templates are parsed once per build, in one batch.

use std::path::{Path, PathBuf};

use std::io::Write;

use include_dir::{Dir, include_dir};
use tera::{Context, Tera};

use super::PageError;
use crate::diagnostics::Diagnostic;
use crate::source::{SourcePath, Span};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The static file of the search page's script (`search.html` loads it): written only when
/// the edition has a search.
pub(super) const SEARCH_SCRIPT: &str = "search.js";

/// A theme ready to render pages.
pub struct Theme {
    tera: Tera,
    statics: Vec<(String, Vec<u8>)>,
    /// Where the edition's own templates are, as errors name them
    /// (`themes/NAME/templates`), so an error in one points at its file and line.
    templates: SourcePath,
}

impl Theme {
    /// Loads the built-in theme with the overrides in `themes/NAME/` of the edition at `root`
    /// (a missing folder is an error unless NAME is `default`). `globals` become variables of
    /// every template.
    pub fn load(root: &Path, name: &str, globals: &Context) -> Result<Theme, Diagnostic> {
        // Config checked that a named theme's folder exists; `default` needs none.
        let folder = root.join("themes").join(name);
        let sources = SourcePath::new(root, &Path::new("themes").join(name).join("templates"));
        let error = |e: tera::Error| template_error(e, &sources);
        let mut templates: Vec<(String, String)> = Vec::new();
        for file in files(&BUILTIN, "templates") {
            let text = file
                .contents_utf8()
                .ok_or_else(|| template_not_utf8(file.path()))?;
            templates.push((
                format!("builtin/{}", name_in(file.path(), "templates")),
                text.to_owned(),
            ));
        }
        let mut statics: Vec<(String, Vec<u8>)> = files(&BUILTIN, "static")
            .map(|file| (name_in(file.path(), "static"), file.contents().to_vec()))
            .collect();
        for (name, path) in theme_files(&folder.join("templates")) {
            let text = std::fs::read_to_string(&path).map_err(|e| theme_io(&path, &e))?;
            templates.push((format!("theme/{name}"), text));
        }
        for (name, path) in theme_files(&folder.join("static")) {
            let bytes = std::fs::read(&path).map_err(|e| theme_io(&path, &e))?;
            statics.retain(|(existing, _)| *existing != name);
            statics.push((name, bytes));
        }
        statics.sort_by(|a, b| a.0.cmp(&b.0));

        let mut tera = Tera::new();
        tera.set_fallback_prefixes(["theme/", "builtin/"])
            .map_err(error)?;
        tera.add_raw_templates(templates).map_err(error)?;
        tera.global_context().extend(globals.clone());
        Ok(Theme {
            tera,
            statics,
            templates: sources,
        })
    }

    /// Renders `template` with `context` into `out`.
    pub fn render(
        &self,
        template: &str,
        context: &Context,
        out: &mut dyn Write,
    ) -> Result<(), PageError> {
        self.tera
            .render_to(template, context, out)
            .map_err(|error| match error.kind() {
                // The writer failed, not the template.
                tera::ErrorKind::Io(kind) => PageError::Io(std::io::Error::from(*kind)),
                _ => PageError::Theme(template_error(error, &self.templates)),
            })
    }

    /// The static files, by path under `static/`.
    pub fn statics(&self) -> &[(String, Vec<u8>)] {
        &self.statics
    }
}

/// Every file under `folder` of the built-in theme.
fn files<'a>(dir: &'a Dir<'a>, folder: &str) -> impl Iterator<Item = &'a include_dir::File<'a>> {
    let mut found = Vec::new();
    if let Some(sub) = dir.get_dir(folder) {
        collect(sub, &mut found);
    }
    found.into_iter()
}

fn collect<'a>(dir: &'a Dir<'a>, found: &mut Vec<&'a include_dir::File<'a>>) {
    found.extend(dir.files());
    for sub in dir.dirs() {
        collect(sub, found);
    }
}

/// `templates/partials/x.html` → `partials/x.html`.
fn name_in(path: &Path, folder: &str) -> String {
    path.strip_prefix(folder)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Files of an edition's theme folder, sorted, by name relative to it.
fn theme_files(folder: &Path) -> Vec<(String, PathBuf)> {
    if !folder.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| {
            entry.file_type().is_file() && !entry.file_name().to_string_lossy().starts_with('.')
        })
        .map(|entry| {
            let name = entry
                .path()
                .strip_prefix(folder)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            (name, entry.into_path())
        })
        .collect()
}

/// A template error as a diagnostic: at its place when it is in one of the edition's own
/// templates (`theme/NAME` in tera), else with tera's own report, which names the template.
fn template_error(error: tera::Error, templates: &SourcePath) -> Diagnostic {
    let report = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            Some(report)
        }
        _ => None,
    };
    let own = report.and_then(|report| Some((report, report.filename().strip_prefix("theme/")?)));
    match own {
        Some((report, name)) => {
            let file = SourcePath::new(Path::new(""), &templates.path().join(name));
            Diagnostic::error("template", format!("template error: {}", report.message()))
                .at(Span::new(&file, report.span().range.clone()))
                .with_help("fix the template; it overrides the built-in one of the same name")
        }
        None => Diagnostic::error("template", format!("the theme has an error:\n{error}")).with_help(
            "templates under themes/NAME/templates/ override the built-in ones of the same name",
        ),
    }
}

fn template_not_utf8(path: &Path) -> Diagnostic {
    Diagnostic::error(
        "template",
        format!("built-in template {} is not UTF-8", path.display()),
    )
}

fn theme_io(path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        "template",
        format!("cannot read {}: {error}", path.display()),
    )
    .with_help("theme templates must be UTF-8 text files")
}
