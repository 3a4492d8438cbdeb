package acl

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// resultFolderCases: the results folder as real Windows would have it, in
// SDDL as Get-Acl's Sddl property and ConvertSecurityDescriptorToString…
// write it. Both rules (detect.ps1's and JudgeResultFolder) must agree with
// the verdict.
var resultFolderCases = []struct {
	name    string
	sddl    string
	reparse bool
	ok      bool
}{
	{"locked by the MSI or the script", LockedFolderSDDL, false, true},
	{"owned by Administrators", "O:BAG:SYD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)", false, true},
	{"made by SYSTEM without locking: inherits Users' add from ProgramData",
		"O:SYG:SYD:AI(A;OICIIOID;GA;;;CO)(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;0x1200a9;;;BU)(A;CIID;0x116;;;BU)", false, false},
	{"made first by a user: the user owns it",
		"O:S-1-5-21-1-2-3-1001G:S-1-5-21-1-2-3-513D:AI(A;OICIID;FA;;;S-1-5-21-1-2-3-1001)(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;0x1200a9;;;BU)", false, false},
	{"a junction, however locked", LockedFolderSDDL, true, false},
	{"Everyone may modify", "O:SYG:SYD:P(A;OICI;FA;;;SY)(A;OICI;0x1301bf;;;WD)", false, false},
	{"Authenticated Users may add files", "O:SYG:SYD:P(A;OICI;FA;;;SY)(A;;0x2;;;AU)", false, false},
	{"INTERACTIVE may delete what it holds", "O:SYG:SYD:P(A;OICI;FA;;;SY)(A;;0x40;;;IU)", false, false},
	{"Users may take ownership", "O:SYG:SYD:P(A;OICI;FA;;;SY)(A;;WO;;;BU)", false, false},
	{"Users' write is inherit-only: for files in it, not the folder", "O:SYG:SYD:P(A;OICI;FA;;;SY)(A;OICIIO;FW;;;BU)", false, true},
	{"a deny does not make an allow safe", "O:SYG:SYD:P(D;;FA;;;BU)(A;;FA;;;BU)", false, false},
	{"no DACL: everyone may do everything", "O:SYG:SYD:NO_ACCESS_CONTROL", false, false},
	{"owned by TrustedInstaller", "O:S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464D:P(A;OICI;FA;;;SY)", false, false},
}

// TestJudgeResultFolder: the Go rule on the table.
func TestJudgeResultFolder(t *testing.T) {
	for _, tc := range resultFolderCases {
		ok, why, err := JudgeResultFolder(tc.sddl, tc.reparse)
		if err != nil || ok != tc.ok {
			t.Errorf("%s: ok %v (%s), err %v; want %v", tc.name, ok, why, err, tc.ok)
		}
	}
}

// TestDetectPs1FolderRule: PowerShell cannot run here, so detect.ps1's
// folder rule is checked in two halves. Its data (the owners it trusts, the
// principals it holds against the folder, the rights mask, the SDDL it
// creates the folder with) is read from the script and must be the Go
// rule's; and its loop, modelled line by line in ps1Verdict below, must
// give the table's verdict on the same cases as JudgeResultFolder. That its
// cmdlets (Get-Acl, GetAccessRules) read real Windows folders as modelled
// here is not shown by this test.
func TestDetectPs1FolderRule(t *testing.T) {
	data, err := os.ReadFile("../../packaging/windows/detect.ps1")
	if err != nil {
		t.Fatal(err)
	}
	ps1 := string(data)
	list := func(name string) []string {
		m := regexp.MustCompile(`(?m)^\$` + name + ` = @\(([^)]*)\)$`).FindStringSubmatch(ps1)
		if m == nil {
			t.Fatalf("detect.ps1 sets no $%s list", name)
		}
		var out []string
		for _, q := range regexp.MustCompile(`'([^']*)'`).FindAllStringSubmatch(m[1], -1) {
			out = append(out, q[1])
		}
		return out
	}
	owners, users := list("trustedOwners"), list("standardUsers")
	m := regexp.MustCompile(`(?m)^\$userRights = (0x[0-9A-Fa-f]+)$`).FindStringSubmatch(ps1)
	if m == nil {
		t.Fatal("detect.ps1 sets no $userRights")
	}
	rights, _ := strconv.ParseUint(m[1], 0, 32)
	if !slices.Equal(owners, ResultFolderOwners) || !slices.Equal(users, StandardUserSIDs) || uint32(rights) != dangerousRights(ObjectFolder) {
		t.Errorf("detect.ps1's rule data differ from Go's: owners %v, users %v, rights %#x (Go: %v, %v, %#x)",
			owners, users, rights, ResultFolderOwners, StandardUserSIDs, dangerousRights(ObjectFolder))
	}
	if !strings.Contains(ps1, "$lockedSddl = '"+LockedFolderSDDL+"'") {
		t.Errorf("detect.ps1 does not make the folder with %s", LockedFolderSDDL)
	}
	// The lines ps1Verdict models, in order.
	rule := []string{
		`$ErrorActionPreference = 'Stop' # a folder that cannot be read is refused, never passed`,
		`if (-not $item.PSIsContainer) { return 'it is not a folder' }`,
		`if ($item.Attributes -band [IO.FileAttributes]::ReparsePoint) { return 'it is a link or junction' }`,
		`if ($trustedOwners -notcontains $owner) { return`,
		`foreach ($ace in $acl.GetAccessRules($true, $true, [Security.Principal.SecurityIdentifier])) {`,
		`if ($ace.AccessControlType -ne 'Allow') { continue }`,
		`if ($ace.PropagationFlags -band [Security.AccessControl.PropagationFlags]::InheritOnly) { continue }`,
		`if ($standardUsers -notcontains $ace.IdentityReference.Value) { continue }`,
		`if (([int64]$ace.FileSystemRights -band $userRights) -ne 0) { return`,
		"try { $why = Test-ResultFolder $dir } catch { $why = ",
		"if ($why) {",
		"exit 4\n}",
	}
	at := 0
	for _, line := range rule {
		i := strings.Index(ps1[at:], line)
		if i < 0 {
			t.Fatalf("detect.ps1 lacks, after what comes before it, %q", line)
		}
		at += i + len(line)
	}
	if strings.Index(ps1, "Test-ResultFolder $dir") > strings.Index(ps1, "Start-Process") {
		t.Error("detect.ps1 starts the app before it checks the folder")
	}
	if strings.Contains(ps1, "New-Item") {
		t.Error("detect.ps1 makes the folder with New-Item (made, then trusted as found)")
	}
	for _, tc := range resultFolderCases {
		f, err := parseSDDL(tc.sddl)
		if err != nil {
			t.Fatal(err)
		}
		if got := ps1Verdict(f, tc.reparse, owners, users, uint32(rights)); got != tc.ok {
			t.Errorf("%s: detect.ps1's rule says ok=%v, want %v", tc.name, got, tc.ok)
		}
	}
}

