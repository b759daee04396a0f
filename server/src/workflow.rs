//! The life of a case: its statuses, the moves allowed between them, and who
//! may make each move. 民发〔2021〕57号 fixes the order (受理 → 入户调查 →
//! 审核 → 公示 → 审批); the township (乡镇/街道) takes and investigates, the
//! county (县级民政部门) reviews, publishes and decides.

use serde::{Deserialize, Serialize};

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Submitted,
    Accepted,
    Investigation,
    Review,
    Publicity,
    Approved,
    Rejected,
    Withdrawn,
}

/// A console account's role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 乡镇/街道 worker: accepts and investigates.
    Township,
    /// 县级 reviewer: reviews, publishes, decides.
    County,
    /// Every move, and the audit log.
    Admin,
}

impl Role {
    pub fn parse(raw: &str) -> Option<Role> {
        match raw {
            "township" => Some(Role::Township),
            "county" => Some(Role::County),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Township => "township",
            Role::County => "county",
            Role::Admin => "admin",
        }
    }
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Submitted,
        Status::Accepted,
        Status::Investigation,
        Status::Review,
        Status::Publicity,
        Status::Approved,
        Status::Rejected,
        Status::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Accepted => "accepted",
            Status::Investigation => "investigation",
            Status::Review => "review",
            Status::Publicity => "publicity",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(raw: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// A decision has been made; nothing moves any more.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Approved | Status::Rejected | Status::Withdrawn
        )
    }

    /// The statuses a case in this status may move to.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Submitted => &[Accepted, Withdrawn],
            Accepted => &[Investigation, Withdrawn],
            Investigation => &[Review, Withdrawn],
            // Review may send the case back for more investigation (补充调查),
            // refuse it without publicity, or publish the intended approval.
            Review => &[Publicity, Investigation, Rejected, Withdrawn],
            // After publicity (公示) the county decides; an upheld objection is a refusal.
            Publicity => &[Approved, Rejected, Withdrawn],
            Approved | Rejected | Withdrawn => &[],
        }
    }

    /// Who may move a case into this status.
    fn movers(self) -> &'static [Role] {
        use Role::*;
        match self {
            Status::Submitted => &[],
            Status::Accepted | Status::Investigation => &[Township, Admin],
            // Sending the finished investigation up for review is the
            // township's move; sending a reviewed case back is the county's.
            Status::Review => &[Township, Admin],
            Status::Publicity | Status::Approved | Status::Rejected => &[County, Admin],
            // A resident may withdraw at any stage, through whoever they reach.
            Status::Withdrawn => &[Township, County, Admin],
        }
    }
}

/// Why a move is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The target is not a next step of the current status.
    NotAllowed,
    /// The step exists but belongs to another role.
    Role,
}

/// Whether `role` may move a case from `from` to `to`.
pub fn check(role: Role, from: Status, to: Status) -> Result<(), Refusal> {
    if !from.next().contains(&to) {
        return Err(Refusal::NotAllowed);
    }
    // Returning a case from review to investigation is the reviewer's call.
    let allowed = if from == Status::Review && to == Status::Investigation {
        matches!(role, Role::County | Role::Admin)
    } else {
        to.movers().contains(&role)
    };
    if allowed { Ok(()) } else { Err(Refusal::Role) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_path_needs_both_levels() {
        use Status::*;
        let path = [
            Submitted,
            Accepted,
            Investigation,
            Review,
            Publicity,
            Approved,
        ];
        for pair in path.windows(2) {
            let ok_for: Vec<Role> = [Role::Township, Role::County, Role::Admin]
                .into_iter()
                .filter(|r| check(*r, pair[0], pair[1]).is_ok())
                .collect();
            assert!(ok_for.contains(&Role::Admin), "{pair:?}");
            assert_eq!(ok_for.len(), 2, "{pair:?}: {ok_for:?}");
        }
        assert_eq!(check(Role::Township, Review, Publicity), Err(Refusal::Role));
        assert_eq!(check(Role::County, Submitted, Accepted), Err(Refusal::Role));
        assert_eq!(
            check(Role::Township, Review, Investigation),
            Err(Refusal::Role)
        );
        assert_eq!(check(Role::County, Review, Investigation), Ok(()));
    }

    #[test]
    fn no_step_is_skipped_and_final_is_final() {
        use Status::*;
        assert_eq!(
            check(Role::Admin, Submitted, Approved),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(
            check(Role::Admin, Accepted, Publicity),
            Err(Refusal::NotAllowed)
        );
        for s in [Approved, Rejected, Withdrawn] {
            assert!(s.is_final());
            for t in Status::ALL {
                assert_eq!(check(Role::Admin, s, t), Err(Refusal::NotAllowed));
            }
        }
        for s in Status::ALL.into_iter().filter(|s| !s.is_final()) {
            assert!(check(Role::Township, s, Withdrawn).is_ok(), "{s:?}");
        }
    }

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("decision"), None);
        assert_eq!(Role::parse("admin"), Some(Role::Admin));
        assert_eq!(Role::parse("root"), None);
    }
}
