//! Glossary terms in running text: the first use of each term in a document is marked
//! `<abbr title="expansion">`, so a reader can see what "NKVD" stands for where it first appears.
//!
//! Terms match whole words only ("CC" does not match inside "CCP"), longest first, case as
//! written in glossary.yaml.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::registry::Term;

/// The glossary, compiled once per build for matching.
pub struct Glossary {
    matcher: Option<AhoCorasick>,
    expansions: Vec<String>,
}

impl Glossary {
    /// Compiles `terms`.
    pub fn new(terms: &[Term]) -> Glossary {
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(terms.iter().map(|t| t.term.as_str()))
            .ok()
            .filter(|_| !terms.is_empty());
        Glossary {
            matcher,
            expansions: terms.iter().map(|t| t.expansion.clone()).collect(),
        }
    }

    /// The first whole-word use in `text` of a term not yet in `used`: its byte range and
    /// term index.
    pub(crate) fn first_unused(
        &self,
        text: &str,
        used: &[bool],
    ) -> Option<(std::ops::Range<usize>, usize)> {
        let matcher = self.matcher.as_ref()?;
        matcher.find_iter(text).find_map(|found| {
            let index = found.pattern().as_usize();
            let before = text[..found.start()].chars().next_back();
            let after = text[found.end()..].chars().next();
            let whole_word = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            (whole_word && !used[index]).then(|| (found.range(), index))
        })
    }

    /// Number of terms.
    pub(crate) fn len(&self) -> usize {
        self.expansions.len()
    }

    /// The expansion of term `index`.
    pub(crate) fn expansion(&self, index: usize) -> &str {
        &self.expansions[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        Glossary::new(&[
            Term {
                term: "CC".into(),
                expansion: "Central Committee".into(),
            },
            Term {
                term: "NKVD".into(),
                expansion: "People's Commissariat for Internal Affairs".into(),
            },
        ])
    }

    #[test]
    fn matches_whole_words_not_yet_used() {
        let g = glossary();
        let text = "the CCP and NKVD-NKGB and CC";
        assert_eq!(g.first_unused(text, &[false, false]), Some((12..16, 1)));
        assert_eq!(g.first_unused(text, &[false, true]), Some((26..28, 0)));
        assert_eq!(g.first_unused(text, &[true, true]), None);
    }
}
