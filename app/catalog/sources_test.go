package catalog

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// verifiedPins are the commits a source of this catalog may point at on
// GitHub, each checked to be on the repository's default branch (a fetched
// copy: git merge-base --is-ancestor <commit> refs/heads/master). A commit
// that exists only on a pull-request ref can vanish and is not what the
// project published: 77eb14d (Sliver) and 75e02c0 (winPEAS) were such
// commits. Changing a pin means checking the new commit the same way and
// writing it here.
var verifiedPins = map[string]string{
	"winpeas":               "95a508171fee8df79c47fa6bf34a1b3faf24256b", // peass-ng/PEASS-ng master, checked 2026-11-26
	"winpeas-seatbelt-list": "2f467a3405089c22a992e0d0435b8afe945454e1", // peass-ng/PEASS-ng master, checked 2026-11-26
	"sliver-ps":             "baa3659f20363f8a58fb7588ef2e48a79c6d2b62", // BishopFox/sliver master, checked 2026-11-26
	"pingcastle":            "d3fe77622c3154b4a4c171356d4384cae6a62759", // netwrix/pingcastle master, checked 2026-11-26
	// rapid7/metasploit-framework: the snapshot was too large to fetch and
	// check; the commit is the one the stored index holds the file at.
	"metasploit-av-list": "596393cabcfefd8f85db33a012615f1d8eeb71ad",
}

var githubBlob = regexp.MustCompile(`^https://github\.com/[^/]+/[^/]+/blob/([0-9a-f]{40})/.+`)

// githubThread is an issue thread: a dated report, cited with its date, not a file.
var githubThread = regexp.MustCompile(`^https://github\.com/[^/]+/[^/]+/issues/[0-9]+$`)

