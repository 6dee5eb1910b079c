//! What `interne: true` keeps out of public outputs: the one definition of
//! a meeting as the public sees it. Everything published (site, Markdown,
//! search index, calendar, the counts and charts) is made from
//! [`Reunion::public`], so an internal part cannot reach one output while
//! another leaves it out.

use super::Reunion;

impl Reunion {
    /// Whether a point, decision, action or follow-up of the meeting is
    /// marked `interne: true`.
    pub fn has_internal(&self) -> bool {
        self.points
            .iter()
            .any(|p| p.interne || p.decisions.iter().any(|d| d.interne))
            || self.decisions.iter().any(|d| d.interne)
            || self.actions.iter().any(|a| a.interne)
            || self.suites.iter().any(|s| s.interne)
    }

    /// The meeting without its internal parts: an internal point goes
    /// with its decisions and speakers, an internal decision of a public
    /// point goes alone.
    pub fn public(&self) -> Reunion {
        let mut r = self.clone();
        r.points.retain(|p| !p.interne);
        for p in &mut r.points {
            p.decisions.retain(|d| !d.interne);
        }
        r.decisions.retain(|d| !d.interne);
        r.actions.retain(|a| !a.interne);
        r.suites.retain(|s| !s.interne);
        r
    }
}
