package acl

import (
	"strings"
	"testing"
)

// TestAdminOnlyPathRuleIsAnAllowList: what AdminOnlyPath judges before an
// elevated start is held to the allow-list: folders as real Windows has
// them pass; a folder another standard user owns or may change (which the
// old deny rule, listing only the running user and the well-known groups,
// let through) and a right given to a group the rule does not know are
// refused.
func TestAdminOnlyPathRuleIsAnAllowList(t *testing.T) {
	const bob = "S-1-5-21-1-2-3-1002"
	for _, tt := range []struct {
		name, sddl string
		kind       ObjectKind
		ok         bool
		why        string
	}{
		{"Program Files", sddlProgramFiles, ObjectFolder, true, ""},
		{"a vendor folder", sddlVendorFolder, ObjectFolder, true, ""},
		{"the program", sddlProgramFile, ObjectFile, true, ""},
		{"System32", sddlSystem32, ObjectFolder, true, ""},
		{"msiexec", sddlMsiexec, ObjectFile, true, ""},
		{"C:\\", sddlDriveRoot, ObjectVolumeRoot, true, ""},
		{"C:\\Windows", sddlWindows, ObjectFolder, true, ""},
		{"owned by another user", "O:" + bob + "G:SYD:(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;" + bob + ")", ObjectFolder, false, "owned by " + bob},
		{"another user may add files", "O:BAG:SYD:(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;0x2;;;" + bob + ")", ObjectFolder, false, bob + " may"},
		{"a local group may write the program", "O:BAG:SYD:(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x116;;;S-1-5-21-1-2-3-1010)", ObjectFile, false, "S-1-5-21-1-2-3-1010 may"},
		{"Remote Desktop Users may delete", "O:BAG:SYD:(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x10000;;;RD)", ObjectFile, false, "may delete"},
		{"the running user (deny rule)", sddlProfile, ObjectFolder, false, alice},
		{"another user, inherit-only (passes)", "O:BAG:SYD:(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICIIO;FA;;;" + bob + ")", ObjectFolder, true, ""},
	} {
		f, err := parseSDDL(tt.sddl)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		ok, why := judgeProgramObject(f, tt.kind, riskySet([]string{alice}), map[string]bool{})
		if ok != tt.ok || !strings.Contains(why, tt.why) {
			t.Errorf("%s: %v %q, want %v %q", tt.name, ok, why, tt.ok, tt.why)
		}
	}
}
