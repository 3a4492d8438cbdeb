package acl

import (
	"errors"
	"strings"
	"testing"
)

// Security descriptors shaped like a real Windows 10/11 computer's
// (icacls and Get-Acl … | % Sddl on a fresh install), user alice.
const (
	ti    = SIDTrustedInstaller
	alice = "S-1-5-21-1004336348-1177238915-682003330-1001"

	sddlProgramFiles = "O:" + ti + "G:" + ti + "D:PAI(A;;FA;;;" + ti + ")(A;CIIO;GA;;;" + ti + ")(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;SY)" +
		"(A;;0x1301bf;;;BA)(A;OICIIO;GA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)(A;OICIIO;GA;;;CO)" +
		"(A;;0x1200a9;;;AC)(A;OICIIO;GXGR;;;AC)(A;;0x1200a9;;;S-1-15-2-2)(A;OICIIO;GXGR;;;S-1-15-2-2)"
	// C:\Program Files\Kaspersky Lab, made by the installer running as SYSTEM: inherited.
	sddlVendorFolder = "O:SYG:SYD:AI(A;ID;FA;;;SY)(A;OICIIOID;GA;;;SY)(A;ID;FA;;;BA)(A;OICIIOID;GA;;;BA)" +
		"(A;ID;0x1200a9;;;BU)(A;OICIIOID;GXGR;;;BU)(A;OICIIOID;GA;;;CO)(A;ID;0x1200a9;;;AC)(A;OICIIOID;GXGR;;;AC)"
	sddlProgramFile = "O:BAG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)(A;ID;0x1200a9;;;AC)(A;ID;0x1200a9;;;S-1-15-2-2)"
	sddlSystem32    = "O:" + ti + "G:" + ti + "D:PAI(A;;FA;;;" + ti + ")(A;CIIO;GA;;;" + ti + ")(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;SY)" +
		"(A;;0x1301bf;;;BA)(A;OICIIO;GA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)(A;CIIO;GA;;;CO)" +
		"(A;;0x1200a9;;;AC)(A;OICIIO;GXGR;;;AC)(A;;0x1200a9;;;S-1-15-2-2)(A;OICIIO;GXGR;;;S-1-15-2-2)"
	sddlMsiexec = "O:" + ti + "G:" + ti + "D:PAI(A;;FA;;;" + ti + ")(A;;0x1200a9;;;BA)(A;;0x1200a9;;;SY)(A;;0x1200a9;;;BU)" +
		"(A;;0x1200a9;;;AC)(A;;0x1200a9;;;S-1-15-2-2)"
	// C:\ : Authenticated Users may create folders in the root itself
	// (0x4, "AD"), and modify what they create there (inherit-only).
	sddlDriveRoot = "O:SYG:SYD:PAI(A;OICIIO;SDGXGWGR;;;AU)(A;;0x4;;;AU)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)"
	sddlWindows   = "O:" + ti + "G:" + ti + "D:PAI(A;;FA;;;" + ti + ")(A;CIIO;GA;;;" + ti + ")(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;SY)" +
		"(A;;0x1301bf;;;BA)(A;OICIIO;GA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)(A;CIIO;GA;;;CO)"
	sddlUsers        = "O:SYG:SYD:PAI(A;OICIIO;GA;;;CO)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)(A;OICI;0x1200a9;;;WD)"
	sddlProfile      = "O:SYG:SYD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;" + alice + ")"
	sddlLocalAppData = "O:" + alice + "G:" + alice + "D:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;FA;;;" + alice + ")"
	sddlTemp         = sddlLocalAppData
	// A program an administrator copied into %TEMP%: owned by Administrators,
	// still fully the user's through the inherited ACE.
	sddlFileInTemp = "O:BAG:" + alice + "D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;FA;;;" + alice + ")"
	// C:\ProgramData: Users may add files and folders (CI applies to the folder too).
	sddlProgramData = "O:SYG:SYD:PAI(A;OICIIO;GA;;;CO)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)(A;CI;0x116;;;BU)"
	// Wine: every file belongs to the user, who has full control.
	sddlWine = "O:S-1-5-21-0-0-0-1000D:(A;OICI;FA;;;SY)(A;OICI;FA;;;S-1-5-21-0-0-0-1000)(A;OICI;0x1200a9;;;WD)"
)