// TestGitHubSourcesArePinned: every source on GitHub points at one file at
// one full commit, that commit is a verified one, and the short commit its
// title names is the same commit.
func TestGitHubSourcesArePinned(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, s := range c.Sources {
		if !strings.HasPrefix(s.URL, "https://github.com/") {
			continue
		}
		if githubThread.MatchString(s.URL) {
			if s.Date == "" {
				t.Errorf("source %q: an issue thread is cited with the date of the comment it relies on", s.ID)
			}
			continue
		}
		seen++
		m := githubBlob.FindStringSubmatch(s.URL)
		if m == nil {
			t.Errorf("source %q: %s is not a file at a full commit", s.ID, s.URL)
			continue
		}
		if want, ok := verifiedPins[s.ID]; !ok || want != m[1] {
			t.Errorf("source %q: commit %s is not a commit checked to be on the default branch (want %q)", s.ID, m[1], want)
		}
		for _, short := range regexp.MustCompile(`commit ([0-9a-f]{7,40})`).FindAllStringSubmatch(s.Title, -1) {
			if !strings.HasPrefix(m[1], short[1]) {
				t.Errorf("source %q: title names commit %s, the link %s", s.ID, short[1], m[1])
			}
		}
		for _, bad := range []string{"77eb14d", "75e02c0"} {
			if strings.Contains(s.URL, bad) || strings.Contains(s.Title, bad) {
				t.Errorf("source %q cites %s, a commit only on a pull-request ref", s.ID, bad)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no GitHub source: the check checked nothing")
	}
}

// TestSymantecIsNotNorton: winPEAS (95a5081) and Sliver (baa3659) both file
// ccSvcHst.exe under Symantec Endpoint Protection, a business product: a
// computer running it is not shown as having Norton.
func TestSymantecIsNotNorton(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	matches := func(id, kind, v string) bool {
		for i := range c.Product(id).Signatures {
			s := &c.Product(id).Signatures[i]
			if s.OS == OSWindows && s.Kind == kind && s.Matches(v) {
				return true
			}
		}
		return false
	}
	sep := c.Product("symantec-endpoint-protection")
	if sep == nil || !sep.Business || sep.Role != RoleProtection {
		t.Fatalf("symantec-endpoint-protection = %+v, want a business protection product", sep)
	}
	if !matches("symantec-endpoint-protection", KindProcess, "ccSvcHst.exe") {
		t.Error("ccSvcHst.exe is not Symantec Endpoint Protection")
	}
	if matches("norton", KindProcess, "ccSvcHst.exe") {
		t.Error("ccSvcHst.exe is still taken for Norton")
	}
	if !matches("norton", KindProcess, "NortonSecurity.exe") {
		t.Error("NortonSecurity.exe is no longer Norton")
	}
	for _, a := range c.Alternatives {
		if a.Product == "symantec-endpoint-protection" {
			t.Errorf("alternative %q offers a business product to a home user", a.ID)
		}
	}
}

// shownBy lists, for the pages that confirm a signature that is not a
// process or service name (those are checked against Source.Lists), the
// names or paths the page itself shows, read on 2026-11-26. A confirmed
// package or leftover must be one of them: "confirmed" means the cited page
// shows the name.
var shownBy = map[string][]string{
	"kaspersky-nagent-linux":  {"klnagent", "klnagent64"},
	"kaspersky-kesl10-nagent": {"/opt/kaspersky/klnagent64"},
	"kaspersky-kesl-kit":      {"kesl", "kesl-gui"},
	"kaspersky-kesl-setup":    {"/opt/kaspersky/kesl"},
	"kaspersky-kesl-config":   {"/var/opt/kaspersky/kesl"},
}

// TestConfirmedOnlyWhereShown: the Linux packages and leftovers confirmed
// by Kaspersky's help pages are names those pages show; and the names the
// fact-check found confirmed by pages that do not show them (the AVP<ver>
// registry key, the Mac bundle id, launchd labels and processes, the Linux
// services, UltraAV's Security Center name) are no longer confirmed.
func TestConfirmedOnlyWhereShown(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Products {
		for i := range p.Signatures {
			s := &p.Signatures[i]
			if s.Confidence != Confirmed || s.OS != OSLinux || (s.Kind != KindPackage && s.Kind != KindLeftover) {
				continue
			}
			shown, ok := shownBy[s.Source]
			if !ok {
				t.Errorf("product %q: %s %s%s is confirmed by %q, not a page known to show it", p.ID, s.Kind, s.Match, s.Path, s.Source)
				continue
			}
			if s.Kind == KindLeftover && !slices.Contains(shown, s.Path) {
				t.Errorf("product %q: leftover %s is confirmed by %q, which shows only %q", p.ID, s.Path, s.Source, shown)
			}
			if s.Kind == KindPackage {
				for _, alt := range alternatives(s.Match) {
					re, err := compileAnchored(alt, false)
					if err != nil {
						t.Fatal(err)
					}
					if !slices.ContainsFunc(shown, re.MatchString) {
						t.Errorf("product %q: package %s is confirmed by %q, which shows only %q", p.ID, alt, s.Source, shown)
					}
				}
			}
		}
	}
	notConfirmed := []struct{ product, goos, kind, value string }{
		{"kaspersky", OSWindows, KindRegistry, "AVP21.3"},
		{"kaspersky", OSDarwin, KindBundleID, "com.kaspersky.kav"},
		{"kaspersky", OSDarwin, KindLaunchd, "com.kaspersky.kav"},
		{"kaspersky", OSDarwin, KindLaunchd, "com.kaspersky.kav.gui"},
		{"kaspersky", OSDarwin, KindProcess, "AVP"},
		{"kaspersky-network-agent", OSLinux, KindService, "klnagent64"},
		{"kaspersky-endpoint-linux", OSLinux, KindService, "kesl"},
		{"ultraav", OSWindows, KindSecurityCenter, "UltraAV"},
		{"ultraav", OSWindows, KindProgram, "UltraAV"},
		{"ultravpn", OSWindows, KindProgram, "UltraVPN"},
	}
	for _, tt := range notConfirmed {
		found := false
		for i := range c.Product(tt.product).Signatures {
			s := &c.Product(tt.product).Signatures[i]
			if s.OS != tt.goos || s.Kind != tt.kind || !s.Matches(tt.value) {
				continue
			}
			found = true
			if s.Confidence == Confirmed {
				t.Errorf("%s %s %s %q is confirmed by %q, a page that does not show it", tt.product, tt.goos, tt.kind, tt.value, s.Source)
			}
		}
		if !found {
			t.Errorf("%s %s %s %q: no signature matches it any more", tt.product, tt.goos, tt.kind, tt.value)
		}
	}
}

// TestThreadsAreReportsOnly: a GitHub issue thread is a user's report, so
// nothing citing one is confirmed.
func TestThreadsAreReportsOnly(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	threads := 0
	for _, p := range c.Products {
		for _, s := range p.Signatures {
			if src := c.Source(s.Source); src != nil && githubThread.MatchString(src.URL) {
				threads++
				if s.Confidence == Confirmed {
					t.Errorf("product %q: %s %s is confirmed by %q, an issue thread", p.ID, s.Kind, s.Match, s.Source)
				}
			}
		}
	}
	if threads == 0 {
		t.Fatal("no signature cites an issue thread: the check checked nothing")
	}
}
