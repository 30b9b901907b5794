//! The CMYK output profile as krilla embeds it, prepared once per process.
//!
//! In: a profile's ICC bytes. Out: krilla's [`ICCProfile`], which holds the profile
//! compressed. Compressing the default 247 KB profile is about a sixth of a short print edition's
//! work, and a batch (or `folio watch`) embeds the same profile in every report it writes,
//! so each profile is prepared once and shared: krilla's profile is a reference-counted
//! handle, and the bytes it writes do not depend on who prepared it.

use krilla::icc::ICCProfile;
use std::sync::Mutex;

/// How many profiles are kept: a batch uses one, `folio watch` may see a new one on every
/// save.
const KEPT_PROFILES: usize = 4;

/// Profiles already prepared, with the bytes they were prepared from.
static PREPARED: Mutex<Vec<(Vec<u8>, ICCProfile<4>)>> = Mutex::new(Vec::new());

/// krilla's CMYK profile for `bytes`; `None` if they are not a CMYK profile.
pub fn cmyk(bytes: &[u8]) -> Option<ICCProfile<4>> {
    // Held while preparing, so threads that need the same profile at once wait for one.
    let mut kept = PREPARED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, p)) = kept.iter().find(|(b, _)| b == bytes) {
        return Some(p.clone());
    }
    let profile = ICCProfile::new(bytes)?;
    if kept.len() == KEPT_PROFILES {
        kept.remove(0);
    }
    kept.push((bytes.to_vec(), profile.clone()));
    Some(profile)
}