func TestJudgeSDDLRealShapes(t *testing.T) {
	tests := []struct {
		name string
		sddl string
		kind ObjectKind
		ok   bool
		why  string
	}{
		{"C:\\", sddlDriveRoot, ObjectVolumeRoot, true, ""},
		{"C:\\ judged as a program folder", sddlDriveRoot, ObjectFolder, false, "S-1-5-11 may append data or add folders"},
		{"Program Files", sddlProgramFiles, ObjectFolder, true, ""},
		{"Program Files\\Kaspersky Lab", sddlVendorFolder, ObjectFolder, true, ""},
		{"a program in it", sddlProgramFile, ObjectFile, true, ""},
		{"Windows", sddlWindows, ObjectFolder, true, ""},
		{"System32", sddlSystem32, ObjectFolder, true, ""},
		{"msiexec.exe", sddlMsiexec, ObjectFile, true, ""},
		{"Users", sddlUsers, ObjectFolder, true, ""},
		{"the user's profile", sddlProfile, ObjectFolder, false, alice + " may full control"},
		{"LOCALAPPDATA", sddlLocalAppData, ObjectFolder, false, "owned by " + alice},
		{"TEMP", sddlTemp, ObjectFolder, false, "owned by " + alice},
		{"a program in TEMP", sddlFileInTemp, ObjectFile, false, alice + " may"},
		{"ProgramData", sddlProgramData, ObjectFolder, false, "S-1-5-32-545 may write data or add files, append data or add folders, write extended attributes"},
		{"NULL DACL", "O:SYD:NO_ACCESS_CONTROL", ObjectFile, false, "no access list"},
		{"no DACL part", "O:SYG:SY", ObjectFile, false, "no access list"},
		{"empty DACL", "O:SYD:P", ObjectFile, true, ""},
		{"Everyone may delete", "O:SYD:(A;;SD;;;WD)", ObjectFile, false, "S-1-1-0 may delete"},
		{"INTERACTIVE may re-permission", "O:SYD:(A;;WD;;;IU)", ObjectFile, false, "S-1-5-4 may change permissions"},
		{"Users may take ownership", "O:SYD:(A;;WO;;;BU)", ObjectFile, false, "take ownership"},
		{"Users generic write", "O:SYD:(A;;GW;;;BU)", ObjectFile, false, "S-1-5-32-545 may write"},
		{"Users may delete children", "O:SYD:(A;;0x1200e9;;;BU)", ObjectFolder, false, "delete what it holds"},
		{"Users may delete root children", "O:SYD:(A;;DT;;;BU)", ObjectVolumeRoot, false, "delete what it holds"},
		{"Users may add to the root", "O:SYD:(A;;0x6;;;BU)", ObjectVolumeRoot, true, ""},
		{"inherit-only write", "O:SYD:(A;OICIIO;GA;;;BU)(A;;0x1200a9;;;BU)", ObjectFolder, true, ""},
		{"inherited write", "O:SYD:(A;OICIID;FA;;;BU)", ObjectFolder, false, "S-1-5-32-545 may full control"},
		{"deny does not save an allow", "O:SYD:(D;;FA;;;BU)(A;;FA;;;BU)", ObjectFile, false, "S-1-5-32-545"},
		{"domain users alias", "O:SYD:(A;;FA;;;DU)", ObjectFile, false, "unknown principal DU"},
		{"read-only domain users", "O:SYD:(A;;FR;;;DU)", ObjectFile, true, ""},
		{"owned by Users", "O:BUD:(A;;FA;;;SY)", ObjectFile, false, "owned by S-1-5-32-545"},
		{"audit ACE ignored", "O:SYD:(A;;FA;;;SY)S:(AU;SAFA;FA;;;WD)", ObjectFile, true, ""},
	}
	// Wine's user, judged by the rule of real Windows.
	tests = append(tests, struct {
		name string
		sddl string
		kind ObjectKind
		ok   bool
		why  string
	}{"Wine, judged as Windows", sddlWine, ObjectFile, false, "owned by S-1-5-21-0-0-0-1000"})
	for _, tt := range tests {
		user := alice
		if strings.HasPrefix(tt.name, "Wine") {
			user = "S-1-5-21-0-0-0-1000"
		}
		ok, why, err := JudgeSDDL(tt.sddl, tt.kind, user)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if ok != tt.ok || !strings.Contains(why, tt.why) || (ok && why != "") {
			t.Errorf("%s: ok %v, %q; want %v, %q", tt.name, ok, why, tt.ok, tt.why)
		}
	}
}

