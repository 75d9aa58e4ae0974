//! The words for the catalogue's enumerations, one place for list and detail pages.

use portal_core::{Audience, Level, OnlineLevel};

use crate::i18n::Key;

pub fn level(l: Level) -> Key {
    match l {
        Level::Ministry => Key::LevelMinistry,
        Level::Province => Key::LevelProvince,
        Level::Commune => Key::LevelCommune,
    }
}

pub fn audience(a: Audience) -> Key {
    match a {
        Audience::Citizen => Key::AudienceCitizen,
        Audience::Business => Key::AudienceBusiness,
    }
}

pub fn online_level(o: OnlineLevel) -> Key {
    match o {
        OnlineLevel::FullProcess => Key::FullProcess,
        OnlineLevel::Partial => Key::Partial,
    }
}
