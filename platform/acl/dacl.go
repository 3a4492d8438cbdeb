package acl

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The rule that decides whether a standard user could change a program
// before it is started elevated, judged on security descriptors. It is pure
// (no system calls) so it is tested on SDDL strings shaped like real Windows
// on every system; AdminOnlyPath feeds it the real descriptors on Windows.

// ObjectKind says what a security descriptor protects, which decides the
// rights that matter on it.
type ObjectKind int

// Object kinds for JudgeSDDL.
const (
	// ObjectFile is the program itself: nobody but administrators may write,
	// append to, delete, re-permission or take it.
	ObjectFile ObjectKind = iota
	// ObjectFolder is a folder on the way to the program (its own folder and
	// every folder above it but the drive root): nobody but administrators
	// may add files or folders to it (a planted DLL, a .local folder), delete
	// or rename what it holds, delete or rename it, re-permission or take it.
	ObjectFolder
	// ObjectVolumeRoot is the drive root (C:\). Adding files and folders
	// there is allowed — real Windows lets Authenticated Users create
	// folders in C:\ — because a new entry cannot change an existing path;
	// deleting or renaming its entries, re-permissioning or taking it is not.
	ObjectVolumeRoot
)

// Access rights that matter (winnt.h).
const (
	rightWriteData   = 0x00000002 // FILE_WRITE_DATA, FILE_ADD_FILE
	rightAppendData  = 0x00000004 // FILE_APPEND_DATA, FILE_ADD_SUBDIRECTORY
	rightWriteEA     = 0x00000010 // FILE_WRITE_EA
	rightDeleteChild = 0x00000040 // FILE_DELETE_CHILD
	rightDelete      = 0x00010000 // DELETE
	rightWriteDAC    = 0x00040000 // WRITE_DAC
	rightWriteOwner  = 0x00080000 // WRITE_OWNER
	rightGenericAll  = 0x10000000 // GENERIC_ALL
	rightGenericWrt  = 0x40000000 // GENERIC_WRITE

	changeRights = rightDelete | rightWriteDAC | rightWriteOwner | rightGenericAll | rightGenericWrt
)

// dangerousRights are the rights a standard user must not hold on an object
// of that kind.
func dangerousRights(kind ObjectKind) uint32 {
	switch kind {
	case ObjectFile:
		return changeRights | rightWriteData | rightAppendData | rightWriteEA
	case ObjectFolder:
		return changeRights | rightWriteData | rightAppendData | rightWriteEA | rightDeleteChild
	default: // ObjectVolumeRoot
		return changeRights | rightDeleteChild
	}
}

// Well-known SIDs.
const (
	SIDEveryone           = "S-1-1-0"
	SIDAuthenticatedUsers = "S-1-5-11"
	SIDUsers              = "S-1-5-32-545"
	SIDInteractive        = "S-1-5-4"
	SIDAdministrators     = "S-1-5-32-544"
	SIDSystem             = "S-1-5-18"
	SIDTrustedInstaller   = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
)

// StandardUserSIDs are the groups every signed-in user belongs to. Together
// with the user's own SID they are who must not be able to change an
// elevated program.
var StandardUserSIDs = []string{SIDEveryone, SIDAuthenticatedUsers, SIDUsers, SIDInteractive}

// sddlAliases resolves the SID abbreviations Windows writes in SDDL.
// Domain-relative ones (DU, DA, LA…) are not resolvable without the domain
// and stay as they are: see judge.
var sddlAliases = map[string]string{
	"WD": SIDEveryone, "AU": SIDAuthenticatedUsers, "BU": SIDUsers, "IU": SIDInteractive,
	"BA": SIDAdministrators, "SY": SIDSystem, "CO": "S-1-3-0", "CG": "S-1-3-1", "OW": "S-1-3-4",
	"AC": "S-1-15-2-1", "LS": "S-1-5-19", "NS": "S-1-5-20", "PU": "S-1-5-32-547", "BG": "S-1-5-32-546",
	"AN": "S-1-5-7", "NU": "S-1-5-2", "SU": "S-1-5-6", "PS": "S-1-5-10", "RC": "S-1-5-12",
	"WR": "S-1-5-33", "RD": "S-1-5-32-555", "BO": "S-1-5-32-551", "SO": "S-1-5-32-549",
	"AO": "S-1-5-32-548", "PO": "S-1-5-32-550", "RE": "S-1-5-32-552", "NO": "S-1-5-32-556",
	"IS": "S-1-5-32-568", "CY": "S-1-5-32-569", "ER": "S-1-5-32-573", "RU": "S-1-5-32-554",
	"LW": "S-1-16-4096", "ME": "S-1-16-8192", "MP": "S-1-16-8448", "HI": "S-1-16-12288", "SI": "S-1-16-16384",
}

