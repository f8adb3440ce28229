//! An edition's theme: `themes/NAME/templates/` and `static/` override the built-in theme
//! file by file; a broken template stops the build, naming the template.

use std::fs;

use crate::harness::EditionTest;

const DOCUMENT: &str = "documents/a/index.html";

/// `themes/custom/templates/document.html` overrides the built-in one and extends builtin/base.
#[test]
fn theme_template_overrides_the_builtin_one() {
    let site = EditionTest::fixture("theme/custom").build_ok();
    let page = site.page(DOCUMENT);
    page.assert_has("<article class=\"custom-document\">")
        .assert_has("<h1>A Themed Document</h1>")
        .assert_has("<p class=\"custom-date\">12 July 1920</p>")
        .assert_has("<p id=\"p1\">")
        .assert_lacks("class=\"document-header\"");
    // From builtin/base.html, which it extends.
    page.assert_has("<header class=\"site-header\">")
        .assert_has("<footer class=\"site-footer\">");
    site.follow(DOCUMENT, "../../static/style.css");
}

/// Pages whose template the theme does not override keep the built-in one.
#[test]
fn other_pages_keep_the_builtin_templates() {
    let site = EditionTest::fixture("theme/custom").build_ok();
    site.page("index.html")
        .assert_has("class=\"edition-counts\"")
        .assert_lacks("custom-document");
}

/// `themes/custom/static/style.css` replaces the built-in one; other static files stay.
#[test]
fn theme_static_file_replaces_the_builtin_one() {
    let test = EditionTest::fixture("theme/custom");
    let site = test.build_ok();
    let ours =
        fs::read(test.root().join("themes/custom/static/style.css")).expect("the theme's css");
    let built = fs::read(site.root().join("static/style.css")).expect("the site's css");
    assert_eq!(built, ours, "static/style.css is the theme's");
    assert!(site.has("static/annals.js"), "{:?}", site.files());
}

/// A template with a syntax error fails the build (exit 1) naming the template; nothing written.
#[test]
fn template_syntax_error_fails_naming_the_template() {
    let test = EditionTest::fixture("theme/custom");
    test.write(
        "themes/custom/templates/document.html",
        "{% extends \"builtin/base.html\" %}\n{% block main %}{{ page.title }\n{% endblock main %}\n",
    );
    test.build()
        .assert_failure()
        .assert_stderr_has(&["document.html", "2:"]);
    assert!(!test.root().join("site").exists());
}

/// A template that fails while rendering (an unknown field) fails the build too.
#[test]
fn template_render_error_fails_naming_the_template() {
    let test = EditionTest::fixture("theme/custom");
    test.write(
        "themes/custom/templates/document.html",
        "{% extends \"builtin/base.html\" %}\n{% block main %}{{ page.no_such_field }}{% endblock main %}\n",
    );
    test.build()
        .assert_failure()
        .assert_stderr_has(&["document.html", "no_such_field"]);
    assert!(!test.root().join("site").exists());
}

/// A theme that has no folder under themes/ is an error naming it.
#[test]
fn rejects_a_theme_without_a_folder() {
    let test = EditionTest::fixture("theme/custom");
    test.write(
        "book.toml",
        "[edition]\ntitle = \"Themed\"\n\n[build]\ntheme = \"missing\"\n",
    );
    test.build()
        .assert_failure()
        .assert_stderr_has(&["missing", "themes/missing"]);
}
