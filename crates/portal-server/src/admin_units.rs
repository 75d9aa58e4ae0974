//! The administrative units being served (`catalog/admin-units/`): read and checked once
//! at start, with the JSON of the province list and of each province's communes rendered
//! once, so requests only copy bytes and ETags are content hashes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use axum::body::Bytes;
use portal_core::admin_units::{
    parse_communes, parse_provinces, AdminUnits, Legacy, ParseError, Province, ProvinceCommunes,
};
use serde::Serialize;

/// Why the administrative units could not be loaded; names the file at fault.
#[derive(Debug, thiserror::Error)]
pub enum AdminUnitsError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Parse {
        path: PathBuf,
        #[source]
        source: ParseError,
    },
    #[error("{dir}: {source}")]
    Inconsistent {
        dir: PathBuf,
        #[source]
        source: portal_core::admin_units::DataError,
    },
}

/// A JSON body with its ETag.
#[derive(Clone)]
pub struct Cached {
    pub etag: String,
    pub body: Bytes,
}

impl Cached {
    /// Renders `value` and hashes the bytes.
    pub fn of(value: &impl Serialize) -> Cached {
        let body: Bytes = serde_json::to_vec(value).unwrap_or_default().into();
        Cached {
            etag: format!("\"au-{:016x}\"", fnv1a(&body)),
            body,
        }
    }
}

/// FNV-1a, 64 bits: enough to tell versions of a file apart for caching.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[derive(Serialize)]
struct ProvinceList<'a> {
    version: &'a str,
    provinces: &'a [Province],
}

pub struct PublishedUnits {
    pub units: AdminUnits,
    pub legacy: Legacy,
    /// Content hash of all the files.
    pub version: String,
    pub provinces: Cached,
    communes: HashMap<String, Cached>,
}

impl PublishedUnits {
    /// The cached body of one province's communes.
    pub fn communes(&self, province: &str) -> Option<&Cached> {
        self.communes.get(province)
    }
}

fn read(path: &Path) -> Result<String, AdminUnitsError> {
    std::fs::read_to_string(path).map_err(|source| AdminUnitsError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads `dir` (`provinces.tsv`, `communes/NN.tsv`, `legacy.tsv`) and checks it.
pub fn load(dir: &Path) -> Result<PublishedUnits, AdminUnitsError> {
    let mut hash_input = Vec::new();
    let parse_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| AdminUnitsError::Parse { path, source }
    };
    let path = dir.join("provinces.tsv");
    let text = read(&path)?;
    hash_input.extend_from_slice(text.as_bytes());
    let provinces = parse_provinces(&text).map_err(parse_err(&path))?;
    let mut lists = Vec::with_capacity(provinces.len());
    for p in &provinces {
        let path = dir.join("communes").join(format!("{}.tsv", p.code));
        let text = read(&path)?;
        hash_input.extend_from_slice(text.as_bytes());
        lists.push((
            p.code.clone(),
            parse_communes(&text).map_err(parse_err(&path))?,
        ));
    }
    let path = dir.join("legacy.tsv");
    let text = read(&path)?;
    hash_input.extend_from_slice(text.as_bytes());
    let legacy = Legacy::parse(&text).map_err(parse_err(&path))?;
    let units =
        AdminUnits::new(provinces, lists).map_err(|source| AdminUnitsError::Inconsistent {
            dir: dir.to_path_buf(),
            source,
        })?;
    let version = format!("{:016x}", fnv1a(&hash_input));
    let provinces = Cached::of(&ProvinceList {
        version: &version,
        provinces: units.provinces(),
    });
    let communes = units
        .provinces()
        .iter()
        .map(|p| {
            let body = ProvinceCommunes {
                province: p.clone(),
                communes: units.communes_of(&p.code).unwrap_or_default().to_vec(),
            };
            (p.code.clone(), Cached::of(&body))
        })
        .collect();
    Ok(PublishedUnits {
        units,
        legacy,
        version,
        provinces,
        communes,
    })
}
