//! The registries of a synthetic edition: people, places, glossary and events, as values the
//! documents draw from and as the YAML files of `documents/`.
//!
//! People and places are held in order of popularity: the entry of rank 0 is drawn most often
//! ([`Zipf`]). Names come from a bijection of the rank onto name parts, so neighbouring ranks
//! get unrelated names; the rare name whose slug is already taken gets a number, so ids, the
//! slugs of the names, are unique.

use std::collections::HashSet;
use std::fmt::Write;

use crate::dates::Day;
use crate::rng::{Rng, Stage, Zipf};
use crate::words::{
    ADJECTIVES, COUNTRIES, GIVEN_NAMES, GLOSSARY, NOUNS, OFFICES, ORGANIZATION_KINDS, PLACE_HEADS,
    PLACE_MIDDLES, PLACE_TAILS, REFERENCE_TERMS, SURNAMES,
};
use crate::yaml;

/// A person or organisation of `people.yaml`.
pub(crate) struct Person {
    /// Registry id, the slug of the name.
    pub(crate) id: String,
    /// Display name.
    pub(crate) name: String,
    /// Given name and surname, for persons; `None` for organisations.
    parts: Option<(String, &'static str)>,
}

/// A place of `places.yaml`.
pub(crate) struct Place {
    /// Registry id, the slug of the name.
    pub(crate) id: String,
    /// Display name.
    pub(crate) name: String,
}

/// Everything documents refer to, with the samplers that make a few entries popular.
pub(crate) struct Registries {
    /// People in order of popularity.
    pub(crate) people: Vec<Person>,
    /// Places in order of popularity.
    pub(crate) places: Vec<Place>,
    /// Draws indexes into `people`.
    pub(crate) people_zipf: Zipf,
    /// Draws indexes into `places`.
    pub(crate) places_zipf: Zipf,
}

/// Every tenth person, counting from the fourth, is an organisation.
fn is_organization(rank: usize) -> bool {
    rank % 10 == 3
}

/// The `n`-th element of the product of `dimensions`, visited in a scrambled but one-to-one
/// order: index `n` maps to `n * m mod total` for an `m` coprime with `total`, then to one digit
/// per dimension, so neighbouring ranks get unrelated names. Beyond `total` the cycle repeats,
/// and `n / total` is returned for the caller to tell the rounds apart.
fn scrambled(n: usize, dimensions: &[usize]) -> (Vec<usize>, usize) {
    let total = dimensions.iter().product::<usize>() as u64;
    let gcd = |mut a: u64, mut b: u64| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let multiplier = (7919..)
        .find(|&m| gcd(m, total) == 1)
        .expect("some number is coprime");
    let mut rest = ((n as u64 % total) * multiplier % total) as usize;
    let digits = dimensions
        .iter()
        .map(|&size| {
            let digit = rest % size;
            rest /= size;
            digit
        })
        .collect();
    (digits, (n as u64 / total) as usize)
}

/// The slug of a name: lowercase letters and digits, runs of anything else as one `-`.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl Registries {
    /// `n_people` people and `n_places` places.
    pub(crate) fn new(n_people: usize, n_places: usize) -> Registries {
        let mut taken = HashSet::new();
        let places: Vec<Place> = (0..n_places)
            .map(|n| {
                let name = unique(place_name(n), &mut taken);
                Place {
                    id: slug(&name),
                    name,
                }
            })
            .collect();
        let mut n_persons = 0;
        let mut n_organizations = 0;
        let people = (0..n_people)
            .map(|rank| {
                let (name, parts) = if is_organization(rank) {
                    n_organizations += 1;
                    (organization_name(n_organizations - 1, &places), None)
                } else {
                    n_persons += 1;
                    let (name, given, surname) = person_name(n_persons - 1);
                    (name, Some((given, surname)))
                };
                let name = unique(name, &mut taken);
                Person {
                    id: slug(&name),
                    name,
                    parts,
                }
            })
            .collect();
        Registries {
            people,
            places,
            people_zipf: Zipf::new(n_people),
            places_zipf: Zipf::new(n_places),
        }
    }

    /// `people.yaml`, sorted by id.
    pub(crate) fn people_yaml(&self, seed: u64) -> String {
        let mut rng = Rng::stream(seed, Stage::Registries, 0);
        let mut variants = HashSet::new();
        let mut entries: Vec<String> = self
            .people
            .iter()
            .map(|person| self.person_yaml(person, &mut rng, &mut variants))
            .collect();
        entries.sort();
        let mut out = String::from(
            "# Persons and organisations of this synthetic edition (generated by annals-bench).\n\n",
        );
        out.push_str(&entries.join("\n"));
        out
    }