// ps1Verdict is Test-ResultFolder of detect.ps1, step by step, on what
// Get-Acl gives: .NET shows a NULL DACL as one rule, Everyone full control.
func ps1Verdict(f securityFacts, reparse bool, owners, users []string, rights uint32) bool {
	if reparse {
		return false
	}
	if !slices.Contains(owners, f.Owner) {
		return false
	}
	aces := f.ACEs
	if f.NullDACL {
		aces = []aceFact{{Type: aceAllow, Mask: 0x1F01FF, SID: SIDEveryone}}
	}
	for _, a := range aces {
		if a.Type != aceAllow || a.Flags&aceInheritOnly != 0 || !slices.Contains(users, a.SID) {
			continue
		}
		if a.Mask&rights != 0 {
			return false
		}
	}
	return true
}

// TestMSILocksTheResultsFolder: the MSI creates the results folder
// (RESULTSDIR, "results" under INSTALLDIR in Program Files, where no
// standard user can make it first, with CreateFolder) and locks it
// with LockedFolderSDDL through MsiLockPermissionsEx; .ci/check-packages
// reads the same table back from the built MSI.
func TestMSILocksTheResultsFolder(t *testing.T) {
	idt, err := os.ReadFile("../../packaging/windows/MsiLockPermissionsEx.idt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(idt), "\n"), "\n")
	if len(lines) != 4 || lines[0] != "MsiLockPermissionsEx\tLockObject\tTable\tSDDLText\tCondition" {
		t.Fatalf("MsiLockPermissionsEx.idt: %q", lines)
	}
	if row := strings.Split(lines[3], "\t"); len(row) != 5 || row[1] != "RESULTSDIR" || row[2] != "CreateFolder" || row[3] != LockedFolderSDDL || row[4] != "" {
		t.Errorf("the lock row is %q, want RESULTSDIR, CreateFolder, %s, no condition", row, LockedFolderSDDL)
	}
	if ok, why, err := JudgeResultFolder(LockedFolderSDDL, false); !ok || err != nil {
		t.Errorf("the lock fails the folder rule: %s %v", why, err)
	}
	wxs, err := os.ReadFile("../../packaging/windows/product.wxs")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?s)<Directory Id="ProgramFiles64Folder">\s*<Directory Id="INSTALLDIR" [^>]*>(?:\s*<Component Id="MainExe".*?</Component>)?\s*(?:<!--.*?-->)?\s*<Directory Id="RESULTSDIR" Name="results">\s*<Component Id="ResultsFolder"[^>]*>\s*<CreateFolder/>`).Match(wxs) ||
		strings.Contains(string(wxs), "CommonAppDataFolder") ||
		!strings.Contains(string(wxs), `<ComponentRef Id="ResultsFolder"/>`) || !strings.Contains(string(wxs), `InstallerVersion="500"`) {
		t.Error("product.wxs does not create the locked results folder (INSTALLDIR\\results in Program Files, CreateFolder, Windows Installer 5), or still makes one under ProgramData")
	}
}
