//! The icons folio ships: a curated set from Lucide (ISC licence; its licence is beside the
//! files in `icons/lucide/`), compiled into the program, so a report needs no icon files.
//!
//! In: an icon's name (`spec::IconName`, which the spec reads with "did you mean") and a
//! colour. Out: the icon's SVG source with that colour, or a decoded image for layout to
//! place. Icons are line drawings (2-unit strokes on a 24-unit square), drawn in the brand
//! colour; they are decoration, so layout marks them as artifacts and the web edition
//! hides them from screen readers. Besides the set: a filled dot, for timelines, and the
//! direction markers of year-on-year figures.

use crate::geom::{Abs, Color, Size};
use crate::images::{ImageData, ImageKind};
use crate::model::Direction;
use crate::spec::IconName;
use std::sync::Arc;

macro_rules! files {
    ($($name:literal),* $(,)?) => {
        /// Each icon's name and SVG source, as shipped.
        const FILES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../icons/lucide/", $name, ".svg"))),)*
        ];
    };
}

files!(
    "users",
    "user",
    "person-standing",
    "baby",
    "accessibility",
    "hand-heart",
    "handshake",
    "hand-helping",
    "heart",
    "heart-pulse",
    "hospital",
    "stethoscope",
    "pill",
    "syringe",
    "ambulance",
    "activity",
    "brain",
    "microscope",
    "bed-double",
    "laptop",
    "smartphone",
    "tablet",
    "phone",
    "monitor",
    "wifi",
    "video",
    "message-circle",
    "mail",
    "calendar",
    "clock",
    "database",
    "chart-column",
    "chart-line",
    "chart-pie",
    "trending-up",
    "trending-down",
    "pound-sterling",
    "wallet",
    "piggy-bank",
    "coins",
    "leaf",
    "trees",
    "recycle",
    "sprout",
    "zap",
    "droplet",
    "sun",
    "house",
    "building-2",
    "school",
    "map-pin",
    "globe",
    "car",
    "bus",
    "bike",
    "award",
    "star",
    "trophy",
    "thumbs-up",
    "smile",
    "shield-check",
    "clipboard-check",
    "lightbulb",
    "graduation-cap",
    "book-open",
    "briefcase",
    "minus"
);

/// The SVG source of an icon, as shipped (its strokes in `currentColor`).
pub fn source(icon: IconName) -> &'static str {
    FILES
        .iter()
        .find(|(name, _)| *name == icon.name())
        .map(|(_, svg)| *svg)
        .expect("invariant: every icon name has its file (checked by a test)")
}

/// The SVG source of an icon drawn in `colour`.
pub fn svg(icon: IconName, colour: Color) -> String {
    source(icon).replace("currentColor", &colour.to_string())
}

/// An icon in `colour`, ready to place.
pub fn image(icon: IconName, colour: Color) -> Arc<ImageData> {
    parse(&format!("icon {}", icon.name()), &svg(icon, colour))
}

/// The icon that marks a year-on-year change: a line rising, falling, or level.
pub fn marker(direction: Direction) -> IconName {
    match direction {
        Direction::Up => IconName::TrendingUp,
        Direction::Down => IconName::TrendingDown,
        Direction::Same => IconName::Minus,
    }
}

/// A filled dot in `colour` (a timeline's milestone), on the icons' 24-unit square.
pub fn dot(colour: Color) -> Arc<ImageData> {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><circle cx="12" cy="12" r="12" fill="{colour}"/></svg>"#
    );
    parse("timeline dot", &svg)
}

fn parse(name: &str, svg: &str) -> Arc<ImageData> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default())
        .expect("invariant: the shipped icons are valid SVG (checked by a test)");
    let s = tree.size();
    Arc::new(ImageData {
        name: name.to_string(),
        span: None,
        kind: ImageKind::Svg(Box::new(tree)),
        size: Size::new(Abs(s.width() as f64), Abs(s.height() as f64)),
        cmyk: false,
        grey: false,
        orientation: 1,
        print_problem: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_name_has_its_file_and_every_file_a_name() {
        let names: Vec<&str> = IconName::ALL.iter().map(|i| i.name()).collect();
        let files: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, files);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("icons/lucide");
        let mut shipped: Vec<String> = std::fs::read_dir(&dir)
            .expect("icons/lucide")
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".svg").map(str::to_string)
            })
            .collect();
        shipped.sort();
        let mut named: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        named.sort();
        assert_eq!(shipped, named, "icons/lucide holds exactly the named icons");
        assert!(
            dir.join("LICENSE").exists(),
            "the licence is beside the icons"
        );
    }

    #[test]
    fn every_icon_parses_and_takes_the_colour_given() {
        let teal = Color::rgb(0x00, 0x6D, 0x77);
        for icon in IconName::ALL {
            let s = svg(*icon, teal);
            assert!(!s.contains("currentColor"), "{}", icon.name());
            assert!(s.contains("#006D77"), "{}", icon.name());
            let img = image(*icon, teal);
            assert_eq!(img.size, Size::new(Abs(24.0), Abs(24.0)), "{}", icon.name());
        }
    }
}