// sddlRights are the two-letter access right codes of SDDL.
var sddlRights = map[string]uint32{
	"GA": 0x10000000, "GR": 0x80000000, "GW": 0x40000000, "GX": 0x20000000,
	"RC": 0x20000, "SD": 0x10000, "WD": 0x40000, "WO": 0x80000,
	"RP": 0x10, "WP": 0x20, "CC": 0x1, "DC": 0x2, "LC": 0x4, "SW": 0x8, "LO": 0x80, "DT": 0x40, "CR": 0x100,
	"FA": 0x1F01FF, "FR": 0x120089, "FW": 0x120116, "FX": 0x1200A0,
	"KA": 0xF003F, "KR": 0x20019, "KW": 0x20006, "KX": 0x20019,
	"NR": 0x2, "NW": 0x1, "NX": 0x4,
}

// aceAllow and aceOther are the ACE types judge tells apart.
const (
	aceAllow = iota // ACCESS_ALLOWED (A, OA, XA, ZA)
	aceDeny         // ACCESS_DENIED (D, OD, XD)
	aceOther        // audit, alarm, mandatory label, resource attribute…
)

// aceInheritOnly is INHERIT_ONLY_ACE: the ACE is only handed down to
// children and does not apply to the object that holds it.
const aceInheritOnly = 0x08

// securityFacts is what judge needs of a security descriptor.
type securityFacts struct {
	Owner    string // SID, "" when unknown
	NullDACL bool   // no DACL at all: everyone may do everything
	ACEs     []aceFact
}

type aceFact struct {
	Type  int
	Flags uint8
	Mask  uint32
	SID   string // S-1-… or an unresolved SDDL alias
}

// ErrBadSDDL is returned for a security descriptor string that cannot be read.
var ErrBadSDDL = errors.New("unreadable security descriptor string")

// parseSDDL reads the owner and DACL of a security descriptor string, as
// ConvertSecurityDescriptorToStringSecurityDescriptor writes it.
func parseSDDL(s string) (securityFacts, error) {
	var f securityFacts
	sawDACL := false
	s = strings.TrimSpace(s)
	for s != "" {
		if len(s) < 2 || s[1] != ':' || !strings.ContainsRune("OGDS", rune(s[0])) {
			return f, fmt.Errorf("%w: expected O:, G:, D: or S: at %q", ErrBadSDDL, truncate(s, 20))
		}
		part := s[0]
		s = s[2:]
		end := nextSDDLPart(s)
		body := s[:end]
		s = s[end:]
		switch part {
		case 'O':
			f.Owner = resolveSID(body)
		case 'D':
			sawDACL = true
			var err error
			f.NullDACL, f.ACEs, err = parseACL(body)
			if err != nil {
				return f, err
			}
		}
	}
	if !sawDACL {
		f.NullDACL = true
	}
	return f, nil
}

// nextSDDLPart finds where the next "X:" part starts, outside parentheses.
func nextSDDLPart(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && i+1 < len(s) && s[i+1] == ':' && strings.IndexByte("OGDS", c) >= 0:
			return i
		}
	}
	return len(s)
}

func resolveSID(s string) string {
	if sid, ok := sddlAliases[s]; ok {
		return sid
	}
	return strings.ToUpper(s)
}

