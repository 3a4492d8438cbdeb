package acl

// judgeProgramObject is AdminOnlyPath's rule for one object on the way to a
// program that may be started elevated: the deny rule (judge: no right
// that matters for the running user's SIDs and the well-known user groups)
// and the allow-list (judgeAllowlist: the owner and everyone who may
// change it is SYSTEM, Administrators, a service or one of allowed). The
// allow-list is what decides: a folder another standard user owns or was
// given rights on, or an unknown principal, passes the deny rule and is
// refused by it. The deny rule stays first for its clearer reasons.
func judgeProgramObject(f securityFacts, kind ObjectKind, risky, allowed map[string]bool) (bool, string) {
	if ok, why := judge(f, kind, risky); !ok {
		return false, why
	}
	return judgeAllowlist(f, kind, allowed)
}
