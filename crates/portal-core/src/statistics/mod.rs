//! The public service-delivery figures (issue #19): the pure rules behind the
//! `/statistics` page and its downloads.
//!
//! The server aggregates dossiers in the database into [`Counts`], one per cell (the
//! country, a province or a service, over a [`Period`]); this module turns them into what
//! may be published. Three rules hold throughout:
//!
//! - **On time** is judged against the due date printed on the receipt ("ngày hẹn trả"),
//!   counted with the shared working-day rule of [`crate::dossier`]: see
//!   [`decided_on_time`].
//! - **No personal data leaves in a figure**: a count of 1 to 4 dossiers is shown as
//!   "< 5" ([`shown`]), and so is a share computed over fewer than 5 dossiers ([`share`]).
//!   Shares are computed from the true counts first and suppressed afterwards; the true
//!   [`Counts`] cannot be serialized, only their [`ShownCounts`] can.
//! - **The seed's target**: every online service should average at least 10 online
//!   dossiers a year in each province, pro rata for shorter periods ([`target_for`]).
//!
//! Nothing here does I/O or reads a clock: "today" is always passed in.

pub mod chart;
mod counts;
mod csv;
mod period;
mod ranking;
mod target;
mod timeliness;

pub use counts::{share, shown, Counts, Share, Shown, ShownCounts, FEWER_THAN_FIVE, FEWEST_SHOWN};
pub use csv::to_csv;
pub use period::{NotAPeriod, Period};
pub use ranking::{places, rank, Indicator, ProvinceRow};
pub use target::{
    provinces_below, provinces_below_target, reaching, target_for, target_up_to, Target,
    ONLINE_DOSSIERS_A_YEAR,
};
pub use timeliness::{
    decided_on_time, decided_on_time_for, decision, due_date, is_overdue, Timeliness,
};