// parseACL reads "PAI(A;;FA;;;SY)(…)". NO_ACCESS_CONTROL means a NULL DACL.
func parseACL(s string) (null bool, aces []aceFact, err error) {
	i := strings.IndexByte(s, '(')
	flags := s
	if i >= 0 {
		flags = s[:i]
		s = s[i:]
	} else {
		s = ""
	}
	if strings.Contains(flags, "NO_ACCESS_CONTROL") {
		return true, nil, nil
	}
	for s != "" {
		if s[0] != '(' {
			return false, nil, fmt.Errorf("%w: expected ( at %q", ErrBadSDDL, truncate(s, 20))
		}
		end := strings.IndexByte(s, ')')
		if end < 0 {
			return false, nil, fmt.Errorf("%w: unclosed ACE", ErrBadSDDL)
		}
		ace, err := parseACE(s[1:end])
		if err != nil {
			return false, nil, err
		}
		aces = append(aces, ace)
		s = s[end+1:]
	}
	return false, aces, nil
}

func parseACE(s string) (aceFact, error) {
	f := strings.Split(s, ";")
	if len(f) < 6 {
		return aceFact{}, fmt.Errorf("%w: ACE %q has %d fields, want 6", ErrBadSDDL, s, len(f))
	}
	var a aceFact
	switch f[0] {
	case "A", "OA", "XA", "ZA":
		a.Type = aceAllow
	case "D", "OD", "XD":
		a.Type = aceDeny
	default:
		a.Type = aceOther
	}
	for fl := f[1]; fl != ""; {
		if len(fl) < 2 {
			return a, fmt.Errorf("%w: ACE flags %q", ErrBadSDDL, f[1])
		}
		switch fl[:2] {
		case "OI":
			a.Flags |= 0x01
		case "CI":
			a.Flags |= 0x02
		case "NP":
			a.Flags |= 0x04
		case "IO":
			a.Flags |= aceInheritOnly
		case "ID":
			a.Flags |= 0x10
		case "SA":
			a.Flags |= 0x40
		case "FA":
			a.Flags |= 0x80
		case "TP", "CR": // trust protected, critical: no bearing on access
		default:
			return a, fmt.Errorf("%w: ACE flag %q", ErrBadSDDL, fl[:2])
		}
		fl = fl[2:]
	}
	mask, err := parseRights(f[2])
	if err != nil {
		return a, err
	}
	a.Mask = mask
	a.SID = resolveSID(f[5])
	if a.SID == "" {
		return a, fmt.Errorf("%w: ACE %q names no one", ErrBadSDDL, s)
	}
	return a, nil
}

func parseRights(s string) (uint32, error) {
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") || (s != "" && s[0] >= '0' && s[0] <= '9') {
		v, err := strconv.ParseUint(s, 0, 32)
		if err != nil {
			return 0, fmt.Errorf("%w: rights %q", ErrBadSDDL, s)
		}
		return uint32(v), nil
	}
	if len(s)%2 != 0 {
		return 0, fmt.Errorf("%w: rights %q", ErrBadSDDL, s)
	}
	var m uint32
	for i := 0; i < len(s); i += 2 {
		r, ok := sddlRights[s[i:i+2]]
		if !ok {
			return 0, fmt.Errorf("%w: right %q", ErrBadSDDL, s[i:i+2])
		}
		m |= r
	}
	return m, nil
}

// JudgeSDDL decides whether an object with security descriptor sddl is
// safe from a standard user: ok is false, with why in words, when its owner
// is one of StandardUserSIDs or userSIDs (the user's own SID and groups), or
// when an access-allowed ACE that applies to the object itself gives one of
// them a right that matters for kind (see ObjectKind). Inherit-only ACEs
// (IO) are handed to children and do not apply to the object. A missing
// (NULL) DACL lets everyone in and is refused. Deny ACEs are not counted,
// so the rule can only refuse too much, never too little; an ACE naming a
// domain-relative alias it cannot resolve (DU, LA…) with a right that
// matters is refused too. err is set only for an unreadable string.
func JudgeSDDL(sddl string, kind ObjectKind, userSIDs ...string) (ok bool, why string, err error) {
	f, err := parseSDDL(sddl)
	if err != nil {
		return false, "", err
	}
	ok, why = judge(f, kind, riskySet(userSIDs))
	return ok, why, nil
}

func riskySet(userSIDs []string) map[string]bool {
	risky := map[string]bool{}
	for _, s := range append(append([]string(nil), StandardUserSIDs...), userSIDs...) {
		risky[strings.ToUpper(s)] = true
	}
	return risky
}