// TestJudgeChainLikeWindows walks whole paths as AdminOnlyPath does.
func TestJudgeChainLikeWindows(t *testing.T) {
	chains := []struct {
		name  string
		chain []string // the file, then its folders up to the root
		ok    bool
	}{
		{`C:\Program Files\Kaspersky Lab\avpui.exe`, []string{sddlProgramFile, sddlVendorFolder, sddlProgramFiles, sddlDriveRoot}, true},
		{`C:\Windows\System32\msiexec.exe`, []string{sddlMsiexec, sddlSystem32, sddlWindows, sddlDriveRoot}, true},
		{`C:\Users\alice\AppData\Local\Temp\avp.exe`, []string{sddlFileInTemp, sddlTemp, sddlLocalAppData, sddlProfile, sddlUsers, sddlDriveRoot}, false},
		{`C:\ProgramData\Kaspersky Lab\setup.exe`, []string{sddlProgramFile, sddlVendorFolder, sddlProgramData, sddlDriveRoot}, false},
	}
	for _, c := range chains {
		ok, why, err := judgeChain(c.chain, alice)
		if err != nil || ok != c.ok {
			t.Errorf("%s: ok %v (%s), %v; want %v", c.name, ok, why, err, c.ok)
		}
	}
}

// judgeChain judges a file and its folders as AdminOnlyPath does.
func judgeChain(chain []string, user string) (bool, string, error) {
	for i, sddl := range chain {
		kind := ObjectFolder
		switch i {
		case 0:
			kind = ObjectFile
		case len(chain) - 1:
			kind = ObjectVolumeRoot
		}
		ok, why, err := JudgeSDDL(sddl, kind, user)
		if err != nil || !ok {
			return ok, why, err
		}
	}
	return true, "", nil
}

func TestJudgeSDDLRejectsGarbage(t *testing.T) {
	for _, s := range []string{"X:SY", "O:SYD:(A;;FA;;SY)", "O:SYD:(A;;ZZ;;;SY)", "O:SYD:(A;;FA;;;SY", "O:SYD:(A;QQ;FA;;;SY)", "O:SYD:(A;;0xZZ;;;SY)", "D:(A;;FA;;;)"} {
		if _, _, err := JudgeSDDL(s, ObjectFile); !errors.Is(err, ErrBadSDDL) {
			t.Errorf("%q: %v", s, err)
		}
	}
}

func FuzzJudgeSDDL(f *testing.F) {
	for _, s := range []string{sddlProgramFiles, sddlDriveRoot, sddlTemp, sddlWine, "O:SYD:NO_ACCESS_CONTROL"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ok, why, err := JudgeSDDL(s, ObjectFolder, alice)
		if err != nil && ok {
			t.Fatalf("%q: ok with an error", s)
		}
		if err == nil && ok == (why != "") {
			t.Fatalf("%q: ok %v with reason %q", s, ok, why)
		}
	})
}

// TestJudgeAdminOnly: run as SYSTEM or elevated, the app writes only into a
// folder owned and changeable by administrators and the system alone: a
// folder another standard user owns, or was given rights on, is refused
// (the running user's denylist would not list that user).
func TestJudgeAdminOnly(t *testing.T) {
	const bob = "S-1-5-21-1004336348-1177238915-682003330-1001"
	const ti = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
	tests := []struct {
		name, sddl string
		kind       ObjectKind
		ok         bool
	}{
		{"locked as the MSI makes it", "O:SYG:SYD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)", ObjectFolder, true},
		{"owned by TrustedInstaller", "O:" + ti + "D:P(A;;FA;;;" + ti + ")(A;;0x1200a9;;;BA)(A;;0x1200a9;;;BU)", ObjectFolder, true},
		{"another user owns it (and gave himself nothing)", "O:" + bob + "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)", ObjectFolder, false},
		{"another user may change it", "O:SYD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;" + bob + ")", ObjectFolder, false},
		{"another user may only read it", "O:SYD:P(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;" + bob + ")", ObjectFolder, true},
		{"CREATOR OWNER, inherit-only, counts for nothing here", "O:BAD:P(A;OICI;FA;;;SY)(A;OICIIO;FA;;;CO)", ObjectFolder, true},
		{"no access list", "O:SY", ObjectFolder, false},
		{"C:\\ as Windows has it (Users may add)", "O:SYD:(A;OICI;FA;;;BA)(A;OICI;FA;;;SY)(A;OICI;0x1200a9;;;BU)(A;CI;LC;;;AU)(A;OICIIO;SDGXGWGR;;;AU)", ObjectVolumeRoot, true},
	}
	for _, tt := range tests {
		ok, why, err := JudgeAdminOnlySDDL(tt.sddl, tt.kind)
		if err != nil || ok != tt.ok {
			t.Errorf("%s: ok %v (%s), err %v; want %v", tt.name, ok, why, err, tt.ok)
		}
	}
	// Under Wine the user is the administrator: allowed by name.
	if ok, _, _ := JudgeAdminOnlySDDL("O:"+bob+"D:P(A;;FA;;;"+bob+")", ObjectFolder, bob); !ok {
		t.Error("an allowed SID was refused")
	}
}