    /// `taken` holds the variants earlier people have: an editor gives "A. Emery" to Adam or
    /// to Agnes Emery, not to both, so the edition builds without warnings.
    fn person_yaml(&self, person: &Person, rng: &mut Rng, taken: &mut HashSet<String>) -> String {
        let mut out = format!("{}:\n", person.id);
        yaml::field(&mut out, 2, "name", &person.name);
        let Some((given, surname)) = &person.parts else {
            out.push_str("  kind: organization\n");
            let place = &self.places[rng.below(self.places.len())];
            yaml::field(
                &mut out,
                2,
                "description",
                &format!("Body based in {}.", place.name),
            );
            return out;
        };
        yaml::field(&mut out, 2, "sort", &format!("{surname}, {given}"));
        if rng.percent(40) {
            let initial = &given[..1];
            let mut variants = vec![format!("{initial}. {surname}")];
            if rng.percent(50) {
                variants.push(format!("{}, {given}", surname.to_uppercase()));
            }
            variants.retain(|variant| taken.insert(variant.clone()));
            if !variants.is_empty() {
                writeln!(out, "  variants: {}", yaml::list(&variants)).expect("String");
            }
        }
        if rng.percent(50) {
            out.push_str("  kind: person\n");
        }
        if rng.percent(50) {
            let born = Day::from_number(rng.between(0, 60 * 365) as i64 - 47_000);
            yaml::field(&mut out, 2, "born", &life_date(born, rng));
            if rng.percent(70) {
                let died = Day::from_number(born.number() + rng.between(40 * 365, 90 * 365) as i64);
                yaml::field(&mut out, 2, "died", &life_date(died, rng));
            }
        }
        let office = rng.pick(OFFICES);
        let country = rng.pick(COUNTRIES);
        yaml::field(
            &mut out,
            2,
            "description",
            &format!("{office} of {country}."),
        );
        if rng.percent(20) {
            out.push_str("  roles:\n");
            let from = rng.between(1900, 1940);
            let to = from + rng.between(1, 9);
            writeln!(
                out,
                "    - {{ title: {}, from: \"{from}\", to: \"{to}\" }}",
                yaml::string(&format!("{office} of {country}"))
            )
            .expect("String");
        }
        if rng.percent(10) {
            yaml::field(
                &mut out,
                2,
                "wikidata",
                &format!("Q{}", rng.between(1000, 9_999_999)),
            );
        }
        out
    }

    /// `places.yaml`, sorted by id.
    pub(crate) fn places_yaml(&self, seed: u64) -> String {
        let mut rng = Rng::stream(seed, Stage::Registries, 1);
        let mut entries: Vec<String> = self
            .places
            .iter()
            .map(|place| {
                let mut out = format!("{}:\n", place.id);
                yaml::field(&mut out, 2, "name", &place.name);
                if rng.percent(30) {
                    let variants = [format!("Old {}", place.name)];
                    writeln!(out, "  variants: {}", yaml::list(&variants)).expect("String");
                }
                let country = rng.pick(COUNTRIES);
                yaml::field(&mut out, 2, "country", country);
                if rng.percent(85) {
                    // Hundredths of a degree, written by integer arithmetic.
                    let lat = rng.between(0, 12_000) as i64 - 5_000;
                    let lon = rng.between(0, 36_000) as i64 - 18_000;
                    writeln!(out, "  coordinates: [{}, {}]", degrees(lat), degrees(lon))
                        .expect("String");
                }
                if rng.percent(10) {
                    yaml::field(
                        &mut out,
                        2,
                        "geonames",
                        &rng.between(100_000, 9_999_999).to_string(),
                    );
                }
                if rng.percent(50) {
                    let adjective = rng.pick(ADJECTIVES);
                    let article = if adjective.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "An"
                    } else {
                        "A"
                    };
                    let description = format!(
                        "{article} {adjective} {} on the {} {}.",
                        rng.pick(&["town", "port", "district", "village", "city"]),
                        rng.pick(ADJECTIVES),
                        rng.pick(&["coast", "frontier", "river", "plain", "railway"]),
                    );
                    yaml::field(&mut out, 2, "description", &description);
                }
                out
            })
            .collect();
        entries.sort();
        let mut out =
            String::from("# Places of this synthetic edition (generated by annals-bench).\n\n");
        out.push_str(&entries.join("\n"));
        out
    }

    /// `events.yaml`: `n` events between `first` and `last`, in order.
    pub(crate) fn events_yaml(&self, seed: u64, n: usize, first: Day, last: Day) -> String {
        let mut rng = Rng::stream(seed, Stage::Registries, 2);
        let span = (last.number() - first.number()).max(1) as usize;
        let mut out = String::from("# Context events (generated by annals-bench).\n");
        for k in 0..n {
            let day =
                Day::from_number(first.number() + (k * span / n + rng.below(span / n + 1)) as i64);
            let date = if rng.percent(80) {
                day.iso()
            } else {
                day.iso_month()
            };
            let place = &self.places[self.places_zipf.sample(&mut rng)];
            let n_people = rng.between(1, 2);
            let people: Vec<&str> = self
                .people_zipf
                .distinct(&mut rng, n_people)
                .into_iter()
                .map(|rank| self.people[rank].id.as_str())
                .collect();
            out.push('\n');
            yaml::field(&mut out, 0, "- date", &date);
            let title = format!(
                "The {} {} at {}",
                rng.pick(ADJECTIVES),
                rng.pick(NOUNS),
                place.name
            );
            yaml::field(&mut out, 2, "title", &title);
            let description = format!(
                "The {} of the {} is {}.",
                rng.pick(NOUNS),
                rng.pick(NOUNS),
                rng.pick(crate::words::VERBS)
            );
            yaml::field(&mut out, 2, "description", &description);
            writeln!(out, "  people: {}", yaml::list(&people)).expect("String");
            writeln!(out, "  places: {}", yaml::list(&[place.id.as_str()])).expect("String");
        }
        out
    }
}