var rightNames = []struct {
	bit  uint32
	name string
}{
	{rightGenericAll, "full control"}, {rightGenericWrt, "write"}, {rightWriteData, "write data or add files"},
	{rightAppendData, "append data or add folders"}, {rightWriteEA, "write extended attributes"},
	{rightDeleteChild, "delete what it holds"}, {rightDelete, "delete"}, {rightWriteDAC, "change permissions"},
	{rightWriteOwner, "take ownership"},
}

func describeRights(m uint32) string {
	const fileAllAccess = 0x1F01FF
	if m&rightGenericAll != 0 || m&fileAllAccess == fileAllAccess&dangerousRights(ObjectFolder) {
		return "full control"
	}
	var names []string
	for _, r := range rightNames {
		if m&r.bit != 0 {
			names = append(names, r.name)
		}
	}
	return strings.Join(names, ", ")
}

func judge(f securityFacts, kind ObjectKind, risky map[string]bool) (bool, string) {
	if risky[f.Owner] {
		return false, fmt.Sprintf("owned by %s, who may change its permissions", f.Owner)
	}
	if f.NullDACL {
		return false, "no access list: everyone may change it"
	}
	bad := dangerousRights(kind)
	for _, a := range f.ACEs {
		if a.Type != aceAllow || a.Flags&aceInheritOnly != 0 || a.Mask&bad == 0 {
			continue
		}
		if risky[a.SID] {
			return false, fmt.Sprintf("%s may %s", a.SID, describeRights(a.Mask&bad))
		}
		if !strings.HasPrefix(a.SID, "S-") {
			return false, fmt.Sprintf("an unknown principal %s may %s", a.SID, describeRights(a.Mask&bad))
		}
	}
	return true, ""
}

// judgeAllowlist is the stricter rule for what runs as SYSTEM or elevated
// and writes: the owner and everyone who may change the object (the rights
// that matter for kind) must be an administrator principal (SYSTEM,
// Administrators, the service accounts, TrustedInstaller and other service
// SIDs) or one of allowed. A folder another standard user owns or was given
// rights on is refused, though that user is not the one running us: judge
// alone lists only the running user's SIDs and the well-known groups.
func judgeAllowlist(f securityFacts, kind ObjectKind, allowed map[string]bool) (bool, string) {
	ok := func(sid string) bool { return isAdminPrincipal(sid) || allowed[sid] }
	if f.NullDACL {
		return false, "no access list: everyone may change it"
	}
	if !ok(f.Owner) {
		return false, fmt.Sprintf("owned by %s, not by SYSTEM or Administrators", f.Owner)
	}
	bad := dangerousRights(kind)
	for _, a := range f.ACEs {
		if a.Type != aceAllow || a.Flags&aceInheritOnly != 0 || a.Mask&bad == 0 || ok(a.SID) {
			continue
		}
		return false, fmt.Sprintf("%s may %s", a.SID, describeRights(a.Mask&bad))
	}
	return true, ""
}

// isAdminPrincipal reports whether sid is one only administrators and the
// system act as: SYSTEM, Administrators, Local Service, Network Service,
// service SIDs (TrustedInstaller among them) and integrity labels.
func isAdminPrincipal(sid string) bool {
	switch strings.ToUpper(sid) {
	case SIDAdministrators, SIDSystem, "S-1-5-19", "S-1-5-20":
		return true
	}
	return strings.HasPrefix(sid, "S-1-5-80-") || strings.HasPrefix(sid, "S-1-16-")
}

// JudgeAdminOnlySDDL applies the rule of judgeAllowlist to a security
// descriptor in SDDL form: tests feed it descriptors as real Windows has them.
func JudgeAdminOnlySDDL(sddl string, kind ObjectKind, allowed ...string) (ok bool, why string, err error) {
	f, err := parseSDDL(sddl)
	if err != nil {
		return false, "", err
	}
	al := map[string]bool{}
	for _, s := range allowed {
		al[strings.ToUpper(s)] = true
	}
	ok, why = judgeAllowlist(f, kind, al)
	return ok, why, nil
}

// truncate shortens s to n bytes for an error message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