/// `glossary.yaml`.
pub(crate) fn glossary_yaml() -> String {
    let mut out =
        String::from("# Abbreviations used in the documents (generated by annals-bench).\n");
    for (term, expansion) in GLOSSARY.iter().chain(REFERENCE_TERMS) {
        writeln!(out, "{}: {}", yaml::string(term), yaml::string(expansion)).expect("String");
    }
    out
}

/// A birth or death date: a day, a year, or either marked uncertain or approximate.
fn life_date(day: Day, rng: &mut Rng) -> String {
    match rng.below(10) {
        0..5 => day.iso(),
        5..8 => format!("{:04}", day.year),
        8 => format!("{:04}?", day.year),
        _ => format!("{:04}~", day.year),
    }
}

/// Hundredths of a degree as a decimal: -1234 is `-12.34`.
fn degrees(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:02}",
        hundredths.abs() / 100,
        hundredths.abs() % 100
    )
}

/// `name`, or if its slug is taken, `name 2`, `name 3`...; its slug is then taken. Syllables
/// can meet into one name two ways (`Nor`+`er`+`a`, `No`+`re`+`ra`), so uniqueness by
/// construction alone is not enough.
fn unique(name: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 1;
    while !taken.insert(slug(&candidate)) {
        n += 1;
        candidate = format!("{name} {n}");
    }
    candidate
}

/// The name of person number `n` among persons, with its given name and surname: a middle
/// initial is added once all pairs are taken.
fn person_name(n: usize) -> (String, String, &'static str) {
    let (digits, round) = scrambled(n, &[GIVEN_NAMES.len(), SURNAMES.len()]);
    let given = GIVEN_NAMES[digits[0]];
    let surname = SURNAMES[digits[1]];
    let name = match round {
        0 => format!("{given} {surname}"),
        _ => format!("{given} {}. {surname}", initial(round - 1)),
    };
    (name, given.to_owned(), surname)
}

/// The name of organisation number `n`: a kind of body in one of the places.
fn organization_name(n: usize, places: &[Place]) -> String {
    let (digits, round) = scrambled(n, &[ORGANIZATION_KINDS.len(), places.len()]);
    let mut name = format!(
        "{} of {}",
        ORGANIZATION_KINDS[digits[0]], places[digits[1]].name
    );
    if round > 0 {
        write!(name, " No. {}", round + 1).expect("String");
    }
    name
}

/// The name of place number `n`: three syllables, with a letter after once all are taken.
fn place_name(n: usize) -> String {
    let (digits, round) = scrambled(
        n,
        &[PLACE_HEADS.len(), PLACE_MIDDLES.len(), PLACE_TAILS.len()],
    );
    let mut name = format!(
        "{}{}{}",
        PLACE_HEADS[digits[0]], PLACE_MIDDLES[digits[1]], PLACE_TAILS[digits[2]]
    );
    if round > 0 {
        write!(name, " {}", initial(round - 1)).expect("String");
    }
    name
}

/// A capital letter for `n`, then two letters past 26 (`A`..`Z`, `AA`, `AB`..).
fn initial(n: usize) -> String {
    let letter = |k: usize| char::from(b'A' + (k % 26) as u8);
    if n < 26 {
        letter(n).to_string()
    } else {
        format!("{}{}", letter(n / 26 - 1), letter(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids stay unique past the point where every name pair is taken.
    #[test]
    fn ids_are_unique() {
        let registries = Registries::new(30_000, 40_000);
        let mut ids = HashSet::new();
        for id in registries
            .people
            .iter()
            .map(|p| &p.id)
            .chain(registries.places.iter().map(|p| &p.id))
        {
            assert!(ids.insert(id.clone()), "duplicate id {id}");
        }
    }
}
